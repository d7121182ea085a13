// Package stats holds the descriptive statistics of a composite-indicator
// statistical audit (OECD/JRC Handbook 2008, R package COINr): coverage,
// moments, quartiles, box-plot outliers, COINr's skewness–kurtosis flag and
// Pearson correlations.
//
// Missing values are NaN everywhere; ±Inf counts as a value. Everything is
// pure: no I/O, no package state. Describe and Quantile work on a
// sorted copy, so their results depend only on the multiset of values, never
// on the order in which the cities happen to be listed; that keeps the
// published audit reproducible when a workbook's rows are reordered.
package stats

import (
	"math"
	"slices"
)

// COINr's check_SkewKurt defaults: an indicator passes when
// |skewness| < 2 or kurtosis < 3.5, so it is flagged when both reach them.
const (
	skewThreshold = 2
	kurtThreshold = 3.5
)

// iqrFactor is Tukey's fence: the whisker length of a box plot in IQRs.
const iqrFactor = 1.5

// Summary describes one indicator over the units (cities) that report it.
type Summary struct {
	N        int     // values present
	Missing  int     // NaN values
	Coverage float64 // N/(N+Missing); 0 when both are 0

	Min, Max, Mean, Median float64
	// SD is the sample standard deviation (divisor n−1); NaN when N < 2.
	SD float64
	// Skewness is the adjusted Fisher–Pearson coefficient G1, as Excel SKEW,
	// e1071 type 2 and COINr's skew; NaN when N < 3 or SD == 0.
	Skewness float64
	// Kurtosis is the excess kurtosis G2, as Excel KURT and COINr's kurt;
	// NaN when N < 4 or SD == 0.
	Kurtosis float64
	Q1, Q3   float64 // quartiles, Quantile type 7

	// Outliers are the positions in the input of values outside
	// [Q1 − 1.5·IQR, Q3 + 1.5·IQR], ascending; nil when there are none.
	Outliers []int
	// SkewKurtFlag is COINr's rule for indicators that need treatment
	// (winsorising or a log transform) before aggregation:
	// |skewness| ≥ 2 and kurtosis ≥ 3.5. False when either is NaN.
	SkewKurtFlag bool
}

// Describe summarises xs, skipping NaN. It does not modify xs. With no value
// present every float field except Coverage is NaN. Only Outliers depends on
// the order of xs, because it reports positions.
func Describe(xs []float64) Summary {
	sorted := present(xs)
	n := len(sorted)
	nan := math.NaN()
	s := Summary{
		N:       n,
		Missing: len(xs) - n,
		Min:     nan, Max: nan, Mean: nan, Median: nan,
		SD: nan, Skewness: nan, Kurtosis: nan,
		Q1: nan, Q3: nan,
	}
	if len(xs) > 0 {
		s.Coverage = float64(n) / float64(len(xs))
	}
	if n == 0 {
		return s
	}
	s.Min, s.Max = sorted[0], sorted[n-1]
	s.Median = Quantile(sorted, 0.5)
	s.Q1 = Quantile(sorted, 0.25)
	s.Q3 = Quantile(sorted, 0.75)
	s.Mean, s.SD, s.Skewness, s.Kurtosis = moments(sorted)

	iqr := s.Q3 - s.Q1
	lower, upper := s.Q1-iqrFactor*iqr, s.Q3+iqrFactor*iqr
	for i, x := range xs {
		if x < lower || x > upper { // false for NaN
			s.Outliers = append(s.Outliers, i)
		}
	}
	s.SkewKurtFlag = math.Abs(s.Skewness) >= skewThreshold && s.Kurtosis >= kurtThreshold
	return s
}

// present returns the non-NaN values of xs in a new, ascending slice.
func present(xs []float64) []float64 {
	out := make([]float64, 0, len(xs))
	for _, x := range xs {
		if !math.IsNaN(x) {
			out = append(out, x)
		}
	}
	slices.Sort(out)
	return out
}

// moments computes mean, SD, G1 and G2 of a non-empty ascending slice with
// the two-pass method: the mean first, then sums of powers of deviations
// from it, which avoids the cancellation of Σx² − n·mean². Summing in sorted
// order makes the result independent of the input order.
func moments(sorted []float64) (mean, sd, skew, kurt float64) {
	nan := math.NaN()
	n := len(sorted)
	lo, hi := sorted[0], sorted[n-1]
	if lo == hi {
		// A constant: Σx/n can be off by an ulp (0.1·3/3 ≠ 0.1), which would
		// give a tiny non-zero SD and a meaningless skewness.
		sd = nan
		if n >= 2 {
			sd = 0
		}
		return lo, sd, nan, nan
	}

	var sum float64
	for _, x := range sorted {
		sum += x
	}
	fn := float64(n)
	mean = min(max(sum/fn, lo), hi) // rounding must not leave the range

	var m2, m3, m4 float64
	for _, x := range sorted {
		d := x - mean
		d2 := d * d
		m2 += d2
		m3 += d2 * d
		m4 += d2 * d2
	}
	v := m2 / (fn - 1)
	sd = math.Sqrt(v)
	if sd == 0 { // deviations underflowed
		return mean, sd, nan, nan
	}
	skew, kurt = nan, nan
	if n >= 3 {
		// G1 = n/((n−1)(n−2)) · Σ(d/s)³
		skew = fn / ((fn - 1) * (fn - 2)) * m3 / (v * sd)
	}
	if n >= 4 {
		// G2 = n(n+1)/((n−1)(n−2)(n−3)) · Σ(d/s)⁴ − 3(n−1)²/((n−2)(n−3))
		kurt = fn*(fn+1)/((fn-1)*(fn-2)*(fn-3))*m4/(v*v) -
			3*(fn-1)*(fn-1)/((fn-2)*(fn-3))
	}
	return mean, sd, skew, kurt
}

// Quantile returns the p-quantile of sorted (ascending, no NaN) by
// Hyndman–Fan type 7, the default of R's quantile and Excel's
// PERCENTILE.INC, so that audit figures can be checked against both. It uses
// R's arithmetic: index h = 1 + (n−1)p, then (1−f)·x[⌊h⌋] + f·x[⌊h⌋+1] with
// f = h − ⌊h⌋ (1-based). NaN when sorted is empty or p is outside [0, 1].
func Quantile(sorted []float64, p float64) float64 {
	n := len(sorted)
	if n == 0 || !(p >= 0 && p <= 1) {
		return math.NaN()
	}
	h := 1 + float64(n-1)*p
	fl := math.Floor(h)
	lo := int(fl) - 1 // 0-based
	if lo >= n-1 {
		return sorted[n-1]
	}
	f := h - fl
	a, b := sorted[lo], sorted[lo+1]
	if f == 0 || a == b {
		return a
	}
	return min(max((1-f)*a+f*b, a), b)
}
