package charts

import (
	gecharts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/digitale-staedte/benchmark/generator/sitedata"
)

// intervals shows each ranked city's rank with the median and the 5th–95th
// percentile of its rank over the Monte Carlo draws: a bar from the low to
// the high end, a dot at the median, a diamond at the published rank. The
// rows follow the methodology page's uncertainty table (ranking order).
func intervals(s sitedata.Site, lang string) (Chart, error) {
	tbl := Table{Columns: []string{txtCity.in(lang), txtRank.in(lang), txtMedianRank.in(lang), txtLow.in(lang), txtHigh.in(lang)}}
	var names []string
	var base, span []opts.BarData
	var medians, ranks []opts.ScatterData
	n := 1
	var widest *sitedata.RankingRow
	fixed, counted := 0, 0
	for _, r := range s.Ranking {
		row := []any{r.Name, intCell(r.Rank), nil, nil, nil}
		if iv := r.Interval; iv != nil {
			row[2], row[3], row[4] = iv.Median, iv.Low, iv.High
		}
		tbl.Rows = append(tbl.Rows, row)
		if r.Rank == nil || r.Interval == nil {
			continue
		}
		iv := r.Interval
		i := len(names)
		names = append(names, clean(r.Name))
		// The bars stack: an invisible one up to the low end, then the
		// interval itself.
		base = append(base, opts.BarData{Value: iv.Low})
		span = append(span, opts.BarData{Value: iv.High - iv.Low, Name: txtRankSpan.in(lang, iv.Low, iv.High)})
		medians = append(medians, opts.ScatterData{Value: []any{iv.Median, i}})
		ranks = append(ranks, opts.ScatterData{Value: []any{*r.Rank, i}})
		n = max(n, iv.High, *r.Rank)
		counted++
		if iv.Low == iv.High {
			fixed++
		}
		if widest == nil || iv.High-iv.Low > widest.Interval.High-widest.Interval.Low {
			widest = &r
		}
	}
	var summary string
	switch {
	case s.Analysis.Uncertainty.Draws == 0 || counted == 0:
		summary = txtIntervalsNone.in(lang)
	case fixed == counted:
		summary = txtIntervalsFixed.in(lang, counted, s.Analysis.Uncertainty.Draws)
	default:
		w := widest.Interval
		summary = txtIntervals.in(lang, clean(widest.Name), w.Low, w.High, w.Median, s.Analysis.Uncertainty.Draws, fixed, counted)
	}
	bar := gecharts.NewBar()
	bar.SetGlobalOptions(
		aria(summary),
		gecharts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Bottom: "0"}),
		gecharts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item", Formatter: "{a}: {b}"}),
		gecharts.WithGridOpts(opts.Grid{Left: "2%", Right: "6%", Top: "8", Bottom: "64", ContainLabel: opts.Bool(true)}),
		gecharts.WithXAxisOpts(opts.XAxis{Type: "value", Min: 0.5, Max: float64(n) + 0.5, Name: txtRank.in(lang), NameLocation: "middle", NameGap: 28,
			SplitNumber: n}),
		gecharts.WithYAxisOpts(opts.YAxis{Type: "category", Data: names, Inverse: opts.Bool(true)}),
	)
	bar.AddSeries("", base,
		gecharts.WithSeriesOpts(func(ss *gecharts.SingleSeries) {
			ss.Stack = "interval"
			ss.BarMaxWidth = "14"
		}),
		gecharts.WithItemStyleOpts(opts.ItemStyle{Opacity: opts.Float(0)}),
	)
	bar.AddSeries(txtInterval.in(lang), span,
		gecharts.WithSeriesOpts(func(ss *gecharts.SingleSeries) {
			ss.Stack = "interval"
			ss.BarMaxWidth = "14"
		}),
	)
	sc := gecharts.NewScatter()
	sc.AddSeries(txtMedianRank.in(lang), medians,
		gecharts.WithSeriesOpts(func(ss *gecharts.SingleSeries) { ss.Symbol = "circle"; ss.SymbolSize = 12 }),
		gecharts.WithSeriesTooltipOpts(opts.SeriesTooltip{Formatter: "{a}"}),
	)
	sc.AddSeries(txtRank.in(lang), ranks,
		gecharts.WithSeriesOpts(func(ss *gecharts.SingleSeries) { ss.Symbol = "diamond"; ss.SymbolSize = 14 }),
		gecharts.WithSeriesTooltipOpts(opts.SeriesTooltip{Formatter: "{a}"}),
	)
	bar.Overlap(sc)
	return finish(bar, "interval", summary, tbl)
}

func intCell(v *int) any {
	if v == nil {
		return nil
	}
	return *v
}
