package serve

import (
	"crypto/sha256"
	"os"
	"runtime"
	"sync"
	"time"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/problem"
	"github.com/digitale-staedte/benchmark/generator/validate"
	"github.com/digitale-staedte/benchmark/generator/workbook"
)

// Progress is told how many of a run's workbooks are read; file is the one
// just finished.
type Progress func(done, total int, file string)

// Reader reads a data folder like pipeline.Check, but keeps every parsed
// workbook keyed by the SHA-256 of its bytes and parses again only the files
// whose bytes changed. Validation always runs over the whole dataset, since
// one file's change can break a reference in another. The zero value is
// ready to use; a Reader may be shared between goroutines.
type Reader struct {
	mu    sync.Mutex
	cache map[string]parsed // path → last parse
}

type parsed struct {
	sum   [sha256.Size]byte
	city  model.City
	fw    model.Framework
	probs problem.List
}

// Check reads and validates dataDir, judging dates against today's. It
// returns the dataset, every problem in workbook order, and the workbooks
// it had to parse (all of them on the first call; then only the changed
// ones).
func (r *Reader) Check(dataDir string, progress Progress) (model.Dataset, problem.List, []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cache == nil {
		r.cache = map[string]parsed{}
	}
	files, probs := workbook.FindFiles(dataDir)
	if probs.Has(problem.DataDirMissing) {
		return model.Dataset{}, probs, nil
	}
	if len(files.Cities) == 0 && !probs.Has(problem.FileOpen) {
		probs.Errorf(model.Pos{File: workbook.PartnersFolder(dataDir)}, problem.FileNoCities)
	}
	all := files.All()

	// Hash every file; parse, side by side, those the cache does not hold.
	results := make([]parsed, len(all))
	var todo []int
	for i, path := range all {
		b, err := os.ReadFile(path)
		if err != nil {
			// Let the workbook reader name the problem as it always does.
			todo = append(todo, i)
			continue
		}
		sum := sha256.Sum256(b)
		if c, ok := r.cache[path]; ok && c.sum == sum {
			results[i] = c
			continue
		}
		results[i].sum = sum
		todo = append(todo, i)
	}
	var mu sync.Mutex
	done := len(all) - len(todo)
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), len(todo)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				p := &results[i]
				if i == 0 {
					p.fw = workbook.ReadFramework(all[i], &p.probs)
				} else {
					p.city = workbook.ReadCity(all[i], &p.probs)
				}
				if progress != nil {
					mu.Lock()
					done++
					progress(done, len(all), all[i])
					mu.Unlock()
				}
			}
		}()
	}
	for _, i := range todo {
		next <- i
	}
	close(next)
	wg.Wait()

	var changed []string
	for _, i := range todo {
		changed = append(changed, all[i])
	}
	// The cache holds exactly the files of this run: a deleted workbook is
	// forgotten, so restoring it parses it again.
	fresh := map[string]parsed{}
	ds := model.Dataset{}
	for i, path := range all {
		if results[i].sum != ([sha256.Size]byte{}) {
			fresh[path] = results[i]
		}
		probs = append(probs, results[i].probs...)
		if i == 0 {
			ds.Framework = results[i].fw
		} else {
			ds.Cities = append(ds.Cities, results[i].city)
		}
	}
	r.cache = fresh
	probs = append(probs, validate.Dataset(ds, validate.Options{Today: model.DateOf(time.Now())})...)
	return ds, probs.Sorted(), changed
}
