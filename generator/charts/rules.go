package charts

import (
	"cmp"
	"fmt"
	"math"
	"strings"

	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/digitale-staedte/benchmark/generator/model"
)

// shownYears is the part of years a chart over time draws: from the first
// year with a value (has) to the last. Years without any value at either
// end would only be empty columns; a year without values between two with
// values stays, so the axis keeps its even steps. With no value at all
// every year is shown.
func shownYears(years []int, has func(year int) bool) []int {
	from, to := -1, -1
	for i, y := range years {
		if has(y) {
			if from < 0 {
				from = i
			}
			to = i
		}
	}
	if from < 0 {
		return years
	}
	return years[from : to+1]
}

// yearLabels are years as category-axis labels and table headers.
func yearLabels(years []int) []string {
	out := make([]string, len(years))
	for i, y := range years {
		out[i] = fmt.Sprint(y)
	}
	return out
}

// wholeNumbers tells whether every value is a whole number (none: false).
func wholeNumbers(vals []float64) bool {
	for _, v := range vals {
		if v != math.Trunc(v) {
			return false
		}
	}
	return len(vals) > 0
}

// The units that make an indicator a count or a rank, in either language
// of the framework, compared without case.
var (
	countUnits = []string{"anzahl", "stück", "stk.", "count", "number", "pieces"}
	rankUnits  = []string{"rang", "platz", "rank", "place"}
)

func unitIs(u model.Text, names []string) bool {
	for _, t := range []string{u.De, u.En} {
		t = strings.ToLower(strings.TrimSpace(t))
		for _, n := range names {
			if t == n {
				return true
			}
		}
	}
	return false
}

// valueAxis is the value axis of an indicator's values over the years:
// named by the unit (the indicator's name is the page's heading and the
// chart's summary), or by the indicator's name without a unit. A rank
// runs downwards from 1 at the top, so that falling behind looks like
// falling; ranks, counts and whole values get whole-numbered ticks.
func valueAxis(indName string, unit model.Text, unitName string, vals []float64) opts.YAxis {
	a := opts.YAxis{Type: "value", Name: cmp.Or(unitName, indName), Scale: opts.Bool(true)}
	switch {
	case unitIs(unit, rankUnits):
		a.Inverse, a.Min, a.MinInterval = opts.Bool(true), 1, 1
		a.Scale = nil
		// With the axis inverted, its start is the top.
		a.NameLocation = "start"
	case unitIs(unit, countUnits) || wholeNumbers(vals):
		a.MinInterval = 1
	}
	return a
}

// Map extent: the partners with a margin, so that three neighbouring
// cities are not three dots in a whole country.
const (
	// mapMargin is the share of the partners' extent added on each side,
	// at least mapMinMargin degrees.
	mapMargin    = 0.25
	mapMinMargin = 1.0
)

// mapBounds is the geo component's boundingCoords for points ([lon, lat]):
// their extent widened by the margin on every side, then in its shorter
// direction to a square on the ground (the map's box is a square; a
// degree of longitude is cos(latitude) of one of latitude), and no wider
// than the outline's box (west, south, east, north), which the map shows
// whole when the partners spread over most of it. nil without points.
func mapBounds(points [][2]float64, outline [4]float64) *[2][2]float64 {
	if len(points) == 0 {
		return nil
	}
	west, south, east, north := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range points {
		west, east = math.Min(west, p[0]), math.Max(east, p[0])
		south, north = math.Min(south, p[1]), math.Max(north, p[1])
	}
	mx := math.Max((east-west)*mapMargin, mapMinMargin)
	my := math.Max((north-south)*mapMargin, mapMinMargin)
	west, east, south, north = west-mx, east+mx, south-my, north+my
	scale := math.Cos((south + north) / 2 * math.Pi / 180)
	if w, h := (east-west)*scale, north-south; w < h {
		grow := (h/scale - (east - west)) / 2
		west, east = west-grow, east+grow
	} else {
		grow := (w - h) / 2
		south, north = south-grow, north+grow
	}
	west, east = math.Max(west, outline[0]), math.Min(east, outline[2])
	south, north = math.Max(south, outline[1]), math.Min(north, outline[3])
	if west >= east || south >= north { // points outside the outline's box
		return nil
	}
	return &[2][2]float64{{round3(west), round3(north)}, {round3(east), round3(south)}}
}

// wrapWords breaks s into lines of at most width characters where it
// can: after a space (which goes) or a hyphen (which stays). A word
// longer than width keeps a line of its own.
func wrapWords(s string, width int) string {
	var lines []string
	line, word := "", ""
	flush := func() {
		if line != "" && len([]rune(line))+len([]rune(strings.TrimRight(word, " "))) > width {
			lines = append(lines, strings.TrimRight(line, " "))
			line = ""
		}
		line += word
		word = ""
	}
	for _, r := range s {
		word += string(r)
		if r == ' ' || r == '-' {
			flush()
		}
	}
	flush()
	return strings.Join(append(lines, strings.TrimRight(line, " ")), "\n")
}
