package charts_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/charts"
	"github.com/digitale-staedte/benchmark/generator/compare"
	"github.com/digitale-staedte/benchmark/generator/hugo"
	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/score"
	"github.com/digitale-staedte/benchmark/generator/sitedata"
	"github.com/digitale-staedte/benchmark/generator/workbook"
	wt "github.com/digitale-staedte/benchmark/generator/workbook/workbooktest"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// site builds the site document of the two-city fixture; edit may change
// the fixture's files before they are read.
func site(t *testing.T, edit func(dir string)) sitedata.Site {
	t.Helper()
	dir := wt.Dataset(t, t.TempDir())
	if edit != nil {
		edit(dir)
	}
	ds, probs := workbook.ReadDataset(dir)
	if probs.Errors() > 0 {
		t.Fatalf("fixture has errors:\n%s", probs.Text("en"))
	}
	res := score.Compute(ds)
	cmp := compare.Build(ds, res)
	// The fixture's running measures end on 31.12.2024: overdue then.
	cmp.Speed = compare.DeliverySpeed(ds, model.Date{Year: 2026, Month: 1, Day: 15})
	return sitedata.Build(ds, res, cmp)
}

// withCoords gives the fixture's city Beta coordinates (Alpha has none),
// so the map has one city on it and one in the table only.
func withCoords(t *testing.T) func(dir string) {
	return func(dir string) {
		sheets := wt.City("Beta", 2)
		sheets[0].Rows = append(sheets[0].Rows, []any{"Breitengrad", 49.5, nil}, []any{"Längengrad", 11, nil})
		wt.Write(t, filepath.Join(dir, "partners", "beta.xlsx"), sheets...)
	}
}

// topo is a small TopoJSON of two made-up countries; build hands it to
// charts.Build.
func topo(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "topo.json"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// siteLocales are the project's locales, read once: reading Hugo's
// configuration is the slow part of a chart test.
var siteLocales = sync.OnceValues(func() (map[string]hugo.Locale, error) { return hugo.Locales("../../site") })

func locales(t *testing.T) map[string]hugo.Locale {
	t.Helper()
	l, err := siteLocales()
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func build(t *testing.T, s sitedata.Site) charts.Charts {
	t.Helper()
	c, err := charts.Build(s, topo(t), locales(t))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// cities makes every city's charts, by slug.
func cities(t *testing.T, s sitedata.Site) map[string]charts.CityCharts {
	t.Helper()
	out := map[string]charts.CityCharts{}
	for _, c := range s.Cities {
		cc, err := charts.City(s, c, locales(t))
		if err != nil {
			t.Fatal(err)
		}
		out[c.Slug] = cc
	}
	return out
}

func write(t *testing.T, s sitedata.Site) []byte {
	t.Helper()
	c, err := charts.Build(s, topo(t), locales(t))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := charts.Write(dir, c); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, charts.FileName))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestGolden compares the charts of the two-city fixture with
// testdata/charts.golden.json; run with -update after a deliberate change
// and review the diff.
func TestGolden(t *testing.T) {
	s := site(t, withCoords(t))
	// FileName and, written beside each city's page data, the cities' charts.
	all, err := json.Marshal(struct {
		File   json.RawMessage              `json:"file"`
		Cities map[string]charts.CityCharts `json:"cities"`
	}{write(t, s), cities(t, s)})
	if err != nil {
		t.Fatal(err)
	}
	// Option and data are JSON text in strings (Chart.MarshalJSON): shown
	// as the JSON they hold and indented, so that a change shows as a
	// readable diff.
	var tree any
	if err := json.Unmarshal(all, &tree); err != nil {
		t.Fatal(err)
	}
	got, err := json.MarshalIndent(expandTexts(t, tree), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "charts.golden.json")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("charts differ from %s (run go test -update to accept):\n%s", golden, firstDiff(got, want))
	}
}

// expandTexts replaces every "option" and "data" string below v by the
// JSON it holds.
func expandTexts(t *testing.T, v any) any {
	t.Helper()
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if text, ok := e.(string); ok && (k == "option" || k == "data") {
				if err := json.Unmarshal([]byte(text), &e); err != nil {
					t.Fatalf("%s is not JSON: %v", k, err)
				}
			}
			x[k] = expandTexts(t, e)
		}
	case []any:
		for i, e := range x {
			x[i] = expandTexts(t, e)
		}
	}
	return v
}

// TestSameInputSameCharts: building twice gives identical bytes.
func TestSameInputSameCharts(t *testing.T) {
	s := site(t, nil)
	if a, b := write(t, s), write(t, s); !bytes.Equal(a, b) {
		t.Errorf("two builds differ:\n%s", firstDiff(a, b))
	}
}

// TestSpreadsheetTextStaysData: a city name with markup and go-echarts'
// function marker reaches the options as plain text: no "<" that could
// close the <script> element the JSON is embedded in, no marker that a
// renderer could turn into code, and the name intact for the reader.
func TestSpreadsheetTextStaysData(t *testing.T) {
	const evil = `</script><script>alert(1)</script>__f__function(){alert(2)}__f__`
	s := site(t, func(dir string) {
		wt.Write(t, filepath.Join(dir, "partners", "alpha.xlsx"), wt.City(evil, 1)...)
	})
	b := write(t, s)
	for _, bad := range []string{"<", ">", "__f__"} {
		if bytes.Contains(b, []byte(bad)) {
			t.Errorf("the chart document contains %q", bad)
		}
	}
	var doc struct {
		Ranking struct {
			De struct {
				Summary string
				Option  string // JSON text
			}
		}
	}
	var option struct {
		YAxis []struct{ Data []string }
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(doc.Ranking.De.Option), &option); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(doc.Ranking.De.Option, "<>") {
		t.Errorf("the option text, which goes into the page as it is, contains < or >")
	}
	seen := strings.Join(option.YAxis[0].Data, "|")
	if !strings.Contains(seen, "</script><script>alert(1)</script>") || strings.Contains(seen, "__f__") {
		t.Errorf("ranking labels = %q, want the markup as text and the marker split", seen)
	}
	if !strings.Contains(strings.ReplaceAll(seen, "\u2060", ""), evil) {
		t.Errorf("without the invisible word joiners the label should read as written: %q", seen)
	}
}

// TestSummaries states each chart's main finding with the fixture's
// numbers, in each language's number format.
func TestSummaries(t *testing.T) {
	s := site(t, nil)
	c, cc := build(t, s), cities(t, s)
	for _, tc := range []struct {
		name, got, want string
	}{
		{"ranking de", c.Ranking.De.Summary, "Beta führt 2023 mit 86,7 Punkten im Index, 76,7 Punkte vor Alpha auf dem letzten Platz mit 10,0 Punkten."},
		{"ranking en", c.Ranking.En.Summary, "Beta leads the 2023 index with 86.7 points, 76.7 points ahead of Alpha, last with 10.0 points."},
		{"trend en", c.Trend.En.Summary, "From 2022 to 2023 the index changed most in Beta: +6.7 points, from 80.0 to 86.7."},
		{"city trend de", cc["alpha"].Trend.De.Summary, "Der Index von Alpha hat sich von 6,7 Punkten 2022 auf 10,0 Punkte 2023 verändert (+3,3 Punkte)."},
		{"radar en", cc["beta"].Radar.En.Summary, "In 2023, Beta is above the partners' median in 2 of 2 dimensions; the gap is largest in Data: 100.0 against 0.0 points."},
	} {
		if tc.got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, tc.got, tc.want)
		}
	}
}

// TestOptionsCarryAria: every chart has ECharts' aria enabled with its
// summary as the description, and no component the bundle leaves out.
func TestOptionsCarryAria(t *testing.T) {
	s := site(t, nil)
	c := build(t, s)
	all := []charts.Chart{c.Ranking.De, c.Ranking.En, c.Trend.De, c.Trend.En, c.Map.De, c.Map.En,
		c.Intervals.De, c.Intervals.En, c.Strategy.De, c.Strategy.En}
	for _, cc := range cities(t, s) {
		all = append(all, cc.Radar.De, cc.Radar.En, cc.Trend.De, cc.Trend.En, cc.Timeline.De, cc.Timeline.En)
	}
	for _, l := range c.Dimensions {
		all = append(all, l.De, l.En)
	}
	for _, l := range c.Indicators {
		all = append(all, l.De, l.En)
	}
	for _, ch := range all {
		var opt map[string]any
		if err := json.Unmarshal(ch.Option, &opt); err != nil {
			t.Fatal(err)
		}
		aria, _ := opt["aria"].(map[string]any)
		label, _ := aria["label"].(map[string]any)
		if aria["enabled"] != true || label["description"] != ch.Summary {
			t.Errorf("aria = %v, want enabled with description %q", opt["aria"], ch.Summary)
		}
		for _, k := range []string{"title", "toolbox"} {
			if _, ok := opt[k]; ok {
				t.Errorf("option has an empty %s component", k)
			}
		}
	}
}

func firstDiff(a, b []byte) string {
	la, lb := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
	for i := 0; i < len(la) || i < len(lb); i++ {
		var x, y []byte
		if i < len(la) {
			x = la[i]
		}
		if i < len(lb) {
			y = lb[i]
		}
		if !bytes.Equal(x, y) {
			return "line " + strconv.Itoa(i+1) + ":\n got " + string(x) + "\nwant " + string(y)
		}
	}
	return ""
}

// TestOutline decodes testdata/topo.json by hand: quantised, delta-encoded
// arcs (scale 0.5, translate 5/47), an arc used backwards (^0 = -1) and two
// arcs joined into one ring, whose shared point appears once.
func TestOutline(t *testing.T) {
	for _, tc := range []struct {
		id, want string
	}{
		{"276", `[[[[5,47],[10,47],[10,52],[5,52],[5,47]]]]`},
		{"040", `[[[[5,47],[5,52],[10,52],[10,47],[5,47]]],[[[15,47],[16,47],[16,48],[15,48],[15,47]]]]`},
	} {
		b, err := charts.Outline(topo(t), tc.id)
		if err != nil {
			t.Fatal(err)
		}
		var fc struct {
			Features []struct {
				Geometry struct {
					Type        string
					Coordinates json.RawMessage
				}
			}
		}
		if err := json.Unmarshal(b, &fc); err != nil {
			t.Fatal(err)
		}
		if len(fc.Features) != 1 || fc.Features[0].Geometry.Type != "MultiPolygon" || string(fc.Features[0].Geometry.Coordinates) != tc.want {
			t.Errorf("outline %s = %s, want one MultiPolygon %s", tc.id, b, tc.want)
		}
	}
	if _, err := charts.Outline(topo(t), "999"); err == nil || !strings.Contains(err.Error(), "999") {
		t.Errorf("an unknown country: err = %v, want one naming it", err)
	}
	if _, err := charts.Outline([]byte(`{"type":"Feature"}`), "276"); err == nil {
		t.Error("a file that is no topology was accepted")
	}
}

// TestMapWithThousandsOfCities: with 3,000 cities the map's series draw in
// ECharts' large mode (one path per series, nothing per point) and without
// labels, and every city is in the data rows.
func TestMapWithThousandsOfCities(t *testing.T) {
	s := site(t, nil)
	s.Ranking, s.Cities = nil, nil
	for i := 0; i < 3000; i++ {
		slug := "c" + strconv.Itoa(i)
		idx, lvl, lat, lon := float64(i%100), i%3, 47.5+float64(i%50)/10, 6+float64(i%80)/10
		s.Ranking = append(s.Ranking, sitedata.RankingRow{Slug: slug, Name: slug, Index: &idx, Level: &lvl})
		s.Cities = append(s.Cities, sitedata.City{Slug: slug, Name: slug, Lat: &lat, Lon: &lon})
	}
	c := build(t, s)
	var opt struct {
		Series []struct {
			Large          bool
			LargeThreshold int
			Label          struct{ Show bool }
			Data           []any
		}
	}
	if err := json.Unmarshal(c.Map.De.Option, &opt); err != nil {
		t.Fatal(err)
	}
	points := 0
	for _, sr := range opt.Series {
		points += len(sr.Data)
		if !sr.Large || sr.LargeThreshold == 0 || sr.Label.Show {
			t.Errorf("series with %d points: large %v (threshold %d), labels %v; want large mode, no labels", len(sr.Data), sr.Large, sr.LargeThreshold, sr.Label.Show)
		}
	}
	if points != 3000 || len(c.Map.De.Data.Rows) != 3000 {
		t.Errorf("%d points, %d data rows; want 3000 each", points, len(c.Map.De.Data.Rows))
	}
}

// TestNewChartSummaries states the new charts' findings with the
// fixture's numbers (Beta has coordinates, Alpha none).
func TestNewChartSummaries(t *testing.T) {
	s := site(t, withCoords(t))
	c, cc := build(t, s), cities(t, s)
	for _, tc := range []struct {
		name, got, want string
	}{
		{"dimension de", c.Dimensions["VER"].De.Summary, "Beta führt 2023 in Verwaltung mit 80,0 Punkten, 65,0 Punkte vor Alpha auf dem letzten Platz mit 15,0 Punkten."},
		{"intervals en", c.Intervals.En.Summary, "All 2 cities keep their rank in 90 % of 1,000 simulations."},
		{"strategy de", c.Strategy.De.Summary, "2 von 3 Themen haben in jeder Stadt Maßnahmen; die meisten Themen deckt Alpha ab (2)."},
		{"timeline en", cc["alpha"].Timeline.En.Summary, "Alpha has 2 measures with start and end dates between 2019 and 2024, 1 of them done."},
		{"map de", c.Map.De.Summary, "Die Karte zeigt 1 Partnerstädte; Beta hat als einzige einen Index: 86,7 Punkte. 1 Städte ohne Koordinaten stehen nur in der Tabelle."},
		{"indicator de", c.Indicators["V2"].De.Summary, "Bearbeitungszeit hat sich in Alpha am stärksten verändert: von 40 Tage (2022) auf 30 Tage (2023)."},
	} {
		if tc.got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, tc.got, tc.want)
		}
	}
}

// sampleCharts are every chart the generator writes for the sample data
// in data/ (the site's charts and each city's, both languages), and the
// same with the lists above their limit (spread charts instead of a line
// per city), by a name for messages.
func sampleCharts(t *testing.T) map[string]charts.Chart {
	t.Helper()
	ds, probs := workbook.ReadDataset(filepath.Join("..", "..", "data"))
	if probs.Errors() > 0 {
		t.Fatalf("sample data has errors:\n%s", probs.Text("en"))
	}
	res := score.Compute(ds)
	s := sitedata.Build(ds, res, compare.Build(ds, res))
	out := map[string]charts.Chart{}
	add := func(prefix string, l charts.Localized) {
		out[prefix+" de"], out[prefix+" en"] = l.De, l.En
	}
	for _, variant := range []string{"full", "scale"} {
		if variant == "scale" {
			s.Lists.Full = false
		}
		c := build(t, s)
		add(variant+" ranking", c.Ranking)
		add(variant+" trend", c.Trend)
		add(variant+" intervals", c.Intervals)
		add(variant+" strategy", c.Strategy)
		if c.Map.De.Kind != "" {
			add(variant+" map", c.Map)
		}
		for id, l := range c.Dimensions {
			add(variant+" dimension "+id, l)
		}
		for id, l := range c.Indicators {
			add(variant+" indicator "+id, l)
		}
		for slug, cc := range cities(t, s) {
			if cc.Radar.De.Kind != "" { // a partner that is not scored has neither
				add(variant+" "+slug+" radar", cc.Radar)
				add(variant+" "+slug+" trend", cc.Trend)
			}
			add(variant+" "+slug+" timeline", cc.Timeline)
		}
	}
	return out
}

// TestTextSizes: every text of every chart of the sample site has a size
// of at least 12 px, readable on a phone: the option's default text style,
// each axis's labels and name, legend, tooltip, radar names, and every
// label, in the base option and in each media query's option.
func TestTextSizes(t *testing.T) {
	all := sampleCharts(t)
	if len(all) < 50 {
		t.Fatalf("only %d charts", len(all))
	}
	for name, ch := range all {
		var opt map[string]any
		if err := json.Unmarshal(ch.Option, &opt); err != nil {
			t.Fatal(err)
		}
		bad := func(path string, format string, args ...any) {
			t.Errorf("%s (%s): %s: %s", name, ch.Kind, path, fmt.Sprintf(format, args...))
		}
		// A text style must say its size, of at least 12 px.
		sized := func(path string, v any) {
			m, ok := v.(map[string]any)
			if !ok {
				bad(path, "no text style")
				return
			}
			size, ok := m["fontSize"].(float64)
			if !ok || size < 12 {
				bad(path, "fontSize %v, want ≥ 12", m["fontSize"])
			}
		}
		// Every text style anywhere, in the option and its media
		// queries: each key that holds one has a size.
		var walk func(path string, v any)
		walk = func(path string, v any) {
			switch x := v.(type) {
			case map[string]any:
				for k, e := range x {
					switch k {
					case "textStyle", "nameTextStyle", "axisLabel", "label", "axisName":
						// aria.label is the description, not a text drawn;
						// media queries are checked below.
						if !strings.HasPrefix(path, "option.aria") && !strings.HasPrefix(path, "option.media") {
							sized(path+"."+k, e)
						}
					}
					walk(path+"."+k, e)
				}
			case []any:
				for i, e := range x {
					walk(fmt.Sprintf("%s[%d]", path, i), e)
				}
			}
		}
		walk("option", opt)
		// The texts every chart of its kind draws have a style of their
		// own, so that none falls back to ECharts' defaults.
		sized("textStyle", opt["textStyle"])
		if l, ok := opt["legend"].(map[string]any); ok {
			sized("legend.textStyle", l["textStyle"])
		}
		if tt, ok := opt["tooltip"].(map[string]any); ok {
			sized("tooltip.textStyle", tt["textStyle"])
		}
		for _, k := range []string{"xAxis", "yAxis"} {
			axes, _ := opt[k].([]any)
			for i, a := range axes {
				m := a.(map[string]any)
				sized(fmt.Sprintf("%s[%d].axisLabel", k, i), m["axisLabel"])
				if m["name"] != nil {
					sized(fmt.Sprintf("%s[%d].nameTextStyle", k, i), m["nameTextStyle"])
				}
			}
		}
		if r, ok := opt["radar"].(map[string]any); ok {
			sized("radar.axisName", r["axisName"])
		}
		series, _ := opt["series"].([]any)
		for i, sr := range series {
			if l, ok := sr.(map[string]any)["label"].(map[string]any); ok && l["show"] == true {
				sized(fmt.Sprintf("series[%d].label", i), l)
			}
		}
		// A media query's option may only set sizes it keeps readable.
		media, _ := opt["media"].([]any)
		for i, m := range media {
			var check func(path string, v any)
			check = func(path string, v any) {
				switch x := v.(type) {
				case map[string]any:
					if size, ok := x["fontSize"].(float64); ok && size < 12 {
						bad(path, "fontSize %v in a media query", size)
					}
					for k, e := range x {
						check(path+"."+k, e)
					}
				case []any:
					for j, e := range x {
						check(fmt.Sprintf("%s[%d]", path, j), e)
					}
				}
			}
			check(fmt.Sprintf("media[%d]", i), m)
		}
	}
}

// TestEnglishNames: a city's English name (here under the alias "English
// name") names it in the English charts, its name in the German ones.
func TestEnglishNames(t *testing.T) {
	s := site(t, func(dir string) {
		sheets := wt.City("Beta", 2)
		sheets[0].Rows = append(sheets[0].Rows, []any{"English name", "Betaville", nil})
		wt.Write(t, filepath.Join(dir, "partners", "beta.xlsx"), sheets...)
	})
	var beta sitedata.City
	for _, c := range s.Cities {
		if c.Slug == "beta" {
			beta = c
		}
	}
	if beta.Name != "Beta" || beta.NameEn != "Betaville" {
		t.Fatalf("beta reads as %q, %q; want Beta, Betaville", beta.Name, beta.NameEn)
	}
	c, cc := build(t, s), cities(t, s)
	for _, tc := range []struct {
		name string
		ch   charts.Chart
		want string
	}{
		{"ranking de", c.Ranking.De, `"Beta"`},
		{"ranking en", c.Ranking.En, `"Betaville"`},
		{"trend en", c.Trend.En, `"name":"Betaville"`},
		{"strategy en", c.Strategy.En, `"Betaville"`},
		{"radar en", cc["beta"].Radar.En, `"name":"Betaville"`},
	} {
		if !strings.Contains(string(tc.ch.Option), tc.want) {
			t.Errorf("%s: the option has no %s", tc.name, tc.want)
		}
	}
	if !strings.HasPrefix(c.Ranking.En.Summary, "Betaville leads") || !strings.HasPrefix(c.Ranking.De.Summary, "Beta führt") {
		t.Errorf("summaries %q, %q", c.Ranking.De.Summary, c.Ranking.En.Summary)
	}
	if strings.Contains(string(c.Ranking.De.Option), "Betaville") {
		t.Error("the German ranking names Betaville")
	}
}
