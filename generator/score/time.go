package score

import (
	"math"

	"github.com/digitale-staedte/benchmark/generator/model"
)

// reported is a raw value and, when it was carried forward, the year it
// was reported in.
type reported struct {
	Value
	from int
}

// rawValues returns, per city, the reported values laid out as
// [year*len(indicators)+indicator], so each step reads them without maps.
// With carryForward > 0 a missing value takes the city's latest value from
// at most that many calendar years before.
func rawValues(ds model.Dataset, inds []model.Indicator, years []int, carryForward int) [][]reported {
	indPos := make(map[string]int, len(inds))
	for i, ind := range inds {
		indPos[ind.ID] = i
	}
	yearPos := make(map[int]int, len(years))
	for i, y := range years {
		yearPos[y] = i
	}
	nI := len(inds)
	out := make([][]reported, len(ds.Cities))
	for c, city := range ds.Cities {
		vals := make([]reported, len(years)*nI)
		for _, k := range city.KPIs {
			i, ok := indPos[k.Indicator]
			if !ok {
				continue
			}
			for _, o := range k.Values {
				v := Value{V: o.Value, OK: !math.IsNaN(o.Value) && !math.IsInf(o.Value, 0)}
				vals[yearPos[o.Year]*nI+i] = reported{Value: v}
			}
		}
		if carryForward > 0 {
			carry(vals, years, nI, carryForward)
		}
		out[c] = vals
	}
	return out
}

// carry fills gaps in one city's values from the latest reported (never a
// carried) value at most limit years back.
func carry(vals []reported, years []int, nI, limit int) {
	for i := range nI {
		last := -1 // position in years of the latest reported value
		for yi, y := range years {
			v := &vals[yi*nI+i]
			if v.OK {
				last = yi
				continue
			}
			if last >= 0 && y-years[last] <= limit {
				*v = reported{Value: vals[last*nI+i].Value, from: years[last]}
			}
		}
	}
}

// changes fills Change in each of one city's years against the year
// before it in the list of years.
func changes(p plan, ys []Year) {
	for yi := 1; yi < len(ys); yi++ {
		prev, cur := ys[yi-1], &ys[yi]
		cur.Change.PrevYear = prev.Year
		if prev.Index.OK && cur.Index.OK {
			d := Round(p.publish(cur.Index.V)-p.publish(prev.Index.V), p.method.Decimals)
			cur.Change.Index = Value{V: d, OK: true}
		}
		if prev.Rank > 0 && cur.Rank > 0 {
			cur.Change.Rank, cur.Change.RankOK = prev.Rank-cur.Rank, true
		}
	}
}
