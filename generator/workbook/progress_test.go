package workbook

import (
	"path/filepath"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/problem"
	wt "github.com/digitale-staedte/benchmark/generator/workbook/workbooktest"
	"github.com/xuri/excelize/v2"
)

// TestReadMeasureProgress reads the progress column as its cell shows it
// (12,5 % typed, the text "12,5 %" and the number 12.5 are all 12.5) and
// names the cell of every progress outside 0–100 and of every measure done
// at less than 100 %.
func TestReadMeasureProgress(t *testing.T) {
	tests := []struct {
		name    string
		status  string
		cell    any
		percent bool // the cell is formatted as a percentage (0,00 %)
		want    *float64
		pct     float64 // ProgressPct
		known   bool
		code    problem.Code
		message string // the English message, when code is set
	}{
		{"plain number means per cent", "in Umsetzung", 40, false, ptr(40.0), 40, true, "", ""},
		{"German text with %", "in Umsetzung", "12,5 %", false, ptr(12.5), 12.5, true, "", ""},
		{"typed as a percentage", "laufend", 0.125, true, ptr(12.5), 12.5, true, "", ""},
		{"German decimal text", "geplant", "0,5", false, ptr(0.5), 0.5, true, "", ""},
		{"empty while running: unknown", "in Umsetzung", nil, false, nil, 0, false, "", ""},
		{"empty when done means 100", "abgeschlossen", nil, false, nil, 100, true, "", ""},
		{"done at 100", "done", "100 %", false, ptr(100.0), 100, true, "", ""},
		{"zero is a progress", "geplant", 0, false, ptr(0.0), 0, true, "", ""},
		{"done at 40 contradicts", "abgeschlossen", 40, false, nil, 0, false, problem.ProgressDone,
			"measure is done, but its progress is 40 %; expected 100 % (or empty) or a status other than done"},
		{"done at 99,5 % typed contradicts", "done", 0.995, true, nil, 0, false, problem.ProgressDone,
			"measure is done, but its progress is 99.5 %; expected 100 % (or empty) or a status other than done"},
		{"above 100", "in Umsetzung", 150, false, nil, 0, false, problem.ProgressRange,
			"progress 150 % lies outside 0–100 %; expected a share from 0 to 100, e.g. 40 or 40 %"},
		{"above 100 typed as a percentage", "in Umsetzung", 1.2, true, nil, 0, false, problem.ProgressRange,
			"progress 120 % lies outside 0–100 %; expected a share from 0 to 100, e.g. 40 or 40 %"},
		{"negative", "in Umsetzung", "-5", false, nil, 0, false, problem.ProgressRange,
			"progress -5 % lies outside 0–100 %; expected a share from 0 to 100, e.g. 40 or 40 %"},
		{"not a number", "in Umsetzung", "halb", false, nil, 0, false, problem.CellNumber,
			"\"halb\" is not a number; expected a number such as 1,234.5 or 12.5 %"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "neustadt.xlsx")
			sheets := wt.City("Neustadt", 1)
			sheets[2].Rows = [][]any{
				{"ID", "Titel", "Thema", "Status", "Beginn", "Ende", "Fortschritt"},
				{"M-01", "E-Akte", "E-AKTE", tt.status, "2020", "2021", tt.cell},
			}
			wt.Write(t, path, sheets...)
			if tt.percent {
				setPercentFormat(t, path, "Maßnahmen", "G2")
			}
			var probs problem.List
			c := ReadCity(path, &probs)
			if len(c.Measures) != 1 {
				t.Fatalf("want 1 measure, got %d", len(c.Measures))
			}
			m := c.Measures[0]
			if tt.code == "" {
				if len(probs) != 0 {
					t.Fatalf("unexpected problems:\n%s", probs.Text("en"))
				}
				if (m.Progress == nil) != (tt.want == nil) || (m.Progress != nil && *m.Progress != *tt.want) {
					t.Errorf("Progress = %v; want %v", deref(m.Progress), deref(tt.want))
				}
				if pct, known := m.ProgressPct(); pct != tt.pct || known != tt.known {
					t.Errorf("ProgressPct() = %v, %v; want %v, %v", pct, known, tt.pct, tt.known)
				}
				if m.ProgressPos.Cell() != "G2" {
					t.Errorf("ProgressPos = %s; want G2", m.ProgressPos)
				}
				return
			}
			if len(probs) != 1 || probs[0].Code != tt.code || probs[0].Pos.String() != path+": Maßnahmen!G2" {
				t.Fatalf("problems:\n%s\nwant one %s at Maßnahmen!G2", probs.Text("en"), tt.code)
			}
			if got := probs[0].Message("en"); got != tt.message {
				t.Errorf("message\n got %q\nwant %q", got, tt.message)
			}
			if !m.Invalid || m.Progress != nil {
				t.Errorf("a measure with a wrong progress: Invalid = %v, Progress = %v; want true, nil", m.Invalid, deref(m.Progress))
			}
		})
	}
}

// TestReadMeasureProgressGermanMessage: the contradiction in German, with
// the number as a German cell shows it.
func TestReadMeasureProgressGermanMessage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "neustadt.xlsx")
	sheets := wt.City("Neustadt", 1)
	sheets[2].Rows = [][]any{
		{"ID", "Titel", "Thema", "Status", "Progress (%)"},
		{"M-01", "E-Akte", "E-AKTE", "abgeschlossen", "56,5 %"},
	}
	wt.Write(t, path, sheets...)
	var probs problem.List
	ReadCity(path, &probs)
	want := path + ": Maßnahmen!E2: Maßnahme ist abgeschlossen, aber ihr Fortschritt ist 56,5 %; erwartet wird 100 % (oder leer) oder ein anderer Status als abgeschlossen"
	if len(probs) != 1 || probs[0].Pos.String()+": "+probs[0].Message("de") != want {
		t.Errorf("problems:\n%s\nwant\n%s", probs.Text("de"), want)
	}
}

// setPercentFormat gives cell the number format 0,00 %, as typing 12,5 %
// into Excel does.
func setPercentFormat(t *testing.T, path, sheet, cell string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	style, err := f.NewStyle(&excelize.Style{NumFmt: 10})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStyle(sheet, cell, cell, style); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

func ptr(v float64) *float64 { return &v }

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}
