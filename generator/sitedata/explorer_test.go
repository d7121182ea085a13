package sitedata_test

import (
	"bytes"
	"encoding/json"
	"math"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/compare"
	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/score"
	"github.com/digitale-staedte/benchmark/generator/sitedata"
	"github.com/digitale-staedte/benchmark/generator/workbook"
	wt "github.com/digitale-staedte/benchmark/generator/workbook/workbooktest"
)

// compareData builds the compare data of a data folder, failing on any
// problem in it.
func compareData(t *testing.T, dir string) (model.Dataset, score.Result, sitedata.Compare) {
	t.Helper()
	ds, probs := workbook.ReadDataset(dir)
	if probs.Errors() != 0 {
		t.Fatalf("fixture has problems:\n%s", probs.Text("en"))
	}
	res := score.Compute(ds)
	return ds, res, sitedata.BuildCompare(ds, res, compare.Build(ds, res))
}

func f(v float64) *float64 { return &v }
func n(v int) *int         { return &v }

// TestCompareData checks the exported numbers by hand. The fixture's 2023
// values (alpha k=1, beta k=2):
//
//	V1 goalposts 0..100: alpha 30, beta 60        → 30, 60
//	V2 lower, min–max:   alpha 30, beta 15        → 0, 100
//	D1, D2 min–max:      alpha 12/6, beta 24/12   → 0, 100
//	VER = mean(V1, V2):  alpha 15, beta 80
//	DAT = (3·D1 + D2)/4: alpha 0,  beta 100
//	index (VER 2, DAT 1), arithmetic: alpha 30/3 = 10, beta 260/3 = 86.666…
//	geometric: alpha 0 (zero rule), beta (80²·100)^(1/3) = 86.177…
//
// Clearing alpha's D1 and D2 leaves beta alone on them: min–max needs two
// cities, so DAT is unavailable for both (null, never 0) and the index is
// VER alone (coverage 2/3 ≥ 50 %).
func TestCompareData(t *testing.T) {
	for _, tc := range []struct {
		name      string
		edit      func(t *testing.T, dir string)
		dims      map[string][]*float64
		index     map[string]*float64 // the published (rounded) index
		rank      map[string]*int
		anchor    bool // the entries carry the generator's index ("i")
		aggregate string
	}{
		{
			name:      "arithmetic",
			edit:      func(*testing.T, string) {},
			dims:      map[string][]*float64{"alpha": {f(15), f(0)}, "beta": {f(80), f(100)}},
			index:     map[string]*float64{"alpha": f(10), "beta": f(86.7)},
			rank:      map[string]*int{"alpha": n(2), "beta": n(1)},
			aggregate: "arithmetic",
		},
		{
			name: "geometric",
			edit: func(t *testing.T, dir string) {
				wt.SetCells(t, filepath.Join(dir, "framework.xlsx"), "Einstellungen", wt.Cells{"A4": "Aggregation Index", "B4": "geometrisch"})
			},
			dims:      map[string][]*float64{"alpha": {f(15), f(0)}, "beta": {f(80), f(100)}},
			index:     map[string]*float64{"alpha": f(0), "beta": f(86.2)},
			rank:      map[string]*int{"alpha": n(2), "beta": n(1)},
			anchor:    true,
			aggregate: "geometric",
		},
		{
			name: "dimension missing",
			edit: func(t *testing.T, dir string) {
				wt.SetCells(t, filepath.Join(dir, "partners", "alpha.xlsx"), "Kennzahlen", wt.Cells{"C4": nil, "C5": nil})
			},
			dims:      map[string][]*float64{"alpha": {f(15), nil}, "beta": {f(80), nil}},
			index:     map[string]*float64{"alpha": f(15), "beta": f(80)},
			rank:      map[string]*int{"alpha": n(2), "beta": n(1)},
			aggregate: "arithmetic",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := wt.Dataset(t, t.TempDir())
			tc.edit(t, dir)
			_, res, c := compareData(t, dir)
			ix := c.Index
			if ix.Format != sitedata.CompareFormat || ix.ReferenceYear != 2023 {
				t.Errorf("format %d, reference year %d; want %d, 2023", ix.Format, ix.ReferenceYear, sitedata.CompareFormat)
			}
			wantMethod := sitedata.CompareMethod{IndexAggregation: tc.aggregate, IndexMinCoverage: 0.5,
				CoverageTolerance: 1e-9, Decimals: 1, Scale: 100}
			if ix.Method != wantMethod {
				t.Errorf("method %+v, want %+v", ix.Method, wantMethod)
			}
			var weights []float64
			for _, d := range ix.Dimensions {
				weights = append(weights, d.Weight)
			}
			if !reflect.DeepEqual(weights, []float64{2, 1}) || ix.Dimensions[0].ID != "VER" {
				t.Errorf("dimensions %+v, want VER (2), DAT (1)", ix.Dimensions)
			}
			if len(ix.Levels) != 3 || ix.Levels[1].Min != 50 || ix.Levels[2].Name.En != "Leader" {
				t.Errorf("levels %+v", ix.Levels)
			}
			ri := 0
			for i, y := range res.Years {
				if y == res.ReferenceYear {
					ri = i
				}
			}
			for i, e := range ix.Entries {
				if !reflect.DeepEqual(e.Dims, tc.dims[e.Slug]) {
					t.Errorf("%s: dimension scores %v, want %v", e.Slug, deref(e.Dims), deref(tc.dims[e.Slug]))
				}
				idx := res.Cities[i].Years[ri].Index
				switch {
				case !tc.anchor && e.Index != nil:
					t.Errorf("%s: index anchor %v under the %s mean", e.Slug, *e.Index, tc.aggregate)
				case tc.anchor && (e.Index == nil || math.Float64bits(*e.Index) != math.Float64bits(idx.V)):
					t.Errorf("%s: index anchor %v, want the engine's %v", e.Slug, e.Index, idx.V)
				}
				city := c.Cities[i]
				if city.Slug != e.Slug || !reflect.DeepEqual(city.Index, tc.index[e.Slug]) || !reflect.DeepEqual(city.Rank, tc.rank[e.Slug]) || city.RankOf != 2 {
					t.Errorf("%s: city file %s index %v rank %v of %d, want index %v rank %v of 2",
						e.Slug, city.Slug, deref([]*float64{city.Index}), city.Rank, city.RankOf,
						deref([]*float64{tc.index[e.Slug]}), tc.rank[e.Slug])
				}
			}
		})
	}
}

// TestCompareCityFile checks one city file by hand: beta (k=2) in 2023.
func TestCompareCityFile(t *testing.T) {
	_, _, c := compareData(t, wt.Dataset(t, t.TempDir()))
	beta := c.Cities[1]
	if beta.Slug != "beta" || beta.Name != "Beta" || beta.Year != 2023 || beta.Population != 200000 || !beta.Illustrative {
		t.Errorf("beta: %+v", beta)
	}
	if beta.Level == nil || *beta.Level != 2 {
		t.Errorf("beta's level %v, want 2 (Vorreiter, from 80)", beta.Level)
	}
	wantValues := []sitedata.CompareValue{
		{ID: "V1", Value: f(60), Score: f(60), Rank: n(1), Illustrative: true},
		{ID: "V2", Value: f(15), Score: f(100), Rank: n(1)},
		{ID: "D1", Value: f(24), Score: f(100), Rank: n(1)},
		{ID: "D2", Value: f(12), Score: f(100), Rank: n(1)},
	}
	if !reflect.DeepEqual(beta.Indicators, wantValues) {
		t.Errorf("indicators:\n got %s\nwant %s", js(t, beta.Indicators), js(t, wantValues))
	}
	wantTopics := []sitedata.CompareTopic{
		{Topic: "E-AKTE", Status: sitedata.CellStatus{Status: model.InProgress, Has: true}, Measures: 1},
		{Topic: "OZG", Measures: 0},
		{Topic: "OPEN", Status: sitedata.CellStatus{Status: model.Done, Has: true}, Measures: 1},
	}
	if !reflect.DeepEqual(beta.Topics, wantTopics) {
		t.Errorf("topics %+v, want %+v", beta.Topics, wantTopics)
	}
	wantCov := []sitedata.TopicCoverage{
		{Dimension: "VER", Topics: 2, Covered: 1, SharePct: 50},
		{Dimension: "DAT", Topics: 1, Covered: 1, SharePct: 100},
	}
	if !reflect.DeepEqual(beta.Coverages, wantCov) {
		t.Errorf("topic coverage %+v, want %+v", beta.Coverages, wantCov)
	}
}

// TestCompareCityYears: the city file carries every reported value by
// year, for the city page's table of every year: aligned with the site's
// years, null where a year has no value, indicators the city does not
// report left out.
func TestCompareCityYears(t *testing.T) {
	dir := t.TempDir()
	wt.Write(t, filepath.Join(dir, "framework.xlsx"), wt.Framework()...)
	wt.Write(t, filepath.Join(dir, "partners", "alpha.xlsx"), wt.City("Alpha", 1)...)
	beta := wt.City("Beta", 2)
	kpis := beta[1].Rows
	kpis[1][1] = nil        // V1 2022: empty
	beta[1].Rows = kpis[:4] // no D2 row
	wt.Write(t, filepath.Join(dir, "partners", "beta.xlsx"), beta...)
	_, _, c := compareData(t, dir)
	got := c.Cities[1]
	want := []sitedata.CompareSeries{
		{ID: "V1", Values: []*float64{nil, f(60)}},
		{ID: "V2", Values: []*float64{f(20), f(15)}},
		{ID: "D1", Values: []*float64{f(20), f(24)}},
	}
	if got.Slug != "beta" || !reflect.DeepEqual(got.Years, []int{2022, 2023}) || !reflect.DeepEqual(got.ByYear, want) {
		t.Errorf("%s: years %v, by year %s; want [2022 2023], %s", got.Slug, got.Years, js(t, got.ByYear), js(t, want))
	}
}

// TestCompareFiles: one index and one file per city; the unrounded scores
// survive JSON bit for bit (a third is the classic case where a rounded
// encoding would lose the last bits); two encodings are byte-identical.
func TestCompareFiles(t *testing.T) {
	dir := wt.Dataset(t, t.TempDir())
	// Beta's V1 of 2023 at 62 makes beta's VER (62 + 100)/2 = 81 and its
	// index (2·81 + 100)/3 = 87.333…: not a short decimal.
	wt.SetCells(t, filepath.Join(dir, "partners", "beta.xlsx"), "Kennzahlen", wt.Cells{"C2": 62})
	_, res, c := compareData(t, dir)
	files, err := c.Files()
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range files {
		paths = append(paths, f.Path)
	}
	want := []string{"data/compare/index.json", "data/compare/cities/alpha.json", "data/compare/cities/beta.json"}
	if !reflect.DeepEqual(paths, want) {
		t.Fatalf("paths %q, want %q", paths, want)
	}
	var back struct {
		Cities []struct {
			Slug string     `json:"slug"`
			D    []*float64 `json:"d"`
		} `json:"cities"`
	}
	if err := json.Unmarshal(files[0].Data, &back); err != nil {
		t.Fatal(err)
	}
	ri := len(res.Years) - 1
	for i, city := range back.Cities {
		for d, v := range city.D {
			s := res.Cities[i].Years[ri].Dimensions[d].Score
			if v == nil || math.Float64bits(*v) != math.Float64bits(s.V) {
				t.Errorf("%s dimension %d: %v read back, engine %v", city.Slug, d, deref([]*float64{v}), s.V)
			}
		}
	}
	if idx := res.Cities[1].Years[ri].Index.V; idx != 262.0/3 {
		t.Errorf("beta's index %v, want 262/3", idx)
	}
	again, _ := c.Files()
	for i := range files {
		if !bytes.Equal(files[i].Data, again[i].Data) {
			t.Errorf("%s differs between two encodings", files[i].Path)
		}
	}
}

// TestCompareDataText: markup in a city name stays JSON text.
func TestCompareDataText(t *testing.T) {
	dir := wt.Dataset(t, t.TempDir())
	wt.Write(t, filepath.Join(dir, "partners", "alpha.xlsx"), wt.City("</script><b>x</b>", 1)...)
	_, _, c := compareData(t, dir)
	files, err := c.Files()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if bytes.ContainsAny(f.Data, "<>") {
			t.Errorf("%s holds raw markup: %.120s", f.Path, f.Data)
		}
	}
}

func deref(xs []*float64) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		if x != nil {
			out[i] = *x
		}
	}
	return out
}

func js(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
