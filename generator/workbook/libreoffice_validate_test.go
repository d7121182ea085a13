package workbook_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/validate"
	"github.com/digitale-staedte/benchmark/generator/workbook"
	wt "github.com/digitale-staedte/benchmark/generator/workbook/workbooktest"
)

// TestLibreOfficeCityValidated: the LibreOffice city beside a framework
// that knows its indicators and topics, through the reader and the
// validator, as one run reports it: every problem at once, also the
// duplicate ID of a row that has bad cells of its own, and the percentages
// typed for an indicator that is not measured in %.
func TestLibreOfficeCityValidated(t *testing.T) {
	for _, format := range []string{"xlsx", "ods"} {
		t.Run(format, func(t *testing.T) {
			dir := t.TempDir()
			fw := wt.Framework()
			fw[1].Rows = [][]any{
				{"ID", "Dimension", "Name (de)", "Einheit", "Richtung", "Gewicht"},
				{"KOM-01", "VER", "Zufriedenheit", "%", "höher ist besser", 1},
				{"KOM-02", "VER", "Online-Dienste", "Anzahl", "höher ist besser", 1},
				{"KOM-03", "DAT", "Datensätze", "Anzahl", "höher ist besser", 1},
				{"KOM-04", "DAT", "Anteil offener Daten", "Prozent", "höher ist besser", 1},
			}
			fw[2].Rows = append(fw[2].Rows, []any{"EAKTE", "VER", "E-Akte (Stadt)", nil})
			wt.Write(t, filepath.Join(dir, "framework.xlsx"), fw...)
			b, err := os.ReadFile(filepath.Join("testdata/libreoffice", "city."+format))
			if err != nil {
				t.Fatal(err)
			}
			city := filepath.Join(dir, "partners", "regensburg."+format)
			if err := os.MkdirAll(filepath.Dir(city), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(city, b, 0o644); err != nil {
				t.Fatal(err)
			}
			ds, probs := workbook.ReadDataset(dir)
			probs = append(probs, validate.Dataset(ds, validate.Options{Today: model.Date{Year: 2026, Month: 12, Day: 2}})...)
			var lines []string
			for _, p := range probs.Sorted() {
				lines = append(lines, strings.ReplaceAll(p.Format("de"), dir+string(filepath.Separator), ""))
			}
			got := strings.ReplaceAll(strings.Join(lines, "\n")+"\n", "regensburg."+format, "regensburg.FORMAT")
			golden := filepath.Join("testdata/libreoffice", "validated.de.golden")
			if flag.Lookup("update-libreoffice").Value.String() == "true" && format == "xlsx" {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("problems differ from %s (-update-libreoffice rewrites it):\n--- got\n%s--- want\n%s", golden, got, want)
			}
		})
	}
}
