package workbook

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/problem"
	wt "github.com/digitale-staedte/benchmark/generator/workbook/workbooktest"
)

// TestReadReports reads the optional reports sheet: text exactly as
// written (markup, template braces and a javascript: address stay text,
// line breaks stay), the topic as the drop-down writes it, and every bad
// cell named.
func TestReadReports(t *testing.T) {
	hostile := "Erster Absatz <script>alert(1)</script> {{ .Site }}\nZweiter: javascript:alert(1) und https://example.org/a."
	path := filepath.Join(t.TempDir(), "neustadt.xlsx")
	sheets := append(wt.City("Neustadt", 1), wt.Sheet{Name: "Berichte", Rows: [][]any{
		{"Datum", "Titel", "Titel (en)", "Text", "Text (en)", "Thema", "Maßnahme", "Link"},
		{"04.05.2026", "E-Akte im Echtbetrieb", "E-file live", hostile, nil, "OZG – Online-Dienste", "M-01", "https://example.org/e-akte"},
		{"2026-06", "Ohne Bezug", nil, nil, nil, nil, nil, nil},
		{nil, "Ohne Datum", nil, nil, nil, nil, nil, nil},
		{"01.07.2026", "Böser Link", nil, nil, nil, nil, nil, "javascript:alert(1)"},
	}})
	wt.Write(t, path, sheets...)
	var probs problem.List
	c := ReadCity(path, &probs)
	want := []string{
		path + ": Berichte!A4: error: Datum / Date is missing; expected a value",
		path + ": Berichte!H5: error: \"javascript:alert(1)\" is not an allowed link; expected an address starting with https:// or http:// (for the contact also mailto:)",
	}
	var got []string
	for _, p := range probs {
		got = append(got, p.Pos.String()+": error: "+p.Message("en"))
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems\n got %q\nwant %q", got, want)
	}
	if len(c.Reports) != 4 {
		t.Fatalf("%d reports; want all 4 rows, the wrong ones marked invalid", len(c.Reports))
	}
	first := model.Report{Date: model.Date{Year: 2026, Month: 5, Day: 4}, Title: model.Text{De: "E-Akte im Echtbetrieb", En: "E-file live"},
		Text: model.Text{De: hostile}, Topic: "OZG", MeasureID: "M-01", Link: "https://example.org/e-akte",
		Pos:      model.Pos{File: path, Sheet: "Berichte", Row: 2, Col: 1},
		TopicPos: model.Pos{File: path, Sheet: "Berichte", Row: 2, Col: 6}, MeasurePos: model.Pos{File: path, Sheet: "Berichte", Row: 2, Col: 7}}
	if !reflect.DeepEqual(c.Reports[0], first) {
		t.Errorf("first report\n got %+v\nwant %+v", c.Reports[0], first)
	}
	for i, wantInvalid := range []bool{false, false, true, true} {
		if c.Reports[i].Invalid != wantInvalid {
			t.Errorf("report %d: Invalid = %v; want %v", i+1, c.Reports[i].Invalid, wantInvalid)
		}
	}
	if c.Reports[1].Date != (model.Date{Year: 2026, Month: 6}) {
		t.Errorf("second report's date %s; want 2026-06", c.Reports[1].Date.ISO())
	}

	// Without the sheet: no reports and nothing to report.
	wt.Write(t, path, wt.City("Neustadt", 1)...)
	probs = nil
	if c := ReadCity(path, &probs); len(c.Reports) != 0 || len(probs) != 0 {
		t.Errorf("without a reports sheet: %d reports, problems\n%s", len(c.Reports), probs.Text("en"))
	}
}
