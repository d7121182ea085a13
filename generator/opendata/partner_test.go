package opendata_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/opendata"
)

// TestJSONPerPartnerAboveTheSheetLimit: a table too long for a worksheet
// comes as JSON one file per partner, which together hold the national
// file's rows in order; the data package lists them; the ZIP holds the
// CSV and Parquet files only; and the other formats and the tables that
// fit a sheet are as before.
func TestJSONPerPartnerAboveTheSheetLimit(t *testing.T) {
	ds, tables := sample(t, "../../data")
	whole, err := opendata.Files(meta(), tables)
	if err != nil {
		t.Fatal(err)
	}
	limit := 100 // below kpi_values' and indicator_scores' rows, above the others'
	m := meta()
	m.MaxRows = limit
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
	long := 0
	for _, tab := range tables {
		national := "json/" + tab.Name + ".json"
		if tab.Len() <= limit {
			if !bytes.Equal(before[national], after[national]) {
				t.Errorf("%s changed, though the table fits a sheet", national)
			}
			continue
		}
		long++
		if _, ok := after[national]; ok {
			t.Errorf("%s written, though the table is too long for a sheet", national)
		}
		var want []map[string]any
		if err := json.Unmarshal(before[national], &want); err != nil {
			t.Fatal(err)
		}
		// A partner without rows in the table (one that is not scored has
		// no KPI values) has no file.
		withRows := map[any]bool{}
		for _, r := range want {
			withRows[r["city"]] = true
		}
		var got []map[string]any
		for _, c := range ds.Cities {
			data, ok := after["json/"+tab.Name+"/"+c.Slug+".json"]
			if ok != withRows[c.Slug] {
				t.Errorf("json/%s/%s.json written %v; want it for a partner with rows only (%v)", tab.Name, c.Slug, ok, withRows[c.Slug])
			}
			if !ok {
				continue
			}
			var rows []map[string]any
			if err := json.Unmarshal(data, &rows); err != nil {
				t.Fatalf("json/%s/%s.json: %v", tab.Name, c.Slug, err)
			}
			for _, r := range rows {
				if r["city"] != c.Slug {
					t.Errorf("json/%s/%s.json holds a row of %v", tab.Name, c.Slug, r["city"])
				}
			}
			got = append(got, rows...)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the partners' files hold %d rows, not the national file's %d in order", tab.Name, len(got), len(want))
		}
		for _, p := range []string{"csv/" + tab.Name + ".csv", "csv-de/" + tab.Name + ".csv", "parquet/" + tab.Name + ".parquet"} {
			if !bytes.Equal(before[p], after[p]) {
				t.Errorf("%s changed", p)
			}
		}
	}
	if long < 2 {
		t.Fatalf("%d tables above %d rows; the test needs kpi_values and indicator_scores", long, limit)
	}

	var desc struct {
		Resources []struct {
			Name string
			Path any
		}
	}
	if err := json.Unmarshal(after[opendata.PackageFile], &desc); err != nil {
		t.Fatal(err)
	}
	for _, r := range desc.Resources {
		if r.Name != "kpi_values-json" {
			continue
		}
		paths, _ := r.Path.([]any)
		scored := 0
		for _, c := range ds.Cities {
			if c.Kind.Scored() {
				scored++
			}
		}
		if len(paths) != scored || paths[0] != "json/kpi_values/"+ds.Cities[0].Slug+".json" {
			t.Errorf("kpi_values-json path = %v, want one file per partner with KPI values (%d)", r.Path, scored)
		}
	}
	z := after[opendata.ZipFile]
	zr, err := zip.NewReader(bytes.NewReader(z), int64(len(z)))
	if err != nil {
		t.Fatal(err)
	}
	inZip := map[string]bool{}
	for _, f := range zr.File {
		inZip[f.Name] = true
	}
	// At this size the ZIP holds the CSV and Parquet forms and the
	// descriptor.
	for p := range after {
		_, format := opendata.TableOf(p)
		want := format == "csv" || format == "parquet" || p == opendata.PackageFile
		if p != opendata.ZipFile && inZip[p] != want {
			t.Errorf("%s in the ZIP: %v, want %v", p, inZip[p], want)
		}
	}
	if !m.Large(tables) || meta().Large(tables) {
		t.Errorf("Large: %v with the limit lowered, %v without; want true, false", m.Large(tables), meta().Large(tables))
	}
}

func TestTableOf(t *testing.T) {
	for _, tt := range []struct{ path, table, format string }{
		{"csv/kpi_values.csv", "kpi_values", "csv"},
		{"csv-de/kpi_values.csv", "kpi_values", "csv-de"},
		{"json/kpi_values.json", "kpi_values", "json"},
		{"parquet/kpi_values.parquet", "kpi_values", "parquet"},
		{"json/kpi_values/muenchen.json", "kpi_values", "json-partner"},
		{"csv/kpi_values/muenchen.csv", "", ""},
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
