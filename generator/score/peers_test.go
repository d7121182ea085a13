package score

import "testing"

// TestMedianWithout: the other partners' median, worked by hand.
func TestMedianWithout(t *testing.T) {
	for _, tc := range []struct {
		name   string
		sorted []float64
		own    float64
		has    bool
		want   float64
		ok     bool
	}{
		// 10 20 30 40 without 20: 10 30 40, median 30.
		{"even without a low one", []float64{10, 20, 30, 40}, 20, true, 30, true},
		// without 40: 10 20 30 → 20.
		{"even without the top", []float64{10, 20, 30, 40}, 40, true, 20, true},
		// 10 20 30 without 20: 10 30 → (10 + 30) / 2 = 20.
		{"odd without the middle", []float64{10, 20, 30}, 20, true, 20, true},
		// without 10: 20 30 → 25.
		{"odd without the bottom", []float64{10, 20, 30}, 10, true, 25, true},
		// A city on the median of all: 40 40 40 40 40 60 70 with itself is
		// 40 and without one 40 still 40 (four partners on its score);
		// but 40 50 60 without its own 40 is 55, not the 50 it pulled to.
		{"ties", []float64{40, 40, 40, 40, 40, 60, 70}, 40, true, 40, true},
		{"own score pulled the median", []float64{40, 50, 60}, 40, true, 55, true},
		// A city without the score is compared with every partner.
		{"no own score", []float64{10, 20, 30, 40}, 0, false, 25, true},
		{"one other partner", []float64{35, 80}, 80, true, 35, true},
		{"no other partner", []float64{80}, 80, true, 0, false},
		{"nobody", nil, 0, false, 0, false},
		{"own not among them", []float64{10, 20}, 15, true, 0, false},
	} {
		got, ok := MedianWithout(tc.sorted, tc.own, tc.has)
		if got != tc.want || ok != tc.ok {
			t.Errorf("%s: %v, %v; want %v, %v", tc.name, got, ok, tc.want, tc.ok)
		}
	}
}
