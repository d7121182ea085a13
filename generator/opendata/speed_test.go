package opendata

import (
	"reflect"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/compare"
	"github.com/digitale-staedte/benchmark/generator/model"
)

// TestSpeedTables: the totals first (all partners, then each topic), then
// each partner's total and topics, with the fastest partners marked; a
// median only where a measure was finished with its dates.
func TestSpeedTables(t *testing.T) {
	sp := compare.Speed{
		Today: model.Date{Year: 2024, Month: 3, Day: 1},
		All:   compare.Delivery{Finished: 3, Median: 4, NoDate: 1, Running: 2, Overdue: 1},
		Topics: []compare.TopicSpeed{
			{Topic: "T1", Delivery: compare.Delivery{Finished: 3, Median: 4, NoDate: 1}, Fastest: []string{"a"}, FastestMonths: 3.5},
			{Topic: "T2", Delivery: compare.Delivery{Running: 2, Overdue: 1}, Fastest: []string{}},
		},
		Cities: []compare.CitySpeed{
			{Slug: "a", Delivery: compare.Delivery{Finished: 2, Median: 3.5, Running: 1, Overdue: 1},
				Topics: []compare.CityTopicSpeed{
					{Topic: "T1", Delivery: compare.Delivery{Finished: 2, Median: 3.5}},
					{Topic: "T2", Delivery: compare.Delivery{Running: 1, Overdue: 1}},
				},
				Late: []compare.Late{{MeasureID: "a3", Topic: "T2", End: model.Date{Year: 2023}, Months: 2}}},
			{Slug: "b", Delivery: compare.Delivery{Finished: 1, Median: 6, NoDate: 1, Running: 1},
				Topics: []compare.CityTopicSpeed{
					{Topic: "T1", Delivery: compare.Delivery{Finished: 1, Median: 6, NoDate: 1}},
					{Topic: "T2", Delivery: compare.Delivery{Running: 1}},
				}},
		},
	}
	tables := speedTables(sp)
	if len(tables) != 2 || tables[0].Name != "delivery_speed" || tables[1].Name != "overdue_measures" {
		t.Fatalf("tables %v", tables)
	}
	const d = "2024-03-01"
	// city, topic, finished, median, no date, year only, running, overdue, no end, fastest, as of
	wantSpeed := [][]Value{
		{"", "", 3, 4.0, 1, 0, 2, 1, 0, nil, d},
		{"", "T1", 3, 4.0, 1, 0, 0, 0, 0, nil, d},
		{"", "T2", 0, nil, 0, 0, 2, 1, 0, nil, d},
		{"a", "", 2, 3.5, 0, 0, 1, 1, 0, nil, d},
		{"a", "T1", 2, 3.5, 0, 0, 0, 0, 0, true, d},
		{"a", "T2", 0, nil, 0, 0, 1, 1, 0, false, d},
		{"b", "", 1, 6.0, 1, 0, 1, 0, 0, nil, d},
		{"b", "T1", 1, 6.0, 1, 0, 0, 0, 0, false, d},
		{"b", "T2", 0, nil, 0, 0, 1, 0, 0, false, d},
	}
	if !reflect.DeepEqual(tables[0].Rows, wantSpeed) {
		t.Errorf("delivery_speed rows\n got %v\nwant %v", tables[0].Rows, wantSpeed)
	}
	wantLate := [][]Value{{"a", "a3", "T2", "2023", 2, d}}
	if !reflect.DeepEqual(tables[1].Rows, wantLate) {
		t.Errorf("overdue_measures rows\n got %v\nwant %v", tables[1].Rows, wantLate)
	}
	for _, tb := range tables {
		for _, r := range tb.Rows {
			if len(r) != len(tb.Fields) {
				t.Errorf("%s: row %v has %d cells for %d fields", tb.Name, r, len(r), len(tb.Fields))
			}
		}
	}
}
