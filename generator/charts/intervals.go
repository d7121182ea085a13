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
// Above the list limit only the first and last ranked cities are drawn
// (intervalsTop).
func intervals(s sitedata.Site, lang language) (Chart, error) {
	if sc := s.Analysis.Scale; sc != nil {
		return intervalsTop(s, *sc, lang)
	}
	tbl := Table{Columns: intervalColumns(lang)}
	var rows []intervalRow
	for _, r := range s.Ranking {
		row := []any{r.NameIn(lang.code), intCell(r.Rank), nil, nil, nil}
		if iv := r.Interval; iv != nil {
			row[2], row[3], row[4] = iv.Median, iv.Low, iv.High
		}
		tbl.Rows = append(tbl.Rows, row)
		rows = append(rows, intervalRow{r.NameIn(lang.code), r.Rank, r.Interval})
	}
	st := intervalStats(rows)
	var summary string
	switch {
	case s.Analysis.Uncertainty.Draws == 0 || st.counted == 0:
		summary = txtIntervalsNone.in(lang)
	case st.fixed == st.counted:
		summary = txtIntervalsFixed.in(lang, count(st.counted), count(s.Analysis.Uncertainty.Draws))
	default:
		w := st.widest.interval
		summary = txtIntervals.in(lang, st.widest.name, w.Low, w.High, w.Median, count(s.Analysis.Uncertainty.Draws), count(st.fixed), count(st.counted))
	}
	return intervalChart(lang, summary, rows, tbl, 0)
}

// intervalsTop is the chart above the list limit: the first and last
// ranked cities of sitedata.AnalysisScale, as the methodology page's table
// lists them; the summary counts over all ranked cities.
func intervalsTop(s sitedata.Site, sc sitedata.AnalysisScale, lang language) (Chart, error) {
	tbl := Table{Columns: intervalColumns(lang)}
	var rows []intervalRow
	for _, r := range sc.Uncertainty {
		row := []any{r.NameIn(lang.code), intCell(r.Rank), nil, nil, nil}
		if iv := r.Interval; iv != nil {
			row[2], row[3], row[4] = iv.Median, iv.Low, iv.High
		}
		tbl.Rows = append(tbl.Rows, row)
		rows = append(rows, intervalRow{r.NameIn(lang.code), r.Rank, r.Interval})
	}
	var all []intervalRow
	for _, r := range s.Ranking {
		all = append(all, intervalRow{r.NameIn(lang.code), r.Rank, r.Interval})
	}
	st := intervalStats(all)
	draws := s.Analysis.Uncertainty.Draws
	var summary string
	switch {
	case draws == 0 || st.counted == 0:
		summary = txtIntervalsNone.in(lang)
	case sc.Omitted == 0 && st.fixed == st.counted:
		summary = txtIntervalsFixed.in(lang, count(st.counted), count(draws))
	case sc.Omitted == 0:
		w := st.widest.interval
		summary = txtIntervals.in(lang, st.widest.name, w.Low, w.High, w.Median, count(draws), count(st.fixed), count(st.counted))
	case st.fixed == st.counted:
		summary = txtIntervalsTopFixed.in(lang, count(sc.Top), count(sc.Top), count(sc.Ranked), count(draws))
	default:
		w := st.widest.interval
		summary = txtIntervalsTop.in(lang, count(sc.Top), count(sc.Top), count(sc.Ranked), count(st.fixed), count(draws), st.widest.name, w.Low, w.High)
	}
	// A tick per rank would crowd the axis of a thousand ranks.
	return intervalChart(lang, summary, rows, tbl, 10)
}

// intervalRow is a city's rank and interval as the chart draws it.
type intervalRow struct {
	name     string
	rank     *int
	interval *sitedata.RankInterval
}

// ivStats: how many cities have a rank and interval, how many of them keep
// their rank in every draw's 90 %, and the (first) widest interval.
type ivStats struct {
	counted, fixed int
	widest         *intervalRow
}

func intervalStats(rows []intervalRow) ivStats {
	var st ivStats
	for i, r := range rows {
		if r.rank == nil || r.interval == nil {
			continue
		}
		iv := r.interval
		st.counted++
		if iv.Low == iv.High {
			st.fixed++
		}
		if st.widest == nil || iv.High-iv.Low > st.widest.interval.High-st.widest.interval.Low {
			st.widest = &rows[i]
		}
	}
	return st
}

func intervalColumns(lang language) []string {
	return []string{txtCity.in(lang), txtRank.in(lang), txtMedianRank.in(lang), txtLow.in(lang), txtHigh.in(lang)}
}

// intervalChart draws the rows with a rank and an interval; splits is the
// rank axis's number of ticks (0: one per rank).
func intervalChart(lang language, summary string, rows []intervalRow, tbl Table, splits int) (Chart, error) {
	var names []string
	var base, span []opts.BarData
	var medians, ranks []opts.ScatterData
	n := 1
	for _, r := range rows {
		if r.rank == nil || r.interval == nil {
			continue
		}
		iv := r.interval
		i := len(names)
		names = append(names, r.name)
		// The bars stack: an invisible one up to the low end, then the
		// interval itself.
		base = append(base, opts.BarData{Value: iv.Low})
		span = append(span, opts.BarData{Value: iv.High - iv.Low, Name: txtRankSpan.in(lang, iv.Low, iv.High)})
		medians = append(medians, opts.ScatterData{Value: []any{iv.Median, i}})
		ranks = append(ranks, opts.ScatterData{Value: []any{*r.rank, i}})
		n = max(n, iv.High, *r.rank)
	}
	if splits == 0 {
		splits = n
	}
	bar := gecharts.NewBar()
	bar.SetGlobalOptions(
		aria(summary),
		gecharts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Bottom: "0"}),
		gecharts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item", Formatter: "{a}: {b}"}),
		gecharts.WithGridOpts(opts.Grid{Left: "2%", Right: "6%", Top: "8", Bottom: "64"}),
		gecharts.WithXAxisOpts(opts.XAxis{Type: "value", Min: 0.5, Max: float64(n) + 0.5, Name: txtRank.in(lang), NameLocation: "middle", NameGap: 28,
			SplitNumber: splits}),
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
	return finish(bar, "interval", summary, 0, tbl)
}

func intCell(v *int) any {
	if v == nil {
		return nil
	}
	return *v
}
