package changes_test

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"slices"
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
	wt.Write(t, filepath.Join(data, "partners", "alpha.xlsx"), alpha...)
	beta := wt.City("Beta", 2)
	beta[2].Rows[1][3] = "abgeschlossen"
	beta[2].Rows = beta[2].Rows[:2]
	wt.Write(t, filepath.Join(data, "partners", "beta.xlsx"), beta...)
	wt.Write(t, filepath.Join(data, "partners", "gamma.xlsx"), wt.City("Gamma", 3)...)
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

// current is a table of this release with the named columns; rows give
// their cells in that order.
func current(name string, cols []string, rows ...[]opendata.Value) opendata.Table {
	t := opendata.Table{Name: name, Rows: rows}
	for _, c := range cols {
		t.Fields = append(t.Fields, opendata.Field{Name: c})
	}
	return t
}

var (
	measureCols = []string{"city", "id", "title_de", "title_en", "status", "progress", "origin"}
	reportCols  = []string{"city", "date", "title_de", "title_en", "measure", "origin"}
)

// measure is a previous release's measures row, as its CSV file reads back;
// progress "-" leaves the column out, as releases before it had it.
func measure(id, status, progress string) map[string]string {
	row := map[string]string{"city": "alpha", "id": id, "title_de": "Titel " + id, "status": status, "progress": progress, "origin": "alpha.xlsx: Maßnahmen!A2"}
	if progress == "-" {
		delete(row, "progress")
	}
	return row
}

func report(date, title string) map[string]string {
	return map[string]string{"city": "alpha", "date": date, "title_de": title, "title_en": "", "measure": "", "origin": "alpha.xlsx: Berichte!A2"}
}

// TestDiffMeasuresAndReports checks by hand which measures moved in
// status or progress (old % → new %) and which reports are new, against
// previous releases with and without the progress column and the reports
// table.
func TestDiffMeasuresAndReports(t *testing.T) {
	reportRow := func(date, title string) []opendata.Value {
		return []opendata.Value{"alpha", date, title, "", "", "alpha.xlsx: Berichte!A3"}
	}
	for _, tc := range []struct {
		name     string
		prev     map[string][]map[string]string
		measures [][]opendata.Value // this release's
		reports  [][]opendata.Value // this release's
		want     []string           // kind id status old→new progress old→new
		compared bool               // the reports
		wantR    []string           // date title
	}{{
		name:     "progress moved",
		prev:     map[string][]map[string]string{"measures": {measure("M-01", "in_progress", "40")}},
		measures: [][]opendata.Value{{"alpha", "M-01", "Titel M-01", "", "in_progress", 56.0, "alpha.xlsx: Maßnahmen!A2"}},
		want:     []string{"progress M-01 status →, progress 40→56"},
	}, {
		name:     "progress newly given",
		prev:     map[string][]map[string]string{"measures": {measure("M-01", "in_progress", "")}},
		measures: [][]opendata.Value{{"alpha", "M-01", "Titel M-01", "", "in_progress", 25.0, "alpha.xlsx: Maßnahmen!A2"}},
		want:     []string{"progress M-01 status →, progress –→25"},
	}, {
		name:     "progress given up",
		prev:     map[string][]map[string]string{"measures": {measure("M-01", "in_progress", "12.5")}},
		measures: [][]opendata.Value{{"alpha", "M-01", "Titel M-01", "", "in_progress", nil, "alpha.xlsx: Maßnahmen!A2"}},
		want:     []string{"progress M-01 status →, progress 12.5→–"},
	}, {
		// Done is 100 % in the table even where the workbook gives none.
		name:     "status and progress moved at once",
		prev:     map[string][]map[string]string{"measures": {measure("M-01", "in_progress", "40")}},
		measures: [][]opendata.Value{{"alpha", "M-01", "Titel M-01", "", "done", 100.0, "alpha.xlsx: Maßnahmen!A2"}},
		want:     []string{"status M-01 status in_progress→done, progress 40→100"},
	}, {
		name:     "status moved, progress stayed",
		prev:     map[string][]map[string]string{"measures": {measure("M-01", "in_progress", "40")}},
		measures: [][]opendata.Value{{"alpha", "M-01", "Titel M-01", "", "stopped", 40.0, "alpha.xlsx: Maßnahmen!A2"}},
		want:     []string{"status M-01 status in_progress→stopped, progress –→–"},
	}, {
		name:     "nothing moved",
		prev:     map[string][]map[string]string{"measures": {measure("M-01", "in_progress", "40")}},
		measures: [][]opendata.Value{{"alpha", "M-01", "Titel M-01", "", "in_progress", 40.0, "alpha.xlsx: Maßnahmen!A2"}},
	}, {
		// Without the column nothing is known to have moved: no measure
		// with a progress counts as newly given.
		name:     "previous release without the progress column",
		prev:     map[string][]map[string]string{"measures": {measure("M-01", "in_progress", "-"), measure("M-02", "planned", "-")}},
		measures: [][]opendata.Value{{"alpha", "M-01", "Titel M-01", "", "in_progress", 40.0, "x"}, {"alpha", "M-02", "Titel M-02", "", "in_progress", 10.0, "y"}},
		want:     []string{"status M-02 status planned→in_progress, progress –→–"},
	}, {
		name:     "added and removed measures carry their progress",
		prev:     map[string][]map[string]string{"measures": {measure("M-01", "in_progress", "30")}},
		measures: [][]opendata.Value{{"alpha", "M-02", "Titel M-02", "", "planned", 5.0, "alpha.xlsx: Maßnahmen!A3"}},
		want:     []string{"removed M-01 status in_progress→, progress 30→–", "added M-02 status →planned, progress –→5"},
	}, {
		name:     "report new",
		prev:     map[string][]map[string]string{"reports": {report("2025-06", "Halbjahr")}},
		reports:  [][]opendata.Value{reportRow("2026-01-10", "Agenda"), reportRow("2025-06", "Halbjahr"), reportRow("2026-02", "Februar")},
		compared: true,
		wantR:    []string{"2026-02 Februar", "2026-01-10 Agenda"},
	}, {
		name:     "report unchanged",
		prev:     map[string][]map[string]string{"reports": {report("2025-06", "Halbjahr")}},
		reports:  [][]opendata.Value{reportRow("2025-06", "Halbjahr")},
		compared: true,
	}, {
		// Known by date and title: a new text is the same report, a second
		// report with the same date and title a new one.
		name:     "report with a new text, and its twin",
		prev:     map[string][]map[string]string{"reports": {report("2025-06", "Halbjahr")}},
		reports:  [][]opendata.Value{{"alpha", "2025-06", "Halbjahr", "", "", "a"}, {"alpha", "2025-06", "Halbjahr", "", "M-01", "b"}},
		compared: true,
		wantR:    []string{"2025-06 Halbjahr"},
	}, {
		name:     "report moved to another date",
		prev:     map[string][]map[string]string{"reports": {report("2025-06", "Halbjahr")}},
		reports:  [][]opendata.Value{reportRow("2025-07", "Halbjahr")},
		compared: true,
		wantR:    []string{"2025-07 Halbjahr"},
	}, {
		name:    "previous release without reports table",
		prev:    map[string][]map[string]string{},
		reports: [][]opendata.Value{reportRow("2025-06", "Halbjahr")},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			prev := changes.Release{Source: "prev", Tables: map[string][]map[string]string{"city_facts": {{"city": "alpha"}}}}
			for name, rows := range tc.prev {
				prev.Tables[name] = rows
			}
			if _, ok := prev.Tables["measures"]; !ok {
				prev.Tables["measures"] = nil
			}
			r := changes.Diff(prev, []opendata.Table{
				current("city_facts", []string{"city"}, []opendata.Value{"alpha"}),
				current("measures", measureCols, tc.measures...),
				current("reports", reportCols, tc.reports...),
			})
			var got []string
			for _, m := range r.Measures {
				got = append(got, m.Kind+" "+m.ID+" status "+m.OldStatus+"→"+m.NewStatus+", progress "+show(m.OldProgress)+"→"+show(m.NewProgress))
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("measure changes:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			var gotR []string
			for _, rc := range r.Reports {
				gotR = append(gotR, rc.Date+" "+rc.Title.De)
			}
			if r.ReportsCompared != tc.compared || !reflect.DeepEqual(gotR, tc.wantR) {
				t.Errorf("reports compared %v, new %q; want %v, %q", r.ReportsCompared, gotR, tc.compared, tc.wantR)
			}
			if r.Reports == nil {
				t.Error("Reports is nil; want an empty list, as the theme ranges over it")
			}
		})
	}
}

// TestLoadWithoutReports: a release from before partners reported has no
// reports table; it loads, and its reports are not compared.
func TestLoadWithoutReports(t *testing.T) {
	prev, _ := release(t, wt.Dataset(t, t.TempDir()))
	if err := os.Remove(filepath.Join(prev, "csv", "reports.csv")); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(prev)))
	defer srv.Close()
	for _, src := range []string{prev, srv.URL + "/datapackage.json"} {
		rel, err := changes.Load(src, nil)
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		if _, has := rel.Tables["reports"]; has {
			t.Errorf("%s: a reports table read from nowhere", src)
		}
		if r := changes.Diff(rel, nil); r.ReportsCompared || len(r.Reports) != 0 {
			t.Errorf("%s: reports compared %v, %d new; want not compared", src, r.ReportsCompared, len(r.Reports))
		}
	}
}

var offerCols = []string{"city", "kind", "topic", "title_de", "title_en", "description_de", "origin"}

// offer is a previous release's offers row, as its CSV file reads back.
func offer(city, kind, topic, title string) map[string]string {
	return map[string]string{"city": city, "kind": kind, "topic": topic, "title_de": title, "title_en": "", "description_de": "alt", "origin": city + ".xlsx: Angebote!A2"}
}

// jointMeasure is a previous release's measures row with a partners
// column; partners "-" leaves the column out, as releases before it had it.
func jointMeasure(id, partners string) map[string]string {
	row := measure(id, "in_progress", "40")
	row["partners"] = partners
	if partners == "-" {
		delete(row, "partners")
	}
	return row
}

// TestDiffOffersAndJointProjects checks by hand which offers are new or
// withdrawn and which joint projects are new, against previous releases
// with and without the offers table and the partners column.
func TestDiffOffersAndJointProjects(t *testing.T) {
	offerRow := func(city, kind, topic, title, description string) []opendata.Value {
		return []opendata.Value{city, kind, topic, title, "", description, city + ".xlsx: Angebote!A3"}
	}
	measureRow := func(id, partners string) []opendata.Value {
		return []opendata.Value{"alpha", id, "Titel " + id, "", "in_progress", 40.0, partners, "alpha.xlsx: Maßnahmen!A2"}
	}
	for _, tc := range []struct {
		name             string
		prev             map[string][]map[string]string
		offers           [][]opendata.Value // this release's
		measures         [][]opendata.Value // this release's
		offersCompared   bool
		wantO            []string // kind city offer-kind topic title origin
		partnersCompared bool
		wantJ            []string // lead id partners added
	}{{
		name:             "offer new",
		prev:             map[string][]map[string]string{"offers": {offer("alpha", "solution", "T1", "E-Akte")}},
		offers:           [][]opendata.Value{offerRow("alpha", "solution", "T1", "E-Akte", "alt"), offerRow("beta", "know_how", "T2", "Beratung", "neu")},
		offersCompared:   true,
		wantO:            []string{"new beta know_how T2 Beratung beta.xlsx: Angebote!A3"},
		partnersCompared: true,
	}, {
		// Known by partner, kind, topic and title: a new description is
		// the same offer.
		name:             "offer unchanged but for its description",
		prev:             map[string][]map[string]string{"offers": {offer("alpha", "solution", "T1", "E-Akte")}},
		offers:           [][]opendata.Value{offerRow("alpha", "solution", "T1", "E-Akte", "neu beschrieben")},
		offersCompared:   true,
		partnersCompared: true,
	}, {
		name:             "offer withdrawn",
		prev:             map[string][]map[string]string{"offers": {offer("alpha", "solution", "T1", "E-Akte"), offer("alpha", "placement", "T1", "Hospitation")}},
		offers:           [][]opendata.Value{offerRow("alpha", "solution", "T1", "E-Akte", "alt")},
		offersCompared:   true,
		wantO:            []string{"withdrawn alpha placement T1 Hospitation alpha.xlsx: Angebote!A2"},
		partnersCompared: true,
	}, {
		// A new title is a new offer; the old title is gone.
		name:             "offer renamed",
		prev:             map[string][]map[string]string{"offers": {offer("alpha", "solution", "T1", "E-Akte")}},
		offers:           [][]opendata.Value{offerRow("alpha", "solution", "T1", "E-Akte als Open Source", "alt")},
		offersCompared:   true,
		wantO:            []string{"new alpha solution T1 E-Akte als Open Source alpha.xlsx: Angebote!A3", "withdrawn alpha solution T1 E-Akte alpha.xlsx: Angebote!A2"},
		partnersCompared: true,
	}, {
		name:           "offer moved to another kind, and a twin",
		prev:           map[string][]map[string]string{"offers": {offer("alpha", "solution", "T1", "E-Akte")}},
		offers:         [][]opendata.Value{offerRow("alpha", "service", "T1", "E-Akte", "alt"), offerRow("alpha", "service", "T1", "E-Akte", "alt")},
		offersCompared: true,
		wantO: []string{"new alpha service T1 E-Akte alpha.xlsx: Angebote!A3", "new alpha service T1 E-Akte alpha.xlsx: Angebote!A3",
			"withdrawn alpha solution T1 E-Akte alpha.xlsx: Angebote!A2"},
		partnersCompared: true,
	}, {
		name:             "previous release without offers table",
		prev:             map[string][]map[string]string{},
		offers:           [][]opendata.Value{offerRow("alpha", "solution", "T1", "E-Akte", "alt")},
		partnersCompared: true,
	}, {
		name:             "joint project new",
		prev:             map[string][]map[string]string{"measures": {jointMeasure("M-01", "")}},
		measures:         [][]opendata.Value{measureRow("M-01", ""), measureRow("M-02", "beta; gamma")},
		partnersCompared: true,
		wantJ:            []string{"alpha M-02 beta,gamma added"},
	}, {
		name:             "measure gains partners",
		prev:             map[string][]map[string]string{"measures": {jointMeasure("M-01", "")}},
		measures:         [][]opendata.Value{measureRow("M-01", "beta")},
		partnersCompared: true,
		wantJ:            []string{"alpha M-01 beta"},
	}, {
		// Only new joint projects: one that gains another partner is not.
		name:             "joint project unchanged, or with one more partner",
		prev:             map[string][]map[string]string{"measures": {jointMeasure("M-01", "beta"), jointMeasure("M-02", "beta")}},
		measures:         [][]opendata.Value{measureRow("M-01", "beta"), measureRow("M-02", "beta; gamma")},
		partnersCompared: true,
	}, {
		name:             "joint project ends",
		prev:             map[string][]map[string]string{"measures": {jointMeasure("M-01", "beta")}},
		measures:         [][]opendata.Value{measureRow("M-01", "")},
		partnersCompared: true,
	}, {
		// Without the column nothing says whether M-01 was a joint project
		// already; M-02 is a new measure and so a new joint project.
		name:     "previous release without the partners column",
		prev:     map[string][]map[string]string{"measures": {jointMeasure("M-01", "-")}},
		measures: [][]opendata.Value{measureRow("M-01", "beta"), measureRow("M-02", "gamma")},
		wantJ:    []string{"alpha M-02 gamma added"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			prev := changes.Release{Source: "prev", Tables: map[string][]map[string]string{"city_facts": {{"city": "alpha"}}}}
			for name, rows := range tc.prev {
				prev.Tables[name] = rows
			}
			if _, ok := prev.Tables["measures"]; !ok {
				prev.Tables["measures"] = nil
			}
			mcols := append(slices.Clone(measureCols[:len(measureCols)-1]), "partners", "origin")
			r := changes.Diff(prev, []opendata.Table{
				current("city_facts", []string{"city"}, []opendata.Value{"alpha"}),
				current("measures", mcols, tc.measures...),
				current("offers", offerCols, tc.offers...),
			})
			var gotO []string
			for _, o := range r.Offers {
				gotO = append(gotO, strings.Join([]string{o.Kind, o.City, o.OfferKind, o.Topic, o.Title.De, o.Origin}, " "))
			}
			if r.OffersCompared != tc.offersCompared || !reflect.DeepEqual(gotO, tc.wantO) {
				t.Errorf("offers compared %v, changes:\n%s\nwant %v,\n%s", r.OffersCompared, strings.Join(gotO, "\n"), tc.offersCompared, strings.Join(tc.wantO, "\n"))
			}
			var gotJ []string
			for _, j := range r.JointProjects {
				s := j.City + " " + j.ID + " " + strings.Join(j.Partners, ",")
				if j.Added {
					s += " added"
				}
				gotJ = append(gotJ, s)
			}
			if r.PartnersCompared != tc.partnersCompared || !reflect.DeepEqual(gotJ, tc.wantJ) {
				t.Errorf("partners compared %v, new joint projects %q; want %v, %q", r.PartnersCompared, gotJ, tc.partnersCompared, tc.wantJ)
			}
			if r.Offers == nil || r.JointProjects == nil {
				t.Error("a nil list; want an empty one, as the theme ranges over it")
			}
		})
	}
}

// TestLoadWithoutOffers: a release from before partners offered has no
// offers table; it loads, and its offers are not compared.
func TestLoadWithoutOffers(t *testing.T) {
	prev, _ := release(t, wt.Dataset(t, t.TempDir()))
	if err := os.Remove(filepath.Join(prev, "csv", "offers.csv")); err != nil {
		t.Fatal(err)
	}
	rel, err := changes.Load(prev, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, has := rel.Tables["offers"]; has {
		t.Error("an offers table read from nowhere")
	}
	if r := changes.Diff(rel, nil); r.OffersCompared || len(r.Offers) != 0 {
		t.Errorf("offers compared %v, %d changes; want not compared", r.OffersCompared, len(r.Offers))
	}
}
