package pipeline

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/opendata"
)

// TestListDownloadsOneLinkPerFormat: the downloads page gets one entry per
// table and format, with the format named for its label; of the
// per-partner files, which belong to no one table, only the first is
// listed, labelled by their form; a ZIP of the CSV and Parquet files only
// is labelled so.
func TestListDownloadsOneLinkPerFormat(t *testing.T) {
	tables := []opendata.Table{
		{Name: "dimensions", Title: model.Text{De: "Dimensionen", En: "Dimensions"}, Input: true},
		{Name: "kpi_values", Title: model.Text{De: "Kennzahlwerte", En: "KPI values"}, Input: true},
	}
	files := []downloadFile{
		{"csv/dimensions.csv", 1},
		{"csv-de/dimensions.csv", 1},
		{"json/dimensions.json", 2},
		{"csv/kpi_values.csv", 10},
		{"parquet/kpi_values.parquet", 5},
		{"json/partner/augsburg.json", 3},
		{"json/partner/muenchen.json", 4},
		{"benchmark.xlsx", 8},
		{"datapackage.json", 6},
		{"benchmark-data.zip", 7},
	}
	dir := t.TempDir()
	if err := listDownloads(dir, files, tables, opendata.DefaultLicence, true); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, downloadsFile))
	if err != nil {
		t.Fatal(err)
	}
	var list struct {
		Files []struct {
			Path, Table, Format string
			Bytes               int
		}
	}
	if err := json.Unmarshal(data, &list); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range list.Files {
		got = append(got, f.Path+" "+f.Table+" "+f.Format)
	}
	want := []string{
		"downloads/csv/dimensions.csv dimensions csv",
		"downloads/csv-de/dimensions.csv dimensions csv-de",
		"downloads/json/dimensions.json dimensions json",
		"downloads/csv/kpi_values.csv kpi_values csv",
		"downloads/parquet/kpi_values.parquet kpi_values parquet",
		"downloads/json/partner/augsburg.json  json-partner",
		"downloads/benchmark.xlsx  ",
		"downloads/datapackage.json  ",
		"downloads/benchmark-data.zip  zip-csv-parquet",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("listed\n%q\nwant\n%q", got, want)
	}
}
