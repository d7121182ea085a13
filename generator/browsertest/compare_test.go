package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/digitale-staedte/benchmark/generator/compare"
	"github.com/digitale-staedte/benchmark/generator/pipeline"
	"github.com/digitale-staedte/benchmark/generator/score"
	"github.com/digitale-staedte/benchmark/generator/sitedata"
	wt "github.com/digitale-staedte/benchmark/generator/workbook/workbooktest"
)

// compareRef is what the generator published for a data folder: the site
// document (site.json) and the engine's unrounded scores.
type compareRef struct {
	site sitedata.Site
	res  score.Result
	ri   int // the reference year's position in res.Years
	// slugs are the partners the compare page weighs, the scored ones, in
	// ds.Cities order; at are their positions in ds.Cities.
	slugs []string
	at    []int
}

func compareRefOf(t *testing.T, dataDir string) compareRef {
	t.Helper()
	ds, probs := pipeline.Check(dataDir)
	if probs.Errors() != 0 {
		t.Fatalf("data has errors:\n%s", probs.Text("en"))
	}
	res := score.Compute(ds)
	r := compareRef{site: sitedata.Build(ds, res, compare.Build(ds, res)), res: res, ri: slices.Index(res.Years, res.ReferenceYear)}
	for i, c := range ds.Cities {
		if c.Kind.Scored() {
			r.slugs, r.at = append(r.slugs, c.Slug), append(r.at, i)
		}
	}
	return r
}

// exact is the engine's unrounded index (or dimension d's score, d ≥ 0) of
// the scored partner slugs[c] in the reference year.
func (r compareRef) exact(c, d int) score.Value {
	y := r.res.Cities[r.at[c]].Years[r.ri]
	if d < 0 {
		return y.Index
	}
	return y.Dimensions[d].Score
}

// compareRow is one row of the compare page's ranking table.
type compareRow struct {
	Slug     string `json:"slug"`
	Rank     int    `json:"rank"`
	RankText string `json:"rankText"`
	Index    string `json:"index"` // data-index: the published value
	Exact    string `json:"exact"` // data-index-exact: full precision
	Text     string `json:"text"`  // as displayed
}

const rowsJS = `Array.from(document.querySelectorAll("#compare-ranking tbody tr"), (tr) => {
  const i = tr.querySelector("[data-index]"), r = tr.querySelector("[data-rank]");
  return { slug: tr.dataset.slug, rank: r ? +r.dataset.rank : 0, rankText: r ? r.textContent : "",
    index: i ? i.dataset.index : "", exact: i ? i.dataset.indexExact : "", text: i ? i.textContent : "" };
})`

// pageState is what the page shows of its choice.
type pageState struct {
	Search  string    `json:"search"`
	Chosen  []string  `json:"chosen"`
	Weights []float64 `json:"weights"`
	Custom  bool      `json:"custom"`
	Reset   bool      `json:"resetDisabled"`
}

const stateJS = `({ search: location.search,
  chosen: Array.from(document.querySelectorAll("#compare-chosen button[data-slug]"), (b) => b.dataset.slug),
  weights: Array.from(document.querySelectorAll("input[data-dimension]"), (i) => +i.value),
  custom: document.getElementById("compare-weights-state").classList.contains("is-custom"),
  resetDisabled: document.getElementById("compare-reset").disabled })`

// compareChartJS reads the drawn compare chart: each city's index bar
// (the first category), by series name.
const compareChartJS = `(() => {
  const chart = window.benchmarkCharts.instance(document.getElementById("chart-compare"));
  const out = {};
  for (const s of chart.getOption().series) out[s.name] = s.data[0];
  return out;
})()`

// waitReady waits until the page has drawn the view its URL asks for.
func waitCompareReady(t *testing.T, ctx context.Context) {
	t.Helper()
	got, err := chromedp.Run(ctx, chromedp.Poll[string](`(() => { const r = document.getElementById("compare").dataset.ready; return r !== "loading" && r; })()`,
		chromedp.WithPollingTimeout(20*time.Second)))
	if err != nil || got != "true" {
		t.Fatalf("compare page not ready: %q, %v", got, err)
	}
}

// openCompare opens path in a new tab of the given width and waits for
// the page; the tab lives until the test ends.
func openCompare(t *testing.T, browser context.Context, origin *url.URL, path string, width int64) (context.Context, *recorder) {
	t.Helper()
	ctx, rec, closeTab := openTab(t, browser, 90*time.Second)
	t.Cleanup(closeTab)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900), chromedp.Navigate(origin.String()+path)); err != nil {
		t.Fatalf("opening %s: %v", path, err)
	}
	waitCompareReady(t, ctx)
	return ctx, rec
}

func cmpEval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%.60s: %v", js, err)
	}
	return v
}

// shown formats a published score as the site does (lang.FormatNumber):
// scores stay below 1,000, so no grouping separator.
func shownScore(v float64, decimals int, lang string) string {
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	if lang == "de" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// checkExact compares the ranking table with the expected ranks and
// unrounded values of each chosen city: the data attributes to the bit,
// the displayed text as the site formats it.
func checkExact(t *testing.T, rows []compareRow, want map[string]score.Value, ranks map[string]int, decimals int, lang string) {
	t.Helper()
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d: %+v", len(rows), len(want), rows)
	}
	for _, r := range rows {
		w, ok := want[r.Slug]
		if !ok {
			t.Errorf("unexpected row %q", r.Slug)
			continue
		}
		if r.Rank != ranks[r.Slug] || (r.Rank > 0 && r.RankText != strconv.Itoa(r.Rank)) {
			t.Errorf("%s: rank %d (%q), want %d", r.Slug, r.Rank, r.RankText, ranks[r.Slug])
		}
		if !w.OK {
			if r.Exact != "" {
				t.Errorf("%s: index %s, want none", r.Slug, r.Exact)
			}
			continue
		}
		got, err := strconv.ParseFloat(r.Exact, 64)
		if err != nil || math.Float64bits(got) != math.Float64bits(w.V) {
			t.Errorf("%s: data-index-exact %q, want %v exactly", r.Slug, r.Exact, w.V)
		}
		pub := score.Round(w.V, decimals)
		if p, err := strconv.ParseFloat(r.Index, 64); err != nil || p != pub {
			t.Errorf("%s: data-index %q, want %v", r.Slug, r.Index, pub)
		}
		if want := shownScore(pub, decimals, lang); r.Text != want {
			t.Errorf("%s: shows %q, want %q", r.Slug, r.Text, want)
		}
	}
}

// TestComparePage opens the compare page of the sample site. With the
// published weights every index (displayed, published and unrounded) and
// every rank equals the generator's; weighting one dimension alone ranks
// the cities as that dimension does; a permalink reproduces the choice and
// the weights, and back/forward step through the views; keyboard use
// works; axe-core finds nothing, at 1280 and at 360 px.
func TestComparePage(t *testing.T) {
	browserPath := chromiumPath(t)
	dataDir := filepath.Join(repo, "data")
	out := sampleSite(t)
	ref := compareRefOf(t, dataDir)
	origin := serve(t, out)
	browser := startBrowser(t, browserPath)
	axe := axeSource(t)
	decimals := ref.site.Settings.Decimals
	all := strings.Join(ref.slugs, ",")
	if len(ref.slugs) < 3 {
		t.Fatalf("the sample has %d cities; the test wants at least 3", len(ref.slugs))
	}

	t.Run("no JavaScript", func(t *testing.T) {
		html, err := os.ReadFile(filepath.Join(out, "vergleich", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		page := string(html)
		for _, want := range []string{`id="compare-nojs"`, `id="compare" class="compare" hidden`, `href="/partner/"`, `href="/"`, `data-src="/data/compare/"`} {
			if !strings.Contains(page, want) {
				t.Errorf("the compare page lacks %s", want)
			}
		}
		// The page holds no city: it is the same size for 3 or 10,000.
		for _, slug := range ref.slugs {
			if strings.Contains(page, "/"+slug+"/") || strings.Contains(page, `"`+slug+`"`) {
				t.Errorf("the compare page names the city %s; its data belongs in data/compare/", slug)
			}
		}
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(sitedata.CompareDir), "index.json")); err != nil {
			t.Error(err)
		}
	})

	published := map[string]score.Value{}
	ranks := map[string]int{}
	for c, slug := range ref.slugs {
		published[slug] = ref.exact(c, -1)
	}
	for _, r := range ref.site.Ranking {
		if r.Rank != nil {
			ranks[r.Slug] = *r.Rank
		}
		if (r.Index == nil) != !published[r.Slug].OK || r.Index != nil && *r.Index != score.Round(published[r.Slug].V, decimals) {
			t.Fatalf("site.json and the engine disagree on %s", r.Slug)
		}
	}

	// The views below each open tabs of their own: they run side by side.
	views := parallel(t)
	defer views.Wait()
	for _, lang := range []struct{ code, path string }{{"de", "/vergleich/"}, {"en", "/en/compare/"}} {
		views.Run("published weights "+lang.code, func(t *testing.T) {
			ctx, rec := openCompare(t, browser, origin, lang.path+"?c="+all, 1280)
			checkExact(t, cmpEval[[]compareRow](t, ctx, rowsJS), published, ranks, decimals, lang.code)
			// The top table ranks every city (the sample has fewer than ten).
			top := cmpEval[[]compareRow](t, ctx, strings.Replace(rowsJS, "#compare-ranking", "#compare-top", 1))
			checkExact(t, top, published, ranks, decimals, lang.code)
			st := cmpEval[pageState](t, ctx, stateJS)
			if st.Custom || !st.Reset || st.Search != "?c="+all {
				t.Errorf("published weights: state %+v", st)
			}
			// The chart of the chosen cities draws when it comes into view:
			// a bar per city, its first the index the table shows.
			drawn, err := chromedp.Run(ctx, chromedp.Poll[string](`(() => {
  const el = document.getElementById("chart-compare");
  if (!el.dataset.drawn) el.scrollIntoView({ block: "center" });
  return el.dataset.drawn === "loading" ? "" : el.dataset.drawn;
})()`, chromedp.WithPollingTimeout(30*time.Second)))
			if err != nil || drawn != "true" {
				t.Fatalf("compare chart: drawn %q, %v", drawn, err)
			}
			bars := cmpEval[map[string]float64](t, ctx, compareChartJS)
			if len(bars) != len(ref.slugs) {
				t.Errorf("the chart has bars for %d cities, want %d: %v", len(bars), len(ref.slugs), bars)
			}
			for c, slug := range ref.slugs {
				name := ref.site.Cities[c].Name
				if got, ok := bars[name]; !ok || got != score.Round(published[slug].V, decimals) {
					t.Errorf("the chart's index bar of %s = %v (present %v), want %v", name, got, ok, score.Round(published[slug].V, decimals))
				}
			}
			checkScripts(t, origin, cmpEval[[]string](t, ctx, scriptsJS), "compare")
			if cmpEval[bool](t, ctx, `!document.getElementById("compare-nojs").hidden`) {
				t.Error("the no-JavaScript notice still shows")
			}
			checkAxe(t, ctx, axe)
			rec.report(t, origin)
		})
	}

	for d, dim := range ref.site.Dimensions {
		views.Run("only "+dim.ID, func(t *testing.T) {
			// Weight 1 on one dimension, every other named with 0: each
			// index is that dimension's score (1·s/1 = s exactly) and the
			// ranking is the dimension's, as site.json has it.
			var w []string
			for _, other := range ref.site.Dimensions {
				w = append(w, url.QueryEscape(other.ID)+":"+map[bool]string{true: "1", false: "0"}[other.ID == dim.ID])
			}
			ctx, rec := openCompare(t, browser, origin, "/vergleich/?c="+all+"&w="+strings.Join(w, ","), 1280)
			want := map[string]score.Value{}
			dimRanks := map[string]int{}
			for c, slug := range ref.slugs {
				want[slug] = ref.exact(c, d)
			}
			for _, r := range ref.site.Ranking {
				if s := r.Dimensions[d]; s.Rank != nil {
					dimRanks[r.Slug] = *s.Rank
				}
			}
			checkExact(t, cmpEval[[]compareRow](t, ctx, rowsJS), want, dimRanks, decimals, "de")
			st := cmpEval[pageState](t, ctx, stateJS)
			if !st.Custom || st.Reset {
				t.Errorf("custom weights not marked as such: %+v", st)
			}
			if d == 0 {
				checkAxe(t, ctx, axe)
			}
			rec.report(t, origin)
		})
	}

	views.Run("partial and invalid weights", func(t *testing.T) {
		// A link that sets one weight, names an unknown dimension and gives
		// another no number: the one weight applies, every other keeps its
		// published weight, and the page names the two parts it ignored.
		dims := ref.site.Dimensions
		path := "/vergleich/?c=" + all + "&w=" + url.QueryEscape(dims[0].ID) + ":3,XYZ:1," + url.QueryEscape(dims[1].ID) + ":abc"
		ctx, rec := openCompare(t, browser, origin, path, 390)
		want := make([]float64, len(dims))
		for i, d := range dims {
			want[i] = d.Weight
		}
		want[0] = 3
		st := cmpEval[pageState](t, ctx, stateJS)
		if !slices.Equal(st.Weights, want) || !st.Custom {
			t.Errorf("weights %v (custom %v), want %v", st.Weights, st.Custom, want)
		}
		notice := cmpEval[string](t, ctx, `(() => { const n = document.getElementById("compare-url-notice"); return n.hidden ? "" : n.textContent; })()`)
		for _, part := range []string{"„XYZ:1“", "„" + dims[1].ID + ":abc“"} {
			if !strings.Contains(notice, part) {
				t.Errorf("the notice %q does not name the ignored part %s", notice, part)
			}
		}
		rec.report(t, origin)
	})

	views.Run("permalink and history", func(t *testing.T) {
		dims := ref.site.Dimensions
		chosen := []string{ref.slugs[2], ref.slugs[0]}
		path := "/vergleich/?c=" + strings.Join(chosen, ",") + "&w=" + url.QueryEscape(dims[0].ID) + ":2," + url.QueryEscape(dims[1].ID) + ":0.5"
		ctx, rec := openCompare(t, browser, origin, path, 1280)
		// The URL comes back in its full form: every dimension named, those
		// the link left out with their published weights.
		wantWeights := make([]float64, len(dims))
		for i, d := range dims {
			wantWeights[i] = d.Weight
		}
		wantWeights[0], wantWeights[1] = 2, 0.5
		var parts []string
		for i, d := range dims {
			parts = append(parts, url.QueryEscape(d.ID)+":"+strconv.FormatFloat(wantWeights[i], 'f', -1, 64))
		}
		permalink := "?c=" + strings.Join(chosen, ",") + "&w=" + strings.Join(parts, ",")
		st := cmpEval[pageState](t, ctx, stateJS)
		if st.Search != permalink || !slices.Equal(st.Chosen, chosen) || !slices.Equal(st.Weights, wantWeights) || !st.Custom {
			t.Fatalf("read back %+v, want %s, %v, %v", st, permalink, chosen, wantWeights)
		}

		// Keyboard: type part of the third city's name, Tab to its check
		// box, Space ticks it.
		third := ref.site.Cities[slices.Index(ref.slugs, ref.slugs[1])]
		prefix := strings.ToLower(string([]rune(third.Name)[:3]))
		if err := chromedp.Do(ctx, chromedp.Focus("#compare-search"), chromedp.KeyEvent(prefix)); err != nil {
			t.Fatal(err)
		}
		if n := cmpEval[int](t, ctx, `document.querySelectorAll("#compare-matches input").length`); n != 1 {
			t.Errorf("%d matches for %q, want 1", n, prefix)
		}
		if err := chromedp.Do(ctx, chromedp.KeyEvent("\t"), chromedp.KeyEvent(" ")); err != nil {
			t.Fatal(err)
		}
		waitCompareReady(t, ctx)
		st = cmpEval[pageState](t, ctx, stateJS)
		if want := append(slices.Clone(chosen), third.Slug); !slices.Equal(st.Chosen, want) {
			t.Errorf("after the keyboard: chosen %v, want %v", st.Chosen, want)
		}

		// Reset, then back twice and forward once.
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`document.getElementById("compare-reset").click()`)); err != nil {
			t.Fatal(err)
		}
		waitCompareReady(t, ctx)
		st = cmpEval[pageState](t, ctx, stateJS)
		if st.Custom || strings.Contains(st.Search, "w=") || !st.Reset {
			t.Errorf("after reset: %+v", st)
		}
		for _, step := range []struct {
			js     string
			chosen int
			search string
		}{
			{"history.back()", 3, "?c=" + strings.Join(append(slices.Clone(chosen), third.Slug), ",") + "&w=" + strings.Join(parts, ",")},
			{"history.back()", 2, permalink},
			{"history.forward()", 3, "?c=" + strings.Join(append(slices.Clone(chosen), third.Slug), ",") + "&w=" + strings.Join(parts, ",")},
		} {
			if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](step.js),
				chromedp.Poll[chromedp.Void](fmt.Sprintf(`location.search === %q && document.querySelectorAll("#compare-chosen button").length === %d`, step.search, step.chosen),
					chromedp.WithPollingTimeout(10*time.Second))); err != nil {
				t.Fatalf("%s to %s: %v (now %+v)", step.js, step.search, err, cmpEval[pageState](t, ctx, stateJS))
			}
			waitCompareReady(t, ctx)
			if st := cmpEval[pageState](t, ctx, stateJS); !slices.Equal(st.Weights, wantWeights) {
				t.Errorf("after %s: weights %v, want %v", step.js, st.Weights, wantWeights)
			}
		}
		rec.report(t, origin)
	})

	views.Run("360 px", func(t *testing.T) {
		ctx, rec := openCompare(t, browser, origin, "/en/compare/?c="+all, 360)
		if w := cmpEval[int](t, ctx, `document.documentElement.scrollWidth`); w > 360 {
			t.Errorf("the page is %d px wide at a 360 px viewport", w)
		}
		checkAxe(t, ctx, axe)
		rec.report(t, origin)
	})

	views.Run("round as the generator", func(t *testing.T) {
		ctx, _ := openCompare(t, browser, origin, "/vergleich/?c="+ref.slugs[0], 1280)
		checkRound(t, ctx)
	})
}

// checkRound compares the page's port of score.Round with Go's on values
// that test each branch: random magnitudes, decimal ties (x.5 at the
// rounding digit) and their float neighbours, negative values, tiny and
// huge numbers, and digits from -2 to 12.
func checkRound(t *testing.T, ctx context.Context) {
	t.Helper()
	rng := rand.New(rand.NewPCG(7, 11))
	type tc struct {
		X float64 `json:"x"`
		D int     `json:"d"`
	}
	var cases []tc
	for range 20000 {
		x := (rng.Float64() - 0.3) * math.Pow(10, float64(rng.IntN(16)-6))
		cases = append(cases, tc{x, rng.IntN(8)})
	}
	for range 5000 {
		d := rng.IntN(4)
		tie, _ := strconv.ParseFloat(strconv.Itoa(rng.IntN(200000)-100000)+"5e-"+strconv.Itoa(d+1), 64)
		cases = append(cases, tc{tie, d}, tc{math.Nextafter(tie, math.Inf(1)), d}, tc{math.Nextafter(tie, math.Inf(-1)), d})
	}
	for _, x := range []float64{0.15, 2.675, 1.005, -0.15, -2.5, 0.5, 1e-300, 5e-324, 1e300, 123456789012.5, 2147483647.5, -0.04, 0.049999999999999996} {
		for d := -2; d <= 12; d++ {
			cases = append(cases, tc{x, d})
		}
	}
	in, err := json.Marshal(cases)
	if err != nil {
		t.Fatal(err)
	}
	// [value, is -0] for each case: JSON has no negative zero.
	got := cmpEval[[][2]any](t, ctx, `JSON.parse(`+strconv.Quote(string(in))+`).map((c) => { const r = benchmarkCompare.round(c.x, c.d); return [r, Object.is(r, -0)]; })`)
	bad := 0
	for i, c := range cases {
		want := score.Round(c.X, c.D)
		g, _ := got[i][0].(float64)
		negZero, _ := got[i][1].(bool)
		wantNegZero := want == 0 && math.Signbit(want)
		if negZero != wantNegZero || !negZero && math.Float64bits(g) != math.Float64bits(want) {
			if bad++; bad <= 10 {
				t.Errorf("round(%v, %d): page %v (−0: %v), Go %v", c.X, c.D, g, negZero, want)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d values rounded differently", bad, len(cases))
	}
}

// TestCompareMethods builds the two-city fixture under the harmonic mean
// with ranks on unrounded scores, and under the geometric mean, and checks
// the page against the engine and against numbers worked out by hand. The
// fixture's 2023 dimension scores: alpha VER 15, DAT 0; beta VER 80,
// DAT 100; published weights VER 2, DAT 1.
func TestCompareMethods(t *testing.T) {
	browserPath := chromiumPath(t)
	browser := startBrowser(t, browserPath)
	methods := parallel(t)
	defer methods.Wait()
	for _, tc := range []struct {
		name     string
		settings wt.Cells
		// beta's index under the published weights and under VER 1, DAT 1,
		// by hand; alpha's DAT of 0 gives 0 under both means (zero rule).
		published, equal float64
		tolerance        float64 // 0: exactly
	}{
		{name: "harmonic, unrounded ranks",
			settings:  wt.Cells{"A4": "Aggregation Index", "B4": "harmonisch", "A5": "Ränge auf", "B5": "ungerundete Werte"},
			published: 3 / (2.0/80 + 1.0/100), // 85.714…
			equal:     2 / (1.0/80 + 1.0/100), // 88.888…
		},
		{name: "geometric",
			settings:  wt.Cells{"A4": "Aggregation Index", "B4": "geometrisch"},
			published: math.Cbrt(80 * 80 * 100), // 86.177…; the page shows the engine's value
			equal:     math.Sqrt(80 * 100),      // 89.442…
			tolerance: 1e-12,
		},
	} {
		methods.Run(tc.name, func(t *testing.T) {
			data := wt.Dataset(t, t.TempDir())
			wt.SetCells(t, filepath.Join(data, "framework.xlsx"), "Einstellungen", tc.settings)
			ref := compareRefOf(t, data)
			origin := serve(t, buildSite(t, data))
			decimals := ref.site.Settings.Decimals

			ctx, rec := openCompare(t, browser, origin, "/vergleich/?c=alpha,beta", 1280)
			want := map[string]score.Value{"alpha": ref.exact(0, -1), "beta": ref.exact(1, -1)}
			if b := want["beta"].V; math.Abs(b-tc.published) > 1e-12*b || want["alpha"] != (score.Value{V: 0, OK: true}) {
				t.Fatalf("the engine gives %+v; the hand computation %v and 0", want, tc.published)
			}
			checkExact(t, cmpEval[[]compareRow](t, ctx, rowsJS), want, map[string]int{"alpha": 2, "beta": 1}, decimals, "de")

			ctx, _ = openCompare(t, browser, origin, "/vergleich/?c=alpha,beta&w=VER:1,DAT:1", 1280)
			rows := cmpEval[[]compareRow](t, ctx, rowsJS)
			if len(rows) != 2 || rows[0].Slug != "beta" || rows[0].Rank != 1 || rows[1].Exact != "0" {
				t.Fatalf("equal weights: rows %+v", rows)
			}
			got, _ := strconv.ParseFloat(rows[0].Exact, 64)
			if d := math.Abs(got - tc.equal); tc.tolerance == 0 && got != tc.equal || d > tc.tolerance*tc.equal {
				t.Errorf("beta under equal weights: page %v, by hand %v", got, tc.equal)
			}
			rec.report(t, origin)

			// The fixture's units are German only, its names bilingual: on
			// the English page the side-by-side table marks the units, and
			// only them, as German.
			ctx, rec = openCompare(t, browser, origin, "/en/compare/?c=alpha,beta", 1280)
			marked := cmpEval[[]string](t, ctx, `Array.from(document.querySelectorAll("#compare-side [lang=de]"), (e) => e.parentElement.className + ":" + e.textContent)`)
			if want := []string{"unit:%", "unit:Tage", "unit:Anzahl", "unit:Punkte"}; !slices.Equal(marked, want) {
				t.Errorf("English page: marked German %q, want %q", marked, want)
			}
			rec.report(t, origin)
		})
	}
}
