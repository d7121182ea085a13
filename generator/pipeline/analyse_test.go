package pipeline

import (
	"slices"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/problem"
)

// TestAnalyseLeavesOutInvalidMeasures: a measure row marked Invalid never
// reaches scoring, the comparison or anything after them, and the data set
// given is left as it was (the preview's reader keeps its cities).
func TestAnalyseLeavesOutInvalidMeasures(t *testing.T) {
	ds := model.Dataset{
		Framework: model.Framework{
			Dimensions: []model.Dimension{{ID: "VER", Weight: 1}},
			Indicators: []model.Indicator{{ID: "V1", Dimension: "VER", Weight: 1, Decimals: -1,
				Goalposts: &model.Goalposts{Min: 0, Max: 100}, Normalisation: model.NormGoalposts}},
			Topics:   []model.Topic{{ID: "OZG", Dimension: "VER"}},
			Levels:   []model.Level{{Min: 0}},
			Settings: model.DefaultSettings(),
		},
		Cities: []model.City{
			{Slug: "alpha", KPIs: []model.KPI{{Indicator: "V1", Values: []model.Observation{{Year: 2025, Value: 50}}}},
				Measures: []model.Measure{{ID: "M-01", Topic: "OZG"}, {ID: "M-02", Topic: "OZG", Invalid: true}, {ID: "M-03", Topic: "OZG"}}},
			{Slug: "beta", KPIs: []model.KPI{{Indicator: "V1", Values: []model.Observation{{Year: 2025, Value: 70}}}},
				Measures: []model.Measure{{ID: "M-01", Topic: "OZG", Status: model.Done}}},
			{Slug: "gamma", File: "cities/gamma.xlsx"}, // no values: no index
		},
	}
	got, _, cmp, warnings := analyse(ds, model.Date{Year: 2026, Month: 1, Day: 1})
	ids := func(ms []model.Measure) []string {
		var out []string
		for _, m := range ms {
			out = append(out, m.ID)
		}
		return out
	}
	if g := ids(got.Cities[0].Measures); !slices.Equal(g, []string{"M-01", "M-03"}) {
		t.Errorf("alpha's measures after analyse: %v; want M-01 and M-03", g)
	}
	if g := ids(ds.Cities[0].Measures); !slices.Equal(g, []string{"M-01", "M-02", "M-03"}) {
		t.Errorf("the data set given was changed: alpha's measures %v", g)
	}
	if len(got.Cities) != 3 || &got.Cities[1].Measures[0] != &ds.Cities[1].Measures[0] {
		t.Error("a city without invalid rows should be passed on as it is")
	}
	if n := len(cmp.Matrix[0].Cells[0].Measures); n != 2 {
		t.Errorf("the comparison counts %d measures of alpha in OZG; want 2", n)
	}
	if len(warnings) != 1 || warnings[0].Code != problem.CoverageNoIndex || warnings[0].Pos.File != "cities/gamma.xlsx" || warnings[0].Severity != problem.Warning {
		t.Errorf("warnings = %v; want one about gamma's coverage", warnings)
	}
}
