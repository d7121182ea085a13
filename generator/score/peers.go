package score

import (
	"cmp"
	"math"
	"slices"

	"github.com/digitale-staedte/benchmark/generator/stats"
)

// maxProfileItems is how many strengths and weaknesses a city page lists.
const maxProfileItems = 3

// Peers compares each city with its partners in the reference year.
type Peers struct {
	Year       int
	Index      Spread
	Dimensions []Spread // framework order
	Indicators []Spread // framework order
	Cities     []Profile
}

// Spread is the partners' median and quartiles (type 7) of one score.
// N counts the cities with a score; below two there is no spread.
type Spread struct {
	ID             string
	N              int
	Q1, Median, Q3 float64
}

// Profile is one city's position against its partners: the median of
// the other partners' published scores (the city's own score left out, so
// that it is not compared with itself).
type Profile struct {
	// IndexMedian and DimensionMedians (framework order, one per
	// dimension) are the other partners' median of the index and of each
	// dimension's score; not OK when no other partner has one.
	IndexMedian      Value
	DimensionMedians []Value
	Dimensions       []Gap // every dimension with a score and a median, framework order
	// Strengths and Weaknesses are the indicators furthest above and
	// below the other partners' median, at most three each, largest gap
	// first.
	Strengths, Weaknesses []Gap
}

// Gap is a published score against the other partners' median.
type Gap struct {
	ID     string
	Score  float64
	Median float64
	Diff   float64 // Score − Median, rounded like a score
}

func peers(p plan, cities []City, ri int) Peers {
	pr := Peers{Year: cities0Year(cities, ri), Cities: make([]Profile, len(cities))}
	// sorted holds each score's published values in ascending order, for
	// the spreads and for the medians without one city.
	spread := func(id string, get func(Year) Value) (Spread, []float64) {
		vals := make([]float64, 0, len(cities))
		for c := range cities {
			if v := get(cities[c].Years[ri]); v.OK {
				vals = append(vals, p.publish(v.V))
			}
		}
		slices.Sort(vals)
		s := Spread{ID: id, N: len(vals)}
		if len(vals) < 2 {
			return s, vals
		}
		s.Q1, s.Median, s.Q3 = stats.Quantile(vals, 0.25), stats.Quantile(vals, 0.5), stats.Quantile(vals, 0.75)
		return s, vals
	}
	var indexVals []float64
	pr.Index, indexVals = spread("", func(y Year) Value { return y.Index })
	dimVals := make([][]float64, len(p.dims))
	for d, dp := range p.dims {
		var s Spread
		s, dimVals[d] = spread(dp.id, func(y Year) Value { return y.Dimensions[d].Score })
		pr.Dimensions = append(pr.Dimensions, s)
	}
	indVals := make([][]float64, len(p.indicators))
	for i, ind := range p.indicators {
		var s Spread
		s, indVals[i] = spread(ind.ID, func(y Year) Value { return y.Indicators[i].Score })
		pr.Indicators = append(pr.Indicators, s)
	}
	// others is the other partners' median of a score, published: sorted
	// without the city's own published value v.
	others := func(sorted []float64, v Value) Value {
		m, ok := MedianWithout(sorted, p.publish(v.V), v.OK)
		return Value{V: p.publish(m), OK: ok}
	}
	gap := func(id string, med Value, v Value) (Gap, bool) {
		if !med.OK || !v.OK {
			return Gap{}, false
		}
		score := p.publish(v.V)
		return Gap{ID: id, Score: score, Median: med.V, Diff: p.publish(score - med.V)}, true
	}
	for c := range cities {
		y := cities[c].Years[ri]
		prof := &pr.Cities[c]
		prof.IndexMedian = others(indexVals, y.Index)
		prof.DimensionMedians = make([]Value, len(p.dims))
		for d, dp := range p.dims {
			v := y.Dimensions[d].Score
			prof.DimensionMedians[d] = others(dimVals[d], v)
			if g, ok := gap(dp.id, prof.DimensionMedians[d], v); ok {
				prof.Dimensions = append(prof.Dimensions, g)
			}
		}
		var gaps []Gap
		for i, ind := range p.indicators {
			v := y.Indicators[i].Score
			if g, ok := gap(ind.ID, others(indVals[i], v), v); ok && g.Diff != 0 {
				gaps = append(gaps, g)
			}
		}
		// Largest gap first; equal gaps keep framework order (stable).
		slices.SortStableFunc(gaps, func(a, b Gap) int { return cmp.Compare(math.Abs(b.Diff), math.Abs(a.Diff)) })
		for _, g := range gaps {
			switch {
			case g.Diff > 0 && len(prof.Strengths) < maxProfileItems:
				prof.Strengths = append(prof.Strengths, g)
			case g.Diff < 0 && len(prof.Weaknesses) < maxProfileItems:
				prof.Weaknesses = append(prof.Weaknesses, g)
			}
		}
	}
	return pr
}

// MedianWithout is the median (type 7, as stats.Quantile at 0.5) of sorted
// (ascending) with one value equal to own left out, when has; of all of
// sorted otherwise. It is a partner's reference: the median of the other
// partners, which a city's own score must not pull towards itself. Which
// of several equal values is left out does not matter. ok is false when
// nothing is left, or own is not in sorted. It is O(log n): no copy.
func MedianWithout(sorted []float64, own float64, has bool) (median float64, ok bool) {
	skip := len(sorted) // the index left out; none
	if has {
		i, found := slices.BinarySearch(sorted, own)
		if !found {
			return 0, false
		}
		skip = i
	}
	n := len(sorted)
	if skip < n {
		n--
	}
	if n == 0 {
		return 0, false
	}
	at := func(k int) float64 { // the k-th value of the rest
		if k >= skip {
			k++
		}
		return sorted[k]
	}
	if n%2 == 1 {
		return at(n / 2), true
	}
	a, b := at(n/2-1), at(n/2)
	if a == b {
		return a, true
	}
	return min(max(0.5*a+0.5*b, a), b), true // stats.Quantile's arithmetic
}
