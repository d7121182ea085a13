package charts

import (
	gecharts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/digitale-staedte/benchmark/generator/score"
	"github.com/digitale-staedte/benchmark/generator/sitedata"
)

// Above the list limit a line per city would be thousands of lines: the
// trend charts then draw the distribution by year instead, five lines from
// minimum to maximum, and their table has a row per line (columns: years).

// spreadLine is one line of a spread chart.
type spreadLine struct {
	label msg
	style string
	width int
	get   func(sitedata.YearSpread) *float64
}

var spreadLines = []spreadLine{
	{txtSpreadMax, "dotted", 1, func(y sitedata.YearSpread) *float64 { return y.Max }},
	{txtSpreadQ3, "dashed", 2, func(y sitedata.YearSpread) *float64 { return y.Q3 }},
	{txtSpreadMedian, "solid", 3, func(y sitedata.YearSpread) *float64 { return y.Median }},
	{txtSpreadQ1, "dashed", 2, func(y sitedata.YearSpread) *float64 { return y.Q1 }},
	{txtSpreadMin, "dotted", 1, func(y sitedata.YearSpread) *float64 { return y.Min }},
}

// spread draws spreads (one per year of the site, from the first year
// with values to the last) on yAxis; yMax > 0 fixes the axis to 0…yMax
// (scores), else it fits the values. what names the quantity in the
// summary; unit follows numbers.
func spread(s sitedata.Site, lang language, spreads []sitedata.YearSpread, what string, yAxis opts.YAxis, unit string, decimals int, yMax float64) (Chart, error) {
	byYear := make(map[int]sitedata.YearSpread, len(spreads))
	for _, y := range spreads {
		byYear[y.Year] = y
	}
	ys := shownYears(s.Years, func(y int) bool { return byYear[y].Max != nil })
	shown := make([]sitedata.YearSpread, len(ys))
	for i, y := range ys {
		shown[i] = byYear[y]
	}
	tbl := Table{Columns: append([]string{txtStatistic.in(lang)}, yearLabels(ys)...)}
	line := gecharts.NewLine()
	line.SetXAxis(yearLabels(ys))
	for i, l := range spreadLines {
		row := []any{l.label.in(lang)}
		var data []opts.LineData
		for _, y := range shown {
			v := l.get(y)
			row = append(row, cell(v))
			data = append(data, opts.LineData{Value: value(v)})
		}
		tbl.Rows = append(tbl.Rows, row)
		line.AddSeries(l.label.in(lang), data,
			gecharts.WithLineChartOpts(opts.LineChart{Symbol: symbols[i%len(symbols)], SymbolSize: 7, ShowSymbol: opts.Bool(true)}),
			gecharts.WithLineStyleOpts(opts.LineStyle{Width: float32(l.width), Type: l.style}),
		)
	}
	summary := spreadSummary(lang, spreads, what, unit, decimals)
	if yMax > 0 {
		yAxis = opts.YAxis{Type: "value", Min: 0, Max: yMax, Name: yAxis.Name}
	}
	line.SetGlobalOptions(
		aria(summary),
		gecharts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Bottom: "0", Type: "scroll"}),
		gecharts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		gecharts.WithGridOpts(opts.Grid{Left: "2%", Right: "4%", Top: "36", Bottom: "72"}),
		gecharts.WithXAxisOpts(opts.XAxis{Type: "category", Name: txtYear.in(lang), NameLocation: "middle", NameGap: 28}),
		gecharts.WithYAxisOpts(yAxis),
	)
	return finish(line, "line", summary, decimals, tbl)
}

// spreadSummary follows the median from the first to the last year with
// values and gives the last year's middle half.
func spreadSummary(lang language, spreads []sitedata.YearSpread, what, unit string, decimals int) string {
	var have []sitedata.YearSpread
	for _, y := range spreads {
		if y.Median != nil {
			have = append(have, y)
		}
	}
	if len(have) == 0 {
		return txtSpreadNone.in(lang, what)
	}
	f := func(v float64) string { return numD(lang, v, decimals) + unit }
	first, last := have[0], have[len(have)-1]
	middle := ""
	if last.Q1 != nil && last.Q3 != nil {
		middle = " " + txtSpreadMiddle.in(lang, count(last.N), last.Year, f(*last.Q1), f(*last.Q3))
	}
	if len(have) == 1 {
		return txtSpreadOne.in(lang, what, last.Year, f(*last.Median)) + middle
	}
	if score.Round(*last.Median-*first.Median, decimals) == 0 {
		return txtSpreadFlat.in(lang, what, first.Year, last.Year, f(*last.Median)) + middle
	}
	return txtSpreadMove.in(lang, what, f(*first.Median), first.Year, f(*last.Median), last.Year) + middle
}
