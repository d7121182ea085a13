package workbook

import (
	"path/filepath"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/problem"
	wt "github.com/digitale-staedte/benchmark/generator/workbook/workbooktest"
)

// partnerSheets is a partner workbook with a kind row and, if kpis, the
// KPI sheet of wt.City.
func partnerSheets(kind any, kpis bool) []wt.Sheet {
	city := wt.City("Stadtwerke Alpha", 1)
	city[0].Rows = append(city[0].Rows, []any{"Art", kind, nil}) // row 7
	if !kpis {
		return []wt.Sheet{city[0], city[2]}
	}
	return city
}

// TestReadPartnerKind: the kind row takes German and English words; a
// partner that is not a municipality needs no KPI sheet, and KPIs it
// gives anyway are left out with a warning at the sheet, never scored.
func TestReadPartnerKind(t *testing.T) {
	cases := []struct {
		name  string
		kind  any
		kpis  bool
		want  model.PartnerKind
		codes []problem.Code
		nKPIs int
	}{
		{"empty is a municipality", nil, true, model.Municipality, nil, 4},
		{"Kommune", "Kommune", true, model.Municipality, nil, 4},
		{"Stadtwerke, no KPI sheet", "Stadtwerke", false, model.MunicipalCompany, nil, 0},
		{"English word", "university", false, model.University, nil, 0},
		{"Land", "Freistaat", false, model.StateGovernment, nil, 0},
		{"KPIs of a non-municipal partner", "kommunales Unternehmen", true, model.MunicipalCompany, []problem.Code{problem.KPIsNotScored}, 0},
		{"unknown kind", "Firma GmbH", true, model.Municipality, []problem.Code{problem.PartnerKind}, 4},
		{"municipality without KPI sheet", "Kommune", false, model.Municipality, []problem.Code{problem.SheetMissing}, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "alpha.xlsx")
			wt.Write(t, path, partnerSheets(tc.kind, tc.kpis)...)
			var probs problem.List
			c := ReadCity(path, &probs)
			if c.Kind != tc.want || len(c.KPIs) != tc.nKPIs {
				t.Errorf("kind %v with %d KPIs; want %v with %d", c.Kind, len(c.KPIs), tc.want, tc.nKPIs)
			}
			if len(probs) != len(tc.codes) {
				t.Fatalf("problems:\n%s\nwant codes %v", probs.Text("en"), tc.codes)
			}
			for i, p := range probs {
				if p.Code != tc.codes[i] {
					t.Errorf("problem %d is %s (%s); want %s", i, p.Code, p.Message("en"), tc.codes[i])
				}
				if p.Code == problem.PartnerKind && p.Pos.String() != path+": Stadt!B7" {
					t.Errorf("unknown kind reported at %s; want the value cell B7", p.Pos)
				}
			}
		})
	}
}
