package pipeline

import (
	"reflect"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/hugo"
	"github.com/digitale-staedte/benchmark/generator/model"
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
		want []sitedata.KPIGroup
	}{
		{"none", city(), []sitedata.KPIGroup{}},
		{"in the city's order, dimensions without KPIs left out", city("a2", "c1", "a1"),
			[]sitedata.KPIGroup{{Dimension: 0, KPIs: []int{0, 2}}, {Dimension: 2, KPIs: []int{1}}}},
		{"a KPI in no dimension is left out", city("x", "b1"), []sitedata.KPIGroup{{Dimension: 1, KPIs: []int{1}}}},
	}
	for _, tt := range tests {
		if got := sitedata.CityKPIGroups(tt.city, dims); !reflect.DeepEqual(got, tt.want) {
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
	got := sitedata.CityYears(c, []int{2022, 2023, 2024})
	want := []*sitedata.YearRow{{Coverage: 10, RankOf: 3}, nil, {Index: f(50), Coverage: 80, Rank: n(2), RankOf: 3, Level: n(1)}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

// TestCityText: the numbers of a city page as the theme's fmt partials
// would write them, by hand, with the project's two locales.
func TestCityText(t *testing.T) {
	locales, err := hugo.Locales("../../site")
	if err != nil {
		t.Fatal(err)
	}
	f := func(v float64) *float64 { return &v }
	n := func(v int) *int { return &v }
	s := sitedata.Site{
		Years:      []int{2023, 2024},
		Settings:   sitedata.Settings{Decimals: 1},
		Dimensions: []sitedata.Dimension{{ID: "A", Indicators: []string{"a1"}}, {ID: "B"}},
		// The median of all partners is the methodology page's; the city
		// is compared with the other partners' (its profile's medians).
		Analysis: sitedata.Analysis{Peers: sitedata.PeerStats{Index: sitedata.Spread{Median: f(99)},
			Dimensions: []sitedata.Spread{{ID: "A", Median: f(99)}, {ID: "B", Median: f(99)}}}},
		Strategies: sitedata.Strategies{Leaders: []sitedata.Leader{
			{Dimension: "A", Cities: []string{"c"}, Score: f(50)}, // this city leads: no row
			{Dimension: "B", Cities: []string{"x", "y"}, Score: f(1234.5)},
			{Dimension: "C"}, // nobody leads: no row
		}},
	}
	c := sitedata.City{Slug: "c",
		Reference: sitedata.YearScore{Year: 2024, Index: f(45.25), Coverage: 80, Rank: n(2), ToNext: f(4.75),
			Change:     &sitedata.Change{PrevYear: 2023, Index: f(-2)},
			Dimensions: []sitedata.ScoreByDim{{ID: "A", Score: f(50), Coverage: 100, Rank: n(1)}}},
		Scores: []sitedata.YearScore{{Year: 2024, Index: f(45.25), Coverage: 80}},
		KPIs: []sitedata.KPI{{Indicator: "a1", Note: "n", Illustrative: true, ByYear: []*float64{nil, f(1234.5)},
			Latest: &sitedata.Observation{Year: 2024, Value: 1234.5, Score: f(45.25), Rank: n(3), Clamped: true}}},
		Profile: sitedata.Profile{IndexMedian: f(40), DimensionMedians: []*float64{nil, f(30.25)},
			Strengths: []sitedata.Gap{{ID: "a1", Score: 60, Median: 50, Diff: 10}}, Weaknesses: []sitedata.Gap{}},
		Measures: []sitedata.Measure{
			{Title: model.Text{De: "Nur deutsch"}, Budget: f(1500000), Description: model.Text{De: "Beide", En: "Both"}},
			{Title: model.Text{De: "Portal", En: "Portal (en)"}, Description: model.Text{De: "Nur deutsch"}},
		},
	}
	inds := map[string]sitedata.Indicator{"a1": {ID: "a1", Unit: model.Text{De: "je Einw."}, Decimals: 1, Source: "Amt"}} // the KPI names no source
	formats := map[string]sitedata.NumberFormat{}
	for lang, loc := range locales {
		formats[lang] = sitedata.NumberFormat(loc)
	}
	got := sitedata.CityTexts(c, s, inds, formats)
	want := map[string]sitedata.CityText{
		"de": {KPIGroups: []sitedata.KPITextGroup{{Dimension: 0, KPIs: []sitedata.KPIText{{Indicator: "a1", Illustrative: true, Unit: "je Einw.",
			Decimals: 1, Latest: "1.234,5", Year: 2024, Score: "45,3", Clamped: true, Rank: "3", Source: "Amt", Note: "n"}}}},
			Summary: sitedata.SummaryText{Index: "45,3", Change: "−2,0", ToNext: "4,8", Coverage: "80,0\u00a0%"},
			Dimensions: []sitedata.DimensionText{
				{Score: "45,3", ScoreBar: f(45.25), Rank: "2", Median: "40,0", MedianBar: f(40), Coverage: "80,0\u00a0%"},
				{Score: "50,0", ScoreBar: f(50), Rank: "1", Coverage: "100,0\u00a0%"},
				{Median: "30,3", MedianBar: f(30.25)},
			},
			Years:      []sitedata.YearText{{}, {Index: "45,3", Coverage: "80,0\u00a0%"}},
			Strengths:  []sitedata.GapText{{Score: "60,0", Median: "50,0", Diff: "+10,0"}},
			Weaknesses: []sitedata.GapText{},
			Leaders:    []sitedata.LeaderText{{Leader: 1, Score: "1.234,5"}},
			Measures: []sitedata.MeasureText{{Title: "Nur deutsch", Description: "Beide", Budget: "1.500.000\u00a0€"},
				{Title: "Portal", Description: "Nur deutsch"}},
		},
		// No English unit: the German one, marked as German.
		"en": {KPIGroups: []sitedata.KPITextGroup{{Dimension: 0, KPIs: []sitedata.KPIText{{Indicator: "a1", Illustrative: true, Unit: "je Einw.", UnitLang: "de",
			Decimals: 1, Latest: "1,234.5", Year: 2024, Score: "45.3", Clamped: true, Rank: "3", Source: "Amt", Note: "n"}}}},
			Summary: sitedata.SummaryText{Index: "45.3", Change: "−2.0", ToNext: "4.8", Coverage: "80.0%"},
			Dimensions: []sitedata.DimensionText{
				{Score: "45.3", ScoreBar: f(45.25), Rank: "2", Median: "40.0", MedianBar: f(40), Coverage: "80.0%"},
				{Score: "50.0", ScoreBar: f(50), Rank: "1", Coverage: "100.0%"},
				{Median: "30.3", MedianBar: f(30.25)},
			},
			Years:      []sitedata.YearText{{}, {Index: "45.3", Coverage: "80.0%"}},
			Strengths:  []sitedata.GapText{{Score: "60.0", Median: "50.0", Diff: "+10.0"}},
			Weaknesses: []sitedata.GapText{},
			Leaders:    []sitedata.LeaderText{{Leader: 1, Score: "1,234.5"}},
			Measures: []sitedata.MeasureText{{Title: "Nur deutsch", TitleLang: "de", Description: "Both", Budget: "€1,500,000"},
				{Title: "Portal (en)", Description: "Nur deutsch", DescriptionLang: "de"}},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}
