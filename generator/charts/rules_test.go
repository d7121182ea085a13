package charts

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/model"
)

// TestShownYears: empty years at either end go, a gap between stays, and
// with no value at all every year is shown.
func TestShownYears(t *testing.T) {
	years := []int{2019, 2020, 2021, 2022, 2023, 2024, 2025}
	for _, tc := range []struct {
		name string
		with []int
		want []int
	}{
		{"empty ends", []int{2021, 2022, 2024}, []int{2021, 2022, 2023, 2024}},
		{"one year", []int{2023}, []int{2023}},
		{"all", years, years},
		{"first and last", []int{2019, 2025}, years},
		{"none", nil, years},
	} {
		has := map[int]bool{}
		for _, y := range tc.with {
			has[y] = true
		}
		if got := shownYears(years, func(y int) bool { return has[y] }); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestValueAxis: a rank runs from 1 at the top downwards, named once;
// counts and whole values get whole ticks; other values keep ECharts'
// ticks; the axis is named by the unit, or by the indicator without one.
func TestValueAxis(t *testing.T) {
	type axis struct {
		Name         string  `json:"name"`
		NameLocation string  `json:"nameLocation"`
		Inverse      bool    `json:"inverse"`
		Min          any     `json:"min"`
		MinInterval  float64 `json:"minInterval"`
		Scale        bool    `json:"scale"`
	}
	for _, tc := range []struct {
		name string
		unit model.Text
		vals []float64
		want axis
	}{
		{"rank", model.Text{De: "Rang", En: "rank"}, []float64{1, 8, 29}, axis{Name: "rank", NameLocation: "start", Inverse: true, Min: 1.0, MinInterval: 1}},
		{"rank in English", model.Text{En: "Rank"}, []float64{3}, axis{Name: "Rank", NameLocation: "start", Inverse: true, Min: 1.0, MinInterval: 1}},
		{"count with decimals", model.Text{De: "Anzahl", En: "count"}, []float64{2.5, 3}, axis{Name: "count", MinInterval: 1, Scale: true}},
		{"whole values", model.Text{De: "%"}, []float64{40, 55}, axis{Name: "%", MinInterval: 1, Scale: true}},
		{"decimals", model.Text{De: "je 10.000 Einw."}, []float64{2.4, 5.6}, axis{Name: "je 10.000 Einw.", Scale: true}},
		{"no values", model.Text{De: "Tage"}, nil, axis{Name: "Tage", Scale: true}},
		{"no unit", model.Text{}, []float64{2.5}, axis{Name: "Hotspots", Scale: true}},
	} {
		b, err := json.Marshal(valueAxis("Hotspots", tc.unit, name(tc.unit, testLang(t, "en")), tc.vals))
		if err != nil {
			t.Fatal(err)
		}
		var got axis
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %s\nwant %+v", tc.name, b, tc.want)
		}
	}
}

// TestMapBounds, worked by hand at 60° north, where a degree of longitude
// is half one of latitude: points 10–11° E, 59–61° N; margins 1° (a
// quarter of the extent is less); 9–12° E is 1.5 on the ground against 4
// from 58° to 62° N, so the box grows in longitude to 8° (2.5° each side):
// 6.5–14.5° E.
func TestMapBounds(t *testing.T) {
	points := [][2]float64{{10, 59}, {11, 61}, {10.5, 60}}
	for _, tc := range []struct {
		name    string
		points  [][2]float64
		outline [4]float64
		want    *[2][2]float64
	}{
		{"partners with a margin, square", points, [4]float64{0, 50, 30, 70}, &[2][2]float64{{6.5, 62}, {14.5, 58}}},
		{"no wider than the outline", points, [4]float64{8, 58.5, 13, 61.5}, &[2][2]float64{{8, 61.5}, {13, 58.5}}},
		{"wide in longitude: grows in latitude", [][2]float64{{0, 59}, {20, 61}}, [4]float64{-10, 40, 40, 80},
			// margins 5° and 1°: −5–25° E (15 on the ground), 58–62° N → 52.5–67.5° N.
			&[2][2]float64{{-5, 67.5}, {25, 52.5}}},
		{"no points", nil, [4]float64{0, 50, 30, 70}, nil},
		{"points off the outline", [][2]float64{{100, 10}}, [4]float64{0, 50, 30, 70}, nil},
	} {
		got := mapBounds(tc.points, tc.outline)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestWrapWords(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Innovation & Smart City", "Innovation &\nSmart City"},
		{"Online-Services", "Online-\nServices"},
		{"Digitale Verwaltung", "Digitale\nVerwaltung"},
		{"IT & Infrastruktur", "IT &\nInfrastruktur"},
		{"Daten", "Daten"},
		{"Ratsinformationssystem", "Ratsinformationssystem"},
		{"", ""},
	} {
		if got := wrapWords(tc.in, 12); got != tc.want {
			t.Errorf("wrapWords(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
