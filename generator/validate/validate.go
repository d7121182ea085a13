// Package validate checks a dataset as a whole: unique IDs, references
// between sheets and files, weights, levels and the values' ranges. Checks
// of a single cell (is it a number, a date, a known word) happen while
// reading; together they make one problem list for one run.
package validate

import (
	"cmp"
	"fmt"
	"math"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/problem"
	"github.com/digitale-staedte/benchmark/generator/score"
	"github.com/digitale-staedte/benchmark/generator/workbook"
)

var idPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$`)

// Options is what validation needs besides the data.
type Options struct {
	// Today is the date of the build: an adoption, a finished measure or a
	// year of KPI values after it cannot be true yet. Dates known only to
	// the month or year are compared at that precision. Zero: no date is
	// checked against it.
	Today model.Date
}

// Dataset returns every problem it finds in ds.
func Dataset(ds model.Dataset, o Options) problem.List {
	var l problem.List
	fw := ds.Framework
	framework(fw, &l)
	indicators := map[string]model.Indicator{}
	for _, ind := range fw.Indicators {
		indicators[ind.ID] = ind
	}
	topics := map[string]bool{}
	for _, t := range fw.Topics {
		topics[t.ID] = true
	}
	reported := map[string]bool{}
	for _, c := range ds.Cities {
		city(c, fw, indicators, topics, reported, &l)
		if !o.Today.IsZero() {
			future(c, o.Today, &l)
			expired(c, o.Today, &l)
		}
	}
	partners(ds.Cities, &l)
	joint(ds, &l)
	for _, ind := range fw.Indicators {
		if !reported[ind.ID] && len(ds.Cities) > 0 && !ind.Invalid && !fw.Unread.Indicators {
			l.Warnf(ind.Pos, problem.IndicatorNoData, ind.ID)
		}
	}
	referenceYear(ds, &l)
	return l
}

// Coverage warns about every municipality that gets no index and no rank
// in the reference year because too little of its data has a score (other
// partners are never scored), and says
// what is missing: the share of weight present against the minimum, and
// for each dimension without a score how many of its indicators have one. res is
// the scoring of ds. A warning, not an error: the build goes ahead without
// the city's index, as the method says.
func Coverage(ds model.Dataset, res score.Result) problem.List {
	var l problem.List
	m := res.Method
	for _, s := range score.Shortfalls(ds.Framework, res) {
		c := ds.Cities[s.City]
		if !c.Kind.Scored() {
			continue
		}
		var dims []string
		for _, d := range s.Dimensions {
			dims = append(dims, fmt.Sprintf("%s %d/%d", d.ID, d.Present, d.Indicators))
		}
		l.Warnf(yearPos(c, s.Year), problem.CoverageNoIndex, s.Year, percent(s.Coverage),
			percent(m.IndexMinCoverage), percent(m.DimensionMinCoverage), strings.Join(dims, ", "), s.Year)
	}
	return l
}

// yearPos is the header of year on the city's KPI sheet, or the sheet, or
// the file.
func yearPos(c model.City, year int) model.Pos {
	for _, yc := range c.YearColumns {
		if yc.Year == year {
			return yc.Pos
		}
	}
	if len(c.YearColumns) > 0 {
		return c.YearColumns[0].Pos.SheetPos()
	}
	if len(c.KPIs) > 0 {
		return c.KPIs[0].Pos.SheetPos()
	}
	return model.Pos{File: c.File}
}

// percent turns a share into percent with one decimal, rounded down (with
// room for float error), so that a share short of the minimum never reads
// as reaching it.
func percent(share float64) float64 {
	return math.Floor(share*1000+1e-6) / 10
}

// unique reports IDs that are malformed or appear twice and returns the
// first position of each ID.
func unique(ids []string, pos []model.Pos, l *problem.List) map[string]model.Pos {
	first := map[string]model.Pos{}
	for i, id := range ids {
		if !idPattern.MatchString(id) {
			l.Errorf(pos[i], problem.CellID, id)
			continue
		}
		if p, dup := first[id]; dup {
			l.Errorf(pos[i], problem.IDTwice, id, p.Cell())
			continue
		}
		first[id] = pos[i]
	}
	return first
}

// sameAddress reports IDs that differ but give the same page address
// (model.Address: VER-01, ver-01 and VER-01. are all ver-01): the site
// would show one of them there and the other's page would be gone. Each is
// reported at the later cell, naming the earlier one; IDs that are equal or
// malformed are unique's to report.
func sameAddress(ids []string, pos []model.Pos, l *problem.List) {
	first := map[string]int{}
	for i, id := range ids {
		if !idPattern.MatchString(id) {
			continue
		}
		a := model.Address(id)
		if j, dup := first[a]; dup {
			if ids[j] != id {
				l.Errorf(pos[i], problem.IDSameAddress, id, ids[j], pos[j].Cell(), a)
			}
			continue
		}
		first[a] = i
	}
}

// member is a row that belongs to a dimension: an indicator or a topic.
type member struct {
	id, dim     string
	pos, dimPos model.Pos
	invalid     bool
}

func framework(fw model.Framework, l *problem.List) {
	var ids []string
	var pos []model.Pos
	for _, d := range fw.Dimensions {
		ids, pos = append(ids, d.ID), append(pos, d.Pos)
	}
	dims := unique(ids, pos, l)
	sameAddress(ids, pos, l)
	dimList := listIDs(ids)
	valid := true
	for _, d := range fw.Dimensions {
		valid = valid && !d.Invalid
	}
	for _, ind := range fw.Indicators {
		valid = valid && !ind.Invalid
	}

	var inds, tops []member
	for _, ind := range fw.Indicators {
		inds = append(inds, member{ind.ID, ind.Dimension, ind.Pos, ind.DimPos, ind.Invalid})
	}
	for _, t := range fw.Topics {
		tops = append(tops, member{t.ID, t.Dimension, t.Pos, t.DimPos, t.Invalid})
	}
	for i, members := range [][]member{inds, tops} {
		ids, pos = nil, nil
		for _, m := range members {
			ids, pos = append(ids, m.id), append(pos, m.pos)
			if _, ok := dims[m.dim]; !ok && !m.invalid && !fw.Unread.Dimensions {
				l.Errorf(m.dimPos, problem.RefDimension, m.dim, dimList)
			}
		}
		unique(ids, pos, l)
		if i == 0 { // indicators have pages; topics do not
			sameAddress(ids, pos, l)
		}
	}

	// Weight sums over rows that could not be read would only echo their errors.
	if valid && !fw.Unread.Dimensions && !fw.Unread.Indicators {
		weights(fw, l)
	}
	if !fw.Unread.Levels {
		levels(fw, l)
	}
}

// weights: a level whose weights are all zero cannot be averaged.
func weights(fw model.Framework, l *problem.List) {
	if len(fw.Dimensions) > 0 {
		total := 0.0
		for _, d := range fw.Dimensions {
			total += d.Weight
		}
		if total == 0 {
			l.Errorf(fw.Dimensions[0].Pos.SheetPos(), problem.WeightsAllZero)
		}
	}
	for _, d := range fw.Dimensions {
		n, total := 0, 0.0
		for _, ind := range fw.Indicators {
			if ind.Dimension == d.ID {
				n++
				total += ind.Weight
			}
		}
		switch {
		case n == 0:
			l.Errorf(d.Pos, problem.DimensionEmpty, d.ID)
		case total == 0:
			l.Errorf(d.Pos, problem.WeightAllZero, d.ID)
		}
	}
}

func levels(fw model.Framework, l *problem.List) {
	if len(fw.Levels) == 0 {
		l.Errorf(model.Pos{File: fw.File}, problem.LevelsNone)
		return
	}
	seen := map[float64]model.Pos{}
	zero := false
	for _, lv := range fw.Levels {
		if p, dup := seen[lv.Min]; dup {
			l.Errorf(lv.Pos, problem.LevelTwice, lv.Min, p.Cell())
		}
		seen[lv.Min] = lv.Pos
		zero = zero || lv.Min == 0
		// Levels are on the score scale: on a 0–1 scale a level from 50
		// could never be reached.
		if scale := fw.Settings.Scale; scale > 0 && lv.Min > scale {
			l.Errorf(lv.Pos, problem.LevelAboveScale, lv.Min, scale)
		}
	}
	if !zero {
		l.Errorf(fw.Levels[0].Pos.SheetPos(), problem.LevelNoZero)
	}
}

func city(c model.City, fw model.Framework, indicators map[string]model.Indicator, topics map[string]bool, reported map[string]bool, l *problem.List) {
	seen := map[string]model.Pos{}
	yearCols := yearColumns(c)
	for _, k := range c.KPIs {
		ind, ok := indicators[k.Indicator]
		if !ok && fw.Unread.Indicators {
			continue
		}
		if !ok {
			l.Errorf(k.Pos, problem.RefIndicator, k.Indicator, fw.File)
			continue
		}
		if p, dup := seen[k.Indicator]; dup {
			l.Errorf(k.Pos, problem.IDTwice, k.Indicator, p.Cell())
			continue
		}
		seen[k.Indicator] = k.Pos
		if len(k.Values) > 0 {
			reported[k.Indicator] = true
		}
		inPercent := ind.InPercent()
		for _, o := range k.Values {
			if ind.Transform == model.LogTransform && o.Value <= 0 {
				l.Errorf(o.Pos, problem.LogNotPositive, o.Value, ind.ID)
			}
			if !inPercent && slices.Contains(k.PercentCells, o.Pos) {
				percentCell(o, ind, l)
			}
			if inPercent && (o.Value < 0 || o.Value > 100) {
				l.Errorf(o.Pos, problem.PercentRange, o.Value, ind.ID)
				continue
			}
			// Clamping is the method, not a mistake, but a value far
			// outside the goalposts is often a typo or a unit mix-up.
			if g := ind.Goalposts; g != nil && (o.Value < g.Min || o.Value > g.Max) {
				l.Warnf(o.Pos, problem.ValueClamped, o.Value, g.Min, g.Max, ind.ID, min(max(o.Value, g.Min), g.Max))
			}
		}
		history(k, yearCols, l)
	}
	// Rows with a cell error (Invalid) take part: a second row with the
	// same ID is wrong whatever else is wrong with either. Only what could
	// not be read at all is left to the reader's report.
	var ids []string
	var pos []model.Pos
	for _, m := range c.Measures {
		if !m.Invalid || m.ID != "" {
			ids, pos = append(ids, m.ID), append(pos, m.Pos)
		}
		if !topics[m.Topic] && !fw.Unread.Topics && (!m.Invalid || m.Topic != "") {
			l.Errorf(m.TopicPos, problem.RefTopic, m.Topic, fw.File)
		}
	}
	unique(ids, pos, l)
	reports(c, topics, fw, l)
	offers(c, fw, topics, l)
}

// reports checks what a report refers to: a framework topic and one of the
// partner's own measures.
func reports(c model.City, topics map[string]bool, fw model.Framework, l *problem.List) {
	measures := make(map[string]bool, len(c.Measures))
	for _, m := range c.Measures {
		measures[m.ID] = true
	}
	for _, r := range c.Reports {
		if r.Topic != "" && !topics[r.Topic] && !fw.Unread.Topics {
			l.Errorf(r.TopicPos, problem.RefTopic, r.Topic, fw.File)
		}
		if r.MeasureID != "" && !measures[r.MeasureID] {
			l.Errorf(r.MeasurePos, problem.ReportMeasure, r.MeasureID)
		}
	}
}

// percentCell reports a value cell written as a percentage ("12,5 %") for
// an indicator that is not measured in percent: 12.5 % of what the
// indicator counts is rarely what was meant.
func percentCell(o model.Observation, ind model.Indicator, l *problem.List) {
	unit := ind.Unit.De
	if unit == "" {
		unit = ind.Unit.En
	}
	if strings.TrimSpace(unit) == "" {
		l.Errorf(o.Pos, problem.PercentCellNoUnit, o.Value, ind.ID)
		return
	}
	l.Errorf(o.Pos, problem.PercentCell, o.Value, ind.ID, unit)
}

// future reports what cannot be true yet on the day of the build: a
// strategy adopted after today, a year column after the current year
// (values of the current year are allowed), and a finished measure that
// ends after today. Plans (planned or in progress) may lie in the future.
func future(c model.City, today model.Date, l *problem.List) {
	if a := c.Strategy.Adopted; today.Before(a) {
		pos := c.Pos
		for _, f := range c.Facts {
			if f.Key == "adopted" {
				pos = f.Pos
			}
		}
		l.Errorf(pos, problem.AdoptedFuture, a.ISO(), today.ISO())
	}
	for _, yc := range c.YearColumns {
		if yc.Year > today.Year {
			l.Errorf(yc.Pos, problem.YearFuture, yc.Year, today.Year, today.Year)
		}
	}
	for _, m := range c.Measures {
		if !m.Invalid && m.Status == model.Done && today.Before(m.End) {
			l.Errorf(cmp.Or(m.EndPos, m.Pos), problem.MeasureDoneFuture, m.ID, m.End.ISO(), today.ISO())
		}
	}
	// A report dated ahead is how a partner schedules it: no mistake, but
	// the build says that it leaves the report out until then.
	for _, r := range c.Reports {
		if !r.Invalid && today.Before(r.Date) {
			l.Warnf(r.Pos, problem.ReportFuture, r.Date.ISO(), today.ISO())
		}
	}
}

// partners reports a partner that has two workbooks: two files whose
// addresses differ only in case (muenchen.xlsx, Muenchen.XLSX), or whose
// names are the same once case, umlauts and punctuation are folded
// (München, Muenchen), or whose websites are the same address. Each is
// reported at the later file, naming the earlier one.
func partners(cities []model.City, l *problem.List) {
	files := map[string]string{} // slug in lower case → file
	names, sites := map[string]model.Fact{}, map[string]model.Fact{}
	for _, c := range cities {
		slug := strings.ToLower(c.Slug)
		if first, dup := files[slug]; dup {
			// The same file twice: its name and website would only say so again.
			l.Errorf(model.Pos{File: c.File}, problem.CitySlugTwice, slug, first)
			continue
		}
		files[slug] = c.File
		for _, f := range c.Facts {
			var seen map[string]model.Fact
			var code problem.Code
			var key string
			switch f.Key {
			case "name":
				seen, code, key = names, problem.CityNameTwice, workbook.Slug(f.Value)
			case "website":
				seen, code, key = sites, problem.CityWebsiteTwice, siteKey(f.Value)
			default:
				continue
			}
			if key == "" {
				continue
			}
			if first, dup := seen[key]; dup {
				l.Errorf(f.Pos, code, f.Value, first.Value, first.Pos.String())
				continue
			}
			seen[key] = f
		}
	}
}

// siteKey is a website's host and path, lower case, without scheme,
// "www." or a trailing slash: https://www.Muenchen.de/ and
// http://muenchen.de name the same site. "" for what is no web address.
func siteKey(link string) string {
	u, err := url.Parse(strings.TrimSpace(link))
	if err != nil || u.Hostname() == "" {
		return ""
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	return host + strings.TrimRight(strings.ToLower(u.Path), "/")
}

// yearColumns maps each year to its column on the city's KPI sheet, from
// the sheet's year headers and, where those are not known, from the values,
// so that a missing year can be pointed at its cell.
func yearColumns(c model.City) map[int]int {
	cols := map[int]int{}
	for _, yc := range c.YearColumns {
		cols[yc.Year] = yc.Pos.Col
	}
	for _, k := range c.KPIs {
		for _, o := range k.Values {
			if _, ok := cols[o.Year]; !ok {
				cols[o.Year] = o.Pos.Col
			}
		}
	}
	return cols
}

// Jumps are judged against at least this many other years: with fewer, a
// standard deviation says too little to call a value unusual.
const (
	jumpMinOthers = 4
	jumpSDs       = 3
)

// history warns about what a city's own series makes suspicious: a source
// left empty, a year missing between reported years, and a value far from
// the others. Warnings only: each can be right, but each is more often a
// slip of the keyboard.
func history(k model.KPI, yearCols map[int]int, l *problem.List) {
	if len(k.Values) == 0 {
		return
	}
	if strings.TrimSpace(k.Source) == "" {
		l.Warnf(k.Pos, problem.KPISourceMissing, k.Indicator)
	}
	for i := 1; i < len(k.Values); i++ {
		prev, next := k.Values[i-1].Year, k.Values[i].Year
		for y := prev + 1; y < next; y++ {
			pos := k.Pos // the row, when the sheet has no column for y
			if col, ok := yearCols[y]; ok {
				pos.Col = col
			}
			l.Warnf(pos, problem.KPIYearGap, y, k.Indicator, prev, next)
		}
	}
	for _, o := range jumps(k.Values) {
		l.Warnf(o.obs.Pos, problem.KPIJump, o.obs.Value, k.Indicator, short(o.mean), short(o.sd))
	}
}

type jump struct {
	obs      model.Observation
	mean, sd float64
}

// jumps returns the values x_t with |x_t − m| > 3·s, where m and s are the
// mean and sample standard deviation (n−1) of the row's other values, when
// there are at least four others and s > 0. Leaving x_t out keeps one wild
// value from widening the very spread it is measured against; a constant
// history (s = 0) flags nothing rather than every change.
func jumps(obs []model.Observation) []jump {
	var out []jump
	if len(obs) < jumpMinOthers+1 {
		return nil
	}
	for t, o := range obs {
		n, sum := 0.0, 0.0
		for i, p := range obs {
			if i != t {
				n++
				sum += p.Value
			}
		}
		mean := sum / n
		ss := 0.0
		for i, p := range obs {
			if i != t {
				ss += (p.Value - mean) * (p.Value - mean)
			}
		}
		sd := math.Sqrt(ss / (n - 1))
		if sd > 0 && math.Abs(o.Value-mean) > jumpSDs*sd {
			out = append(out, jump{o, mean, sd})
		}
	}
	return out
}

// short rounds a derived number for a message to two decimals; the
// message prints it in its own language (problem.Message).
func short(v float64) float64 {
	return math.Round(v*100) / 100
}

func referenceYear(ds model.Dataset, l *problem.List) {
	want := ds.Framework.Settings.ReferenceYear
	if want == 0 {
		return
	}
	years := Years(ds)
	if slices.Contains(years, want) {
		return
	}
	var s []string
	for _, y := range years {
		s = append(s, fmt.Sprint(y))
	}
	l.Errorf(ds.Framework.Settings.ReferenceYearPos, problem.ReferenceYear, want, strings.Join(s, ", "))
}

// Years lists every year with at least one KPI value, ascending.
func Years(ds model.Dataset) []int {
	set := map[int]bool{}
	for _, c := range ds.Cities {
		for _, k := range c.KPIs {
			for _, o := range k.Values {
				set[o.Year] = true
			}
		}
	}
	var out []int
	for y := range set {
		out = append(out, y)
	}
	slices.Sort(out)
	return out
}

func listIDs(ids []string) string {
	var u []string
	for _, id := range ids {
		if !slices.Contains(u, id) {
			u = append(u, id)
		}
	}
	if len(u) == 0 {
		return "–"
	}
	return strings.Join(u, ", ")
}
