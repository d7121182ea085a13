package cli

import (
	"fmt"
	"os"
	"strings"

	"github.com/digitale-staedte/benchmark/generator/pipeline"
)

// summaryText holds the lines of the Markdown build summary that CI
// appends to the job summary ($GITHUB_STEP_SUMMARY), in one language.
type summaryText struct {
	title, cities, referenceYear, pages, warnings, changesSince, noPrevious, size, tooLarge string
	// Counts in changesSince and size.
	nNewCities, nNewValues, nRevisedValues, nRemovedValues, nMeasures, nFiles plural
}

var summaryTexts = map[string]summaryText{
	"de": {
		title: "## Website gebaut", cities: "| Städte | %d |", referenceYear: "| Bezugsjahr | %d |", pages: "| Seiten | %d |",
		warnings: "| Warnungen | %d |", changesSince: "| Änderungen seit %s | %s, %s, %s, %s, %s |",
		noPrevious: "| Änderungen | keine frühere Veröffentlichung angegeben |", size: "| Größe | %s in %s |",
		tooLarge:       "**Achtung:** Die Website ist größer als 1 GB. GitHub Pages sichert die Veröffentlichung nur bis 1 GB zu und lehnt sie über 10 GB ab; was zu tun ist, steht in docs/deployment.md.",
		nNewCities:     plural{"%d neue Stadt", "%d neue Städte"},
		nNewValues:     plural{"%d neuer", "%d neue"},
		nRevisedValues: plural{"%d korrigierter", "%d korrigierte"},
		nRemovedValues: plural{"%d entfernter Wert", "%d entfernte Werte"},
		nMeasures:      plural{"%d Maßnahme", "%d Maßnahmen"},
		nFiles:         plural{"%d Datei", "%d Dateien"},
	},
	"en": {
		title: "## Site built", cities: "| Cities | %d |", referenceYear: "| Reference year | %d |", pages: "| Pages | %d |",
		warnings: "| Warnings | %d |", changesSince: "| Changes since %s | %s, %s, %s, %s, %s |",
		noPrevious: "| Changes | no previous release given |", size: "| Size | %s in %s |",
		tooLarge:       "**Warning:** the site is larger than 1 GB. GitHub Pages promises to publish a site only up to 1 GB and refuses it above 10 GB; what to do is in docs/deployment.md.",
		nNewCities:     plural{"%d new city", "%d new cities"},
		nNewValues:     plural{"%d new", "%d new"},
		nRevisedValues: plural{"%d revised", "%d revised"},
		nRemovedValues: plural{"%d removed value", "%d removed values"},
		nMeasures:      plural{"%d measure", "%d measures"},
		nFiles:         plural{"%d file", "%d files"},
	},
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
	lines := []string{t.title, "", "| | |", "|---|---|",
		fmt.Sprintf(t.cities, len(res.Site.Cities)),
		fmt.Sprintf(t.referenceYear, res.Site.ReferenceYear),
		fmt.Sprintf(t.pages, size.Pages),
		fmt.Sprintf(t.warnings, len(res.Problems)-res.Problems.Errors())}
	if c := res.Changes; c.HasPrevious {
		lines = append(lines, fmt.Sprintf(t.changesSince, c.Source, t.nNewCities.of(len(c.NewCities)), t.nNewValues.of(c.NewValues),
			t.nRevisedValues.of(c.RevisedValues), t.nRemovedValues.of(c.RemovedValues), t.nMeasures.of(len(c.Measures))))
	} else {
		lines = append(lines, t.noPrevious)
	}
	lines = append(lines, fmt.Sprintf(t.size, bytesText(size.Bytes, lang), t.nFiles.of(size.Files)))
	if size.Bytes > pagesLimit {
		lines = append(lines, "", t.tooLarge)
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
