package validate_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/problem"
	"github.com/digitale-staedte/benchmark/generator/validate"
	"github.com/digitale-staedte/benchmark/generator/workbook"
	wt "github.com/digitale-staedte/benchmark/generator/workbook/workbooktest"
)

// today is the build date of every test: the sample dates lie before it.
var today = model.Date{Year: 2026, Month: 12, Day: 2}

// check writes the framework and city alpha (plus an untouched city beta),
// reads and validates them, and returns every problem as
// "file: Sheet!Cell: message" with the file's base name, in English.
func check(t *testing.T, fw, alpha []wt.Sheet) []string {
	t.Helper()
	dir := t.TempDir()
	wt.Write(t, filepath.Join(dir, "framework.xlsx"), fw...)
	wt.Write(t, filepath.Join(dir, "partners", "alpha.xlsx"), alpha...)
	wt.Write(t, filepath.Join(dir, "partners", "beta.xlsx"), sourced(wt.City("Beta", 2))...)
	ds, probs := workbook.ReadDataset(dir)
	probs = append(probs, validate.Dataset(ds, validate.Options{Today: today})...)
	var out []string
	for _, p := range probs.Sorted() {
		out = append(out, strings.ReplaceAll(p.Format("en"), dir+"/", ""))
	}
	return out
}

// set replaces one cell (row and column 0-based) of the named sheet.
func set(sheets []wt.Sheet, sheet string, row, col int, v any) []wt.Sheet {
	for i := range sheets {
		if sheets[i].Name != sheet {
			continue
		}
		for len(sheets[i].Rows) <= row {
			sheets[i].Rows = append(sheets[i].Rows, nil)
		}
		for len(sheets[i].Rows[row]) <= col {
			sheets[i].Rows[row] = append(sheets[i].Rows[row], nil)
		}
		sheets[i].Rows[row][col] = v
	}
	return sheets
}

func without(sheets []wt.Sheet, name string) []wt.Sheet {
	var out []wt.Sheet
	for _, s := range sheets {
		if s.Name != name {
			out = append(out, s)
		}
	}
	return out
}

func TestValidDatasetHasNoProblems(t *testing.T) {
	if got := check(t, wt.Framework(), sourced(wt.City("Alpha", 1))); len(got) != 0 {
		t.Fatalf("problems in the valid fixture:\n%s", strings.Join(got, "\n"))
	}
}

func TestOneProblemPerErrorClass(t *testing.T) {
	fw, city := wt.Framework, func() []wt.Sheet { return sourced(wt.City("Alpha", 1)) }
	tests := []struct {
		name  string
		fw    []wt.Sheet
		alpha []wt.Sheet
		want  string
	}{
		{"missing sheet", without(fw(), "Themen"), city(),
			`framework.xlsx: error: sheet "Themen" is missing; expected a sheet named "Themen" / "Topics"`},
		{"missing column", set(fw(), "Indikatoren", 0, 6, "Wichtigkeit"), city(),
			`framework.xlsx: Indikatoren!1: error: column "Gewicht" is missing from the header row; expected a column named "Gewicht" / "Weight"`},
		{"duplicate topic ID", set(fw(), "Themen", 2, 0, "E-AKTE"), city(),
			`framework.xlsx: Themen!A3: error: ID "E-AKTE" appears twice (first in A2); expected a unique ID`},
		{"unknown dimension", set(fw(), "Indikatoren", 3, 1, "XYZ"), city(),
			`framework.xlsx: Indikatoren!B4: error: unknown dimension "XYZ"; expected an ID from the Dimensions sheet: VER, DAT`},
		{"negative weight", set(fw(), "Indikatoren", 1, 6, -1), city(),
			`framework.xlsx: Indikatoren!G2: error: weight -1 is negative; expected a weight of 0 or more`},
		{"all dimension weights zero", set(set(fw(), "Dimensionen", 1, 3, 0), "Dimensionen", 2, 3, 0), city(),
			`framework.xlsx: Dimensionen: error: every dimension has weight 0; expected at least one weight above 0`},
		{"unknown direction", set(fw(), "Indikatoren", 2, 5, "mittel"), city(),
			`framework.xlsx: Indikatoren!F3: error: "mittel" is not a direction; expected "higher is better" or "lower is better" (höher/niedriger ist besser)`},
		{"goalposts reversed", set(fw(), "Indikatoren", 1, 7, 100), city(),
			`framework.xlsx: Indikatoren!H2: error: min 100 is not below max 100; expected min < max`},
		{"only one goalpost", set(fw(), "Indikatoren", 2, 7, 5), city(),
			`framework.xlsx: Indikatoren!H3: error: only one goalpost is given (min 5, max –); expected both or neither`},
		{"no level at zero", set(fw(), "Reifegrade", 1, 0, 10), city(),
			`framework.xlsx: Reifegrade: error: no level starts at 0; expected a level with lower bound 0 so that every score has one`},
		{"level above a 0–1 scale", set(set(set(fw(), "Einstellungen", 3, 0, "Skala"), "Einstellungen", 3, 1, "0–1"), "Reifegrade", 3, 0, 0.8), city(),
			`framework.xlsx: Reifegrade!A3: error: level from 50 lies above the top of the scale 1; expected a lower bound within the score scale`},
		{"reference year without data", set(set(fw(), "Einstellungen", 3, 0, "Bezugsjahr"), "Einstellungen", 3, 1, 2019), city(),
			`framework.xlsx: Einstellungen!B4: error: reference year 2019 has no data; expected one of the years with data: 2022, 2023`},
		{"non-numeric KPI", fw(), set(city(), "Kennzahlen", 1, 2, "viel"),
			`partners/alpha.xlsx: Kennzahlen!C2: error: "viel" is not a number; expected a number such as 1,234.5 or 12.5 %`},
		{"value outside the goalposts: a warning", set(fw(), "Indikatoren", 1, 4, "Punkte"), set(city(), "Kennzahlen", 1, 2, 130),
			`partners/alpha.xlsx: Kennzahlen!C2: warning: value 130 lies outside the goalposts 0–100 of "V1"; it counts as 100 (clamped). Please check that value and goalposts are right`},
		{"formula error value", fw(), set(city(), "Kennzahlen", 3, 1, "#DIV/0!"),
			`partners/alpha.xlsx: Kennzahlen!B4: error: cell holds the error value #DIV/0! (a formula could not be computed); expected a value`},
		{"percentage out of range", fw(), set(city(), "Kennzahlen", 1, 2, 130),
			`partners/alpha.xlsx: Kennzahlen!C2: error: value 130 lies outside 0–100 (indicator "V1" is measured in %); expected a percentage from 0 to 100`},
		{"impossible year", fw(), set(city(), "Kennzahlen", 0, 2, 3023),
			`partners/alpha.xlsx: Kennzahlen!C1: error: column header "3023" is not a possible year; expected a year from 1990 to 2100`},
		{"unknown indicator", fw(), set(city(), "Kennzahlen", 4, 0, "D9"),
			`partners/alpha.xlsx: Kennzahlen!A5: error: unknown indicator "D9"; expected an ID from the Indicators sheet in framework.xlsx`},
		{"unknown status", fw(), set(city(), "Maßnahmen", 1, 3, "vielleicht"),
			`partners/alpha.xlsx: Maßnahmen!D2: error: "vielleicht" is not a status; expected planned, in progress, done or stopped (geplant, in Umsetzung, abgeschlossen, eingestellt)`},
		{"unknown topic", fw(), set(city(), "Maßnahmen", 2, 2, "KI"),
			`partners/alpha.xlsx: Maßnahmen!C3: error: unknown topic "KI"; expected an ID from the Topics sheet in framework.xlsx`},
		{"duplicate measure ID", fw(), set(city(), "Maßnahmen", 2, 0, "M-01"),
			`partners/alpha.xlsx: Maßnahmen!A3: error: ID "M-01" appears twice (first in A2); expected a unique ID`},
		{"end before start", fw(), set(city(), "Maßnahmen", 1, 5, "31.12.2019"),
			`partners/alpha.xlsx: Maßnahmen!F2: error: end 2019-12-31 lies before the start 2020; expected an end on or after the start`},
		{"bad date", fw(), set(city(), "Maßnahmen", 1, 4, "bald"),
			`partners/alpha.xlsx: Maßnahmen!E2: error: "bald" is not a date; expected a date such as 24.07.2019, 2019-07-24, 07.2019 or 2019`},
		{"javascript link", fw(), set(city(), "Maßnahmen", 1, 6, "javascript:alert(1)"),
			`partners/alpha.xlsx: Maßnahmen!G2: error: "javascript:alert(1)" is not an allowed link; expected an address starting with https:// or http:// (for the contact also mailto:)`},
		{"missing required cell", fw(), set(city(), "Maßnahmen", 2, 1, nil),
			`partners/alpha.xlsx: Maßnahmen!B3: error: Titel / Title is missing; expected a value`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := check(t, tt.fw, tt.alpha)
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("got %d problems:\n%s\nwant exactly:\n%s", len(got), strings.Join(got, "\n"), tt.want)
			}
		})
	}
}

func TestEveryProblemOfARunIsReported(t *testing.T) {
	city := sourced(wt.City("Alpha", 1))
	city = set(city, "Kennzahlen", 1, 1, "x")
	city = set(city, "Kennzahlen", 2, 2, "y")
	city = set(city, "Maßnahmen", 1, 3, "?")
	fw := set(wt.Framework(), "Reifegrade", 3, 0, 50)
	got := check(t, fw, city)
	if len(got) != 4 {
		t.Fatalf("want 4 problems, got %d:\n%s", len(got), strings.Join(got, "\n"))
	}
	// Workbook order: the framework first, then alpha's sheets top to bottom.
	for i, prefix := range []string{"framework.xlsx: Reifegrade!A4", "partners/alpha.xlsx: Kennzahlen!B2",
		"partners/alpha.xlsx: Kennzahlen!C3", "partners/alpha.xlsx: Maßnahmen!D2"} {
		if !strings.HasPrefix(got[i], prefix) {
			t.Errorf("problem %d = %q; want it to start with %q", i, got[i], prefix)
		}
	}
}

func TestMessagesInGerman(t *testing.T) {
	p := problem.Problem{Code: problem.CellNumber, Args: []any{"viel"}}
	want := `"viel" ist keine Zahl; erwartet wird eine Zahl wie 1.234,5 oder 12,5 %`
	if got := p.Message("de"); got != want {
		t.Errorf("German message = %q; want %q", got, want)
	}
	if got := p.Format("de"); !strings.Contains(got, "Fehler: ") {
		t.Errorf("German format %q lacks the severity word Fehler", got)
	}
}

func TestIndicatorWithoutDataIsAWarning(t *testing.T) {
	city := sourced(wt.City("Alpha", 1))
	// Remove D2 from both cities: alpha here, beta through a dedicated dataset.
	dir := t.TempDir()
	strip := func(s []wt.Sheet) []wt.Sheet {
		for i := range s {
			if s[i].Name == "Kennzahlen" {
				s[i].Rows = s[i].Rows[:4]
			}
		}
		return s
	}
	wt.Write(t, filepath.Join(dir, "framework.xlsx"), wt.Framework()...)
	wt.Write(t, filepath.Join(dir, "partners", "alpha.xlsx"), strip(city)...)
	wt.Write(t, filepath.Join(dir, "partners", "beta.xlsx"), strip(sourced(wt.City("Beta", 2)))...)
	ds, probs := workbook.ReadDataset(dir)
	probs = append(probs, validate.Dataset(ds, validate.Options{Today: today})...)
	if probs.Errors() != 0 || len(probs) != 1 || probs[0].Severity != problem.Warning || probs[0].Code != problem.IndicatorNoData {
		t.Fatalf("want one warning about D2, got %v", probs)
	}
}

// sourced gives the fixture's KPI rows D1 and D2, which have no source, one,
// so that a test sees only the problem it makes.
func sourced(city []wt.Sheet) []wt.Sheet {
	return set(set(city, "Kennzahlen", 3, 3, "Open-Data-Portal"), "Kennzahlen", 4, 3, "Jahresbericht")
}

// series replaces the KPI sheet of a city by the header and rows given.
func series(city []wt.Sheet, rows ...[]any) []wt.Sheet {
	for i := range city {
		if city[i].Name == "Kennzahlen" {
			city[i].Rows = rows
		}
	}
	return city
}

// TestHistoryWarnings: the checks of a city's own series. Numbers by hand:
// 10, 11, 12, 13 have mean 11.5 and sample SD √(5/3) = 1.29; 30 lies 18.5
// from the mean, more than 3·1.29 = 3.87. 10 against 11, 12, 13, 30: mean
// 16.5, SD 9.33; 6.5 is far less than 28, so only 30 is flagged.
func TestHistoryWarnings(t *testing.T) {
	header := []any{"Indikator", 2019, 2020, 2021, 2022, 2023, "Quelle"}
	tests := []struct {
		name string
		rows [][]any
		want []string
	}{
		{"a steady series", [][]any{header, {"D1", 10, 11, 12, 13, 14, "Portal"}}, nil},
		{"a jump", [][]any{header, {"D1", 10, 11, 12, 13, 30, "Portal"}}, []string{
			`partners/alpha.xlsx: Kennzahlen!F2: warning: value 30 differs by more than three standard deviations from the other years of indicator "D1" (mean 11.5, standard deviation 1.29); please check value and unit`}},
		{"a jump in the middle, lower", [][]any{header, {"D1", 100, 101, 3, 99, 100, "Portal"}}, []string{
			`partners/alpha.xlsx: Kennzahlen!D2: warning: value 3 differs by more than three standard deviations from the other years of indicator "D1" (mean 100, standard deviation 0.82); please check value and unit`}},
		{"three others are too few to judge", [][]any{header, {"D1", nil, 10, 11, 12, 30, "Portal"}}, nil},
		{"a constant history flags nothing", [][]any{header, {"D1", 5, 5, 5, 5, 9, "Portal"}}, nil},
		{"a missing year between reported ones", [][]any{header, {"D1", 10, nil, nil, 13, nil, "Portal"}, {"D2", 1, 2, 3, 4, 5, "Portal"}}, []string{
			`partners/alpha.xlsx: Kennzahlen!C2: warning: no value for 2020 although indicator "D1" has values for 2019 and 2022; please check whether the value is missing (empty cell = no value)`,
			`partners/alpha.xlsx: Kennzahlen!D2: warning: no value for 2021 although indicator "D1" has values for 2019 and 2022; please check whether the value is missing (empty cell = no value)`}},
		{"missing years before and after are not gaps", [][]any{header, {"D1", nil, 10, 11, nil, nil, "Portal"}}, nil},
		{"a year no row reports points at the row", [][]any{{"Indikator", 2019, 2021, "Quelle"}, {"D1", 10, 11, "Portal"}}, []string{
			`partners/alpha.xlsx: Kennzahlen!A2: warning: no value for 2020 although indicator "D1" has values for 2019 and 2021; please check whether the value is missing (empty cell = no value)`}},
		{"a missing source", [][]any{header, {"D1", 10, 11, 12, 13, 14, nil}}, []string{
			`partners/alpha.xlsx: Kennzahlen!A2: warning: indicator "D1" has values but no source; expected the origin of the values in the column Source, e.g. "Office for Statistics, annual report 2024"`}},
		{"a row without values needs no source", [][]any{header, {"D1", nil, nil, nil, nil, 14, "Portal"}, {"D2"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := check(t, wt.Framework(), series(wt.City("Alpha", 1), tt.rows...))
			// Indicators V1, V2 and D2 are reported by beta: no other problem.
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestWarningsAloneStillValidate: every history warning is a warning, never
// an error, so that a build goes ahead.
func TestWarningsAloneStillValidate(t *testing.T) {
	dir := t.TempDir()
	wt.Write(t, filepath.Join(dir, "framework.xlsx"), wt.Framework()...)
	wt.Write(t, filepath.Join(dir, "partners", "alpha.xlsx"), series(wt.City("Alpha", 1),
		[]any{"Indikator", 2019, 2020, 2021, 2022, 2023, 2024, "Quelle"},
		[]any{"D1", 10, 11, 12, 13, nil, 40, nil})...)
	wt.Write(t, filepath.Join(dir, "partners", "beta.xlsx"), sourced(wt.City("Beta", 2))...)
	ds, probs := workbook.ReadDataset(dir)
	probs = append(probs, validate.Dataset(ds, validate.Options{Today: today})...)
	if probs.Errors() != 0 || len(probs) != 3 {
		t.Fatalf("want 3 warnings (source, gap 2023, jump 40), got %d errors:\n%s", probs.Errors(), probs.Text("en"))
	}
}

// TestIDsThatShareAnAddress: indicator and dimension IDs that differ only
// in case or punctuation would share a page (kennzahlen/ver-01/): each later
// one is an error naming the earlier cell. Topics get no page of their own.
func TestIDsThatShareAnAddress(t *testing.T) {
	fw := wt.Framework()
	for i, id := range []string{"v1", "V1.", "V-1"} {
		fw = set(fw, "Indikatoren", 5+i, 0, id)
		fw = set(fw, "Indikatoren", 5+i, 1, "VER")
		fw = set(fw, "Indikatoren", 5+i, 2, "Doppelt")
		fw = set(fw, "Indikatoren", 5+i, 5, "+")
		fw = set(fw, "Indikatoren", 5+i, 6, 1)
	}
	fw = set(fw, "Dimensionen", 3, 0, "dat")
	fw = set(fw, "Dimensionen", 3, 1, "Daten klein")
	fw = set(fw, "Dimensionen", 3, 3, 1)
	fw = set(fw, "Themen", 4, 0, "ozg")
	fw = set(fw, "Themen", 4, 1, "VER")
	fw = set(fw, "Themen", 4, 2, "Klein")
	var got []string
	for _, line := range check(t, fw, sourced(wt.City("Alpha", 1))) {
		if strings.Contains(line, ": error: ") {
			got = append(got, line)
		}
	}
	want := []string{
		`framework.xlsx: Dimensionen!A4: error: ID "dat" gives the same page address as "DAT" in A3 (…/dat/); expected IDs that differ in more than case or punctuation`,
		`framework.xlsx: Dimensionen!A4: error: dimension "dat" has no indicators; expected at least one indicator on the Indicators sheet`,
		`framework.xlsx: Indikatoren!A6: error: ID "v1" gives the same page address as "V1" in A2 (…/v1/); expected IDs that differ in more than case or punctuation`,
		`framework.xlsx: Indikatoren!A7: error: ID "V1." gives the same page address as "V1" in A2 (…/v1/); expected IDs that differ in more than case or punctuation`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
