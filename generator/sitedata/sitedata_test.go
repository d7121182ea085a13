package sitedata_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/compare"
	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/score"
	"github.com/digitale-staedte/benchmark/generator/sitedata"
	"github.com/digitale-staedte/benchmark/generator/workbook"
	wt "github.com/digitale-staedte/benchmark/generator/workbook/workbooktest"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestGolden compares the site document built from the two-city fixture
// with testdata/site.golden.json; run with -update after a deliberate change
// and review the diff.
func TestGolden(t *testing.T) {
	dir := wt.Dataset(t, t.TempDir())
	ds, probs := workbook.ReadDataset(dir)
	if len(probs) != 0 {
		t.Fatalf("fixture has problems:\n%s", probs.Text("en"))
	}
	out := t.TempDir()
	cmp := compare.Build(ds, score.Compute(ds))
	// Each city's M-01 is in progress with the end 31.12.2024: on this
	// date 12 whole months overdue. M-02 is done with its end known only
	// to the year (2021), so it has no duration.
	cmp.Speed = compare.DeliverySpeed(ds, model.Date{Year: 2026, Month: 1, Day: 15})
	if err := sitedata.Write(out, sitedata.Build(ds, score.Compute(ds), cmp)); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(out, sitedata.FileName))
	if err != nil {
		t.Fatal(err)
	}
	got = indented(t, got)
	golden := filepath.Join("testdata", "site.golden.json")
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
		t.Errorf("site document differs from %s (run go test -update to accept):\n%s", golden, firstDiff(got, want))
	}
}

// TestSpreadsheetTextStaysData: markup in a cell is escaped in the JSON,
// so the document can never close a <script> element it is embedded in.
func TestSpreadsheetTextStaysData(t *testing.T) {
	dir := wt.Dataset(t, t.TempDir())
	city := wt.City("</script><script>alert(1)</script>", 1)
	wt.Write(t, filepath.Join(dir, "partners", "alpha.xlsx"), city...)
	ds, _ := workbook.ReadDataset(dir)
	out := t.TempDir()
	if err := sitedata.Write(out, sitedata.Build(ds, score.Compute(ds), compare.Build(ds, score.Compute(ds)))); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(out, sitedata.FileName))
	if bytes.Contains(b, []byte("<script")) || bytes.Contains(b, []byte("</")) {
		t.Error("raw markup from a cell reached the JSON document")
	}
	var s sitedata.Site
	if err := json.Unmarshal(b, &s); err != nil || s.Cities[0].Name != "</script><script>alert(1)</script>" {
		t.Errorf("the name did not survive as text: %v %q", err, s.Cities[0].Name)
	}
}

func firstDiff(a, b []byte) string {
	la, lb := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
	for i := 0; i < len(la) || i < len(lb); i++ {
		var x, y []byte
		if i < len(la) {
			x = la[i]
		}
		if i < len(lb) {
			y = lb[i]
		}
		if !bytes.Equal(x, y) {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + string(x) + "\nwant: " + string(y)
		}
	}
	return ""
}

// indented is the document as the golden file keeps it, one value per line,
// so that a change shows as a readable diff.
func indented(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := json.Indent(&buf, b, "", " "); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
