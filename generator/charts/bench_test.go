package charts

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/compare"
	"github.com/digitale-staedte/benchmark/generator/score"
	"github.com/digitale-staedte/benchmark/generator/sitedata"
	"github.com/digitale-staedte/benchmark/generator/synth"
	"github.com/digitale-staedte/benchmark/generator/synth/synthwrite"
	"github.com/digitale-staedte/benchmark/generator/workbook"
)

// synthSite is the site data of a synthetic data set, through the same
// stages as the pipeline: workbooks written, read, scored, compared.
func synthSite(b *testing.B, o synth.Options) sitedata.Site {
	b.Helper()
	dir := b.TempDir()
	if err := synthwrite.Dataset(dir, o); err != nil {
		b.Fatal(err)
	}
	ds, probs := workbook.ReadDataset(dir)
	if probs.Errors() > 0 {
		b.Fatal(probs.Text("en"))
	}
	res := score.Compute(ds)
	return sitedata.Build(ds, res, compare.Build(ds, res))
}

// BenchmarkBuild builds every chart of 100 synthetic cities (50
// indicators, 10 years, 20 measures), as make bench does; per city charts
// make it linear in the cities.
func BenchmarkBuild(b *testing.B) {
	topo, err := os.ReadFile(filepath.Join("..", "..", "site", "node_modules", filepath.FromSlash(TopoFile)))
	if err != nil {
		b.Skip("site/node_modules missing (make test installs it)")
	}
	s := synthSite(b, synth.Options{Cities: 100, Indicators: 50, Years: 10, Measures: 20, Seed: 1})
	locales, err := siteLocales()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Build(s, topo, locales); err != nil {
			b.Fatal(err)
		}
		for _, c := range s.Cities {
			if _, err := City(s, c, locales); err != nil {
				b.Fatal(err)
			}
		}
	}
}
