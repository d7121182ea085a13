package cli_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/cli"
	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/pipeline"
	wt "github.com/digitale-staedte/benchmark/generator/workbook/workbooktest"
)

func run(t *testing.T, args ...string) {
	t.Helper()
	var out, errOut bytes.Buffer
	if code := cli.Run(append(args, "--lang", "en"), &out, &errOut, func(string) string { return "" }); code != cli.ExitOK {
		t.Fatalf("generator %v: exit %d\n%s%s", args, code, out.String(), errOut.String())
	}
}

func checkNoProblems(t *testing.T, dataDir string) model.Dataset {
	t.Helper()
	ds, probs := pipeline.Check(dataDir)
	if len(probs) > 0 {
		t.Fatalf("want no problems, got\n%s", probs.Text("en"))
	}
	return ds
}

func city(ds model.Dataset, slug string) model.City {
	for _, c := range ds.Cities {
		if c.Slug == slug {
			return c
		}
	}
	return model.City{}
}

// TestCityTemplateRoundTrip fills a template cell by cell as a strategist
// would, with real values in place of the example row, and checks the data
// folder: nothing else has to change for the new city to count.
func TestCityTemplateRoundTrip(t *testing.T) {
	data := dataset(t, t.TempDir())
	path := filepath.Join(data, "partners", "gamma.xlsx")
	run(t, "template", "--data", data, "--out", path)

	value := wt.Column(t, path, "Stadt", "Wert")
	// Rows: name, kind (its drop-down's first word), state, population.
	wt.SetCells(t, path, "Stadt", wt.Cells{value + "2": "Gamma", value + "3": "Kommune", value + "5": 250000})

	// Every indicator row gets a value in every year and a source (a row
	// with values but no source is a warning); the example row's source
	// becomes a real one.
	rows := wt.Rows(t, path, "Kennzahlen")
	source := wt.Column(t, path, "Kennzahlen", "Quelle")
	cells := wt.Cells{}
	for r := 1; r < len(rows); r++ {
		for c, h := range rows[0] {
			if _, err := strconv.Atoi(h); err == nil {
				cells[fmt.Sprintf("%s%d", model.ColumnName(c+1), r+1)] = 10 + r + c
			}
		}
		cells[fmt.Sprintf("%s%d", source, r+1)] = "Amt für Statistik"
	}
	wt.SetCells(t, path, "Kennzahlen", cells)

	m := func(prefix string) string { return wt.Column(t, path, "Maßnahmen", prefix) }
	wt.SetCells(t, path, "Maßnahmen", wt.Cells{
		m("Titel /") + "2": "E-Akte einführen", m("Titel (en)") + "2": "Introduce the e-file", m("Quelle") + "2": "Ratsbeschluss",
		m("ID") + "3": "M-02", m("Titel /") + "3": "Open-Data-Portal", m("Thema") + "3": "OPEN", m("Status") + "3": "abgeschlossen",
	})

	ds := checkNoProblems(t, data)
	c := city(ds, "gamma")
	if c.Name != "Gamma" || c.Population != 250000 || c.Kind != model.Municipality {
		t.Errorf("city facts: name %q, population %d, kind %v", c.Name, c.Population, c.Kind)
	}
	if len(c.KPIs) != 4 || len(c.Measures) != 2 {
		t.Fatalf("read %d KPI rows and %d measures; want 4 and 2", len(c.KPIs), len(c.Measures))
	}
	for _, k := range c.KPIs {
		if k.Illustrative || len(k.Values) != 2 {
			t.Errorf("KPI %s: illustrative=%v, %d values; want real values for 2022 and 2023", k.Indicator, k.Illustrative, len(k.Values))
		}
	}
	if c.Measures[0].Illustrative || c.Measures[0].Title.En != "Introduce the e-file" {
		t.Errorf("measure 1 = %+v", c.Measures[0])
	}
}

// TestFrameworkTemplateRoundTrip starts a data folder from nothing: the
// framework template, extended by cell, and a city from new-city.
func TestFrameworkTemplateRoundTrip(t *testing.T) {
	data := t.TempDir()
	fw := filepath.Join(data, "framework.xlsx")
	run(t, "template", "--framework", "--out", fw)

	wt.SetCells(t, fw, "Dimensionen", wt.Cells{"A3": "DAT", "B3": "Daten", "C3": "Data", "D3": 1})
	ind := func(prefix string) string { return wt.Column(t, fw, "Indikatoren", prefix) }
	wt.SetCells(t, fw, "Indikatoren", wt.Cells{
		ind("ID") + "3": "DAT-01", ind("Dimension") + "3": "DAT", ind("Name (de)") + "3": "Offene Datensätze",
		ind("Richtung") + "3": "higher is better", ind("Gewicht") + "3": 1, ind("Transformation") + "3": "log",
	})
	wt.SetCells(t, fw, "Themen", wt.Cells{"A3": "OPEN", "B3": "DAT", "C3": "Offene Daten"})
	wt.SetCells(t, fw, "Reifegrade", wt.Cells{"A3": 50, "B3": "Fortgeschritten"})

	if err := os.Mkdir(filepath.Join(data, "partners"), 0o755); err != nil {
		t.Fatal(err)
	}
	run(t, "new-city", "Neumarkt i.d.OPf.", "--data", data)
	path := filepath.Join(data, "partners", "neumarkt-i-d-opf.xlsx")
	wt.SetCells(t, path, "Kennzahlen", wt.Cells{"A3": "DAT-01", wt.Column(t, path, "Kennzahlen", "20") + "3": 12,
		wt.Column(t, path, "Kennzahlen", "Quelle") + "3": "Open-Data-Portal"})

	ds := checkNoProblems(t, data)
	if len(ds.Framework.Indicators) != 2 || len(ds.Framework.Levels) != 2 {
		t.Errorf("framework: %d indicators, %d levels; want 2 and 2", len(ds.Framework.Indicators), len(ds.Framework.Levels))
	}
	c := city(ds, "neumarkt-i-d-opf")
	if c.Name != "Neumarkt i.d.OPf." || len(c.KPIs) != 2 || len(c.Measures) != 1 || !c.Measures[0].Illustrative {
		t.Errorf("new city = %+v", c)
	}

	// A partner of another kind: the kind row filled, no KPI sheet, and
	// valid as it comes.
	run(t, "new-partner", "Stadtwerke Neumarkt", "--kind", "Stadtwerke", "--data", data)
	ds = checkNoProblems(t, data)
	if c := city(ds, "stadtwerke-neumarkt"); c.Kind != model.MunicipalCompany || c.KPIs != nil || len(c.Measures) != 1 {
		t.Errorf("new partner = %+v", c)
	}
	if rows := wt.Rows(t, filepath.Join(data, "partners", "stadtwerke-neumarkt.xlsx"), "Stadt"); rows[2][1] != "kommunales Unternehmen" {
		t.Errorf("kind row %q; want the kind's name in the drop-down", rows[2])
	}
}

// TestTemplateToStdout: --out - writes the workbook itself to stdout, for
// pipes, and nothing else.
func TestTemplateToStdout(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := cli.Run([]string{"template", "--framework", "--out", "-"}, &out, &errOut, func(string) string { return "" }); code != cli.ExitOK {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if !bytes.HasPrefix(out.Bytes(), []byte("PK\x03\x04")) || errOut.Len() > 0 {
		t.Errorf("stdout starts with %q (want an .xlsx zip file); stderr %q", out.Bytes()[:min(8, out.Len())], errOut.String())
	}
}
