// Package pipeline runs the stages in their one direction: read, validate,
// score, site data, charts, Hugo; and swaps the finished site into place only when
// every stage succeeded, so a failed build leaves the last good site as it was.
package pipeline

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/digitale-staedte/benchmark/generator/changes"
	"github.com/digitale-staedte/benchmark/generator/charts"
	"github.com/digitale-staedte/benchmark/generator/compare"
	"github.com/digitale-staedte/benchmark/generator/hugo"
	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/opendata"
	"github.com/digitale-staedte/benchmark/generator/problem"
	"github.com/digitale-staedte/benchmark/generator/score"
	"github.com/digitale-staedte/benchmark/generator/sitedata"
	"github.com/digitale-staedte/benchmark/generator/validate"
	"github.com/digitale-staedte/benchmark/generator/workbook"
)

// ErrInvalidData is returned (wrapped) when the spreadsheets have errors;
// the problems themselves come back alongside.
var ErrInvalidData = errors.New("invalid data")

// Check reads and validates the data folder, judging dates against
// today's: every problem of the run, errors and warnings, in workbook order.
func Check(dataDir string) (model.Dataset, problem.List) {
	return checkOn(time.Now())(dataDir)
}

// checkOn is Check with the build date given.
func checkOn(today time.Time) func(dataDir string) (model.Dataset, problem.List) {
	return func(dataDir string) (model.Dataset, problem.List) {
		ds, probs := workbook.ReadDataset(dataDir)
		if probs.Has(problem.DataDirMissing) {
			return ds, probs // nothing was read that could be checked
		}
		probs = append(probs, validate.Dataset(ds, validate.Options{Today: model.DateOf(today)})...)
		return ds, probs.Sorted()
	}
}

// Options for one build.
type Options struct {
	DataDir string
	SiteDir string
	OutDir  string
	// BaseURL is the address the site is published at; "" takes baseURL
	// from the site's configuration in a production build and "/" (links
	// relative to the host's root, for a local server) otherwise.
	BaseURL string
	// Production is a build for the public: every publisher setting
	// (checkPublisher) must be filled in, or the build fails with
	// ErrInvalidData and writes nothing. Other builds only warn.
	Production bool
	// Previous names the data package of the last release (a folder, a
	// ZIP or an http(s) URL) for the "what changed" page; "" for none.
	Previous string
	Stdout   io.Writer
	Stderr   io.Writer
	// Read reads and validates the data folder in place of Check, e.g.
	// re-reading only the workbooks that changed (generator serve); nil
	// means Check on the date Today.
	Read func(dataDir string) (model.Dataset, problem.List)
	// Today is the build date the data are checked against when Read is
	// nil (an adoption or a finished measure after it cannot be true yet);
	// zero means the date of the build. A Read of its own judges dates
	// as it does.
	Today time.Time
	// Stage, when set, is called as each stage begins, for progress and
	// for timing: "read" (and validate), "score" (and compare strategies),
	// "downloads" (the open data), "site data" (and the compare files),
	// "charts" (the site's own, and the search file), "city pages" (each
	// city's charts and page file, and the rest Hugo reads), "hugo" and
	// "publish" (moving the site into place); a build that fails stops
	// early.
	Stage func(name string)
	// TemplateTimes, when set, turns on Hugo's template metrics and
	// receives them (generator bench).
	TemplateTimes func([]hugo.TemplateTime)
}

// read is the reader of the data folder the options ask for.
func (o Options) read() func(dataDir string) (model.Dataset, problem.List) {
	switch {
	case o.Read != nil:
		return o.Read
	case o.Today.IsZero():
		return checkOn(time.Now())
	}
	return checkOn(o.Today)
}

// today is the build date: Today, or else the date the build runs on.
func (o Options) today() model.Date {
	if o.Today.IsZero() {
		return model.DateOf(time.Now())
	}
	return model.DateOf(o.Today)
}

func (o Options) stage(name string) {
	if o.Stage != nil {
		o.Stage(name)
	}
}

// Result says what a build did.
type Result struct {
	Problems problem.List // warnings on success; errors on ErrInvalidData
	// Site is the site document as Hugo read it (sitedata.Site.ForHugo:
	// above the list limit without the cities' details).
	Site    sitedata.Site
	Changes changes.Report // against Options.Previous
}

// Build runs the whole pipeline. On invalid data it returns ErrInvalidData
// and writes nothing at all.
func Build(o Options) (Result, error) {
	o.stage("read")
	ds, probs := o.read()(o.DataDir)
	conf, err := hugo.ReadConfig(o.SiteDir)
	if err != nil {
		return Result{Problems: probs}, err
	}
	probs = append(probs, checkPublisher(o.SiteDir, conf, o.BaseURL, o.Production)...).Sorted()
	res := Result{Problems: probs}
	if probs.Errors() > 0 {
		return res, fmt.Errorf("%w: %d errors", ErrInvalidData, probs.Errors())
	}
	baseURL := o.BaseURL
	if baseURL == "" && o.Production {
		baseURL = conf.BaseURL
	}
	if baseURL == "" {
		baseURL = "/" // a local build: never the configured public address
	}
	if err := checkOutDir(o); err != nil {
		return res, err
	}
	// One build at a time per output folder; this also clears what builds
	// killed earlier left behind.
	release, err := lockOutput(o.OutDir)
	if err != nil {
		return res, err
	}
	defer release()
	// Everything is built in a work folder beside the output, so that the
	// final rename stays on one file system.
	parent := filepath.Dir(filepath.Clean(o.OutDir))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return res, err
	}
	work, err := os.MkdirTemp(parent, workPrefix(o.OutDir))
	if err != nil {
		return res, err
	}
	defer os.RemoveAll(work)
	dataDir := filepath.Join(work, "data")
	assetsDir := filepath.Join(work, "assets")
	downloadsDir := filepath.Join(work, "downloads")
	extraDir := filepath.Join(work, "extra")
	publishDir := filepath.Join(work, "public")
	var warnings problem.List
	res.Site, res.Changes, warnings, err = prepare(o, ds, dataDir, assetsDir, downloadsDir, extraDir)
	res.Problems = append(res.Problems, warnings...).Sorted()
	if err != nil {
		return res, err
	}
	// From here on only files: the data set, scores and charts are no
	// longer referenced, so Hugo has the memory to itself. One collection
	// now, or the collector would wait for the heap to double from the size
	// it had at its peak before it looked again (gigabytes at national scale).
	ds = model.Dataset{}
	runtime.GC()
	o.stage("hugo")
	if err := hugo.Build(hugo.Options{SiteDir: o.SiteDir, DataDir: dataDir, AssetsDir: assetsDir, PublishDir: publishDir,
		BaseURL: baseURL, Stdout: o.Stdout, Stderr: o.Stderr, TemplateTimes: o.TemplateTimes}); err != nil {
		return res, err
	}
	o.stage("publish")
	if err := moveInto(downloadsDir, filepath.Join(publishDir, opendata.Dir)); err != nil {
		return res, fmt.Errorf("publishing the downloads: %w", err)
	}
	if err := moveInto(extraDir, publishDir); err != nil {
		return res, fmt.Errorf("publishing the compare and search data: %w", err)
	}
	return res, swap(publishDir, o.OutDir, filepath.Join(work, "previous"))
}

// prepare runs the stages between reading and Hugo and writes what they
// make into the work folder: Hugo's data (dataDir), each city's page data
// (assetsDir), the downloads, and the compare and search files (extraDir,
// laid out as in the site). It returns the site document as Hugo reads it,
// the changes against the previous release and the warnings of scoring.
func prepare(o Options, ds model.Dataset, dataDir, assetsDir, downloadsDir, extraDir string) (sitedata.Site, changes.Report, problem.List, error) {
	none := changes.None()
	o.stage("score")
	ds, scores, cmp, warnings := analyse(ds, o.today())
	if err := os.Mkdir(dataDir, 0o755); err != nil {
		return sitedata.Site{}, none, warnings, err
	}
	// The open data first, then the compare files: both read the data set,
	// scores and comparison, which nothing needs after the site's data.
	o.stage("downloads")
	report, err := openData(o, ds, scores, cmp, dataDir, downloadsDir, nil)
	if err != nil {
		return sitedata.Site{}, none, warnings, err
	}
	site, err := prepareSite(o, ds, scores, cmp, report, dataDir, assetsDir, extraDir)
	return site, report, warnings, err
}

// analyse is where every stage after validation starts: it scores and
// compares a dataset without errors, and returns the dataset the later
// stages work from and the warnings scoring gives (a city without an
// index for want of data). Measure rows marked Invalid are left out of
// that dataset, so that no score, page or download ever shows one: they
// are kept only for the checks across rows, and a build with one has an
// error and stops before this. today is the build date the delivery speed
// counts overdue measures on.
func analyse(ds model.Dataset, today model.Date) (model.Dataset, score.Result, compare.Result, problem.List) {
	ds = withoutInvalidMeasures(ds)
	ds = publishedReports(ds, today)
	scores := score.Compute(ds)
	cmp := compare.Build(ds, scores)
	cmp.Speed = compare.DeliverySpeed(ds, today)
	return ds, scores, cmp, validate.Coverage(ds, scores)
}

// withoutInvalidMeasures is ds without the measure rows marked Invalid; ds
// itself is not changed (the preview's reader keeps its cities).
func withoutInvalidMeasures(ds model.Dataset) model.Dataset {
	invalid := func(m model.Measure) bool { return m.Invalid }
	var cities []model.City // a copy, made at the first city that changes
	for i, c := range ds.Cities {
		if !slices.ContainsFunc(c.Measures, invalid) {
			continue
		}
		if cities == nil {
			cities = slices.Clone(ds.Cities)
		}
		cities[i].Measures = slices.DeleteFunc(slices.Clone(c.Measures), invalid)
	}
	if cities != nil {
		ds.Cities = cities
	}
	return ds
}

// publishedReports is ds with only the reports dated up to today (a date
// known only to the month or year counts from its first day, as
// validation judges it); ds itself is not changed. Validation has warned
// about the others, which later builds publish.
func publishedReports(ds model.Dataset, today model.Date) model.Dataset {
	later := func(r model.Report) bool { return r.Invalid || today.Before(r.Date) }
	var cities []model.City
	for i, c := range ds.Cities {
		if !slices.ContainsFunc(c.Reports, later) {
			continue
		}
		if cities == nil {
			cities = slices.Clone(ds.Cities)
		}
		cities[i].Reports = slices.DeleteFunc(slices.Clone(c.Reports), later)
	}
	if cities != nil {
		ds.Cities = cities
	}
	return ds
}

// prepareSite writes everything but the downloads (see prepare); the
// changes report is published as it is given.
func prepareSite(o Options, ds model.Dataset, scores score.Result, cmp compare.Result, report changes.Report, dataDir, assetsDir, extraDir string) (sitedata.Site, error) {
	o.stage("site data")
	// The compare page loads these on demand, one file per chosen city.
	// Written now, so that after the site's data nothing holds the data
	// set, the scores or the comparison (over a gigabyte at national
	// scale).
	compareData := sitedata.BuildCompare(ds, scores, cmp)
	closeAllDirections(&compareData)
	compareFiles, err := compareData.Files()
	if err != nil {
		return sitedata.Site{}, err
	}
	if err := writeFiles(extraDir, compareFiles); err != nil {
		return sitedata.Site{}, err
	}
	site := sitedata.Build(ds, scores, cmp)
	closeAllDirections(&site)
	// The map's country outline: world-atlas from site/package.json.
	topo, err := os.ReadFile(filepath.Join(o.SiteDir, "node_modules", filepath.FromSlash(charts.TopoFile)))
	if err != nil {
		return site, fmt.Errorf("the map's country outline: %w (run npm ci in %s)", err, o.SiteDir)
	}
	// Charts and city pages format numbers as the templates do.
	locales, err := hugo.Locales(o.SiteDir)
	if err != nil {
		return site, err
	}
	o.stage("charts")
	chartSet, err := charts.Build(site, topo, locales)
	if err != nil {
		return site, err
	}
	// The city search loads its index on demand too (sitedata/search.go).
	searchFile, err := sitedata.BuildSearch(site).File()
	if err != nil {
		return site, err
	}

	hugoSite := site.ForHugo()
	if err := sitedata.Write(dataDir, hugoSite); err != nil {
		return site, err
	}
	o.stage("city pages")
	if err := writeCityPages(assetsDir, site, locales); err != nil {
		return site, err
	}
	if err := charts.Write(dataDir, chartSet); err != nil {
		return site, err
	}
	// The changes come from the downloads, which keep cells as typed: an
	// override a title leaves open is closed here, as in the site data.
	report = withReportIDs(report, site)
	closeAllDirections(&report)
	if err := changes.Write(dataDir, report); err != nil {
		return site, err
	}
	files := []sitedata.CompareFile{searchFile}
	if site.ReportsPaginated() {
		reportsFile, err := sitedata.BuildReportsIndex(site).File()
		if err != nil {
			return site, err
		}
		files = append(files, reportsFile)
	}
	if err := writeFiles(extraDir, files); err != nil {
		return site, err
	}
	return hugoSite, nil
}

// withReportIDs gives each report published since the previous release
// the id its partner's page anchors it by, so that the changes page links
// to it. Reports alike in partner, date and titles are told apart only by
// their order: a new one takes the last of their ids, as a report added
// below its twin in the sheet gets the higher number.
func withReportIDs(r changes.Report, site sitedata.Site) changes.Report {
	if len(r.Reports) == 0 {
		return r
	}
	type key struct{ city, date, de, en string }
	ids := map[key]string{}
	for _, c := range site.Cities {
		for _, rep := range c.Reports {
			ids[key{c.Slug, rep.Date, rep.Title.De, rep.Title.En}] = rep.ID
		}
	}
	r.Reports = slices.Clone(r.Reports)
	for i, rep := range r.Reports {
		r.Reports[i].ID = ids[key{rep.City, rep.Date, rep.Title.De, rep.Title.En}]
	}
	return r
}

// openData writes the downloads into downloadsDir and their list into
// dataDir, and compares the tables with the previous release's. stop, if
// not nil, is asked before each file; when it says stop, openData returns
// errStopped.
func openData(o Options, ds model.Dataset, scores score.Result, cmp compare.Result, dataDir, downloadsDir string, stop func() bool) (changes.Report, error) {
	none := changes.None()
	meta, err := downloadMeta(o.SiteDir)
	if err != nil {
		return none, err
	}
	meta.Settings = opendata.Settings(scores)
	tables := opendata.Tables(ds, scores, cmp)
	report := none
	if o.Previous != "" {
		prev, err := changes.Load(o.Previous, nil)
		if err != nil {
			return none, err
		}
		report = changes.Diff(prev, tables)
	}
	files, err := writeDownloads(downloadsDir, meta, tables, stop)
	if err != nil {
		return none, err
	}
	return report, listDownloads(dataDir, files, tables, meta.Licence, meta.Large(tables))
}

// writeFiles writes files below dir.
func writeFiles(dir string, files []sitedata.CompareFile) error {
	for _, f := range files {
		path := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			return fmt.Errorf("writing %s: %w", f.Path, err)
		}
	}
	return nil
}

// moveInto moves everything in src into dst (within one file system),
// merging folders that exist in both.
func moveInto(src, dst string) error {
	entries, err := os.ReadDir(src)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return err
	}
	for _, e := range entries {
		from, to := filepath.Join(src, e.Name()), filepath.Join(dst, e.Name())
		if fi, err := os.Stat(to); err == nil && fi.IsDir() && e.IsDir() {
			if err := moveInto(from, to); err != nil {
				return err
			}
			continue
		}
		if err := os.Rename(from, to); err != nil {
			return err
		}
	}
	return nil
}

// swap puts the new site where the old one was. The old one is moved aside
// first and moved back if the new one cannot take its place.
func swap(next, out, aside string) error {
	hadOld := true
	if err := os.Rename(out, aside); err != nil {
		if !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("moving the previous site aside: %w", err)
		}
		hadOld = false
	}
	if err := os.Rename(next, out); err != nil {
		if hadOld {
			_ = os.Rename(aside, out)
		}
		return fmt.Errorf("putting the new site in place: %w", err)
	}
	return nil
}

// checkOutDir refuses output folders whose replacement would destroy
// something that is not a generated site: the project itself, the data,
// or a folder with other files in it.
func checkOutDir(o Options) error {
	out, err := filepath.Abs(o.OutDir)
	if err != nil {
		return err
	}
	for _, keep := range []string{o.DataDir, o.SiteDir} {
		k, err := filepath.Abs(keep)
		if err != nil {
			return err
		}
		if out == k || strings.HasPrefix(k+string(filepath.Separator), out+string(filepath.Separator)) {
			return fmt.Errorf("output folder %s would replace %s; choose a folder of its own, e.g. site/public", o.OutDir, keep)
		}
	}
	entries, err := os.ReadDir(out)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		return fmt.Errorf("output folder %s is not empty and holds no index.html, so it does not look like a site built earlier; refusing to replace it", o.OutDir)
	}
	return nil
}
