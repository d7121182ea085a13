// Package synthwrite writes a synthetic data set (package synth) as the
// workbooks a strategist would keep: for generator synth, the benchmarks
// and the tests that need hundreds of cities. It is apart from synth
// because the workbook package's own tests use synth.
package synthwrite

import (
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/digitale-staedte/benchmark/generator/synth"
	"github.com/digitale-staedte/benchmark/generator/workbook"
)

// Dataset writes the framework and the cities into dir (framework.xlsx,
// cities/<slug>.xlsx), the cities in parallel: each depends only on its
// number, so the files do not depend on the order in which they are
// written.
func Dataset(dir string, o synth.Options) error {
	if err := os.MkdirAll(filepath.Join(dir, "partners"), 0o755); err != nil {
		return err
	}
	if err := Book(filepath.Join(dir, workbook.FrameworkFile), synth.Framework(o)); err != nil {
		return err
	}
	next := make(chan int)
	errs := make(chan error, 1)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range next {
				name, sheets := synth.City(o, c)
				if err := Book(filepath.Join(dir, "partners", workbook.Slug(name)+".xlsx"), sheets); err != nil {
					select {
					case errs <- err:
					default:
					}
				}
			}
		}()
	}
	for c := range o.Cities {
		next <- c
	}
	close(next)
	wg.Wait()
	select {
	case err := <-errs:
		return err
	default:
		return nil
	}
}

// Book writes one workbook of the given sheets.
func Book(path string, sheets []synth.Sheet) error {
	out := make([]workbook.ExportSheet, len(sheets))
	for i, s := range sheets {
		out[i] = workbook.ExportSheet{Name: s.Name, Header: s.Header, Rows: s.Rows}
	}
	b, err := workbook.WriteSheets(out)
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}
