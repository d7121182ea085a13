package workbook

import (
	"runtime"
	"sync"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/problem"
)

// ReadDataset reads the framework and every city workbook below dataDir.
// It never stops at the first problem: all of them go to probs, and the
// dataset holds whatever could be read.
func ReadDataset(dataDir string) (model.Dataset, problem.List) {
	files, probs := FindFiles(dataDir)
	if probs.Has(problem.DataDirMissing) {
		return model.Dataset{Framework: model.Framework{File: files.Framework}}, probs
	}
	ds := model.Dataset{Framework: ReadFramework(files.Framework, &probs)}
	paths := files.Cities
	if len(paths) == 0 && !probs.Has(problem.FileOpen) {
		probs.Errorf(model.Pos{File: PartnersFolder(dataDir)}, problem.FileNoCities)
	}

	// Workbooks are independent: read them side by side, then merge in
	// file order so that the result does not depend on scheduling.
	cities := make([]model.City, len(paths))
	found := make([]problem.List, len(paths))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), len(paths)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				cities[i] = ReadCity(paths[i], &found[i])
			}
		}()
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, l := range found {
		probs = append(probs, l...)
	}
	ds.Cities = cities
	return ds, probs
}
