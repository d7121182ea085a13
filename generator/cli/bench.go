package cli

import (
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/digitale-staedte/benchmark/generator/bench"
	"github.com/digitale-staedte/benchmark/generator/synth"
	"github.com/digitale-staedte/benchmark/generator/synth/synthwrite"
	"github.com/spf13/cobra"
)

type benchText struct{ short, long, cities, full, dir, site, badCount string }

var benchTexts = map[string]benchText{
	"de": {
		short: "Misst den Build mit synthetischen Daten gegen eine Untergrenze",
		long: `Schreibt (oder nimmt aus dem Zwischenspeicher --dir) synthetische Datensätze mit N Städten und misst
je einen vollständigen Build (lesen, prüfen, bewerten, Diagramme, Hugo, Downloads) in einem eigenen
Prozess: Laufzeit, Rechenzeit, Spitzenspeicher, Seiten. Zum Vergleich die Untergrenze: (a) alle
Arbeitsmappen nur mit excelize lesen, (b) Hugo mit gleich vielen Seiten und einem einzeiligen Layout.
Ausgabe als Markdown-Tabellen (N Städte, K Kennzahlen, Y Jahre, M Maßnahmen je Stadt); mit --lang en
so, wie docs/benchmarks.md sie zeigt.`,
		cities: "`Städtezahlen`, durch Kommas getrennt", full: "zusätzlich 2.050 Städte (etwa die Gemeinden Bayerns) und 10.800 (alle Gemeinden Deutschlands)",
		dir: "`Ordner` für Datensätze und Arbeitsdateien", site: "`Ordner` des Hugo-Projekts",
		badCount: "--cities: %q ist keine positive ganze Zahl",
	},
	"en": {
		short: "Measures the build on synthetic data against a floor",
		long: `Writes (or takes from the cache --dir) synthetic data sets of N cities and times one full build
each (read, validate, score, charts, Hugo, downloads) in a process of its own: wall time, CPU time,
peak memory, pages. For comparison the floor: (a) reading every workbook with excelize alone, (b)
Hugo with as many pages and a one-line layout. Prints Markdown tables (N cities, K indicators, Y
years, M measures per city), as docs/benchmarks.md shows them.`,
		cities: "city `counts`, separated by commas", full: "add 2,050 cities (about Bavaria's municipalities) and 10,800 (every German municipality)",
		dir: "`folder` for data sets and work files", site: "`folder` of the Hugo project",
		badCount: "--cities: %q is not a positive whole number",
	},
}

// Land and National are the sizes of a Land-wide benchmark (about
// Bavaria's municipalities) and of every German municipality.
const (
	Land     = 2050
	National = 10800
)

func benchCommand(stdout, stderr io.Writer, lang string) *cobra.Command {
	bt := benchTexts[lang]
	var cities, dir, site string
	var full bool
	var size bench.Size
	cmd := &cobra.Command{
		Use:   "bench",
		Short: bt.short,
		Long:  bt.long,
		Args:  noArgs(lang),
		RunE: func(*cobra.Command, []string) error {
			ns, err := parseCounts(cities, bt)
			if err != nil {
				return err
			}
			if full {
				ns = append(ns, Land, National)
			}
			exe, err := os.Executable()
			if err != nil {
				return err
			}
			var sizes []bench.Size
			for _, n := range ns {
				s := size
				s.Cities = n
				if err := checkSize(synth.Options{Cities: n, Indicators: s.Indicators, Years: s.Years, Measures: s.Measures}, synthTexts[lang]); err != nil {
					return err
				}
				sizes = append(sizes, s)
			}
			rows, err := bench.Measure(bench.Config{Sizes: sizes, Dir: dir, SiteDir: site, Exe: exe, Log: stderr, Lang: lang,
				Synth: func(s bench.Size, out string) error {
					return synthwrite.Dataset(out, synth.Options{Cities: s.Cities, Indicators: s.Indicators, Years: s.Years,
						Measures: s.Measures, Seed: s.Seed})
				}})
			if len(rows) > 0 {
				// In the command's language, like its log; with --lang
				// en, a section of docs/benchmarks.md.
				io.WriteString(stdout, bench.Report(rows, lang))
			}
			return err
		},
	}
	f := cmd.Flags()
	f.StringVar(&cities, "cities", "3,100,1000", bt.cities)
	f.BoolVar(&full, "full", false, bt.full)
	f.IntVar(&size.Indicators, "indicators", 50, synthTexts[lang].indicators)
	f.IntVar(&size.Years, "years", 10, synthTexts[lang].years)
	f.IntVar(&size.Measures, "measures", 20, synthTexts[lang].measures)
	f.Uint64Var(&size.Seed, "seed", 1, synthTexts[lang].seed)
	f.StringVar(&dir, "dir", ".bench", bt.dir)
	f.StringVar(&site, "site", "site", bt.site)
	return cmd
}

// benchStageCommand is the child the bench command runs for each
// measurement; hidden, since only bench calls it.
func benchStageCommand(stdout io.Writer, lang string) *cobra.Command {
	var o bench.StageOptions
	cmd := &cobra.Command{
		Use:     "bench-stage",
		Hidden:  true,
		Args:    noArgs(lang),
		PreRunE: requireFlags(lang, "stage", "work"),
		RunE: func(*cobra.Command, []string) error {
			r, err := bench.RunStage(o)
			if err != nil {
				return err
			}
			return bench.WriteResult(stdout, r)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Stage, "stage", "", "")
	f.StringVar(&o.DataDir, "data", "", "")
	f.StringVar(&o.SiteDir, "site", "site", "")
	f.StringVar(&o.WorkDir, "work", "", "")
	f.IntVar(&o.Pages, "pages", 0, "")
	return cmd
}

func parseCounts(s string, bt benchText) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 {
			return nil, usageErrorf(bt.badCount, f)
		}
		out = append(out, n)
	}
	return out, nil
}
