package pipeline_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/digitale-staedte/benchmark/generator/pipeline"
	wt "github.com/digitale-staedte/benchmark/generator/workbook/workbooktest"
)

// TestProgressAndSpeedOnThePages builds the two-city fixture with progress
// and dates to the month, on the build date 15.01.2026:
//
//	alpha M-01 E-AKTE in progress, 12,5 %, ends 31.12.2024: 12 whole months overdue
//	      M-02 OPEN   done 01.2019–07.2019: 6 months, 100 % (done, no progress given)
//	      M-03 OZG    in progress, 40, ends 12.2026: not overdue
//	beta  M-01 E-AKTE in progress, ends 31.12.2024: 12 whole months overdue
//	      M-02 OPEN   done 01.2020–05.2020: 4 months, 100 %
//
// so all partners take 5 months in the median ((4+6)/2), beta is fastest
// in OPEN, and 2 of 3 running measures are overdue.
func TestProgressAndSpeedOnThePages(t *testing.T) {
	data := wt.Dataset(t, t.TempDir())
	header := []any{"ID", "Titel", "Thema", "Status", "Beginn", "Ende", "Fortschritt"}
	for _, c := range []struct {
		file, name string
		k          float64
		rows       [][]any
	}{
		{"alpha.xlsx", "Alpha", 1, [][]any{header,
			{"M-01", "E-Akte einführen", "E-AKTE", "in Umsetzung", "2020", "31.12.2024", "12,5 %"},
			{"M-02", "Open-Data-Portal", "OPEN", "abgeschlossen", "01.2019", "07.2019", nil},
			{"M-03", "Online-Dienste", "OZG", "in Umsetzung", "03.2025", "12.2026", 40},
		}},
		{"beta.xlsx", "Beta", 2, [][]any{header,
			{"M-01", "E-Akte einführen", "E-AKTE", "in Umsetzung", "2020", "31.12.2024", nil},
			{"M-02", "Open-Data-Portal", "OPEN", "abgeschlossen", "01.2020", "05.2020", "100 %"},
		}},
	} {
		sheets := wt.City(c.name, c.k)
		sheets[2].Rows = c.rows
		wt.Write(t, filepath.Join(data, "partners", c.file), sheets...)
	}
	out := filepath.Join(t.TempDir(), "public")
	var stdout, stderr bytes.Buffer
	res, err := pipeline.Build(pipeline.Options{DataDir: data, SiteDir: repoSite, OutDir: out, Stdout: &stdout, Stderr: &stderr,
		Today: time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatalf("build: %v\n%s", err, res.Problems.Text("en"))
	}
	if s := stderr.String(); strings.Contains(s, "WARN") || strings.Contains(s, "ERROR") {
		t.Errorf("Hugo reported problems:\n%s", s)
	}

	all := res.Site.Strategies.Speed.All
	if all.Finished != 2 || all.Median == nil || *all.Median != 5 || all.Running != 3 || all.Overdue != 2 ||
		all.OverduePct == nil || *all.OverduePct != 66.7 {
		t.Errorf("all partners' speed = %+v; want 2 finished in 5 months, 2 of 3 running overdue (66.7 %%)", all)
	}

	// German percentages have a no-break space before the sign (Hugo's
	// lang.FormatPercent), English ones none.
	for _, tc := range []struct {
		page string
		want []string
	}{
		{"partner/alpha/index.html", []string{
			"<span class=\"progress\">12,5\u00a0%<meter class=\"bar\" min=\"0\" max=\"100\" value=\"12.5\" aria-hidden=\"true\"></meter></span>",
			"<span class=\"progress\">40\u00a0%<meter", "<span class=\"progress\">100\u00a0%<meter",
			"Alpha hat 1 Maßnahmen mit Beginn und Ende auf den Monat genau abgeschlossen, im Median in 6,0 Monaten (alle Partner: 5,0 Monate); 1 von 2 laufenden Maßnahmen mit geplantem Ende sind überfällig.",
			`<caption id="speed-late-caption">`, `<time datetime="2024-12-31">`,
		}},
		{"en/partners/alpha/index.html", []string{
			`<span class="progress">12.5%<meter`, `<span class="progress">40%<meter`,
			"Alpha finished 1 measures with start and end known to the month, taking a median of 6.0 months (all partners: 5.0 months); 1 of 2 running measures with a planned end are overdue.",
		}},
		{"strategie/index.html", []string{
			"Abgeschlossene Maßnahmen dauerten im Median 5,0 Monate von Beginn bis Ende (2 mit Beginn und Ende auf den Monat genau), am kürzesten in Offene Daten (5,0 Monate); 2 von 3 laufenden Maßnahmen mit geplantem Ende sind überfällig.",
			`<caption id="speed-topics-caption">`, `<caption id="speed-cities-caption">`, "2 von 3 (66,7\u00a0%)",
			"Stand 15.01.2026",
		}},
		{"massnahmen/index.html", []string{"<span class=\"progress\">12,5\u00a0%<meter"}},
		{"methodik/index.html", []string{`<h2 id="speed">Umsetzungstempo</h2>`, "15.01.2026"}},
		{"downloads/csv/overdue_measures.csv", []string{
			"city,id,topic,end,months_overdue,as_of\r\nalpha,M-01,E-AKTE,2024-12-31,12,2026-01-15\r\nbeta,M-01,E-AKTE,2024-12-31,12,2026-01-15\r\n"}},
		{"downloads/csv/delivery_speed.csv", []string{"beta,OPEN,1,4,0,0,0,0,0,true,2026-01-15", "alpha,OPEN,1,6,0,0,0,0,0,false,2026-01-15"}},
		{"downloads/csv/measures.csv", []string{"alpha,M-01,E-Akte einführen,,E-AKTE,in_progress,12.5,", "beta,M-02,Open-Data-Portal,,OPEN,done,100,"}},
	} {
		html := read(t, filepath.Join(out, filepath.FromSlash(tc.page)))
		for _, w := range tc.want {
			if !strings.Contains(html, w) {
				t.Errorf("%s lacks %q", tc.page, w)
			}
		}
	}
}
