package workbook

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/problem"
	"github.com/digitale-staedte/benchmark/generator/synth"
)

// writeSynthSet writes a synthetic data set as generator synth does.
func writeSynthSet(b *testing.B, o synth.Options) string {
	b.Helper()
	dir := b.TempDir()
	if err := os.Mkdir(filepath.Join(dir, PartnersDir), 0o755); err != nil {
		b.Fatal(err)
	}
	write := func(path string, sheets []synth.Sheet) {
		out := make([]ExportSheet, len(sheets))
		for i, s := range sheets {
			out[i] = ExportSheet{Name: s.Name, Header: s.Header, Rows: s.Rows}
		}
		data, err := WriteSheets(out)
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	write(filepath.Join(dir, FrameworkFile), synth.Framework(o))
	for c := range o.Cities {
		name, sheets := synth.City(o, c)
		write(filepath.Join(dir, PartnersDir, Slug(name)+".xlsx"), sheets)
	}
	return dir
}

// BenchmarkReadDataset reads and parses 100 synthetic cities with 50
// indicators over 10 years and 20 measures each (make bench's shape); the
// reported ns/op divided by 100 is the reading cost per city.
func BenchmarkReadDataset(b *testing.B) {
	dir := writeSynthSet(b, synth.Options{Cities: 100, Indicators: 50, Years: 10, Measures: 20, Seed: 1})
	b.ReportAllocs()
	for b.Loop() {
		if _, probs := ReadDataset(dir); probs.Errors() > 0 {
			b.Fatal(probs.Text("en"))
		}
	}
}

// BenchmarkReadCity reads one such city workbook.
func BenchmarkReadCity(b *testing.B) {
	path := oneCity(b)
	b.ReportAllocs()
	for b.Loop() {
		var probs problem.List
		ReadCity(path, &probs)
	}
}

// oneCity writes a synthetic set of one city (make bench's shape) and
// returns its workbook.
func oneCity(b *testing.B) string {
	b.Helper()
	dir := writeSynthSet(b, synth.Options{Cities: 1, Indicators: 50, Years: 10, Measures: 20, Seed: 1})
	files, probs := FindFiles(dir)
	if len(probs) != 0 || len(files.Cities) != 1 {
		b.Fatalf("%v %v", files.Cities, probs)
	}
	return files.Cities[0]
}

// BenchmarkCheckPackage is the check of BenchmarkReadCity's workbook
// before excelize opens it (package.go): every part inflated, every XML
// part parsed.
func BenchmarkCheckPackage(b *testing.B) {
	path := oneCity(b)
	b.ReportAllocs()
	for b.Loop() {
		var probs problem.List
		if _, ok := checkPackage(path, &probs); !ok {
			b.Fatal(probs.Text("en"))
		}
	}
}
