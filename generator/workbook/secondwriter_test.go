package workbook

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/problem"
)

// The fixtures in testdata/secondwriter were written by openpyxl, not by
// excelize: see make_fixtures.py for what each cell holds and why.
const secondWriter = "testdata/secondwriter"

func readFixture(t *testing.T, name string) (model.City, []string) {
	return readFixtureIn(t, secondWriter, name)
}

// readFixtureIn reads dir/name as a city workbook; problems are printed in
// English without the folder.
func readFixtureIn(t *testing.T, dir, name string) (model.City, []string) {
	t.Helper()
	var probs problem.List
	c := ReadCity(filepath.Join(dir, name), &probs)
	var lines []string
	for _, p := range probs.Sorted() {
		lines = append(lines, strings.TrimPrefix(p.Format("en"), dir+"/"))
	}
	return c, lines
}

func kpi(c model.City, id string) string {
	for _, k := range c.KPIs {
		if k.Indicator == id {
			var s []string
			for _, o := range k.Values {
				s = append(s, fmt.Sprintf("%d=%v@%s", o.Year, o.Value, o.Pos.Cell()))
			}
			return strings.Join(s, " ") + " | " + k.Source + " | " + k.Note
		}
	}
	return "absent"
}

func measure(c model.City, id string) string {
	for _, m := range c.Measures {
		if m.ID == id {
			budget := "–"
			if m.Budget != nil {
				budget = fmt.Sprint(*m.Budget)
			}
			return fmt.Sprintf("%s | %s | %s | %s–%s | %s", m.Title.De, m.Topic, m.Status, m.Start.ISO(), m.End.ISO(), budget)
		}
	}
	return "absent"
}

// TestSecondWriterCity: every kind of cell is read as a strategist meant it.
func TestSecondWriterCity(t *testing.T) {
	c, probs := readFixture(t, "city.xlsx")
	if len(probs) != 0 {
		t.Fatalf("problems:\n%s", strings.Join(probs, "\n"))
	}
	tests := []struct{ what, got, want string }{
		{"sheet name with a trailing space, value with trailing spaces", c.Name, "Teststadt"},
		{"value under a header merged over B1:C1", c.State, "Bayern"},
		{"population as German text 123.456 in a shared string", fmt.Sprint(c.Population), "123456"},
		{"date as a serial number with a date format", c.Strategy.Adopted.ISO(), "2019-07-24"},
		{"number, German percent text, decimal number", kpi(c, "V1"), "2022=20@B2 2023=12.5@C2 2024=31.5@D2 | Umfrage | "},
		{"ID with a trailing space; 1.234,5 and 1\u00a0234 (non-breaking space) as text", kpi(c, "V2"), "2022=1234.5@B3 2023=1234@C3 | Jahresbericht | geschätzt"},
		{"formula =B4*2 with its stored result", kpi(c, "D1"), "2022=10@B4 2023=20@C4 2024=24@D4 | Portal | "},
		{"hidden row 6 is read; blank row 5 is skipped", kpi(c, "D2"), "2022=5@B6 2023=6@C6 | Portal | "},
		{"inline strings; date serial start, German date text end, status with trailing space, budget as text", measure(c, "M-01"),
			"E-Akte einführen | E-AKTE | in_progress | 2020-03-01–2024-12-31 | 250000"},
		{"month text start, year number end", measure(c, "M-02"), "Open-Data-Portal | OPEN | done | 2019-01–2021 | –"},
		{"extra sheets Notizen and Listen (hidden) are ignored", fmt.Sprint(len(c.KPIs), len(c.Measures)), "4 2"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.what, tt.got, tt.want)
		}
	}
}

// TestSecondWriterErrors: what cannot be read is named by its cell.
func TestSecondWriterErrors(t *testing.T) {
	c, probs := readFixture(t, "errors.xlsx")
	want := []string{
		`errors.xlsx: Kennzahlen!B2: error: cell holds the error value #DIV/0! (a formula could not be computed); expected a value`,
		`errors.xlsx: Kennzahlen!B3: error: cell holds the error value #DIV/0! (a formula could not be computed); expected a value`,
		`errors.xlsx: Kennzahlen!C3: error: cell holds the error value #N/A (a formula could not be computed); expected a value`,
		`errors.xlsx: Kennzahlen!C4: error: formula =B4*2 has no stored result; expected a value: open the workbook in Excel or LibreOffice and save it, which stores the result`,
		// The merged title row is the first non-blank row, so it is taken as
		// the header, and the header's columns are missing from it.
		`errors.xlsx: Maßnahmen!1: error: column "ID" is missing from the header row; expected a column named "ID" / "Kennung"`,
		`errors.xlsx: Maßnahmen!1: error: column "Titel" is missing from the header row; expected a column named "Titel" / "Title"`,
		`errors.xlsx: Maßnahmen!1: error: column "Thema" is missing from the header row; expected a column named "Thema" / "Topic"`,
		`errors.xlsx: Maßnahmen!1: error: column "Status" is missing from the header row; expected a column named "Status" / "Stand"`,
	}
	for i := 0; i < max(len(want), len(probs)); i++ {
		var got, w string
		if i < len(probs) {
			got = probs[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if got != w {
			t.Errorf("problem %d:\n got %s\nwant %s", i+1, got, w)
		}
	}
	// The readable cells of the same rows still count.
	if got := kpi(c, "V1"); got != "2023=30@C2 | Umfrage | " {
		t.Errorf("V1 = %q", got)
	}
}

// TestSecondWriterFixturesAreCurrent regenerates the fixtures with the
// script, where Debian's python3-openpyxl is installed (.ci/run installs
// it), and checks that the committed files hold the same cells. Elsewhere
// (a GitHub runner sets CI too, without openpyxl) it skips: the fixtures
// themselves are committed and tested either way.
func TestSecondWriterFixturesAreCurrent(t *testing.T) {
	const python = "/usr/bin/python3"
	if err := exec.Command(python, "-c", "import openpyxl").Run(); err != nil {
		t.Skipf("%s with openpyxl not available (apt-get install -y python3-openpyxl): %v", python, err)
	}
	dir := t.TempDir()
	if out, err := exec.Command(python, filepath.Join(secondWriter, "make_fixtures.py"), dir).CombinedOutput(); err != nil {
		t.Fatalf("make_fixtures.py: %v\n%s", err, out)
	}
	for _, name := range []string{"city.xlsx", "city-edited.xlsx", "errors.xlsx"} {
		committed, err := ReadCells(filepath.Join(secondWriter, name))
		if err != nil {
			t.Fatal(err)
		}
		fresh, err := ReadCells(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if changes := Diff(committed, fresh); len(changes) > 0 {
			t.Errorf("%s differs from what make_fixtures.py writes now; run it and commit the result:\n%s", name, DiffText(changes))
		}
	}
}
