package browsertest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/digitale-staedte/benchmark/generator/hugo"
	"github.com/digitale-staedte/benchmark/generator/sitedata"
)

// TestKPIYearsInChromium opens the city page's folded table of every
// indicator in every year at phone width, in both languages. The page
// carries only the table's caption and years; js/kpi-years.js takes the
// rows from the table of latest values and loads the values from the
// partner's data file when the fold opens. Every cell must then read
// as Hugo formats that value in the page's language (hugo.Locale, the
// formatter the server-rendered table used), "not available" where the
// file has none; the table must scroll in its own box, not the page, and
// pass axe-core. A data file that cannot be loaded says so, and the next
// opening tries again.
func TestKPIYearsInChromium(t *testing.T) {
	browserPath := chromiumPath(t)
	dir := sampleSite(t)
	origin := serve(t, dir)
	browser := startBrowser(t, browserPath)
	axe := axeSource(t)
	locales, err := hugo.Locales(filepath.Join(repo, "site"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "data", "compare", "cities", "muenchen.json"))
	if err != nil {
		t.Fatal(err)
	}
	var file sitedata.CompareCity
	if err := json.Unmarshal(b, &file); err != nil {
		t.Fatal(err)
	}
	if len(file.Years) == 0 || len(file.ByYear) == 0 {
		t.Fatalf("the data file has %d years and %d indicators; the sample's München reports values", len(file.Years), len(file.ByYear))
	}
	b, err = os.ReadFile(filepath.Join(dir, "data", "compare", "index.json"))
	if err != nil {
		t.Fatal(err)
	}
	var index sitedata.CompareIndex
	if err := json.Unmarshal(b, &index); err != nil {
		t.Fatal(err)
	}
	indicators := map[string]sitedata.CompareIndicator{}
	for _, ind := range index.Indicators {
		indicators[ind.ID] = ind
	}
	na := map[string]string{"de": "–nicht verfügbar", "en": "–not available"}
	for _, tc := range []struct{ lang, path string }{
		{"de", "/partner/muenchen/"},
		{"en", "/en/partners/muenchen/"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			ctx, rec, closeTab := openTab(t, browser, 60*time.Second)
			defer closeTab()
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(phoneWidth, phoneHeight), chromedp.Navigate(origin.String()+tc.path)); err != nil {
				t.Fatal(err)
			}
			type row struct {
				ID       string   `json:"id"`
				Header   string   `json:"header"`
				Decimals int      `json:"decimals"`
				Cells    []string `json:"cells"`
			}
			type state struct {
				Hidden   bool   `json:"hidden"`
				Status   string `json:"status"`
				Rows     []row  `json:"rows"`
				Overflow int    `json:"overflow"`
			}
			const read = `(() => {
  const fold = document.querySelector("details.kpi-years");
  return {
    hidden: fold.querySelector(".table-wrap").hidden,
    status: fold.querySelector(".kpi-years-status").textContent,
    rows: Array.from(fold.querySelectorAll("tr[data-indicator]")).map((r) => ({
      id: r.dataset.indicator, decimals: Number(r.dataset.decimals), header: r.cells[0].textContent,
      cells: Array.from(r.querySelectorAll("td")).map((td) => td.textContent) })),
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  };
})()`
			// openWith opens the fold on another data file and waits until
			// its loading has ended: "done", or failed (no state, a status).
			const openWith = `(async (src, until) => {
  const fold = document.querySelector("details.kpi-years");
  fold.dataset.src = src;
  fold.open = true;
  for (let i = 0; i < 200; i++) {
    await new Promise((r) => setTimeout(r, 50));
    const status = fold.querySelector(".kpi-years-status").textContent;
    if (until === "done" ? fold.dataset.state === "done" : !fold.dataset.state && status) return;
  }
})`
			// A file that is not there: the fold says so and stays empty.
			rec.expect("/no-such-file.json")
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](openWith+`("/no-such-file.json", "failed")`, chromedp.EvalAwaitPromise)); err != nil {
				t.Fatal(err)
			}
			s, err := chromedp.Run(ctx, chromedp.Evaluate[state](read))
			if err != nil {
				t.Fatal(err)
			}
			failed := map[string]string{"de": "Die Werte ließen sich nicht laden. Bitte später erneut öffnen oder die Datendatei verwenden.",
				"en": "The values could not be loaded. Please open the table again later or use the data file."}[tc.lang]
			if !s.Hidden || s.Status != failed || len(s.Rows) != 0 {
				t.Errorf("with a missing file: table hidden %v, status %q, %d rows; want hidden, %q, no rows", s.Hidden, s.Status, len(s.Rows), failed)
			}
			// Closed and opened again with the real file: filled.
			src := "/data/compare/cities/muenchen.json"
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector("details.kpi-years").open = false`)); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](openWith+`("`+src+`", "done")`, chromedp.EvalAwaitPromise)); err != nil {
				t.Fatal(err)
			}
			if s, err = chromedp.Run(ctx, chromedp.Evaluate[state](read)); err != nil {
				t.Fatal(err)
			}
			if s.Hidden || s.Status != "" {
				t.Errorf("with the data file: table hidden %v, status %q", s.Hidden, s.Status)
			}
			// The rows are the file's indicators, in the same (framework) order.
			var ids, want []string
			for _, r := range s.Rows {
				ids = append(ids, r.ID)
			}
			for _, sr := range file.ByYear {
				want = append(want, sr.ID)
			}
			if !slices.Equal(ids, want) {
				t.Errorf("rows %q, want the data file's indicators %q", ids, want)
			}
			series := map[string][]*float64{}
			for _, sr := range file.ByYear {
				series[sr.ID] = sr.Values
			}
			for _, r := range s.Rows {
				values, ok := series[r.ID]
				if !ok {
					t.Errorf("row %s: not in the data file", r.ID)
					continue
				}
				ind := indicators[r.ID]
				head, _ := ind.Name.In(tc.lang)
				if unit, _ := ind.Unit.In(tc.lang); unit != "" {
					head += " (" + unit + ")"
				}
				if !strings.HasPrefix(r.Header, head) {
					t.Errorf("row %s is headed %q, want it to begin with %q", r.ID, r.Header, head)
				}
				if len(r.Cells) != len(file.Years) {
					t.Errorf("row %s: %d cells, want one per year (%d)", r.ID, len(r.Cells), len(file.Years))
					continue
				}
				for i, v := range values {
					want := na[tc.lang]
					if v != nil {
						want = locales[tc.lang].Number(*v, r.Decimals)
					}
					if r.Cells[i] != want {
						t.Errorf("row %s, %d: %q, want %q", r.ID, file.Years[i], r.Cells[i], want)
					}
				}
			}
			if s.Overflow > 0 {
				t.Errorf("the opened table widens the page by %d px at %d px", s.Overflow, phoneWidth)
			}
			checkAxe(t, ctx, axe)
			rec.report(t, origin)
		})
	}
}
