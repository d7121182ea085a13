package compare

import (
	"reflect"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/model"
)

func TestWholeMonths(t *testing.T) {
	d := func(y, m, day int) model.Date { return model.Date{Year: y, Month: m, Day: day} }
	tests := []struct {
		name string
		a, b model.Date
		want int
	}{
		{"end of January to 1 March: February is the one whole month", d(2024, 1, 31), d(2024, 3, 1), 1},
		{"months only: calendar months", d(2024, 1, 0), d(2024, 3, 0), 2},
		{"same day", d(2019, 7, 24), d(2019, 7, 24), 0},
		{"same month", d(2018, 12, 0), d(2018, 12, 0), 0},
		{"day after the start's day: whole months", d(2020, 1, 15), d(2020, 3, 20), 2},
		{"day before the start's day: one less", d(2020, 1, 15), d(2020, 3, 14), 1},
		{"one day across the new year", d(2018, 12, 31), d(2019, 1, 1), 0},
		{"a day known on one side only: days ignored", d(2019, 12, 0), d(2020, 2, 10), 2},
		{"over years", d(2021, 3, 0), d(2022, 3, 0), 12},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := WholeMonths(tt.a, tt.b); got != tt.want {
				t.Errorf("WholeMonths(%s, %s) = %d; want %d", tt.a.ISO(), tt.b.ISO(), got, tt.want)
			}
		})
	}
}

func TestLastDay(t *testing.T) {
	for _, tt := range []struct{ in, want model.Date }{
		{model.Date{Year: 2023}, model.Date{Year: 2023, Month: 12, Day: 31}},
		{model.Date{Year: 2024, Month: 2}, model.Date{Year: 2024, Month: 2, Day: 29}}, // a leap year
		{model.Date{Year: 2023, Month: 2}, model.Date{Year: 2023, Month: 2, Day: 28}},
		{model.Date{Year: 2024, Month: 12}, model.Date{Year: 2024, Month: 12, Day: 31}},
		{model.Date{Year: 2024, Month: 1, Day: 31}, model.Date{Year: 2024, Month: 1, Day: 31}},
	} {
		if got := lastDay(tt.in); got != tt.want {
			t.Errorf("lastDay(%s) = %s; want %s", tt.in.ISO(), got.ISO(), tt.want.ISO())
		}
	}
}

// speedMeasure is a measure with the dates given as ISO text ("" for
// none, "2020", "2020-01", "2020-01-15").
func speedMeasure(id, topic string, s model.Status, start, end string) model.Measure {
	return model.Measure{ID: id, Topic: topic, Status: s, Title: model.Text{De: "Titel " + id}, Start: iso(start), End: iso(end)}
}

func iso(s string) model.Date {
	var d model.Date
	switch len(s) {
	case 10:
		d.Day = int(s[8]-'0')*10 + int(s[9]-'0')
		fallthrough
	case 7:
		d.Month = int(s[5]-'0')*10 + int(s[6]-'0')
		fallthrough
	case 4:
		d.Year = ((int(s[0]-'0')*10+int(s[1]-'0'))*10+int(s[2]-'0'))*10 + int(s[3]-'0')
	}
	return d
}

// TestDeliverySpeed works through a small data set by hand, on the build
// date 2024-03-01. Durations of the done measures in whole months:
//
//	a  T1: a1 2020-01→2020-04 = 3, a2 2020-01-15→2020-06-14 = 4 (the 14th is
//	       before the 15th), a3 2021-03→2022-03 = 12
//	   T2: a4 2019→2020-06 (year only), a5 no start (no date)
//	   TX: a11 2020-01→2020-02 = 1 (not a framework topic: counts for a only)
//	b  T1: b1 2022-01→2022-04 = 3, b2 2022-05→2022-10 = 5
//	   T2: b3 2021-02-10→2021-03-09 = 0
//	   T3: b5 2023-01→2023-03 = 2
//	c  T3: c1 2023-01→2023-07 = 6
//
// Medians: a {1, 3, 4, 12} → 3.5 (even: (3+4)/2); a in T1 {3, 4, 12} → 4
// (odd); b {0, 2, 3, 5} → 2.5; b in T1 {3, 5} → 4, tied with a; all
// {0, 1, 2, 3, 3, 4, 5, 6, 12} → 3; T1 {3, 3, 4, 5, 12} → 4; T3 {2, 6} → 4.
//
// Running measures and their planned ends:
//
//	a6  T1 2024-01-31: overdue, 1 whole month (February)
//	a7  T2 2023: ends 2023-12-31, overdue 2 whole months (January, February)
//	a8  T2 no end: open-ended, neither running with an end nor overdue
//	a12 T2 2024-03: ends 2024-03-31, not overdue yet
//	b4  T2 2024-02-29: overdue since yesterday, 0 whole months
//
// Planned (a9) and stopped (a10) measures take no part.
func TestDeliverySpeed(t *testing.T) {
	ds := model.Dataset{
		Framework: model.Framework{Topics: []model.Topic{{ID: "T1"}, {ID: "T2"}, {ID: "T3"}}},
		Cities: []model.City{
			{Slug: "a", Measures: []model.Measure{
				speedMeasure("a1", "T1", done, "2020-01", "2020-04"),
				speedMeasure("a2", "T1", done, "2020-01-15", "2020-06-14"),
				speedMeasure("a3", "T1", done, "2021-03", "2022-03"),
				speedMeasure("a4", "T2", done, "2019", "2020-06"),
				speedMeasure("a5", "T2", done, "", "2020-05"),
				speedMeasure("a6", "T1", inProgress, "2023-01", "2024-01-31"),
				speedMeasure("a7", "T2", inProgress, "2022", "2023"),
				speedMeasure("a8", "T2", inProgress, "2022", ""),
				speedMeasure("a9", "T1", planned, "2019", "2020"),
				speedMeasure("a10", "T1", stopped, "2019", "2020"),
				speedMeasure("a11", "TX", done, "2020-01", "2020-02"),
				speedMeasure("a12", "T2", inProgress, "2023", "2024-03"),
			}},
			{Slug: "b", Measures: []model.Measure{
				speedMeasure("b1", "T1", done, "2022-01", "2022-04"),
				speedMeasure("b2", "T1", done, "2022-05", "2022-10"),
				speedMeasure("b3", "T2", done, "2021-02-10", "2021-03-09"),
				speedMeasure("b4", "T2", inProgress, "2023", "2024-02-29"),
				speedMeasure("b5", "T3", done, "2023-01", "2023-03"),
			}},
			{Slug: "c", Measures: []model.Measure{
				speedMeasure("c1", "T3", done, "2023-01", "2023-07"),
			}},
			{Slug: "d"},
		},
	}
	got := DeliverySpeed(ds, model.Date{Year: 2024, Month: 3, Day: 1})
	want := Speed{
		Today: model.Date{Year: 2024, Month: 3, Day: 1},
		All:   Delivery{Finished: 9, Median: 3, NoDate: 1, YearOnly: 1, Running: 4, Overdue: 3, NoEnd: 1},
		Cities: []CitySpeed{
			{Slug: "a", Delivery: Delivery{Finished: 4, Median: 3.5, NoDate: 1, YearOnly: 1, Running: 3, Overdue: 2, NoEnd: 1},
				Topics: []CityTopicSpeed{
					{"T1", Delivery{Finished: 3, Median: 4, Running: 1, Overdue: 1}},
					{"T2", Delivery{NoDate: 1, YearOnly: 1, Running: 2, Overdue: 1, NoEnd: 1}},
				},
				Late: []Late{
					{MeasureID: "a7", Title: model.Text{De: "Titel a7"}, Topic: "T2", End: model.Date{Year: 2023}, Months: 2},
					{MeasureID: "a6", Title: model.Text{De: "Titel a6"}, Topic: "T1", End: model.Date{Year: 2024, Month: 1, Day: 31}, Months: 1},
				}},
			{Slug: "b", Delivery: Delivery{Finished: 4, Median: 2.5, Running: 1, Overdue: 1},
				Topics: []CityTopicSpeed{
					{"T1", Delivery{Finished: 2, Median: 4}},
					{"T2", Delivery{Finished: 1, Median: 0, Running: 1, Overdue: 1}},
					{"T3", Delivery{Finished: 1, Median: 2}},
				},
				Late: []Late{{MeasureID: "b4", Title: model.Text{De: "Titel b4"}, Topic: "T2", End: model.Date{Year: 2024, Month: 2, Day: 29}, Months: 0}}},
			{Slug: "c", Delivery: Delivery{Finished: 1, Median: 6},
				Topics: []CityTopicSpeed{{"T3", Delivery{Finished: 1, Median: 6}}}, Late: []Late{}},
			{Slug: "d", Topics: []CityTopicSpeed{}, Late: []Late{}},
		},
		Topics: []TopicSpeed{
			// a and b both take 4 months in the median: both are fastest.
			{Topic: "T1", Delivery: Delivery{Finished: 5, Median: 4, Running: 1, Overdue: 1}, Fastest: []string{"a", "b"}, FastestMonths: 4},
			{Topic: "T2", Delivery: Delivery{Finished: 1, Median: 0, NoDate: 1, YearOnly: 1, Running: 3, Overdue: 2, NoEnd: 1},
				Fastest: []string{"b"}, FastestMonths: 0},
			{Topic: "T3", Delivery: Delivery{Finished: 2, Median: 4}, Fastest: []string{"b"}, FastestMonths: 2},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("DeliverySpeed:\n got %+v\nwant %+v", got, want)
	}
	for _, tt := range []struct {
		name string
		d    Delivery
		want float64
	}{
		{"all", got.All, 0.75},
		{"a", got.Cities[0].Delivery, 2.0 / 3},
		{"b", got.Cities[1].Delivery, 1},
		{"no running measure", got.Cities[3].Delivery, 0},
	} {
		if s := tt.d.OverdueShare(); s != tt.want {
			t.Errorf("%s: OverdueShare() = %v; want %v", tt.name, s, tt.want)
		}
	}
}

// TestDeliverySpeedTopicWithoutDates: a topic whose done measures all lack
// dates has no fastest partner and says how many it could not count.
func TestDeliverySpeedTopicWithoutDates(t *testing.T) {
	ds := model.Dataset{
		Framework: model.Framework{Topics: []model.Topic{{ID: "T1"}}},
		Cities: []model.City{
			{Slug: "a", Measures: []model.Measure{speedMeasure("a1", "T1", done, "", "")}},
			{Slug: "b", Measures: []model.Measure{speedMeasure("b1", "T1", done, "2020", "2021")}},
		},
	}
	got := DeliverySpeed(ds, model.Date{Year: 2024, Month: 3, Day: 1}).Topics[0]
	want := TopicSpeed{Topic: "T1", Delivery: Delivery{NoDate: 1, YearOnly: 1}, Fastest: []string{}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}
