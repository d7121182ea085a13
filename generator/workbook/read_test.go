package workbook

import (
	"path/filepath"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/problem"
	wt "github.com/digitale-staedte/benchmark/generator/workbook/workbooktest"
	"github.com/xuri/excelize/v2"
)

// TestReadCityEnglishShuffledSparse reads a city workbook with English
// sheet names, bilingual headers in a different order, blank rows, numbers
// as German text and dates in several forms.
func TestReadCityEnglishShuffledSparse(t *testing.T) {
	path := filepath.Join(t.TempDir(), "neustadt.xlsx")
	wt.Write(t, path,
		wt.Sheet{Name: "Notizen", Rows: [][]any{{"anything goes here"}}},
		wt.Sheet{Name: "KPIs", Rows: [][]any{
			nil, // a blank row above the header
			{"Note", 2021, "Source / Quelle", "Indicator", 2020},
			{"", "1.234,5", "Beispielwert, illustrativ", "A1", 1200},
			nil,
			{"geschätzt", "12,5 %", "Amt", "A2", nil},
		}},
		wt.Sheet{Name: "City", Rows: [][]any{
			{"Value / Wert", "Field / Feld"},
			{"Neustadt", "Name"},
			{"2019-07-24", "Adopted"},
			{"48,37", "Latitude"},
		}},
		wt.Sheet{Name: "Measures", Rows: [][]any{
			{"Topic", "ID", "Title (en)", "Title", "Status", "Start", "End"},
			{"T1", "M1", "E-file", "E-Akte", "Done", 43670, "2020"},
		}},
	)
	var probs problem.List
	c := ReadCity(path, &probs)
	if len(probs) != 0 {
		t.Fatalf("unexpected problems:\n%s", probs.Text("en"))
	}
	if c.Slug != "neustadt" || c.Name != "Neustadt" || c.Strategy.Adopted != (model.Date{Year: 2019, Month: 7, Day: 24}) {
		t.Errorf("facts read wrong: %+v", c)
	}
	if c.Lat == nil || *c.Lat != 48.37 {
		t.Errorf("latitude = %v; want 48.37", c.Lat)
	}
	if len(c.KPIs) != 2 {
		t.Fatalf("want 2 KPI rows, got %d", len(c.KPIs))
	}
	a1 := c.KPIs[0]
	want := []model.Observation{
		{Year: 2020, Value: 1200, Pos: model.Pos{File: path, Sheet: "KPIs", Row: 3, Col: 5}},
		{Year: 2021, Value: 1234.5, Pos: model.Pos{File: path, Sheet: "KPIs", Row: 3, Col: 2}},
	}
	if len(a1.Values) != 2 || a1.Values[0] != want[0] || a1.Values[1] != want[1] {
		t.Errorf("A1 values = %+v; want %+v", a1.Values, want)
	}
	if !a1.Illustrative || a1.Pos.String() != path+": KPIs!D3" {
		t.Errorf("A1 illustrative=%v pos=%s", a1.Illustrative, a1.Pos)
	}
	a2 := c.KPIs[1]
	if a2.Illustrative || a2.Note != "geschätzt" || len(a2.Values) != 1 || a2.Values[0].Value != 12.5 || a2.Pos.Row != 5 {
		t.Errorf("A2 = %+v", a2)
	}
	m := c.Measures[0]
	if m.Title != (model.Text{De: "E-Akte", En: "E-file"}) || m.Status != model.Done ||
		m.Start != (model.Date{Year: 2019, Month: 7, Day: 24}) || m.End != (model.Date{Year: 2020}) {
		t.Errorf("measure = %+v", m)
	}
}

func TestReadFrameworkSettings(t *testing.T) {
	tests := []struct {
		value string
		want  float64
	}{{"50 %", 0.5}, {"0,75", 0.75}, {"80", 0.8}, {"0", 0}}
	for _, tt := range tests {
		sheets := wt.Framework()
		sheets[4].Rows[2][1] = tt.value
		path := filepath.Join(t.TempDir(), "framework.xlsx")
		wt.Write(t, path, sheets...)
		var probs problem.List
		fw := ReadFramework(path, &probs)
		if len(probs) != 0 || fw.Settings.MinCoverage != tt.want {
			t.Errorf("coverage %q: got %v (%v); want %v", tt.value, fw.Settings.MinCoverage, probs, tt.want)
		}
	}
}

func TestNotAWorkbook(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "cities", "kaputt.xlsx")
	wt.Write(t, filepath.Join(dir, "framework.xlsx"), wt.Framework()...)
	if err := writeFile(path, "this is not a zip file"); err != nil {
		t.Fatal(err)
	}
	_, probs := ReadDataset(dir)
	if len(probs) != 1 || probs[0].Code != problem.FileOpen || probs[0].Pos.File != path {
		t.Fatalf("want one file.open problem for %s, got %v", path, probs)
	}
}

func TestLockFilesAreIgnored(t *testing.T) {
	dir := t.TempDir()
	wt.Dataset(t, dir)
	for _, name := range []string{"~$alpha.xlsx", ".~lock.alpha.xlsx#", "notes.txt"} {
		if err := writeFile(filepath.Join(dir, "cities", name), "x"); err != nil {
			t.Fatal(err)
		}
	}
	files, err := CityFiles(dir)
	if err != nil || len(files) != 2 {
		t.Fatalf("CityFiles = %v, %v; want alpha and beta only", files, err)
	}
}

// TestFormulaWithoutResult: excelize, like other non-calculating writers,
// stores a formula without its result; that must not read as "no value".
func TestFormulaWithoutResult(t *testing.T) {
	path := filepath.Join(t.TempDir(), "alpha.xlsx")
	wt.Write(t, path, wt.City("Alpha", 1)...)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellValue("Kennzahlen", "C3", nil); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellFormula("Kennzahlen", "C3", "B3*2"); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	var probs problem.List
	ReadCity(path, &probs)
	if len(probs) != 1 || probs[0].Code != problem.CellUncomputed || probs[0].Pos.Cell() != "C3" {
		t.Fatalf("want one uncomputed-formula problem at C3, got:\n%s", probs.Text("en"))
	}
}
