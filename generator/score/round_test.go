package score

import (
	"math"
	"math/big"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

func TestRound(t *testing.T) {
	tests := []struct {
		x      float64
		digits int
		want   float64
	}{
		// Ties as written round away from zero, although the binary float
		// lies just below: 0.15 is 0.1499999999999999944…, 2.675 is
		// 2.67499999999999982…, 1.005 is 1.00499999999999989….
		{0.15, 1, 0.2},
		{2.675, 2, 2.68},
		{-0.15, 1, -0.2},
		{1.005, 2, 1.01},
		{72.25, 1, 72.3},
		{-72.25, 1, -72.3},
		{0.05, 1, 0.1},
		// Below the tie.
		{72.24, 1, 72.2},
		{0.04, 1, 0},
		// Carries through nines.
		{9.95, 1, 10},
		{99.95, 1, 100},
		{0.995, 2, 1},
		// Digits 0.
		{2.5, 0, 3},
		{-2.5, 0, -3},
		{0.5, 0, 1},
		{0.49, 0, 0},
		{1234.5, 0, 1235},
		// Negative digits round to hundreds.
		{1250, -2, 1300},
		{1249, -2, 1200},
		// Large values: 15 significant digits survive.
		{123456789012.345, 2, 123456789012.35},
		{1234567.85, 1, 1234567.9},
		{1e20, 2, 1e20},
		{1.7976931348623157e308, 1, 1.7976931348623157e308},
		// Small values.
		{1.5e-10, 1, 0},
		{5e-10, 9, 1e-9},
		{4.9e-10, 9, 0},
		{1.25e-7, 8, 1.3e-7},
		{5e-324, 2, 0},
		// Already as short as asked.
		{3.1, 2, 3.1},
		{0, 1, 0},
		{-7, 1, -7},
	}
	for _, tt := range tests {
		got := Round(tt.x, tt.digits)
		if got != tt.want {
			t.Errorf("Round(%v, %d) = %v, want %v", tt.x, tt.digits, got, tt.want)
		}
	}
}

func TestRoundNoNegativeZero(t *testing.T) {
	// -0.04 rounds to 0 at one digit; the site must not print "-0".
	for _, x := range []float64{-0.04, -1e-20, -0.4} {
		digits := 1
		if x == -0.4 {
			digits = 0
		}
		if got := Round(x, digits); got != 0 || math.Signbit(got) {
			t.Errorf("Round(%v, %d) = %v, want +0", x, digits, got)
		}
	}
}

func TestRoundSpecial(t *testing.T) {
	if got := Round(math.NaN(), 1); !math.IsNaN(got) {
		t.Errorf("Round(NaN) = %v", got)
	}
	for _, x := range []float64{math.Inf(1), math.Inf(-1)} {
		if got := Round(x, 1); got != x {
			t.Errorf("Round(%v) = %v", x, got)
		}
	}
}

// TestRoundWithinHalfUnit: whatever the tie rule, a rounded value never
// moves more than half a unit of the last digit.
func TestRoundWithinHalfUnit(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 10000 {
		x := (r.Float64() - 0.5) * math.Pow(10, float64(r.IntN(12)-4))
		d := r.IntN(5)
		half := 0.5 * math.Pow(10, -float64(d))
		if got := Round(x, d); math.Abs(got-x) > half*(1+1e-12)+1e-15*math.Abs(x) {
			t.Fatalf("Round(%v, %d) = %v: moved more than %v", x, d, got, half)
		}
	}
}

// TestRoundFastMatchesDecimal: the float fast path gives exactly what the
// decimal rule gives, on random values and next to ties.
func TestRoundFastMatchesDecimal(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	check := func(x float64, d int) {
		t.Helper()
		if fast, ok := roundFast(x, d); ok {
			if want := roundDecimal(x, d); fast != want || math.Signbit(fast) != math.Signbit(want) {
				t.Fatalf("Round(%v, %d): fast path %v, decimal rule %v", x, d, fast, want)
			}
		}
	}
	for range 200000 {
		d := r.IntN(7)
		x := (r.Float64() - 0.5) * math.Pow(10, float64(r.IntN(10)-3))
		check(x, d)
		// Values written with d+1 decimals ending in 5, and their float
		// neighbours: the ties and near-ties.
		k := float64(r.IntN(2000000)) + 0.5
		tie := k / math.Pow(10, float64(d))
		check(tie, d)
		check(math.Nextafter(tie, 0), d)
		check(math.Nextafter(tie, math.Inf(1)), d)
	}
}

// TestRoundingExample: the methodology page's example of the decimal rule,
// at each number of decimals the settings allow (0 to 6): a tie whose
// binary value lies below it, rounded up.
func TestRoundingExample(t *testing.T) {
	for digits := 0; digits <= 6; digits++ {
		x, r := RoundingExample(digits)
		text := strconv.FormatFloat(x, 'f', -1, 64)
		frac := text[strings.IndexByte(text, '.')+1:]
		if len(frac) != digits+1 || !strings.HasSuffix(frac, "5") {
			t.Errorf("%d digits: %s is no tie at that digit", digits, text)
		}
		up, _ := strconv.ParseFloat(text[:len(text)-1]+"9", 64) // just above the tie
		if want := Round(up, digits); r != want {
			t.Errorf("%d digits: %s → %v, want %v (half away from zero)", digits, text, r, want)
		}
		if exact, _ := new(big.Rat).SetString(text); digits > 0 && new(big.Rat).SetFloat64(x).Cmp(exact) >= 0 {
			t.Errorf("%d digits: %s is exact or above in binary; it shows nothing", digits, text)
		}
	}
	for digits, want := range map[int][2]float64{0: {2.5, 3}, 1: {0.15, 0.2}, 2: {0.015, 0.02}} {
		if x, r := RoundingExample(digits); x != want[0] || r != want[1] {
			t.Errorf("%d digits: %v → %v, want %v → %v", digits, x, r, want[0], want[1])
		}
	}
}
