package sitedata

import (
	"reflect"
	"testing"
)

func ip(i int) *int { return &i }

func slugs(rows []Placing) []string {
	out := []string{}
	for _, r := range rows {
		out = append(out, r.Slug)
	}
	return out
}

func TestRankList(t *testing.T) {
	names := map[string]string{"a": "Aach", "b": "Bach", "c": "Cham", "d": "Dorf", "e": "Erl", "f": "Furth", "g": "Gars", "b2": "Bach"}
	rows := func() []Placing {
		return []Placing{
			{Slug: "g"}, // unranked
			{Slug: "e", Rank: ip(5)},
			{Slug: "c", Rank: ip(2)},
			{Slug: "b2", Rank: ip(2)}, // tie with c; same name as b
			{Slug: "b", Rank: ip(2)},
			{Slug: "a", Rank: ip(1)},
			{Slug: "f", Rank: ip(6)},
			{Slug: "d"}, // unranked
		}
	}
	tests := []struct {
		name     string
		full     bool
		top      int
		want     []string
		omitted  int
		unranked int
	}{
		// Ties by name, then slug; unranked last by name.
		{"full", true, 2, []string{"a", "b", "b2", "c", "e", "f", "d", "g"}, 0, 0},
		// 6 ranked, top 2: a, b first; e, f last; b2 and c omitted; d, g unranked.
		{"top 2", false, 2, []string{"a", "b", "e", "f"}, 2, 2},
		// 6 ranked ≤ 2·3: every ranked city, no gap.
		{"top 3", false, 3, []string{"a", "b", "b2", "c", "e", "f"}, 0, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rankList(rows(), names, tt.full, tt.top)
			if !reflect.DeepEqual(slugs(got.Rows), tt.want) || got.Omitted != tt.omitted || got.Unranked != tt.unranked {
				t.Errorf("rows %v omitted %d unranked %d; want %v, %d, %d",
					slugs(got.Rows), got.Omitted, got.Unranked, tt.want, tt.omitted, tt.unranked)
			}
		})
	}
}

func TestYearSpread(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	tests := []struct {
		name   string
		values []float64
		digits int
		want   YearSpread
	}{
		{"none", nil, 1, YearSpread{Year: 2024}},
		// Type 7: Q1 at h = 1 + 3·0.25 = 1.75 → 1 + 0.75·(2−1) = 1.75 → 1.8 (one decimal);
		// median h = 2.5 → 2 + 0.5·(4−2) = 3; Q3 h = 3.25 → 4 + 0.25·(10−4) = 5.5.
		{"four", []float64{10, 1, 4, 2}, 1, YearSpread{Year: 2024, N: 4, Min: f(1), Q1: f(1.8), Median: f(3), Q3: f(5.5), Max: f(10)}},
		{"one", []float64{7.25}, 0, YearSpread{Year: 2024, N: 1, Min: f(7), Q1: f(7), Median: f(7), Q3: f(7), Max: f(7)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := yearSpread(2024, tt.values, tt.digits); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}
