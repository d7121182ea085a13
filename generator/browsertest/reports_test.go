package browsertest

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/digitale-staedte/benchmark/generator/pipeline"
	"github.com/digitale-staedte/benchmark/generator/synth"
	"github.com/digitale-staedte/benchmark/generator/synth/synthwrite"
)

// reportsState is what the reports page shows while filtered.
type reportsState struct {
	ListHidden  bool     `json:"list_hidden"`
	PagerHidden []bool   `json:"pager_hidden"`
	Found       []string `json:"found"` // links of the listed matches
	Titles      []string `json:"titles"`
	Count       string   `json:"count"`
	Search      string   `json:"search"`
}

const reportsStateJS = `(() => {
  const list = document.getElementById("reports-list");
  const found = list.nextElementSibling;
  return { list_hidden: list.hidden, pager_hidden: Array.from(document.querySelectorAll(".pager, #reports-range"), (e) => e.hidden),
    found: found && !found.hidden ? Array.from(found.querySelectorAll("h2 a"), (a) => new URL(a.href).pathname + new URL(a.href).hash) : [],
    titles: found && !found.hidden ? Array.from(found.querySelectorAll("h2 a"), (a) => a.textContent) : [],
    count: document.getElementById("report-count").textContent, search: location.search };
})()`

// TestReportsPaginatedInChromium builds 60 synthetic partners (below the
// list limit) with more reports than fit one page: the reports list has a
// second page in both languages, which axe-core passes at phone width.
// Filtering on the second page by a partner lists that partner's reports
// of every page (from the index data/reports.json), newest first, each
// linked to its anchor on the partner's page, while the pagers step
// aside; a topic narrows further; clearing the filter brings the page and
// its pagers back. The choice lives in the URL, so a link reproduces it.
func TestReportsPaginatedInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 60 partners")
	}
	browserPath := chromiumPath(t)
	data := t.TempDir()
	if err := synthwrite.Dataset(data, synth.Options{Cities: 60, Indicators: 2, Years: 2, Measures: 2, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "public")
	res, err := build(pipeline.Options{DataDir: data, SiteDir: filepath.Join(repo, "site"), OutDir: dir, Stdout: io.Discard, Stderr: io.Discard})
	if err != nil {
		t.Fatalf("build: %v\n%s", err, res.Problems.Text("en"))
	}
	b, err := os.ReadFile(filepath.Join(dir, "data", "reports.json"))
	if err != nil {
		t.Fatalf("no index of the reports: %v", err)
	}
	var index struct {
		Format  int         `json:"format"`
		Reports [][6]string `json:"reports"`
	}
	if err := json.Unmarshal(b, &index); err != nil || index.Format != 1 {
		t.Fatalf("index: format %d, %v", index.Format, err)
	}
	size := res.Site.Lists.PageSize
	if len(index.Reports) <= size || len(index.Reports) > 2*size {
		t.Fatalf("%d reports; the test wants two pages of %d", len(index.Reports), size)
	}
	// The partner with the most reports, and those reports' topics.
	perPartner := map[string][][6]string{}
	best := ""
	for _, r := range index.Reports {
		perPartner[r[0]] = append(perPartner[r[0]], r)
		if len(perPartner[r[0]]) > len(perPartner[best]) {
			best = r[0]
		}
	}
	mine := perPartner[best]
	if len(mine) < 2 {
		t.Fatalf("no partner has two reports")
	}
	for _, p := range []string{"berichte/page/2/index.html", "en/reports/page/2/index.html"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
			t.Fatalf("no second page: %v", err)
		}
	}

	origin := serve(t, dir)
	browser := startBrowser(t, browserPath)
	axe := axeSource(t)
	walk := parallel(t)
	for _, p := range []string{"/berichte/page/2/", "/en/reports/page/2/"} {
		walk.Run(strings.Trim(p, "/"), func(t *testing.T) { walkPage(t, browser, origin, p, withAxe, axe) })
	}
	walk.Wait()

	for _, tc := range []struct{ page, partners, title string }{
		{"/berichte/page/2/", "/partner/", "Bericht"},
		{"/en/reports/page/2/", "/en/partners/", "Report"},
	} {
		t.Run("filter "+tc.page, func(t *testing.T) {
			ctx, rec, closeTab := openTab(t, browser, 60*time.Second)
			defer closeTab()
			if err := chromedp.Do(ctx, chromedp.Navigate(origin.String()+tc.page+"?city="+best)); err != nil {
				t.Fatal(err)
			}
			wait := func(step, js string) reportsState {
				t.Helper()
				if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
					t.Fatalf("%s: %v", step, err)
				}
				s, err := chromedp.Run(ctx, chromedp.Evaluate[reportsState](reportsStateJS))
				if err != nil {
					t.Fatal(err)
				}
				return s
			}
			expect := func(step string, s reportsState, want [][6]string) {
				t.Helper()
				var links []string
				for _, r := range want {
					links = append(links, tc.partners+r[0]+"/#report-"+r[5])
				}
				if !slices.Equal(s.Found, links) {
					t.Errorf("%s: found %q, want %q", step, s.Found, links)
				}
				for _, title := range s.Titles {
					if !strings.HasPrefix(title, tc.title+" ") {
						t.Errorf("%s: title %q not in the page's language", step, title)
					}
				}
				if !s.ListHidden || slices.Contains(s.PagerHidden, false) || len(s.PagerHidden) != 3 {
					t.Errorf("%s: the page's list hidden %v, pagers and range hidden %v; want all out of the way", step, s.ListHidden, s.PagerHidden)
				}
				if !strings.Contains(s.Count, fmt.Sprint(len(want))) || !strings.Contains(s.Count, fmt.Sprint(len(index.Reports))) {
					t.Errorf("%s: live region %q, want %d of %d", step, s.Count, len(want), len(index.Reports))
				}
			}
			s := wait("from the URL", `document.getElementById("reports-list").hidden`)
			expect("partner from the URL", s, mine)
			for _, link := range s.Found {
				path, anchor, _ := strings.Cut(link, "#")
				page, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(path), "index.html"))
				if err != nil || !strings.Contains(string(page), `id="`+anchor+`"`) {
					t.Errorf("%s leads to no report (%v)", link, err)
				}
			}
			topic := mine[0][2]
			var narrowed [][6]string
			for _, r := range mine {
				if r[2] == topic {
					narrowed = append(narrowed, r)
				}
			}
			set := fmt.Sprintf(`(() => { const s = document.querySelector('#report-filter select[name="topic"]'); s.value = %q; s.form.dispatchEvent(new Event("change")); return true; })()`, topic)
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](set)); err != nil {
				t.Fatal(err)
			}
			s = wait("topic", `document.getElementById("reports-list").hidden`)
			expect("partner and topic", s, narrowed)
			if !strings.Contains(s.Search, "topic="+topic) || !strings.Contains(s.Search, "city="+best) {
				t.Errorf("URL query %q does not hold the choice", s.Search)
			}
			reset := `(() => { document.getElementById("report-filter").reset(); return true; })()`
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](reset)); err != nil {
				t.Fatal(err)
			}
			s = wait("reset", `!document.getElementById("reports-list").hidden`)
			if len(s.Found) != 0 || slices.Contains(s.PagerHidden, true) || s.Search != "" {
				t.Errorf("after a reset: found %d, pagers hidden %v, query %q; want the page as built", len(s.Found), s.PagerHidden, s.Search)
			}
			rec.report(t, origin)
		})
	}
}
