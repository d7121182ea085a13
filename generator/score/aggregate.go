package score

import (
	"math"

	"github.com/digitale-staedte/benchmark/generator/model"
)

// aggregate is the weighted mean (arithmetic, geometric or harmonic) of the
// parts that are OK, the weights renormalised over them. coverage is the
// share of the total weight that is present. The score is not OK when
// nothing is present or coverage is below minCoverage: a missing
// component must never count as zero.
//
// The zero rule: under the geometric and harmonic means a present part with
// positive weight at or below zero makes the result 0, the limit of both
// means as that part tends to zero. These means are meant to be
// non-compensatory: a city cannot make up for a dimension it has not begun.
func aggregate(m model.Aggregation, parts []Value, weights []float64, minCoverage float64) (score Value, coverage float64) {
	var total, present float64
	for i, p := range parts {
		total += weights[i]
		if p.OK {
			present += weights[i]
		}
	}
	if total <= 0 || present <= 0 {
		return Value{}, 0
	}
	coverage = present / total
	if coverage+CoverageTolerance < minCoverage {
		return Value{}, coverage
	}
	return Value{V: mean(m, parts, weights, present), OK: true}, coverage
}

// mean is the weighted mean of the OK parts whose weights sum to present.
func mean(m model.Aggregation, parts []Value, weights []float64, present float64) float64 {
	var sum float64
	for i, p := range parts {
		w := weights[i]
		if !p.OK || w == 0 {
			continue
		}
		switch m {
		case model.Geometric:
			if p.V <= 0 {
				return 0
			}
			sum += float64(w * math.Log(p.V))
		case model.Harmonic:
			if p.V <= 0 {
				return 0
			}
			sum += w / p.V
		default:
			// The explicit conversion forbids a fused multiply-add, which
			// Go may emit on arm64 and others: the compare page's script
			// must reach the same bits.
			sum += float64(w * p.V)
		}
	}
	switch m {
	case model.Geometric:
		return math.Exp(sum / present)
	case model.Harmonic:
		return present / sum
	}
	return sum / present
}
