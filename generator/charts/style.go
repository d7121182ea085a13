package charts

import (
	"strconv"

	gecharts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// textSize is the size in CSS px of every text of every chart: axis
// labels and names, legends, data labels, tooltips. Readers on phones
// need at least 12; TestTextSizes checks every option.
const textSize = 13

// narrow is the container width in px up to which a chart takes its
// narrow form (an ECharts media query, so the theme needs no script for
// it): a phone held upright is 360–430 px wide, the chart a little less.
const narrow = 500

// look is what a chart's option needs beyond go-echarts' typed options:
// the media queries and, for the map, the part of the outline to show.
// finish writes it into the option through typeset.
type look struct {
	media []mediaRule
	// bounds: the geo component's boundingCoords, [[west, north], [east,
	// south]]; nil shows the whole outline.
	bounds *[2][2]float64
}

// mediaRule is an ECharts media query: Option is merged over the base
// option while the chart's container is MinWidth to MaxWidth px wide;
// without a query it is the default, merged when no other rule applies.
// Components merge by position (the first y axis with the first, ...).
// Leaving a rule does not undo it: ECharts only merges the rules that
// apply now (or the default). So every rule of a chart sets the same
// properties, each to its value in that range (responsive).
type mediaRule struct {
	Query  *mediaQuery `json:"query,omitempty"`
	Option mediaOption `json:"option"`
}

type mediaQuery struct {
	MinWidth int `json:"minWidth,omitempty"`
	MaxWidth int `json:"maxWidth,omitempty"`
}

// widthRange is a chart's form up to a container width.
type widthRange struct {
	maxWidth int
	option   mediaOption
}

// responsive makes a chart's media rules: each range applies from the
// previous one's maximum (inclusive, so no fractional width falls between
// two) to its own, and wide (the base option's values of the same
// properties) above the last, as the default rule. Ranges are in
// ascending order; an empty one is left out.
func responsive(wide mediaOption, ranges ...widthRange) []mediaRule {
	var rules []mediaRule
	from := 0
	for _, r := range ranges {
		if r.maxWidth <= from {
			continue
		}
		rules = append(rules, mediaRule{Query: &mediaQuery{MinWidth: from, MaxWidth: r.maxWidth}, Option: r.option})
		from = r.maxWidth
	}
	return append(rules, mediaRule{Option: wide})
}

// mediaOption holds the parts of an option a media query changes.
type mediaOption struct {
	Grid   *opts.Grid    `json:"grid,omitempty"`
	XAxis  []opts.XAxis  `json:"xAxis,omitempty"`
	YAxis  []opts.YAxis  `json:"yAxis,omitempty"`
	Radar  *mediaRadar   `json:"radar,omitempty"`
	Series []mediaSeries `json:"series,omitempty"`
	Legend *opts.Legend  `json:"legend,omitempty"`
}

// mediaRadar: the radar's size and its indicators (their names wrapped:
// ECharts does not wrap a radar's axis names by a width).
type mediaRadar struct {
	Radius    string            `json:"radius,omitempty"`
	Indicator []*opts.Indicator `json:"indicator,omitempty"`
}

// mediaSeries changes one series (by position); empty, it changes none.
type mediaSeries struct {
	Label *opts.Label `json:"label,omitempty"`
}

// xAxis and yAxis are go-echarts' axes with the name's text style, which
// go-echarts lacks, and their labels as axisLabel writes them.
type xAxis struct {
	opts.XAxis
	AxisLabel     *axisLabel      `json:"axisLabel,omitempty"`
	NameTextStyle *opts.TextStyle `json:"nameTextStyle,omitempty"`
}

type yAxis struct {
	opts.YAxis
	AxisLabel     *axisLabel      `json:"axisLabel,omitempty"`
	NameTextStyle *opts.TextStyle `json:"nameTextStyle,omitempty"`
}

// axisLabel is go-echarts' axis label with the interval as a number:
// go-echarts types it as text, and ECharts adds 1 to it ("0" + 1 is
// "01").
type axisLabel struct {
	opts.AxisLabel
	Interval any `json:"interval,omitempty"`
}

// tooltip is go-echarts' tooltip with a text style.
type tooltip struct {
	opts.Tooltip
	TextStyle *opts.TextStyle `json:"textStyle,omitempty"`
}

// geo is go-echarts' geo component with the part of the map to show and
// the outline clipped to it.
type geo struct {
	opts.GeoComponent
	BoundingCoords *[2][2]float64 `json:"boundingCoords,omitempty"`
	Clip           bool           `json:"clip,omitempty"`
}

// typeset is the go-echarts visitor that finish hands every chart: it
// gives every text a size (a size set by the chart stays), a name at the
// end of a vertical axis its alignment, and adds what look holds.
type typeset struct {
	gecharts.BaseConfigurationVisitor
	look look
}

func (v typeset) Visit(obj map[string]any) {
	// The default of every text the chart draws, data labels included.
	obj["textStyle"] = opts.TextStyle{FontSize: textSize}
	if len(v.look.media) > 0 {
		obj["media"] = v.look.media
	}
}

func (v typeset) VisitLegendOpt(l opts.Legend) any {
	l.TextStyle = sized(l.TextStyle)
	return l
}

func (v typeset) VisitTooltipOpt(t opts.Tooltip) any {
	return tooltip{Tooltip: t, TextStyle: &opts.TextStyle{FontSize: textSize}}
}

func (v typeset) VisitXAxis(list []opts.XAxis) any {
	out := make([]xAxis, len(list))
	for i, a := range list {
		out[i] = xAxis{XAxis: a, AxisLabel: sizedLabel(a.AxisLabel)}
		if a.Name != "" {
			out[i].NameTextStyle = nameStyle(a.NameLocation, false)
		}
	}
	return out
}

func (v typeset) VisitYAxis(list []opts.YAxis) any {
	out := make([]yAxis, len(list))
	for i, a := range list {
		out[i] = yAxis{YAxis: a, AxisLabel: sizedLabel(a.AxisLabel)}
		if a.Name != "" {
			out[i].NameTextStyle = nameStyle(a.NameLocation, true)
		}
	}
	return out
}

// nameStyle: a name at an end of a vertical axis starts at the axis line
// and runs to the right, into the plot's width, instead of being centred
// on the line and cut off at the chart's left edge.
func nameStyle(location string, vertical bool) *opts.TextStyle {
	ts := &opts.TextStyle{FontSize: textSize}
	if vertical && location != "middle" && location != "center" {
		ts.Align = "left"
	}
	return ts
}

func (v typeset) VisitSeriesOpt(series gecharts.MultiSeries) any {
	for i := range series {
		if l := series[i].Label; l != nil && l.FontSize == 0 {
			c := *l
			c.FontSize = textSize
			series[i].Label = &c
		}
	}
	return series
}

func (v typeset) VisitRadar(r opts.RadarComponent) any {
	if r.AxisName == nil {
		r.AxisName = &opts.AxisName{}
	} else {
		c := *r.AxisName
		r.AxisName = &c
	}
	if r.AxisName.FontSize == 0 {
		r.AxisName.FontSize = textSize
	}
	return r
}

func (v typeset) VisitGeo(g opts.GeoComponent) any {
	return geo{GeoComponent: g, BoundingCoords: v.look.bounds, Clip: v.look.bounds != nil}
}

// sized is ts with a size, a copy; nil gives a style with the size only.
func sized(ts *opts.TextStyle) *opts.TextStyle {
	var c opts.TextStyle
	if ts != nil {
		c = *ts
	}
	if c.FontSize == 0 {
		c.FontSize = textSize
	}
	return &c
}

// sizedLabel is l with a size and its interval a number, a copy.
func sizedLabel(l *opts.AxisLabel) *axisLabel {
	var c axisLabel
	if l != nil {
		c.AxisLabel = *l
	}
	if c.FontSize == 0 {
		c.FontSize = textSize
	}
	if n, err := strconv.Atoi(c.AxisLabel.Interval); err == nil {
		c.Interval = n
	} else if c.AxisLabel.Interval != "" {
		c.Interval = c.AxisLabel.Interval
	}
	return &c
}
