package browsertest

import (
	"strings"
	"testing"
)

// TestScalePagesInChromium takes the shared synthetic site (130 partners,
// above the list limit, built against a release of 110 others) and checks
// the strategy, measures, methodology and changes pages in both languages:
// every chart's option draws its data rows and the rows are the numbers of
// the table its figure names; in Chromium no console error, no failed or
// foreign request, no axe-core violation, no overflow at phone width.
func TestScalePagesInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 130 cities and a release of 110")
	}
	browserPath := chromiumPath(t)
	scale := scaleSite(t)
	dir := scale.out
	if scale.res.Site.Lists.Full {
		t.Fatal("130 cities built with full lists")
	}
	pages := []string{"/strategie/", "/massnahmen/", "/methodik/", "/aenderungen/",
		"/en/strategy/", "/en/measures/", "/en/methodology/", "/en/changes/"}
	charts := 0
	for _, p := range pages {
		src := builtFile(t, dir, p)
		lang := "de"
		if strings.HasPrefix(p, "/en/") {
			lang = "en"
		}
		for _, c := range pageCharts(t, p, src) {
			charts++
			sameAsOption(t, c)
			rows, ok := tableRows(src, c.table, lang)
			if !ok {
				t.Errorf("%s %s: no table with caption #%s", p, c.id, c.table)
				continue
			}
			sameAsTable(t, c, rows)
		}
	}
	if charts != 4 {
		t.Errorf("%d charts on the pages, want 4 (strategy and intervals in two languages)", charts)
	}
	origin := serve(t, dir)
	browser := startBrowser(t, browserPath)
	axe := axeSource(t)
	walk := parallel(t)
	for _, p := range pages {
		walk.Run(strings.Trim(p, "/"), func(t *testing.T) {
			walkPage(t, browser, origin, p, withAxe, axe)
		})
	}
	walk.Wait()
}
