package sitedata

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/model"
)

func scaleRank(i int) *int { return &i }

// word is the cell status written as w.
func word(w string) CellStatus {
	var c CellStatus
	if err := c.UnmarshalText([]byte(w)); err != nil {
		panic(err)
	}
	return c
}

func TestStrategyScaleCountsCitiesByStatus(t *testing.T) {
	cell := func(slug, status string) MatrixCell { return MatrixCell{Slug: slug, Status: word(status)} }
	for _, tc := range []struct {
		name   string
		matrix []MatrixRow
		cities int
		want   []TopicCities
	}{
		{
			name: "four cities",
			matrix: []MatrixRow{
				{Topic: "T1", Dimension: "D1", Cells: []MatrixCell{cell("a", "done"), cell("b", "planned"), cell("c", ""), cell("d", "done")}},
				{Topic: "T2", Dimension: "D1", Cells: []MatrixCell{cell("a", "stopped"), cell("b", ""), cell("c", ""), cell("d", "in_progress")}},
			},
			cities: 4,
			want: []TopicCities{
				{Topic: "T1", Dimension: "D1", Statuses: []StatusCount{{word("done"), 2, 50}, {word("in_progress"), 0, 0}, {word("planned"), 1, 25}, {word("stopped"), 0, 0}, {word(""), 1, 25}}},
				{Topic: "T2", Dimension: "D1", Statuses: []StatusCount{{word("done"), 0, 0}, {word("in_progress"), 1, 25}, {word("planned"), 0, 0}, {word("stopped"), 1, 25}, {word(""), 2, 50}}},
			},
		},
		{
			// 2 of 3 = 66.666… % → 66.7; 1 of 3 → 33.3.
			name:   "thirds round to one decimal",
			matrix: []MatrixRow{{Topic: "T3", Dimension: "D2", Cells: []MatrixCell{cell("a", "done"), cell("b", "done"), cell("c", "")}}},
			cities: 3,
			want:   []TopicCities{{Topic: "T3", Dimension: "D2", Statuses: []StatusCount{{word("done"), 2, 66.7}, {word("in_progress"), 0, 0}, {word("planned"), 0, 0}, {word("stopped"), 0, 0}, {word(""), 1, 33.3}}}},
		},
		{name: "no topics", cities: 3, want: []TopicCities{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := strategyScale(tc.matrix, nil, make([]City, tc.cities))
			if got.Cities != tc.cities {
				t.Errorf("cities = %d, want %d", got.Cities, tc.cities)
			}
			if !reflect.DeepEqual(got.Topics, tc.want) {
				t.Errorf("topics =\n %+v\nwant\n %+v", got.Topics, tc.want)
			}
			for _, tp := range got.Topics {
				sum := 0
				for _, sc := range tp.Statuses {
					sum += sc.Count
				}
				if sum != tc.cities {
					t.Errorf("%s: counts add up to %d, want every city (%d)", tp.Topic, sum, tc.cities)
				}
			}
		})
	}
}

func TestMeasureCountsByTopicAndStatus(t *testing.T) {
	topics := []Topic{{ID: "T1", Dimension: "D1"}, {ID: "T2", Dimension: "D1"}, {ID: "T3", Dimension: "D2"}}
	m := func(topic string, status model.Status) Measure { return Measure{Topic: topic, Status: status} }
	cities := []City{
		{Slug: "a", Measures: []Measure{m("T1", model.Done), m("T1", model.Planned), m("T2", model.Stopped)}},
		{Slug: "b", Measures: []Measure{m("T1", model.Planned)}},
		{Slug: "c", Measures: []Measure{}},
		{Slug: "d", Measures: []Measure{m("T1", model.Done), m("T2", model.InProgress), m("X9", model.Planned)}},
	}
	got := measureCounts(topics, cities)
	want := MeasureCounts{
		Total: 7, Cities: 3, Without: 1, Other: 1,
		ByStatus: Counts{Planned: 3, InProgress: 1, Done: 2, Stopped: 1},
		Topics: []TopicMeasures{
			// T1: a's two, b's one, d's one; three cities.
			{Topic: "T1", Dimension: "D1", ByStatus: Counts{Planned: 2, Done: 2}, Total: 4, Cities: 3},
			{Topic: "T2", Dimension: "D1", ByStatus: Counts{InProgress: 1, Stopped: 1}, Total: 2, Cities: 2},
			{Topic: "T3", Dimension: "D2", Total: 0, Cities: 0},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("measureCounts =\n %+v\nwant\n %+v", got, want)
	}
}

func TestAnalysisScaleKeepsFirstAndLastRanked(t *testing.T) {
	ranking := []RankingRow{
		{Slug: "r1", Name: "Eins", Rank: scaleRank(1), Interval: &RankInterval{Median: 1, Low: 1, High: 2}},
		{Slug: "r2", Name: "Zwei", Rank: scaleRank(2)},
		{Slug: "r3", Name: "Drei", Rank: scaleRank(3)},
		{Slug: "r4", Name: "Vier", Rank: scaleRank(3)},
		{Slug: "r5", Name: "Fünf", Rank: scaleRank(5), Interval: &RankInterval{Median: 5, Low: 4, High: 5}},
		{Slug: "u1", Name: "Ohne"},
		{Slug: "u2", Name: "Ohne auch"},
	}
	ro := []RemoveOne{{Dimension: "D1", Rank: scaleRank(2)}}
	cities := []City{{Slug: "r1", RemoveOne: ro}, {Slug: "r2"}, {Slug: "r3"}, {Slug: "r4"}, {Slug: "r5"}, {Slug: "u1"}, {Slug: "u2"}}
	slugsOf := func(rows []UncertaintyRow) []string {
		out := []string{}
		for _, r := range rows {
			out = append(out, r.Slug)
		}
		return out
	}
	for _, tc := range []struct {
		top               int
		want              []string
		omitted, unranked int
	}{
		{top: 2, want: []string{"r1", "r2", "r4", "r5"}, omitted: 1, unranked: 2},
		{top: 3, want: []string{"r1", "r2", "r3", "r4", "r5"}, omitted: 0, unranked: 2}, // 5 ≤ 2·3: all ranked
		{top: 1, want: []string{"r1", "r5"}, omitted: 3, unranked: 2},
	} {
		got := analysisScale(ranking, cities, tc.top)
		if s := slugsOf(got.Uncertainty); !reflect.DeepEqual(s, tc.want) || got.Omitted != tc.omitted || got.Unranked != tc.unranked || got.Ranked != 5 || got.Top != tc.top {
			t.Errorf("top %d: rows %v, omitted %d, unranked %d, ranked %d; want %v, %d, %d, 5", tc.top, s, got.Omitted, got.Unranked, got.Ranked, tc.want, tc.omitted, tc.unranked)
		}
		first, last := got.Uncertainty[0], got.Uncertainty[len(got.Uncertainty)-1]
		if first.Name != "Eins" || !reflect.DeepEqual(first.RemoveOne, ro) || first.Interval.High != 2 {
			t.Errorf("top %d: first row %+v, want Eins with its interval and ranks without each dimension", tc.top, first)
		}
		if last.RemoveOne == nil || len(last.RemoveOne) != 0 || *last.Rank != 5 || last.Interval.Low != 4 {
			t.Errorf("top %d: last row %+v, want rank 5, interval 4–5 and an empty (not null) remove_one", tc.top, last)
		}
	}
	if got := analysisScale(nil, nil, 10); len(got.Uncertainty) != 0 || got.Uncertainty == nil {
		t.Errorf("no cities: %+v, want an empty list", got)
	}
}

func TestAddScaleOnlyAboveTheListLimit(t *testing.T) {
	s := Site{Lists: Lists{Full: true, Top: 10}}
	addScale(&s)
	if s.Strategies.Scale != nil || s.Analysis.Scale != nil {
		t.Error("with full lists the scale data should stay nil (the site document unchanged)")
	}
	s.Lists.Full = false
	addScale(&s)
	if s.Strategies.Scale == nil || s.Analysis.Scale == nil || s.Analysis.Scale.Top != 10 {
		t.Errorf("above the limit: strategies %v, analysis %v; want both filled", s.Strategies.Scale, s.Analysis.Scale)
	}
}

// TestCountsEveryStatus: each status is counted in a field of its own.
func TestCountsEveryStatus(t *testing.T) {
	seen := map[Counts]model.Status{}
	for _, s := range model.Statuses() {
		var c Counts
		c.add(s)
		if other, ok := seen[c]; ok {
			t.Errorf("%v is counted as %v", s, other)
		}
		seen[c] = s
	}
}

// TestCellStatusJSON: a cell's status is written as its word, "" without a
// measure, and reads back.
func TestCellStatusJSON(t *testing.T) {
	for _, tc := range []struct {
		cell CellStatus
		want string
	}{
		{CellStatus{}, `""`},
		{CellStatus{model.Planned, true}, `"planned"`},
		{CellStatus{model.InProgress, true}, `"in_progress"`},
		{CellStatus{model.Done, true}, `"done"`},
		{CellStatus{model.Stopped, true}, `"stopped"`},
	} {
		b, err := json.Marshal(tc.cell)
		if err != nil || string(b) != tc.want {
			t.Errorf("%+v: %s (%v), want %s", tc.cell, b, err, tc.want)
		}
		var back CellStatus
		if err := json.Unmarshal(b, &back); err != nil || back != tc.cell {
			t.Errorf("%s reads back as %+v (%v)", b, back, err)
		}
	}
}
