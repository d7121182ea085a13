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

// Profile is one city's position against the partner median.
type Profile struct {
	Dimensions []Gap // every dimension with a score, framework order
	// Strengths and Weaknesses are the indicators furthest above and
	// below the partner median, at most three each, largest gap first.
	Strengths, Weaknesses []Gap
}

// Gap is a published score against the partners' median.
type Gap struct {
	ID     string
	Score  float64
	Median float64
	Diff   float64 // Score − Median, rounded like a score
}

func peers(p plan, cities []City, ri int) Peers {
	pr := Peers{Year: cities0Year(cities, ri), Cities: make([]Profile, len(cities))}
	spread := func(id string, get func(Year) Value) Spread {
		vals := make([]float64, 0, len(cities))
		for c := range cities {
			if v := get(cities[c].Years[ri]); v.OK {
				vals = append(vals, p.publish(v.V))
			}
		}
		s := Spread{ID: id, N: len(vals)}
		if len(vals) < 2 {
			return s
		}
		slices.Sort(vals)
		s.Q1, s.Median, s.Q3 = stats.Quantile(vals, 0.25), stats.Quantile(vals, 0.5), stats.Quantile(vals, 0.75)
		return s
	}
	pr.Index = spread("", func(y Year) Value { return y.Index })
	for d, dp := range p.dims {
		pr.Dimensions = append(pr.Dimensions, spread(dp.id, func(y Year) Value { return y.Dimensions[d].Score }))
	}
	for i, ind := range p.indicators {
		pr.Indicators = append(pr.Indicators, spread(ind.ID, func(y Year) Value { return y.Indicators[i].Score }))
	}
	gap := func(s Spread, v Value) (Gap, bool) {
		if s.N < 2 || !v.OK {
			return Gap{}, false
		}
		score := p.publish(v.V)
		return Gap{ID: s.ID, Score: score, Median: p.publish(s.Median), Diff: p.publish(score - s.Median)}, true
	}
	for c := range cities {
		y := cities[c].Years[ri]
		prof := &pr.Cities[c]
		for d := range p.dims {
			if g, ok := gap(pr.Dimensions[d], y.Dimensions[d].Score); ok {
				prof.Dimensions = append(prof.Dimensions, g)
			}
		}
		var gaps []Gap
		for i := range p.indicators {
			if g, ok := gap(pr.Indicators[i], y.Indicators[i].Score); ok && g.Diff != 0 {
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
