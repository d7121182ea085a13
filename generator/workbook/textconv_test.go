package workbook

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

var updateGolden = flag.Bool("update", false, "rewrite testdata golden files")

// TestTextconvGolden: the text form of a workbook another program wrote.
func TestTextconvGolden(t *testing.T) {
	cells, err := ReadCells(filepath.Join(secondWriter, "city.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	got := TextLines(cells)
	golden := filepath.Join(secondWriter, "city.txt")
	if *updateGolden {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("text form differs from %s (go test -update to accept):\n%s", golden, got)
	}
}

// TestDiffTwoWorkbooks compares two workbooks written by openpyxl: one value
// changed, one added in a hidden row, one removed, a formula changed with
// the same result, a sheet added.
func TestDiffTwoWorkbooks(t *testing.T) {
	old, err := ReadCells(filepath.Join(secondWriter, "city.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	new, err := ReadCells(filepath.Join(secondWriter, "city-edited.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	want := "Kennzahlen!F3\t- \"geschätzt \"\n" +
		"Kennzahlen!C4\t20 =B4*2 → 20 =B4*2+0\n" +
		"Kennzahlen!D4\t24 → 25\n" +
		"Kennzahlen!D6\t+ 7\n" +
		"\n" +
		"Neu!A1\t+ \"hinzugefügt\"\n"
	if got := DiffText(Diff(old, new)); got != want {
		t.Errorf("diff:\n%s\nwant:\n%s", got, want)
	}
	if got := Diff(old, old); len(got) != 0 {
		t.Errorf("a workbook differs from itself: %v", got)
	}
	// Backwards, additions become removals; the removed sheet comes last.
	wantBack := "Kennzahlen!F3\t+ \"geschätzt \"\n" +
		"Kennzahlen!C4\t20 =B4*2+0 → 20 =B4*2\n" +
		"Kennzahlen!D4\t25 → 24\n" +
		"Kennzahlen!D6\t- 7\n" +
		"\n" +
		"Neu!A1\t- \"hinzugefügt\"\n"
	if got := DiffText(Diff(new, old)); got != wantBack {
		t.Errorf("diff backwards:\n%s\nwant:\n%s", got, wantBack)
	}
}

// TestTextconvValues: each kind of stored value in its printed form, in a
// workbook excelize writes with explicit types and number formats.
func TestTextconvValues(t *testing.T) {
	path := filepath.Join(t.TempDir(), "values.xlsx")
	f := excelize.NewFile()
	custom := "[$-407]DD. MMMM YYYY"
	percent := "0.0%"
	styles := map[string]*excelize.Style{
		"date": {NumFmt: 14}, "time": {NumFmt: 21}, "datetime": {NumFmt: 22},
		"custom": {CustomNumFmt: &custom}, "percent": {CustomNumFmt: &percent},
	}
	ids := map[string]int{}
	for k, s := range styles {
		id, err := f.NewStyle(s)
		if err != nil {
			t.Fatal(err)
		}
		ids[k] = id
	}
	type cell struct {
		ref   string
		value any
		style string
		want  string
	}
	cells := []cell{
		{"A1", "Text mit\tTab und\nZeile", "", `"Text mit\tTab und\nZeile"`},
		{"B1", "12", "", `"12"`},
		{"C1", 12, "", "12"},
		{"D1", 0.000125, "", "0.000125"},
		{"E1", 1234567.5, "", "1234567.5"},
		{"A2", true, "", "TRUE"},
		{"B2", time.Date(2019, 7, 24, 0, 0, 0, 0, time.UTC), "date", "2019-07-24"},
		{"C2", 0.5, "time", "12:00:00"},
		{"D2", 43670.25, "datetime", "2019-07-24T06:00:00"},
		{"E2", 43670, "custom", "2019-07-24"},
		{"F2", 0.125, "percent", "0.125"},
	}
	for _, c := range cells {
		if err := f.SetCellValue("Sheet1", c.ref, c.value); err != nil {
			t.Fatal(err)
		}
		if c.style != "" {
			if err := f.SetCellStyle("Sheet1", c.ref, c.ref, ids[c.style]); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.SetCellFormula("Sheet1", "A3", "C1*2"); err != nil {
		t.Fatal(err)
	}
	cells = append(cells, cell{ref: "A3", want: "=C1*2"}) // saved without a result
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	got, err := ReadCells(path)
	if err != nil {
		t.Fatal(err)
	}
	byRef := map[string]string{}
	for _, c := range got {
		byRef[c.Ref()] = c.Show()
	}
	for _, c := range cells {
		if byRef[c.ref] != c.want {
			t.Errorf("%s = %q; want %q", c.ref, byRef[c.ref], c.want)
		}
	}
	if len(got) != len(cells) {
		t.Errorf("%d cells; want %d", len(got), len(cells))
	}
}

func TestIsDateFormat(t *testing.T) {
	tests := []struct {
		id   int
		code string
		want bool
	}{
		{0, "", false},  // General
		{2, "", false},  // 0.00
		{10, "", false}, // 0.00%
		{14, "", true},  // m/d/yyyy
		{20, "", true},  // h:mm
		{22, "", true},  // m/d/yyyy h:mm
		{49, "", false}, // @
		{164, "DD.MM.YYYY", true},
		{164, "[$-407]MMMM YYYY", true},
		{164, `#,##0 "Tage"`, false}, // d inside quotes is text
		{164, `0.0\d`, false},        // an escaped d
		{164, "[Red]0.00", false},    // d inside brackets
		{164, "[h]:mm:ss", true},
		{164, "General", false},
	}
	for _, tt := range tests {
		if got := isDateFormat(tt.id, tt.code); got != tt.want {
			t.Errorf("isDateFormat(%d, %q) = %v; want %v", tt.id, tt.code, got, tt.want)
		}
	}
}

func TestReadCellsNamesTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kaputt.xlsx")
	if err := os.WriteFile(path, []byte("not a zip"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadCells(path); err == nil || !strings.HasPrefix(err.Error(), path) {
		t.Errorf("error %v does not name %s", err, path)
	}
}
