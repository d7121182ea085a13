package stats

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

var nan = math.NaN()

// near reports whether got is within rel relative difference of want (an
// absolute difference when want is 0); NaN is near NaN only.
func near(got, want, rel float64) bool {
	if math.IsNaN(want) || math.IsNaN(got) {
		return math.IsNaN(want) && math.IsNaN(got)
	}
	if got == want {
		return true
	}
	d := math.Abs(got - want)
	if want == 0 {
		return d <= rel
	}
	return d <= rel*math.Abs(want)
}

// same is exact equality that treats NaN as equal to NaN.
func same(a, b float64) bool {
	return a == b || math.IsNaN(a) && math.IsNaN(b)
}

func checkSummary(t *testing.T, got, want Summary, rel float64) {
	t.Helper()
	if got.N != want.N || got.Missing != want.Missing {
		t.Errorf("N, Missing = %d, %d, want %d, %d", got.N, got.Missing, want.N, want.Missing)
	}
	floats := []struct {
		name      string
		got, want float64
	}{
		{"Coverage", got.Coverage, want.Coverage},
		{"Min", got.Min, want.Min},
		{"Max", got.Max, want.Max},
		{"Mean", got.Mean, want.Mean},
		{"Median", got.Median, want.Median},
		{"SD", got.SD, want.SD},
		{"Skewness", got.Skewness, want.Skewness},
		{"Kurtosis", got.Kurtosis, want.Kurtosis},
		{"Q1", got.Q1, want.Q1},
		{"Q3", got.Q3, want.Q3},
	}
	for _, f := range floats {
		if !near(f.got, f.want, rel) {
			t.Errorf("%s = %.17g, want %.17g", f.name, f.got, f.want)
		}
	}
	if !slices.Equal(got.Outliers, want.Outliers) {
		t.Errorf("Outliers = %v, want %v", got.Outliers, want.Outliers)
	}
	if got.SkewKurtFlag != want.SkewKurtFlag {
		t.Errorf("SkewKurtFlag = %v, want %v", got.SkewKurtFlag, want.SkewKurtFlag)
	}
}

func TestDescribe(t *testing.T) {
	tests := []struct {
		name string
		xs   []float64
		want Summary
	}{
		{
			// Sorted: 2 4 4 4 5 5 7 9, n = 8.
			// Mean: 40/8 = 5. Deviations d: −3 −1 −1 −1 0 0 2 4.
			// Σd² = 9+1+1+1+0+0+4+16 = 32; SD = √(32/7) = 2.1380899352993950775.
			// Σd³ = −27−1−1−1+0+0+8+64 = 42.
			// SKEW = n/((n−1)(n−2)) · Σd³/s³ = 8/42 · 42/(32/7)^1.5
			//      = 8·(7/32)^1.5 = 7√14/32 = 0.81848755335679967810.
			// Σd⁴ = 81+1+1+1+0+0+16+256 = 356; s⁴ = (32/7)² = 1024/49.
			// KURT = n(n+1)/((n−1)(n−2)(n−3)) · Σd⁴/s⁴ − 3(n−1)²/((n−2)(n−3))
			//      = 72/210 · 356·49/1024 − 3·49/30
			//      = 72/210 · 17.03515625 − 4.9 = 5.840625 − 4.9 = 0.940625.
			// Type 7 (0-based h = (n−1)p = 7p):
			//   Q1: h = 1.75 → x[1] + 0.75·(x[2]−x[1]) = 4 + 0.75·0 = 4
			//   median: h = 3.5 → 4 + 0.5·(5−4) = 4.5
			//   Q3: h = 5.25 → 5 + 0.25·(7−5) = 5.5
			// IQR 1.5, fences 4 − 2.25 = 1.75 and 5.5 + 2.25 = 7.75: 9 (position 7) is out.
			name: "eight values",
			xs:   []float64{2, 4, 4, 4, 5, 5, 7, 9},
			want: Summary{
				N: 8, Coverage: 1, Min: 2, Max: 9, Mean: 5, Median: 4.5,
				SD:       2.1380899352993950775,
				Skewness: 0.81848755335679967810,
				Kurtosis: 0.940625,
				Q1:       4, Q3: 5.5,
				Outliers: []int{7},
			},
		},
		{
			// The example of Excel's SKEW and KURT documentation
			// (SKEW = 0.359543, KURT = −0.151799637).
			// n = 10, Σx = 43, mean 4.3.
			// d: −1.3 −0.3 0.7 −2.3 −1.3 −0.3 0.7 1.7 −0.3 2.7.
			// Σd² = 1.69+0.09+0.49+5.29+1.69+0.09+0.49+2.89+0.09+7.29 = 20.1;
			//   s² = 20.1/9 = 2.2333…, SD = 1.4944341180973262741.
			// Σd³ = −2.197−0.027+0.343−12.167−2.197−0.027+0.343+4.913−0.027+19.683 = 8.64;
			//   SKEW = 10/(9·8) · 8.64/s³ = 1.2/3.3375… = 0.35954307140679714326.
			// Σd⁴ = 2.8561+0.0081+0.2401+27.9841+2.8561+0.0081+0.2401+8.3521+0.0081+53.1441 = 95.697;
			//   KURT = 110/504 · 95.697/4.98777… − 3·81/56
			//        = 110/504 · 19.18625… − 4.33928… = −0.15179963720841421888.
			// Sorted 2 3 3 4 4 4 5 5 6 7, h = 9p:
			//   Q1: h = 2.25 → 3 + 0.25·(4−3) = 3.25; median: h = 4.5 → 4; Q3: h = 6.75 → 5.
			// Fences 3.25 − 2.625 = 0.625 and 5 + 2.625 = 7.625: no outlier.
			name: "Excel documentation example",
			xs:   []float64{3, 4, 5, 2, 3, 4, 5, 6, 4, 7},
			want: Summary{
				N: 10, Coverage: 1, Min: 2, Max: 7, Mean: 4.3, Median: 4,
				SD:       1.4944341180973262741,
				Skewness: 0.35954307140679714326,
				Kurtosis: -0.15179963720841421888,
				Q1:       3.25, Q3: 5,
			},
		},
		{
			// Nine 1s and one 10: n = 10, mean 19/10 = 1.9.
			// d: −0.9 (×9), 8.1. Σd² = 9·0.81 + 65.61 = 72.9; s² = 8.1, SD = √8.1.
			// Σd³ = 9·(−0.729) + 531.441 = 524.88;
			//   SKEW = 10/72 · 524.88/8.1^1.5 = 72.9/(8.1·√8.1) = 9/√8.1 = √10.
			// Σd⁴ = 9·0.6561 + 4304.6721 = 4310.577; Σd⁴/s⁴ = 4310.577/65.61 = 65.7;
			//   KURT = 110/504 · 65.7 − 243/56 = (7227 − 2187)/504 = 10.
			// |SKEW| ≥ 2 and KURT ≥ 3.5: COINr flags it.
			// Q1 = median = Q3 = 1, IQR 0: the 10 at position 9 is outside.
			name: "one large value",
			xs:   []float64{1, 1, 1, 1, 1, 1, 1, 1, 1, 10},
			want: Summary{
				N: 10, Coverage: 1, Min: 1, Max: 10, Mean: 1.9, Median: 1,
				SD:       math.Sqrt(8.1),
				Skewness: math.Sqrt(10),
				Kurtosis: 10,
				Q1:       1, Q3: 1,
				Outliers:     []int{9},
				SkewKurtFlag: true,
			},
		},
		{
			// Sorted 10 11 11 12 12 13 14 95, h = 7p:
			//   Q1: h = 1.75 → 11 + 0.75·0 = 11; median: h = 3.5 → 12;
			//   Q3: h = 5.25 → 13 + 0.25·(14−13) = 13.25.
			// IQR 2.25, fences 11 − 3.375 = 7.625 and 13.25 + 3.375 = 16.625:
			// only 95 (position 4) is outside.
			// Mean 178/8 = 22.25; d: −12.25 −10.25 −11.25 −9.25 72.75 −10.25 −8.25 −11.25.
			// Σd² = 150.0625+105.0625+126.5625+85.5625+5292.5625+105.0625+68.0625+126.5625
			//     = 6059.5; SD = √(6059.5/7) = 29.421809209204948939.
			// Σd³ = 376841.25, Σd⁴ = 28099802.40625 (each term from d above);
			//   SKEW = 8/42 · 376841.25/(6059.5/7)^1.5 = 2.8183245750912605954,
			//   KURT = 72/210 · 28099802.40625/(6059.5/7)² − 4.9 = 7.9569799940506635654
			//   (30-digit arithmetic). Both past COINr's thresholds: flagged.
			name: "one clear outlier",
			xs:   []float64{10, 12, 11, 13, 95, 12, 14, 11},
			want: Summary{
				N: 8, Coverage: 1, Min: 10, Max: 95, Mean: 22.25, Median: 12,
				SD:       29.421809209204948939,
				Skewness: 2.8183245750912605954,
				Kurtosis: 7.9569799940506635654,
				Q1:       11, Q3: 13.25,
				Outliers:     []int{4},
				SkewKurtFlag: true,
			},
		},
		{
			// Mean 3, d: −2 −1 3. Σd² = 4+1+9 = 14, s² = 7.
			// Σd³ = −8−1+27 = 18; SKEW = 3/(2·1) · 18/7^1.5 = 27/(7√7).
			// Kurtosis needs n ≥ 4. Q1: h = 0.5 → 1.5; Q3: h = 1.5 → 4.
			name: "three values",
			xs:   []float64{6, 1, 2},
			want: Summary{
				N: 3, Coverage: 1, Min: 1, Max: 6, Mean: 3, Median: 2,
				SD:       math.Sqrt(7),
				Skewness: 1.4578629673213050193,
				Kurtosis: nan,
				Q1:       1.5, Q3: 4,
			},
		},
		{
			// Mean 2, d ±1, Σd² = 2, SD = √(2/1).
			name: "two values",
			xs:   []float64{3, 1},
			want: Summary{
				N: 2, Coverage: 1, Min: 1, Max: 3, Mean: 2, Median: 2,
				SD: math.Sqrt2, Skewness: nan, Kurtosis: nan,
				Q1: 1.5, Q3: 2.5,
			},
		},
		{
			// Summed in binary, six 0.1s give 0.6 − 1 ulp and (Σx)/6 is
			// 0.09999999999999999; a constant must still give the value itself
			// as mean and SD 0, not a tiny SD with a meaningless skewness.
			name: "constant",
			xs:   []float64{0.1, 0.1, 0.1, 0.1, 0.1, 0.1},
			want: Summary{
				N: 6, Coverage: 1, Min: 0.1, Max: 0.1, Mean: 0.1, Median: 0.1,
				SD: 0, Skewness: nan, Kurtosis: nan,
				Q1: 0.1, Q3: 0.1,
			},
		},
		{
			name: "one value and one missing",
			xs:   []float64{nan, 3},
			want: Summary{
				N: 1, Missing: 1, Coverage: 0.5, Min: 3, Max: 3, Mean: 3, Median: 3,
				SD: nan, Skewness: nan, Kurtosis: nan, Q1: 3, Q3: 3,
			},
		},
		{
			// Present: 2 4 4 4 5 5 7 9 as in "eight values", two missing;
			// outlier positions refer to the input with its gaps.
			name: "missing values skipped",
			xs:   []float64{2, nan, 4, 4, 4, 5, 5, nan, 7, 9},
			want: Summary{
				N: 8, Missing: 2, Coverage: 0.8, Min: 2, Max: 9, Mean: 5, Median: 4.5,
				SD:       2.1380899352993950775,
				Skewness: 0.81848755335679967810,
				Kurtosis: 0.940625,
				Q1:       4, Q3: 5.5,
				Outliers: []int{9},
			},
		},
		{
			name: "all missing",
			xs:   []float64{nan, nan, nan},
			want: Summary{
				Missing: 3, Coverage: 0,
				Min: nan, Max: nan, Mean: nan, Median: nan,
				SD: nan, Skewness: nan, Kurtosis: nan, Q1: nan, Q3: nan,
			},
		},
		{
			name: "empty",
			xs:   nil,
			want: Summary{
				Min: nan, Max: nan, Mean: nan, Median: nan,
				SD: nan, Skewness: nan, Kurtosis: nan, Q1: nan, Q3: nan,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := slices.Clone(tt.xs)
			got := Describe(in)
			checkSummary(t, got, tt.want, 1e-14)
			if !slices.EqualFunc(in, tt.xs, same) {
				t.Errorf("Describe modified its input: %v, was %v", in, tt.xs)
			}
		})
	}
}

// auditData returns n reproducible, right-skewed values with ties, a few
// NaN and a few extreme values, like a real indicator column.
func auditData(n int) []float64 {
	r := rand.New(rand.NewPCG(2008, 7))
	xs := make([]float64, n)
	for i := range xs {
		switch {
		case i%97 == 0:
			xs[i] = nan
		case i%89 == 0:
			xs[i] = 1e4 * r.Float64()
		case i%13 == 0:
			xs[i] = 42 // ties
		default:
			xs[i] = math.Exp(2 * r.NormFloat64())
		}
	}
	return xs
}

func TestDescribeIgnoresOrder(t *testing.T) {
	xs := auditData(1000)
	shuffled := slices.Clone(xs)
	r := rand.New(rand.NewPCG(1, 2))
	r.Shuffle(len(shuffled), func(i, j int) {
		shuffled[i], shuffled[j] = shuffled[j], shuffled[i]
	})

	a, b := Describe(xs), Describe(shuffled)
	// 1000 values, NaN at 0, 97, …, 970: 11 missing.
	if a.N != 989 || a.Missing != 11 || b.N != 989 || b.Missing != 11 {
		t.Fatalf("N, Missing = %d, %d and %d, %d, want 989, 11", a.N, a.Missing, b.N, b.Missing)
	}
	exact := []struct {
		name string
		a, b float64
	}{
		{"Min", a.Min, b.Min}, {"Max", a.Max, b.Max}, {"Median", a.Median, b.Median},
		{"Q1", a.Q1, b.Q1}, {"Q3", a.Q3, b.Q3}, {"Coverage", a.Coverage, b.Coverage},
	}
	for _, e := range exact {
		if e.a != e.b {
			t.Errorf("%s = %.17g, shuffled %.17g", e.name, e.a, e.b)
		}
	}
	moments := []struct {
		name string
		a, b float64
	}{
		{"Mean", a.Mean, b.Mean}, {"SD", a.SD, b.SD},
		{"Skewness", a.Skewness, b.Skewness}, {"Kurtosis", a.Kurtosis, b.Kurtosis},
	}
	for _, m := range moments {
		if math.IsNaN(m.a) || !near(m.b, m.a, 1e-12) {
			t.Errorf("%s = %.17g, shuffled %.17g", m.name, m.a, m.b)
		}
	}
	if a.SkewKurtFlag != b.SkewKurtFlag || !a.SkewKurtFlag {
		t.Errorf("SkewKurtFlag = %v, shuffled %v, want true for log-normal data", a.SkewKurtFlag, b.SkewKurtFlag)
	}
	// Outliers are positions: compare the values they point at.
	values := func(xs []float64, pos []int) []float64 {
		v := make([]float64, len(pos))
		for i, p := range pos {
			v[i] = xs[p]
		}
		slices.Sort(v)
		return v
	}
	if len(a.Outliers) == 0 || !slices.Equal(values(xs, a.Outliers), values(shuffled, b.Outliers)) {
		t.Errorf("outliers differ: %d and %d positions", len(a.Outliers), len(b.Outliers))
	}
	if ma, mb := median(xs), median(shuffled); ma != mb || ma != a.Median {
		t.Errorf("Median = %.17g, shuffled %.17g, Describe %.17g", ma, mb, a.Median)
	}
}

func TestQuantile(t *testing.T) {
	tests := []struct {
		name   string
		sorted []float64
		p      float64
		want   float64
	}{
		// R: quantile(1:5, 0.1) = 1.4: h = 1 + 4·0.1 = 1.4 → 0.6·1 + 0.4·2.
		{"five p=0.1", []float64{1, 2, 3, 4, 5}, 0.1, 1.4},
		{"five p=0", []float64{1, 2, 3, 4, 5}, 0, 1},
		{"five p=0.5", []float64{1, 2, 3, 4, 5}, 0.5, 3},
		{"five p=1", []float64{1, 2, 3, 4, 5}, 1, 5},
		// Even count, h = 1 + 3p: Q1 h = 1.75 → 0.25·1 + 0.75·2 = 1.75;
		// median h = 2.5 → 2.5; Q3 h = 3.25 → 0.75·3 + 0.25·4 = 3.25.
		{"four Q1", []float64{1, 2, 3, 4}, 0.25, 1.75},
		{"four median", []float64{1, 2, 3, 4}, 0.5, 2.5},
		{"four Q3", []float64{1, 2, 3, 4}, 0.75, 3.25},
		// Odd count, h = 1 + 6p: Q1 h = 2.5 → (2+4)/2 = 3; median h = 4 → 7;
		// Q3 h = 5.5 → (11+16)/2 = 13.5.
		{"seven Q1", []float64{1, 2, 4, 7, 11, 16, 22}, 0.25, 3},
		{"seven median", []float64{1, 2, 4, 7, 11, 16, 22}, 0.5, 7},
		{"seven Q3", []float64{1, 2, 4, 7, 11, 16, 22}, 0.75, 13.5},
		// Excel PERCENTILE.INC({1,3,2,4}, 0.3) = 1.9: h = 1 + 0.9 → 0.1·1 + 0.9·2.
		{"Excel PERCENTILE.INC", []float64{1, 2, 3, 4}, 0.3, 1.9},
		{"single value", []float64{7}, 0.3, 7},
		{"empty", nil, 0.5, nan},
		{"p below 0", []float64{1, 2}, -0.1, nan},
		{"p above 1", []float64{1, 2}, 1.1, nan},
		{"p NaN", []float64{1, 2}, nan, nan},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Quantile(tt.sorted, tt.p); !near(got, tt.want, 1e-15) {
				t.Errorf("Quantile(%v, %v) = %.17g, want %.17g", tt.sorted, tt.p, got, tt.want)
			}
		})
	}
}

// median is the median of xs as the audit takes it: Quantile type 7 at
// p = 0.5 of the values present, so it equals Summary.Median.
func median(xs []float64) float64 {
	return Quantile(present(xs), 0.5)
}

// TestMedian: the median ignores NaN, is NaN without a value and leaves
// its input alone.
func TestMedian(t *testing.T) {
	tests := []struct {
		name string
		xs   []float64
		want float64
	}{
		{"odd", []float64{5, 1, 3}, 3},
		{"even", []float64{4, 1, 3, 2}, 2.5},
		{"NaN ignored", []float64{nan, 8, nan, 2}, 5},
		{"all NaN", []float64{nan}, nan},
		{"empty", nil, nan},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := slices.Clone(tt.xs)
			if got := median(in); !same(got, tt.want) {
				t.Errorf("median(%v) = %v, want %v", tt.xs, got, tt.want)
			}
			if !slices.EqualFunc(in, tt.xs, same) {
				t.Errorf("median modified its input: %v, was %v", in, tt.xs)
			}
		})
	}
}

func TestPearson(t *testing.T) {
	tests := []struct {
		name  string
		x, y  []float64
		wantR float64
		wantN int
		ok    bool
	}{
		{"y = 2x + 1", []float64{1, 2, 3, 4, 5}, []float64{3, 5, 7, 9, 11}, 1, 5, true},
		{"y = 10 − 3x", []float64{1, 2, 3, 4, 5}, []float64{7, 4, 1, -2, -5}, -1, 5, true},
		// Means 3 and 4. dx: −2 −1 0 1 2; dy: −2 0 1 0 1.
		// Σdx·dy = 4+0+0+0+2 = 6; Σdx² = 4+1+0+1+4 = 10; Σdy² = 4+0+1+0+1 = 6.
		// r = 6/√(10·6) = 6/√60 = √0.6 = 0.77459666924148337704.
		{"hand example", []float64{1, 2, 3, 4, 5}, []float64{2, 4, 5, 4, 5}, 0.77459666924148337704, 5, true},
		// The same five pairs with a NaN on either side interleaved.
		{"NaN pairs skipped",
			[]float64{1, nan, 2, 3, 4, 5, 7},
			[]float64{2, 9, 4, 5, 4, 5, nan},
			0.77459666924148337704, 5, true},
		// Position 5 of x has no partner in y.
		{"shorter y", []float64{1, 2, 3, 4, 5, 6}, []float64{2, 4, 5, 4, 5}, 0.77459666924148337704, 5, true},
		// Means 2.5 and 2.5. dx: −1.5 −0.5 0.5 1.5; dy: −0.5 −1.5 1.5 0.5.
		// Σdx·dy = 0.75+0.75+0.75+0.75 = 3; Σdx² = Σdy² = 2.25+0.25+0.25+2.25 = 5.
		// r = 3/5 = 0.6.
		{"second hand example", []float64{1, 2, 3, 4}, []float64{2, 1, 4, 3}, 0.6, 4, true},
		{"constant x", []float64{0.1, 0.1, 0.1, 0.1}, []float64{1, 2, 3, 4}, nan, 4, false},
		{"constant y after NaN", []float64{1, 2, 3, 4}, []float64{5, nan, 5, 5}, nan, 3, false},
		{"two pairs", []float64{1, 2, nan}, []float64{1, 3, 4}, nan, 2, false},
		{"no pairs", []float64{nan, 1}, []float64{1, nan}, nan, 0, false},
		{"empty", nil, nil, nan, 0, false},
		{"infinite value", []float64{1, 2, math.Inf(1)}, []float64{1, 2, 3}, nan, 3, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, n, ok := Pearson(tt.x, tt.y)
			if !near(r, tt.wantR, 1e-15) || n != tt.wantN || ok != tt.ok {
				t.Errorf("Pearson = %.17g, %d, %v, want %.17g, %d, %v", r, n, ok, tt.wantR, tt.wantN, tt.ok)
			}
		})
	}
}

func TestCorrelationMatrix(t *testing.T) {
	cols := [][]float64{
		{1, 2, 3, 4, 5},   // a
		{2, 4, 5, 4, 5},   // b: r(a, b) = √0.6 (see TestPearson)
		{5, 4, 3, 2, 1},   // c = 6 − a: r(a, c) = −1, r(b, c) = −√0.6
		{3, 3, 3, 3, 3},   // d: constant
		{nan, 2, 3, 4, 5}, // e = a where present: r(a, e) = 1 over 4 pairs
	}
	// r(b, e) over positions 1–4: b 4 5 4 5 (mean 4.5), e 2 3 4 5 (mean 3.5).
	// db: −0.5 0.5 −0.5 0.5; de: −1.5 −0.5 0.5 1.5.
	// Σdb·de = 0.75−0.25−0.25+0.75 = 1; Σdb² = 1; Σde² = 5; r = 1/√5.
	s := 0.77459666924148337704
	want := [][]Corr{
		{{1, 5, true}, {s, 5, true}, {-1, 5, true}, {nan, 5, false}, {1, 4, true}},
		{{s, 5, true}, {1, 5, true}, {-s, 5, true}, {nan, 5, false}, {1 / math.Sqrt(5), 4, true}},
		{{-1, 5, true}, {-s, 5, true}, {1, 5, true}, {nan, 5, false}, {-1, 4, true}},
		{{nan, 5, false}, {nan, 5, false}, {nan, 5, false}, {nan, 5, false}, {nan, 4, false}},
		{{1, 4, true}, {1 / math.Sqrt(5), 4, true}, {-1, 4, true}, {nan, 4, false}, {1, 4, true}},
	}
	got := CorrelationMatrix(cols)
	if len(got) != len(want) {
		t.Fatalf("%d rows, want %d", len(got), len(want))
	}
	for i := range want {
		if len(got[i]) != len(want[i]) {
			t.Fatalf("row %d has %d cells, want %d", i, len(got[i]), len(want[i]))
		}
		for j, w := range want[i] {
			g := got[i][j]
			if !near(g.R, w.R, 1e-15) || g.N != w.N || g.OK != w.OK {
				t.Errorf("[%d][%d] = %+v, want %+v", i, j, g, w)
			}
			if h := got[j][i]; !same(g.R, h.R) || g.N != h.N || g.OK != h.OK {
				t.Errorf("[%d][%d] = %+v but [%d][%d] = %+v", i, j, g, j, i, h)
			}
		}
	}
	if got := CorrelationMatrix(nil); len(got) != 0 {
		t.Errorf("CorrelationMatrix(nil) has %d rows", len(got))
	}
}

func BenchmarkDescribe(b *testing.B) {
	xs := auditData(11000)
	for b.Loop() {
		Describe(xs)
	}
}
