package charts

import (
	"math"
	"strconv"
	"time"

	gecharts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/sitedata"
)

// timeline draws each of a city's measures that has a start and an end
// date as a bar from start to end, one series per status (its own
// pattern and legend entry, so status is not told by colour alone). The
// data rows are the city page's measures table, every measure in its
// order; those without both dates are in the table only, and the summary
// says how many.
func timeline(s sitedata.Site, c sitedata.City, lang language) (Chart, error) {
	tbl := Table{Columns: []string{txtMeasure.in(lang), txtStatusWord.in(lang), txtStart.in(lang), txtEnd.in(lang)}}
	type bar struct {
		title    string
		status   model.Status
		tip      string
		from, to float64
	}
	var bars []bar
	undated := 0
	for _, m := range c.Measures {
		title := name(m.Title, lang)
		tbl.Rows = append(tbl.Rows, []any{title, statusLooks[m.Status].word.in(lang), m.Start, m.End})
		from, okFrom := yearFraction(m.Start, false)
		to, okTo := yearFraction(m.End, true)
		if !okFrom || !okTo || to < from {
			undated++
			continue
		}
		// The tooltip names the measure: its title on the axis may be cut.
		bars = append(bars, bar{title, m.Status, title + ": " + dateRange(lang, m.Start, m.End), from, to})
	}
	cityName := c.NameIn(lang.code)
	var summary string
	switch {
	case len(c.Measures) == 0:
		summary = txtTimelineNone.in(lang, cityName)
	case len(bars) == 0:
		summary = txtTimelineUndated.in(lang, cityName, len(c.Measures))
	default:
		lo, hi, done := math.Inf(1), math.Inf(-1), 0
		for _, b := range bars {
			lo, hi = math.Min(lo, b.from), math.Max(hi, b.to)
			if b.status == model.Done {
				done++
			}
		}
		// The last year the bars reach into (an end on 1 January is the
		// close of the year before).
		if len(bars) == 1 {
			summary = txtTimelineOne.in(lang, cityName, int(lo), int(math.Ceil(hi))-1)
		} else {
			summary = txtTimeline.in(lang, cityName, count(len(bars)), int(lo), int(math.Ceil(hi))-1, count(done))
		}
		switch {
		case undated == 1:
			summary += " " + txtTimelineRestOne.in(lang)
		case undated > 1:
			summary += " " + txtTimelineRest.in(lang, count(undated))
		}
	}
	var titles []string
	base := make([]opts.BarData, len(bars))
	spans := map[model.Status][]opts.BarData{}
	lo, hi := math.Inf(1), math.Inf(-1)
	for i, b := range bars {
		titles = append(titles, b.title)
		base[i] = opts.BarData{Value: b.from}
		for _, st := range model.Statuses() {
			d := opts.BarData{Value: "-"}
			if st == b.status {
				d = opts.BarData{Value: round3(b.to - b.from), Name: b.tip}
			}
			spans[st] = append(spans[st], d)
		}
		lo, hi = math.Min(lo, b.from), math.Max(hi, b.to)
	}
	// Years: whole ticks, and a label that would run into the next one is
	// left out.
	axis := opts.XAxis{Type: "value", Name: txtYear.in(lang), NameLocation: "middle", NameGap: 28, MinInterval: 1,
		AxisLabel: &opts.AxisLabel{HideOverlap: opts.Bool(true)}}
	if len(bars) > 0 {
		axis.Min, axis.Max = math.Floor(lo), math.Ceil(hi)
	}
	chart := gecharts.NewBar()
	chart.SetGlobalOptions(
		aria(summary),
		gecharts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Bottom: "0"}),
		gecharts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item", Formatter: "{b} ({a})"}),
		gecharts.WithGridOpts(opts.Grid{Left: "2%", Right: "4%", Top: "8", Bottom: "64"}),
		gecharts.WithXAxisOpts(axis),
		gecharts.WithYAxisOpts(opts.YAxis{Type: "category", Data: titles, Inverse: opts.Bool(true),
			AxisLabel: &opts.AxisLabel{Width: timelineTitleWide, Overflow: "truncate"}}),
	)
	chart.AddSeries("", base,
		gecharts.WithSeriesOpts(func(ss *gecharts.SingleSeries) { ss.Stack = "period"; ss.BarMaxWidth = "18" }),
		gecharts.WithItemStyleOpts(opts.ItemStyle{Opacity: opts.Float(0)}),
	)
	// The legend lists the statuses in their order in the model.
	for _, st := range model.Statuses() {
		look := statusLooks[st]
		chart.AddSeries(look.symbol+" "+look.word.in(lang), spans[st],
			gecharts.WithSeriesOpts(func(ss *gecharts.SingleSeries) { ss.Stack = "period"; ss.BarMaxWidth = "18" }),
		)
	}
	return finishWith(chart, timelineLook, "timeline", summary, 0, tbl)
}

// timelineLook: on a phone the measures' titles take less width (cut),
// which leaves the years room, the year axis has fewer ticks, and the
// legend's two lines have room below it.
var timelineLook = look{media: responsive(timelineForm("64", 5, timelineTitleWide),
	widthRange{narrow, timelineForm("88", 3, timelineTitleNarrow)})}

// The width in px of the measures' titles, cut beyond.
const (
	timelineTitleWide   = 220
	timelineTitleNarrow = 150
)

func timelineForm(bottom string, ticks, titles int) mediaOption {
	return mediaOption{
		Grid:  &opts.Grid{Bottom: bottom},
		XAxis: []opts.XAxis{{SplitNumber: ticks}},
		YAxis: []opts.YAxis{{AxisLabel: &opts.AxisLabel{Width: titles, Overflow: "truncate"}}},
	}
}

// yearFraction turns an ISO date as precise as known ("2019",
// "2019-07", "2019-07-24") into a year with a fraction: its first day, or
// with end, the day after its last day, so a bar covers the whole period.
func yearFraction(iso string, end bool) (float64, bool) {
	var t time.Time
	var err error
	switch len(iso) {
	case 4:
		t, err = time.Parse("2006", iso)
		if end {
			t = t.AddDate(1, 0, 0)
		}
	case 7:
		t, err = time.Parse("2006-01", iso)
		if end {
			t = t.AddDate(0, 1, 0)
		}
	case 10:
		t, err = time.Parse("2006-01-02", iso)
		if end {
			t = t.AddDate(0, 0, 1)
		}
	default:
		return 0, false
	}
	if err != nil {
		return 0, false
	}
	y := t.Year()
	start := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	days := time.Date(y+1, 1, 1, 0, 0, 0, 0, time.UTC).Sub(start).Hours() / 24
	return round3(float64(y) + t.Sub(start).Hours()/24/days), true
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// dateRange is "2020 – 31.12.2024" in the language's date style.
func dateRange(lang language, from, to string) string {
	return isoDate(lang, from) + " – " + isoDate(lang, to)
}

// isoDate writes an ISO date as the pages do (i18n date_format_day and
// date_format_month): 24.07.2019 or Juli 2019 in German, 24 Jul 2019 or
// Jul 2019 in English; a year alone as it is.
func isoDate(lang language, iso string) string {
	de := [...]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}
	if t, err := time.Parse("2006-01-02", iso); err == nil {
		if lang.code == "de" {
			return t.Format("02.01.2006")
		}
		return t.Format("2 Jan 2006")
	}
	if t, err := time.Parse("2006-01", iso); err == nil {
		if lang.code == "de" {
			return de[t.Month()-1] + " " + strconv.Itoa(t.Year())
		}
		return t.Format("Jan 2006")
	}
	return iso
}
