package cli

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/digitale-staedte/benchmark/generator/pipeline"
)

// summaryTexts are the lines of the Markdown build summary that CI appends
// to the job summary ($GITHUB_STEP_SUMMARY).
var summaryTexts = map[string][]string{
	"de": {"## Website gebaut", "| | |", "|---|---|", "| Städte | %d |", "| Bezugsjahr | %d |", "| Seiten | %d |",
		"| Warnungen | %d |", "| Änderungen seit %s | %d neue Städte, %d neue, %d korrigierte, %d entfernte Werte, %d Maßnahmen |",
		"| Änderungen | keine frühere Veröffentlichung angegeben |"},
	"en": {"## Site built", "| | |", "|---|---|", "| Cities | %d |", "| Reference year | %d |", "| Pages | %d |",
		"| Warnings | %d |", "| Changes since %s | %d new cities, %d new, %d revised, %d removed values, %d measures |",
		"| Changes | no previous release given |"},
}

// appendSummary adds the summary of a successful build to the file at path.
func appendSummary(path, lang string, res pipeline.Result, outDir string) error {
	t := summaryTexts[lang]
	pages := 0
	_ = filepath.WalkDir(outDir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			pages++
		}
		return nil
	})
	lines := []string{t[0], "", t[1], t[2],
		fmt.Sprintf(t[3], len(res.Site.Cities)),
		fmt.Sprintf(t[4], res.Site.ReferenceYear),
		fmt.Sprintf(t[5], pages),
		fmt.Sprintf(t[6], len(res.Problems)-res.Problems.Errors())}
	if c := res.Changes; c.HasPrevious {
		lines = append(lines, fmt.Sprintf(t[7], c.Source, len(c.NewCities), c.NewValues, c.RevisedValues, c.RemovedValues, len(c.Measures)))
	} else {
		lines = append(lines, t[8])
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(strings.Join(lines, "\n") + "\n\n"); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
