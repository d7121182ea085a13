package pipeline_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/sitedata"
	"github.com/digitale-staedte/benchmark/generator/synth"
)

// pageBudget is the most any page's HTML may weigh (gzip -9) above the
// list limit: the budget for the home page with its CSS.
const pageBudget = 60 << 10

// perCityPage matches the pages there is one of per city, or per hundred
// cities (the ranking list's later pages): they multiply, but each stays
// the same size.
var perCityPage = regexp.MustCompile(`^(en/)?(partners?|staedte|cities)/([^/]+|page/\d+)/index\.html$`)

// TestNoPageGrowsWithTheCities builds N and 2N synthetic cities above the
// list limit and compares every page both sites have: none may be more
// than a little larger at 2N (names differ in length), and none may exceed
// the page budget. The city pages and the ranking list's pages are checked
// against the budget only.
func TestNoPageGrowsWithTheCities(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two synthetic sites")
	}
	n := sitedata.FullListMax + 10
	sizes := make([]map[string]int, 2)
	for i, cities := range []int{n, 2 * n} {
		data := t.TempDir()
		writeSynth(t, data, synth.Options{Cities: cities, Indicators: 6, Years: 3, Measures: 3, Seed: 11})
		out := filepath.Join(t.TempDir(), "public")
		if res, err := build(t, data, out, ""); err != nil {
			t.Fatalf("%d cities: %v\n%s", cities, err, res.Problems.Text("en"))
		}
		sizes[i] = map[string]int{}
		err := filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
				return err
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(out, path)
			rel = filepath.ToSlash(rel)
			size := gzipSize(t, b)
			if size > pageBudget {
				t.Errorf("%d cities: %s is %d bytes gzip, budget %d", cities, rel, size, pageBudget)
			}
			if !perCityPage.MatchString(rel) {
				sizes[i][rel] = size
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		// The ranking list's second page is a page of its own, in its head too.
		b, err := os.ReadFile(filepath.Join(out, "partner", "page", "2", "index.html"))
		if err != nil {
			t.Errorf("%d cities: %v", cities, err)
		}
		for _, want := range []string{`<link rel="canonical" href="/partner/page/2/">`,
			`hreflang="en" href="/en/partners/page/2/"`, `<a href="/en/partners/page/2/" hreflang="en"`, "(Seite 2)"} {
			if !strings.Contains(string(b), want) {
				t.Errorf("%d cities: partner/page/2/ lacks %s", cities, want)
			}
		}
	}
	if len(sizes[0]) < 20 {
		t.Fatalf("only %d pages besides the city pages; want the whole site", len(sizes[0]))
	}
	for page, small := range sizes[0] {
		large, ok := sizes[1][page]
		if !ok {
			t.Errorf("%s is built for %d cities but not for %d", page, n, 2*n)
			continue
		}
		// Twice the cities: a page with a row per city would double.
		if large > small+small/10+512 {
			t.Errorf("%s grows with the cities: %d bytes gzip at %d cities, %d at %d", page, small, n, large, 2*n)
		}
	}
}
