package charts

import (
	gecharts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/digitale-staedte/benchmark/generator/sitedata"
)

// Texts of the scale-mode charts of the strategy and methodology pages
// (above sitedata.FullListMax cities).
var (
	txtCities         = msg{"Städte", "Cities"}
	txtShareCol       = msg{"%s (%% der Städte)", "%s (%% of cities)"}
	txtStrategyCounts = msg{"Die meisten Städte mit abgeschlossener Maßnahme hat das Thema %s (%d von %d, %s %%), die meisten ohne jede Maßnahme das Thema %s (%d, %s %%).",
		"%s has the most cities with a finished measure (%d of %d, %s %%), %s the most cities without any measure (%d, %s %%)."}
	txtIntervalsTop = msg{"Die Grafik zeigt die ersten %d und die letzten %d von %d Städten mit Rang; von allen behalten %d ihren Rang in 90 %% von %d Simulationen, am unsichersten ist der Rang von %s (Rang %d bis %d).",
		"The chart shows the first %d and the last %d of %d ranked cities; of all of them, %d keep their rank in 90 %% of %d simulations, and %s's rank is the least certain (rank %d to %d)."}
	txtIntervalsTopFixed = msg{"Die Grafik zeigt die ersten %d und die letzten %d von %d Städten mit Rang; alle behalten ihren Rang in 90 %% von %d Simulationen.",
		"The chart shows the first %d and the last %d of %d ranked cities; all of them keep their rank in 90 %% of %d simulations."}
)

// strategyCounts is the strategy page's chart above the list limit: per
// topic a bar of all cities, stacked by the most advanced status of their
// measures in the topic. Its table has, per status, the count and the
// share of all cities, in sitedata.ScaleStatuses order.
func strategyCounts(s sitedata.Site, sc sitedata.StrategyScale, lang language) (Chart, error) {
	topicName := map[string]string{}
	for _, t := range s.Topics {
		topicName[t.ID] = name(t.Name, lang)
	}
	// The table: the topic, then per status the count (the bar) and the
	// share; the page's table adds the dimension.
	tbl := Table{Columns: []string{txtTopic.in(lang)}}
	for _, st := range sitedata.ScaleStatuses {
		word := lookOf(st).word.in(lang)
		tbl.Columns = append(tbl.Columns, word, txtShareCol.in(lang, word))
	}
	topics := make([]string, 0, len(sc.Topics))
	series := make([][]opts.BarData, len(sitedata.ScaleStatuses))
	done, none := -1, -1                               // topics with the most cities done, with none
	doneAt, noneAt := 0, len(sitedata.ScaleStatuses)-1 // ScaleStatuses: done first, none last
	for i, tc := range sc.Topics {
		topics = append(topics, topicName[tc.Topic])
		row := []any{topicName[tc.Topic]}
		for k, c := range tc.Statuses {
			row = append(row, c.Count, c.SharePct)
			series[k] = append(series[k], opts.BarData{Value: c.Count})
		}
		tbl.Rows = append(tbl.Rows, row)
		if done < 0 || tc.Statuses[doneAt].Count > sc.Topics[done].Statuses[doneAt].Count {
			done = i
		}
		if none < 0 || tc.Statuses[noneAt].Count > sc.Topics[none].Statuses[noneAt].Count {
			none = i
		}
	}
	summary := txtStrategyNone.in(lang)
	if len(sc.Topics) > 0 && sc.Cities > 0 {
		d, n := sc.Topics[done], sc.Topics[none]
		summary = txtStrategyCounts.in(lang, topicName[d.Topic], count(d.Statuses[doneAt].Count), count(sc.Cities), numD(lang, d.Statuses[doneAt].SharePct, 1),
			topicName[n.Topic], count(n.Statuses[noneAt].Count), numD(lang, n.Statuses[noneAt].SharePct, 1))
	}
	bar := gecharts.NewBar()
	bar.SetGlobalOptions(
		gecharts.WithAriaOpts(&opts.Aria{
			Enabled: opts.Bool(true),
			Label:   &opts.AriaLabel{Enabled: opts.Bool(true), Description: summary},
			// Patterns as well as colours tell the statuses apart.
			Decal: &opts.AriaDecal{Show: opts.Bool(true)},
		}),
		gecharts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Bottom: "0"}),
		gecharts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		gecharts.WithGridOpts(opts.Grid{Left: "2%", Right: "4%", Top: "8", Bottom: "64"}),
		gecharts.WithXAxisOpts(opts.XAxis{Type: "value", Min: 0, Max: sc.Cities, Name: txtCities.in(lang), NameLocation: "middle", NameGap: 28}),
		gecharts.WithYAxisOpts(opts.YAxis{Type: "category", Data: topics, Inverse: opts.Bool(true)}),
	)
	for k, st := range sitedata.ScaleStatuses {
		bar.AddSeries(lookOf(st).word.in(lang), series[k],
			gecharts.WithSeriesOpts(func(ss *gecharts.SingleSeries) {
				ss.Stack = "cities"
				ss.BarMaxWidth = "28"
			}),
		)
	}
	return finish(bar, "bar", summary, 0, tbl)
}
