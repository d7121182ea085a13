package stats

import "math"

// minPairs is the fewest complete pairs for which a correlation is reported:
// with two points r is ±1 whatever the data.
const minPairs = 3

// Corr is one cell of a correlation matrix.
type Corr struct {
	R  float64 // Pearson's r; NaN when !OK
	N  int     // complete pairs used
	OK bool
}

// Pearson returns Pearson's correlation of x and y over the pairwise complete
// observations (neither value NaN), as R's cor(use = "pairwise.complete.obs")
// and COINr do, so an indicator with gaps still enters the audit. A position
// past the end of the shorter slice counts as missing. ok is false, and r is
// NaN, when fewer than 3 pairs remain, either variable is constant over
// them, or r is not finite (±Inf input).
func Pearson(x, y []float64) (r float64, n int, ok bool) {
	m := min(len(x), len(y))
	var sx, sy, x0, y0 float64
	varies := [2]bool{}
	for i := range m {
		if math.IsNaN(x[i]) || math.IsNaN(y[i]) {
			continue
		}
		if n == 0 {
			x0, y0 = x[i], y[i]
		}
		// Compare values rather than test the sum of squares: the mean of a
		// constant need not be exact, so Σdx² would not be 0.
		varies[0] = varies[0] || x[i] != x0
		varies[1] = varies[1] || y[i] != y0
		sx += x[i]
		sy += y[i]
		n++
	}
	if n < minPairs || !varies[0] || !varies[1] {
		return math.NaN(), n, false
	}

	fn := float64(n)
	mx, my := sx/fn, sy/fn
	var sxy, sxx, syy float64
	for i := range m {
		if math.IsNaN(x[i]) || math.IsNaN(y[i]) {
			continue
		}
		dx, dy := x[i]-mx, y[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	// Two square roots rather than √(Σdx²·Σdy²), which can overflow.
	r = sxy / (math.Sqrt(sxx) * math.Sqrt(syy))
	if math.IsNaN(r) || math.IsInf(r, 0) {
		return math.NaN(), n, false
	}
	return max(-1, min(1, r)), n, true
}

// CorrelationMatrix returns the Pearson correlations of the variables cols
// (cols[i] holds variable i, one value per unit), as the audit's heat maps
// need them. Each pair is computed once, so the matrix is exactly symmetric.
// The diagonal follows Pearson's rules for (x, x) but holds exactly 1 when
// OK, whatever the rounding.
func CorrelationMatrix(cols [][]float64) [][]Corr {
	k := len(cols)
	cells := make([]Corr, k*k)
	out := make([][]Corr, k)
	for i := range out {
		out[i] = cells[i*k : (i+1)*k : (i+1)*k]
	}
	for i := range k {
		_, n, ok := Pearson(cols[i], cols[i])
		out[i][i] = Corr{R: math.NaN(), N: n, OK: ok}
		if ok {
			out[i][i].R = 1
		}
		for j := i + 1; j < k; j++ {
			r, n, ok := Pearson(cols[i], cols[j])
			out[i][j] = Corr{R: r, N: n, OK: ok}
			out[j][i] = out[i][j]
		}
	}
	return out
}
