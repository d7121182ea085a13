package pipeline

import (
	"reflect"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/sitedata"
)

func TestKPIGroups(t *testing.T) {
	dims := []sitedata.Dimension{
		{ID: "A", Indicators: []string{"a1", "a2"}},
		{ID: "B", Indicators: []string{"b1"}},
		{ID: "C", Indicators: []string{"c1"}},
	}
	city := func(inds ...string) sitedata.City {
		var c sitedata.City
		for _, ind := range inds {
			c.KPIs = append(c.KPIs, sitedata.KPI{Indicator: ind})
		}
		return c
	}
	tests := []struct {
		name string
		city sitedata.City
		want []kpiGroup
	}{
		{"none", city(), []kpiGroup{}},
		{"in the city's order, dimensions without KPIs left out", city("a2", "c1", "a1"),
			[]kpiGroup{{Dimension: 0, KPIs: []int{0, 2}}, {Dimension: 2, KPIs: []int{1}}}},
		{"a KPI in no dimension is left out", city("x", "b1"), []kpiGroup{{Dimension: 1, KPIs: []int{1}}}},
	}
	for _, tt := range tests {
		if got := kpiGroups(tt.city, dims); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestYearRows(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	n := func(v int) *int { return &v }
	c := sitedata.City{Scores: []sitedata.YearScore{
		{Year: 2024, Index: f(50), Coverage: 80, Rank: n(2), RankOf: 3, Level: n(1),
			Dimensions: []sitedata.ScoreByDim{{ID: "A"}}},
		{Year: 2022, Coverage: 10, RankOf: 3},
		{Year: 2019}, // not a year of the site
	}}
	got := yearRows(c, []int{2022, 2023, 2024})
	want := []*yearRow{{Coverage: 10, RankOf: 3}, nil, {Index: f(50), Coverage: 80, Rank: n(2), RankOf: 3, Level: n(1)}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}
