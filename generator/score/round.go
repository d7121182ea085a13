package score

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// Round rounds x to the given decimal digits, half away from zero, on x's
// shortest decimal representation: readers compare published numbers with
// the decimals they typed into a spreadsheet, so 0.15 must become 0.2 and
// 2.675 must become 2.68, although the nearest binary floats lie just below
// (math.Round(x*10)/10 gives 0.1 and 2.67). Negative digits round to tens,
// hundreds, …; NaN and ±Inf are returned unchanged.
func Round(x float64, digits int) float64 {
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	if r, ok := roundFast(x, digits); ok {
		return r
	}
	return roundDecimal(x, digits)
}

// fastLimit bounds x·10^digits for roundFast: below 2^31 the float error
// of x and of the product stays under 2^-21, far inside tieMargin.
const (
	fastLimit = 1 << 31
	tieMargin = 1e-6
)

// roundFast rounds in float arithmetic where that cannot differ from the
// decimal rule: the scaled value is small and not within tieMargin of a
// tie. Ranking ten thousand cities rounds millions of scores; formatting
// each one would dominate the run. Then math.Round picks the same integer
// k as the decimal rule, and k/10^digits (both exact, the division
// correctly rounded) is the float nearest to the decimal result, as
// ParseFloat would give.
func roundFast(x float64, digits int) (float64, bool) {
	if digits < 0 || digits >= len(pow10) {
		return 0, false
	}
	y := x * pow10[digits]
	if math.Abs(y) >= fastLimit {
		return 0, false
	}
	_, frac := math.Modf(math.Abs(y))
	if math.Abs(frac-0.5) < tieMargin {
		return 0, false
	}
	r := math.Round(y) / pow10[digits]
	if r == 0 {
		return 0, true // never -0
	}
	return r, true
}

var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9}

// roundDecimal rounds on the shortest decimal representation of x.
func roundDecimal(x float64, digits int) float64 {
	// "d.ddde±XX": the digits and exponent of the shortest representation.
	s := strconv.FormatFloat(math.Abs(x), 'e', -1, 64)
	mant, exp, _ := strings.Cut(s, "e")
	e, _ := strconv.Atoi(exp)
	sig := strings.Replace(mant, ".", "", 1)

	// keep is the number of significant digits in front of the rounding
	// position: the first digit stands for 10^e, the rounding position is
	// 10^-digits.
	keep := e + 1 + digits
	if keep >= len(sig) {
		return x // already no more digits than asked for
	}
	if keep < 0 {
		return 0 // below half a unit of the last kept digit
	}
	kept := []byte(sig[:keep])
	if sig[keep] >= '5' {
		kept = increment(kept)
	}
	if len(kept) == 0 {
		return 0
	}
	// The result is exactly kept × 10^-digits; ParseFloat picks the nearest
	// float to that decimal.
	r, _ := strconv.ParseFloat(string(kept)+"e"+strconv.Itoa(-digits), 64)
	return math.Copysign(r, x)
}

// increment adds one to a string of decimal digits ("" counts as 0).
func increment(d []byte) []byte {
	for i := len(d) - 1; i >= 0; i-- {
		if d[i] < '9' {
			d[i]++
			return d
		}
		d[i] = '0'
	}
	return append([]byte{'1'}, d...)
}

// RoundingExample returns a value that shows how Round works at the given
// digits, and what it rounds to: the first tie (a 5 right after the last
// kept digit) whose nearest binary float lies below the tie, so that
// rounding the binary value would go down where Round goes up (0.15 → 0.2
// at one digit, 0.015 → 0.02 at two); at 0 digits, where every tie is
// exact in binary, 2.5 → 3 (half away from zero, not to even).
func RoundingExample(digits int) (x, rounded float64) {
	if digits > 0 {
		denom := new(big.Int).Mul(big.NewInt(2), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(digits)), nil))
		for k := int64(0); k < 1000; k++ {
			tie := new(big.Rat).SetFrac(big.NewInt(2*k+1), denom) // (k + ½)·10^-digits
			x, _ := strconv.ParseFloat(tie.FloatString(digits+1), 64)
			if new(big.Rat).SetFloat64(x).Cmp(tie) < 0 {
				return x, Round(x, digits)
			}
		}
	}
	return 2.5, Round(2.5, max(digits, 0))
}
