package pipeline_test

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/pipeline"
	wt "github.com/digitale-staedte/benchmark/generator/workbook/workbooktest"
)

// TestPreviewMatchesBuild: after a save, the preview's pages (each once
// requested) and downloads are byte for byte those of a whole build of the
// same data; a workbook removed gives a whole build of its own.
func TestPreviewMatchesBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("real Hugo builds")
	}
	const baseURL = "http://127.0.0.1:1313/"
	data := wt.Dataset(t, t.TempDir())
	var stderr bytes.Buffer
	p, err := pipeline.NewPreview(pipeline.Options{DataDir: data, SiteDir: repoSite, BaseURL: baseURL, Stdout: io.Discard, Stderr: &stderr})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	res, first, err := p.Build()
	if err != nil {
		t.Fatalf("first build: %v\n%s", err, res.Problems.Text("en"))
	}
	if p.Pending() {
		t.Error("a whole build left its downloads for later")
	}
	// Two pages requested before the save: Hugo renders them again in the
	// build, the others when they are requested.
	for _, page := range []string{"/", "/partner/alpha/"} {
		if err := p.Visit(page); err != nil {
			t.Fatal(err)
		}
	}

	wt.SetCells(t, filepath.Join(data, "partners", "alpha.xlsx"), "Stadt", wt.Cells{"B2": "Alphaville"})
	wt.SetCells(t, filepath.Join(data, "partners", "alpha.xlsx"), "Kennzahlen", wt.Cells{"C2": 25})
	res, site, err := p.Build()
	if err != nil {
		t.Fatalf("build after the save: %v\n%s", err, res.Problems.Text("en"))
	}
	if site != first {
		t.Fatalf("the save gave a whole build into %s; want the site in %s brought up to date", site, first)
	}
	if !strings.Contains(read(t, filepath.Join(site, "index.html")), "Alphaville") {
		t.Error("the home page, requested before, does not show the new name at once")
	}
	if !p.Pending() {
		t.Fatal("no downloads left for later")
	}
	// An invalid save meanwhile leaves them pending: they belong to the
	// site still on screen.
	wt.SetCells(t, filepath.Join(data, "partners", "alpha.xlsx"), "Kennzahlen", wt.Cells{"C2": "viel"})
	if _, _, err := p.Build(); !errors.Is(err, pipeline.ErrInvalidData) || !p.Pending() {
		t.Fatalf("invalid save: err %v, pending %v; want invalid data, downloads still pending", err, p.Pending())
	}
	wt.SetCells(t, filepath.Join(data, "partners", "alpha.xlsx"), "Kennzahlen", wt.Cells{"C2": 25})
	if err := p.Downloads(func() bool { return true }); err != nil || !p.Pending() {
		t.Fatalf("stopped downloads: err %v, pending %v; want them still pending", err, p.Pending())
	}
	if err := p.Downloads(nil); err != nil || p.Pending() {
		t.Fatalf("downloads: err %v, pending %v", err, p.Pending())
	}
	full := filepath.Join(t.TempDir(), "full")
	if res, err := build(t, data, full, baseURL); err != nil {
		t.Fatalf("whole build: %v\n%s", err, res.Problems.Text("en"))
	}
	visitAll(t, p, full)
	sameFiles(t, site, full)

	if err := os.Remove(filepath.Join(data, "partners", "beta.xlsx")); err != nil {
		t.Fatal(err)
	}
	res, site, err = p.Build()
	if err != nil {
		t.Fatalf("build without beta: %v\n%s", err, res.Problems.Text("en"))
	}
	if site == first {
		t.Fatal("a city gone was brought up to date in place; its page would stay")
	}
	full = filepath.Join(t.TempDir(), "full")
	if res, err := build(t, data, full, baseURL); err != nil {
		t.Fatalf("whole build without beta: %v\n%s", err, res.Problems.Text("en"))
	}
	sameFiles(t, site, full)
	if s := stderr.String(); strings.Contains(s, "WARN") || strings.Contains(s, "ERROR") {
		t.Errorf("Hugo reported problems:\n%s", s)
	}
}

// visitAll requests every page of the site in dir from p.
func visitAll(t *testing.T, p *pipeline.Preview, dir string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || (filepath.Ext(path) != ".html" && filepath.Ext(path) != ".xml") {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		return p.Visit("/" + filepath.ToSlash(rel))
	})
	if err != nil {
		t.Fatal(err)
	}
}

// sameFiles reports every file that differs between the sites in a and b.
func sameFiles(t *testing.T, a, b string) {
	t.Helper()
	sa, sb := snapshot(t, a), snapshot(t, b)
	for path, sum := range sa {
		rel := strings.TrimPrefix(path, a)
		other, ok := sb[b+rel]
		switch {
		case !ok:
			t.Errorf("%s is in the preview, not in the whole build", rel)
		case other != sum:
			t.Errorf("%s differs from the whole build's", rel)
		}
	}
	for path := range sb {
		if _, ok := sa[a+strings.TrimPrefix(path, b)]; !ok {
			t.Errorf("%s is missing from the preview", strings.TrimPrefix(path, b))
		}
	}
}
