// Package charts builds the ECharts options of the site's charts from the
// site document, with go-echarts' typed options, and hands them to the theme
// as JSON data. It never uses go-echarts' HTML renderer or its asset host:
// the theme renders the options with its own bundled ECharts.
//
// Build is pure: same site document, same charts.
package charts

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	gecharts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/digitale-staedte/benchmark/generator/hugo"
	"github.com/digitale-staedte/benchmark/generator/score"
	"github.com/digitale-staedte/benchmark/generator/sitedata"
)

// FileName is the document's name inside the generated data folder; Hugo
// sees it as hugo.Data.generated.charts.
const FileName = "charts.json"

// Charts are all charts of the site, each in both languages.
type Charts struct {
	Ranking Localized `json:"ranking"` // home: index of the reference year
	Trend   Localized `json:"trend"`   // home: index of every city over the years
	// Map places the partners on the country's outline, by index level.
	Map Localized `json:"map"`
	// Intervals: methodology page, the rank and its Monte Carlo interval.
	Intervals Localized `json:"intervals"`
	// Strategy: strategy page, topic × city status of the measures.
	Strategy Localized `json:"strategy"`
	// Speed: strategy page, the median months to finish a measure by topic.
	Speed Localized `json:"speed"`
	// Dimensions holds each dimension's ranking by dimension ID.
	Dimensions map[string]Localized `json:"dimensions"`
	// Indicators holds each indicator's values over the years, a line per
	// city, by indicator ID.
	Indicators map[string]Localized `json:"indicators"`
}

// CityCharts are the charts of one city page.
type CityCharts struct {
	Radar    Localized `json:"radar"`    // dimension scores against the partners' median
	Trend    Localized `json:"trend"`    // the city's index over the years
	Timeline Localized `json:"timeline"` // the measures from start to end, by status
	Speed    Localized `json:"speed"`    // median months to finish, by topic, beside all partners
}

// Localized is one chart per site language.
type Localized struct {
	De Chart `json:"de"`
	En Chart `json:"en"`
}

// Chart is what the theme's chart partial lays out.
type Chart struct {
	// Kind tells the theme's script what the chart is: bar, line, radar,
	// interval, heatmap, timeline or map.
	Kind string `json:"kind"`
	// Summary states the main finding with numbers in one sentence; it is
	// also the chart's ECharts aria description.
	Summary string `json:"summary"`
	// Decimals are the digits the theme's script shows the chart's values
	// with, in labels, tooltips and value axes: the framework's decimals
	// for scores, the indicator's for its values, 0 for ranks and counts.
	Decimals int `json:"decimals"`
	// Option is the ECharts option.
	Option json.RawMessage `json:"option"`
	// Data are the chart's numbers as rows, the same that the page's table
	// shows; the CSV download is made from them.
	Data Table `json:"data"`
	// Outline is the GeoJSON the map's geo component draws (map only).
	Outline json.RawMessage `json:"outline,omitempty"`
}

// Table is a chart's data: a header and rows whose first cell is the
// row's label (as the page's table names the row) and whose other cells
// are numbers (float64 or int), text, or nil for "not available".
type Table struct {
	Columns []string `json:"columns"`
	Rows    [][]any  `json:"rows"`
}

// Build makes every chart of the site but the cities' own (City). topo is
// the world-atlas countries TopoJSON the map's outline comes from; locales
// are the site's (hugo.Locales), whose number formats the charts use.
func Build(s sitedata.Site, topo []byte, locales map[string]hugo.Locale) (Charts, error) {
	ls, err := newLangs(locales)
	if err != nil {
		return Charts{}, err
	}
	out := Charts{Dimensions: map[string]Localized{}, Indicators: map[string]Localized{}}
	outline, err := Outline(topo, Country)
	if err != nil {
		return Charts{}, err
	}
	for _, c := range []struct {
		dst   *Localized
		build func(lang language) (Chart, error)
	}{
		{&out.Ranking, func(lang language) (Chart, error) { return ranking(s, lang) }},
		{&out.Trend, func(lang language) (Chart, error) { return trend(s, lang) }},
		{&out.Intervals, func(lang language) (Chart, error) { return intervals(s, lang) }},
		{&out.Strategy, func(lang language) (Chart, error) { return strategy(s, lang) }},
		{&out.Speed, func(lang language) (Chart, error) { return speed(s, lang) }},
	} {
		if *c.dst, err = ls.localize(c.build); err != nil {
			return Charts{}, err
		}
	}
	// A map with a point per city is for a list of partners; above the list
	// limit the home page leaves it out (the coordinates are downloads).
	if s.Lists.Full {
		if out.Map, err = ls.localize(func(lang language) (Chart, error) { return partnerMap(s, outline, lang) }); err != nil {
			return Charts{}, err
		}
	}
	for _, d := range s.Dimensions {
		if out.Dimensions[d.ID], err = ls.localize(func(lang language) (Chart, error) { return dimensionRanking(s, d, lang) }); err != nil {
			return Charts{}, err
		}
	}
	for _, ind := range s.Indicators {
		if out.Indicators[ind.ID], err = ls.localize(func(lang language) (Chart, error) { return indicatorTrend(s, ind, lang) }); err != nil {
			return Charts{}, err
		}
	}
	return out, nil
}

// City makes c's charts. They are not part of Charts: each city page
// reads its charts from a file of its own (generator/pipeline), written
// as they are made, so that neither the build nor Hugo holds them all.
// locales are as for Build.
func City(s sitedata.Site, c sitedata.City, locales map[string]hugo.Locale) (CityCharts, error) {
	var cc CityCharts
	ls, err := newLangs(locales)
	if err != nil {
		return cc, err
	}
	// Only municipalities have scores to draw (sitedata.City.Scored).
	if c.Scored {
		if cc.Radar, err = ls.localize(func(lang language) (Chart, error) { return radar(s, c, lang) }); err != nil {
			return cc, err
		}
		if cc.Trend, err = ls.localize(func(lang language) (Chart, error) { return cityTrend(s, c, lang) }); err != nil {
			return cc, err
		}
	}
	if cc.Timeline, err = ls.localize(func(lang language) (Chart, error) { return timeline(s, c, lang) }); err != nil {
		return cc, err
	}
	cc.Speed, err = ls.localize(func(lang language) (Chart, error) { return citySpeed(s, c, lang) })
	return cc, err
}

func (ls langs) localize(build func(lang language) (Chart, error)) (Localized, error) {
	de, err := build(ls.de)
	if err != nil {
		return Localized{}, err
	}
	en, err := build(ls.en)
	return Localized{De: de, En: en}, err
}

// Write stores the charts as FileName in dir, as compact JSON: indented,
// every point of every option took lines of its own (a file ten times the
// size for Hugo to read).
func Write(dir string, c Charts) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf) // escapes <, > and & as \u003c, \u003e, \u0026
	if err := enc.Encode(c); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, FileName), buf.Bytes(), 0o644)
}

// chart is what every go-echarts chart type has in common here.
type chart interface {
	Validate()
	JSON() map[string]any
	Accept(gecharts.ConfigurationVisitor)
}

// finish gives the chart its accessible description and turns it into
// option JSON: json.Marshal of go-echarts' option map, never its renderer.
func finish(c chart, kind, summary string, decimals int, data Table) (Chart, error) {
	return finishWith(c, look{}, kind, summary, decimals, data)
}

// finishWith is finish for a chart with a look: media queries, a map's
// extent. Every chart's texts get their size here (typeset).
func finishWith(c chart, l look, kind, summary string, decimals int, data Table) (Chart, error) {
	c.Accept(typeset{look: l})
	c.Validate()
	opt := c.JSON()
	// go-echarts always writes these components; empty, they only make
	// ECharts look for modules the bundle leaves out.
	for _, k := range []string{"title", "toolbox"} {
		if m, ok := opt[k].(map[string]any); !ok || len(m) == 0 {
			delete(opt, k)
		}
	}
	// Colours come from the theme's stylesheet (light and dark), not from
	// go-echarts' default palette.
	delete(opt, "color")
	b, err := canonical(opt)
	if err != nil {
		return Chart{}, fmt.Errorf("charts: %w", err)
	}
	// Everything the chart says leaves here: the option (its texts are JSON
	// strings, where the marker is split as in any other text), the summary
	// and the table.
	b = bytes.ReplaceAll(b, []byte(funcMarker), []byte(markerSplit))
	summary = clean(summary)
	for i, c := range data.Columns {
		data.Columns[i] = clean(c)
	}
	for i, row := range data.Rows {
		for j, v := range row {
			if t, ok := v.(string); ok {
				data.Rows[i][j] = clean(t)
			}
		}
	}
	return Chart{Kind: kind, Summary: summary, Decimals: decimals, Option: b, Data: data}, nil
}

// canonical is v as JSON with every object's keys sorted: go-echarts
// writes its structs' fields in their own order. Sorted, the option is
// written to the page exactly as the theme wrote it when it still encoded
// the option itself (Hugo's JSON of a decoded map). Keys whose value is
// null are left out: go-echarts writes a few unset fields as null
// (axisLabel.showMinLabel), which ECharts reads as unset anyway.
func canonical(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var tree any
	if err := json.Unmarshal(b, &tree); err != nil {
		return nil, err
	}
	return json.Marshal(dropNulls(tree))
}

func dropNulls(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if e == nil {
				delete(x, k)
				continue
			}
			x[k] = dropNulls(e)
		}
	case []any:
		for i, e := range x {
			x[i] = dropNulls(e)
		}
	}
	return v
}

// MarshalJSON writes a chart as the theme's chart partial reads it: kind,
// summary, and the option and the data block of the page (columns,
// decimals, kind, outline, rows) as JSON text in strings, which the partial puts into
// the page as they are. Decoded into maps, which Hugo does with JSON
// objects, they were most of the memory of a city's page data, and the
// partial only encoded them again. Both texts escape <, >, &, U+2028 and
// U+2029, so neither can end the <script> element that holds it.
func (c Chart) MarshalJSON() ([]byte, error) {
	data, err := json.Marshal(struct {
		Columns  []string        `json:"columns"`
		Decimals int             `json:"decimals"`
		Kind     string          `json:"kind"`
		Outline  json.RawMessage `json:"outline"`
		Rows     [][]any         `json:"rows"`
	}{c.Data.Columns, c.Decimals, c.Kind, c.Outline, c.Data.Rows})
	if err != nil {
		return nil, err
	}
	var option bytes.Buffer
	json.HTMLEscape(&option, c.Option)
	return json.Marshal(struct {
		Kind    string `json:"kind"`
		Summary string `json:"summary"`
		Option  string `json:"option"`
		Data    string `json:"data"`
	}{c.Kind, c.Summary, option.String(), string(data)})
}

func aria(summary string) gecharts.GlobalOpts {
	return gecharts.WithAriaOpts(&opts.Aria{
		Enabled: opts.Bool(true),
		Label:   &opts.AriaLabel{Enabled: opts.Bool(true), Description: summary},
	})
}

// value is a published score for a series: "-" (ECharts' empty value)
// when the score is not available.
func value(v *float64) any {
	if v == nil {
		return "-"
	}
	return *v
}

// cell is a published score as a table cell: nil when not available.
func cell(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}

// Line styles and symbols tell series apart without colour.
var (
	symbols    = []string{"circle", "rect", "triangle", "diamond", "roundRect", "pin"}
	lineStyles = []string{"solid", "dashed", "dotted"}
)

func ranking(s sitedata.Site, lang language) (Chart, error) {
	var names []string
	var data []opts.BarData
	tbl := Table{Columns: []string{txtCity.in(lang), txtIndex.in(lang)}}
	for _, r := range rankingShown(s) {
		names = append(names, r.NameIn(lang.code))
		data = append(data, opts.BarData{Value: value(r.Index)})
		tbl.Rows = append(tbl.Rows, []any{r.NameIn(lang.code), cell(r.Index)})
	}
	summary := rankingSummary(s, lang)
	bar := gecharts.NewBar()
	bar.SetGlobalOptions(
		aria(summary),
		gecharts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		gecharts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		gecharts.WithGridOpts(opts.Grid{Left: "2%", Right: "10%", Top: "8", Bottom: "36"}),
		gecharts.WithXAxisOpts(opts.XAxis{Type: "value", Min: 0, Max: scaleMax(s), Name: txtIndex.in(lang), NameLocation: "middle", NameGap: 28}),
		gecharts.WithYAxisOpts(opts.YAxis{Type: "category", Data: names, Inverse: opts.Bool(true)}),
	)
	bar.AddSeries(txtIndexYear.in(lang, s.ReferenceYear), data,
		gecharts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"}),
		gecharts.WithSeriesOpts(func(ss *gecharts.SingleSeries) { ss.BarMaxWidth = "40" }),
	)
	return finish(bar, "bar", summary, s.Settings.Decimals, tbl)
}

// rankingShown is the part of the ranking the home page shows: all of it,
// or above the list limit the first Lists.Top rows (the full ranking is
// the paginated cities list).
func rankingShown(s sitedata.Site) []sitedata.RankingRow {
	if s.Lists.Full || len(s.Ranking) <= s.Lists.Top {
		return s.Ranking
	}
	return s.Ranking[:s.Lists.Top]
}

func rankingSummary(s sitedata.Site, lang language) string {
	type row struct {
		name  string
		index float64
		rank  int
	}
	var ranked []row
	for _, r := range s.Ranking {
		if r.Rank != nil && r.Index != nil {
			ranked = append(ranked, row{r.NameIn(lang.code), *r.Index, *r.Rank})
		}
	}
	switch {
	case len(ranked) == 0:
		return txtRankingNone.in(lang, s.ReferenceYear)
	case len(ranked) == 1:
		return txtRankingOne.in(lang, ranked[0].name, s.ReferenceYear, num(s, lang, ranked[0].index))
	}
	first, last := ranked[0], ranked[len(ranked)-1]
	var leaders []string
	for _, r := range ranked {
		if r.rank == first.rank {
			leaders = append(leaders, r.name)
		}
	}
	if len(leaders) > 1 {
		return txtRankingTie.in(lang, join(lang, leaders), s.ReferenceYear, num(s, lang, first.index))
	}
	gap := score.Round(first.index-last.index, s.Settings.Decimals)
	return txtRankingLead.in(lang, first.name, s.ReferenceYear, num(s, lang, first.index), num(s, lang, gap), last.name, num(s, lang, last.index))
}

// yearIndex is a city's published index in a year, nil when there is none.
func yearIndex(c sitedata.City, year int) *float64 {
	for _, y := range c.Scores {
		if y.Year == year {
			return y.Index
		}
	}
	return nil
}

// trendChart draws cities' index over years, a line each.
func trendChart(s sitedata.Site, lang language, summary string, cities []sitedata.City, ys []int, tbl Table) (Chart, error) {
	line := gecharts.NewLine()
	line.SetGlobalOptions(
		aria(summary),
		gecharts.WithLegendOpts(opts.Legend{Show: opts.Bool(len(cities) > 1), Bottom: "0", Type: "scroll"}),
		gecharts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		gecharts.WithGridOpts(opts.Grid{Left: "2%", Right: "4%", Top: "36", Bottom: "72"}),
		gecharts.WithXAxisOpts(opts.XAxis{Type: "category", Name: txtYear.in(lang), NameLocation: "middle", NameGap: 28}),
		gecharts.WithYAxisOpts(opts.YAxis{Type: "value", Min: 0, Max: scaleMax(s), Name: txtIndex.in(lang)}),
	)
	line.SetXAxis(yearLabels(ys))
	for i, c := range cities {
		var data []opts.LineData
		for _, y := range ys {
			data = append(data, opts.LineData{Value: value(yearIndex(c, y))})
		}
		line.AddSeries(c.NameIn(lang.code), data,
			gecharts.WithLineChartOpts(opts.LineChart{Symbol: symbols[i%len(symbols)], SymbolSize: 9, ShowSymbol: opts.Bool(true)}),
			gecharts.WithLineStyleOpts(opts.LineStyle{Width: 2, Type: lineStyles[i%len(lineStyles)]}),
			gecharts.WithLabelOpts(opts.Label{Show: opts.Bool(len(cities) == 1), Position: "top"}),
		)
	}
	return finish(line, "line", summary, s.Settings.Decimals, tbl)
}

// indexYears is the part of the site's years in which any of cities has
// an index (shownYears).
func indexYears(s sitedata.Site, cities ...sitedata.City) []int {
	return shownYears(s.Years, func(y int) bool {
		for _, c := range cities {
			if yearIndex(c, y) != nil {
				return true
			}
		}
		return false
	})
}

// trend shows every city's index over the years, in ranking order; above
// the list limit, the distribution by year.
func trend(s sitedata.Site, lang language) (Chart, error) {
	if !s.Lists.Full {
		return spread(s, lang, s.IndexYears, txtIndex.in(lang), opts.YAxis{Name: txtIndex.in(lang)}, "", s.Settings.Decimals, scaleMax(s))
	}
	bySlug := make(map[string]sitedata.City, len(s.Cities))
	for _, c := range s.Cities {
		bySlug[c.Slug] = c
	}
	var cities []sitedata.City
	for _, r := range s.Ranking {
		if c, ok := bySlug[r.Slug]; ok {
			cities = append(cities, c)
		}
	}
	ys := indexYears(s, cities...)
	tbl := Table{Columns: append([]string{txtCity.in(lang)}, yearLabels(ys)...)}
	for _, c := range cities {
		row := []any{c.NameIn(lang.code)}
		for _, y := range ys {
			row = append(row, cell(yearIndex(c, y)))
		}
		tbl.Rows = append(tbl.Rows, row)
	}
	return trendChart(s, lang, trendSummary(s, cities, lang), cities, ys, tbl)
}

func trendSummary(s sitedata.Site, cities []sitedata.City, lang language) string {
	withIndex := map[int]bool{}
	for _, c := range cities {
		for _, y := range c.Scores {
			if y.Index != nil {
				withIndex[y.Year] = true
			}
		}
	}
	var ys []int
	for _, y := range s.Years {
		if withIndex[y] {
			ys = append(ys, y)
		}
	}
	switch len(ys) {
	case 0:
		return txtTrendNone.in(lang)
	case 1:
		return txtTrendOneYear.in(lang, ys[0])
	}
	from, to := ys[0], ys[len(ys)-1]
	best, bestDelta, found := sitedata.City{}, 0.0, false
	var bestFrom, bestTo float64
	for _, c := range cities {
		a, b := yearIndex(c, from), yearIndex(c, to)
		if a == nil || b == nil {
			continue
		}
		d := score.Round(*b-*a, s.Settings.Decimals)
		if !found || abs(d) > abs(bestDelta) {
			best, bestDelta, bestFrom, bestTo, found = c, d, *a, *b, true
		}
	}
	if !found || bestDelta == 0 {
		return txtTrendFlat.in(lang, from, to)
	}
	return txtTrendMost.in(lang, from, to, best.NameIn(lang.code), signed(s, lang, bestDelta), num(s, lang, bestFrom), num(s, lang, bestTo))
}

func cityTrend(s sitedata.Site, c sitedata.City, lang language) (Chart, error) {
	type point struct {
		year  int
		index float64
	}
	var pts []point
	for _, y := range c.Scores {
		if y.Index != nil {
			pts = append(pts, point{y.Year, *y.Index})
		}
	}
	var summary string
	switch len(pts) {
	case 0:
		summary = txtCityTrendNo.in(lang, c.NameIn(lang.code))
	case 1:
		summary = txtCityTrendOne.in(lang, c.NameIn(lang.code), pts[0].year, num(s, lang, pts[0].index))
	default:
		a, b := pts[0], pts[len(pts)-1]
		summary = txtCityTrend.in(lang, c.NameIn(lang.code), num(s, lang, a.index), a.year, num(s, lang, b.index), b.year,
			signed(s, lang, score.Round(b.index-a.index, s.Settings.Decimals)))
	}
	ys := indexYears(s, c)
	tbl := Table{Columns: []string{txtYear.in(lang), txtIndex.in(lang)}}
	for _, y := range ys {
		tbl.Rows = append(tbl.Rows, []any{fmt.Sprint(y), cell(yearIndex(c, y))})
	}
	return trendChart(s, lang, summary, []sitedata.City{c}, ys, tbl)
}

// radar compares a city's dimension scores in the reference year with the
// other partners' median, the reference of the city's strengths and
// weaknesses.
func radar(s sitedata.Site, c sitedata.City, lang language) (Chart, error) {
	var indicators []*opts.Indicator
	var own, med []any
	tbl := Table{Columns: []string{txtDimension.in(lang), c.NameIn(lang.code), txtMedian.in(lang)}}
	for i, d := range s.Dimensions {
		indicators = append(indicators, &opts.Indicator{Name: name(d.Name, lang), Min: 0, Max: float32(scaleMax(s))})
		own = append(own, value(dimScore(c.Reference.Dimensions, d.ID)))
		med = append(med, value(othersMedian(c, i)))
		tbl.Rows = append(tbl.Rows, []any{name(d.Name, lang), cell(dimScore(c.Reference.Dimensions, d.ID)), cell(othersMedian(c, i))})
	}
	summary := radarSummary(s, c, lang)
	r := gecharts.NewRadar()
	r.SetGlobalOptions(
		aria(summary),
		gecharts.WithRadarComponentOpts(opts.RadarComponent{Indicator: indicators, Shape: "polygon", SplitNumber: 4,
			Center: []string{"50%", "46%"}}),
		gecharts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Bottom: "0"}),
		gecharts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
	)
	r.AddSeries(c.NameIn(lang.code), []opts.RadarData{{Name: c.NameIn(lang.code), Value: own}},
		gecharts.WithLineStyleOpts(opts.LineStyle{Width: 2, Type: "solid"}),
		gecharts.WithAreaStyleOpts(opts.AreaStyle{Opacity: opts.Float(0.2)}),
		gecharts.WithSeriesOpts(func(ss *gecharts.SingleSeries) { ss.Symbol = symbols[0] }),
	)
	r.AddSeries(txtMedian.in(lang), []opts.RadarData{{Name: txtMedian.in(lang), Value: med}},
		gecharts.WithLineStyleOpts(opts.LineStyle{Width: 2, Type: "dashed"}),
		gecharts.WithSeriesOpts(func(ss *gecharts.SingleSeries) { ss.Symbol = symbols[1] }),
	)
	return finishWith(r, radarLook(indicators), "radar", summary, s.Settings.Decimals, tbl)
}

// radarRadius is the radar's size on a wide screen (ECharts' default).
const radarRadius = "50%"

// radarNameWidth is how many characters of a dimension's name a line
// holds beside the radar on a phone.
const radarNameWidth = 12

// radarLook: on a phone the dimensions' names wrap beside a smaller
// radar, instead of running off the chart's sides.
func radarLook(indicators []*opts.Indicator) look {
	wrapped := make([]*opts.Indicator, len(indicators))
	for i, ind := range indicators {
		w := *ind
		w.Name = wrapWords(w.Name, radarNameWidth)
		wrapped[i] = &w
	}
	return look{media: responsive(mediaOption{Radar: &mediaRadar{Radius: radarRadius, Indicator: indicators}},
		widthRange{narrow, mediaOption{Radar: &mediaRadar{Radius: "42%", Indicator: wrapped}}})}
}

// othersMedian is the other partners' median score in the site's i-th
// dimension, c's reference (score.MedianWithout); nil when no other
// partner has a score.
func othersMedian(c sitedata.City, i int) *float64 {
	if i < len(c.Profile.DimensionMedians) {
		return c.Profile.DimensionMedians[i]
	}
	return nil
}

func dimScore(ds []sitedata.ScoreByDim, id string) *float64 {
	for _, d := range ds {
		if d.ID == id {
			return d.Score
		}
	}
	return nil
}

func radarSummary(s sitedata.Site, c sitedata.City, lang language) string {
	above, compared := 0, 0
	var gapDim sitedata.Dimension
	var gap, gapOwn, gapAvg float64
	for i, d := range s.Dimensions {
		own, avg := dimScore(c.Reference.Dimensions, d.ID), othersMedian(c, i)
		if own == nil || avg == nil {
			continue
		}
		compared++
		if *own > *avg {
			above++
		}
		if g := score.Round(*own-*avg, s.Settings.Decimals); abs(g) > abs(gap) {
			gapDim, gap, gapOwn, gapAvg = d, g, *own, *avg
		}
	}
	cityName := c.NameIn(lang.code)
	switch {
	case compared == 0:
		return txtRadarNone.in(lang, cityName, s.ReferenceYear)
	case gap == 0:
		return txtRadarEqual.in(lang, cityName, s.ReferenceYear)
	}
	return txtRadar.in(lang, cityName, s.ReferenceYear, count(above), count(compared), name(gapDim.Name, lang), num(s, lang, gapOwn), num(s, lang, gapAvg))
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
