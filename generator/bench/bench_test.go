package bench

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/digitale-staedte/benchmark/generator/synth"
	"github.com/digitale-staedte/benchmark/generator/workbook"
)

func TestDataDirNamesEveryParameter(t *testing.T) {
	got := DataDir(".bench", Size{Cities: 1000, Indicators: 50, Years: 10, Measures: 20, Seed: 7})
	if want := filepath.Join(".bench", "data-n1000-k50-y10-m20-s7-g2"); got != want {
		t.Errorf("DataDir = %q, want %q", got, want)
	}
}

// TestTable: 2 s for 1,000 cities is 2.0 ms per city; the floor is
// 0.5 s + 0.3 s, so the ratio is 2 / 0.8 = 2.5; 1.5 GiB peak is 1536 MiB;
// 709,499,999 bytes round to 709 MB (decimal, as hosts count).
func TestTable(t *testing.T) {
	r := Row{Size: Size{Cities: 1000, Indicators: 50, Years: 10, Measures: 20},
		Build: Run{Wall: 2 * time.Second, CPU: 3 * time.Second, PeakRSS: 3 << 29, Pages: 2345, Files: 3220, Bytes: 709_499_999},
		Read:  Run{Wall: 500 * time.Millisecond, PeakRSS: 100 << 20},
		Hugo:  Run{Wall: 300 * time.Millisecond}}
	for lang, want := range map[string]string{
		"en": "| 1000 | 50 | 10 | 20 | 2.00 s | 3.00 s | 1536 MiB | 2345 | 709 MB / 3220 files | 2.0 ms | 0.50 s / 100 MiB | 0.30 s / n/a | 2.5× |\n",
		"de": "| 1000 | 50 | 10 | 20 | 2,00 s | 3,00 s | 1536 MiB | 2345 | 709 MB / 3220 Dateien | 2,0 ms | 0,50 s / 100 MiB | 0,30 s / k. A. | 2,5× |\n",
	} {
		got := Table([]Row{r}, lang)
		if !strings.HasSuffix(got, want) {
			t.Errorf("%s: Table =\n%s\nwant its last line\n%s", lang, got, want)
		}
		if n := strings.Count(got, "\n"); n != 3 {
			t.Errorf("%s: Table has %d lines, want header, rule and one row", lang, n)
		}
	}
	if h := Table(nil, "de"); !strings.HasPrefix(h, "| N | K | Y | M | Laufzeit | Rechenzeit | Spitzenspeicher |") {
		t.Errorf("German header: %s", h)
	}
}

// TestSplitTable: a column per stage in the order first seen, "–" where a
// build has no such stage (it failed before).
func TestSplitTable(t *testing.T) {
	rows := []Row{
		{Size: Size{Cities: 3}, Build: Run{Splits: []Split{{"read", 250 * time.Millisecond}, {"hugo", 1500 * time.Millisecond}}}},
		{Size: Size{Cities: 100}, Build: Run{Splits: []Split{{"read", 2 * time.Second}}}},
	}
	want := "| N | read | hugo |\n|---:|---:|---:|\n| 3 | 0.25 s | 1.50 s |\n| 100 | 2.00 s | – |\n"
	if got := SplitTable(rows, "en"); got != want {
		t.Errorf("SplitTable =\n%s\nwant\n%s", got, want)
	}
	want = "| N | Lesen | Seiten (Hugo) |\n|---:|---:|---:|\n| 3 | 0,25 s | 1,50 s |\n| 100 | 2,00 s | – |\n"
	if got := SplitTable(rows, "de"); got != want {
		t.Errorf("German SplitTable =\n%s\nwant\n%s", got, want)
	}
}

func TestRatioWithoutFloor(t *testing.T) {
	if got := (Row{Build: Run{Wall: time.Second}}).Ratio(); got != 0 {
		t.Errorf("Ratio without a floor = %v, want 0", got)
	}
}

// writeSet writes a small synthetic data set as generator synth does.
func writeSet(t *testing.T, o synth.Options) string {
	t.Helper()
	dir := t.TempDir()
	write := func(path string, sheets []synth.Sheet) {
		out := make([]workbook.ExportSheet, len(sheets))
		for i, s := range sheets {
			out[i] = workbook.ExportSheet{Name: s.Name, Header: s.Header, Rows: s.Rows}
		}
		b, err := workbook.WriteSheets(out)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "partners"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(filepath.Join(dir, workbook.FrameworkFile), synth.Framework(o))
	for c := range o.Cities {
		name, sheets := synth.City(o, c)
		write(filepath.Join(dir, "partners", workbook.Slug(name)+".xlsx"), sheets)
	}
	return dir
}

// TestReadAll: every sheet of the three cities and the framework's five
// are read.
func TestReadAll(t *testing.T) {
	o := synth.Options{Cities: 3, Indicators: 5, Years: 3, Measures: 2, Seed: 1}
	dir := writeSet(t, o)
	r, err := RunStage(StageOptions{Stage: StageRead, DataDir: dir, WorkDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	want := 5
	for c := range o.Cities {
		_, sheets := synth.City(o, c)
		want += len(sheets)
	}
	if r.Pages != want || want < 5+3*3 {
		t.Errorf("sheets read = %d, want %d", r.Pages, want)
	}
}

// TestGrowth: a page of constant size grows as N^0, one with a row per
// partner as N^1, one with a cell per pair of partners as N^2.
func TestGrowth(t *testing.T) {
	for _, c := range []struct {
		b0, b1 int
		want   float64
	}{{5000, 5000, 0}, {5000, 20000, 1}, {5000, 80000, 2}} {
		if g := Growth(250, c.b0, 1000, c.b1); math.Abs(g-c.want) > 1e-9 {
			t.Errorf("Growth(250, %d, 1000, %d) = %v, want %v", c.b0, c.b1, g, c.want)
		}
	}
	if g := Growth(0, 1, 1000, 2); !math.IsNaN(g) {
		t.Errorf("Growth without a first size = %v, want NaN", g)
	}
}

// TestProbeTable: a row per page and N, the growth against the N before,
// in the language's numbers; a page a size lacks has no row there.
func TestProbeTable(t *testing.T) {
	rows := []Row{
		{Size: Size{Cities: 250}, Build: Run{Probes: []Probe{
			{Page: "joint", Path: "gemeinsame-projekte/index.html", Bytes: 10_000, Gzip: 2_000, Pages: 2, Time: 1500 * time.Microsecond, Max: 2 * time.Millisecond}}}},
		{Size: Size{Cities: 1000}, Build: Run{Probes: []Probe{
			{Page: "joint", Path: "gemeinsame-projekte/index.html", Bytes: 40_000, Gzip: 8_000, Pages: 2, Time: 6 * time.Millisecond, Max: 7 * time.Millisecond},
			{Page: "offers", Path: "angebote/index.html", Bytes: 3_000, Gzip: 1_000, Pages: 2, Time: time.Millisecond, Max: time.Millisecond}}}},
	}
	want := "| joint projects | 250 | `gemeinsame-projekte/index.html` | 10.0 kB | 2.0 kB | 1.5 ms / 2.0 ms | 2 | – |\n" +
		"| joint projects | 1000 | `gemeinsame-projekte/index.html` | 40.0 kB | 8.0 kB | 6.0 ms / 7.0 ms | 2 | 1.00 |\n" +
		"| offers | 1000 | `angebote/index.html` | 3.0 kB | 1.0 kB | 1.0 ms / 1.0 ms | 2 | – |\n"
	if got := ProbeTable(rows, "en"); !strings.HasSuffix(got, want) || strings.Count(got, "\n") != 5 {
		t.Errorf("ProbeTable =\n%s\nwant header, rule and\n%s", got, want)
	}
	if got := ProbeTable(rows, "de"); !strings.Contains(got, "| Gemeinsame Projekte | 1000 | `gemeinsame-projekte/index.html` | 40,0 kB | 8,0 kB | 6,0 ms / 7,0 ms | 2 | 1,00 |") {
		t.Errorf("German ProbeTable =\n%s", got)
	}
}

// TestFloorHugo builds the floor project with Hugo: six pages and the
// home page are seven HTML files, each page with its title.
func TestFloorHugo(t *testing.T) {
	work := t.TempDir()
	r, err := RunStage(StageOptions{Stage: StageHugo, WorkDir: work, Pages: 6})
	if err != nil {
		t.Fatal(err)
	}
	if r.Pages != 7 {
		t.Errorf("pages = %d, want 7", r.Pages)
	}
	b, err := os.ReadFile(filepath.Join(work, "public", "p6", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "<p>Page 6</p>") {
		t.Errorf("p6/index.html = %q, want its title in a paragraph", b)
	}
}

func TestUnknownStage(t *testing.T) {
	if _, err := RunStage(StageOptions{Stage: "nope", WorkDir: t.TempDir()}); err == nil || !strings.Contains(err.Error(), `"nope"`) {
		t.Errorf("err = %v, want one naming the stage", err)
	}
}

func TestMachineNamesTheGoVersion(t *testing.T) {
	if m := Machine("en"); !strings.Contains(m, "go1.") || !strings.Contains(m, "logical CPUs") {
		t.Errorf("Machine(en) = %q", m)
	}
	if m := Machine("de"); !strings.Contains(m, "go1.") || !strings.Contains(m, "logische CPUs") || strings.Contains(m, "memory") {
		t.Errorf("Machine(de) = %q", m)
	}
}

// TestReportInOneLanguage: the German report has no English heading and
// the English one no German.
func TestReportInOneLanguage(t *testing.T) {
	rows := []Row{{Size: Size{Cities: 3}, Build: Run{Wall: time.Second, Splits: []Split{{"read", time.Second}}}}}
	for lang, foreign := range map[string][]string{
		"de": {"Machine", "wall time", "files", "read", "floor", "memory"},
		"en": {"Rechner", "Laufzeit", "Dateien", "Lesen", "Untergrenze", "Arbeitsspeicher"},
	} {
		r := Report(rows, lang)
		for _, w := range foreign {
			if strings.Contains(r, w) {
				t.Errorf("%s report contains %q:\n%s", lang, w, r)
			}
		}
	}
}

// TestDataSetCached: a complete data set is written once and then reused;
// one without its marker (an interrupted run) is written again.
func TestDataSetCached(t *testing.T) {
	writes := 0
	c := Config{Dir: t.TempDir(), Log: &strings.Builder{}, Synth: func(s Size, dir string) error {
		writes++
		return os.MkdirAll(dir, 0o755)
	}}
	s := Size{Cities: 2, Indicators: 1, Years: 1}
	for range 2 {
		if _, err := dataSet(c, s); err != nil {
			t.Fatal(err)
		}
	}
	if writes != 1 {
		t.Errorf("written %d times, want once", writes)
	}
	if err := os.Remove(filepath.Join(DataDir(c.Dir, s), ".complete")); err != nil {
		t.Fatal(err)
	}
	if _, err := dataSet(c, s); err != nil || writes != 2 {
		t.Errorf("after an interrupted run: err %v, written %d times, want 2", err, writes)
	}
}
