package pipeline_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/digitale-staedte/benchmark/generator/pipeline"
	"github.com/digitale-staedte/benchmark/generator/problem"
	wt "github.com/digitale-staedte/benchmark/generator/workbook/workbooktest"
)

// TestReportsOnTheCityPage builds the fixture with three reports of Alpha
// on 15.01.2026: one about its measure M-01 whose text holds markup,
// template braces, a javascript: address and a web address; one without
// English text; one dated ahead, which the build leaves out and names.
func TestReportsOnTheCityPage(t *testing.T) {
	data := wt.Dataset(t, t.TempDir())
	hostile := "Erster Absatz <script>alert(1)</script> {{ .Site.Title }}\nZweiter: javascript:alert(1) und https://example.org/akte."
	sheets := append(wt.City("Alpha", 1), wt.Sheet{Name: "Berichte", Rows: [][]any{
		{"Datum", "Titel", "Titel (en)", "Text", "Text (en)", "Thema", "Maßnahme", "Link"},
		{"10.01.2026", "E-Akte im Echtbetrieb", "E-file live", hostile, "First paragraph.", "E-AKTE", "M-01", nil},
		{"01.2025", "Portal eröffnet", nil, "Nur deutsch.", nil, nil, nil, "https://example.org/portal"},
		{"01.02.2026", "Noch nicht", nil, "Geheim bis Februar.", nil, nil, nil, nil},
	}})
	wt.Write(t, filepath.Join(data, "partners", "alpha.xlsx"), sheets...)
	out := filepath.Join(t.TempDir(), "public")
	var stdout, stderr bytes.Buffer
	res, err := pipeline.Build(pipeline.Options{DataDir: data, SiteDir: repoSite, OutDir: out, Stdout: &stdout, Stderr: &stderr,
		Today: time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatalf("build: %v\n%s", err, res.Problems.Text("en"))
	}
	if !res.Problems.Has(problem.ReportFuture) {
		t.Errorf("no warning about the report dated ahead:\n%s", res.Problems.Text("en"))
	}
	// The downloads have the published reports as written, and not the one dated ahead.
	if csv := read(t, filepath.Join(out, "downloads", "csv", "reports.csv")); !strings.Contains(csv, "alpha,2026-01-10,E-Akte im Echtbetrieb,E-file live,") ||
		!strings.Contains(csv, "alpha,2025-01,Portal eröffnet,") || strings.Contains(csv, "Noch nicht") {
		t.Errorf("reports.csv:\n%s", csv)
	}
	de := read(t, filepath.Join(out, "partner", "alpha", "index.html"))
	en := read(t, filepath.Join(out, "en", "partners", "alpha", "index.html"))
	for _, tc := range []struct {
		page, html string
		want       []string
	}{
		{"de", de, []string{
			`<h2 id="reports-heading">Berichte</h2>`,
			`<h3 id="report-2026-01-10-`, ">E-Akte im Echtbetrieb</h3>",
			"<p>Erster Absatz &lt;script&gt;alert(1)&lt;/script&gt; {{ .Site.Title }}</p>",
			`<p>Zweiter: javascript:alert(1) und <a href="https://example.org/akte" rel="external noopener noreferrer">https://example.org/akte</a>.</p>`,
			`<h3 id="report-2025-01-`, ">Portal eröffnet</h3>",
			`<a href="#report-2026-01-10-`, // M-01's progress log
		}},
		{"en", en, []string{
			`<h2 id="reports-heading">Reports</h2>`, ">E-file live</h3>", "<p>First paragraph.</p>",
			`<p lang="de">Nur deutsch.</p>`, `<a href="https://example.org/portal" rel="external noopener noreferrer">Read more</a>`,
		}},
	} {
		for _, w := range tc.want {
			if !strings.Contains(tc.html, w) {
				t.Errorf("%s city page lacks %q", tc.page, w)
			}
		}
		for _, bad := range []string{"<script>alert", `href="javascript:`, "Noch nicht", "Geheim bis Februar"} {
			if strings.Contains(tc.html, bad) {
				t.Errorf("%s city page has %q", tc.page, bad)
			}
		}
	}
}
