package workbook

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/problem"
	"github.com/digitale-staedte/benchmark/generator/workbook/badfiles"
	wt "github.com/digitale-staedte/benchmark/generator/workbook/workbooktest"
)

// Fuzz targets; `make fuzz` runs each for a few seconds, and plain
// `go test` runs their committed seeds (testdata/fuzz/<Fuzz…>/) as
// regression tests. A finding that go test -fuzz writes there stays as
// one.

var writeSeeds = flag.Bool("fuzzseeds", false, "rewrite the generated seeds in testdata/fuzz/*/")

// maxFuzzFile keeps fuzzed files small: the size limits have their own
// tests (TestHeavyFilesBoundedAndFast).
const maxFuzzFile = 1 << 20

// slowRead is far beyond what reading a megabyte should take, even on a
// busy machine: a slower read is a finding (a file that stalls the build).
const slowRead = 10 * time.Second

// FuzzReadWorkbook reads arbitrary bytes as a city workbook and as a
// framework: never a panic, and every problem names the file.
func FuzzReadWorkbook(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzFile {
			t.Skip()
		}
		path := filepath.Join(t.TempDir(), "stadt.xlsx")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		var probs problem.List
		start := time.Now()
		ReadCity(path, &probs)
		ReadFramework(path, &probs)
		if took := time.Since(start); took > slowRead {
			t.Errorf("reading took %v", took)
		}
		for _, p := range probs {
			if p.Pos.File != path {
				t.Errorf("problem does not name the file: %s", p.Format("en"))
			}
		}
	})
}

// FuzzReadWorkbookParts starts from a valid city workbook and puts the
// fuzzed bytes in place of its KPI sheet and its shared strings: the
// mutations that get past the ZIP layer and into excelize's XML reading.
func FuzzReadWorkbookParts(f *testing.F) {
	city := validCity(f)
	f.Fuzz(func(t *testing.T, sheet, shared []byte) {
		if len(sheet)+len(shared) > maxFuzzFile {
			t.Skip()
		}
		path := filepath.Join(t.TempDir(), "stadt.xlsx")
		if err := os.WriteFile(path, withParts(t, city, map[string][]byte{
			kpiPart: sheet, sharedPart: shared}), 0o644); err != nil {
			t.Fatal(err)
		}
		var probs problem.List
		start := time.Now()
		c := ReadCity(path, &probs)
		if took := time.Since(start); took > slowRead {
			t.Errorf("reading took %v", took)
		}
		for _, p := range probs {
			if p.Pos.File != path {
				t.Errorf("problem does not name the file: %s", p.Format("en"))
			}
		}
		for _, k := range c.KPIs {
			for _, o := range k.Values {
				if math.IsNaN(o.Value) || math.IsInf(o.Value, 0) {
					t.Errorf("%s: value %v read", o.Pos, o.Value)
				}
			}
		}
	})
}

// FuzzReadODS puts the fuzzed bytes in place of content.xml in a valid
// .ods package, the part the ODS reader parses itself: never a panic, a
// bounded time, and no sheet read holds more than maxRows rows or
// maxCells cells, whatever repeat counts the XML claims.
func FuzzReadODS(f *testing.F) {
	parts := odsParts(f, filepath.Join(libreOffice, "cells.ods"))
	f.Fuzz(func(t *testing.T, content []byte) {
		if len(content) > maxFuzzFile {
			t.Skip()
		}
		ods := odsPackage(t, parts, content)
		zr, err := zip.NewReader(bytes.NewReader(ods), int64(len(ods)))
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		src, code, _ := readODS(zr)
		if took := time.Since(start); took > slowRead {
			t.Errorf("reading took %v", took)
		}
		if (src == nil) == (code == "") {
			t.Fatalf("readODS gave a source %v and the problem %q", src != nil, code)
		}
		if src != nil {
			checkODSLimits(t, src)
		}
	})
}

// FuzzReadODSFile reads arbitrary bytes named .ods as a city workbook and
// as text (ReadCells): never a panic, a bounded time, and every problem
// names the file.
func FuzzReadODSFile(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzFile {
			t.Skip()
		}
		path := filepath.Join(t.TempDir(), "stadt.ods")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		var probs problem.List
		start := time.Now()
		ReadCity(path, &probs)
		_, err := ReadCells(path)
		if took := time.Since(start); took > slowRead {
			t.Errorf("reading took %v", took)
		}
		for _, p := range probs {
			if p.Pos.File != path {
				t.Errorf("problem does not name the file: %s", p.Format("en"))
			}
		}
		if err != nil && !strings.HasPrefix(err.Error(), path+": ") {
			t.Errorf("ReadCells: %v does not name the file", err)
		}
	})
}

// checkODSLimits: each sheet's rows ascend within maxRows, and its cells
// (each row counted to its last cell, every repeat materialised) stay
// within maxCells, as do its formulas and covered cells.
func checkODSLimits(t *testing.T, src *odsSource) {
	t.Helper()
	for _, sh := range src.sheets {
		cells, last := 0, 0
		for _, r := range sh.rows {
			if r.n <= last || r.n > maxRows {
				t.Fatalf("sheet %q: row %d after row %d (at most %d)", sh.name, r.n, last, maxRows)
			}
			last = r.n
			cells += len(r.cells)
		}
		if len(sh.rows) > maxRows || cells > maxCells || len(sh.formulas) > maxCells || len(sh.covered) > maxCells {
			t.Fatalf("sheet %q: %d rows, %d cells, %d formulas, %d covered cells (at most %d rows, %d cells)",
				sh.name, len(sh.rows), cells, len(sh.formulas), len(sh.covered), maxRows, maxCells)
		}
	}
}

// namedPart is one part of a package, kept to build variants of it.
type namedPart struct {
	name string
	data []byte
}

// odsParts reads every part of the .ods at path.
func odsParts(t testing.TB, path string) []namedPart {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var parts []namedPart
	for _, f := range zr.File {
		parts = append(parts, namedPart{f.Name, part(t, b, f.Name)})
	}
	return parts
}

// odsPackage is the package of parts with content.xml replaced, stored
// without compression: quick to write for every input.
func odsPackage(t testing.TB, parts []namedPart, content []byte) []byte {
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		data := p.data
		if p.name == "content.xml" {
			data = content
		}
		if _, err := w.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// numberRunes are the characters a number as people write it may hold.
const numberRunes = "0123456789+-\u2212.,eE% \t\n\r\u00a0\u202f\u2007"

// FuzzParseNumber: a number is read or refused, never NaN or infinite,
// and only from what people write: digits, a sign, separators, a percent
// sign, spaces and an exponent, never Go's 0x1p4, 1_000 or Inf.
func FuzzParseNumber(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string, text bool) {
		v, ok := parseNumber(s, func() bool { return text })
		if ok && (math.IsNaN(v) || math.IsInf(v, 0)) {
			t.Errorf("parseNumber(%q) = %v", s, v)
		}
		if ok && strings.IndexFunc(s, func(r rune) bool { return !strings.ContainsRune(numberRunes, r) }) >= 0 {
			t.Errorf("parseNumber(%q) = %v: read from a character no one writes in a number", s, v)
		}
		if !ok && v != 0 {
			t.Errorf("parseNumber(%q) refused but returned %v", s, v)
		}
	})
}

// FuzzParseDate: a date that is read is a real calendar date (or a year,
// or a month of a year) with four digits at most. Whether the year is
// plausible is the reader's check (minDateYear, maxDateYear), not the
// parser's: "01.01.0001" parses, and the reader reports it with the range.
func FuzzParseDate(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := parseDate(s)
		if !ok {
			return
		}
		switch {
		case d.Year < 0 || d.Year > 9999:
			t.Errorf("parseDate(%q) = %+v: year out of range", s, d)
		case d.Month < 0 || d.Month > 12 || (d.Month == 0 && d.Day != 0):
			t.Errorf("parseDate(%q) = %+v: no month", s, d)
		case d.Day != 0:
			c := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
			if c.Day() != d.Day || int(c.Month()) != d.Month {
				t.Errorf("parseDate(%q) = %+v: no such day", s, d)
			}
		}
	})
}

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// FuzzSlug: a slug is lower-case ASCII letters and digits joined by single
// hyphens, Slug is idempotent, and IsSlug accepts what Slug gives.
func FuzzSlug(f *testing.F) {
	f.Fuzz(func(t *testing.T, name string) {
		s := Slug(name)
		if Slug(s) != s {
			t.Errorf("Slug(%q) = %q, but Slug(%q) = %q", name, s, s, Slug(s))
		}
		if s == "" {
			return
		}
		if !IsSlug(s) {
			t.Errorf("IsSlug(Slug(%q) = %q) is false", name, s)
		}
		if !slugPattern.MatchString(s) {
			t.Errorf("Slug(%q) = %q is not lower-case letters, digits and single hyphens", name, s)
		}
	})
}

const (
	kpiPart    = "xl/worksheets/sheet2.xml" // Kennzahlen, the second sheet
	sharedPart = "xl/sharedStrings.xml"
)

func validCity(t testing.TB) []byte {
	path := filepath.Join(t.TempDir(), "alpha.xlsx")
	wt.Write(t, path, wt.City("Alpha", 1)...)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// withParts is the workbook xlsx with the named parts replaced.
func withParts(t testing.TB, xlsx []byte, parts map[string][]byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(xlsx), int64(len(xlsx)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if b, ok := parts[f.Name]; ok {
			_, err = w.Write(b)
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
	return out.Bytes()
}

func part(t testing.TB, xlsx []byte, name string) []byte {
	zr, err := zip.NewReader(bytes.NewReader(xlsx), int64(len(xlsx)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			r, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			b, err := io.ReadAll(r)
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
	}
	t.Fatalf("no part %s", name)
	return nil
}

// TestWriteFuzzSeeds writes the generated seed corpora (go test
// -run WriteFuzzSeeds -fuzzseeds): valid workbooks and the small cases of
// the hostile corpus for the readers, and the parsers' typical and tricky
// inputs. Without the flag it checks that every target has seeds.
func TestWriteFuzzSeeds(t *testing.T) {
	seeds := map[string][][]any{}
	if *writeSeeds {
		city := validCity(t)
		seeds["FuzzReadWorkbook"] = append(seeds["FuzzReadWorkbook"], []any{city})
		fw := filepath.Join(t.TempDir(), "framework.xlsx")
		wt.Write(t, fw, wt.Framework()...)
		b, err := os.ReadFile(fw)
		if err != nil {
			t.Fatal(err)
		}
		seeds["FuzzReadWorkbook"] = append(seeds["FuzzReadWorkbook"], []any{b})
		small := map[string]bool{"not-a-zip": true, "truncated-zip": true, "encrypted": true, "old-xls": true,
			"ods-renamed": true, "zip-of-text": true, "sheet-xml-malformed": true, "billion-laughs": true,
			"empty-workbook": true, "cell-100000-characters": true}
		for _, c := range badfiles.Cases() {
			if !small[c.Name] {
				continue
			}
			dir := t.TempDir()
			c.Write(t, dir)
			b, err := os.ReadFile(badfiles.City(dir))
			if err != nil || bytes.Equal(b, city) {
				continue // the case breaks another file
			}
			seeds["FuzzReadWorkbook"] = append(seeds["FuzzReadWorkbook"], []any{b})
		}
		ods, err := os.ReadFile(filepath.Join(libreOffice, "cells.ods"))
		if err != nil {
			t.Fatal(err)
		}
		parts := odsParts(t, filepath.Join(libreOffice, "cells.ods"))
		seeds["FuzzReadODS"] = [][]any{
			{part(t, ods, "content.xml")},
			{[]byte(`<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>` +
				`<table:table table:name="T"><table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>` +
				`<table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="2" table:formula="of:=1"><text:p>x<text:s text:c="99999"/></text:p></table:table-cell><table:covered-table-cell><text:p>y</text:p></table:covered-table-cell></table:table-row>` +
				`</table:table></office:spreadsheet></office:body></office:document-content>`)},
			{[]byte(`<office:document-content xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><table:table table:name="T"><table:table-row table:number-rows-repeated="99999"><table:table-cell table:number-columns-repeated="3"><text:p>1</text:p></table:table-cell></table:table-row></table:table></office:document-content>`)},
		}
		seeds["FuzzReadODSFile"] = [][]any{{ods}, {odsPackage(t, parts, []byte("<office:document-content"))}}
		if city := libreOfficeCity(t); city != nil {
			seeds["FuzzReadODSFile"] = append(seeds["FuzzReadODSFile"], []any{city})
		}
		seeds["FuzzReadWorkbookParts"] = [][]any{
			{part(t, city, kpiPart), part(t, city, sharedPart)},
			{[]byte(`<worksheet><sheetData><row r="1048577"><c r="A1048577"><v>1</v></c></row></sheetData></worksheet>`), part(t, city, sharedPart)},
			{[]byte(`<worksheet><sheetData><row><c r="XFE1" t="s"><v>99999</v></c></row></sheetData></worksheet>`), []byte(`<sst><si><t>x</t></si></sst>`)},
		}
		for _, s := range []string{"1.234,5", "12,5 %", "1,234.5", "1.234", "-3", "−4,5", "1 234,5", "1e999", "NaN",
			"Inf", "-Inf", "0x1p-2", "1_000", "+.5", ",5", "1e-400", "\u00a012\u202f345", "%", "", "0b101", "0o17", "infinity", "1.5E-05"} {
			seeds["FuzzParseNumber"] = append(seeds["FuzzParseNumber"], []any{s, true}, []any{s, false})
		}
		for _, s := range []string{"24.07.2019", "2019-07-24", "07.2019", "2019-07", "2019", "43670", "31.02.2024",
			"2019-07-24T08:30:00", "0", "2958466", "1e308", "NaN", "29.02.2000", "29.02.1900", "9999-12-31", "1.1.0001"} {
			seeds["FuzzParseDate"] = append(seeds["FuzzParseDate"], []any{s})
		}
		for _, s := range []string{"München", "Neumarkt i.d.OPf.", "Frankfurt (Oder)", "İstanbul", "Łódź",
			"u\u0308ber", "Ærø", "東京", "--a--", "ß", "ǅ", "Straße 1/2", ""} {
			seeds["FuzzSlug"] = append(seeds["FuzzSlug"], []any{s})
		}
	}
	for _, name := range []string{"FuzzReadWorkbook", "FuzzReadWorkbookParts", "FuzzReadODS", "FuzzReadODSFile", "FuzzParseNumber", "FuzzParseDate", "FuzzSlug"} {
		dir := filepath.Join("testdata", "fuzz", name)
		for i, args := range seeds[name] {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			b.WriteString("go test fuzz v1\n")
			for _, a := range args {
				switch a := a.(type) {
				case []byte:
					fmt.Fprintf(&b, "[]byte(%q)\n", a)
				default:
					fmt.Fprintf(&b, "%T(%#v)\n", a, a)
				}
			}
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("seed-%02d", i)), []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		entries, err := os.ReadDir(dir)
		if err != nil || len(entries) == 0 {
			t.Errorf("%s has no seed corpus in %s (go test -run WriteFuzzSeeds -fuzzseeds)", name, dir)
		}
	}
}

// libreOfficeCity is a valid city workbook saved by LibreOffice as .ods,
// or nil where LibreOffice is not installed.
func libreOfficeCity(t *testing.T) []byte {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Log("no soffice: the .ods fuzz seeds have no city workbook")
		return nil
	}
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "stadt.xlsx")
	if err := os.WriteFile(xlsx, validCity(t), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "ods", "--outdir", dir, xlsx)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	b, err := os.ReadFile(filepath.Join(dir, "stadt.ods"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestFuzzFindings keeps what fuzzing found, with the answer checked by
// hand (the failing inputs also stay as seeds in testdata/fuzz/).
func TestFuzzFindings(t *testing.T) {
	// FuzzParseDate: a month of 0 with a day was read as the bare year,
	// so the typo "15.0.2019" became 2019.
	for _, s := range []string{"1000-0-1", "2019-0-15", "15.0.2019", "15. 0. 2019"} {
		if d, ok := parseDate(s); ok {
			t.Errorf("parseDate(%q) = %+v; want it refused", s, d)
		}
	}
	for s, want := range map[string]model.Date{"2019": {Year: 2019}, "07.2019": {Year: 2019, Month: 7}, "2019-07": {Year: 2019, Month: 7}} {
		if d, ok := parseDate(s); !ok || d != want {
			t.Errorf("parseDate(%q) = %+v, %v; want %+v", s, d, ok, want)
		}
	}
}
