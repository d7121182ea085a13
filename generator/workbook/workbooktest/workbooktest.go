// Package workbooktest writes small real .xlsx files for tests: a valid
// data folder that each test can break in exactly one place.
package workbooktest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Sheet is a sheet's name and rows; a nil cell stays empty.
type Sheet struct {
	Name string
	Rows [][]any
}

// Write creates an .xlsx file at path with the given sheets, in order.
func Write(t testing.TB, path string, sheets ...Sheet) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.Name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.Name); err != nil {
			t.Fatal(err)
		}
		for r, row := range s.Rows {
			for c, v := range row {
				if v == nil {
					continue
				}
				cell, err := excelize.CoordinatesToCellName(c+1, r+1)
				if err != nil {
					t.Fatal(err)
				}
				if err := f.SetCellValue(s.Name, cell, v); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// Framework is a small valid framework: two dimensions, four indicators
// (one with goalposts, one "lower is better"), three topics, three levels.
func Framework() []Sheet {
	return []Sheet{
		{"Dimensionen", [][]any{
			{"ID", "Name (de)", "Name (en)", "Gewicht", "Beschreibung (de)"},
			{"VER", "Verwaltung", "Administration", 2, "Digitale Verwaltung"},
			{"DAT", "Daten", "Data", 1, nil},
		}},
		{"Indikatoren", [][]any{
			{"ID", "Dimension", "Name (de)", "Name (en)", "Einheit", "Richtung", "Gewicht", "Minimum", "Maximum", "Transformation", "Quelle"},
			{"V1", "VER", "E-Akte", "E-file", "%", "höher ist besser", 1, 0, 100, "keine", "Umfrage"},
			{"V2", "VER", "Bearbeitungszeit", "Processing time", "Tage", "niedriger ist besser", 1, nil, nil, nil, nil},
			{"D1", "DAT", "Offene Datensätze", "Open data sets", "Anzahl", "higher", 3, nil, nil, nil, nil},
			{"D2", "DAT", "Datenportal", "Data portal", "Punkte", "+", 1, nil, nil, nil, nil},
		}},
		{"Themen", [][]any{
			{"ID", "Dimension", "Name (de)", "Name (en)"},
			{"E-AKTE", "VER", "E-Akte", "E-file"},
			{"OZG", "VER", "Online-Dienste", "Online services"},
			{"OPEN", "DAT", "Offene Daten", "Open data"},
		}},
		{"Reifegrade", [][]any{
			{"Ab Punktzahl", "Name (de)", "Name (en)"},
			{0, "Einsteiger", "Beginner"},
			{50, "Fortgeschritten", "Advanced"},
			{80, "Vorreiter", "Leader"},
		}},
		{"Einstellungen", [][]any{
			{"Einstellung", "Wert"},
			{"Aggregation", "arithmetisch"},
			{"Mindestabdeckung", "50 %"},
		}},
	}
}

// City is a valid city workbook; values scale with k so that cities differ.
func City(name string, k float64) []Sheet {
	return []Sheet{
		{"Stadt", [][]any{
			{"Feld", "Wert", "Quelle"},
			{"Name", name, nil},
			{"Bundesland", "Bayern", nil},
			{"Einwohner", 100000 * k, "Beispielwert, illustrativ"},
			{"Webseite", "https://example.org/" + name, nil},
			{"Beschlossen am", "24.07.2019", nil},
		}},
		{"Kennzahlen", [][]any{
			{"Indikator", 2022, 2023, "Quelle", "Anmerkung"},
			{"V1", 20 * k, 30 * k, "Beispielwert, illustrativ", nil},
			{"V2", 40 / k, 30 / k, "Amt für Statistik", nil},
			{"D1", 10 * k, 12 * k, nil, nil},
			{"D2", 5 * k, 6 * k, nil, nil},
		}},
		{"Maßnahmen", [][]any{
			{"ID", "Titel", "Thema", "Status", "Beginn", "Ende", "Link"},
			{"M-01", "E-Akte einführen", "E-AKTE", "in Umsetzung", "2020", "31.12.2024", "https://example.org/e-akte"},
			{"M-02", "Open-Data-Portal", "OPEN", "abgeschlossen", "01.2019", "2021", nil},
		}},
	}
}

// Dataset writes a valid data folder with framework.xlsx and the cities
// alpha (k=1) and beta (k=2) below dir and returns dir.
func Dataset(t testing.TB, dir string) string {
	t.Helper()
	Write(t, filepath.Join(dir, "framework.xlsx"), Framework()...)
	Write(t, filepath.Join(dir, "partners", "alpha.xlsx"), City("Alpha", 1)...)
	Write(t, filepath.Join(dir, "partners", "beta.xlsx"), City("Beta", 2)...)
	return dir
}
