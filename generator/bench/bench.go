// Package bench measures the generator end to end against a floor: for a
// synthetic data set of N cities it times pipeline.Build in a child
// process (so that the child's peak memory is measured alone), and times
// the same data's floor, (a) reading every workbook with excelize and
// nothing else and (b) Hugo building as many pages with a one-line layout.
// The parent only runs children and formats the table; each child runs
// one Stage.
package bench

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/digitale-staedte/benchmark/generator/hugo"
	"github.com/digitale-staedte/benchmark/generator/pipeline"
	"github.com/digitale-staedte/benchmark/generator/workbook"
	"github.com/xuri/excelize/v2"
)

// Stages a child can run.
const (
	StageBuild = "build" // pipeline.Build: read, validate, score, charts, Hugo, downloads
	StageRead  = "read"  // floor (a): excelize opens every workbook and reads every sheet's rows
	StageHugo  = "hugo"  // floor (b): Hugo builds Pages pages with a minimal layout
)

// Size is one synthetic data set.
type Size struct {
	Cities, Indicators, Years, Measures int
	Seed                                uint64
}

// DataDir is where the data set of size s is cached below dir: the name
// carries every parameter, so a cached set is never reused for another,
// and the generation of package synth, so that a set written before it
// made other data is not either.
func DataDir(dir string, s Size) string {
	return filepath.Join(dir, fmt.Sprintf("data-n%d-k%d-y%d-m%d-s%d-g%d", s.Cities, s.Indicators, s.Years, s.Measures, s.Seed, synthGeneration))
}

// synthGeneration counts the changes to what package synth writes for the
// same parameters; 2: partners of every kind, joint projects, offers and
// reports.
const synthGeneration = 2

// Pages is how many pages the floor's Hugo project has for n cities: one
// per city and language, as the real site has city pages.
func Pages(n int) int { return 2 * n }

// StageResult is what a child reports on its standard output (JSON).
type StageResult struct {
	Pages int `json:"pages"` // HTML pages written (build, hugo) or sheets read (read)
	// Files and Bytes are what the build wrote into the site (build).
	Files int   `json:"files,omitempty"`
	Bytes int64 `json:"bytes,omitempty"`
	// Splits are the build's stages (pipeline.Options.Stage) in order.
	Splits []Split `json:"splits,omitempty"`
	// Probes are single pages of the build (probes.go).
	Probes []Probe `json:"probes,omitempty"`
}

// Split is the wall time of one stage of a build.
type Split struct {
	Stage string        `json:"stage"`
	Wall  time.Duration `json:"wall"`
}

// StageOptions say what a child works on.
type StageOptions struct {
	Stage   string
	DataDir string // the synthetic data set
	SiteDir string // the real Hugo project (build)
	WorkDir string // a folder of the child's own, emptied first
	Pages   int    // pages of the floor project (hugo)
}

// RunStage runs one stage and says how much it did.
func RunStage(o StageOptions) (StageResult, error) {
	if err := os.RemoveAll(o.WorkDir); err != nil {
		return StageResult{}, err
	}
	if err := os.MkdirAll(o.WorkDir, 0o755); err != nil {
		return StageResult{}, err
	}
	switch o.Stage {
	case StageBuild:
		out := filepath.Join(o.WorkDir, "public")
		var splits []Split
		var times []hugo.TemplateTime
		var begun time.Time
		split := func(next string) {
			now := time.Now()
			if len(splits) > 0 {
				splits[len(splits)-1].Wall = now.Sub(begun)
			}
			if next != "" {
				splits = append(splits, Split{Stage: next})
			}
			begun = now
		}
		res, err := pipeline.Build(pipeline.Options{DataDir: o.DataDir, SiteDir: o.SiteDir, OutDir: out,
			Stdout: io.Discard, Stderr: io.Discard, Stage: split,
			TemplateTimes: func(t []hugo.TemplateTime) { times = t }})
		split("")
		if err != nil {
			return StageResult{}, fmt.Errorf("build: %w\n%s", err, res.Problems.Text("en"))
		}
		size, err := pipeline.Measure(out)
		if err != nil {
			return StageResult{}, err
		}
		probes, err := probe(out, res.Site, times)
		return StageResult{Pages: size.Pages, Files: size.Files, Bytes: size.Bytes, Splits: splits, Probes: probes}, err
	case StageRead:
		n, err := ReadAll(o.DataDir)
		return StageResult{Pages: n}, err
	case StageHugo:
		proj := filepath.Join(o.WorkDir, "site")
		if err := WriteFloorSite(proj, o.Pages); err != nil {
			return StageResult{}, err
		}
		data := filepath.Join(o.WorkDir, "data")
		out := filepath.Join(o.WorkDir, "public")
		if err := os.Mkdir(data, 0o755); err != nil {
			return StageResult{}, err
		}
		if err := hugo.Build(hugo.Options{SiteDir: proj, DataDir: data, PublishDir: out, Stdout: io.Discard, Stderr: io.Discard}); err != nil {
			return StageResult{}, err
		}
		size, err := pipeline.Measure(out)
		return StageResult{Pages: size.Pages}, err
	}
	return StageResult{}, fmt.Errorf("unknown stage %q; expected %s, %s or %s", o.Stage, StageBuild, StageRead, StageHugo)
}

// WriteResult writes a child's result for the parent.
func WriteResult(w io.Writer, r StageResult) error { return json.NewEncoder(w).Encode(r) }

// ReadAll is floor (a): every workbook of the data set opened with
// excelize and every sheet's rows read, nothing parsed, as many workbooks
// side by side as the reader uses (GOMAXPROCS). It returns the number of
// sheets read.
func ReadAll(dataDir string) (int, error) {
	files, probs := workbook.FindFiles(dataDir)
	if probs.Errors() > 0 {
		return 0, errors.New(probs[0].Format("en"))
	}
	paths := files.All()
	sheets := make([]int, len(paths))
	errs := make([]error, len(paths))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(paths)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				sheets[i], errs[i] = readBook(paths[i])
			}
		}()
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	total := 0
	for i, n := range sheets {
		if errs[i] != nil {
			return 0, fmt.Errorf("%s: %w", paths[i], errs[i])
		}
		total += n
	}
	return total, nil
}

func readBook(path string) (int, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	n := 0
	for _, s := range f.GetSheetList() {
		if _, err := f.GetRows(s); err != nil {
			return 0, err
		}
		n++
	}
	return n, nil
}

// WriteFloorSite writes floor (b): a Hugo project whose content adapter
// adds pages pages, each rendered by a one-line layout.
func WriteFloorSite(dir string, pages int) error {
	files := map[string]string{
		"hugo.toml": `baseURL = "https://example.org/"
disableKinds = ["taxonomy", "term", "rss", "sitemap", "robotsTXT", "404"]
`,
		"content/_content.gotmpl": fmt.Sprintf(`{{ range seq %d }}{{ $.AddPage (dict "path" (print "p" .) "title" (print "Page " .) "kind" "page") }}{{ end }}
`, pages),
		"layouts/page.html": "<!doctype html><title>{{ .Title }}</title><p>{{ .Title }}</p>\n",
		"layouts/home.html": "<!doctype html><title>{{ site.Title }}</title>\n",
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}
