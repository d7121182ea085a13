package opendata_test

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/digitale-staedte/benchmark/generator/compare"
	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/opendata"
	"github.com/digitale-staedte/benchmark/generator/score"
	"github.com/digitale-staedte/benchmark/generator/validate"
	"github.com/digitale-staedte/benchmark/generator/workbook"
	wt "github.com/digitale-staedte/benchmark/generator/workbook/workbooktest"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func TestNeutralise(t *testing.T) {
	tests := []struct{ in, want string }{
		{"=SUM(A1:A9)", "'=SUM(A1:A9)"},
		{"+49 89 123", "'+49 89 123"},
		{"-5", "'-5"}, // a text, not a number: numbers are never neutralised
		{"@cmd", "'@cmd"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"E-Akte", "E-Akte"},
		{"", ""},
		{"'already", "'already"},
	}
	for _, tt := range tests {
		if got := opendata.Neutralise(tt.in); got != tt.want {
			t.Errorf("Neutralise(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCSV(t *testing.T) {
	point1, point2 := 0.1, 0.2 // variables: constants would add exactly
	tab := opendata.Table{Name: "t",
		Fields: []opendata.Field{{Name: "text", Type: opendata.String}, {Name: "x", Type: opendata.Number},
			{Name: "n", Type: opendata.Integer}, {Name: "b", Type: opendata.Boolean}},
		Rows: [][]opendata.Value{
			{"=HYPERLINK(\"http://evil\")", -3.5, 2024, true},
			{"a;b, \"c\"", 1234.5, nil, false},
			{"-", point1 + point2, -7, nil},
		}}
	wantEN := "text,x,n,b\r\n" +
		"\"'=HYPERLINK(\"\"http://evil\"\")\",-3.5,2024,true\r\n" +
		"\"a;b, \"\"c\"\"\",1234.5,,false\r\n" +
		"'-,0.30000000000000004,-7,\r\n"
	if got := string(opendata.CSV(tab, ',', false)); got != wantEN {
		t.Errorf("CSV:\n%q\nwant\n%q", got, wantEN)
	}
	wantDE := "\ufefftext;x;n;b\r\n" +
		"\"'=HYPERLINK(\"\"http://evil\"\")\";-3,5;2024;true\r\n" +
		"\"a;b, \"\"c\"\"\";1234,5;;false\r\n" +
		"'-;0,30000000000000004;-7;\r\n"
	if got := string(opendata.CSV(tab, ';', true)); got != wantDE {
		t.Errorf("German CSV:\n%q\nwant\n%q", got, wantDE)
	}
	// JSON keeps the text as it is and numbers as numbers.
	var rows []map[string]any
	if err := json.Unmarshal(opendata.JSON(tab), &rows); err != nil {
		t.Fatal(err)
	}
	if rows[0]["text"] != "=HYPERLINK(\"http://evil\")" || rows[0]["x"] != -3.5 || rows[1]["n"] != nil || rows[2]["b"] != nil {
		t.Errorf("JSON rows = %v", rows)
	}
}

// sample reads and scores the repository's own data.
func sample(t *testing.T, dir string) (model.Dataset, []opendata.Table) {
	t.Helper()
	ds, probs := workbook.ReadDataset(dir)
	probs = append(probs, validate.Dataset(ds, validate.Options{Today: model.DateOf(time.Now())})...)
	if probs.Errors() > 0 {
		t.Fatalf("sample data has errors:\n%s", probs.Text("en"))
	}
	res := score.Compute(ds)
	return ds, opendata.Tables(ds, res, compare.Build(ds, res))
}

func meta() opendata.Meta {
	return opendata.Meta{Name: "digitale-staedte-benchmark", Title: model.Text{De: "Digitale Städte", En: "Digital cities"},
		Licence: opendata.DefaultLicence, XLSX: func(b opendata.Book) ([]byte, error) {
			sheets := make([]workbook.ExportSheet, len(b.Sheets))
			for i, s := range b.Sheets {
				sheets[i] = workbook.ExportSheet{Name: s.Name, Header: s.Header, Stream: s.Rows}
			}
			return workbook.WriteExport(b.Readme, sheets)
		}}
}

// TestConservation: every value read from the spreadsheets is in the CSV
// downloads, value by value, and the counts agree.
func TestConservation(t *testing.T) {
	ds, tables := sample(t, "../../data")
	files, err := opendata.Files(meta(), tables)
	if err != nil {
		t.Fatal(err)
	}
	csvs := map[string][][]string{}
	for _, f := range files {
		if strings.HasPrefix(f.Path, "csv/") {
			recs, err := csv.NewReader(bytes.NewReader(f.Data)).ReadAll()
			if err != nil {
				t.Fatalf("%s: %v", f.Path, err)
			}
			csvs[strings.TrimSuffix(strings.TrimPrefix(f.Path, "csv/"), ".csv")] = recs
		}
	}
	// lookup finds the row of table whose origin column is origin.
	lookup := func(table, origin string) map[string]string {
		recs := csvs[table]
		head := recs[0]
		for _, r := range recs[1:] {
			if r[len(r)-1] == origin {
				row := map[string]string{}
				for i, h := range head {
					row[h] = strings.TrimPrefix(r[i], "'")
				}
				return row
			}
		}
		t.Errorf("%s: no row from %s", table, origin)
		return map[string]string{}
	}
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	pos := func(p model.Pos) string { p.File = filepath.Base(p.File); return p.String() }
	values := 0
	check := func(table, origin string, want map[string]string) {
		t.Helper()
		row := lookup(table, origin)
		for k, v := range want {
			values++
			if row[k] != v {
				t.Errorf("%s %s: %s = %q, want %q", table, origin, k, row[k], v)
			}
		}
	}
	fw := ds.Framework
	for _, d := range fw.Dimensions {
		check("dimensions", pos(d.Pos), map[string]string{"id": d.ID, "name_de": d.Name.De, "name_en": d.Name.En, "weight": num(d.Weight)})
	}
	for _, ind := range fw.Indicators {
		want := map[string]string{"id": ind.ID, "dimension": ind.Dimension, "name_de": ind.Name.De, "unit_de": ind.Unit.De, "unit_en": ind.Unit.En,
			"weight": num(ind.Weight), "source": ind.Source, "description_de": ind.Description.De}
		if g := ind.Goalposts; g != nil {
			want["goalpost_min"], want["goalpost_max"] = num(g.Min), num(g.Max)
		}
		check("indicators", pos(ind.Pos), want)
	}
	for _, tp := range fw.Topics {
		check("topics", pos(tp.Pos), map[string]string{"id": tp.ID, "dimension": tp.Dimension, "name_de": tp.Name.De, "name_en": tp.Name.En})
	}
	for _, l := range fw.Levels {
		check("levels", pos(l.Pos), map[string]string{"min": num(l.Min), "name_de": l.Name.De, "name_en": l.Name.En})
	}
	kpiValues := 0
	for _, c := range ds.Cities {
		for _, f := range c.Facts {
			// Dates in ISO 8601 and numbers as numbers, whatever the cell held.
			value := f.Value
			switch {
			case value == "":
				// A row of the template left empty (a partner's blank facts).
			case f.Key == "adopted":
				value = c.Strategy.Adopted.ISO()
			case f.Key == "population":
				value = strconv.Itoa(c.Population)
			case f.Key == "kind":
				value = c.Kind.String()
			case f.Key == "lat":
				value = num(*c.Lat)
			case f.Key == "lon":
				value = num(*c.Lon)
			}
			check("city_facts", pos(f.Pos), map[string]string{"city": c.Slug, "key": f.Key, "value": value, "source": f.Source})
		}
		for _, k := range c.KPIs {
			for _, o := range k.Values {
				kpiValues++
				check("kpi_values", pos(o.Pos), map[string]string{"city": c.Slug, "indicator": k.Indicator,
					"year": strconv.Itoa(o.Year), "value": num(o.Value), "source": k.Source, "note": k.Note})
			}
		}
		for _, m := range c.Measures {
			want := map[string]string{"city": c.Slug, "id": m.ID, "title_de": m.Title.De, "title_en": m.Title.En,
				"topic": m.Topic, "status": m.Status.String(), "start": m.Start.ISO(), "end": m.End.ISO(),
				"lead": m.Lead, "description_de": m.Description.De, "description_en": m.Description.En, "link": m.Link, "source": m.Source}
			if m.Budget != nil {
				want["budget"] = num(*m.Budget)
			}
			// A done measure without a progress of its own is 100 % done.
			want["progress"] = ""
			if pct, ok := m.ProgressPct(); ok {
				want["progress"] = num(pct)
			}
			check("measures", pos(m.Pos), want)
		}
	}
	if n := len(csvs["kpi_values"]) - 1; n != kpiValues {
		t.Errorf("kpi_values.csv has %d rows, the workbooks %d values", n, kpiValues)
	}
	if kpiValues < 100 || values < 1000 {
		t.Errorf("only %d KPI values and %d cells compared: is the sample data read?", kpiValues, values)
	}
	t.Logf("compared %d values, %d of them KPI rows", values, kpiValues)
}

// TestFilesReproducibleAndComplete: two runs give the same bytes; the ZIP
// holds every other file; the descriptor names every file.
func TestFilesReproducibleAndComplete(t *testing.T) {
	_, tables := sample(t, "../../data")
	a, err := opendata.Files(meta(), tables)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := opendata.Files(meta(), tables)
	if len(a) != len(b) {
		t.Fatal("file lists differ")
	}
	for i := range a {
		if a[i].Path != b[i].Path || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Errorf("%s differs between two runs", a[i].Path)
		}
	}
	last := a[len(a)-1]
	if last.Path != opendata.ZipFile {
		t.Fatalf("last file %s, want the ZIP", last.Path)
	}
	zr, err := zip.NewReader(bytes.NewReader(last.Data), int64(len(last.Data)))
	if err != nil {
		t.Fatal(err)
	}
	if len(zr.File) != len(a)-1 {
		t.Errorf("ZIP holds %d files, want %d", len(zr.File), len(a)-1)
	}
	var desc struct {
		Licenses  []struct{ Name, Title string }
		Resources []struct{ Path string }
	}
	for _, f := range a {
		if f.Path == opendata.PackageFile {
			if err := json.Unmarshal(f.Data, &desc); err != nil {
				t.Fatal(err)
			}
		}
	}
	described := map[string]bool{}
	for _, r := range desc.Resources {
		described[r.Path] = true
	}
	for _, f := range a {
		if f.Path != opendata.PackageFile && f.Path != opendata.ZipFile && !described[f.Path] {
			t.Errorf("%s is not described in datapackage.json", f.Path)
		}
	}
	if len(desc.Licenses) != 1 || desc.Licenses[0].Title != "Datenlizenz Deutschland – Namensnennung – Version 2.0" {
		t.Errorf("licences = %+v", desc.Licenses)
	}
}

// TestDescriptorGolden pins the data package descriptor of the fixture.
func TestDescriptorGolden(t *testing.T) {
	_, tables := sample(t, wt.Dataset(t, t.TempDir()))
	files, err := opendata.Files(meta(), tables)
	if err != nil {
		t.Fatal(err)
	}
	var got []byte
	for _, f := range files {
		if f.Path == opendata.PackageFile {
			got = f.Data
		}
	}
	golden := filepath.Join("testdata", "datapackage.golden.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("datapackage.json differs from %s (run go test -update to accept)", golden)
	}
}

// TestGeneratedTables: the tables generated on each pass (a row per
// value) give the same rows every time, as many as Len says, and stop when
// the caller does.
func TestGeneratedTables(t *testing.T) {
	ds, tables := sample(t, "../../data")
	values := 0
	for _, c := range ds.Cities {
		for _, k := range c.KPIs {
			values += len(k.Values)
		}
	}
	for _, tab := range tables {
		var first, second [][]opendata.Value
		for row := range tab.All() {
			first = append(first, slices.Clone(row))
		}
		for row := range tab.All() {
			second = append(second, slices.Clone(row))
		}
		if len(first) != tab.Len() || !reflect.DeepEqual(first, second) {
			t.Errorf("%s: %d rows, then %d, Len %d", tab.Name, len(first), len(second), tab.Len())
		}
		if tab.Name == "kpi_values" && tab.Len() != values {
			t.Errorf("kpi_values has %d rows, the workbooks %d values", tab.Len(), values)
		}
		n := 0
		for range tab.All() {
			n++
			break
		}
		if n != min(1, tab.Len()) {
			t.Errorf("%s: %d rows after a break", tab.Name, n)
		}
	}
}

// TestRowsAsWideAsFields: every row of every table has a cell per field,
// so that no value lands under another column's header.
func TestRowsAsWideAsFields(t *testing.T) {
	_, tables := sample(t, "../../data")
	for _, tab := range tables {
		i := 0
		for row := range tab.All() {
			if len(row) != len(tab.Fields) {
				t.Errorf("%s row %d: %d cells, %d fields", tab.Name, i, len(row), len(tab.Fields))
				break
			}
			i++
		}
	}
}

// failingFile takes a few bytes and then fails, like a full disk.
type failingFile struct{ left int }

func (f *failingFile) Write(p []byte) (int, error) {
	if len(p) > f.left {
		n := f.left
		f.left = 0
		return n, errors.New("no space left on device")
	}
	f.left -= len(p)
	return len(p), nil
}

func (f *failingFile) Close() error { return nil }

// TestStreamWriteFails: a download that cannot be written stops the run
// with its path and the cause, whether it fails at once or halfway.
func TestStreamWriteFails(t *testing.T) {
	_, tables := sample(t, "../../data")
	for _, room := range []int{0, 1000} {
		err := opendata.Stream(meta(), tables, io.Discard, func(path string) (io.WriteCloser, error) {
			if path == "csv/kpi_values.csv" {
				return &failingFile{left: room}, nil
			}
			return &failingFile{left: 1 << 30}, nil
		})
		if err == nil || !strings.Contains(err.Error(), "csv/kpi_values.csv") || !strings.Contains(err.Error(), "no space left") {
			t.Errorf("room for %d bytes: err = %v, want the path and the cause", room, err)
		}
	}
}

// TestDatesInISO: every date in the downloads is ISO 8601, as precise as
// known, however the workbook held it: München's adoption is an Excel
// date (day number 43670 in the cell), Nürnberg's the text 23.10.2019.
func TestDatesInISO(t *testing.T) {
	_, tables := sample(t, "../../data")
	files, err := opendata.Files(meta(), tables)
	if err != nil {
		t.Fatal(err)
	}
	iso := regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)
	dates := map[string][]string{"city_facts": {"value"}, "measures": {"start", "end"}}
	adopted := map[string]string{}
	for _, f := range files {
		table, ok := strings.CutPrefix(f.Path, "json/")
		if !ok {
			continue
		}
		table = strings.TrimSuffix(table, ".json")
		var rows []map[string]any
		if err := json.Unmarshal(f.Data, &rows); err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		for _, row := range rows {
			if table == "city_facts" && row["key"] != "adopted" {
				continue
			}
			for _, field := range dates[table] {
				if v, _ := row[field].(string); v != "" && !iso.MatchString(v) {
					t.Errorf("%s: %s %q of %s is no ISO date", f.Path, field, v, row["origin"])
				}
			}
			if table == "city_facts" {
				adopted[row["city"].(string)] = row["value"].(string)
			}
		}
	}
	want := map[string]string{"augsburg": "", "muenchen": "2019-07-24", "nuernberg": "2019-10-23", "stadtwerke-muenchen": ""}
	if !reflect.DeepEqual(adopted, want) {
		t.Errorf("adopted = %v; want %v", adopted, want)
	}
	for _, f := range files {
		if f.Path == "csv/city_facts.csv" && !bytes.Contains(f.Data, []byte("muenchen,adopted,2019-07-24,")) {
			t.Errorf("%s lacks München's adoption as 2019-07-24:\n%s", f.Path, f.Data)
		}
	}
}
