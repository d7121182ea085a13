package charts

import (
	gecharts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/digitale-staedte/benchmark/generator/score"
	"github.com/digitale-staedte/benchmark/generator/sitedata"
)

// indicatorTrend shows one indicator's reported values over the years, a
// line per city, in the indicator's unit and with its decimals, as the
// indicator page's table (rows: cities in site order, columns: years);
// above the list limit, the distribution by year.
func indicatorTrend(s sitedata.Site, ind sitedata.Indicator, lang language) (Chart, error) {
	indName, unitName := name(ind.Name, lang), name(ind.Unit, lang)
	// unit follows a value ("4,1 je 10.000 Einw.").
	unit := ""
	if unitName != "" {
		unit = " " + unitName
	}
	if !s.Lists.Full {
		var vals []float64
		for _, y := range ind.Years {
			for _, v := range []*float64{y.Min, y.Q1, y.Median, y.Q3, y.Max} {
				if v != nil {
					vals = append(vals, *v)
				}
			}
		}
		return spread(s, lang, ind.Years, indName, valueAxis(indName, ind.Unit, unitName, vals), unit, ind.Decimals, 0)
	}
	// Each city's values by year, as the table shows them.
	obs := make([]map[int]float64, len(s.Cities))
	var vals []float64
	for i, c := range s.Cities {
		obs[i] = map[int]float64{}
		for _, k := range c.KPIs {
			if k.Indicator == ind.ID {
				for _, o := range k.Values {
					v := score.Round(o.Value, ind.Decimals)
					obs[i][o.Year] = v
					vals = append(vals, v)
				}
			}
		}
	}
	ys := shownYears(s.Years, func(y int) bool {
		for _, o := range obs {
			if _, ok := o[y]; ok {
				return true
			}
		}
		return false
	})
	tbl := Table{Columns: append([]string{txtCity.in(lang)}, yearLabels(ys)...)}
	line := gecharts.NewLine()
	line.SetXAxis(yearLabels(ys))
	type change struct {
		city             string
		from, to         int
		first, last, gap float64
	}
	var most *change
	for i, c := range s.Cities {
		if !c.Scored {
			continue // no KPIs: a series of gaps
		}
		row := []any{c.NameIn(lang.code)}
		var data []opts.LineData
		obs := obs[i]
		var first, last *change
		for _, y := range ys {
			v, ok := obs[y]
			if !ok {
				row = append(row, nil)
				data = append(data, opts.LineData{Value: "-"})
				continue
			}
			row = append(row, v)
			data = append(data, opts.LineData{Value: v})
			if first == nil {
				first = &change{from: y, first: v}
			}
			last = &change{to: y, last: v}
		}
		tbl.Rows = append(tbl.Rows, row)
		line.AddSeries(c.NameIn(lang.code), data,
			gecharts.WithLineChartOpts(opts.LineChart{Symbol: symbols[i%len(symbols)], SymbolSize: 9, ShowSymbol: opts.Bool(true)}),
			gecharts.WithLineStyleOpts(opts.LineStyle{Width: 2, Type: lineStyles[i%len(lineStyles)]}),
		)
		if first != nil && last.to > first.from {
			ch := change{city: c.NameIn(lang.code), from: first.from, to: last.to, first: first.first, last: last.last,
				gap: score.Round(last.last-first.first, ind.Decimals)}
			if most == nil || abs(ch.gap) > abs(most.gap) {
				most = &ch
			}
		}
	}
	var summary string
	switch {
	case most == nil:
		summary = txtIndTrendNone.in(lang, indName)
	case most.gap == 0:
		summary = txtIndTrendFlat.in(lang, indName)
	default:
		// A value with its unit: "4,1 je 10.000 Einw.", but "Rang 29".
		with := func(v float64) string { return numD(lang, v, ind.Decimals) + unit }
		if unitIs(ind.Unit, rankUnits) {
			with = func(v float64) string { return unitName + " " + numD(lang, v, ind.Decimals) }
		}
		summary = txtIndTrend.in(lang, indName, most.city, with(most.first), most.from, with(most.last), most.to)
	}
	line.SetGlobalOptions(
		aria(summary),
		gecharts.WithLegendOpts(opts.Legend{Show: opts.Bool(len(s.Cities) > 1), Bottom: "0", Type: "scroll"}),
		gecharts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		gecharts.WithGridOpts(opts.Grid{Left: "2%", Right: "4%", Top: "36", Bottom: "72"}),
		gecharts.WithXAxisOpts(opts.XAxis{Type: "category", Name: txtYear.in(lang), NameLocation: "middle", NameGap: 28}),
		gecharts.WithYAxisOpts(valueAxis(indName, ind.Unit, unitName, vals)),
	)
	return finish(line, "line", summary, ind.Decimals, tbl)
}
