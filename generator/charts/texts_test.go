package charts

import (
	"math"
	"testing"
)

// TestNumD: values in chart texts read as in the tables beside them,
// which Hugo's lang.FormatNumber formats with the site's locales; the minus
// is U+2212, also on a value that rounds to zero.
func TestNumD(t *testing.T) {
	for _, tc := range []struct {
		lang     string
		v        float64
		decimals int
		want     string
	}{
		{"de", 0, 1, "0,0"},
		{"de", 64.25, 1, "64,3"}, // halves away from zero, as Hugo rounds
		{"de", 12.5, 0, "13"},    // (strconv alone gives 12)
		{"en", 2.675, 2, "2.68"}, // 2.67499… in binary, but × 100 gives 267.5
		{"de", 999.94, 1, "999,9"},
		{"de", 999.96, 1, "1.000,0"},
		{"de", 1000, 0, "1.000"},
		{"de", 12345.678, 2, "12.345,68"},
		{"de", 1234567, 0, "1.234.567"},
		{"en", 1234567.5, 1, "1,234,567.5"},
		{"en", 100, 2, "100.00"},
		{"de", -1234.5, 1, "−1.234,5"},
		{"en", -0.04, 1, "−0.0"},
		{"de", 7, -1, "7"},
		{"en", math.Copysign(0, -1), 1, "0.0"},
	} {
		if got := numD(testLang(t, tc.lang), tc.v, tc.decimals); got != tc.want {
			t.Errorf("numD(%s, %v, %d) = %q, want %q", tc.lang, tc.v, tc.decimals, got, tc.want)
		}
	}
}

// TestCountInText: counts are grouped as the pages group them, years and
// ranks in the same text are not.
func TestCountInText(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{txtSpreadMiddle.in(testLang(t, "de"), count(10234), 2025, "1", "2"), "Die mittlere Hälfte der 10.234 Städte mit Wert lag 2025 zwischen 1 und 2."},
		{txtSpreadMiddle.in(testLang(t, "en"), count(10234), 2025, "1", "2"), "The middle half of the 10,234 cities with a value lay between 1 and 2 in 2025."},
		{txtRankSpan.in(testLang(t, "de"), 1200, 1450), "Rang 1200 bis 1450"},
		{txtMapRest.in(testLang(t, "en"), count(999)), "999 cities without coordinates are in the table only."},
	} {
		if tc.got != tc.want {
			t.Errorf("got  %q\nwant %q", tc.got, tc.want)
		}
	}
}
