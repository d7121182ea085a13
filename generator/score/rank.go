package score

import "slices"

// rank ranks the OK scores on their rank key (the published value unless
// the framework asks for unrounded ranks), highest first, with competition
// ranking (1, 2, 2, 4). Units without a score get rank 0. Ties share a
// rank, so the result does not depend on the order of units.
func rank(p plan, scores []Value) []int {
	ranks := make([]int, len(scores))
	keys := make([]float64, len(scores))
	sorted := make([]float64, 0, len(scores))
	for c, v := range scores {
		if v.OK {
			keys[c] = p.key(v.V)
			sorted = append(sorted, keys[c])
		}
	}
	// A unit's competition rank is one more than the number of units with
	// a higher key: found by binary search in the ascending keys, which is
	// several times faster than sorting units by a comparison function.
	slices.Sort(sorted)
	n := len(sorted)
	for c, v := range scores {
		if v.OK {
			ranks[c] = n - firstAbove(sorted, keys[c]) + 1
		}
	}
	return ranks
}

// firstAbove is the position of the first element of the ascending xs
// that is greater than k (len(xs) if none).
func firstAbove(xs []float64, k float64) int {
	lo, hi := 0, len(xs)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if xs[mid] > k {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// level returns the position in p.levels (sheet order, not sorted) of the
// highest level whose Min the index reaches, the next higher level and the
// points missing to it; -1 for none. Of two levels with the same Min the
// first in the sheet wins. Levels are on the score scale and compared with
// the rank key, so a city shown with 50.0 has reached a level from 50.
func level(p plan, index Value) (lvl, next int, toNext float64) {
	if !index.OK {
		return -1, -1, 0
	}
	v := p.key(index.V)
	lvl, next = -1, -1
	for i, l := range p.levels {
		if l.Min <= v && (lvl < 0 || l.Min > p.levels[lvl].Min) {
			lvl = i
		}
		if l.Min > v && (next < 0 || l.Min < p.levels[next].Min) {
			next = i
		}
	}
	if next >= 0 {
		toNext = Round(p.levels[next].Min-v, p.method.Decimals)
	}
	return lvl, next, toNext
}

// publish is the value as the site shows it.
func (p plan) publish(v float64) float64 { return Round(v, p.method.Decimals) }
