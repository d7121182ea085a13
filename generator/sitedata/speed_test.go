package sitedata

import (
	"reflect"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/compare"
)

// TestDelivery: medians keep their half month, shares one decimal, and
// what cannot be computed is null rather than 0.
func TestDelivery(t *testing.T) {
	tests := []struct {
		name string
		in   compare.Delivery
		want Delivery
	}{
		{"half a month, two of three overdue",
			compare.Delivery{Finished: 4, Median: 3.5, NoDate: 1, YearOnly: 2, Running: 3, Overdue: 2, NoEnd: 1},
			Delivery{Finished: 4, Median: ptr(3.5), NoDate: 1, YearOnly: 2, Running: 3, Overdue: 2, OverduePct: ptr(66.7), NoEnd: 1}},
		{"a median of 0 months is a median",
			compare.Delivery{Finished: 1, Median: 0},
			Delivery{Finished: 1, Median: ptr(0.0)}},
		{"nothing finished, nothing running: nulls",
			compare.Delivery{NoDate: 2, NoEnd: 1},
			Delivery{NoDate: 2, NoEnd: 1}},
		{"none overdue is 0 %",
			compare.Delivery{Running: 2},
			Delivery{Running: 2, OverduePct: ptr(0.0)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := delivery(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("delivery(%+v) = %+v; want %+v", tt.in, got, tt.want)
			}
		})
	}
}
