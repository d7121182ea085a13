package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/pipeline"
	"github.com/digitale-staedte/benchmark/generator/sitedata"
)

// TestAppendSummary: a site of two pages and a download, and one whose
// download (sparse, so it takes no disk) passes GitHub Pages' 1 GB.
func TestAppendSummary(t *testing.T) {
	for _, tc := range []struct {
		name, lang string
		download   int64
		want       []string
		warned     bool
	}{
		{"small", "de", 1_500_000, []string{"| Städte | 2 |", "| Seiten | 2 |", "| Größe | 2 MB in 3 Dateien |",
			"| Änderungen | keine frühere Veröffentlichung angegeben |"}, false},
		{"over the limit", "de", 1_234_000_000, []string{"| Größe | 1,2 GB in 3 Dateien |"}, true},
		{"over the limit, English", "en", 1_234_000_000, []string{"| Pages | 2 |", "| Size | 1.2 GB in 3 files |"}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := t.TempDir()
			for _, name := range []string{"index.html", "en/index.html"} {
				p := filepath.Join(out, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte("<p>"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if err := os.WriteFile(filepath.Join(out, "data.zip"), nil, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Truncate(filepath.Join(out, "data.zip"), tc.download); err != nil {
				t.Fatal(err)
			}
			summary := filepath.Join(t.TempDir(), "summary.md")
			res := pipeline.Result{Site: sitedata.Site{Cities: make([]sitedata.City, 2), ReferenceYear: 2025}}
			if err := appendSummary(summary, tc.lang, res, out); err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(summary)
			if err != nil {
				t.Fatal(err)
			}
			got := string(b)
			for _, w := range tc.want {
				if !strings.Contains(got, w+"\n") {
					t.Errorf("summary lacks %q:\n%s", w, got)
				}
			}
			if warned := strings.Contains(got, "GitHub Pages"); warned != tc.warned {
				t.Errorf("warned about GitHub Pages: %v, want %v:\n%s", warned, tc.warned, got)
			}
		})
	}
}
