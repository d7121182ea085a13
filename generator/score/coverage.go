package score

import (
	"slices"

	"github.com/digitale-staedte/benchmark/generator/model"
)

// Shortfall is a city without an index in the reference year because too
// little of its data has a score: the facts for a message that says what
// is missing.
type Shortfall struct {
	City     int     // position in Result.Cities (and ds.Cities)
	Year     int     // the reference year
	Coverage float64 // 0..1, share of the dimension weight with a score
	// Dimensions are those without a score, in framework order.
	Dimensions []DimensionShortfall
}

// DimensionShortfall is a dimension without a score.
type DimensionShortfall struct {
	ID         string
	Present    int     // indicators with a score
	Indicators int     // indicators of the dimension
	Coverage   float64 // 0..1, share of the indicator weight with a score
}

// Shortfalls lists the cities that have no index in res's reference year,
// in the order of res.Cities; fw is the framework res was computed from.
// A city with no value at all that year is among them (coverage 0).
func Shortfalls(fw model.Framework, res Result) []Shortfall {
	yi := slices.Index(res.Years, res.ReferenceYear)
	if yi < 0 {
		return nil
	}
	p := newPlan(fw)
	var out []Shortfall
	for c, city := range res.Cities {
		y := city.Years[yi]
		if y.Index.OK {
			continue
		}
		s := Shortfall{City: c, Year: y.Year, Coverage: y.IndexCoverage}
		for d, dp := range p.dims {
			if y.Dimensions[d].Score.OK {
				continue
			}
			ds := DimensionShortfall{ID: dp.id, Indicators: len(dp.members), Coverage: y.Dimensions[d].Coverage}
			for _, i := range dp.members {
				if y.Indicators[i].Score.OK {
					ds.Present++
				}
			}
			s.Dimensions = append(s.Dimensions, ds)
		}
		out = append(out, s)
	}
	return out
}
