package model

import (
	"reflect"
	"testing"
)

func TestJointProjects(t *testing.T) {
	m := func(id string, partners ...string) Measure { return Measure{ID: id, Partners: partners} }
	city := func(slug string, ms ...Measure) City { return City{Slug: slug, Measures: ms} }
	cases := []struct {
		name   string
		cities []City
		want   []Joint
	}{
		{"one row naming a partner",
			[]City{city("a", m("M-1", "b")), city("b")},
			[]Joint{{Measure: m("M-1", "b"), Lead: 0, Partners: []int{0, 1}, Rows: []MeasureRef{{0, 0}}}}},
		{"described by both: once, the first by slug leads",
			[]City{city("a", m("X"), m("M-1", "c")), city("c", m("M-1", "a"))},
			[]Joint{{Measure: m("M-1", "c"), Lead: 0, Partners: []int{0, 1}, Rows: []MeasureRef{{0, 1}, {1, 0}}}}},
		{"the same ID without naming the lead is another measure",
			[]City{city("a", m("M-1", "b")), city("b", m("M-1"))},
			[]Joint{{Measure: m("M-1", "b"), Lead: 0, Partners: []int{0, 1}, Rows: []MeasureRef{{0, 0}}}}},
		{"the same ID naming the lead, but the lead names someone else: two projects",
			[]City{city("a", m("M-1", "c")), city("b", m("M-1", "a")), city("c")},
			[]Joint{
				{Measure: m("M-1", "c"), Lead: 0, Partners: []int{0, 2}, Rows: []MeasureRef{{0, 0}}},
				{Measure: m("M-1", "a"), Lead: 1, Partners: []int{0, 1}, Rows: []MeasureRef{{1, 0}}}}},
		{"three partners, two describe it",
			[]City{city("a", m("P", "b", "c")), city("b", m("P", "a", "c")), city("c")},
			[]Joint{{Measure: m("P", "b", "c"), Lead: 0, Partners: []int{0, 1, 2}, Rows: []MeasureRef{{0, 0}, {1, 0}}}}},
		{"only itself or unknown names: not joint",
			[]City{city("a", m("M-1", "a"), m("M-2", "zeta")), city("b")},
			nil},
		{"an unknown name among known ones is left out",
			[]City{city("a", m("M-1", "zeta", "b")), city("b")},
			[]Joint{{Measure: m("M-1", "zeta", "b"), Lead: 0, Partners: []int{0, 1}, Rows: []MeasureRef{{0, 0}}}}},
		{"a row with a cell error is left out",
			[]City{city("a", Measure{ID: "M-1", Partners: []string{"b"}, Invalid: true}), city("b")},
			nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := Dataset{Cities: tc.cities}.JointProjects()
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got\n%+v\nwant\n%+v", got, tc.want)
			}
		})
	}
}
