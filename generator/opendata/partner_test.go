package opendata_test

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/opendata"
)

// partnerFile is a per-partner file as read back.
type partnerFile struct {
	Partner string
	Tables  map[string]struct {
		Fields []string
		Rows   [][]any
	}
}

// readPartnerFile parses a per-partner file, numbers as written.
func readPartnerFile(t *testing.T, data []byte) partnerFile {
	t.Helper()
	var pf partnerFile
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	if err := d.Decode(&pf); err != nil {
		t.Fatal(err)
	}
	return pf
}

// csvText is a JSON value as the CSV download spells it: numbers as
// written (the two formats print them alike), null empty, texts
// neutralised.
func csvText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case json.Number:
		return x.String()
	case bool:
		if x {
			return "true"
		}
		return "false"
	case string:
		return opendata.Neutralise(x)
	}
	panic("unexpected JSON value")
}

// TestLargeTablesAboveMaxRows: with MaxRows below the rows of kpi_values
// and indicator_scores (the large tables), each partner with rows in them
// has one file json/partner/<slug>.json holding its rows of both, which
// read back with the partner added are the CSV's rows, in order and value
// by value, and the national JSON's values; the large tables have no
// German CSV, national JSON or worksheet; the data package describes
// every file; the ZIP holds the CSV and Parquet files and the descriptor;
// every other file is as without the limit.
func TestLargeTablesAboveMaxRows(t *testing.T) {
	ds, tables := sample(t, "../../data")
	whole, err := opendata.Files(meta(), tables)
	if err != nil {
		t.Fatal(err)
	}
	limit := 100 // below kpi_values' and indicator_scores' rows, above the others'
	m := meta()
	m.MaxRows = limit
	var sheets []string
	xlsx := m.XLSX
	m.XLSX = func(b opendata.Book) ([]byte, error) {
		for _, s := range b.Sheets {
			sheets = append(sheets, s.Name)
		}
		return xlsx(b)
	}
	split, err := opendata.Files(m, tables)
	if err != nil {
		t.Fatal(err)
	}
	before, after := map[string][]byte{}, map[string][]byte{}
	for _, f := range whole {
		before[f.Path] = f.Data
	}
	for _, f := range split {
		after[f.Path] = f.Data
	}

	var large []opendata.Table
	for _, tab := range tables {
		if tab.Len() > limit {
			large = append(large, tab)
		}
	}
	if names := tableNames(large); names != "kpi_values indicator_scores" {
		t.Fatalf("tables above %d rows: %s; the test needs kpi_values and indicator_scores", limit, names)
	}
	if !m.Large(tables) || meta().Large(tables) {
		t.Errorf("Large: %v with the limit lowered, %v without; want true, false", m.Large(tables), meta().Large(tables))
	}

	// Which files are written, and which are as without the limit.
	for _, tab := range tables {
		isLarge := tab.Len() > limit
		for _, tt := range []struct {
			path    string
			written bool
		}{
			{"csv/" + tab.Name + ".csv", true},
			{"csv-de/" + tab.Name + ".csv", !isLarge},
			{"json/" + tab.Name + ".json", !isLarge},
			{"parquet/" + tab.Name + ".parquet", before["parquet/"+tab.Name+".parquet"] != nil},
		} {
			data, ok := after[tt.path]
			if ok != tt.written {
				t.Errorf("%s written: %v, want %v", tt.path, ok, tt.written)
			}
			if ok && !bytes.Equal(data, before[tt.path]) {
				t.Errorf("%s differs from the one without the limit", tt.path)
			}
		}
		if in := slices.Contains(sheets, tab.Name); in == isLarge {
			t.Errorf("sheet %s in the workbook: %v, want %v", tab.Name, in, !isLarge)
		}
	}
	if len(sheets) != len(tables)-len(large) {
		t.Errorf("workbook sheets %v, want every table but the large ones", sheets)
	}

	// One file per partner with rows in a large table, no other file in
	// json/ but the tables' own.
	var want []string
	for _, c := range ds.Cities {
		for _, tab := range large {
			if strings.Contains(string(before["json/"+tab.Name+".json"]), `"city": "`+c.Slug+`"`) {
				want = append(want, "json/partner/"+c.Slug+".json")
				break
			}
		}
	}
	var got []string
	for _, f := range split {
		if strings.HasPrefix(f.Path, "json/") && strings.Count(f.Path, "/") > 1 {
			got = append(got, f.Path)
		}
	}
	if len(want) < 3 || !slices.Equal(got, want) {
		t.Fatalf("per-partner files %q, want %q", got, want)
	}

	// The partners' files together hold every row of the large tables:
	// read back in the partners' order and with the partner added, they
	// are the CSV's rows, and their values the national JSON's.
	files := map[string]partnerFile{}
	for _, p := range got {
		files[p] = readPartnerFile(t, after[p])
	}
	for _, tab := range large {
		rows, err := csv.NewReader(bytes.NewReader(after["csv/"+tab.Name+".csv"])).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		header, rows := rows[0], rows[1:]
		d := json.NewDecoder(bytes.NewReader(before["json/"+tab.Name+".json"]))
		d.UseNumber()
		var national []map[string]any
		if err := d.Decode(&national); err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, p := range got {
			pf := files[p]
			if "json/partner/"+pf.Partner+".json" != p {
				t.Errorf("%s: partner %q", p, pf.Partner)
			}
			part, ok := pf.Tables[tab.Name]
			if !ok || len(pf.Tables) != len(large) {
				t.Fatalf("%s: tables %v, want every large one", p, pf.Tables)
			}
			if !slices.Equal(part.Fields, slices.DeleteFunc(slices.Clone(header), func(s string) bool { return s == "city" })) {
				t.Errorf("%s: %s fields %q, want the CSV's %q without city", p, tab.Name, part.Fields, header)
			}
			for _, r := range part.Rows {
				if n >= len(rows) {
					t.Fatalf("%s: more rows than the CSV's %d", tab.Name, len(rows))
				}
				if len(r) != len(part.Fields) {
					t.Fatalf("%s: %s row %v has not a value per field", p, tab.Name, r)
				}
				cells := map[string]any{"city": pf.Partner}
				for i, f := range part.Fields {
					cells[f] = r[i]
				}
				for i, h := range header {
					if csvText(cells[h]) != rows[n][i] {
						t.Errorf("%s row %d, %s: %q in %s, %q in the CSV", tab.Name, n+1, h, csvText(cells[h]), p, rows[n][i])
					}
					if cells[h] != national[n][h] {
						t.Errorf("%s row %d, %s: %#v in %s, %#v in the national JSON", tab.Name, n+1, h, cells[h], p, national[n][h])
					}
				}
				n++
			}
		}
		if n != len(rows) || n != tab.Len() {
			t.Errorf("%s: %d rows in the partners' files, %d in the CSV, Len %d", tab.Name, n, len(rows), tab.Len())
		}
	}

	// The data package describes every file, the large tables' in the
	// formats they come in.
	var desc struct {
		Resources []struct{ Name, Path, Format string }
	}
	if err := json.Unmarshal(after[opendata.PackageFile], &desc); err != nil {
		t.Fatal(err)
	}
	described := map[string]string{}
	for _, r := range desc.Resources {
		described[r.Path] = r.Name
	}
	for p := range after {
		if p != opendata.PackageFile && p != opendata.ZipFile && described[p] == "" {
			t.Errorf("%s is not described in datapackage.json", p)
		}
	}
	if len(desc.Resources) != len(after)-2 {
		t.Errorf("%d resources for %d files", len(desc.Resources), len(after)-2)
	}
	if name := described[got[0]]; name != "partner-"+ds.Cities[0].Slug+"-json" {
		t.Errorf("%s described as %q", got[0], name)
	}

	// At this size the ZIP holds the CSV and Parquet forms and the
	// descriptor.
	z := after[opendata.ZipFile]
	zr, err := zip.NewReader(bytes.NewReader(z), int64(len(z)))
	if err != nil {
		t.Fatal(err)
	}
	inZip := map[string]bool{}
	for _, f := range zr.File {
		inZip[f.Name] = true
	}
	for p := range after {
		_, format := opendata.TableOf(p)
		want := format == "csv" || format == "parquet" || p == opendata.PackageFile
		if p != opendata.ZipFile && inZip[p] != want {
			t.Errorf("%s in the ZIP: %v, want %v", p, inZip[p], want)
		}
	}
}

func tableNames(tables []opendata.Table) string {
	var names []string
	for _, t := range tables {
		names = append(names, t.Name)
	}
	return strings.Join(names, " ")
}

// TestJSONPerPartner: hand-made tables above MaxRows, with partners
// missing from one or the other, give one file per partner holding its
// rows of each in order, values encoded as in the national JSON, and the
// small table its national file; rows not grouped by partner, partners in
// different orders or a slug that is no file name are an error.
func TestJSONPerPartner(t *testing.T) {
	a := opendata.Table{Name: "a", Fields: []opendata.Field{{Name: "city"}, {Name: "v"}, {Name: "n"}}}
	b := opendata.Table{Name: "b", Fields: []opendata.Field{{Name: "w"}, {Name: "city"}}}
	small := opendata.Table{Name: "small", Fields: []opendata.Field{{Name: "city"}, {Name: "x"}}, Rows: [][]opendata.Value{{"x", 1}}}
	type rows = [][]opendata.Value
	for _, tt := range []struct {
		name  string
		a, b  rows
		files map[string]string // per-partner file → its text
		err   string
	}{
		{
			name: "partners in both, in one, in the other",
			a:    rows{{"p", 1.5, 2}, {"p", nil, -3}, {"q", true, 0}},
			b:    rows{{`he said "hi"`, "q"}, {"=1+2", "r"}, {"ü\n", "r"}},
			files: map[string]string{
				"json/partner/p.json": `{"partner":"p","tables":{
"a":{"fields":["v","n"],"rows":[
[1.5,2],
[null,-3]
]},
"b":{"fields":["w"],"rows":[
]}
}}
`,
				"json/partner/q.json": `{"partner":"q","tables":{
"a":{"fields":["v","n"],"rows":[
[true,0]
]},
"b":{"fields":["w"],"rows":[
["he said \"hi\""]
]}
}}
`,
				"json/partner/r.json": `{"partner":"r","tables":{
"a":{"fields":["v","n"],"rows":[
]},
"b":{"fields":["w"],"rows":[
["=1+2"],
["ü\n"]
]}
}}
`,
			},
		},
		{
			name: "a partner only in the second table, before one in both",
			a:    rows{{"q", 1, 1}, {"q", 2, 2}},
			b:    rows{{"x", "p"}, {"y", "q"}},
			files: map[string]string{
				"json/partner/p.json": "{\"partner\":\"p\",\"tables\":{\n\"a\":{\"fields\":[\"v\",\"n\"],\"rows\":[\n]},\n\"b\":{\"fields\":[\"w\"],\"rows\":[\n[\"x\"]\n]}\n}}\n",
				"json/partner/q.json": "{\"partner\":\"q\",\"tables\":{\n\"a\":{\"fields\":[\"v\",\"n\"],\"rows\":[\n[1,1],\n[2,2]\n]},\n\"b\":{\"fields\":[\"w\"],\"rows\":[\n[\"y\"]\n]}\n}}\n",
			},
		},
		{name: "rows not grouped", a: rows{{"p", 1, 1}, {"q", 1, 1}, {"p", 1, 1}}, b: rows{{"x", "p"}, {"y", "p"}}, err: "a: rows not grouped"},
		{name: "orders differ", a: rows{{"p", 1, 1}, {"q", 1, 1}}, b: rows{{"x", "q"}, {"y", "p"}}, err: "list their partners in different orders"},
		{name: "slug no file name", a: rows{{"p/q", 1, 1}, {"p/q", 1, 1}}, b: rows{{"x", "p"}, {"y", "p"}}, err: `rows not grouped by a partner usable as a file name: "p/q"`},
		{name: "empty slug", a: rows{{"p", 1, 1}, {"p", 1, 1}}, b: rows{{"x", "p"}, {"y", nil}}, err: `b: rows not grouped by a partner usable as a file name: ""`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a.Rows, b.Rows = tt.a, tt.b
			files, err := opendata.Files(opendata.Meta{MaxRows: 1}, []opendata.Table{a, small, b})
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want one with %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var paths []string
			got := map[string]string{}
			for _, f := range files {
				paths = append(paths, f.Path)
				if strings.HasPrefix(f.Path, "json/partner/") {
					got[f.Path] = string(f.Data)
					if !json.Valid(f.Data) {
						t.Errorf("%s is not JSON", f.Path)
					}
				}
			}
			for p, want := range tt.files {
				if got[p] != want {
					t.Errorf("%s:\n%s\nwant\n%s", p, got[p], want)
				}
			}
			if len(got) != len(tt.files) {
				t.Errorf("per-partner files %v, want %d", paths, len(tt.files))
			}
			for _, p := range []string{"json/small.json", "csv-de/small.csv", "csv/a.csv", "csv/b.csv"} {
				if !slices.Contains(paths, p) {
					t.Errorf("%s not written: %v", p, paths)
				}
			}
			for _, p := range []string{"json/a.json", "json/b.json", "csv-de/a.csv", "csv-de/b.csv"} {
				if slices.Contains(paths, p) {
					t.Errorf("%s written for a large table", p)
				}
			}
		})
	}
}

func TestTableOf(t *testing.T) {
	for _, tt := range []struct{ path, table, format string }{
		{"csv/kpi_values.csv", "kpi_values", "csv"},
		{"csv-de/kpi_values.csv", "kpi_values", "csv-de"},
		{"json/kpi_values.json", "kpi_values", "json"},
		{"parquet/kpi_values.parquet", "kpi_values", "parquet"},
		{"json/partner/muenchen.json", "", "json-partner"},
		{"json/partner/reports.json", "", "json-partner"},
		{"json/partner.json", "partner", "json"},
		{"json/kpi_values/muenchen.json", "", ""},
		{"csv/kpi_values/muenchen.csv", "", ""},
		{"csv/partner/muenchen.csv", "", ""},
		{"benchmark.xlsx", "", ""},
		{"datapackage.json", "", ""},
		{"benchmark-data.zip", "", ""},
	} {
		table, format := opendata.TableOf(tt.path)
		if table != tt.table || format != tt.format {
			t.Errorf("TableOf(%q) = %q, %q; want %q, %q", tt.path, table, format, tt.table, tt.format)
		}
	}
}
