package workbooktest

import (
	"os"
	"path/filepath"
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

// Rewrite copies the workbook at src to dst with the given sheets'
// contents replaced by their rows (a sheet not yet in the workbook is
// added); every other sheet stays as it was.
func Rewrite(t testing.TB, src, dst string, sheets ...Sheet) {
	t.Helper()
	f, err := excelize.OpenFile(src)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, s := range sheets {
		if i, _ := f.GetSheetIndex(s.Name); i >= 0 {
			if err := f.DeleteSheet(s.Name); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := f.NewSheet(s.Name); err != nil {
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
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(dst); err != nil {
		t.Fatal(err)
	}
}
