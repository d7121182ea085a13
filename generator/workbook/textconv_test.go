package workbook

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/digitale-staedte/benchmark/generator/problem"
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

// libreOffice holds cells.fods, a flat ODS written by hand with one cell
// of each kind, and what LibreOffice 7.4 made of it:
//
//	soffice --headless --convert-to ods --outdir . cells.fods
//	soffice --headless --convert-to xlsx --outdir . cells.fods
const libreOffice = "testdata/libreoffice"

// TestTextconvODS: the text form of an .ods, line by line. B5 lies under
// the merged range A5:B6 but still holds the text it had before the merge,
// as LibreOffice keeps it; like an .xlsx's covered cells, it is left out.
func TestTextconvODS(t *testing.T) {
	cells, err := ReadCells(filepath.Join(libreOffice, "cells.ods"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`Kennzahlen!A1	"ID"`,
		`Kennzahlen!B1	"2022"`,
		`Kennzahlen!C1	"2023"`,
		`Kennzahlen!D1	"Quelle"`,
		`Kennzahlen!A2	"V1"`,
		`Kennzahlen!B2	12.5`,
		`Kennzahlen!C2	25	=[.B2]*2`,
		`Kennzahlen!D2	"Amt für Statistik  "`, // text:s elements
		`Kennzahlen!A3	"12"`,
		`Kennzahlen!B3	0.125`, // a percentage, shown as 12.5%
		`Kennzahlen!C3	#DIV/0!	=1/0`,
		`Kennzahlen!D3	"zwei\nZeilen"`, // two paragraphs
		`Kennzahlen!A4	1234567.5`,
		`Kennzahlen!B4	0.000125`,
		`Kennzahlen!C4	"V1-2022"	=CONCATENATE([.A2];"-";[.B1])`,
		`Kennzahlen!D4	TRUE`,
		`Kennzahlen!A5	"zusammengeführt"`,
		`Kennzahlen!C5	FALSE`,
		`Kennzahlen!C6	7`, // one cell repeated
		`Kennzahlen!D6	7`,
		`Kennzahlen!B7	-3`,
		`Kennzahlen!B8	-3`,
		`Stadt!A1	"Beschluss"`,
		`Stadt!B1	2019-07-24`,
		`Stadt!A2	"Sitzung"`,
		`Stadt!B2	2019-07-24T08:30:00`,
		`Stadt!A3	"Beginn"`,
		`Stadt!B3	08:30:00`, // a time value, PT08H30M00S
		`Stadt!A4	"Einwohner"`,
		`Stadt!B4	37.5	=SUM([Kennzahlen.B2:.C2])`,
		`Versteckt!A1	"nicht sichtbar"`, // a hidden sheet
	}
	got := strings.Split(strings.TrimSuffix(TextLines(cells), "\n"), "\n")
	for i := range max(len(got), len(want)) {
		g, w := "(none)", "(none)"
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			t.Errorf("line %d: %s\n            want %s", i+1, g, w)
		}
	}
}

// TestDiffXLSXAgainstODS: the same workbook saved by LibreOffice as .xlsx
// and as .ods gives the same cells; only formulas differ, in syntax.
func TestDiffXLSXAgainstODS(t *testing.T) {
	xlsx, err := ReadCells(filepath.Join(libreOffice, "cells.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	ods, err := ReadCells(filepath.Join(libreOffice, "cells.ods"))
	if err != nil {
		t.Fatal(err)
	}
	want := "Kennzahlen!C2\t25 =B2*2 → 25 =[.B2]*2\n" +
		"Kennzahlen!C4\t\"V1-2022\" =CONCATENATE(A2,\"-\",B1) → \"V1-2022\" =CONCATENATE([.A2];\"-\";[.B1])\n" +
		"\n" +
		"Stadt!B4\t37.5 =SUM(Kennzahlen!B2:C2) → 37.5 =SUM([Kennzahlen.B2:.C2])\n"
	if got := DiffText(Diff(xlsx, ods)); got != want {
		t.Errorf("diff:\n%s\nwant:\n%s", got, want)
	}
	// Named .xlsx, an .ods is still read as one.
	renamed := filepath.Join(t.TempDir(), "cells.xlsx")
	copyFile(t, filepath.Join(libreOffice, "cells.ods"), renamed)
	again, err := ReadCells(renamed)
	if err != nil {
		t.Fatal(err)
	}
	if d := Diff(ods, again); len(d) != 0 {
		t.Errorf("an .ods named .xlsx reads differently: %s", DiffText(d))
	}
}

// TestODSDate: ODS dates and times print as isoTime prints the serial
// number an .xlsx holds for them.
func TestODSDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2019-07-24", "2019-07-24"},
		{"2019-07-24T00:00:00", "2019-07-24"},
		{"2019-07-24T08:30:00.6", "2019-07-24T08:30:01"},
		{"1899-12-30T12:00:00", "12:00:00"}, // serial 0.5 with a date and time format
		{"PT08H30M00S", "08:30:00"},
		{"PT36H00M00S", "1900-01-01T12:00:00"}, // serial 1.5, as Excel counts
		{"P1DT0H", "1900-01-01"},               // serial 1 is 1900-01-01 in Excel
		{"PT0.5S", "00:00:01"},
		{"24.07.2019", ""},
		{"P", ""},
		{"PT", ""},
		{"-PT1H", ""},
		{"PT99999999999H", ""},
	}
	for _, tt := range tests {
		got, ok := odsDate(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("odsDate(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

// TestReadCellsBrokenODS: a broken .ods gets the reader's own word for it,
// as a broken .xlsx does.
func TestReadCellsBrokenODS(t *testing.T) {
	ods, err := os.ReadFile(filepath.Join(libreOffice, "cells.ods"))
	if err != nil {
		t.Fatal(err)
	}
	content := part(t, ods, "content.xml")
	tests := []struct {
		name string
		data []byte
		want problem.Code
	}{
		{"content cut short", withParts(t, ods, map[string][]byte{"content.xml": content[:len(content)/2]}), problem.FileDamaged},
		{"encrypted", withParts(t, ods, map[string][]byte{"META-INF/manifest.xml": []byte(`<manifest:encryption-data/>`)}), problem.FileEncryptedODS},
		{"archive cut short", ods[:len(ods)-100], problem.FileTruncated},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "kaputt.ods")
			if err := os.WriteFile(path, tt.data, 0o644); err != nil {
				t.Fatal(err)
			}
			var probs problem.List
			ReadCity(path, &probs)
			if len(probs) != 1 || probs[0].Code != tt.want {
				t.Fatalf("reader: %s; want one %s", probs.Text("en"), tt.want)
			}
			_, err := ReadCells(path)
			if want := probs[0].Pos.String() + ": " + probs[0].Message("en"); err == nil || err.Error() != want {
				t.Errorf("ReadCells: %v\nwant %s", err, want)
			}
		})
	}
}
