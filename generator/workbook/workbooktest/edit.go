package workbooktest

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Cells are edits to one sheet: cell reference ("C7") → value; a nil
// value clears the cell.
type Cells map[string]any

// SetCells changes cells of an existing workbook in place, as a strategist
// would by typing into them.
func SetCells(t testing.TB, path, sheet string, cells Cells) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for ref, v := range cells {
		if v == nil {
			v = ""
		}
		if err := f.SetCellValue(sheet, ref, v); err != nil {
			t.Fatalf("%s!%s: %v", sheet, ref, err)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// Column is the letter of the first column whose header (in row 1) starts
// with prefix, so that a test can fill a template by column name without
// depending on the column order.
func Column(t testing.TB, path, sheet, prefix string) string {
	t.Helper()
	rows := Rows(t, path, sheet)
	if len(rows) > 0 {
		for i, h := range rows[0] {
			if strings.HasPrefix(h, prefix) {
				name, err := excelize.ColumnNumberToName(i + 1)
				if err != nil {
					t.Fatal(err)
				}
				return name
			}
		}
	}
	t.Fatalf("%s: sheet %s has no column starting with %q", path, sheet, prefix)
	return ""
}

// Rows reads a sheet's cells as text.
func Rows(t testing.TB, path, sheet string) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}
