package browsertest

import (
	"context"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Phone size the whole walk runs at: the narrowest screen the site
// promises to work on.
const phoneWidth, phoneHeight = 360, 740

// pageFacts is what the walk reads from each page.
type pageFacts struct {
	Lang     string `json:"lang"`
	Switch   string `json:"switch"`   // path of the language switch's link
	Alt      string `json:"alt"`      // path of the hreflang alternate in the other language
	Overflow int    `json:"overflow"` // document width beyond the viewport, px
	Wide     string `json:"wide"`     // the widest element outside a .table-wrap, when there is overflow
	CSP      bool   `json:"csp"`
	Charts   int    `json:"charts"`
}

const factsJS = `(() => {
  const lang = document.documentElement.lang;
  const other = document.querySelector('.lang-switch a[hreflang]');
  const alt = other && document.querySelector('link[rel="alternate"][hreflang="' + other.getAttribute("hreflang") + '"]');
  const doc = document.documentElement;
  const overflow = doc.scrollWidth - doc.clientWidth;
  let wide = "";
  if (overflow > 0) {
    let max = 0;
    for (const el of document.body.querySelectorAll("*")) {
      if (el.closest(".table-wrap")) continue;
      const r = el.getBoundingClientRect();
      if (r.right > max) { max = r.right; wide = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + "." + el.className + " (" + Math.round(r.right) + " px)"; }
    }
  }
  return { lang, switch: other ? new URL(other.href).pathname : "", alt: alt ? new URL(alt.href).pathname : "",
    overflow, wide, csp: !!document.querySelector('meta[http-equiv="Content-Security-Policy"]'),
    charts: document.querySelectorAll("script[data-chart]").length };
})()`

// chartLabels is what the drawn charts of a page show as text.
type chartLabels struct {
	Drawn    int      `json:"drawn"` // charts drawn
	Texts    int      `json:"texts"`
	Small    []string `json:"small"`    // text below 12 CSS px
	Overlaps []string `json:"overlaps"` // pairs of texts whose boxes overlap
	Clipped  []string `json:"clipped"`  // texts reaching past the chart's edges
}

// chartLabelsJS reads every text the drawn charts paint (ECharts' scene
// graph: axis labels, names, legends, series labels), leaving out what
// ECharts hid (e.g. labels its layout dropped for overlapping), and
// reports texts below 12 CSS px, pairs of texts that overlap by more than
// a pixel each way, and texts that reach past the chart's edges (cut off).
const chartLabelsJS = `(() => {
  const out = { small: [], overlaps: [], clipped: [], texts: 0, drawn: 0 };
  for (const el of document.querySelectorAll(".chart-canvas[data-drawn='true']")) {
    const chart = window.benchmarkCharts && window.benchmarkCharts.instance(el);
    if (!chart) continue;
    out.drawn++;
    const texts = [];
    for (const d of chart.getZr().storage.getDisplayList(true)) {
      if (d.type !== "tspan" && d.type !== "text") continue;
      let hidden = false;
      for (let p = d; p; p = p.parent) if (p.ignore || p.invisible) hidden = true;
      const st = d.style || {};
      if (hidden || !st.text || String(st.text).trim() === "" || st.opacity === 0) continue;
      const m = /(\d+(?:\.\d+)?)px/.exec(st.font || "");
      const t = d.getComputedTransform ? d.getComputedTransform() : null;
      const scale = t ? Math.hypot(t[0], t[1]) : 1;
      const size = (m ? +m[1] : (+st.fontSize || 12)) * scale;
      const r = d.getBoundingRect().clone();
      if (t) r.applyTransform(t);
      texts.push({ text: String(st.text), size, r });
      if (r.x < -1 || r.y < -1 || r.x + r.width > chart.getWidth() + 1 || r.y + r.height > chart.getHeight() + 1) {
        out.clipped.push(el.id + ": " + st.text + " at " + [r.x, r.y, r.x + r.width, r.y + r.height].map(Math.round).join(",") + " in " + chart.getWidth() + "×" + chart.getHeight());
      }
      if (size < 12) out.small.push(el.id + ": " + st.text + " (" + size.toFixed(1) + " px)");
    }
    out.texts += texts.length;
    for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i].r, b = texts[j].r;
      const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (w > 1 && h > 1) out.overlaps.push(el.id + ": " + JSON.stringify(texts[i].text) + " / " + JSON.stringify(texts[j].text) + " (" + w.toFixed(0) + "×" + h.toFixed(0) + " px)");
    }
  }
  return out;
})()`

// sitePages lists every HTML page of a built site as a URL path, skipping
// Hugo's redirect pages (aliases), which hold no content.
func sitePages(t *testing.T, dir string) []string {
	t.Helper()
	var pages []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".html" {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if strings.Contains(string(b), `http-equiv="refresh"`) {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		u := "/" + filepath.ToSlash(rel)
		if path.Base(u) == "index.html" {
			u = strings.TrimSuffix(u, "index.html")
		}
		pages = append(pages, u)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(pages)
	return pages
}

// hoverCharts moves the mouse across every chart, so that tooltips render:
// they are where a Content-Security-Policy would bite (ECharts writes them
// as markup with style attributes).
func hoverCharts(ctx context.Context) error {
	type box struct{ X, Y, W, H float64 }
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(".chart-canvas").length`))
	if err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		b, err := chromedp.Run(ctx, chromedp.Evaluate[box](fmt.Sprintf(`(() => {
  const el = document.querySelectorAll(".chart-canvas")[%d];
  el.scrollIntoView({ block: "center" });
  const r = el.getBoundingClientRect();
  return { X: r.x, Y: r.y, W: r.width, H: r.height };
})()`, i)))
		if err != nil {
			return err
		}
		for k := 1; k <= 4; k++ {
			x, y := b.X+b.W*float64(k)/5, b.Y+b.H/2
			move := chromedp.Func(func(ctx context.Context, tab *chromedp.Target) error {
				_, err := cdp.Call(ctx, tab, input.DispatchMouseEvent, input.DispatchMouseEventParams{
					Type: input.DispatchMouseEventTypeMouseMoved, X: x, Y: y})
				return err
			})
			if err := chromedp.Do(ctx, move); err != nil {
				return err
			}
		}
	}
	// Tooltips appear after a short delay; give them one frame more.
	_, err = chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`new Promise((r) => setTimeout(r, 150))`, chromedp.EvalAwaitPromise))
	return err
}

// walkDepth is how much of a page walkPage checks.
type walkDepth int

const (
	// layoutOnly: the page's width, language links, requests and console;
	// its charts are not waited for.
	layoutOnly walkDepth = iota
	// withCharts: also its charts drawn, with legible labels.
	withCharts
	// withAxe: also every chart's tooltips shown and axe-core run. Both
	// find what a template does, so one page per template suffices.
	withAxe
)

// walkPage opens one page at phone size and checks it: no console error
// (CSP violations are logged as errors), no failed or foreign request, no
// horizontal overflow, and as deep as depth says (axe: axe-core's source).
func walkPage(t *testing.T, browser context.Context, origin *url.URL, p string, depth walkDepth, axe string) pageFacts {
	t.Helper()
	ctx, rec, closeTab := openTab(t, browser, 60*time.Second)
	defer closeTab()
	phone := chromedp.Func(func(ctx context.Context, tab *chromedp.Target) error {
		_, err := cdp.Call(ctx, tab, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
			Width: phoneWidth, Height: phoneHeight, DeviceScaleFactor: 1, Mobile: true})
		return err
	})
	if err := chromedp.Do(ctx, phone, chromedp.Navigate(origin.String()+p)); err != nil {
		t.Fatalf("opening %s: %v", p, err)
	}
	facts, err := chromedp.Run(ctx, chromedp.Evaluate[pageFacts](factsJS))
	if err != nil {
		t.Fatal(err)
	}
	if facts.Charts > 0 && depth >= withCharts {
		ready, err := waitForCharts(ctx, 30*time.Second)
		if err != nil || ready != "true" {
			t.Errorf("charts ready flag = %q (%v), want \"true\"", ready, err)
		}
		// Drawn charts may change the layout: measure again, before
		// tooltips (which may stick out while shown) appear.
		if facts, err = chromedp.Run(ctx, chromedp.Evaluate[pageFacts](factsJS)); err != nil {
			t.Fatal(err)
		}
		labels, err := chromedp.Run(ctx, chromedp.Evaluate[chartLabels](chartLabelsJS))
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d chart texts", p, labels.Texts)
		if labels.Drawn > 0 && labels.Texts == 0 {
			t.Error("the charts paint no text: the label check read nothing")
		}
		for _, s := range labels.Small {
			t.Errorf("chart text below 12 px on a phone: %s", s)
		}
		for _, s := range labels.Overlaps {
			t.Errorf("chart labels overlap on a phone: %s", s)
		}
		for _, s := range labels.Clipped {
			t.Errorf("chart text cut off at the chart's edge on a phone: %s", s)
		}
		if depth >= withAxe {
			if err := hoverCharts(ctx); err != nil {
				t.Errorf("hovering over the charts: %v", err)
			}
			after, err := chromedp.Run(ctx, chromedp.Evaluate[pageFacts](factsJS))
			if err != nil {
				t.Fatal(err)
			}
			if after.Overflow > 0 {
				t.Logf("with a chart tooltip shown the page is %d px wider than the screen", after.Overflow)
			}
		}
	}
	if depth >= withAxe {
		checkAxe(t, ctx, axe)
	}
	if facts.Overflow > 0 {
		t.Errorf("the page is %d px wider than a %d px screen; widest element outside a table: %s", facts.Overflow, phoneWidth, facts.Wide)
	}
	if !facts.CSP {
		t.Error("no Content-Security-Policy meta element")
	}
	rec.report(t, origin)
	return facts
}

// TestEveryPageInChromium walks every page of the built sample site, in
// both languages, at phone width (360 × 740) in one browser: no console
// error, no failed request, nothing from another origin, no horizontal
// overflow of the page (wide tables scroll inside their wrapper), and the
// language switch leads to the same page in the other language, whose
// switch leads back. Charts are drawn and their labels checked on every
// German page and on every English page of its kind (onePerKind); the
// other English detail pages draw the same charts with the same data as
// their German twins. On one page per kind every chart's tooltips are
// shown too (a Content-Security-Policy violation would be a console
// error) and axe-core finds no violation of WCAG 2.1 A and AA.
func TestEveryPageInChromium(t *testing.T) {
	browserPath := chromiumPath(t)
	dir := sampleSite(t)
	origin := serve(t, dir)
	browser := startBrowser(t, browserPath)
	axe := axeSource(t)

	pages := sitePages(t, dir)
	if len(pages) < 40 {
		t.Fatalf("only %d pages found in the built site: %q", len(pages), pages)
	}
	facts := map[string]pageFacts{}
	var mu sync.Mutex // guards facts
	start := time.Now()
	axePages := onePerKind(pages)
	// In English, axe-core checks the pages that show the partners' own
	// texts (where German stands in, marked lang="de", for a missing
	// translation) and the first of each detail kind; the other English
	// pages are their German twins' templates with the theme's strings,
	// which TestThemeTranslationsComplete checks.
	for p := range axePages {
		if strings.HasPrefix(p, "/en/") && strings.Count(p, "/") == 3 && !englishAxePages[p] {
			delete(axePages, p)
		}
	}
	// A partner that is not a municipality has a profile of its own shape
	// (no scores) among the city pages, and München's has a measure with
	// a progress log (its report): checked too (in English at desktop
	// width, TestChartsAndDownloadsInChromium).
	for _, p := range []string{"/partner/stadtwerke-muenchen/", "/partner/muenchen/"} {
		if !slices.Contains(pages, p) {
			t.Fatalf("the sample site has no page %s", p)
		}
		axePages[p] = true
	}
	walk := parallel(t)
	for _, p := range pages {
		walk.Run(strings.Trim(p, "/"), func(t *testing.T) {
			depth := withCharts
			switch {
			case axePages[p]:
				depth = withAxe
			case strings.HasPrefix(p, "/en/"):
				depth = layoutOnly
			}
			f := walkPage(t, browser, origin, p, depth, axe)
			mu.Lock()
			facts[p] = f
			mu.Unlock()
		})
	}
	walk.Wait()
	t.Logf("%d pages (%d with axe-core) in %v", len(pages), len(axePages), time.Since(start).Round(time.Millisecond))

	homes := map[string]string{"de": "/", "en": "/en/"}
	for _, p := range pages {
		f, ok := facts[p]
		if !ok || strings.HasSuffix(p, "404.html") {
			continue // the 404 page has no translation to switch to
		}
		switch {
		case f.Switch == "":
			t.Errorf("%s: no language switch link", p)
		case f.Switch != f.Alt:
			t.Errorf("%s: the language switch leads to %s, the hreflang alternate is %s", p, f.Switch, f.Alt)
		case p != homes[f.Lang] && f.Switch == homes[otherLang(f.Lang)]:
			t.Errorf("%s: the language switch leads to the other language's home page, not to this page's translation", p)
		default:
			back, visited := facts[f.Switch]
			if !slices.Contains(pages, f.Switch) {
				t.Errorf("%s: the language switch leads to %s, which is not a page of the site", p, f.Switch)
			} else if !visited {
				continue // left out by -run
			} else if back.Switch != p {
				t.Errorf("%s: the language switch leads to %s, whose switch leads to %s, not back", p, f.Switch, back.Switch)
			} else if back.Lang == f.Lang {
				t.Errorf("%s: the language switch leads to %s in the same language %q", p, f.Switch, f.Lang)
			}
		}
	}
}

// englishAxePages are the English section pages axe-core checks in the
// phone walk: those showing the partners' texts.
var englishAxePages = map[string]bool{
	"/en/measures/": true, "/en/offers/": true, "/en/reports/": true, "/en/joint-projects/": true, "/en/partners/": true,
}

// onePerKind picks the pages axe-core checks in the walk: every page but
// those of a section's detail pages (a city, an indicator, a dimension),
// which share one template, where the first of each section stands for
// the rest. axe-core takes about half the walk's time, and its findings
// come from the templates; the data's texts are checked by the hostile
// walk and the desktop pages.
func onePerKind(pages []string) map[string]bool {
	isPage := map[string]bool{}
	for _, p := range pages {
		isPage[p] = true
	}
	seen := map[string]bool{}
	out := map[string]bool{}
	for _, p := range pages {
		parent := path.Dir(strings.TrimSuffix(p, "/")) + "/"
		if parent != "/" && parent != "/en/" && isPage[parent] {
			if seen[parent] {
				continue
			}
			seen[parent] = true
		}
		out[p] = true
	}
	return out
}

func otherLang(l string) string {
	if l == "de" {
		return "en"
	}
	return "de"
}

// filterState is what the measures page shows.
type filterState struct {
	Visible int      `json:"visible"`
	Rows    int      `json:"rows"`
	Count   string   `json:"count"`
	Search  string   `json:"search"`
	Hidden  bool     `json:"hidden"`
	Values  []string `json:"values"` // city, topic, status
	Shown   []string `json:"shown"`  // city|topic|status of each visible row
}

const filterStateJS = `(() => {
  const rows = Array.from(document.querySelectorAll("#measures-table tbody tr"));
  const shown = rows.filter((r) => !r.hidden && r.offsetParent !== null);
  return { visible: shown.length, rows: rows.length, count: document.getElementById("measure-count").textContent,
    search: location.search, hidden: document.getElementById("measure-filter").hidden,
    values: ["city", "topic", "status"].map((n) => document.getElementById("filter-" + n).value),
    shown: shown.map((r) => [r.dataset.city, r.dataset.topic, r.dataset.status].join("|")) };
})()`

// TestMeasuresFilterInChromium: the measures page lists every measure of
// every city; its filter narrows the rows by city, topic and status, reads
// and writes the choice in the URL query, announces the count, and ignores
// values that are not options.
func TestMeasuresFilterInChromium(t *testing.T) {
	browserPath := chromiumPath(t)
	dir := sampleSite(t)
	origin := serve(t, dir)
	browser := startBrowser(t, browserPath)

	// The expected rows, from the built page itself without JavaScript:
	// every measure is a row carrying its city, topic and status.
	b, err := os.ReadFile(filepath.Join(dir, "massnahmen", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	rowAttrs := regexp.MustCompile(`<tr data-city="([^"]*)" data-topic="([^"]*)" data-status="([^"]*)">`)
	var all []string
	for _, m := range rowAttrs.FindAllStringSubmatch(string(b), -1) {
		all = append(all, m[1]+"|"+m[2]+"|"+m[3])
	}
	if len(all) < 10 {
		t.Fatalf("the measures page has %d rows; the sample data has dozens of measures", len(all))
	}
	if !strings.Contains(string(b), `<form id="measure-filter" class="filter" data-table="measures-table" data-count="measure-count" hidden>`) {
		t.Error("the filter form is not hidden in the HTML: without JavaScript it would do nothing")
	}
	match := func(city, topic, status string) []string {
		var r []string
		for _, row := range all {
			f := strings.Split(row, "|")
			if (city == "" || f[0] == city) && (topic == "" || f[1] == topic) && (status == "" || f[2] == status) {
				r = append(r, row)
			}
		}
		return r
	}

	ctx, rec, closeTab := openTab(t, browser, 60*time.Second)
	defer closeTab()
	state := func(step string) filterState {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Evaluate[filterState](filterStateJS))
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		return s
	}
	expect := func(step string, s filterState, city, topic, status string) {
		t.Helper()
		want := match(city, topic, status)
		if s.Hidden {
			t.Errorf("%s: the filter form is still hidden", step)
		}
		if !slices.Equal(s.Shown, want) {
			t.Errorf("%s: rows shown %q, want %q", step, s.Shown, want)
		}
		if got := []string{city, topic, status}; !slices.Equal(s.Values, got) {
			t.Errorf("%s: filter values %q, want %q", step, s.Values, got)
		}
		if wantCount := fmt.Sprintf("%d von %d Maßnahmen angezeigt", len(want), len(all)); s.Count != wantCount {
			t.Errorf("%s: live region says %q, want %q", step, s.Count, wantCount)
		}
	}

	// A link with a choice in its query reproduces the view.
	city, status := "augsburg", "done"
	if err := chromedp.Do(ctx, chromedp.Navigate(origin.String()+"/massnahmen/?city="+city+"&status="+status)); err != nil {
		t.Fatal(err)
	}
	s := state("opened with ?city&status")
	if s.Rows != len(all) {
		t.Errorf("%d rows in the DOM, want %d", s.Rows, len(all))
	}
	expect("opened with ?city&status", s, city, "", status)
	if len(s.Shown) == 0 || len(s.Shown) == len(all) {
		t.Fatalf("the sample data should give some but not all rows for %s/%s: %d", city, status, len(s.Shown))
	}

	// Choosing a topic filters further and writes the query.
	topic := strings.Split(s.Shown[0], "|")[1]
	choose := fmt.Sprintf(`(() => { const s = document.getElementById("filter-topic"); s.value = %q;
  s.dispatchEvent(new Event("change", { bubbles: true })); })()`, topic)
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](choose)); err != nil {
		t.Fatal(err)
	}
	s = state("topic chosen")
	expect("topic chosen", s, city, topic, status)
	q, _ := url.ParseQuery(strings.TrimPrefix(s.Search, "?"))
	if q.Get("city") != city || q.Get("topic") != topic || q.Get("status") != status {
		t.Errorf("the URL query is %q, want city, topic and status", s.Search)
	}

	// Reset shows everything and clears the query.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector("#measure-filter button[type=reset]").click()`)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`location.search === ""`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Errorf("after reset the query is still there: %v", err)
	}
	expect("reset", state("reset"), "", "", "")

	// Keyboard: Tab reaches the city filter, which shows a focus ring, and
	// the arrow keys change it.
	const focused = `(() => { const el = document.activeElement; const cs = getComputedStyle(el);
  return el.id + "|" + cs.outlineStyle + "|" + cs.outlineWidth; })()`
	var at string
	for i := 0; i < 40 && !strings.HasPrefix(at, "filter-city|"); i++ {
		if err := chromedp.Do(ctx, chromedp.KeyEvent("\t")); err != nil {
			t.Fatal(err)
		}
		if at, err = chromedp.Run(ctx, chromedp.Evaluate[string](focused)); err != nil {
			t.Fatal(err)
		}
	}
	if f := strings.Split(at, "|"); f[0] != "filter-city" || f[1] == "none" || f[2] == "0px" {
		t.Errorf("tabbing through the page: focus at %q; want the city filter with a visible outline", at)
	} else {
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.ArrowDown)); err != nil {
			t.Fatal(err)
		}
		s = state("city chosen with the keyboard")
		if s.Values[0] == "" {
			t.Error("the arrow key did not change the city filter")
		} else {
			expect("city chosen with the keyboard", s, s.Values[0], "", "")
		}
	}

	// A value that is no option (a stale or edited link) filters nothing.
	if err := chromedp.Do(ctx, chromedp.Navigate(origin.String()+"/massnahmen/?city=atlantis&status="+status)); err != nil {
		t.Fatal(err)
	}
	expect("unknown city", state("unknown city"), "", "", status)
	rec.report(t, origin)
}

// printFacts is how a page looks to the printer.
type printFacts struct {
	Hidden   []string `json:"hidden"`   // controls still displayed
	External string   `json:"external"` // ::after of the first external link
	Internal string   `json:"internal"` // ::after of the first link within the site
	RowBreak string   `json:"rowBreak"` // break-inside of a table row
	Overflow string   `json:"overflow"` // overflow-x of the table wrapper
}

const printJS = `(() => {
  const shown = [".site-nav", ".lang-switch", ".skip-link", "#measure-filter", ".site-footer nav"]
    .filter((s) => { const el = document.querySelector(s); return el && getComputedStyle(el).display !== "none"; });
  const ext = document.querySelector('main a[href^="https://"], main a[href^="http://"]');
  const int = document.querySelector('main a[href^="/"]');
  return { hidden: shown,
    external: ext ? getComputedStyle(ext, "::after").content : "no external link",
    internal: int ? getComputedStyle(int, "::after").content : "no internal link",
    rowBreak: getComputedStyle(document.querySelector("#measures-table tbody tr")).breakInside,
    overflow: getComputedStyle(document.querySelector(".table-wrap")).overflowX };
})()`

// TestPrintStylesheetInChromium: printed, the measures page drops the
// navigation and the controls, spells out where external links lead (but
// not links within the site), keeps table rows whole and lets wide tables
// run onto the paper instead of scrolling.
func TestPrintStylesheetInChromium(t *testing.T) {
	browserPath := chromiumPath(t)
	origin := serve(t, sampleSite(t))
	browser := startBrowser(t, browserPath)
	tab, cancelTab, err := newTab(browser)
	if err != nil {
		t.Fatal(err)
	}
	defer cancelTab()
	ctx, cancel := context.WithTimeout(tab, 60*time.Second)
	defer cancel()
	printMedia := chromedp.Func(func(ctx context.Context, tab *chromedp.Target) error {
		_, err := cdp.Call(ctx, tab, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	})
	if err := chromedp.Do(ctx, printMedia, chromedp.Navigate(origin.String()+"/massnahmen/")); err != nil {
		t.Fatal(err)
	}
	// The print style sheet loads with low priority; wait until it applies.
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`getComputedStyle(document.querySelector(".site-nav")).display === "none"`,
		chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("the navigation is still shown in print: %v", err)
	}
	f, err := chromedp.Run(ctx, chromedp.Evaluate[printFacts](printJS))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Hidden) != 0 {
		t.Errorf("in print still displayed: %q", f.Hidden)
	}
	if !strings.Contains(f.External, "http") {
		t.Errorf("an external link prints as %q after its text, want its URL", f.External)
	}
	if f.Internal != "none" && f.Internal != "normal" {
		t.Errorf("a link within the site prints %q after its text, want nothing", f.Internal)
	}
	if f.RowBreak != "avoid" {
		t.Errorf("table rows: break-inside %q, want avoid", f.RowBreak)
	}
	if f.Overflow != "visible" {
		t.Errorf("table wrapper: overflow-x %q in print, want visible", f.Overflow)
	}
}

// TestChartLabelCheck makes sure the phone walk's label check sees what it
// is meant to catch, on the home page's ranking: city names at 9 px are
// small, value labels at 80 px (taller than a bar's row) overlap and run past the right edge, and city
// names at 90 px, let run unbroken, reach past the chart's left edge.
func TestChartLabelCheck(t *testing.T) {
	browserPath := chromiumPath(t)
	origin := serve(t, sampleSite(t))
	browser := startBrowser(t, browserPath)
	ctx, _, closeTab := openTab(t, browser, 60*time.Second)
	defer closeTab()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(phoneWidth, phoneHeight), chromedp.Navigate(origin.String()+"/")); err != nil {
		t.Fatal(err)
	}
	if ready, err := waitForCharts(ctx, 30*time.Second); err != nil || ready != "true" {
		t.Fatalf("charts ready flag %q, %v", ready, err)
	}
	for _, tc := range []struct {
		option                   string
		small, overlaps, clipped bool
	}{
		{`{}`, false, false, false},
		{`{ yAxis: [{ axisLabel: { fontSize: 9 } }] }`, true, false, false},
		{`{ yAxis: [{ axisLabel: { fontSize: 13 } }], series: [{ label: { fontSize: 80 } }] }`, false, true, true},
		{`{ yAxis: [{ axisLabel: { fontSize: 90, width: 2000, overflow: "none" } }], series: [{ label: { fontSize: 13 } }] }`, false, false, true},
	} {
		labels, err := chromedp.Run(ctx, chromedp.Evaluate[chartLabels](fmt.Sprintf(`(() => {
  window.benchmarkCharts.instance(document.getElementById("chart-ranking")).setOption(%s);
  return %s;
})()`, tc.option, chartLabelsJS)))
		if err != nil {
			t.Fatal(err)
		}
		if (len(labels.Small) > 0) != tc.small || (len(labels.Overlaps) > 0) != tc.overlaps || (len(labels.Clipped) > 0) != tc.clipped {
			t.Errorf("after setOption(%s): small %q, overlaps %q, clipped %q; want %v, %v, %v",
				tc.option, labels.Small, labels.Overlaps, labels.Clipped, tc.small, tc.overlaps, tc.clipped)
		}
	}
}

// TestSlowPhoneInChromium opens the pages with the most charts on a phone
// whose CPU runs 6× slower (DevTools throttling, as Lighthouse's "slow
// phone"), scrolls through them so that every chart loads and draws, and
// fails on any console error or uncaught exception: the home page's map
// once threw from inside ECharts only on a slow CPU.
func TestSlowPhoneInChromium(t *testing.T) {
	browserPath := chromiumPath(t)
	origin := serve(t, sampleSite(t))
	browser := startBrowser(t, browserPath)
	pages := parallel(t)
	for _, p := range []string{"/", "/en/partners/muenchen/", "/vergleich/?c=augsburg,muenchen,nuernberg"} {
		pages.Run(p, func(t *testing.T) {
			ctx, rec, closeTab := openTab(t, browser, 120*time.Second)
			defer closeTab()
			slow := chromedp.Func(func(ctx context.Context, tab *chromedp.Target) error {
				if _, err := cdp.Call(ctx, tab, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: 6}); err != nil {
					return err
				}
				_, err := cdp.Call(ctx, tab, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
					Width: phoneWidth, Height: phoneHeight, DeviceScaleFactor: 2, Mobile: true})
				return err
			})
			if err := chromedp.Do(ctx, slow, chromedp.Navigate(origin.String()+p)); err != nil {
				t.Fatal(err)
			}
			if ready, err := waitForCharts(ctx, 90*time.Second); err != nil || ready != "true" {
				t.Errorf("charts ready flag %q, %v", ready, err)
			}
			rec.report(t, origin)
		})
	}
	pages.Wait()
}

// TestOffersFilterInChromium opens the offers catalogue with a choice in
// its address, as a shared link would: the rows shown are exactly those
// the built page marks with that partner, topic and kind, the selects show
// the choice, and the live region counts the rows; a value that is no
// option (a stale link) shows everything rather than nothing.
func TestOffersFilterInChromium(t *testing.T) {
	browserPath := chromiumPath(t)
	dir := sampleSite(t)
	origin := serve(t, dir)
	browser := startBrowser(t, browserPath)
	b, err := os.ReadFile(filepath.Join(dir, "angebote", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	rowAttrs := regexp.MustCompile(`<tr data-city="([^"]*)" data-topic="([^"]*)" data-kind="([^"]*)">`)
	var all [][]string
	for _, m := range rowAttrs.FindAllStringSubmatch(string(b), -1) {
		all = append(all, m[1:])
	}
	if len(all) < 2 {
		t.Fatalf("the offers page has %d rows; the sample data has two offers", len(all))
	}
	first := all[0]
	for _, tc := range []struct {
		query string
		want  []string // city, topic, kind chosen; "" for any
	}{
		{"?kind=" + first[2], []string{"", "", first[2]}},
		{"?city=" + first[0] + "&topic=" + first[1], []string{first[0], first[1], ""}},
		{"?kind=no-such-kind", []string{"", "", ""}},
	} {
		t.Run(tc.query, func(t *testing.T) {
			ctx, rec, closeTab := openTab(t, browser, 60*time.Second)
			defer closeTab()
			if err := chromedp.Do(ctx, chromedp.Navigate(origin.String()+"/angebote/"+tc.query)); err != nil {
				t.Fatal(err)
			}
			type state struct {
				Hidden bool       `json:"hidden"`
				Values []string   `json:"values"`
				Shown  [][]string `json:"shown"`
				Count  string     `json:"count"`
			}
			s, err := chromedp.Run(ctx, chromedp.Evaluate[state](`(() => ({
  hidden: document.getElementById("offer-filter").hidden,
  values: ["city", "topic", "kind"].map((k) => document.querySelector('#offer-filter select[data-key="' + k + '"]').value),
  shown: Array.from(document.querySelectorAll("#offers-table tbody tr")).filter((r) => !r.hidden).map((r) => [r.dataset.city, r.dataset.topic, r.dataset.kind]),
  count: document.getElementById("offer-count").textContent,
}))()`))
			if err != nil {
				t.Fatal(err)
			}
			var want [][]string
			for _, r := range all {
				if (tc.want[0] == "" || r[0] == tc.want[0]) && (tc.want[1] == "" || r[1] == tc.want[1]) && (tc.want[2] == "" || r[2] == tc.want[2]) {
					want = append(want, r)
				}
			}
			if s.Hidden || !slices.Equal(s.Values, tc.want) {
				t.Errorf("form hidden %v, selects %q; want shown with %q", s.Hidden, s.Values, tc.want)
			}
			if !slices.EqualFunc(s.Shown, want, slices.Equal) {
				t.Errorf("rows shown %q, want %q", s.Shown, want)
			}
			if wantCount := fmt.Sprintf("%d von %d Angeboten angezeigt", len(want), len(all)); s.Count != wantCount {
				t.Errorf("live region %q, want %q", s.Count, wantCount)
			}
			rec.report(t, origin)
		})
	}
}

func TestOnePerKind(t *testing.T) {
	pages := []string{"/", "/en/", "/en/partners/", "/en/partners/augsburg/", "/en/partners/muenchen/", "/methodik/",
		"/partner/", "/partner/augsburg/", "/partner/muenchen/", "/partner/nuernberg/"}
	got := onePerKind(pages)
	want := []string{"/", "/en/", "/en/partners/", "/en/partners/augsburg/", "/methodik/", "/partner/", "/partner/augsburg/"}
	var picked []string
	for _, p := range pages {
		if got[p] {
			picked = append(picked, p)
		}
	}
	if !slices.Equal(picked, want) {
		t.Errorf("onePerKind = %q, want %q", picked, want)
	}
}
