package workbook

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/model"
)

// LibreOffice as the program strategists use: testdata/libreoffice/city.fods
// holds a city workbook as a German-locale LibreOffice stores what a user
// typed (12,5 % as 0.125 formatted as a percentage, 24.07.2019 as a date,
// 12.5 as the date 12 May, '1.234 as text, formulas with their results, a
// measure row with several errors; progress typed as 40 %, 12,5 %, 40 and
// 0,4, partners, the partner kind, an offers sheet whose contact and link
// LibreOffice made hyperlinks and whose 01.2024 stays text, a reports
// sheet with a line break in a cell and a script tag as text). LibreOffice
// converts it into city.xlsx and city.ods, which are committed, so that
// these tests say something on a machine without LibreOffice;
// TestLibreOfficeFixturesCurrent converts again where LibreOffice is
// installed (.ci/run installs it) and checks that the committed files
// still hold the same cells.
const libreOfficeDir = "testdata/libreoffice"

var updateLibreOffice = flag.Bool("update-libreoffice", false, "rewrite testdata/libreoffice/city.{xlsx,ods} with LibreOffice")

func soffice(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("LibreOffice not found, and CI is set: install it (apt-get install -y libreoffice-calc)")
	}
	t.Skip("LibreOffice not found: only the committed conversions in testdata/libreoffice were checked; install it with apt-get install -y libreoffice-calc")
	return ""
}

// convert has LibreOffice turn src into format (xlsx or ods) in dir.
func convert(t *testing.T, bin, src, format, dir string) string {
	t.Helper()
	// A profile of its own, so that a LibreOffice the user has open (or a
	// parallel test) does not take the conversion over.
	profile := "file://" + filepath.ToSlash(t.TempDir())
	cmd := exec.Command(bin, "-env:UserInstallation="+profile, "--headless", "--convert-to", format, "--outdir", dir, src)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", strings.Join(cmd.Args, " "), err, out)
	}
	out := filepath.Join(dir, strings.TrimSuffix(filepath.Base(src), filepath.Ext(src))+"."+format)
	if _, err := os.Stat(out); err != nil {
		t.Fatalf("LibreOffice wrote no %s: %v", out, err)
	}
	return out
}

func TestLibreOfficeFixturesCurrent(t *testing.T) {
	bin := soffice(t)
	dir := t.TempDir()
	for _, format := range []string{"xlsx", "ods"} {
		fresh := convert(t, bin, filepath.Join(libreOfficeDir, "city.fods"), format, dir)
		committed := filepath.Join(libreOfficeDir, "city."+format)
		if *updateLibreOffice {
			copyFile(t, fresh, committed)
		}
		want, err := ReadCells(committed)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ReadCells(fresh)
		if err != nil {
			t.Fatal(err)
		}
		if TextLines(got) != TextLines(want) {
			t.Errorf("%s: LibreOffice now writes other cells than the committed file holds (go test -run %s -update-libreoffice rewrites it):\n%s",
				committed, t.Name(), DiffText(Diff(want, got)))
		}
	}
}

// TestLibreOfficeCity: both files LibreOffice wrote from the same typed
// cells read the same, each cell as the strategist sees it.
func TestLibreOfficeCity(t *testing.T) {
	for _, format := range []string{"xlsx", "ods"} {
		t.Run(format, func(t *testing.T) {
			c, probs := readFixtureIn(t, libreOfficeDir, "city."+format)
			tests := []struct{ what, got, want string }{
				{"name", c.Name, "Regensburg"},
				{"population typed as text '153.094", fmt.Sprint(c.Population), "153094"},
				{"adoption typed as 24.07.2019", c.Strategy.Adopted.ISO(), "2019-07-24"},
				{"12,5 % and 50 % typed, and the text '12,5 %: read as shown", kpi(c, "KOM-01"), "2022=12.5@C2 2023=50@D2 2024=12.5@E2 | Umfrage (Beispielwert) | "},
				{"every percentage is marked as one", percentCells(c, "KOM-01"), "C2 D2 E2"},
				{"1.234,5 typed, '1.234 text, =C3*2 with its result", kpi(c, "KOM-02"), "2022=1234.5@C3 2023=1234@D3 2024=2469@E3 | Portal (Beispielwert) | "},
				{"12.5 typed became a date: not read; 0,3; 7 %", kpi(c, "KOM-03"), "2023=0.3@D4 2024=7@E4 | Zählung (Beispielwert) | "},
				{"formulas: 1/8 and 0.123 as numbers, 0.123 shown as 12,30 %", kpi(c, "KOM-04"), "2022=0.125@C5 2023=0.123@D5 2024=12.3@E5 | Umfrage (Beispielwert) | "},
				{"year headers", years(c), "2022@C1 2023@D1 2024@E1"},
				{"a measure with a date start and a text end", measure(c, "M-01"), "E-Akte einführen | EAKTE | in_progress | 2020-03-01–2024-12-31 | 250000"},
				{"every measure row with an ID reaches the checks across rows", measureRows(c), "M-01 M-02(invalid) M-01(invalid) M-03 M-04 M-05 M-06(invalid)"},
				{"kind typed as Kommune", fact(c, "kind") + " " + c.Kind.String(), "Kommune@B3 municipality"},
				{"progress typed as 40 %, 40 (a plain number is per cent), 12,5 %, 0,4 (0.4 %), 100 % on a done measure; 40 % on a done one is an error, so none",
					progress(c), "M-01=40@H2 M-02=– M-01=40@H4 M-03=12.5@H5 M-04=0.4@H6 M-05=100@H7 M-06=–"},
				{"partners typed as beta, Gamma.xlsx", partners(c), `M-01=["beta" "gamma"]@I2`},
				{"offer kinds as German words; contact and link that LibreOffice made hyperlinks; 01.2024 (text) and 31.12.2026 (a date)", offerLines(c),
					"solution | EAKTE | E-Akte-Module | Vorlagen und Workflows für die E-Akte | mailto:digital@regensburg.de | https://www.regensburg.de/e-akte | 2024-01–2026-12-31 | Amt für Digitalisierung | C2\n" +
						"placement | EAKTE | Hospitation im Digitalteam |  |  |  | – |  | C3\n" +
						"know_how | EAKTE | Beratung zur Einführung |  |  |  | – |  | C4"},
				{"reports: 04.05.2026, a line break in the cell, a script tag as text", reportLines(c),
					"2026-05-04@A2 | Zwischenstand E-Akte | \"Drei Ämter arbeiten mit der E-Akte.\\nAls Nächstes folgt das Bauamt.\" | EAKTE@D2 | M-01@E2\n" +
						"2026-05-04@A3 | Sicherheitstest | \"<script>alert(1)</script>\" |  | "},
				{"the line break is a \\n", reportText(c, 0), "Drei Ämter arbeiten mit der E-Akte.\nAls Nächstes folgt das Bauamt."},
				{"the script stays text, verbatim", reportText(c, 1), "<script>alert(1)</script>"},
			}
			for _, tt := range tests {
				if tt.got != tt.want {
					t.Errorf("%s:\n got %q\nwant %q", tt.what, tt.got, tt.want)
				}
			}
			got := strings.ReplaceAll(strings.Join(probs, "\n")+"\n", "city."+format, "city.FORMAT")
			checkGolden(t, filepath.Join(libreOfficeDir, "city.problems.golden"), got, *updateLibreOffice && format == "xlsx", "-update-libreoffice")
		})
	}
}

func percentCells(c model.City, id string) string {
	for _, k := range c.KPIs {
		if k.Indicator == id {
			var cells []string
			for _, p := range k.PercentCells {
				cells = append(cells, p.Cell())
			}
			return strings.Join(cells, " ")
		}
	}
	return "absent"
}

func years(c model.City) string {
	var s []string
	for _, y := range c.YearColumns {
		s = append(s, fmt.Sprintf("%d@%s", y.Year, y.Pos.Cell()))
	}
	return strings.Join(s, " ")
}

func measureRows(c model.City) string {
	var s []string
	for _, m := range c.Measures {
		if m.Invalid {
			s = append(s, m.ID+"(invalid)")
		} else {
			s = append(s, m.ID)
		}
	}
	return strings.Join(s, " ")
}

func fact(c model.City, key string) string {
	for _, f := range c.Facts {
		if f.Key == key {
			return f.Value + "@" + f.Pos.Cell()
		}
	}
	return "absent"
}

// progress is every measure row's progress, exactly: strconv's shortest
// form reads back as the same float64.
func progress(c model.City) string {
	var s []string
	for _, m := range c.Measures {
		if m.Progress == nil {
			s = append(s, m.ID+"=–")
		} else {
			s = append(s, m.ID+"="+strconv.FormatFloat(*m.Progress, 'g', -1, 64)+"@"+m.ProgressPos.Cell())
		}
	}
	return strings.Join(s, " ")
}

func partners(c model.City) string {
	var s []string
	for _, m := range c.Measures {
		if m.Partners != nil {
			s = append(s, fmt.Sprintf("%s=%q@%s", m.ID, m.Partners, m.PartnersPos.Cell()))
		}
	}
	return strings.Join(s, " ")
}

func offerLines(c model.City) string {
	var s []string
	for _, o := range c.Offers {
		invalid := ""
		if o.Invalid {
			invalid = " (invalid)"
		}
		s = append(s, fmt.Sprintf("%s | %s | %s | %s | %s | %s | %s | %s | %s%s", o.Kind, o.Topic, o.Title.De, o.Description.De,
			o.Contact, o.Link, dateRange(o.From, o.Until), o.Source, o.Pos.Cell(), invalid))
	}
	return strings.Join(s, "\n")
}

func dateRange(from, until model.Date) string {
	if from.IsZero() && until.IsZero() {
		return "–"
	}
	return from.ISO() + "–" + until.ISO()
}

func reportLines(c model.City) string {
	var s []string
	for _, r := range c.Reports {
		invalid := ""
		if r.Invalid {
			invalid = " (invalid)"
		}
		topic, measure := r.Topic, r.MeasureID
		if topic != "" {
			topic += "@" + r.TopicPos.Cell()
		}
		if measure != "" {
			measure += "@" + r.MeasurePos.Cell()
		}
		s = append(s, fmt.Sprintf("%s@%s | %s | %q | %s | %s%s", r.Date.ISO(), r.Pos.Cell(), r.Title.De, r.Text.De, topic, measure, invalid))
	}
	return strings.Join(s, "\n")
}

func reportText(c model.City, i int) string {
	if i >= len(c.Reports) {
		return "absent"
	}
	return c.Reports[i].Text.De
}
