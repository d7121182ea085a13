package pipeline_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/pipeline"
	"github.com/digitale-staedte/benchmark/generator/sitedata"
	"github.com/digitale-staedte/benchmark/generator/synth"
)

// scalePageBudget is the most a strategy, measures, methodology or changes
// page may weigh (gzip -9) above the list limit; at 110 cities each is a
// few KB, and none grows with the number of cities.
const scalePageBudget = 60 << 10

// TestScalePages builds 110 synthetic cities (above sitedata.FullListMax)
// against a previous release of 110 other cities, and checks that the
// strategy, measures, methodology and changes pages show counts and the
// first and last cities instead of a row or column per city, stay small,
// and point to the downloads.
func TestScalePages(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 110 cities twice")
	}
	o := synth.Options{Cities: sitedata.FullListMax + 10, Indicators: 5, Years: 3, Measures: 3, Seed: 5}
	prevData := t.TempDir()
	prevOpts := o
	prevOpts.Seed = 6 // other names: every city new, every old one removed
	writeSynth(t, prevData, prevOpts)
	prev := filepath.Join(t.TempDir(), "public")
	if res, err := build(t, prevData, prev, ""); err != nil {
		t.Fatalf("previous build: %v\n%s", err, res.Problems.Text("en"))
	}
	data := t.TempDir()
	writeSynth(t, data, o)
	out := filepath.Join(t.TempDir(), "public")
	var stdout, stderr bytes.Buffer
	res, err := pipeline.Build(pipeline.Options{DataDir: data, SiteDir: repoSite, OutDir: out,
		Previous: filepath.Join(prev, "downloads"), Stdout: &stdout, Stderr: &stderr})
	if err != nil {
		t.Fatalf("build: %v\n%s", err, res.Problems.Text("en"))
	}
	if strings.Contains(stderr.String(), "WARN") || strings.Contains(stderr.String(), "ERROR") {
		t.Errorf("Hugo reported problems:\n%s", stderr.String())
	}
	s := res.Site
	if s.Lists.Full || s.Strategies.Scale == nil || s.Analysis.Scale == nil {
		t.Fatalf("lists full %v, scale data %v / %v; want the scale mode", s.Lists.Full, s.Strategies.Scale, s.Analysis.Scale)
	}
	page := func(path string) string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(out, path, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		if n := gzipSize(t, b); n > scalePageBudget {
			t.Errorf("%s: %d bytes gzip, budget %d", path, n, scalePageBudget)
		}
		t.Logf("%s: %d bytes, %d gzip", path, len(b), gzipSize(t, b))
		return string(b)
	}
	cityLinks := regexp.MustCompile(`href="(/en)?/(partners?)/[^"/]+/"`)
	// No page may carry a link to every city; the 2·Top of the
	// methodology's table and Top per outlier list are the most.
	links := func(path, p string, most int) {
		t.Helper()
		if n := len(cityLinks.FindAllString(p, -1)); n > most {
			t.Errorf("%s links %d city pages, want at most %d", path, n, most)
		}
	}
	top := s.Lists.Top
	for _, lang := range []struct {
		prefix, strategy, measures, methodology, changes, downloads string
	}{
		{"", "strategie", "massnahmen", "methodik", "aenderungen", `href="/downloads/"`},
		{"en/", "en/strategy", "en/measures", "en/methodology", "en/changes", `href="/en/downloads/"`},
	} {
		p := page(lang.strategy)
		if strings.Contains(p, `class="data matrix"`) || !strings.Contains(p, `id="status-counts-caption"`) || !strings.Contains(p, lang.downloads) {
			t.Errorf("%s: want the counts table and a link to the downloads instead of the matrix", lang.strategy)
		}
		for _, tc := range s.Strategies.Scale.Topics {
			var cells []string
			for _, st := range tc.Statuses {
				cells = append(cells, fmt.Sprintf(`<td class="num">%d <span class="unit">\([^<]+\)</span></td>`, st.Count))
			}
			row := strings.Join(cells, `\s*`)
			if !regexp.MustCompile(row).MatchString(p) {
				t.Errorf("%s: no row with the counts of topic %s (%s)", lang.strategy, tc.Topic, row)
			}
		}
		links(lang.strategy, p, len(s.Dimensions)*(top+s.Strategies.MaxExamples))

		p = page(lang.measures)
		if strings.Contains(p, `id="measures-table"`) || strings.Contains(p, "/js/filter.") || !strings.Contains(p, `id="measure-counts"`) || !strings.Contains(p, lang.downloads) {
			t.Errorf("%s: want the counts table, no filter script and a link to the downloads instead of every measure", lang.measures)
		}
		m := s.Strategies.Scale.Measures
		if m.Total == 0 {
			t.Errorf("measures counted: %d", m.Total)
		}
		total := fmt.Sprintf(`<td class="num">%d</td>`, m.Total) // below 1,000: no separator
		if m.Total >= 1000 || !strings.Contains(p, total) {
			t.Errorf("%s: the total %d is not in the table (or needs a separator)", lang.measures, m.Total)
		}
		links(lang.measures, p, 0)

		p = page(lang.methodology)
		sc := s.Analysis.Scale
		if len(sc.Uncertainty) != 2*top || sc.Omitted != sc.Ranked-2*top || !strings.Contains(p, `class="list-gap"`) {
			t.Errorf("%s: %d rows, %d omitted of %d ranked; want the first and last %d with a gap row", lang.methodology, len(sc.Uncertainty), sc.Omitted, sc.Ranked, top)
		}
		gap := regexp.MustCompile(fmt.Sprintf(`<tr class="list-gap"><td colspan="\d+"><span aria-hidden="true">⋮ </span>%d `, sc.Omitted))
		if !gap.MatchString(p) || !strings.Contains(p, lang.downloads) {
			t.Errorf("%s: no count of the cities left out, or no link to the downloads", lang.methodology)
		}
		links(lang.methodology, p, 2*top+len(s.Analysis.Audit)*top)

		// The offers catalogue, too, points to the partners' pages and the
		// downloads instead of listing every offer.
		offersPage := map[string]string{"": "angebote", "en/": "en/offers"}[lang.prefix]
		if p = page(offersPage); strings.Contains(p, `id="offers-table"`) || strings.Contains(p, "/js/filter.") || !strings.Contains(p, lang.downloads) {
			t.Errorf("%s: want no table, no filter script and a link to the downloads", offersPage)
		}
		links(offersPage, p, 0)

		p = page(lang.changes)
		if !strings.Contains(p, `href="/downloads/changes.json"`) {
			t.Errorf("%s: no link to the complete changes", lang.changes)
		}
		// Capped sections: values, measures, reports and offers link one
		// partner a row, joint projects their lead and up to three others.
		links(lang.changes, p, 4*top+4*top)
	}
	if c := res.Changes; len(c.NewCities) != o.Cities || len(c.RemovedCities) != o.Cities || len(c.Measures) < 2*o.Cities {
		t.Errorf("changes: %d new, %d removed cities, %d measure changes; want every city new and removed", len(c.NewCities), len(c.RemovedCities), len(c.Measures))
	}
	if b, err := os.ReadFile(filepath.Join(out, "downloads", "changes.json")); err != nil || !bytes.Contains(b, []byte(res.Changes.NewCities[len(res.Changes.NewCities)-1])) {
		t.Errorf("downloads/changes.json: %v; want every change, the last new city too", err)
	}
	for _, lang := range []string{"de", "en"} {
		b, err := os.ReadFile(filepath.Join(out, "feeds", "changes."+lang+".xml"))
		if err != nil {
			t.Fatal(err)
		}
		if n := gzipSize(t, b); n > scalePageBudget/4 {
			t.Errorf("feed %s: %d bytes gzip; want it capped like the page", lang, n)
		}
	}
}
