package browsertest

import (
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/pipeline"
	"github.com/digitale-staedte/benchmark/generator/synth"
)

// TestScalePagesInChromium builds 110 synthetic cities (above the list
// limit) against a release of 110 others, and checks the strategy,
// measures, methodology and changes pages in both languages: every chart's
// option draws its data rows and the rows are the numbers of the table its
// figure names; in Chromium no console error, no failed or foreign
// request, no axe-core violation, no overflow at phone width.
func TestScalePagesInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 110 cities twice")
	}
	browserPath := chromiumPath(t)
	o := synth.Options{Cities: 110, Indicators: 5, Years: 3, Measures: 3, Seed: 5}
	prevOpts := o
	prevOpts.Seed = 6
	prevData, data := t.TempDir(), t.TempDir()
	writeSynthData(t, prevData, prevOpts)
	writeSynthData(t, data, o)
	prev := filepath.Join(t.TempDir(), "public")
	site := filepath.Join(repo, "site")
	if res, err := build(pipeline.Options{DataDir: prevData, SiteDir: site, OutDir: prev, Stdout: io.Discard, Stderr: io.Discard}); err != nil {
		t.Fatalf("previous build: %v\n%s", err, res.Problems.Text("en"))
	}
	dir := filepath.Join(t.TempDir(), "public")
	res, err := build(pipeline.Options{DataDir: data, SiteDir: site, OutDir: dir,
		Previous: filepath.Join(prev, "downloads"), Stdout: io.Discard, Stderr: io.Discard})
	if err != nil {
		t.Fatalf("build: %v\n%s", err, res.Problems.Text("en"))
	}
	if res.Site.Lists.Full {
		t.Fatal("110 cities built with full lists")
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
			walkPage(t, browser, origin, p, axe)
		})
	}
	walk.Wait()
}
