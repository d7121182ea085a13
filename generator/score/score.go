// Package score turns a validated dataset into scores: for every city and
// year the 0–100 score of each indicator, each dimension and the index, the
// city's rank and its maturity level.
//
// This is the first engine: min–max normalisation and weighted arithmetic
// means. Each step (normalise, aggregate, rank, level) is a small function
// of its own, so that a later engine can replace one step (z-scores,
// geometric means, Monte Carlo weights) without touching the others.
// Everything is pure: no I/O, no shared state, same input → same output.
package score

import (
	"math"
	"slices"

	"github.com/digitale-staedte/benchmark/generator/model"
)

// publishDigits is how many decimals the site shows for scores. Ranks and
// levels are decided on the published value so that they agree with what
// readers see: two cities both shown with 70.0 share a rank.
const publishDigits = 1

// coverageTolerance absorbs float error in sums of weights, so that a
// coverage that meets the minimum as written (0.1 + 0.2 of 1 against 30 %)
// is not refused for being 1e-17 short.
const coverageTolerance = 1e-9

// Result holds the scores of every city in every year.
type Result struct {
	Years         []int // ascending: every year with at least one KPI value
	ReferenceYear int   // the year the home page ranks; 0 if there are no years
	Cities        []City
	// Averages is the partner average, aligned with Years: Index and each
	// dimension score are the mean over the cities whose value is OK (OK if
	// there is at least one). Only Year, Index and Dimensions (ID, Score)
	// are filled; Level is -1.
	Averages []Year
}

// City is one city's scores, in the order of ds.Cities.
type City struct {
	Slug  string
	Years []Year // aligned with Result.Years
}

// Year is one city's scores in one year.
type Year struct {
	Year          int
	Index         Value
	IndexCoverage float64 // 0..1, share of dimension weight present
	Rank          int     // 1-based; 0 = not ranked (no index)
	RankOf        int     // number of ranked cities that year
	Level         int     // index into ds.Framework.Levels; -1 = none
	Dimensions    []Component
	Indicators    []IndicatorScore
}

// Component is an aggregated score: a dimension's or the index's.
type Component struct {
	ID       string
	Score    Value
	Coverage float64 // 0..1, share of the component weight present
}

// IndicatorScore is one indicator's value as reported and as scored.
type IndicatorScore struct {
	ID      string
	Raw     Value // as in the workbook, before any transform
	Score   Value // 0–100
	Clamped bool  // the value lay outside the goalposts
}

// Value is a number that may be missing: not reported, not scorable, or
// below the minimum coverage. A missing value is never shown as zero.
type Value struct {
	V  float64
	OK bool
}

// plan is what the framework decides once for every city and year.
type plan struct {
	indicators  []model.Indicator
	dims        []dimPlan // framework dimension order
	dimWeights  []float64
	levels      []model.Level
	minCoverage float64
}

type dimPlan struct {
	id      string
	members []int     // positions in plan.indicators
	weights []float64 // aligned with members
}

func newPlan(fw model.Framework) plan {
	p := plan{indicators: fw.Indicators, levels: fw.Levels, minCoverage: fw.Settings.DimensionMinCoverage}
	for _, d := range fw.Dimensions {
		dp := dimPlan{id: d.ID}
		for i, ind := range fw.Indicators {
			if ind.Dimension == d.ID {
				dp.members = append(dp.members, i)
				dp.weights = append(dp.weights, ind.Weight)
			}
		}
		p.dims = append(p.dims, dp)
		p.dimWeights = append(p.dimWeights, d.Weight)
	}
	return p
}

// Compute scores every year that has at least one KPI value in any city.
// It does not modify ds.
func Compute(ds model.Dataset) Result {
	p := newPlan(ds.Framework)
	years := collectYears(ds)
	raw := rawValues(ds, p.indicators, years)

	res := Result{Years: years, Cities: make([]City, len(ds.Cities)), Averages: make([]Year, len(years))}
	for c, city := range ds.Cities {
		res.Cities[c] = City{Slug: city.Slug, Years: make([]Year, len(years))}
	}
	rankOf := make([]int, len(years))
	for yi, y := range years {
		rankOf[yi] = scoreYear(p, raw, yi, y, res.Cities)
		res.Averages[yi] = average(p, yi, y, res.Cities)
	}
	res.ReferenceYear = referenceYear(ds.Framework.Settings.ReferenceYear, years, rankOf)
	return res
}

// collectYears lists, ascending, the years in which any city reports a
// value for an indicator of the framework.
func collectYears(ds model.Dataset) []int {
	known := make(map[string]bool, len(ds.Framework.Indicators))
	for _, ind := range ds.Framework.Indicators {
		known[ind.ID] = true
	}
	seen := map[int]bool{}
	years := []int{}
	for _, c := range ds.Cities {
		for _, k := range c.KPIs {
			if !known[k.Indicator] {
				continue
			}
			for _, o := range k.Values {
				if !seen[o.Year] {
					seen[o.Year] = true
					years = append(years, o.Year)
				}
			}
		}
	}
	slices.Sort(years)
	return years
}

// rawValues returns, per city, the reported values laid out as
// [year*len(indicators)+indicator], so each step reads them without maps.
func rawValues(ds model.Dataset, inds []model.Indicator, years []int) [][]Value {
	indPos := make(map[string]int, len(inds))
	for i, ind := range inds {
		indPos[ind.ID] = i
	}
	yearPos := make(map[int]int, len(years))
	for i, y := range years {
		yearPos[y] = i
	}
	out := make([][]Value, len(ds.Cities))
	for c, city := range ds.Cities {
		vals := make([]Value, len(years)*len(inds))
		for _, k := range city.KPIs {
			i, ok := indPos[k.Indicator]
			if !ok {
				continue
			}
			for _, o := range k.Values {
				vals[yearPos[o.Year]*len(inds)+i] = Value{V: o.Value, OK: !math.IsNaN(o.Value) && !math.IsInf(o.Value, 0)}
			}
		}
		out[c] = vals
	}
	return out
}

// scoreYear fills year yi of every city, step by step, and returns the
// number of ranked cities.
func scoreYear(p plan, raw [][]Value, yi, year int, cities []City) int {
	nI, nD := len(p.indicators), len(p.dims)
	// One backing array per year instead of one per city; the capacity
	// limits keep an append by a caller from overwriting a neighbour.
	indBuf := make([]IndicatorScore, len(cities)*nI)
	dimBuf := make([]Component, len(cities)*nD)
	for c := range cities {
		cities[c].Years[yi] = Year{
			Year:       year,
			Indicators: indBuf[c*nI : (c+1)*nI : (c+1)*nI],
			Dimensions: dimBuf[c*nD : (c+1)*nD : (c+1)*nD],
		}
	}

	column := make([]Value, len(cities))
	for i, ind := range p.indicators {
		for c := range cities {
			column[c] = raw[c][yi*nI+i]
		}
		for c, s := range normalise(ind, column) {
			cities[c].Years[yi].Indicators[i] = s
		}
	}

	index := make([]Value, len(cities))
	parts := make([]Value, 0, nI)
	for c := range cities {
		y := &cities[c].Years[yi]
		dimScores := make([]Value, nD)
		for d, dp := range p.dims {
			parts = parts[:0]
			for _, i := range dp.members {
				parts = append(parts, y.Indicators[i].Score)
			}
			s, cov := aggregate(parts, dp.weights, p.minCoverage)
			y.Dimensions[d] = Component{ID: dp.id, Score: s, Coverage: cov}
			dimScores[d] = s
		}
		y.Index, y.IndexCoverage = aggregate(dimScores, p.dimWeights, p.minCoverage)
		index[c] = y.Index
	}

	ranks, rankOf := rank(index)
	for c := range cities {
		y := &cities[c].Years[yi]
		y.Rank, y.RankOf = ranks[c], rankOf
		y.Level = level(p.levels, y.Index)
	}
	return rankOf
}

// normalise scores one indicator in one year: raw holds one value per city,
// the result is aligned with it. Values are transformed, then mapped to
// 0–100 between the goalposts (clamped) or, without goalposts, between the
// lowest and highest value observed that year.
func normalise(ind model.Indicator, raw []Value) []IndicatorScore {
	out := make([]IndicatorScore, len(raw))
	xs := make([]Value, len(raw))
	for c, r := range raw {
		out[c] = IndicatorScore{ID: ind.ID, Raw: r}
		xs[c] = transform(ind.Transform, r)
	}
	lo, hi, ok := bounds(ind, xs)
	if !ok {
		return out
	}
	for c, x := range xs {
		if !x.OK {
			continue
		}
		s := (x.V - lo) / (hi - lo) * 100
		clamped := min(max(s, 0), 100)
		out[c].Clamped = clamped != s
		if ind.Direction == model.LowerIsBetter {
			clamped = 100 - clamped
		}
		out[c].Score = Value{V: clamped, OK: true}
	}
	return out
}

// transform applies the indicator's transform. A value the transform is not
// defined for (log of a value ≤ 0, which validation already refuses) is
// treated as missing rather than poisoning the whole year with NaN.
func transform(t model.Transform, v Value) Value {
	if !v.OK || t != model.LogTransform {
		return v
	}
	if v.V <= 0 {
		return Value{}
	}
	return Value{V: math.Log(v.V), OK: true}
}

// bounds returns the transformed values mapped to 0 and 100. Without
// goalposts they are the observed extremes; ok is false when they coincide
// (one city, or all equal), since the indicator then says nothing about
// how cities compare.
func bounds(ind model.Indicator, xs []Value) (lo, hi float64, ok bool) {
	if g := ind.Goalposts; g != nil {
		l := transform(ind.Transform, Value{V: g.Min, OK: true})
		h := transform(ind.Transform, Value{V: g.Max, OK: true})
		return l.V, h.V, l.OK && h.OK && h.V > l.V
	}
	seen := false
	for _, x := range xs {
		if !x.OK {
			continue
		}
		if !seen {
			lo, hi, seen = x.V, x.V, true
			continue
		}
		lo, hi = min(lo, x.V), max(hi, x.V)
	}
	return lo, hi, seen && hi > lo
}

// aggregate is the weighted arithmetic mean of the parts that are OK, the
// weights renormalised over them. coverage is the share of the total weight
// that is present. The score is not OK when nothing is present or coverage
// is below minCoverage: a missing dimension must never count as zero.
func aggregate(parts []Value, weights []float64, minCoverage float64) (score Value, coverage float64) {
	var total, present, sum float64
	for i, p := range parts {
		total += weights[i]
		if p.OK {
			present += weights[i]
			sum += weights[i] * p.V
		}
	}
	if total <= 0 || present <= 0 {
		return Value{}, 0
	}
	coverage = present / total
	if coverage+coverageTolerance < minCoverage {
		return Value{}, coverage
	}
	return Value{V: sum / present, OK: true}, coverage
}

// rank ranks the OK indices on their published value, highest first, with
// competition ranking (1, 2, 2, 4). Cities without an index get rank 0.
// Ties share a rank, so the result does not depend on the order of cities.
func rank(index []Value) (ranks []int, rankOf int) {
	ranks = make([]int, len(index))
	pub := make([]float64, len(index))
	var order []int
	for c, v := range index {
		if v.OK {
			pub[c] = published(v.V)
			order = append(order, c)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case pub[a] > pub[b]:
			return -1
		case pub[a] < pub[b]:
			return 1
		}
		return 0
	})
	for i, c := range order {
		if i > 0 && pub[c] == pub[order[i-1]] {
			ranks[c] = ranks[order[i-1]]
		} else {
			ranks[c] = i + 1
		}
	}
	return ranks, len(order)
}

// level returns the position in levels (sheet order, not sorted) of the
// highest level whose Min the published index reaches; -1 if there is no
// index or no level is reached. Of two levels with the same Min the first
// in the sheet wins.
func level(levels []model.Level, index Value) int {
	if !index.OK {
		return -1
	}
	v := published(index.V)
	best := -1
	for i, l := range levels {
		if l.Min <= v && (best < 0 || l.Min > levels[best].Min) {
			best = i
		}
	}
	return best
}

// average is the partner average of year yi. The values are summed in
// sorted order so that the average, too, does not depend on the order of
// cities.
func average(p plan, yi, year int, cities []City) Year {
	avg := Year{Year: year, Level: -1, Dimensions: make([]Component, len(p.dims))}
	vals := make([]float64, 0, len(cities))
	mean := func(get func(Year) Value) Value {
		vals = vals[:0]
		for _, c := range cities {
			if v := get(c.Years[yi]); v.OK {
				vals = append(vals, v.V)
			}
		}
		if len(vals) == 0 {
			return Value{}
		}
		slices.Sort(vals)
		sum := 0.0
		for _, v := range vals {
			sum += v
		}
		return Value{V: sum / float64(len(vals)), OK: true}
	}
	avg.Index = mean(func(y Year) Value { return y.Index })
	for d, dp := range p.dims {
		avg.Dimensions[d] = Component{ID: dp.id, Score: mean(func(y Year) Value { return y.Dimensions[d].Score })}
	}
	return avg
}

// referenceYear is the configured year if it has data; otherwise the latest
// year with the most ranked cities; otherwise the latest year; 0 without
// years. rankOf is aligned with years.
func referenceYear(configured int, years []int, rankOf []int) int {
	if len(years) == 0 {
		return 0
	}
	if configured != 0 && slices.Contains(years, configured) {
		return configured
	}
	best := len(years) - 1
	for i := len(years) - 2; i >= 0; i-- {
		if rankOf[i] > rankOf[best] {
			best = i
		}
	}
	return years[best]
}

// published is the value as the site shows it.
func published(v float64) float64 { return Round(v, publishDigits) }
