package charts

import (
	gecharts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/digitale-staedte/benchmark/generator/score"
	"github.com/digitale-staedte/benchmark/generator/sitedata"
)

// scaleMax is the top of the score scale (100 unless the framework says
// otherwise).
func scaleMax(s sitedata.Site) float64 {
	if s.Settings.Scale > 0 {
		return s.Settings.Scale
	}
	return 100
}

// ranked is one bar of a ranking.
type ranked struct {
	name  string
	value *float64
	rank  *int
}

// dimensionRanking shows the cities' scores in one dimension in the
// reference year, the rows of the dimension page's table in their order
// (sitedata.RankList: ranked cities by rank, then by name; then the cities
// without a score; above the list limit the first and last ones).
func dimensionRanking(s sitedata.Site, d sitedata.Dimension, lang language) (Chart, error) {
	cityName := make(map[string]string, len(s.Cities))
	for _, c := range s.Cities {
		cityName[c.Slug] = c.NameIn(lang.code)
	}
	var rows []ranked
	for _, p := range d.Ranking.Rows {
		rows = append(rows, ranked{name: cityName[p.Slug], value: p.Score, rank: p.Rank})
	}
	dimName := name(d.Name, lang)
	tbl := Table{Columns: []string{txtCity.in(lang), dimName}}
	var names []string
	var data []opts.BarData
	for _, r := range rows {
		names = append(names, r.name)
		data = append(data, opts.BarData{Value: value(r.value)})
		tbl.Rows = append(tbl.Rows, []any{r.name, cell(r.value)})
	}
	summary := rankedSummary(s, rows, lang, s.ReferenceYear, dimName)
	bar := gecharts.NewBar()
	bar.SetGlobalOptions(
		aria(summary),
		gecharts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		gecharts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		gecharts.WithGridOpts(opts.Grid{Left: "2%", Right: "10%", Top: "8", Bottom: "36"}),
		gecharts.WithXAxisOpts(opts.XAxis{Type: "value", Min: 0, Max: scaleMax(s), Name: txtScore.in(lang, numD(lang, scaleMax(s), 0)), NameLocation: "middle", NameGap: 28}),
		gecharts.WithYAxisOpts(opts.YAxis{Type: "category", Data: names, Inverse: opts.Bool(true)}),
	)
	bar.AddSeries(dimName, data,
		gecharts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"}),
		gecharts.WithSeriesOpts(func(ss *gecharts.SingleSeries) { ss.BarMaxWidth = "40" }),
	)
	return finish(bar, "bar", summary, s.Settings.Decimals, tbl)
}

// rankedSummary names the leader (or the tied leaders) and the last city
// of a ranking in a dimension.
func rankedSummary(s sitedata.Site, rows []ranked, lang language, year int, dim string) string {
	var r []ranked
	for _, x := range rows {
		if x.rank != nil && x.value != nil {
			r = append(r, x)
		}
	}
	switch len(r) {
	case 0:
		return txtDimNone.in(lang, year, dim)
	case 1:
		return txtDimOne.in(lang, r[0].name, year, dim, num(s, lang, *r[0].value))
	}
	first, last := r[0], r[len(r)-1]
	var leaders []string
	for _, x := range r {
		if *x.rank == *first.rank {
			leaders = append(leaders, x.name)
		}
	}
	if len(leaders) > 1 {
		return txtDimTie.in(lang, join(lang, leaders), year, dim, num(s, lang, *first.value))
	}
	gap := score.Round(*first.value-*last.value, s.Settings.Decimals)
	return txtDimLead.in(lang, first.name, year, dim, num(s, lang, *first.value), num(s, lang, gap), last.name, num(s, lang, *last.value))
}
