package charts

import (
	"reflect"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/sitedata"
)

func months1(v float64) *float64 { return &v }

// speedSite has three topics: T1 with a median of 4 months, T2 with
// t2Median, T3 with no finished measure (not drawn).
func speedSite(t2Median float64) sitedata.Site {
	return sitedata.Site{
		Settings: sitedata.Settings{Decimals: 1, Scale: 100},
		Topics: []sitedata.Topic{
			{ID: "T1", Name: model.Text{De: "E-Akte", En: "E-file"}},
			{ID: "T2", Name: model.Text{De: "Offene Daten", En: "Open data"}},
			{ID: "T3", Name: model.Text{De: "KI", En: "AI"}},
		},
		Strategies: sitedata.Strategies{Speed: sitedata.Speed{
			All: sitedata.Delivery{Finished: 5, Median: months1(4), NoDate: 1, YearOnly: 1, Running: 4, Overdue: 3},
			Topics: []sitedata.TopicSpeed{
				{Topic: "T1", Delivery: sitedata.Delivery{Finished: 3, Median: months1(4)}},
				{Topic: "T2", Delivery: sitedata.Delivery{Finished: 2, Median: months1(t2Median)}},
				{Topic: "T3", Delivery: sitedata.Delivery{Running: 1}},
			},
		}},
	}
}

// TestSpeedChart: the strategy page's chart draws a bar per topic with a
// median, its table rows are those bars, and its summary names the median
// of all partners, the shortest topics (all tied ones), the overdue share
// and what was not counted.
func TestSpeedChart(t *testing.T) {
	tests := []struct {
		name     string
		t2Median float64
		lang     string
		summary  string
		rows     [][]any
	}{
		{"one shortest topic", 2.5, "de",
			"Abgeschlossene Maßnahmen dauerten im Median 4,0 Monate von Beginn bis Ende (5 mit Beginn und Ende auf den Monat genau), am kürzesten in Offene Daten (2,5 Monate); 3 von 4 laufenden Maßnahmen mit geplantem Ende sind überfällig; 2 abgeschlossene ohne Datum oder nur mit Jahr zählen nicht mit.",
			[][]any{{"E-Akte", 4.0}, {"Offene Daten", 2.5}}},
		{"tied shortest topics", 4, "en",
			"Done measures took a median of 4.0 months from start to end (5 with start and end known to the month), the shortest in E-file and Open data (4.0 months); 3 of 4 running measures with a planned end are overdue; 2 done ones without dates or with a year only are not counted.",
			[][]any{{"E-file", 4.0}, {"Open data", 4.0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := speed(speedSite(tt.t2Median), testLang(t, tt.lang))
			if err != nil {
				t.Fatal(err)
			}
			if c.Summary != tt.summary {
				t.Errorf("summary\n got %q\nwant %q", c.Summary, tt.summary)
			}
			if !reflect.DeepEqual(c.Data.Rows, tt.rows) {
				t.Errorf("rows %v; want %v", c.Data.Rows, tt.rows)
			}
			if c.Kind != "bar" || c.Decimals != 1 {
				t.Errorf("kind %q, decimals %d; want bar, 1", c.Kind, c.Decimals)
			}
		})
	}
}

// TestCitySpeedChart: a city's chart sets its median beside all
// partners' in each topic where it finished a measure with dates.
func TestCitySpeedChart(t *testing.T) {
	s := speedSite(2.5)
	tests := []struct {
		name    string
		speed   sitedata.CitySpeed
		lang    string
		summary string
		rows    [][]any
	}{
		{"finished measures, nothing running",
			sitedata.CitySpeed{Delivery: sitedata.Delivery{Finished: 2, Median: months1(3.5)},
				Topics: []sitedata.CityTopicSpeed{
					{Topic: "T1", Delivery: sitedata.Delivery{Finished: 2, Median: months1(3.5)}, PartnersMedian: months1(4)},
					{Topic: "T3", Delivery: sitedata.Delivery{Running: 1}},
				}},
			"en",
			"Alpha finished 2 measures with start and end known to the month, taking a median of 3.5 months (all partners: 4.0 months).",
			[][]any{{"E-file", 3.5, 4.0}}},
		{"nothing finished with dates, one overdue",
			sitedata.CitySpeed{Delivery: sitedata.Delivery{YearOnly: 1, Running: 2, Overdue: 1},
				Topics: []sitedata.CityTopicSpeed{{Topic: "T3", Delivery: sitedata.Delivery{YearOnly: 1, Running: 2, Overdue: 1}}}},
			"de",
			"Alpha hat keine abgeschlossene Maßnahme mit Beginn und Ende auf den Monat genau; 1 von 2 laufenden Maßnahmen mit geplantem Ende sind überfällig; 1 abgeschlossene ohne Datum oder nur mit Jahr zählen nicht mit.",
			[][]any{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := citySpeed(s, sitedata.City{Slug: "alpha", Name: "Alpha", Speed: tt.speed}, testLang(t, tt.lang))
			if err != nil {
				t.Fatal(err)
			}
			if c.Summary != tt.summary {
				t.Errorf("summary\n got %q\nwant %q", c.Summary, tt.summary)
			}
			if !reflect.DeepEqual(c.Data.Rows, tt.rows) {
				t.Errorf("rows %v; want %v", c.Data.Rows, tt.rows)
			}
		})
	}
}
