package browsertest

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// The charts of a built page, as the generator wrote them into the HTML.
var (
	figureRe = regexp.MustCompile(`(?s)<figure class="chart" data-file="([^"]*)" data-table="([^"]*)"[^>]*>(.*?)</figure>`)
	optionRe = regexp.MustCompile(`(?s)<script type="application/json" data-chart="([^"]*)">(.*?)</script>`)
	dataRe   = regexp.MustCompile(`(?s)<script type="application/json" data-chart-data="[^"]*">(.*?)</script>`)
	tableRe  = regexp.MustCompile(`(?s)<table[^>]*>(.*?)</table>`)
	tbodyRe  = regexp.MustCompile(`(?s)<tbody>(.*?)</tbody>`)
	rowRe    = regexp.MustCompile(`(?s)<tr[^>]*>(.*?)</tr>`)
	cellRe   = regexp.MustCompile(`(?s)<(th|td)[^>]*>(.*?)</(?:th|td)>`)
	hiddenRe = regexp.MustCompile(`(?s)<span class="vh">.*?</span>`)
	tagRe    = regexp.MustCompile(`(?s)<[^>]*>`)
	datetime = regexp.MustCompile(`datetime="([^"]*)"`)
	langRe   = regexp.MustCompile(`<html[^>]* lang="([^"]*)"`)
)

// chartRows is a chart's data block: the rows its table and CSV show.
type chartRows struct {
	Kind    string   `json:"kind"`
	Columns []string `json:"columns"`
	Rows    [][]any  `json:"rows"`
}

// builtChart is one chart found in a built page.
type builtChart struct {
	page, id, file, table string
	option                map[string]any
	data                  chartRows
}

// htmlRow is a table body row: its header text and what the cells show.
type htmlRow struct {
	label   string
	numbers []float64
	text    string // visible text and datetime attributes of every cell
}

// pageCharts finds every chart of a built page.
func pageCharts(t *testing.T, page string, src []byte) []builtChart {
	t.Helper()
	var out []builtChart
	for _, f := range figureRe.FindAllSubmatch(src, -1) {
		c := builtChart{page: page, file: string(f[1]), table: string(f[2])}
		o := optionRe.FindSubmatch(f[3])
		d := dataRe.FindSubmatch(f[3])
		if o == nil || d == nil {
			t.Errorf("%s: chart %s without option or data block", page, c.file)
			continue
		}
		c.id = string(o[1])
		if err := json.Unmarshal(o[2], &c.option); err != nil {
			t.Errorf("%s: chart %s: option: %v", page, c.id, err)
			continue
		}
		if err := json.Unmarshal(d[1], &c.data); err != nil {
			t.Errorf("%s: chart %s: data: %v", page, c.id, err)
			continue
		}
		// The compare page's chart is empty when built: its script fills
		// it from the chosen cities (TestComparePage checks it there).
		if len(c.option) == 0 && len(c.data.Rows) == 0 {
			continue
		}
		out = append(out, c)
	}
	return out
}

// tableRows reads the body rows of the table whose caption has this id,
// from every tbody. A group's heading row (a rowgroup header, e.g. the
// strategy matrix's dimension) is not a row: its text belongs to the rows
// it heads.
func tableRows(src []byte, caption, lang string) ([]htmlRow, bool) {
	for _, tb := range tableRe.FindAllSubmatch(src, -1) {
		if !bytes.Contains(tb[1], []byte(`<caption id="`+caption+`"`)) {
			continue
		}
		var rows []htmlRow
		for _, body := range tbodyRe.FindAllSubmatch(tb[1], -1) {
			group := ""
			for _, tr := range rowRe.FindAllSubmatch(body[1], -1) {
				var r htmlRow
				var text []string
				if group != "" {
					text = append(text, group)
				}
				heading := false
				for _, c := range cellRe.FindAllSubmatch(tr[1], -1) {
					for _, dt := range datetime.FindAllSubmatch(c[2], -1) {
						text = append(text, string(dt[1]))
					}
					visible := strings.Join(strings.Fields(html.UnescapeString(tagRe.ReplaceAllString(hiddenRe.ReplaceAllString(string(c[2]), ""), ""))), " ")
					if bytes.Contains(c[0], []byte(`scope="rowgroup"`)) {
						group, heading = visible, true
						break
					}
					if string(c[1]) == "th" && r.label == "" {
						r.label = visible
						continue
					}
					text = append(text, visible)
					r.numbers = append(r.numbers, numbers(visible, lang)...)
				}
				if heading {
					continue
				}
				r.text = strings.Join(text, " | ")
				rows = append(rows, r)
			}
		}
		return rows, true
	}
	return nil, false
}

var numberRe = map[string]*regexp.Regexp{
	"de": regexp.MustCompile(`[−-]?\d[\d.]*(?:,\d+)?`),
	"en": regexp.MustCompile(`[−-]?\d[\d,]*(?:\.\d+)?`),
}

// numbers reads the numbers a cell shows in the page's language: 1.234,5
// in German, 1,234.5 in English.
func numbers(s, lang string) []float64 {
	var out []float64
	for _, tok := range numberRe[lang].FindAllString(s, -1) {
		tok = strings.Replace(tok, "−", "-", 1)
		if lang == "de" {
			tok = strings.ReplaceAll(strings.ReplaceAll(tok, ".", ""), ",", ".")
		} else {
			tok = strings.ReplaceAll(tok, ",", "")
		}
		if v, err := strconv.ParseFloat(strings.TrimRight(tok, "."), 64); err == nil {
			out = append(out, v)
		}
	}
	return out
}

// sameAsTable: every data row is a row of the table, in the same order,
// whose header starts with the row's label; the row's numbers appear among
// the table row's numbers in the same order (two equal ends of a rank
// interval show as one number), and its texts in the row's text. A nil
// (not available) shows as a dash or words; it is not looked for.
func sameAsTable(t *testing.T, c builtChart, rows []htmlRow) {
	t.Helper()
	if len(c.data.Rows) == 0 {
		t.Errorf("%s %s: no data rows", c.page, c.id)
	}
	next := 0
	for _, dr := range c.data.Rows {
		label, _ := dr[0].(string)
		label = strings.Join(strings.Fields(strings.ReplaceAll(label, "\u2060", "")), " ")
		found := -1
		for i := next; i < len(rows); i++ {
			if strings.HasPrefix(strings.ReplaceAll(rows[i].label, "\u2060", ""), label) {
				found = i
				break
			}
		}
		if found < 0 {
			t.Errorf("%s %s: data row %q is not a row of table #%s (after row %d)", c.page, c.id, label, c.table, next)
			continue
		}
		next = found + 1
		r := rows[found]
		pos := 0
		for j, v := range dr[1:] {
			switch v := v.(type) {
			case float64:
				k := pos
				for k < len(r.numbers) && math.Abs(r.numbers[k]-v) > 1e-9 {
					k++
				}
				if k == len(r.numbers) {
					t.Errorf("%s %s: row %q, column %q: %v is not in the table row's numbers %v (from position %d)",
						c.page, c.id, label, c.data.Columns[j+1], v, r.numbers, pos)
					continue
				}
				pos = k
			case string:
				if v != "" && !strings.Contains(r.text, v) {
					t.Errorf("%s %s: row %q, column %q: %q is not in the table row %q", c.page, c.id, label, c.data.Columns[j+1], v, r.text)
				}
			}
		}
	}
}

// num reads an option value: a number, or nil for ECharts' empty "-".
func num(v any) any {
	if f, ok := v.(float64); ok {
		return f
	}
	return nil
}

func items(series any) []map[string]any {
	var out []map[string]any
	s, _ := series.(map[string]any)
	data, _ := s["data"].([]any)
	for _, d := range data {
		m, _ := d.(map[string]any)
		out = append(out, m)
	}
	return out
}

func axisData(opt map[string]any, axis string) []any {
	a, _ := opt[axis].([]any)
	if len(a) == 0 {
		return nil
	}
	m, _ := a[0].(map[string]any)
	d, _ := m["data"].([]any)
	return d
}

func seriesName(s any) string {
	m, _ := s.(map[string]any)
	n, _ := m["name"].(string)
	return n
}

// sameAsOption: the numbers the option draws are the data rows' numbers,
// chart kind by chart kind.
func sameAsOption(t *testing.T, c builtChart) {
	t.Helper()
	series, _ := c.option["series"].([]any)
	rows := c.data.Rows
	fail := func(format string, args ...any) {
		t.Errorf("%s %s (%s): %s", c.page, c.id, c.data.Kind, fmt.Sprintf(format, args...))
	}
	eq := func(a, b any) bool { return fmt.Sprint(a) == fmt.Sprint(b) }
	switch c.data.Kind {
	case "bar":
		names, data := axisData(c.option, "yAxis"), items(series[0])
		if len(names) != len(rows) || len(data) != len(rows) {
			fail("%d categories, %d bars, %d rows", len(names), len(data), len(rows))
			return
		}
		for i, r := range rows {
			if !eq(names[i], r[0]) || !eq(num(data[i]["value"]), r[1]) {
				fail("bar %d = %v %v, row %v", i, names[i], data[i]["value"], r)
			}
		}
	case "line":
		// Either a row per series (cities) or, with one series, a row per
		// year (a city's index).
		if len(series) == 1 && len(rows) > 1 && !eq(seriesName(series[0]), rows[0][0]) {
			data, years := items(series[0]), axisData(c.option, "xAxis")
			for i, r := range rows {
				if !eq(years[i], r[0]) || !eq(num(data[i]["value"]), r[1]) {
					fail("point %d = %v %v, row %v", i, years[i], data[i]["value"], r)
				}
			}
			return
		}
		if len(series) != len(rows) {
			fail("%d series, %d rows", len(series), len(rows))
			return
		}
		for i, r := range rows {
			data := items(series[i])
			if !eq(seriesName(series[i]), r[0]) || len(data) != len(r)-1 {
				fail("series %q with %d points, row %v", seriesName(series[i]), len(data), r)
				continue
			}
			for j, d := range data {
				if !eq(num(d["value"]), r[j+1]) {
					fail("series %q point %d = %v, row %v", seriesName(series[i]), j, d["value"], r)
				}
			}
		}
	case "radar":
		for s := 0; s < 2; s++ {
			vals, _ := items(series[s])[0]["value"].([]any)
			for i, r := range rows {
				if !eq(num(vals[i]), r[s+1]) {
					fail("series %d axis %d = %v, row %v", s, i, vals[i], r)
				}
			}
		}
	case "interval":
		names := axisData(c.option, "yAxis")
		base, span, med, rank := items(series[0]), items(series[1]), items(series[2]), items(series[3])
		k := 0
		for _, r := range rows {
			if r[1] == nil || r[2] == nil {
				continue
			}
			if k >= len(names) {
				fail("row %v is not drawn", r)
				return
			}
			low, high := r[3].(float64), r[4].(float64)
			if !eq(names[k], r[0]) || !eq(base[k]["value"], low) || !eq(span[k]["value"], high-low) ||
				!eq(med[k]["value"], []any{r[2], float64(k)}) || !eq(rank[k]["value"], []any{r[1], float64(k)}) {
				fail("city %d: %v %v %v %v %v, row %v", k, names[k], base[k]["value"], span[k]["value"], med[k]["value"], rank[k]["value"], r)
			}
			k++
		}
		if k != len(names) {
			fail("%d cities drawn, %d rows with an interval", len(names), k)
		}
	case "heatmap":
		cells := 0
		for _, d := range items(series[0]) {
			v, _ := d["value"].([]any)
			x, y, code := int(v[0].(float64)), int(v[1].(float64)), v[2].(float64)
			word, _ := rows[y][2+x].(string)
			label, _ := d["name"].(string)
			if (code == 0) != (label == "–") || (code > 0 && !strings.HasSuffix(label, " "+word)) {
				fail("cell %d,%d shows %q (status %v), row says %q", x, y, label, code, word)
			}
			cells++
		}
		if len(rows) > 0 && cells != len(rows)*(len(rows[0])-2) {
			fail("%d cells for %d rows of %d cities", cells, len(rows), len(rows[0])-2)
		}
	case "timeline":
		titles := axisData(c.option, "yAxis")
		k := 0
		for _, r := range rows {
			if k >= len(titles) || !eq(titles[k], r[0]) {
				continue // not drawn: no start or end date
			}
			start, _ := r[2].(string)
			base := items(series[0])[k]["value"].(float64)
			if y, _ := strconv.Atoi(start[:4]); int(base) != y {
				fail("bar %d starts at %v, row %v", k, base, r)
			}
			drawn := 0
			for _, s := range series[1:] {
				if _, ok := items(s)[k]["value"].(float64); ok {
					drawn++
					if !strings.HasSuffix(seriesName(s), " "+r[1].(string)) {
						fail("bar %d is in series %q, row %v", k, seriesName(s), r)
					}
				}
			}
			if drawn != 1 {
				fail("bar %d is drawn in %d status series", k, drawn)
			}
			k++
		}
		if k != len(titles) {
			fail("%d bars, %d of them found in the rows in order", len(titles), k)
		}
	case "map":
		var points []map[string]any
		for _, s := range series {
			points = append(points, items(s)...)
		}
		placed := 0
		for _, r := range rows {
			if r[1] == nil || r[2] == nil {
				continue
			}
			placed++
			found := false
			for _, p := range points {
				v, _ := p["value"].([]any)
				name, _ := p["name"].(string)
				if strings.HasPrefix(name, r[0].(string)) && eq(v[0], r[2]) && eq(v[1], r[1]) && (r[3] == nil || (len(v) == 3 && eq(v[2], r[3]))) {
					found = true
				}
			}
			if !found {
				fail("row %v is not on the map", r)
			}
		}
		if placed != len(points) {
			fail("%d points, %d rows with coordinates", len(points), placed)
		}
	default:
		fail("unknown chart kind")
	}
}

// builtPages lists the HTML pages of a built site with their content.
func builtPages(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	pages := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		pages["/"+filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// TestChartNumbersEqualTables builds the sample site and checks every
// chart on every page: the numbers its option draws are its data rows,
// and its data rows are the numbers of the table its figure names.
func TestChartNumbersEqualTables(t *testing.T) {
	dir := sampleSite(t)
	kinds := map[string]int{}
	for page, src := range builtPages(t, dir) {
		lang := "de"
		if m := langRe.FindSubmatch(src); m != nil && strings.HasPrefix(string(m[1]), "en") {
			lang = "en"
		}
		for _, c := range pageCharts(t, page, src) {
			kinds[c.data.Kind]++
			sameAsOption(t, c)
			rows, ok := tableRows(src, c.table, lang)
			if !ok {
				t.Errorf("%s %s: no table with caption #%s", page, c.id, c.table)
				continue
			}
			sameAsTable(t, c, rows)
		}
	}
	for _, k := range []string{"bar", "line", "radar", "interval", "heatmap", "timeline", "map"} {
		if kinds[k] == 0 {
			t.Errorf("no %s chart on any page", k)
		}
	}
	t.Logf("charts checked by kind: %v", kinds)
}

// download is what a click on a chart's button saved.
type download struct {
	Name  string `json:"name"`
	Href  string `json:"href"`
	Bytes string `json:"bytes"` // base64 of a CSV's Blob
}

// hookJS records downloads instead of saving them: the page's own script
// is untouched; the test replaces the two browser functions it calls.
const hookJS = `(() => {
  window.__blobs = new Map();
  const create = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (b) => { const u = create(b); window.__blobs.set(u, b); return u; };
  window.__downloads = [];
  HTMLAnchorElement.prototype.click = function () { window.__downloads.push({ name: this.download, href: this.href }); };
})()`

// readDownloadsJS returns the recorded downloads, each CSV's bytes read
// from its Blob.
const readDownloadsJS = `Promise.all(window.__downloads.map(async (d) => {
  const b = window.__blobs.get(d.href);
  let bytes = "";
  if (b) {
    const a = new Uint8Array(await b.arrayBuffer());
    let s = ""; for (const x of a) s += String.fromCharCode(x);
    bytes = btoa(s);
  }
  return { name: d.name, href: d.href.startsWith("data:") ? d.href.slice(0, 40) + "…" + d.href.length : d.href, bytes };
}))`

// buttonsJS describes each chart's buttons.
const buttonsJS = `Array.from(document.querySelectorAll("figure.chart"), (f) => Array.from(f.querySelectorAll(".chart-actions button"), (b) => ({
  text: b.textContent, label: b.getAttribute("aria-label") || "", type: b.type, tab: b.tabIndex })))`

type button struct {
	Text  string `json:"text"`
	Label string `json:"label"`
	Type  string `json:"type"`
	Tab   int    `json:"tab"`
}

// TestChartsAndDownloadsInChromium opens one page of every type that has
// charts at desktop size, in both languages (the home also in dark mode),
// and the cooperation's pages without charts (joint projects, reports)
// for the checks that apply:
// every chart draws, as an img with its summary, with no text below 12 px,
// overlapping or cut off; each has a PNG and a CSV button in the page's
// language that the keyboard reaches and works (Enter); the PNG is the
// drawn chart, the CSV (UTF-8 with BOM, a header) holds exactly the
// chart's data, the numbers of its table; the only scripts are the site's
// own; no console error, no failed or foreign request, no axe-core
// violation.
func TestChartsAndDownloadsInChromium(t *testing.T) {
	browserPath := chromiumPath(t)
	dir := sampleSite(t)
	origin := serve(t, dir)
	browser := startBrowser(t, browserPath)
	axe := axeSource(t)
	pages := builtPages(t, dir)
	dark := []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}
	g := parallel(t)
	for _, tc := range []struct {
		name, path, png string
		media           []*emulation.MediaFeature
		charts          int
		// translation: the other language of a page checked in full, whose
		// template axe-core and the download buttons have seen already.
		translation bool
	}{
		{"home", "/", "PNG: das Diagramm als Bild herunterladen", nil, 3, false},
		{"home en", "/en/", "PNG: download the chart as an image", nil, 3, false},
		{"home dark", "/", "", dark, 3, false},
		{"city", "/partner/augsburg/", "", nil, 4, false},
		{"city en", "/en/partners/augsburg/", "", nil, 4, true},
		{"strategy", "/strategie/", "", nil, 2, false},
		{"strategy en", "/en/strategy/", "", nil, 2, true},
		{"methodology", "/methodik/", "", nil, 1, false},
		{"methodology en", "/en/methodology/", "", nil, 1, true},
		{"dimension", "/dimensionen/ver/", "", nil, 1, false},
		{"dimension en", "/en/dimensions/ver/", "", nil, 1, true},
		{"indicator", "/kennzahlen/ver-01/", "", nil, 1, false},
		{"indicator en", "/en/indicators/ver-01/", "", nil, 1, true},
		{"indicator rank en", "/en/indicators/inn-02/", "", nil, 1, false},
		// A measure with a progress log (München's M-01 and its report).
		{"city with reports", "/partner/muenchen/", "", nil, 4, false},
		// A partner that is not a municipality: no scores, its measures.
		// One language each at this width; the phone walk has the other
		// (axe-core is most of a visit's time).
		{"partner en", "/en/partners/stadtwerke-muenchen/", "", nil, 1, false},
		{"joint projects", "/gemeinsame-projekte/", "", nil, 0, false},
		{"reports en", "/en/reports/", "", nil, 0, false},
	} {
		g.Run(tc.name, func(t *testing.T) {
			src, ok := pages[tc.path+"index.html"]
			if !ok {
				t.Fatalf("the sample site has no page %s", tc.path)
			}
			want := pageCharts(t, tc.path, src)
			pageAxe := axe
			if tc.translation {
				pageAxe = ""
			}
			res := visit(t, browser, origin, tc.path, tc.media, pageAxe)
			if tc.charts > 0 && res.ready != "true" {
				t.Fatalf("charts ready flag = %q, want \"true\"", res.ready)
			}
			if len(res.charts) != tc.charts || len(want) != tc.charts {
				t.Errorf("%d charts drawn, %d in the HTML, want %d", len(res.charts), len(want), tc.charts)
			}
			for _, c := range res.charts {
				if !c.Canvas || c.Width == 0 || c.Height == 0 || c.Painted == 0 {
					t.Errorf("chart %s did not draw: %+v", c.ID, c)
				}
				if c.Role != "img" || c.Label == "" {
					t.Errorf("chart %s has role %q and label %q, want an img with its summary", c.ID, c.Role, c.Label)
				}
			}
			for _, l := range [][]string{res.labels.Small, res.labels.Overlaps, res.labels.Clipped} {
				for _, s := range l {
					t.Errorf("chart text too small, overlapping or cut off: %s", s)
				}
			}
			if tc.charts > 0 {
				// A scored partner's page also has the script of its
				// table of every year (js/kpi-years.js).
				var own []string
				if bytes.Contains(src, []byte(`id="kpi-years-heading"`)) {
					own = append(own, "kpi-years")
				}
				checkScripts(t, origin, res.scripts, own...)
			} else {
				// A page without charts loads no chart script; a list
				// page, its filter.
				for _, src := range res.scripts {
					if !strings.HasPrefix(src, origin.String()+"/js/filter.") {
						t.Errorf("script %q on a page without charts", src)
					}
				}
			}
			for _, v := range res.axe {
				t.Errorf("axe-core: %s (%s): %s\n  %s", v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n  "))
			}
			if tc.media != nil || tc.charts == 0 || tc.translation {
				return // the buttons are the same as without the media feature or in the other language
			}
			checkDownloads(t, browser, origin.String()+tc.path, want, tc.png)
		})
	}
	g.Wait()
}

// checkDownloads presses each chart's buttons from the keyboard in a tab
// of its own and compares what they saved with the chart's data.
func checkDownloads(t *testing.T, browser context.Context, url string, want []builtChart, pngLabel string) {
	t.Helper()
	tab, cancel, err := newTab(browser)
	if err != nil {
		t.Fatal(err)
	}
	defer cancel()
	ctx, cancelT := context.WithTimeout(tab, 60*time.Second)
	defer cancelT()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	if _, err := waitForCharts(ctx, 30*time.Second); err != nil {
		t.Fatal(err)
	}
	buttons, err := chromedp.Run(ctx, chromedp.Evaluate[[][]button](buttonsJS))
	if err != nil {
		t.Fatal(err)
	}
	if len(buttons) != len(want) {
		t.Fatalf("%d charts with buttons, want %d", len(buttons), len(want))
	}
	for i, bs := range buttons {
		if len(bs) != 2 || bs[0].Text != "PNG" || bs[1].Text != "CSV" {
			t.Errorf("chart %d buttons = %+v, want PNG and CSV", i, bs)
			continue
		}
		for _, b := range bs {
			if b.Type != "button" || b.Tab < 0 || !strings.Contains(b.Label, b.Text) || b.Label == b.Text {
				t.Errorf("chart %d button %+v: want a keyboard-reachable button whose label names it in the page's language", i, b)
			}
		}
		if pngLabel != "" && bs[0].Label != pngLabel {
			t.Errorf("chart %d PNG label %q, want %q", i, bs[0].Label, pngLabel)
		}
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](hookJS)); err != nil {
		t.Fatal(err)
	}
	// Focus each button and press Enter, as a keyboard user would.
	for i := range want {
		for j := 1; j <= 2; j++ {
			focus := fmt.Sprintf(`document.querySelectorAll("figure.chart")[%d].querySelector(".chart-actions button:nth-child(%d)").focus()`, i, j)
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](focus)); err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(ctx, chromedp.KeyEvent("\r")); err != nil {
				t.Fatal(err)
			}
		}
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]download](readDownloadsJS, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2*len(want) {
		t.Fatalf("%d downloads after pressing %d buttons: %+v", len(got), 2*len(want), got)
	}
	for i, c := range want {
		png, csvFile := got[2*i], got[2*i+1]
		if png.Name != c.file+".png" || !strings.HasPrefix(png.Href, "data:image/png;base64,") {
			t.Errorf("%s PNG download = %+v, want %s.png as a PNG data URL", c.id, png, c.file)
		}
		if csvFile.Name != c.file+".csv" || !strings.HasPrefix(csvFile.Href, "blob:") {
			t.Errorf("%s CSV download = %s %s, want %s.csv from a Blob", c.id, csvFile.Name, csvFile.Href, c.file)
			continue
		}
		raw, err := base64.StdEncoding.DecodeString(csvFile.Bytes)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(raw, []byte("\xef\xbb\xbf")) {
			t.Errorf("%s CSV does not start with a UTF-8 byte-order mark: %q", c.id, raw[:min(len(raw), 12)])
			continue
		}
		records, err := csv.NewReader(bytes.NewReader(raw[3:])).ReadAll()
		if err != nil {
			t.Errorf("%s CSV: %v", c.id, err)
			continue
		}
		wantRecords := [][]string{c.data.Columns}
		for _, r := range c.data.Rows {
			var rec []string
			for _, v := range r {
				switch v := v.(type) {
				case nil:
					rec = append(rec, "")
				case float64:
					rec = append(rec, strconv.FormatFloat(v, 'f', -1, 64))
				default:
					rec = append(rec, fmt.Sprint(v))
				}
			}
			wantRecords = append(wantRecords, rec)
		}
		if fmt.Sprint(records) != fmt.Sprint(wantRecords) {
			t.Errorf("%s CSV =\n%q\nwant the chart's data\n%q", c.id, records, wantRecords)
		}
	}
}
