package workbook

import (
	"bytes"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestWriteExport(t *testing.T) {
	sheets := []ExportSheet{
		{Name: "values", Header: []string{"text", "x", "n", "b"}, Rows: [][]any{
			{"'=1+1", -3.5, 2024, true},
			{"E-Akte", nil, 7, false},
			{"c", 1e-7, 8, true},
			{"d", 4.25, 9, false},
		}},
		{Name: "empty", Header: []string{"a"}},
	}
	// Three rows per sheet (header included): "values" continues on values_2.
	b, err := writeExport([][]string{{"Titel"}, {"Lizenz / Licence", "dl-de/by-2-0"}}, sheets, 3)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, []string{"README", "values", "values_2", "empty"}) {
		t.Fatalf("sheets = %v", got)
	}
	rows, _ := f.GetRows("values")
	if len(rows) != 3 || !slices.Equal(rows[0], []string{"text", "x", "n", "b"}) || rows[1][0] != "'=1+1" || rows[1][1] != "-3.5" {
		t.Errorf("values = %q", rows)
	}
	// The neutralised text is a text cell, not a formula.
	if formula, _ := f.GetCellFormula("values", "A2"); formula != "" {
		t.Errorf("A2 holds the formula %q", formula)
	}
	if typ, _ := f.GetCellType("values", "B2"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("B2 is of type %v, want a number", typ)
	}
	rows2, _ := f.GetRows("values_2")
	if len(rows2) != 3 || rows2[0][0] != "text" || rows2[2][0] != "d" {
		t.Errorf("values_2 = %q", rows2)
	}
	if readme, _ := f.GetCellValue("README", "B2"); readme != "dl-de/by-2-0" {
		t.Errorf("README!B2 = %q", readme)
	}
	// Same input, same bytes.
	again, _ := writeExport([][]string{{"Titel"}, {"Lizenz / Licence", "dl-de/by-2-0"}}, sheets, 3)
	if !bytes.Equal(b, again) {
		t.Error("two runs give different bytes")
	}
	// Rows yielded one at a time, into one reused slice, give the same
	// workbook as rows held.
	held := sheets[0].Rows
	sheets[0].Rows = nil
	sheets[0].Stream = func(yield func([]any) bool) {
		row := make([]any, 4)
		for _, r := range held {
			copy(row, r)
			if !yield(row) {
				return
			}
		}
	}
	streamed, err := writeExport([][]string{{"Titel"}, {"Lizenz / Licence", "dl-de/by-2-0"}}, sheets, 3)
	if err != nil || !bytes.Equal(b, streamed) {
		t.Errorf("streamed rows give another workbook (%v)", err)
	}
}
