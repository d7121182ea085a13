package changes_test

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/changes"
	"github.com/digitale-staedte/benchmark/generator/compare"
	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/opendata"
	"github.com/digitale-staedte/benchmark/generator/score"
	"github.com/digitale-staedte/benchmark/generator/workbook"
	wt "github.com/digitale-staedte/benchmark/generator/workbook/workbooktest"
)

func tables(t *testing.T, dir string) []opendata.Table {
	t.Helper()
	ds, probs := workbook.ReadDataset(dir)
	if probs.Errors() > 0 {
		t.Fatal(probs.Text("en"))
	}
	res := score.Compute(ds)
	return opendata.Tables(ds, res, compare.Build(ds, res))
}

// release writes the downloads of dir's data as a previous release, as
// the pipeline streams them, and returns its folder and its ZIP file.
func release(t *testing.T, dir string) (string, []byte) {
	t.Helper()
	out := t.TempDir()
	create := func(path string) (io.WriteCloser, error) {
		p := filepath.Join(out, filepath.FromSlash(path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, err
		}
		return os.Create(p)
	}
	var zipData bytes.Buffer
	if err := opendata.Stream(opendata.Meta{Name: "x", Licence: opendata.DefaultLicence}, tables(t, dir), &zipData, create); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, opendata.ZipFile), zipData.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return out, zipData.Bytes()
}

func TestDiff(t *testing.T) {
	data := wt.Dataset(t, t.TempDir())
	prev, zipData := release(t, data)

	// The new release: alpha revises V1 2023 (30 → 33) and adds 2024 for
	// D1; beta's M-01 is done now and M-02 is gone; gamma joins.
	alpha := wt.City("Alpha", 1)
	alpha[1].Rows[0] = append(alpha[1].Rows[0][:3], 2024, "Quelle", "Anmerkung")
	alpha[1].Rows[1] = []any{"V1", 20, 33, nil, "Beispielwert, illustrativ", nil}
	alpha[1].Rows[2] = []any{"V2", 40, 30, nil, "Amt für Statistik", nil}
	alpha[1].Rows[3] = []any{"D1", 10, 12, 14, nil, nil}
	alpha[1].Rows[4] = []any{"D2", 5, 6, nil, nil, nil}
	wt.Write(t, filepath.Join(data, "cities", "alpha.xlsx"), alpha...)
	beta := wt.City("Beta", 2)
	beta[2].Rows[1][3] = "abgeschlossen"
	beta[2].Rows = beta[2].Rows[:2]
	wt.Write(t, filepath.Join(data, "cities", "beta.xlsx"), beta...)
	wt.Write(t, filepath.Join(data, "cities", "gamma.xlsx"), wt.City("Gamma", 3)...)
	cur := tables(t, data)

	rel, err := changes.Load(prev, nil)
	if err != nil {
		t.Fatal(err)
	}
	r := changes.Diff(rel, cur)
	if !r.HasPrevious || r.Source != prev || !reflect.DeepEqual(r.NewCities, []string{"gamma"}) || len(r.RemovedCities) != 0 {
		t.Errorf("cities: %+v", r)
	}
	var got []string
	for _, v := range r.Values {
		if v.City == "gamma" {
			continue // all of a new city's values are new; counted below
		}
		got = append(got, v.Kind+" "+v.City+" "+v.Indicator+" "+itoa(v.Year)+" "+show(v.Old)+"→"+show(v.New)+" "+v.Origin)
	}
	want := []string{
		"new alpha D1 2024 –→14 alpha.xlsx: Kennzahlen!D4",
		"revised alpha V1 2023 30→33 alpha.xlsx: Kennzahlen!C2",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("value changes:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if r.NewValues != 1+8 || r.RevisedValues != 1 || r.RemovedValues != 0 {
		t.Errorf("counts new %d revised %d removed %d; want 9 (gamma's 8 + 1), 1, 0", r.NewValues, r.RevisedValues, r.RemovedValues)
	}
	var ms []string
	for _, m := range r.Measures {
		ms = append(ms, m.Kind+" "+m.City+" "+m.ID+" "+m.OldStatus+"→"+m.NewStatus)
	}
	wantM := []string{"status beta M-01 in_progress→done", "removed beta M-02 done→", "added gamma M-01 →in_progress", "added gamma M-02 →done"}
	if !reflect.DeepEqual(ms, wantM) {
		t.Errorf("measure changes:\n%s\nwant\n%s", strings.Join(ms, "\n"), strings.Join(wantM, "\n"))
	}
	if r.Measures[0].Title != (model.Text{De: "E-Akte einführen"}) {
		t.Errorf("title = %+v", r.Measures[0].Title)
	}

	// The same release as a ZIP file and by URL (ZIP and descriptor).
	zipPath := filepath.Join(t.TempDir(), "release.zip")
	if err := os.WriteFile(zipPath, zipData, 0o644); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(filepath.Dir(zipPath))))
	defer srv.Close()
	pkg := httptest.NewServer(http.FileServer(http.Dir(prev)))
	defer pkg.Close()
	for _, src := range []string{zipPath, srv.URL + "/release.zip", pkg.URL + "/datapackage.json"} {
		rel2, err := changes.Load(src, nil)
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		if !reflect.DeepEqual(rel2.Tables, rel.Tables) {
			t.Errorf("%s reads differently from the folder", src)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	if _, err := changes.Load(t.TempDir(), nil); err == nil || !strings.Contains(err.Error(), "table city_facts") {
		t.Errorf("empty folder: %v", err)
	}
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	if _, err := changes.Load(srv.URL+"/x.zip", nil); err == nil || !strings.Contains(err.Error(), "404") {
		t.Errorf("missing URL: %v", err)
	}
	bad := filepath.Join(t.TempDir(), "bad.zip")
	if err := os.WriteFile(bad, []byte("not a zip"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := changes.Load(bad, nil); err == nil || !strings.Contains(err.Error(), "bad.zip") {
		t.Errorf("not a zip: %v", err)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func show(v *float64) string {
	if v == nil {
		return "–"
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}
