package charts

import (
	gecharts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/sitedata"
)

// statusLook is how the charts show a status. The code orders the
// statuses from none to done; the theme colours the heat map's cells by it.
// Symbol and word go with it, as on the status badges of the pages, so
// colour never carries the status alone.
type statusLook struct {
	code   int
	symbol string
	word   msg
}

var statusLooks = map[model.Status]statusLook{
	model.Stopped:    {1, "✕", txtStopped},
	model.Planned:    {2, "○", txtPlanned},
	model.InProgress: {3, "◐", txtInProgress},
	model.Done:       {4, "●", txtDone},
}

// lookOf is a cell's status look; without a measure, code 0 and a dash.
func lookOf(c sitedata.CellStatus) statusLook {
	if !c.Has {
		return statusLook{0, "–", txtNoMeasure}
	}
	return statusLooks[c.Status]
}

// strategy is the topic × city heat map of the strategy page's matrix: the
// most advanced status of each city's measures in each topic.
// Above the list limit it counts the cities by status instead.
func strategy(s sitedata.Site, lang language) (Chart, error) {
	if sc := s.Strategies.Scale; sc != nil {
		return strategyCounts(s, *sc, lang)
	}
	var cities, topics []string
	cityName := map[string]string{}
	tbl := Table{Columns: []string{txtTopic.in(lang), txtDimension.in(lang)}}
	for _, c := range s.Cities {
		cities = append(cities, c.NameIn(lang.code))
		cityName[c.Slug] = c.NameIn(lang.code)
		tbl.Columns = append(tbl.Columns, c.NameIn(lang.code))
	}
	topicName := map[string]string{}
	for _, t := range s.Topics {
		topicName[t.ID] = name(t.Name, lang)
	}
	dimName := map[string]string{}
	for _, d := range s.Dimensions {
		dimName[d.ID] = name(d.Name, lang)
	}
	var data []opts.HeatMapData
	covered := map[string]int{} // topics with a measure, by city
	// "In every city": partners of other kinds, which need not run the
	// municipal topics, do not count against a topic.
	city := map[string]bool{}
	for _, c := range s.Cities {
		city[c.Slug] = c.Scored
	}
	everywhere := 0
	for y, row := range s.Strategies.Matrix {
		topics = append(topics, topicName[row.Topic])
		trow := []any{topicName[row.Topic], dimName[row.Dimension]}
		all := len(row.Cells) > 0
		for x, c := range row.Cells {
			look := lookOf(c.Status)
			word, label := look.word.in(lang), look.symbol
			if c.Status.Has {
				label += " " + word
				covered[c.Slug]++
			} else {
				all = all && !city[c.Slug]
			}
			// The fourth value is the symbol alone, the label of a cell
			// where the words do not fit (heatmapLook).
			data = append(data, opts.HeatMapData{Name: label, Value: []any{x, y, look.code, look.symbol}})
			trow = append(trow, word)
		}
		if all {
			everywhere++
		}
		tbl.Rows = append(tbl.Rows, trow)
	}
	summary := txtStrategyNone.in(lang)
	if len(s.Strategies.Matrix) > 0 && len(s.Cities) > 0 {
		best := s.Cities[0]
		for _, c := range s.Cities[1:] {
			if covered[c.Slug] > covered[best.Slug] {
				best = c
			}
		}
		summary = txtStrategy.in(lang, count(everywhere), count(len(s.Strategies.Matrix)), best.NameIn(lang.code), count(covered[best.Slug]))
	}
	hm := gecharts.NewHeatMap()
	hm.SetGlobalOptions(
		aria(summary),
		gecharts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		gecharts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item", Formatter: "{b}"}),
		gecharts.WithGridOpts(opts.Grid{Left: "2%", Right: "2%", Top: "40", Bottom: "8"}),
		gecharts.WithXAxisOpts(opts.XAxis{Type: "category", Data: cities, Position: "top", SplitArea: &opts.SplitArea{Show: opts.Bool(true)},
			AxisLabel: &opts.AxisLabel{Interval: "0", Width: heatmapWordCell - 8, Overflow: "truncate"}}),
		gecharts.WithYAxisOpts(opts.YAxis{Type: "category", Data: topics, Inverse: opts.Bool(true), SplitArea: &opts.SplitArea{Show: opts.Bool(true)},
			AxisLabel: &opts.AxisLabel{Width: heatmapTopicWide, Overflow: "truncate"}}),
	)
	hm.AddSeries(txtStatusWord.in(lang), data,
		gecharts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Formatter: "{b}"}),
		gecharts.WithItemStyleOpts(opts.ItemStyle{BorderWidth: 2}),
	)
	return finishWith(hm, heatmapLook(len(cities)), "heatmap", summary, 0, tbl)
}

// Widths in px of the heat map's parts, at textSize: a cell that shows
// symbol and word ("◐ in Umsetzung"), the topics' labels on a wide and
// on a phone's screen (wrapped), and the phone's chart.
const (
	heatmapWordCell    = 120
	heatmapTopicWide   = 220
	heatmapTopicNarrow = 140
	heatmapPhone       = 360
)

// heatmapLook: every city's name heads its column, cut to the column's
// width; where a column is too narrow for "● abgeschlossen", a cell shows
// the symbol alone (the tooltip and the table keep the word), and on a
// phone the topics take less width, wrapped.
func heatmapLook(cities int) look {
	form := func(label string, topics int, overflow string, column int) mediaOption {
		return mediaOption{
			Series: []mediaSeries{{Label: &opts.Label{Formatter: label}}},
			XAxis:  []opts.XAxis{{AxisLabel: &opts.AxisLabel{Width: column}}},
			YAxis:  []opts.YAxis{{AxisLabel: &opts.AxisLabel{Width: topics, Overflow: overflow}}},
		}
	}
	words, symbol := "{b}", "{@[3]}"
	column := max((heatmapPhone-heatmapTopicNarrow)/max(cities, 1)-8, 24)
	return look{media: responsive(form(words, heatmapTopicWide, "truncate", heatmapWordCell-8),
		widthRange{narrow, form(symbol, heatmapTopicNarrow, "break", column)},
		widthRange{heatmapTopicWide + heatmapWordCell*cities, form(symbol, heatmapTopicWide, "truncate", heatmapWordCell-8)},
	)}
}
