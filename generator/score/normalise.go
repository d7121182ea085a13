package score

import (
	"math"
	"slices"

	"github.com/digitale-staedte/benchmark/generator/model"
)

// Under z-score normalisation the mean lands at ZScoreMean of the scale
// (50 points) and one standard deviation spans ZScoreSD of it (10 points),
// as COINr's n_zscore with m_sd = c(50, 10). Z-scores are not clamped: a
// unit 6 SD out lies outside the scale.
const (
	ZScoreMean = 0.5
	ZScoreSD   = 0.1
)

// normalised is one unit's score on one indicator.
type normalised struct {
	Score   Value
	Clamped bool
}

// A method is one normalisation as the engine applies it. Adding a
// normalisation is a constant and a name in model, one entry in methods,
// and its formula and texts in the theme; TestEveryNormalisationIsDeclared
// names whatever is missing.
type method struct {
	// unit maps the transformed values xs onto 0..1, higher better, into
	// out; a unit it leaves unset is not scored.
	unit func(ind model.Indicator, xs []Value, out []normalised)
	// alternative is the normalisation a draw of the uncertainty analysis
	// may use instead (when methods vary); hasAlternative false keeps the
	// method in every draw.
	alternative    model.Normalisation
	hasAlternative bool
	// relative: a unit's score depends on the other units of the year, so
	// a change over time shows its position against the partners.
	relative bool
}

// methods are the normalisations by model.Normalisation. Goalposts have no
// alternative: they are a decision of the partners, not a statistical
// choice.
var methods = [...]method{
	model.NormGoalposts: {unit: goalpostScores},
	model.NormMinMax:    {unit: minMaxScores, alternative: model.NormZScore, hasAlternative: true, relative: true},
	model.NormZScore:    {unit: zScores, alternative: model.NormMinMax, hasAlternative: true, relative: true},
	model.NormRank:      {unit: percentRanks, alternative: model.NormZScore, hasAlternative: true, relative: true},
}

// Relative reports whether normalisation n scores a unit against the other
// units of the year (so that a change is not only the unit's own).
func Relative(n model.Normalisation) bool { return methods[n].relative }

// normalise scores one indicator in one year with method m: raw holds one
// value per city, the result is aligned with it. Values are transformed
// (natural log, goalposts alike), mapped to 0..1 by the method, reversed
// when lower is better, and multiplied by scale. An indicator that cannot
// tell units apart that year (one unit, or all equal) is not scored.
func normalise(ind model.Indicator, m model.Normalisation, scale float64, raw []Value) []normalised {
	out := make([]normalised, len(raw))
	xs := make([]Value, len(raw))
	for c, r := range raw {
		xs[c] = transform(ind.Transform, r)
	}
	methods[m].unit(ind, xs, out)
	for c := range out {
		s := &out[c].Score
		if !s.OK {
			continue
		}
		if ind.Direction == model.LowerIsBetter {
			s.V = 1 - s.V
		}
		s.V *= scale
	}
	return out
}

// goalpostScores maps the indicator's goalposts to 0 and 1 and clamps; without
// usable goalposts nothing is scored.
func goalpostScores(ind model.Indicator, xs []Value, out []normalised) {
	if ind.Goalposts == nil {
		return
	}
	lo := transform(ind.Transform, Value{V: ind.Goalposts.Min, OK: true})
	hi := transform(ind.Transform, Value{V: ind.Goalposts.Max, OK: true})
	if !lo.OK || !hi.OK || hi.V <= lo.V {
		return
	}
	for c, x := range xs {
		if x.OK {
			s := (x.V - lo.V) / (hi.V - lo.V)
			clamped := min(max(s, 0), 1)
			out[c] = normalised{Score: Value{V: clamped, OK: true}, Clamped: clamped != s}
		}
	}
}

// minMaxScores maps the year's lowest value to 0 and its highest to 1.
func minMaxScores(_ model.Indicator, xs []Value, out []normalised) {
	lo, hi, ok := observedRange(xs)
	if !ok {
		return
	}
	for c, x := range xs {
		if x.OK {
			out[c].Score = Value{V: (x.V - lo) / (hi - lo), OK: true}
		}
	}
}

// zScores places the year's mean at ZScoreMean and one standard deviation
// ZScoreSD away from it.
func zScores(_ model.Indicator, xs []Value, out []normalised) {
	mean, sd, ok := meanSD(xs)
	if !ok {
		return
	}
	for c, x := range xs {
		if x.OK {
			out[c].Score = Value{V: ZScoreMean + ZScoreSD*(x.V-mean)/sd, OK: true}
		}
	}
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

// observedRange is the lowest and highest present value; ok is false when
// they coincide or nothing is present.
func observedRange(xs []Value) (lo, hi float64, ok bool) {
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

// meanSD is the mean and sample standard deviation (n−1) of the present
// values, summed in sorted order so the result does not depend on the
// order of units; ok is false below two values or without spread.
func meanSD(xs []Value) (mean, sd float64, ok bool) {
	vals := present(xs)
	if len(vals) < 2 {
		return 0, 0, false
	}
	slices.Sort(vals)
	for _, v := range vals {
		mean += v
	}
	mean /= float64(len(vals))
	ss := 0.0
	for _, v := range vals {
		ss += (v - mean) * (v - mean)
	}
	sd = math.Sqrt(ss / float64(len(vals)-1))
	return mean, sd, sd > 0
}

// percentRanks sets out[c].Score to (rank − 1)/(n − 1), the rank ascending
// among the n present values and ties given their average rank, so the
// lowest unit scores 0, the highest 1 and equal values score alike.
func percentRanks(_ model.Indicator, xs []Value, out []normalised) {
	order := make([]int, 0, len(xs))
	for c, x := range xs {
		if x.OK {
			order = append(order, c)
		}
	}
	n := len(order)
	if n < 2 {
		return
	}
	if lo, hi, ok := observedRange(xs); !ok || lo == hi {
		return // all equal: nothing to tell apart, as under min–max
	}
	slices.SortFunc(order, func(a, b int) int {
		switch {
		case xs[a].V < xs[b].V:
			return -1
		case xs[a].V > xs[b].V:
			return 1
		}
		return 0
	})
	for i := 0; i < n; {
		j := i
		for j+1 < n && xs[order[j+1]].V == xs[order[i]].V {
			j++
		}
		// Positions i..j (0-based) share the average rank (i+j)/2 + 1.
		pr := float64(i+j) / 2 / float64(n-1)
		for k := i; k <= j; k++ {
			out[order[k]].Score = Value{V: pr, OK: true}
		}
		i = j + 1
	}
}

func present(xs []Value) []float64 {
	vals := make([]float64, 0, len(xs))
	for _, x := range xs {
		if x.OK {
			vals = append(vals, x.V)
		}
	}
	return vals
}
