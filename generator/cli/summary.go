package cli

import (
	"fmt"
	"os"
	"strings"

	"github.com/digitale-staedte/benchmark/generator/pipeline"
)

// summaryTexts are the lines of the Markdown build summary that CI appends
// to the job summary ($GITHUB_STEP_SUMMARY).
var summaryTexts = map[string][]string{
	"de": {"## Website gebaut", "| | |", "|---|---|", "| Städte | %d |", "| Bezugsjahr | %d |", "| Seiten | %d |",
		"| Warnungen | %d |", "| Änderungen seit %s | %d neue Städte, %d neue, %d korrigierte, %d entfernte Werte, %d Maßnahmen |",
		"| Änderungen | keine frühere Veröffentlichung angegeben |", "| Größe | %s in %d Dateien |",
		"**Achtung:** Die Website ist größer als 1 GB. GitHub Pages sichert die Veröffentlichung nur bis 1 GB zu und lehnt sie über 10 GB ab; was zu tun ist, steht in docs/deployment.md."},
	"en": {"## Site built", "| | |", "|---|---|", "| Cities | %d |", "| Reference year | %d |", "| Pages | %d |",
		"| Warnings | %d |", "| Changes since %s | %d new cities, %d new, %d revised, %d removed values, %d measures |",
		"| Changes | no previous release given |", "| Size | %s in %d files |",
		"**Warning:** the site is larger than 1 GB. GitHub Pages promises to publish a site only up to 1 GB and refuses it above 10 GB; what to do is in docs/deployment.md."},
}

// pagesLimit is the largest site GitHub Pages, where CI publishes, promises
// to publish ("Published GitHub Pages sites may be no larger than 1 GB";
// actions/upload-pages-artifact: larger ones "are not guaranteed to
// succeed", above 10 GB none is attempted). Hosts count in decimal units.
const pagesLimit = 1_000_000_000

// appendSummary adds the summary of a successful build to the file at path.
func appendSummary(path, lang string, res pipeline.Result, outDir string) error {
	t := summaryTexts[lang]
	size, err := pipeline.Measure(outDir)
	if err != nil {
		return err
	}
	lines := []string{t[0], "", t[1], t[2],
		fmt.Sprintf(t[3], len(res.Site.Cities)),
		fmt.Sprintf(t[4], res.Site.ReferenceYear),
		fmt.Sprintf(t[5], size.Pages),
		fmt.Sprintf(t[6], len(res.Problems)-res.Problems.Errors())}
	if c := res.Changes; c.HasPrevious {
		lines = append(lines, fmt.Sprintf(t[7], c.Source, len(c.NewCities), c.NewValues, c.RevisedValues, c.RemovedValues, len(c.Measures)))
	} else {
		lines = append(lines, t[8])
	}
	lines = append(lines, fmt.Sprintf(t[9], bytesText(size.Bytes, lang), size.Files))
	if size.Bytes > pagesLimit {
		lines = append(lines, "", t[10])
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

// bytesText is a size in decimal units, as hosts state their limits:
// megabytes below a gigabyte, else gigabytes to one decimal.
func bytesText(n int64, lang string) string {
	if n < 1_000_000_000 {
		return fmt.Sprintf("%d MB", (n+500_000)/1_000_000)
	}
	s := fmt.Sprintf("%.1f GB", float64(n)/1e9)
	if lang == "de" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}
