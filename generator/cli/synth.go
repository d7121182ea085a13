package cli

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/digitale-staedte/benchmark/generator/synth"
	"github.com/digitale-staedte/benchmark/generator/synth/synthwrite"
	"github.com/spf13/cobra"
)

type synthText struct {
	short, long, cities, indicators, years, measures, seed, out, exists, wrote, outOfRange string
	nCities, nIndicators, nYears                                                           plural
}

var synthTexts = map[string]synthText{
	"de": {
		short: "Schreibt einen synthetischen Datensatz für Benchmarks und Lasttests",
		long: `Schreibt ein Rahmenwerk und eine Arbeitsmappe je Stadt mit erfundenen, aber realistischen
Werten (Trends, Rauschen, Lücken) in den Ordner --out. Ab sieben Städten sind die letzten 2 %
(mindestens sechs) Partner jeder anderen Art ohne Kennzahlen; dazu gemeinsame Projekte, Angebote und
Berichte. Derselbe Startwert ergibt dieselben Dateien. Alle Werte sind als illustrativ gekennzeichnet.`,
		cities: "`Anzahl` der Städte", indicators: "`Anzahl` der Kennzahlen", years: "`Anzahl` der Jahre (bis 2025)",
		measures: "`Anzahl` der Maßnahmen je Stadt", seed: "Zufallsstartwert", out: "`Ordner`, in den der Datensatz geschrieben wird (muss leer sein oder fehlen)",
		exists: "%s ist nicht leer; erwartet wird ein leerer oder neuer Ordner", wrote: "Synthetischer Datensatz mit %s, %s und %s nach %s geschrieben.\n",
		outOfRange: "--%s: %d; erwartet wird %d bis %d",
		nCities:    plural{"%d Stadt", "%d Städten"}, nIndicators: plural{"%d Kennzahl", "%d Kennzahlen"}, nYears: plural{"%d Jahr", "%d Jahren"},
	},
	"en": {
		short: "Writes a synthetic data set for benchmarks and load tests",
		long: `Writes a framework and one workbook per city with invented but realistic values (trends,
noise, gaps) into the folder --out. From seven cities on, the last 2 % (at least six) are partners
of every other kind, without KPIs; and there are joint projects, offers and reports. The same seed
gives the same files. Every value is marked as illustrative.`,
		cities: "`number` of cities", indicators: "`number` of indicators", years: "`number` of years (up to 2025)",
		measures: "`number` of measures per city", seed: "random seed", out: "`folder` to write the data set to (must be empty or absent)",
		exists: "%s is not empty; expected an empty or new folder", wrote: "Wrote a synthetic data set with %s, %s and %s to %s.\n",
		outOfRange: "--%s: %d; expected %d to %d",
		nCities:    plural{"%d city", "%d cities"}, nIndicators: plural{"%d indicator", "%d indicators"}, nYears: plural{"%d year", "%d years"},
	},
}

func synthCommand(stdout io.Writer, lang string) *cobra.Command {
	st := synthTexts[lang]
	var o synth.Options
	var out string
	cmd := &cobra.Command{
		Use:     "synth",
		Short:   st.short,
		Long:    st.long,
		Args:    noArgs(lang),
		PreRunE: requireFlags(lang, "out"),
		RunE: func(*cobra.Command, []string) error {
			if err := checkSize(o, st); err != nil {
				return err
			}
			if entries, err := os.ReadDir(out); err == nil && len(entries) > 0 {
				return fmt.Errorf(st.exists, out)
			} else if err != nil && !errors.Is(err, os.ErrNotExist) {
				return err
			}
			if err := synthwrite.Dataset(out, o); err != nil {
				return err
			}
			fmt.Fprintf(stdout, st.wrote, st.nCities.of(o.Cities), st.nIndicators.of(o.Indicators), st.nYears.of(o.Years), out)
			return nil
		},
	}
	f := cmd.Flags()
	f.IntVar(&o.Cities, "cities", 100, st.cities)
	f.IntVar(&o.Indicators, "indicators", 50, st.indicators)
	f.IntVar(&o.Years, "years", 10, st.years)
	f.IntVar(&o.Measures, "measures", 20, st.measures)
	f.Uint64Var(&o.Seed, "seed", 1, st.seed)
	f.StringVar(&out, "out", "", st.out)
	return cmd
}

// checkSize is o.Check naming the flag out of range, in st's language.
func checkSize(o synth.Options, st synthText) error {
	for _, f := range []struct {
		flag           string
		n, least, most int
	}{
		{"cities", o.Cities, 1, synth.MaxCities},
		{"indicators", o.Indicators, 1, synth.MaxIndicators},
		{"years", o.Years, 1, synth.MaxYears},
		{"measures", o.Measures, 0, synth.MaxMeasures},
	} {
		if f.n < f.least || f.n > f.most {
			return usageErrorf(st.outOfRange, f.flag, f.n, f.least, f.most)
		}
	}
	return o.Check()
}
