package charts

import (
	"math"
	"strings"

	gecharts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/digitale-staedte/benchmark/generator/sitedata"
)

// monthDecimals: a median of an even count can end in a half month.
const monthDecimals = 1

// speed is the strategy page's delivery chart: per topic, the median
// months from start to end of every partner's finished measures, for the
// topics that have one (the table beside lists every topic).
func speed(s sitedata.Site, lang language) (Chart, error) {
	sp := s.Strategies.Speed
	topicName := topicNames(s, lang)
	tbl := Table{Columns: []string{txtTopic.in(lang), txtSpeedMedian.in(lang)}, Rows: [][]any{}}
	var names []string
	var data []opts.BarData
	var fastest []string // the topics with the lowest median
	var low float64
	for _, t := range sp.Topics {
		if t.Median == nil {
			continue
		}
		names = append(names, topicName[t.Topic])
		data = append(data, opts.BarData{Value: *t.Median})
		tbl.Rows = append(tbl.Rows, []any{topicName[t.Topic], *t.Median})
		switch {
		case len(fastest) == 0 || *t.Median < low:
			fastest, low = []string{topicName[t.Topic]}, *t.Median
		case *t.Median == low:
			fastest = append(fastest, topicName[t.Topic])
		}
	}
	var b strings.Builder
	if all := sp.All; all.Median == nil {
		b.WriteString(txtSpeedNone.in(lang))
	} else {
		b.WriteString(txtSpeed.in(lang, months(lang, *all.Median), count(all.Finished), join(lang, fastest), months(lang, low)))
	}
	speedRest(&b, sp.All, lang)
	summary := b.String()
	return speedBars(summary, names, tbl, []speedSeries{{txtSpeedMedian.in(lang), data}}, lang)
}

// citySpeed is a city page's delivery chart: per topic in which the city
// finished a measure with its dates, its median months beside every
// partner's.
func citySpeed(s sitedata.Site, c sitedata.City, lang language) (Chart, error) {
	sp := c.Speed
	topicName := topicNames(s, lang)
	city := c.NameIn(lang.code)
	tbl := Table{Columns: []string{txtTopic.in(lang), c.NameIn(lang.code), txtSpeedPartners.in(lang)}, Rows: [][]any{}}
	var names []string
	var own, all []opts.BarData
	for _, t := range sp.Topics {
		if t.Median == nil {
			continue
		}
		names = append(names, topicName[t.Topic])
		own = append(own, opts.BarData{Value: *t.Median})
		all = append(all, opts.BarData{Value: value(t.PartnersMedian)})
		tbl.Rows = append(tbl.Rows, []any{topicName[t.Topic], *t.Median, cell(t.PartnersMedian)})
	}
	var b strings.Builder
	if sp.Median == nil {
		b.WriteString(txtCitySpeedNone.in(lang, city))
	} else {
		allMedian := "–"
		if m := s.Strategies.Speed.All.Median; m != nil {
			allMedian = months(lang, *m)
		}
		b.WriteString(txtCitySpeed.in(lang, city, count(sp.Finished), months(lang, *sp.Median), allMedian))
	}
	speedRest(&b, sp.Delivery, lang)
	return speedBars(b.String(), names, tbl, []speedSeries{{city, own}, {txtSpeedPartners.in(lang), all}}, lang)
}

// speedRest ends a summary: how many running measures are overdue and how
// many finished ones have no dates to count.
func speedRest(b *strings.Builder, d sitedata.Delivery, lang language) {
	if d.Running > 0 {
		b.WriteString(txtSpeedOverdue.in(lang, count(d.Overdue), count(d.Running)))
	}
	if n := d.NoDate + d.YearOnly; n > 0 {
		b.WriteString(txtSpeedUncounted.in(lang, count(n)))
	}
	b.WriteString(".")
}

type speedSeries struct {
	name string
	data []opts.BarData
}

// speedBars lays out horizontal bars of months, a category per topic.
func speedBars(summary string, topics []string, tbl Table, series []speedSeries, lang language) (Chart, error) {
	// Many finished measures are decisions taken within a month (0 months):
	// an axis of at least one month keeps such a chart from ticking in
	// tenths of nothing.
	longest := 1.0
	for _, s := range series {
		for _, d := range s.data {
			if v, ok := d.Value.(float64); ok {
				longest = max(longest, v)
			}
		}
	}
	// The legend, when there is one, sits below the axis name.
	bottom := "36"
	if len(series) > 1 {
		bottom = "64"
	}
	bar := gecharts.NewBar()
	bar.SetGlobalOptions(
		aria(summary),
		gecharts.WithLegendOpts(opts.Legend{Show: opts.Bool(len(series) > 1), Bottom: "0"}),
		gecharts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		gecharts.WithGridOpts(opts.Grid{Left: "2%", Right: "10%", Top: "8", Bottom: bottom}),
		gecharts.WithXAxisOpts(opts.XAxis{Type: "value", Min: 0, Max: math.Ceil(longest), Name: txtSpeedAxis.in(lang), NameLocation: "middle", NameGap: 28}),
		gecharts.WithYAxisOpts(opts.YAxis{Type: "category", Data: topics, Inverse: opts.Bool(true)}),
	)
	for _, s := range series {
		bar.AddSeries(s.name, s.data,
			gecharts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"}),
			gecharts.WithSeriesOpts(func(ss *gecharts.SingleSeries) { ss.BarMaxWidth = "24" }),
		)
	}
	return finish(bar, "bar", summary, monthDecimals, tbl)
}

// months is a number of months as the tables print it.
func months(lang language, v float64) string { return numD(lang, v, monthDecimals) }

func topicNames(s sitedata.Site, lang language) map[string]string {
	out := make(map[string]string, len(s.Topics))
	for _, t := range s.Topics {
		out[t.ID] = name(t.Name, lang)
	}
	return out
}
