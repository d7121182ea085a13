package charts

import (
	"fmt"

	gecharts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/digitale-staedte/benchmark/generator/score"
	"github.com/digitale-staedte/benchmark/generator/sitedata"
)

// indicatorTrend shows one indicator's reported values over the years, a
// line per city, in the indicator's unit and with its decimals, as the
// indicator page's table (rows: cities in site order, columns: years);
// above the list limit, the distribution by year.
func indicatorTrend(s sitedata.Site, ind sitedata.Indicator, lang string) (Chart, error) {
	indName, unitName := name(ind.Name, lang), name(ind.Unit, lang)
	// unit follows a value ("4,1 je 10.000 Einw."), axisName labels the
	// axis ("Hotspots (je 10.000 Einw.)").
	unit, axisName := "", indName
	if unitName != "" {
		unit, axisName = " "+unitName, fmt.Sprintf("%s (%s)", indName, unitName)
	}
	if !s.Lists.Full {
		return spread(s, lang, ind.Years, indName, axisName, unit, ind.Decimals, 0)
	}
	tbl := Table{Columns: append([]string{txtCity.in(lang)}, years(s)...)}
	line := gecharts.NewLine()
	line.SetXAxis(years(s))
	type change struct {
		city             string
		from, to         int
		first, last, gap float64
	}
	var most *change
	for i, c := range s.Cities {
		row := []any{c.Name}
		var data []opts.LineData
		obs := map[int]float64{}
		for _, k := range c.KPIs {
			if k.Indicator == ind.ID {
				for _, o := range k.Values {
					obs[o.Year] = score.Round(o.Value, ind.Decimals)
				}
			}
		}
		var first, last *change
		for _, y := range s.Years {
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
		line.AddSeries(clean(c.Name), data,
			gecharts.WithLineChartOpts(opts.LineChart{Symbol: symbols[i%len(symbols)], SymbolSize: 9, ShowSymbol: opts.Bool(true)}),
			gecharts.WithLineStyleOpts(opts.LineStyle{Width: 2, Type: lineStyles[i%len(lineStyles)]}),
		)
		if first != nil && last.to > first.from {
			ch := change{city: clean(c.Name), from: first.from, to: last.to, first: first.first, last: last.last,
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
		summary = txtIndTrend.in(lang, indName, most.city, numD(lang, most.first, ind.Decimals)+unit, most.from,
			numD(lang, most.last, ind.Decimals)+unit, most.to)
	}
	line.SetGlobalOptions(
		aria(summary),
		gecharts.WithLegendOpts(opts.Legend{Show: opts.Bool(len(s.Cities) > 1), Bottom: "0"}),
		gecharts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		gecharts.WithGridOpts(opts.Grid{Left: "2%", Right: "4%", Top: "36", Bottom: "64", ContainLabel: opts.Bool(true)}),
		gecharts.WithXAxisOpts(opts.XAxis{Type: "category", Name: txtYear.in(lang), NameLocation: "middle", NameGap: 28}),
		gecharts.WithYAxisOpts(opts.YAxis{Type: "value", Name: axisName, Scale: opts.Bool(true)}),
	)
	return finish(line, "line", summary, ind.Decimals, tbl)
}
