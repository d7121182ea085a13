package workbook

import (
	"path/filepath"
	"slices"
	"strings"
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
			{"Topic", "ID", "Title (en)", "Title", "Status", "Start", "End", "Description (en)", "Beschreibung / Description"},
			{"T1", "M1", "E-file", "E-Akte", "Done", 43670, "2020", "Files kept electronically", "Akten elektronisch führen"},
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
		m.Description != (model.Text{De: "Akten elektronisch führen", En: "Files kept electronically"}) ||
		m.Start != (model.Date{Year: 2019, Month: 7, Day: 24}) || m.End != (model.Date{Year: 2020}) {
		t.Errorf("measure = %+v", m)
	}
}

func TestReadFrameworkSettings(t *testing.T) {
	def := model.DefaultSettings()
	with := func(f func(*model.Settings)) model.Settings {
		s := model.DefaultSettings()
		f(&s)
		return s
	}
	tests := []struct {
		name string
		rows [][]any
		want model.Settings
	}{
		{"none", nil, def},
		{"coverage 50 %", [][]any{{"Mindestabdeckung", "50 %"}}, def},
		{"coverage German decimal", [][]any{{"Minimum coverage", "0,75"}},
			with(func(s *model.Settings) { s.DimensionMinCoverage, s.IndexMinCoverage = 0.75, 0.75 })},
		{"coverage 80 means percent", [][]any{{"Mindestabdeckung", "80"}},
			with(func(s *model.Settings) { s.DimensionMinCoverage, s.IndexMinCoverage = 0.8, 0.8 })},
		{"coverage zero", [][]any{{"Mindestabdeckung", "0"}},
			with(func(s *model.Settings) { s.DimensionMinCoverage, s.IndexMinCoverage = 0, 0 })},
		{"level-specific keys override the general one, whatever the row order", [][]any{
			{"Aggregation Index", "geometrisch"}, {"Aggregation", "harmonisch"},
			{"Mindestabdeckung Index / Index minimum coverage", "100 %"}, {"Mindestabdeckung", "60 %"},
		}, with(func(s *model.Settings) {
			s.DimensionAggregation, s.IndexAggregation = model.Harmonic, model.Geometric
			s.DimensionMinCoverage, s.IndexMinCoverage = 0.6, 1
		})},
		{"scale 0–1 shows three decimals", [][]any{{"Skala", "0–1"}},
			with(func(s *model.Settings) { s.Scale, s.Decimals = 1, 3 })},
		{"scale 0–1 with decimals given", [][]any{{"Nachkommastellen", 2}, {"Scale", 1}},
			with(func(s *model.Settings) { s.Scale, s.Decimals = 1, 2 })},
		{"ranks, carry forward, uncertainty", [][]any{
			{"Ränge auf", "ungerundete Werte"}, {"Fortschreibung (Jahre)", 2},
			{"Monte-Carlo-Ziehungen", 500}, {"Random seed", 42}, {"Gewichtsstreuung", "10 %"}, {"Methoden variieren", "ja"},
		}, with(func(s *model.Settings) {
			s.RankUnrounded, s.CarryForward = true, 2
			s.Uncertainty = model.Uncertainty{Draws: 500, Seed: 42, WeightSpread: 0.1, VaryMethods: true}
		})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sheets := wt.Framework()
			sheets[4].Rows = append([][]any{sheets[4].Rows[0]}, tt.rows...)
			path := filepath.Join(t.TempDir(), "framework.xlsx")
			wt.Write(t, path, sheets...)
			var probs problem.List
			fw := ReadFramework(path, &probs)
			if len(probs) != 0 {
				t.Fatalf("problems: %v", probs)
			}
			fw.Settings.ReferenceYearPos = model.Pos{}
			if fw.Settings != tt.want {
				t.Errorf("settings = %+v\nwant       %+v", fw.Settings, tt.want)
			}
		})
	}
}

func TestReadFrameworkSettingErrors(t *testing.T) {
	tests := []struct {
		row  []any
		want string
	}{
		{[]any{"Skala", "10"}, `framework.xlsx: Einstellungen!B2: Fehler: "10" ist für "Skala" nicht zulässig; erwartet wird eines von: "100", "1" (0–100, 0–1)`},
		{[]any{"Nachkommastellen", "1,5"}, `framework.xlsx: Einstellungen!B2: Fehler: "1,5" ist für "Nachkommastellen" nicht zulässig; erwartet wird eine ganze Zahl von 0 bis 6`},
		{[]any{"Ränge auf", "irgendwie"}, `framework.xlsx: Einstellungen!B2: Fehler: "irgendwie" ist für "Ränge auf" nicht zulässig; erwartet wird eines von: "gerundete Werte", "ungerundete Werte" (rounded, unrounded)`},
		{[]any{"Gewichtsstreuung", "100 %"}, `framework.xlsx: Einstellungen!B2: Fehler: "100 %" ist für "Gewichtsstreuung" nicht zulässig; erwartet wird ein Anteil von 0 bis 99 %`},
		{[]any{"Aggregation Index", "median"}, `framework.xlsx: Einstellungen!B2: Fehler: "median" ist keine unterstützte Aggregation; erwartet wird "arithmetisch", "geometrisch" oder "harmonisch" (gewichtetes Mittel)`},
		{[]any{"Monte-Carlo-Ziehungen", -5}, `framework.xlsx: Einstellungen!B2: Fehler: "-5" ist für "Monte-Carlo-Ziehungen" nicht zulässig; erwartet wird eine ganze Zahl von 0 bis 100000`},
	}
	for _, tt := range tests {
		sheets := wt.Framework()
		sheets[4].Rows = [][]any{sheets[4].Rows[0], tt.row}
		dir := t.TempDir()
		path := filepath.Join(dir, "framework.xlsx")
		wt.Write(t, path, sheets...)
		var probs problem.List
		ReadFramework(path, &probs)
		got := strings.ReplaceAll(probs.Text("de"), dir+string(filepath.Separator), "")
		if strings.TrimSpace(got) != tt.want {
			t.Errorf("%v:\n got %s\nwant %s", tt.row, got, tt.want)
		}
	}
}

func TestNotAWorkbook(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "partners", "kaputt.xlsx")
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
		if err := writeFile(filepath.Join(dir, "partners", name), "x"); err != nil {
			t.Fatal(err)
		}
	}
	files, probs := FindFiles(dir)
	if len(probs) != 0 || len(files.Cities) != 2 {
		t.Fatalf("FindFiles = %v, %v; want alpha and beta only", files.Cities, probs)
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

func TestReadIndicatorNormalisation(t *testing.T) {
	tests := []struct {
		norm     any // the Normalisierung cell
		min, max any
		want     model.Normalisation
		problem  string // "" for none
	}{
		{nil, 0, 100, model.NormGoalposts, ""},
		{nil, nil, nil, model.NormMinMax, ""},
		{"Zielwerte", 0, 100, model.NormGoalposts, ""},
		{"Min-Max", nil, nil, model.NormMinMax, ""},
		{"z-Wert", nil, nil, model.NormZScore, ""},
		{"z-score", nil, nil, model.NormZScore, ""},
		{"Rang", nil, nil, model.NormRank, ""},
		{"Perzentilrang", nil, nil, model.NormRank, ""},
		{"Zielwerte", nil, nil, 0, `Indikatoren!L2: Fehler: Normalisierung "Zielwerte" braucht Minimum und Maximum; erwartet werden beide Zielwerte in dieser Zeile`},
		{"z-Wert", 0, 100, 0, `Indikatoren!L2: Fehler: Normalisierung "z-Wert" verwendet keine Zielwerte, aber Minimum oder Maximum ist angegeben; erwartet wird "Zielwerte" oder leere Grenzen`},
		{"Median", nil, nil, 0, `Indikatoren!L2: Fehler: "Median" ist keine Normalisierung; erwartet wird "Zielwerte", "Min-Max", "z-Wert", "Rang" oder leer (goalposts, min-max, z-score, rank)`},
	}
	for _, tt := range tests {
		sheets := wt.Framework()
		ind := sheets[1]
		ind.Rows[0] = append(ind.Rows[0], "Normalisierung")
		for r := 1; r < len(ind.Rows); r++ {
			ind.Rows[r] = append(ind.Rows[r], nil)
		}
		ind.Rows[1][7], ind.Rows[1][8], ind.Rows[1][11] = tt.min, tt.max, tt.norm
		path := filepath.Join(t.TempDir(), "framework.xlsx")
		wt.Write(t, path, sheets...)
		var probs problem.List
		fw := ReadFramework(path, &probs)
		if tt.problem == "" {
			if len(probs) != 0 || fw.Indicators[0].Normalisation != tt.want {
				t.Errorf("%v: got %v (%v), want %v", tt.norm, fw.Indicators[0].Normalisation, probs, tt.want)
			}
			continue
		}
		if len(probs) != 1 || !strings.HasSuffix(strings.TrimSpace(probs.Text("de")), tt.problem) || !fw.Indicators[0].Invalid {
			t.Errorf("%v: got %q (invalid=%v)\nwant …%s", tt.norm, probs.Text("de"), fw.Indicators[0].Invalid, tt.problem)
		}
	}
}

// TestReadIndicatorUnits: the unit in both languages, under the headers a
// strategist may write; without an English unit, En stays empty (the
// site then shows the German one).
func TestReadIndicatorUnits(t *testing.T) {
	tests := []struct {
		headers []string // the unit columns' headers, replacing "Einheit"
		cells   []any    // V2's cells in those columns
		want    model.Text
	}{
		{[]string{"Einheit"}, []any{"Tage"}, model.Text{De: "Tage"}},
		{[]string{"Einheit (de)", "Unit (en)"}, []any{"Tage", "days"}, model.Text{De: "Tage", En: "days"}},
		{[]string{"Unit", "Einheit (en)"}, []any{"Tage", "days"}, model.Text{De: "Tage", En: "days"}},
		{[]string{"Einheit (en) / Unit (en)", "Einheit / Unit"}, []any{"days", "Tage"}, model.Text{De: "Tage", En: "days"}},
		{[]string{"Einheit (de)", "Unit (en)"}, []any{"Tage", nil}, model.Text{De: "Tage"}},
	}
	for _, tt := range tests {
		sheets := wt.Framework()
		ind := &sheets[1]
		const unitCol = 4
		for r := range ind.Rows {
			cells := tt.cells
			switch r {
			case 0:
				cells = nil
				for _, h := range tt.headers {
					cells = append(cells, h)
				}
			case 2: // V2
			default:
				cells = make([]any, len(tt.headers))
			}
			row := slices.Clone(ind.Rows[r][:unitCol])
			row = append(row, cells...)
			ind.Rows[r] = append(row, ind.Rows[r][unitCol+1:]...)
		}
		path := filepath.Join(t.TempDir(), "framework.xlsx")
		wt.Write(t, path, sheets...)
		var probs problem.List
		fw := ReadFramework(path, &probs)
		if len(probs) != 0 {
			t.Errorf("%q: unexpected problems:\n%s", tt.headers, probs.Text("en"))
			continue
		}
		if got := fw.Indicators[1].Unit; got != tt.want {
			t.Errorf("%q: unit = %+v, want %+v", tt.headers, got, tt.want)
		}
	}
}

// TestNameMissingNamesACell: a missing name points at the row where it
// belongs, an empty one at its value cell.
func TestNameMissingNamesACell(t *testing.T) {
	for _, tt := range []struct {
		what string
		rows func([][]any) [][]any
		want string
	}{
		{"no Name row", func(r [][]any) [][]any { return append(r[:1:1], r[2:]...) }, "Stadt!A6"},
		{"Name empty", func(r [][]any) [][]any { r[1][1] = nil; return r }, "Stadt!B2"},
	} {
		path := filepath.Join(t.TempDir(), "alpha.xlsx")
		sheets := wt.City("Alpha", 1)
		sheets[0].Rows = tt.rows(sheets[0].Rows)
		wt.Write(t, path, sheets...)
		var probs problem.List
		ReadCity(path, &probs)
		if len(probs) != 1 || probs[0].Code != problem.CellRequired || probs[0].Pos.Sheet+"!"+probs[0].Pos.Cell() != tt.want {
			t.Errorf("%s: %v; want one %s at %s", tt.what, probs, problem.CellRequired, tt.want)
		}
	}
}
