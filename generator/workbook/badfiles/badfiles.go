// Package badfiles generates a corpus of broken data folders for tests:
// each case starts from the valid folder of workbooktest and breaks it in
// one place, from a file that is no workbook at all to a zip bomb. Every
// file is generated, deterministically, so nothing large is committed.
package badfiles

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"encoding/xml"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	wt "github.com/digitale-staedte/benchmark/generator/workbook/workbooktest"
	"github.com/xuri/excelize/v2"
)

// Case is one broken data folder.
type Case struct {
	Name string
	// Write creates the data folder below dir.
	Write func(t testing.TB, dir string)
	// Heavy marks the cases that take seconds to write or read (the
	// million-row sheet, the zip bombs).
	Heavy bool
	// Accepted marks the cases that are read without error: what they
	// hold is made harmless where it enters (a control character in a
	// text), and the tests check what was read.
	Accepted bool
}

// City is the path of the city workbook most cases break.
func City(dir string) string { return filepath.Join(dir, "partners", "alpha.xlsx") }

// Framework is the path of the framework workbook.
func Framework(dir string) string { return filepath.Join(dir, "framework.xlsx") }

// Cases lists the whole corpus.
func Cases() []Case {
	return []Case{
		// Files that are no workbook at all.
		{Name: "not-a-zip", Write: replaceCity([]byte("Name;Einwohner\nAlpha;100000\n"))},
		{Name: "empty-file", Write: replaceCity(nil)},
		{Name: "truncated-zip", Write: truncateCity(0.5)},
		{Name: "truncated-zip-header-only", Write: truncateCity(0.01)},
		{Name: "encrypted", Write: encryptedCity},
		{Name: "old-xls", Write: replaceCity(oleFile("Workbook"))},
		{Name: "ods-renamed", Write: replaceCity(zipOf(
			"mimetype", "application/vnd.oasis.opendocument.spreadsheet",
			"content.xml", `<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>`))},
		{Name: "zip-of-text", Write: replaceCity(zipOf("notes.txt", "nothing to see"))},
		{Name: "sheet-xml-malformed", Write: malformedSheet},
		{Name: "billion-laughs", Write: billionLaughs},

		// Workbooks with the wrong shape.
		{Name: "empty-workbook", Write: emptyWorkbook},
		{Name: "sheets-empty", Write: city(func(s []wt.Sheet) []wt.Sheet {
			for i := range s {
				s[i].Rows = nil
			}
			return s
		})},
		{Name: "sheet-missing", Write: city(func(s []wt.Sheet) []wt.Sheet { return []wt.Sheet{s[0], s[2]} })},
		{Name: "sheet-twice", Write: city(func(s []wt.Sheet) []wt.Sheet {
			return append(s, wt.Sheet{Name: "KPIs", Rows: s[1].Rows})
		})},
		{Name: "column-missing", Write: city(func(s []wt.Sheet) []wt.Sheet {
			s[1].Rows[0][0] = "Kennung"
			return s
		})},
		{Name: "column-twice", Write: city(func(s []wt.Sheet) []wt.Sheet {
			s[2].Rows[0] = append(s[2].Rows[0], "Status")
			return s
		})},
		{Name: "framework-missing", Write: func(t testing.TB, dir string) {
			wt.Dataset(t, dir)
			remove(t, Framework(dir))
		}},
		{Name: "no-cities", Write: func(t testing.TB, dir string) {
			wt.Dataset(t, dir)
			remove(t, City(dir))
			remove(t, filepath.Join(dir, "partners", "beta.xlsx"))
		}},
		{Name: "file-name-not-a-slug", Write: func(t testing.TB, dir string) {
			wt.Dataset(t, dir)
			if err := os.Rename(City(dir), filepath.Join(dir, "partners", "Alpha Stadt.xlsx")); err != nil {
				t.Fatal(err)
			}
		}},

		// Duplicate and unknown identifiers.
		{Name: "measure-id-twice", Write: cityCells("Maßnahmen", wt.Cells{"A3": "M-01"})},
		{Name: "kpi-row-twice", Write: cityCells("Kennzahlen", wt.Cells{"A3": "V1"})},
		{Name: "indicator-unknown", Write: cityCells("Kennzahlen", wt.Cells{"A5": "X9"})},
		{Name: "topic-unknown", Write: cityCells("Maßnahmen", wt.Cells{"C2": "NIRGENDS"})},
		{Name: "fact-key-unknown", Write: cityCells("Stadt", wt.Cells{"A3": "Lieblingsfarbe"})},
		{Name: "dimension-id-twice", Write: frameworkCells("Dimensionen", wt.Cells{"A3": "VER"})},
		{Name: "indicator-dimension-unknown", Write: frameworkCells("Indikatoren", wt.Cells{"B3": "XYZ"})},

		// Values that are no numbers, or numbers that cannot be.
		{Name: "nan", Write: cityCells("Kennzahlen", wt.Cells{"B2": "NaN"})},
		{Name: "inf", Write: cityCells("Kennzahlen", wt.Cells{"C2": "Inf"})},
		{Name: "overflow", Write: cityCells("Kennzahlen", wt.Cells{"B3": "1e999"})},
		{Name: "formula-error", Write: cityCells("Kennzahlen", wt.Cells{"C4": "#DIV/0!"})},
		{Name: "formula-uncomputed", Write: uncomputedFormula},
		{Name: "log-negative", Write: logNegative(-5)},
		{Name: "log-zero", Write: logNegative(0)},
		{Name: "weight-negative", Write: frameworkCells("Dimensionen", wt.Cells{"D2": -2})},
		{Name: "population-negative", Write: cityCells("Stadt", wt.Cells{"B4": -100000})},
		{Name: "latitude-absurd", Write: cityCells("Stadt", wt.Cells{"A7": "Breitengrad", "B7": 500})},
		{Name: "budget-negative", Write: cityCells("Maßnahmen", wt.Cells{"H1": "Budget", "H2": -1})},

		// Absurd years and dates.
		{Name: "year-header-absurd", Write: cityCells("Kennzahlen", wt.Cells{"C1": 20233})},
		{Name: "year-header-ancient", Write: cityCells("Kennzahlen", wt.Cells{"B1": 1200})},
		{Name: "adopted-year-1", Write: cityCells("Stadt", wt.Cells{"B6": "01.01.0001"})},
		{Name: "measure-start-year-9999", Write: cityCells("Maßnahmen", wt.Cells{"E2": "9999"})},
		{Name: "date-impossible", Write: cityCells("Maßnahmen", wt.Cells{"F2": "31.02.2024"})},

		// Size.
		{Name: "cell-100000-characters", Write: longCell},
		{Name: "stray-cell-row-1000000", Write: strayCell},
		{Name: "cells-far-right", Write: farRight(200, "")},
		{Name: "million-rows", Write: millionRows, Heavy: true},
		{Name: "cells-far-right-under-limit", Write: farRight(12, "viel"), Heavy: true},
		{Name: "zip-bomb", Write: zipBomb(emptyRows, 1<<30, 1<<30), Heavy: true},
		{Name: "zip-bomb-lying-header", Write: zipBomb(emptyRows, 1<<30, 1<<20), Heavy: true},
		{Name: "zip-bomb-under-limit", Write: zipBomb(emptyRows, 30<<20, 30<<20), Heavy: true},
		{Name: "cell-30-megabytes", Write: zipBomb(giantCell, 30<<20, 30<<20), Heavy: true},

		// Files that are no files: a pipe blocks whoever reads it, a
		// device never ends, a sparse file claims gigabytes.
		{Name: "fifo", Write: fifoCity},
		{Name: "symlink-to-dev-zero", Write: symlinkCity("/dev/zero")},
		{Name: "symlink-out-of-data", Write: symlinkOutside},
		{Name: "sparse-3-gigabytes", Write: sparseCity(3 << 30)},
		{Name: "csv-starting-with-pk", Write: replaceCity([]byte("PKW-Bestand;2023\nAlpha;41000\n"))},

		// Parts that excelize reads but the package check would miss or
		// that excelize expands: each a few kilobytes that an unchecked
		// reader turns into hundreds of megabytes.
		{Name: "styles-xf-amplification", Write: stylesAmplified("<xf/>", 2_000_000)},
		{Name: "styles-numfmt-amplification", Write: stylesAmplified(`<numFmt numFmtId="1" formatCode="0"/>`, 400_000)},
		{Name: "part-name-backslash", Write: wideKPISheet(`xl\worksheets\sheet2.xml`, "worksheets/sheet2.xml", 0)},
		{Name: "sheet-part-without-xml-suffix", Write: wideKPISheet("xl/worksheets/sheet2", "worksheets/sheet2", 0)},
		{Name: "workbook-part-over-1-megabyte", Write: wideKPISheet("xl/kpi.xml", "kpi.xml", 1100<<10)},
		{Name: "sheets-1001", Write: manySheets(1001)},
		{Name: "parts-250000", Write: manyParts(250_000), Heavy: true},
		{Name: "shared-string-index-out-of-range", Write: sharedStringOutOfRange},
		{Name: "shared-strings-spilled-styles-broken", Write: spilledStrings, Heavy: true},

		// Numbers as Go, not people, write them; numbers that make no score.
		{Name: "number-go-literals", Write: cityCells("Kennzahlen", wt.Cells{"B2": "0x1p4", "C2": "1_000", "B3": "0b101", "C3": "infinity", "B4": "-Inf", "C4": "0o17"})},
		{Name: "kpi-value-huge", Write: cityCells("Kennzahlen", wt.Cells{"B2": 1.797e308, "C2": "-1.797e308"})},
		{Name: "weight-huge", Write: frameworkCells("Dimensionen", wt.Cells{"D2": 1e308, "D3": 1e308})},
		{Name: "year-twice", Write: cityCells("Kennzahlen", wt.Cells{"F1": "2023,0", "F2": 99})},

		// Two inputs that would share one page.
		{Name: "indicator-id-case", Write: frameworkCells("Indikatoren", wt.Cells{"A6": "v1", "B6": "VER", "C6": "Doppelt", "F6": "+", "G6": 1})},
		{Name: "indicator-id-trailing-dot", Write: frameworkCells("Indikatoren", wt.Cells{"A6": "V1.", "B6": "VER", "C6": "Doppelt", "F6": "+", "G6": 1})},
		{Name: "city-file-case-twice", Write: func(t testing.TB, dir string) {
			wt.Dataset(t, dir)
			b, err := os.ReadFile(City(dir))
			if err != nil {
				t.Fatal(err)
			}
			upper := strings.TrimSuffix(City(dir), ".xlsx") + ".XLSX"
			if _, err := os.Stat(upper); err == nil {
				t.Skip("the file system does not tell case apart")
			}
			write(t, upper, b)
		}},

		// Names that would start a log line or an annotation of their own.
		{Name: "file-name-newline", Write: func(t testing.TB, dir string) {
			wt.Dataset(t, dir)
			if err := os.Rename(City(dir), filepath.Join(dir, "partners", "alpha\n::error::x.xlsx")); err != nil {
				t.Skip("the file system refuses the name:", err)
			}
		}},
		{Name: "sheet-name-newline", Write: renameSheet("Kennzahlen", "KPIs/\n::error::x")},

		// Text that would reach a page or a download with a terminal's
		// escape sequence: read without the control character, no error.
		{Name: "escape-sequence-in-text", Write: cityCells("Maßnahmen", wt.Cells{"B2": "_x001B_[31mrot"}), Accepted: true},
	}
}

// symlinkCity puts a symbolic link to target in place of a city workbook.
func symlinkCity(target string) func(testing.TB, string) {
	return func(t testing.TB, dir string) {
		wt.Dataset(t, dir)
		remove(t, City(dir))
		if err := os.Symlink(target, City(dir)); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
}

// symlinkOutside links a city workbook to a valid workbook outside the
// data folder.
func symlinkOutside(t testing.TB, dir string) {
	outside := filepath.Join(t.TempDir(), "alpha.xlsx")
	wt.Dataset(t, dir)
	if err := os.Rename(City(dir), outside); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, City(dir)); err != nil {
		t.Skip("no symbolic links here:", err)
	}
}

// sparseCity makes the city workbook a file of size bytes, all zeros and
// sparse: it takes no disk space.
func sparseCity(size int64) func(testing.TB, string) {
	return func(t testing.TB, dir string) {
		wt.Dataset(t, dir)
		if err := os.Truncate(City(dir), size); err != nil {
			t.Fatal(err)
		}
	}
}

// rewrite rewrites the workbook at path entry by entry: edit gets each
// entry's name and content and returns the name and content to write ("" to
// leave the entry out); more entries can be appended by extra.
func rewrite(t testing.TB, path string, edit func(name string, body []byte) (string, []byte), extra func(zw *zip.Writer) error) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	out, err := os.Create(path + ".tmp")
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	zw := zip.NewWriter(out)
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		name, body := edit(f.Name, body)
		if name == "" {
			continue
		}
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(body); err != nil {
			t.Fatal(err)
		}
	}
	if extra != nil {
		if err := extra(zw); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(path+".tmp", path); err != nil {
		t.Fatal(err)
	}
}

// stylesAmplified puts n copies of elem into the city workbook's styles
// part, in the list it belongs to: a few kilobytes packed, millions of
// formats that excelize would hold in memory.
func stylesAmplified(elem string, n int) func(testing.TB, string) {
	return func(t testing.TB, dir string) {
		wt.Dataset(t, dir)
		list := "cellXfs"
		if strings.HasPrefix(elem, "<numFmt ") {
			list = "numFmts"
		}
		rewrite(t, City(dir), func(name string, body []byte) (string, []byte) {
			if name != "xl/styles.xml" {
				return name, body
			}
			s := string(body)
			items := strings.Repeat(elem, n)
			if i := strings.Index(s, "<"+list+" "); i >= 0 {
				j := i + strings.Index(s[i:], ">") + 1
				return name, []byte(s[:j] + items + s[j:])
			}
			i := strings.Index(s, "<fonts")
			return name, []byte(s[:i] + "<" + list + ">" + items + "</" + list + ">" + s[i:])
		}, nil)
	}
}

// wideKPISheet stores the city's KPI sheet as part name (the workbook's
// relationships naming it target) with 2,000 more rows, each with a text in
// the last column, XFD: 60 kilobytes that a reader holding rows fills out
// to 32 million cells, and that the package check refuses under any
// name excelize reads a sheet by. pad > 0 pads the workbook part to that
// size.
func wideKPISheet(name, target string, pad int) func(testing.TB, string) {
	return func(t testing.TB, dir string) {
		wt.Dataset(t, dir)
		rewrite(t, City(dir), func(n string, body []byte) (string, []byte) {
			switch n {
			case kpiSheetXML:
				var b strings.Builder
				s := string(body)
				end := strings.Index(s, "</sheetData>")
				b.WriteString(s[:end])
				for r := 6; r < 2006; r++ {
					fmt.Fprintf(&b, `<row r="%d"><c r="XFD%d" t="inlineStr"><is><t>x</t></is></c></row>`, r, r)
				}
				b.WriteString(s[end:])
				return name, []byte(b.String())
			case "xl/_rels/workbook.xml.rels":
				return n, []byte(strings.Replace(string(body), `Target="worksheets/sheet2.xml"`, `Target="`+target+`"`, 1))
			case "xl/workbook.xml":
				if pad > 0 {
					s := string(body)
					i := strings.Index(s, "<sheets>")
					return n, []byte(s[:i] + "<!--" + strings.Repeat("x", pad) + "-->" + s[i:])
				}
			}
			return n, body
		}, nil)
	}
}

// manySheets lists n sheets in the city workbook, each with its
// relationship, all pointing at the KPI sheet's part.
func manySheets(n int) func(testing.TB, string) {
	return func(t testing.TB, dir string) {
		wt.Dataset(t, dir)
		rewrite(t, City(dir), func(name string, body []byte) (string, []byte) {
			var extra strings.Builder
			switch name {
			case "xl/workbook.xml":
				for i := 0; i < n; i++ {
					fmt.Fprintf(&extra, `<sheet name="S%d" sheetId="%d" r:id="rIdX%d"/>`, i, 100+i, i)
				}
				return name, []byte(strings.Replace(string(body), "</sheets>", extra.String()+"</sheets>", 1))
			case "xl/_rels/workbook.xml.rels":
				for i := 0; i < n; i++ {
					fmt.Fprintf(&extra, `<Relationship Id="rIdX%d" Target="worksheets/sheet2.xml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>`, i)
				}
				return name, []byte(strings.Replace(string(body), "</Relationships>", extra.String()+"</Relationships>", 1))
			}
			return name, body
		}, nil)
	}
}

// manyParts adds n empty entries to the city workbook: a directory that
// archive/zip would hold in memory entry by entry.
func manyParts(n int) func(testing.TB, string) {
	return func(t testing.TB, dir string) {
		wt.Dataset(t, dir)
		rewrite(t, City(dir), func(name string, body []byte) (string, []byte) { return name, body }, func(zw *zip.Writer) error {
			for i := 0; i < n; i++ {
				if _, err := zw.CreateHeader(&zip.FileHeader{Name: fmt.Sprintf("%x", i), Method: zip.Store}); err != nil {
					return err
				}
			}
			return nil
		})
	}
}

// sharedStringOutOfRange makes the first measure's title (Maßnahmen!B2)
// name shared string 9999, which the workbook does not have: excelize
// reads such a cell as empty.
func sharedStringOutOfRange(t testing.TB, dir string) {
	wt.Dataset(t, dir)
	rewrite(t, City(dir), func(name string, body []byte) (string, []byte) {
		if name != "xl/worksheets/sheet3.xml" {
			return name, body
		}
		re := regexp.MustCompile(`(<c r="B2"[^>]*t="s"[^>]*><v>)\d+(</v>)`)
		if !re.Match(body) {
			t.Fatalf("no shared string in Maßnahmen!B2:\n%s", body)
		}
		return name, re.ReplaceAll(body, []byte("${1}9999${2}"))
	}, nil)
}

// spilledStrings gives the city workbook 17 MB of shared strings (which
// excelize writes to a temporary file) and a styles part whose number
// format ID is no number, on which excelize's open fails after the spill.
func spilledStrings(t testing.TB, dir string) {
	wt.Dataset(t, dir)
	rewrite(t, City(dir), func(name string, body []byte) (string, []byte) {
		switch name {
		case "xl/sharedStrings.xml":
			s := string(body)
			i := strings.Index(s, "</sst>")
			return name, []byte(s[:i] + strings.Repeat("<si><t>"+strings.Repeat("x", 1000)+"</t></si>", 17_000) + s[i:])
		case "xl/styles.xml":
			s := string(body)
			i := strings.Index(s, "<fonts")
			return name, []byte(s[:i] + `<numFmts count="1"><numFmt numFmtId="x" formatCode="0"/></numFmts>` + s[i:])
		}
		return name, body
	}, nil)
}

// renameSheet gives a sheet of the city workbook another name, written
// into the workbook part as no spreadsheet program would let one type it.
func renameSheet(from, to string) func(testing.TB, string) {
	return func(t testing.TB, dir string) {
		wt.Dataset(t, dir)
		rewrite(t, City(dir), func(name string, body []byte) (string, []byte) {
			if name != "xl/workbook.xml" {
				return name, body
			}
			var esc bytes.Buffer
			if err := xml.EscapeText(&esc, []byte(to)); err != nil {
				t.Fatal(err)
			}
			return name, bytes.Replace(body, []byte(`name="`+from+`"`), []byte(`name="`+esc.String()+`"`), 1)
		}, nil)
	}
}

// replaceCity writes the valid folder and puts b in place of a city workbook.
func replaceCity(b []byte) func(testing.TB, string) {
	return func(t testing.TB, dir string) {
		wt.Dataset(t, dir)
		write(t, City(dir), b)
	}
}

func truncateCity(share float64) func(testing.TB, string) {
	return func(t testing.TB, dir string) {
		wt.Dataset(t, dir)
		b, err := os.ReadFile(City(dir))
		if err != nil {
			t.Fatal(err)
		}
		write(t, City(dir), b[:int(float64(len(b))*share)])
	}
}

func city(edit func([]wt.Sheet) []wt.Sheet) func(testing.TB, string) {
	return func(t testing.TB, dir string) {
		wt.Dataset(t, dir)
		wt.Write(t, City(dir), edit(wt.City("Alpha", 1))...)
	}
}

func cityCells(sheet string, cells wt.Cells) func(testing.TB, string) {
	return func(t testing.TB, dir string) {
		wt.Dataset(t, dir)
		wt.SetCells(t, City(dir), sheet, cells)
	}
}

func frameworkCells(sheet string, cells wt.Cells) func(testing.TB, string) {
	return func(t testing.TB, dir string) {
		wt.Dataset(t, dir)
		wt.SetCells(t, Framework(dir), sheet, cells)
	}
}

// logNegative puts D1 ("Offene Datensätze") under a log transform and
// gives alpha the value v for it in 2023.
func logNegative(v float64) func(testing.TB, string) {
	return func(t testing.TB, dir string) {
		wt.Dataset(t, dir)
		wt.SetCells(t, Framework(dir), "Indikatoren", wt.Cells{"J4": "log"})
		wt.SetCells(t, City(dir), "Kennzahlen", wt.Cells{"C4": v})
	}
}

func encryptedCity(t testing.TB, dir string) {
	wt.Dataset(t, dir)
	f, err := excelize.OpenFile(City(dir))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.SaveAs(City(dir), excelize.Options{Password: "geheim"}); err != nil {
		t.Fatal(err)
	}
}

// uncomputedFormula stores a formula without a cached result, as programs
// that do not calculate write it.
func uncomputedFormula(t testing.TB, dir string) {
	wt.Dataset(t, dir)
	sheets := wt.City("Alpha", 1)
	sheets[1].Rows[1][2] = nil
	wt.Write(t, City(dir), sheets...)
	f, err := excelize.OpenFile(City(dir))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.SetCellFormula("Kennzahlen", "C2", "B2*1.5"); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// longCell puts 100,000 characters into a measure's title. Excel and
// excelize stop at 32,767, so the text goes into the shared strings part
// directly, as another program could write it.
func longCell(t testing.TB, dir string) {
	wt.Dataset(t, dir)
	marker := "LONGCELLMARKER"
	wt.SetCells(t, City(dir), "Maßnahmen", wt.Cells{"B2": marker})
	b, err := readEntry(City(dir), "xl/sharedStrings.xml")
	if err != nil {
		t.Fatal(err)
	}
	editZip(t, City(dir), "xl/sharedStrings.xml", func(w io.Writer) error {
		_, err := io.WriteString(w, strings.Replace(string(b), marker, strings.Repeat("A", 100000), 1))
		return err
	})
}

func readEntry(path, name string) ([]byte, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == name {
			r, err := f.Open()
			if err != nil {
				return nil, err
			}
			defer r.Close()
			return io.ReadAll(r)
		}
	}
	return nil, fmt.Errorf("%s: no part %s", path, name)
}

func emptyWorkbook(t testing.TB, dir string) {
	wt.Dataset(t, dir)
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SaveAs(City(dir)); err != nil {
		t.Fatal(err)
	}
}

// editZip rewrites the city workbook with the entry name replaced by body.
func editZip(t testing.TB, path, name string, body func(w io.Writer) error) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == name {
			err = body(w)
		} else {
			var r io.ReadCloser
			if r, err = f.Open(); err == nil {
				_, err = io.Copy(w, r)
				r.Close()
			}
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	write(t, path, out.Bytes())
}

// The valid city workbook's sheets are Stadt, Kennzahlen, Maßnahmen: the
// KPI sheet is the second.
const kpiSheetXML = "xl/worksheets/sheet2.xml"

// measuresSheetXML is the part of the city workbook's Maßnahmen sheet.
const measuresSheetXML = "xl/worksheets/sheet3.xml"

// strayCell puts an "x" into A1000000 of the Maßnahmen sheet, as a stray
// entry far below a table leaves it. The parts are those excelize writes
// for SetCellValue("Maßnahmen", "A1000000", "x") (a shared string, one row
// element), without its cost: excelize fills out the rows above in memory,
// which takes seconds.
func strayCell(t testing.TB, dir string) {
	wt.Dataset(t, dir)
	b, err := readEntry(City(dir), "xl/sharedStrings.xml")
	if err != nil {
		t.Fatal(err)
	}
	sst := string(b)
	m := regexp.MustCompile(` count="(\d+)" uniqueCount="(\d+)"`).FindStringSubmatch(sst)
	if m == nil || m[1] != m[2] || !strings.HasSuffix(sst, "</sst>") {
		t.Fatalf("unexpected shared strings: %.200s", sst)
	}
	n, _ := strconv.Atoi(m[1])
	sst = strings.Replace(sst, m[0], fmt.Sprintf(` count="%d" uniqueCount="%d"`, n+1, n+1), 1)
	editZip(t, City(dir), "xl/sharedStrings.xml", func(w io.Writer) error {
		_, err := io.WriteString(w, strings.TrimSuffix(sst, "</sst>")+"<si><t>x</t></si></sst>")
		return err
	})
	sheet, err := readEntry(City(dir), measuresSheetXML)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(sheet, []byte("</sheetData>")) {
		t.Fatalf("unexpected sheet: %.200s", sheet)
	}
	editZip(t, City(dir), measuresSheetXML, func(w io.Writer) error {
		_, err := w.Write(bytes.Replace(sheet, []byte("</sheetData>"),
			fmt.Appendf(nil, `<row r="1000000"><c r="A1000000" t="s"><v>%d</v></c></row></sheetData>`, n), 1))
		return err
	})
}

func malformedSheet(t testing.TB, dir string) {
	wt.Dataset(t, dir)
	editZip(t, City(dir), kpiSheetXML, func(w io.Writer) error {
		_, err := io.WriteString(w, `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Indikator</t></is></c></row><row r="2"><c r="A2"`)
		return err
	})
}

// billionLaughs is the classic entity expansion: nine levels of ten
// references each, a gigabyte if a parser expanded them.
func billionLaughs(t testing.TB, dir string) {
	wt.Dataset(t, dir)
	editZip(t, City(dir), kpiSheetXML, func(w io.Writer) error {
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY lol0 "lollollollollollollollollollol">`)
		for i := 1; i <= 9; i++ {
			fmt.Fprintf(&b, `<!ENTITY lol%d "%s">`, i, strings.Repeat(fmt.Sprintf("&lol%d;", i-1), 10))
		}
		b.WriteString(`]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>`)
		_, err := io.WriteString(w, b.String())
		return err
	})
}

// farRight writes a KPI sheet whose V1 row lacks its 2023 value (the
// reader then asks excelize whether that cell holds a formula, which loads
// the sheet for random access) followed by n rows with one empty cell in
// the last column, XFD: a few kilobytes that excelize fills out to 16,384
// cells per row. D2's 2022 value is badD2 when that is not "".
func farRight(n int, badD2 string) func(testing.TB, string) {
	return func(t testing.TB, dir string) {
		wt.Dataset(t, dir)
		editZip(t, City(dir), kpiSheetXML, func(w io.Writer) error {
			str := func(ref, s string) string {
				return fmt.Sprintf(`<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, s)
			}
			num := func(ref string, v float64) string { return fmt.Sprintf(`<c r="%s"><v>%v</v></c>`, ref, v) }
			d2 := num("B5", 5)
			if badD2 != "" {
				d2 = str("B5", badD2)
			}
			var b strings.Builder
			b.WriteString(sheetHead)
			b.WriteString(`<row r="1">` + str("A1", "Indikator") + num("B1", 2022) + num("C1", 2023) + str("D1", "Quelle") + `</row>`)
			b.WriteString(`<row r="2">` + str("A2", "V1") + num("B2", 20) + str("D2", "Umfrage") + `</row>`)
			b.WriteString(`<row r="3">` + str("A3", "V2") + num("B3", 40) + num("C3", 30) + str("D3", "Amt") + `</row>`)
			b.WriteString(`<row r="4">` + str("A4", "D1") + num("B4", 10) + num("C4", 12) + str("D4", "Portal") + `</row>`)
			b.WriteString(`<row r="5">` + str("A5", "D2") + d2 + num("C5", 6) + str("D5", "Portal") + `</row>`)
			for r := 6; r < 6+n; r++ {
				fmt.Fprintf(&b, `<row r="%d"><c r="XFD%d"/></row>`, r, r)
			}
			b.WriteString(`</sheetData></worksheet>`)
			_, err := io.WriteString(w, b.String())
			return err
		})
	}
}

// millionRows writes a KPI sheet of a million data rows through excelize's
// stream writer, as a runaway export would.
func millionRows(t testing.TB, dir string) {
	wt.Dataset(t, dir)
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range wt.City("Alpha", 1) {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.Name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.Name); err != nil {
			t.Fatal(err)
		}
		sw, err := f.NewStreamWriter(s.Name)
		if err != nil {
			t.Fatal(err)
		}
		rows := s.Rows
		if s.Name == "Kennzahlen" {
			rows = rows[:1]
		}
		for r, row := range rows {
			if err := sw.SetRow(cell(t, 1, r+1), row); err != nil {
				t.Fatal(err)
			}
		}
		if s.Name == "Kennzahlen" {
			for r := 2; r <= 1_000_001; r++ {
				if err := sw.SetRow(cell(t, 1, r), []any{"V1", r % 100, r % 97}); err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := sw.Flush(); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(City(dir)); err != nil {
		t.Fatal(err)
	}
}

func cell(t testing.TB, col, row int) string {
	name, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		t.Fatal(err)
	}
	return name
}

// sheetXML is a worksheet part: head, then unit repeated, then tail.
type sheetXML struct{ head, unit, tail string }

const sheetHead = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`

var (
	// emptyRows are rows without cells: millions of them for a reader
	// to walk through.
	emptyRows = sheetXML{sheetHead, "<row/>", "</sheetData></worksheet>"}
	// giantCell is one cell in the header row holding all the text.
	giantCell = sheetXML{sheetHead + `<row r="1"><c r="A1" t="inlineStr"><is><t>`, "A", "</t></is></c></row></sheetData></worksheet>"}
)

// zipBomb replaces the KPI sheet of the city workbook by size bytes of
// highly compressible XML (a few hundred kilobytes compressed) and
// declares it to be declared bytes long: a declared size below the real one
// is the lying header that tries to get past a reader's size check.
func zipBomb(x sheetXML, size, declared int64) func(testing.TB, string) {
	return func(t testing.TB, dir string) {
		wt.Dataset(t, dir)
		zr, err := zip.OpenReader(City(dir))
		if err != nil {
			t.Fatal(err)
		}
		defer zr.Close()
		out, err := os.Create(City(dir) + ".tmp")
		if err != nil {
			t.Fatal(err)
		}
		defer out.Close()
		zw := zip.NewWriter(out)
		for _, f := range zr.File {
			if f.Name == kpiSheetXML {
				if err := bomb(zw, f.Name, x, size, declared); err != nil {
					t.Fatal(err)
				}
				continue
			}
			if err := zw.Copy(f); err != nil {
				t.Fatal(err)
			}
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		if err := out.Close(); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(City(dir)+".tmp", City(dir)); err != nil {
			t.Fatal(err)
		}
	}
}

// bomb writes one deflated entry of about size bytes: x's head, then one
// megabyte of its unit compressed once and repeated, then its tail. Each
// repetition is a run of deflate blocks that ends byte-aligned (a sync
// flush) and refers to nothing before it, so copies can follow each other:
// writing a gigabyte costs a gigabyte of CRC, not of compression.
func bomb(zw *zip.Writer, name string, x sheetXML, size, declared int64) error {
	chunk := []byte(strings.Repeat(x.unit, (1<<20)/len(x.unit)))
	n := (size - int64(len(x.head)+len(x.tail))) / int64(len(chunk))
	part := func(b []byte, final bool) []byte {
		var out bytes.Buffer
		fw, _ := flate.NewWriter(&out, flate.BestCompression)
		fw.Write(b)
		if final {
			fw.Close()
		} else {
			fw.Flush()
		}
		return out.Bytes()
	}
	headZ, chunkZ, tailZ := part([]byte(x.head), false), part(chunk, false), part([]byte(x.tail), true)
	crc := crc32.NewIEEE()
	crc.Write([]byte(x.head))
	for i := int64(0); i < n; i++ {
		crc.Write(chunk)
	}
	crc.Write([]byte(x.tail))
	total := int64(len(x.head)) + n*int64(len(chunk)) + int64(len(x.tail))
	if declared >= size {
		declared = total
	}
	w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: crc.Sum32(),
		CompressedSize64:   uint64(len(headZ)) + uint64(n)*uint64(len(chunkZ)) + uint64(len(tailZ)),
		UncompressedSize64: uint64(declared)})
	if err != nil {
		return err
	}
	if _, err := w.Write(headZ); err != nil {
		return err
	}
	for i := int64(0); i < n; i++ {
		if _, err := w.Write(chunkZ); err != nil {
			return err
		}
	}
	_, err = w.Write(tailZ)
	return err
}

// oleFile is the start of an OLE2 compound file (the container of .xls and
// of password-protected .xlsx) naming one stream, e.g. "Workbook" for an
// Excel 97–2003 file.
func oleFile(stream string) []byte {
	b := make([]byte, 1536)
	copy(b, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	binary.LittleEndian.PutUint16(b[0x1A:], 3)      // major version
	binary.LittleEndian.PutUint16(b[0x1C:], 0xFFFE) // byte order
	binary.LittleEndian.PutUint16(b[0x1E:], 9)      // sector shift
	for i, u := range utf16.Encode([]rune(stream)) {
		binary.LittleEndian.PutUint16(b[1024+2*i:], u)
	}
	return b
}

// zipOf is a ZIP archive of name, content pairs, stored in order.
func zipOf(pairs ...string) []byte {
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for i := 0; i+1 < len(pairs); i += 2 {
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: pairs[i], Method: zip.Store})
		io.WriteString(w, pairs[i+1])
	}
	zw.Close()
	return out.Bytes()
}

func write(t testing.TB, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func remove(t testing.TB, path string) {
	t.Helper()
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
}
