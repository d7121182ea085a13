// Package score turns a validated dataset into scores: for every city and
// year the score of each indicator, each dimension and the index, the ranks,
// the change since the previous year and the maturity level; and, for the
// reference year, the Monte Carlo rank intervals, the statistical audit and
// the peer statistics.
//
// The method follows the OECD/JRC Handbook on Constructing Composite
// Indicators (2008) and the R package COINr: transform → normalise →
// aggregate (two levels) → rank. Every choice comes from the framework
// workbook. Each step is a small function of its own (normalise.go,
// aggregate.go, rank.go), so the uncertainty analysis can rerun steps with
// other choices. Everything is pure: no I/O, no shared state, same input →
// same output, whatever the order of cities.
package score

import (
	"slices"
	"sync"

	"github.com/digitale-staedte/benchmark/generator/model"
)

// CoverageTolerance absorbs float error in sums of weights, so that a
// coverage that meets the minimum as written (0.1 + 0.2 of 1 against 30 %)
// is not refused for being 1e-17 short. Exported for the compare page's
// data, whose script applies the same rule.
const CoverageTolerance = 1e-9

// Result holds the scores of every city in every year.
type Result struct {
	Method        Method
	Years         []int // ascending: every year with at least one KPI value
	ReferenceYear int   // the year the home page ranks; 0 if there are no years
	Cities        []City
	// Averages is the partner average, aligned with Years: Index and each
	// dimension score are the mean over the cities whose value is OK (OK if
	// there is at least one). Only Year, Index and Dimensions (ID, Score)
	// are filled; Level is -1.
	Averages []Year
	// The analyses of the reference year; zero without a reference year.
	Uncertainty Uncertainty
	Audit       Audit
	Peers       Peers
}

// Method is the framework's settings as the engine applied them.
type Method = model.Settings

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
	Change        Change  // against the previous year in Result.Years
	Level         int     // index into ds.Framework.Levels; -1 = none
	NextLevel     int     // the next higher level; -1 = none
	ToNext        float64 // score points still missing to NextLevel
	Dimensions    []Component
	Indicators    []IndicatorScore
}

// Change compares a year with the previous year in Result.Years.
type Change struct {
	PrevYear int   // 0: this is the first year
	Index    Value // published score minus the previous published score
	// Rank is the previous rank minus this one: positive means the city
	// moved up. RankOK is false unless the city was ranked in both years.
	Rank   int
	RankOK bool
}

// Component is an aggregated score: a dimension's.
type Component struct {
	ID       string
	Score    Value
	Coverage float64 // 0..1, share of the component weight present
	Rank     int     // among the cities with a score that year; 0 = none
}

// IndicatorScore is one indicator's value as reported and as scored, in
// the framework's indicator order. It holds no pointers, so that the
// garbage collector need not scan the millions of them a national
// benchmark has.
type IndicatorScore struct {
	Raw Value // as in the workbook (or carried forward), before any transform
	// CarriedFrom is the year Raw was reported in when it was carried
	// forward into this year; 0 when Raw was reported for this year.
	CarriedFrom int
	Score       Value
	Clamped     bool // the value lay outside the goalposts
	Rank        int  // among the cities with a score that year; 0 = none
}

// Value is a number that may be missing: not reported, not scorable, or
// below the minimum coverage. A missing value is never shown as zero.
type Value struct {
	V  float64
	OK bool
}

// plan is what the framework decides once for every city and year.
type plan struct {
	method     Method
	indicators []model.Indicator
	dims       []dimPlan // framework dimension order
	dimWeights []float64
	levels     []model.Level
}

type dimPlan struct {
	id      string
	members []int     // positions in plan.indicators
	weights []float64 // aligned with members
}

func newPlan(fw model.Framework) plan {
	p := plan{method: fw.Settings, indicators: fw.Indicators, levels: fw.Levels}
	if p.method.Scale <= 0 {
		p.method.Scale = 100
	}
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

// key is the value ranks and levels are decided on: the published value,
// so two cities both shown with 70.0 share a rank, unless the framework
// asks for unrounded ranks.
func (p plan) key(v float64) float64 {
	if p.method.RankUnrounded {
		return v
	}
	return Round(v, p.method.Decimals)
}

// Compute scores every year that has at least one KPI value in any city.
// It does not modify ds.
func Compute(ds model.Dataset) Result {
	p := newPlan(ds.Framework)
	years := collectYears(ds)
	raw := rawValues(ds, p.indicators, years, p.method.CarryForward)

	res := Result{Method: p.method, Years: years, Cities: make([]City, len(ds.Cities)), Averages: make([]Year, len(years))}
	for c, city := range ds.Cities {
		res.Cities[c] = City{Slug: city.Slug, Years: make([]Year, len(years))}
	}
	// Years are independent until the change against the previous year;
	// scoring them in parallel halves the time on two cores.
	rankOf := make([]int, len(years))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for yi, y := range years {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			rankOf[yi] = scoreYear(p, raw, yi, y, res.Cities)
			res.Averages[yi] = average(p, yi, y, res.Cities)
		}()
	}
	wg.Wait()
	for c := range res.Cities {
		changes(p, res.Cities[c].Years)
	}
	res.ReferenceYear = referenceYear(p.method.ReferenceYear, years, rankOf)
	if ri := slices.Index(years, res.ReferenceYear); ri >= 0 {
		res.Uncertainty = uncertainty(p, res.Cities, ri)
		res.Audit = audit(p, res.Cities, ri)
		res.Peers = peers(p, res.Cities, ri)
	}
	return res
}

// scoreYear fills year yi of every city, step by step, and returns the
// number of ranked cities.
func scoreYear(p plan, raw [][]reported, yi, year int, cities []City) int {
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
	scores := make([]Value, len(cities))
	for i, ind := range p.indicators {
		for c := range cities {
			r := raw[c][yi*nI+i]
			column[c] = r.Value
			cities[c].Years[yi].Indicators[i] = IndicatorScore{Raw: r.Value, CarriedFrom: r.from}
		}
		norm := normalise(ind, ind.Normalisation, p.method.Scale, column)
		for c, n := range norm {
			is := &cities[c].Years[yi].Indicators[i]
			is.Score, is.Clamped = n.Score, n.Clamped
			scores[c] = n.Score
		}
		for c, r := range rank(p, scores) {
			cities[c].Years[yi].Indicators[i].Rank = r
		}
	}

	parts := make([]Value, 0, nI)
	for c := range cities {
		y := &cities[c].Years[yi]
		for d, dp := range p.dims {
			parts = parts[:0]
			for _, i := range dp.members {
				parts = append(parts, y.Indicators[i].Score)
			}
			s, cov := aggregate(p.method.DimensionAggregation, parts, dp.weights, p.method.DimensionMinCoverage)
			y.Dimensions[d] = Component{ID: dp.id, Score: s, Coverage: cov}
		}
	}
	for d := range p.dims {
		for c := range cities {
			scores[c] = cities[c].Years[yi].Dimensions[d].Score
		}
		for c, r := range rank(p, scores) {
			cities[c].Years[yi].Dimensions[d].Rank = r
		}
	}

	dimScores := make([]Value, nD)
	for c := range cities {
		y := &cities[c].Years[yi]
		for d := range p.dims {
			dimScores[d] = y.Dimensions[d].Score
		}
		y.Index, y.IndexCoverage = aggregate(p.method.IndexAggregation, dimScores, p.dimWeights, p.method.IndexMinCoverage)
		scores[c] = y.Index
	}
	ranks := rank(p, scores)
	rankOf := 0
	for c := range cities {
		y := &cities[c].Years[yi]
		y.Rank = ranks[c]
		if y.Rank > 0 {
			rankOf++
		}
		y.Level, y.NextLevel, y.ToNext = level(p, y.Index)
	}
	for c := range cities {
		cities[c].Years[yi].RankOf = rankOf
	}
	return rankOf
}

// average is the partner average of year yi. The values are summed in
// sorted order so that the average, too, does not depend on the order of
// cities.
func average(p plan, yi, year int, cities []City) Year {
	avg := Year{Year: year, Level: -1, NextLevel: -1, Dimensions: make([]Component, len(p.dims))}
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
