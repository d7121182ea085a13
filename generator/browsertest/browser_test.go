package browsertest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/digitale-staedte/benchmark/generator/pipeline"
	"github.com/digitale-staedte/benchmark/generator/synth"
	"github.com/digitale-staedte/benchmark/generator/synth/synthwrite"
	wt "github.com/digitale-staedte/benchmark/generator/workbook/workbooktest"
)

// repo is the repository root, seen from this package's folder.
var repo = filepath.Join("..", "..")

// chromiumPath finds the browser, or skips the test (fails it in CI).
func chromiumPath(t *testing.T) string {
	t.Helper()
	candidates := []string{os.Getenv("CHROMIUM"), "/usr/bin/chromium", "chromium", "chromium-browser"}
	for _, c := range candidates {
		if c == "" {
			continue
		}
		if p, err := exec.LookPath(c); err == nil {
			return p
		}
	}
	msg := "Chromium not found (install it with: apt-get install -y chromium, or set $CHROMIUM)"
	if os.Getenv("CI") != "" {
		t.Fatalf("%s; CI is set, so the browser tests must run", msg)
	}
	// go test hides a skip message unless -v; stderr is shown either way.
	fmt.Fprintf(os.Stderr, "SKIP %s: %s\n", t.Name(), msg)
	t.Skip(msg)
	return ""
}

// TestMain runs the tests, then stops the package's one Chromium and
// removes the sites that several tests share.
func TestMain(m *testing.M) {
	code := m.Run()
	shared.close()
	os.Exit(code)
}

// packageState is what the tests of the package share: one Chromium,
// started by the first test that needs it, and the sample site, built by
// the first test that opens it. Each test still gets a browser context of
// its own (its own cache, cookies and storage, see startBrowser) and serves
// the site on a port of its own (its own origin, see serve).
type packageState struct {
	browserOnce sync.Once
	browser     context.Context
	browserErr  error
	stopBrowser func()

	sampleOnce sync.Once
	sample     string // the built sample site
	sampleErr  error
	tmp        string // the folder of the shared builds

	scaleOnce sync.Once
	scaleTmp  string
	scale     scaleBuild
	scaleErr  error
}

// scaleBuild is a synthetic site above the list limit, built against a
// release of other synthetic data, for the tests of paginated and capped
// pages.
type scaleBuild struct {
	opts synth.Options
	data string // its data folder
	out  string // the built site
	res  pipeline.Result
}

// scaleOptions shape the shared synthetic site: 130 partners, so that the
// cities list has a second page and a table of other partners.
var scaleOptions = synth.Options{Cities: 130, Indicators: 8, Years: 3, Measures: 4, Seed: 7}

// scaleSite builds the shared synthetic site once for the package (two
// builds: the previous release and the site); its tests only read it.
func scaleSite(t *testing.T) scaleBuild {
	t.Helper()
	shared.scaleOnce.Do(func() { shared.scale, shared.scaleErr = buildScale() })
	if shared.scaleErr != nil {
		t.Fatal(shared.scaleErr)
	}
	return shared.scale
}

func buildScale() (scaleBuild, error) {
	root, err := os.MkdirTemp("", "browsertest-scale-")
	if err != nil {
		return scaleBuild{}, err
	}
	shared.scaleTmp = root
	prevOpts := scaleOptions
	prevOpts.Cities, prevOpts.Seed = 110, 6
	b := scaleBuild{opts: scaleOptions, data: filepath.Join(root, "data"), out: filepath.Join(root, "public")}
	prevData, prev := filepath.Join(root, "previous-data"), filepath.Join(root, "previous")
	if err := synthwrite.Dataset(prevData, prevOpts); err != nil {
		return b, err
	}
	if err := synthwrite.Dataset(b.data, b.opts); err != nil {
		return b, err
	}
	site := filepath.Join(repo, "site")
	if res, err := build(pipeline.Options{DataDir: prevData, SiteDir: site, OutDir: prev, Stdout: io.Discard, Stderr: io.Discard}); err != nil {
		return b, fmt.Errorf("previous build: %v\n%s", err, res.Problems.Text("en"))
	}
	b.res, err = build(pipeline.Options{DataDir: b.data, SiteDir: site, OutDir: b.out,
		Previous: filepath.Join(prev, "downloads"), Stdout: io.Discard, Stderr: io.Discard})
	if err != nil {
		return b, fmt.Errorf("build: %v\n%s", err, b.res.Problems.Text("en"))
	}
	return b, nil
}

var shared packageState

func (s *packageState) close() {
	if s.stopBrowser != nil {
		s.stopBrowser()
	}
	for _, dir := range []string{s.tmp, s.scaleTmp} {
		if dir != "" {
			os.RemoveAll(dir)
		}
	}
}

// buildMu keeps to one site build at a time: the builds of tests that run
// in parallel share the theme's folder and Hugo's caches.
var buildMu sync.Mutex

// build runs the pipeline, one build at a time.
func build(o pipeline.Options) (pipeline.Result, error) {
	buildMu.Lock()
	defer buildMu.Unlock()
	return pipeline.Build(o)
}

// buildSite runs the whole pipeline into a temporary folder.
func buildSite(t *testing.T, dataDir string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if err := buildInto(dataDir, out); err != nil {
		t.Fatal(err)
	}
	return out
}

func buildInto(dataDir, out string) error {
	if _, err := os.Stat(filepath.Join(repo, "site", "node_modules", "echarts", "package.json")); err != nil {
		return fmt.Errorf("site/node_modules has no echarts: run make test (it runs npm ci in site/)")
	}
	var stderr bytes.Buffer
	if _, err := build(pipeline.Options{DataDir: dataDir, SiteDir: filepath.Join(repo, "site"),
		OutDir: out, Stdout: io.Discard, Stderr: &stderr}); err != nil {
		return fmt.Errorf("building the site: %v\n%s", err, stderr.String())
	}
	return nil
}

// sampleSite is the site built from the sample data in data/, built once
// for all tests of the package; they only read it.
func sampleSite(t *testing.T) string {
	t.Helper()
	shared.sampleOnce.Do(func() {
		if shared.tmp, shared.sampleErr = os.MkdirTemp("", "browsertest-"); shared.sampleErr != nil {
			return
		}
		shared.sample = filepath.Join(shared.tmp, "sample", "public")
		shared.sampleErr = buildInto(filepath.Join(repo, "data"), shared.sample)
	})
	if shared.sampleErr != nil {
		t.Fatal(shared.sampleErr)
	}
	return shared.sample
}

// serve serves a built site on 127.0.0.1 for the test's lifetime.
func serve(t *testing.T, dir string) *url.URL {
	t.Helper()
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	u, err := url.Parse(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// startBrowser gives the test a browser context of its own (like a fresh
// profile: no cache, cookies or storage from other tests) in the package's
// one headless Chromium, which the first call starts; every page gets a
// tab of its own.
func startBrowser(t *testing.T, path string) context.Context {
	t.Helper()
	shared.browserOnce.Do(func() {
		opts := append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(path),
			chromedp.WindowSize(1280, 900),
			// Keep Chromium from calling hosts of its own.
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true),
			chromedp.NoFirstRun,
		)
		actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		bctx, cancelBrowser := chromedp.NewContext(actx)
		shared.browser = bctx
		shared.stopBrowser = func() {
			cancelBrowser()
			cancelAlloc()
		}
		if err := chromedp.Do(bctx); err != nil {
			shared.browserErr = fmt.Errorf("starting Chromium: %v", err)
		}
	})
	if shared.browserErr != nil {
		t.Fatal(shared.browserErr)
	}
	bctx, cancel := chromedp.NewContext(shared.browser, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("opening a browser context: %v", err)
	}
	return bctx
}

// newTab opens a tab in browser. The tab behaves as the focused one even
// while other tabs work at the same time: focus rings show, and focus and
// keyboard events arrive as in a browser window in front.
func newTab(browser context.Context) (context.Context, context.CancelFunc, error) {
	tab, cancel := chromedp.NewContext(browser)
	err := chromedp.Do(tab, chromedp.Func(func(ctx context.Context, tab *chromedp.Target) error {
		_, err := cdp.Call(ctx, tab, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
		return err
	}))
	if err != nil {
		cancel()
		return nil, nil, fmt.Errorf("opening a tab: %w", err)
	}
	return tab, cancel, nil
}

// openTab opens a tab in browser whose events a recorder notes, with a
// deadline; closeTab closes it.
func openTab(t *testing.T, browser context.Context, timeout time.Duration) (ctx context.Context, rec *recorder, closeTab func()) {
	t.Helper()
	tab, cancelTab, err := newTab(browser)
	if err != nil {
		t.Fatal(err)
	}
	rec = &recorder{}
	if err := chromedp.Listen(tab, rec.event); err != nil {
		cancelTab()
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(tab, timeout)
	return ctx, rec, func() { cancel(); cancelTab() }
}

// tabSlots bounds how many pages the package works on at once, across
// all tests: Chromium renders them side by side while the tests wait
// for charts and scripts. $BROWSERTEST_TABS overrides the default.
var tabSlots = make(chan struct{}, tabCount())

func tabCount() int {
	if n, err := strconv.Atoi(os.Getenv("BROWSERTEST_TABS")); err == nil && n > 0 {
		return n
	}
	return 4
}

// group runs subtests side by side, each holding one of the tab slots
// while it runs; Wait waits for all of them. Subtests so run must not
// share anything they change.
type group struct {
	t  *testing.T
	wg sync.WaitGroup
}

func parallel(t *testing.T) *group { return &group{t: t} }

// Run starts f as the subtest name once a tab slot is free.
func (g *group) Run(name string, f func(t *testing.T)) {
	tabSlots <- struct{}{}
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		defer func() { <-tabSlots }()
		g.t.Run(name, f)
	}()
}

func (g *group) Wait() { g.wg.Wait() }

// recorder keeps what a tab reports: requests, failed loads, console
// errors, uncaught exceptions and dialogs.
type recorder struct {
	mu       sync.Mutex
	requests []string
	problems []string
	warnings []string
	expected []string // problems a test causes on purpose: their text contains one of these
}

// expect lets problems that contain sub pass: a test that makes a request
// fail on purpose names the request.
func (r *recorder) expect(sub string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.expected = append(r.expected, sub)
}

func (r *recorder) event(ev any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch e := ev.(type) {
	case *network.EventRequestWillBeSent:
		r.requests = append(r.requests, e.Request.URL)
	case *network.EventResponseReceived:
		if e.Response.Status >= 400 {
			r.problems = append(r.problems, fmt.Sprintf("HTTP %d for %s", e.Response.Status, e.Response.URL))
		}
	case *network.EventLoadingFailed:
		r.problems = append(r.problems, fmt.Sprintf("request failed: %s %s", e.ErrorText, e.BlockedReason))
	case *runtime.EventConsoleAPICalled:
		var parts []string
		for _, a := range e.Args {
			if a.Value != nil {
				parts = append(parts, string(a.Value))
			} else {
				parts = append(parts, a.Description)
			}
		}
		msg := fmt.Sprintf("console.%s: %s", e.Type, strings.Join(parts, " "))
		switch e.Type {
		case runtime.ConsoleAPICalledTypeError, runtime.ConsoleAPICalledTypeAssert:
			r.problems = append(r.problems, msg)
		case runtime.ConsoleAPICalledTypeWarning:
			r.warnings = append(r.warnings, msg)
		}
	case *runtime.EventExceptionThrown:
		d := e.ExceptionDetails
		text := d.Text
		if d.Exception != nil {
			text += " " + d.Exception.Description
		}
		r.problems = append(r.problems, fmt.Sprintf("uncaught exception at %s:%d: %s", d.URL, d.LineNumber+1, text))
	case *log.EventEntryAdded:
		msg := fmt.Sprintf("browser log (%s): %s %s", e.Entry.Level, e.Entry.Text, e.Entry.URL)
		if e.Entry.Level == log.EntryLevelError {
			r.problems = append(r.problems, msg)
		} else if e.Entry.Level == log.EntryLevelWarning {
			r.warnings = append(r.warnings, msg)
		}
	case *page.EventJavascriptDialogOpening:
		r.problems = append(r.problems, fmt.Sprintf("a %s dialog opened: %q", e.Type, e.Message))
	}
}

// report fails the test for every problem and every request that left
// the site's origin.
func (r *recorder) report(t *testing.T, origin *url.URL) {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, p := range r.problems {
		if slices.ContainsFunc(r.expected, func(sub string) bool { return strings.Contains(p, sub) }) {
			t.Log("as expected: " + p)
			continue
		}
		t.Error(p)
	}
	for _, w := range r.warnings {
		t.Log(w)
	}
	for _, req := range r.requests {
		u, err := url.Parse(req)
		if err != nil || u.Scheme == "data" || u.Scheme == "blob" {
			continue
		}
		if u.Scheme != origin.Scheme || u.Host != origin.Host {
			t.Errorf("request to another origin: %s", req)
		}
	}
	if len(r.requests) == 0 {
		t.Error("no request recorded: the network listener saw nothing")
	}
}

// chartState is what the page says about one chart.
type chartState struct {
	ID      string `json:"id"`
	Canvas  bool   `json:"canvas"`
	Width   int    `json:"width"`
	Height  int    `json:"height"`
	Painted int    `json:"painted"` // pixels that are not transparent
	Label   string `json:"label"`
	Role    string `json:"role"`
}

const chartsJS = `Array.from(document.querySelectorAll('script[type="application/json"][data-chart]'), (s) => {
  const el = document.getElementById(s.dataset.chart);
  const c = el && el.querySelector("canvas");
  let painted = 0;
  if (c && c.width && c.height) {
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) painted++;
  }
  return { id: s.dataset.chart, canvas: !!c, width: c ? c.width : 0, height: c ? c.height : 0, painted,
    label: el ? el.getAttribute("aria-label") || "" : "", role: el ? el.getAttribute("role") || "" : "" };
})`

// chartsReadyJS is polled until the page says its charts are ready. A chart
// draws when it scrolls into view, as a reader would scroll: each poll
// brings the next chart that shows and has not started into view.
const chartsReadyJS = `(() => {
  const ready = document.documentElement.dataset.chartsReady;
  if (ready) return ready;
  for (const s of document.querySelectorAll('script[type="application/json"][data-chart]')) {
    const el = document.getElementById(s.dataset.chart);
    if (el && !el.dataset.drawn && el.getClientRects().length > 0) {
      el.scrollIntoView({ block: "center" });
      break;
    }
  }
  return "";
})()`

// waitForCharts scrolls through the page until every chart that shows has
// drawn, and returns the page's charts-ready flag ("true" or "error").
func waitForCharts(ctx context.Context, timeout time.Duration) (string, error) {
	return chromedp.Run(ctx, chromedp.Poll[string](chartsReadyJS, chromedp.WithPollingTimeout(timeout)))
}

// scriptsJS lists the scripts that can run: those with a src and inline
// ones of any type but data.
const scriptsJS = `Array.from(document.scripts).filter((s) => s.src || s.type !== "application/json").map((s) => s.src || "inline: " + s.textContent.slice(0, 80))`

type violation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// checkAxe injects axe-core (its source: axe) into the page ctx shows and
// reports every violation of the WCAG rules axeJS runs.
func checkAxe(t *testing.T, ctx context.Context, axe string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](axe)); err != nil {
		t.Fatalf("injecting axe-core: %v", err)
	}
	vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]violation](axeJS, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("running axe-core: %v", err)
	}
	for _, v := range vs {
		t.Errorf("axe-core: %s (%s): %s\n  %s", v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n  "))
	}
}

// axeJS runs axe-core with the WCAG 2.1 A and AA rules.
const axeJS = `axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, resultTypes: ["violations"] })
  .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact || "", help: v.help,
    nodes: v.nodes.map((n) => n.target.join(" ") + " " + (n.failureSummary || "").replace(/\s+/g, " ")) })))`

// pageResult is what a visit found out.
type pageResult struct {
	ready   string
	charts  []chartState
	labels  chartLabels
	scripts []string
	axe     []violation
}

// visit opens one page in a new tab, with the CSS media features given
// (e.g. prefers-color-scheme: dark), waits for the charts (when the page
// has any), and runs the checks that need the page.
func visit(t *testing.T, browser context.Context, origin *url.URL, path string, media []*emulation.MediaFeature, axeSource string) pageResult {
	t.Helper()
	ctx, rec, closeTab := openTab(t, browser, 60*time.Second)
	defer closeTab()
	var res pageResult
	emulate := chromedp.Func(func(ctx context.Context, tab *chromedp.Target) error {
		_, err := cdp.Call(ctx, tab, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: media})
		return err
	})
	if err := chromedp.Do(ctx, emulate, chromedp.Navigate(origin.String()+path)); err != nil {
		t.Fatalf("opening %s: %v", path, err)
	}
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("script[data-chart]").length`))
	if err != nil {
		t.Fatal(err)
	}
	if n > 0 {
		res.ready, err = waitForCharts(ctx, 30*time.Second)
		if err != nil {
			rec.report(t, origin)
			t.Fatalf("%s: waiting for the charts: %v", path, err)
		}
		if res.charts, err = chromedp.Run(ctx, chromedp.Evaluate[[]chartState](chartsJS)); err != nil {
			t.Fatal(err)
		}
		if res.labels, err = chromedp.Run(ctx, chromedp.Evaluate[chartLabels](chartLabelsJS)); err != nil {
			t.Fatal(err)
		}
	}
	if res.scripts, err = chromedp.Run(ctx, chromedp.Evaluate[[]string](scriptsJS)); err != nil {
		t.Fatal(err)
	}
	if axeSource != "" {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](axeSource)); err != nil {
			t.Fatalf("injecting axe-core: %v", err)
		}
		if res.axe, err = chromedp.Run(ctx, chromedp.Evaluate[[]violation](axeJS, chromedp.EvalAwaitPromise)); err != nil {
			t.Fatalf("running axe-core: %v", err)
		}
	}
	rec.report(t, origin)
	t.Logf("%s: %d requests, charts %+v, %d axe-core violations", path, len(rec.requests), res.charts, len(res.axe))
	return res
}

func axeSource(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repo, "site", "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatalf("axe-core from npm: %v (run make test; it runs npm ci in site/)", err)
	}
	return string(b)
}

// checkScripts: the page runs the site's own scripts only: the charts
// loader once, at most one ECharts bundle (the chart kinds of this page,
// which the loader adds), at most the city search's bundle, and the
// bundles named in pageScripts (e.g. "compare"), once each.
func checkScripts(t *testing.T, origin *url.URL, scripts []string, pageScripts ...string) {
	t.Helper()
	count := map[string]int{}
	for _, s := range scripts {
		name, ok := strings.CutPrefix(s, origin.String()+"/js/")
		if !ok {
			count["other"]++
			continue
		}
		name, _, _ = strings.Cut(name, ".")
		if strings.HasPrefix(name, "echarts-") {
			name = "echarts-"
		}
		count[name]++
	}
	most := map[string]int{"charts": 1, "echarts-": 1, "city-search": 1}
	for _, p := range pageScripts {
		most[p] = 1
	}
	ok := count["charts"] == 1
	for name, n := range count {
		ok = ok && n <= most[name]
	}
	for _, p := range pageScripts {
		ok = ok && count[p] == 1
	}
	if !ok {
		t.Errorf("scripts that can run = %q, want only the site's charts loader, one ECharts bundle, at most the city search's and %q", scripts, pageScripts)
	}
}

// evilName is a city name that tries to end the JSON's <script> element and
// to smuggle a function past go-echarts' renderer.
// chartData finds the JSON of each chart in a page.
var chartData = regexp.MustCompile(`<script type="application/json" data-chart="[^"]*">(.*?)</script>`)

const evilName = `</script><script>alert(1)</script>__f__function(){alert(2)}__f__`

// TestSpreadsheetMarkupStaysText builds a site whose city is named with
// markup: the HTML carries the name only escaped, and in Chromium no
// dialog opens, no script but the bundle exists, and the chart data holds
// the name as text.
func TestSpreadsheetMarkupStaysText(t *testing.T) {
	data := wt.Dataset(t, t.TempDir())
	wt.Write(t, filepath.Join(data, "partners", "alpha.xlsx"), wt.City(evilName, 1)...)
	out := buildSite(t, data)

	html, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(html, []byte("<script>alert")) {
		t.Error("the name reached the home page unescaped")
	}
	blocks := chartData.FindAllSubmatch(html, -1)
	if n := bytes.Count(html, []byte("<script")); n != 8 || len(blocks) != 3 {
		t.Errorf("%d <script elements, %d of them chart options; want three charts' options and data, the bundle and the city search", n, len(blocks))
	}
	for _, b := range blocks {
		if bytes.ContainsAny(b[1], "<>") || bytes.Contains(b[1], []byte("__f__")) {
			t.Errorf("chart data with markup or a function marker: %.200s", b[1])
		}
	}
	if !bytes.Contains(html, []byte(`\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e`)) {
		t.Error("the chart data does not hold the name as escaped JSON text")
	}

	t.Run("browser", func(t *testing.T) {
		origin := serve(t, out)
		browser := startBrowser(t, chromiumPath(t))
		res := visit(t, browser, origin, "/", nil, "")
		if res.ready != "true" {
			t.Errorf("charts ready flag = %q, want \"true\"", res.ready)
		}
		checkScripts(t, origin, res.scripts)
		tab, cancel, err := newTab(browser)
		if err != nil {
			t.Fatal(err)
		}
		defer cancel()
		if err := chromedp.Do(tab, chromedp.Navigate(origin.String()+"/")); err != nil {
			t.Fatal(err)
		}
		names, err := chromedp.Run(tab, chromedp.Evaluate[[]string](
			`JSON.parse(document.querySelector('[data-chart="chart-ranking"]').textContent).yAxis[0].data`))
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, n := range names {
			found = found || strings.ReplaceAll(n, "\u2060", "") == evilName
		}
		if !found {
			t.Errorf("ranking labels %q do not hold the name as written", names)
		}
	})
}
