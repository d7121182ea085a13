package workbook

import (
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/problem"
)

// Paths of the data folder's parts, relative to it.
const (
	FrameworkFile = "framework.xlsx"
	CitiesDir     = "cities"
)

// ReadDataset reads the framework and every city workbook below dataDir.
// It never stops at the first problem: all of them go to probs, and the
// dataset holds whatever could be read.
func ReadDataset(dataDir string) (model.Dataset, problem.List) {
	var probs problem.List
	ds := model.Dataset{Framework: ReadFramework(filepath.Join(dataDir, FrameworkFile), &probs)}

	paths, err := CityFiles(dataDir)
	if err != nil {
		probs.Errorf(model.Pos{File: filepath.Join(dataDir, CitiesDir)}, problem.FileOpen, err.Error())
	}
	if len(paths) == 0 && err == nil {
		probs.Errorf(model.Pos{File: filepath.Join(dataDir, CitiesDir)}, problem.FileNoCities)
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

// CityFiles lists data/cities/*.xlsx in name order, leaving out the lock
// files Excel (~$name.xlsx) and LibreOffice (.~lock.name.xlsx#) keep next to
// an open workbook.
func CityFiles(dataDir string) ([]string, error) {
	dir := filepath.Join(dataDir, CitiesDir)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.EqualFold(filepath.Ext(name), ".xlsx") ||
			strings.HasPrefix(name, "~$") || strings.HasPrefix(name, ".") {
			continue
		}
		out = append(out, filepath.Join(dir, name))
	}
	sort.Strings(out)
	return out, nil
}
