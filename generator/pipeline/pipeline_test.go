package pipeline_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/digitale-staedte/benchmark/generator/compare"
	"github.com/digitale-staedte/benchmark/generator/pipeline"
	"github.com/digitale-staedte/benchmark/generator/problem"
	"github.com/digitale-staedte/benchmark/generator/synth"
	"github.com/digitale-staedte/benchmark/generator/synth/synthwrite"
	wt "github.com/digitale-staedte/benchmark/generator/workbook/workbooktest"
)

// The repository's own folders, from generator/pipeline.
const (
	repoData = "../../data"
	repoSite = "../../site"
)

func build(t *testing.T, data, out, baseURL string) (pipeline.Result, error) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	res, err := pipeline.Build(pipeline.Options{DataDir: data, SiteDir: repoSite, OutDir: out,
		BaseURL: baseURL, Stdout: &stdout, Stderr: &stderr})
	if strings.Contains(stderr.String(), "WARN") || strings.Contains(stderr.String(), "ERROR") {
		t.Errorf("Hugo reported problems:\n%s", stderr.String())
	}
	return res, err
}

// sample is the repository's sample data built once, for the tests that
// only read the site (a build takes seconds; half a dozen tests share it).
var sample struct {
	once   sync.Once
	dir    string
	res    pipeline.Result
	err    error
	stderr string
}

// TestMain removes the shared sample build when the tests are done.
func TestMain(m *testing.M) {
	code := m.Run()
	if sample.dir != "" {
		os.RemoveAll(sample.dir)
	}
	os.Exit(code)
}

// sampleBuild returns the shared build of the sample data and its output
// folder. Callers must not change either.
func sampleBuild(t *testing.T) (pipeline.Result, string) {
	t.Helper()
	sample.once.Do(func() {
		if sample.dir, sample.err = os.MkdirTemp("", "pipeline-sample-"); sample.err != nil {
			return
		}
		var stdout, stderr bytes.Buffer
		sample.res, sample.err = pipeline.Build(pipeline.Options{DataDir: repoData, SiteDir: repoSite,
			OutDir: filepath.Join(sample.dir, "public"), Stdout: &stdout, Stderr: &stderr})
		sample.stderr = stderr.String()
	})
	if strings.Contains(sample.stderr, "WARN") || strings.Contains(sample.stderr, "ERROR") {
		t.Errorf("Hugo reported problems:\n%s", sample.stderr)
	}
	if sample.err != nil {
		t.Fatalf("build of the sample data: %v\n%s", sample.err, sample.res.Problems.Text("en"))
	}
	return sample.res, filepath.Join(sample.dir, "public")
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestFixtureScoresMatchHandCheck builds a two-city data set whose scores
// were worked out by hand, and looks for them on the rendered pages.
func TestFixtureScoresMatchHandCheck(t *testing.T) {
	data := wt.Dataset(t, t.TempDir())
	out := filepath.Join(t.TempDir(), "public")
	res, err := build(t, data, out, "")
	if err != nil {
		t.Fatalf("build: %v\n%s", err, res.Problems.Text("en"))
	}
	// Reference year 2023 (latest year in which both cities have an index).
	// VER (weight 2): V1 with goalposts 0–100: alpha 30 → 30, beta 60 → 60;
	//   V2 lower is better, observed 15–30: alpha 30 → 0, beta 15 → 100;
	//   alpha (30+0)/2 = 15, beta (60+100)/2 = 80.
	// DAT (weight 1): D1 observed 12–24 and D2 observed 6–12: alpha 0, beta 100.
	// Index: alpha (2·15 + 0)/3 = 10.0; beta (2·80 + 100)/3 = 86.67 → 86.7.
	if res.Site.ReferenceYear != 2023 {
		t.Errorf("reference year = %d; want 2023", res.Site.ReferenceYear)
	}
	want := map[string]float64{"alpha": 10.0, "beta": 86.7}
	for _, r := range res.Site.Ranking {
		if r.Index == nil || *r.Index != want[r.Slug] {
			t.Errorf("%s: index %v; want %v", r.Slug, r.Index, want[r.Slug])
		}
	}
	if r := res.Site.Ranking; len(r) != 2 || r[0].Slug != "beta" || *r[0].Rank != 1 || *r[1].Rank != 2 {
		t.Errorf("ranking = %+v; want beta 1, alpha 2", r)
	}
	de, en := read(t, filepath.Join(out, "index.html")), read(t, filepath.Join(out, "en", "index.html"))
	for _, s := range []string{"86,7", "10,0", "Beta", "Alpha", "Vorreiter"} {
		if !strings.Contains(de, s) {
			t.Errorf("German home page lacks %q", s)
		}
	}
	for _, s := range []string{"86.7", "10.0", "Leader"} {
		if !strings.Contains(en, s) {
			t.Errorf("English home page lacks %q", s)
		}
	}
}

// TestMethodInForce: settings from the framework workbook change the
// numbers and the methodology page states the method they were computed
// with.
func TestMethodInForce(t *testing.T) {
	dir := t.TempDir()
	fw := wt.Framework()
	fw[4].Rows = append(fw[4].Rows[:1],
		[]any{"Aggregation Index", "geometrisch"}, []any{"Skala", 1},
		[]any{"Fortschreibung (Jahre)", 1}, []any{"Monte-Carlo-Ziehungen", 200})
	fw[3].Rows[2][0], fw[3].Rows[3][0] = 0.5, 0.8 // levels on the 0–1 scale
	wt.Write(t, filepath.Join(dir, "framework.xlsx"), fw...)
	wt.Write(t, filepath.Join(dir, "partners", "alpha.xlsx"), wt.City("Alpha", 1)...)
	wt.Write(t, filepath.Join(dir, "partners", "beta.xlsx"), wt.City("Beta", 2)...)
	out := filepath.Join(t.TempDir(), "public")
	res, err := build(t, dir, out, "")
	if err != nil {
		t.Fatalf("build: %v\n%s", err, res.Problems.Text("en"))
	}
	// As in TestFixtureScoresMatchHandCheck, on the 0–1 scale: VER alpha
	// 0.15, beta 0.8; DAT alpha 0, beta 1. Geometric index (VER weight 2,
	// DAT 1): alpha has a zero part → 0 (zero rule); beta
	// 0.8^(2/3) · 1^(1/3) = exp(2/3 · ln 0.8) = exp(−0.148762) = 0.861774
	// → 0.862 at the three decimals of the 0–1 scale.
	want := map[string]float64{"alpha": 0, "beta": 0.862}
	for _, r := range res.Site.Ranking {
		if r.Index == nil || *r.Index != want[r.Slug] {
			t.Errorf("%s: index %v; want %v", r.Slug, r.Index, want[r.Slug])
		}
	}
	if iv := res.Site.Ranking[0].Interval; iv == nil || iv.Low != 1 || iv.High != 1 {
		t.Errorf("beta's rank interval = %+v; want 1–1 (alpha's index is 0 in every draw)", iv)
	}
	de := read(t, filepath.Join(out, "methodik", "index.html"))
	for _, s := range []string{"gewichtetes geometrisches Mittel", "Nullregel", "auf der Skala von 0 bis 1.",
		"Fortschreibung ist eingeschaltet", "200 Ziehungen", `id="audit"`, `id="uncertainty"`} {
		if !strings.Contains(de, s) {
			t.Errorf("German methodology page lacks %q", s)
		}
	}
	en := read(t, filepath.Join(out, "en", "methodology", "index.html"))
	for _, s := range []string{"weighted geometric mean", "Zero rule", "Carry-forward is on"} {
		if !strings.Contains(en, s) {
			t.Errorf("English methodology page lacks %q", s)
		}
	}
	if city := read(t, filepath.Join(out, "partner", "beta", "index.html")); !strings.Contains(city, "0,862") {
		t.Error("beta's page lacks its index 0,862")
	}
	// The audit has a row per indicator; the uncertainty table a row per city.
	if n := strings.Count(de[strings.Index(de, `id="audit"`):strings.Index(de, `id="correlations"`)], "<tr>"); n != 1+4 {
		t.Errorf("audit table has %d rows; want a header and 4 indicators", n)
	}
}

// TestSampleSite builds the repository's own data and checks that every
// partner has a page in both languages, a city's showing its published
// index; the partner that is not a municipality is in no ranking.
func TestSampleSite(t *testing.T) {
	res, out := sampleBuild(t)
	var kinds []string
	for _, c := range res.Site.Cities {
		kinds = append(kinds, c.Slug+" "+c.Kind)
	}
	if want := "augsburg municipality, muenchen municipality, nuernberg municipality, stadtwerke-muenchen municipal_company"; strings.Join(kinds, ", ") != want {
		t.Fatalf("partners %s; want the three founding cities and the illustrative municipal utility:\n%s", strings.Join(kinds, ", "), want)
	}
	if len(res.Site.Ranking) != 3 {
		t.Errorf("the ranking has %d rows; want the three cities", len(res.Site.Ranking))
	}
	if !res.Site.Sample {
		t.Error("the sample data set must be marked as containing illustrative values")
	}
	for _, c := range res.Site.Cities {
		for _, page := range []struct{ path, number string }{
			{filepath.Join(out, "partner", c.Slug, "index.html"), "de"},
			{filepath.Join(out, "en", "partners", c.Slug, "index.html"), "en"},
		} {
			html := read(t, page.path)
			if !strings.Contains(html, c.Name) {
				t.Errorf("%s does not name %s", page.path, c.Name)
			}
			if c.Reference.Index != nil {
				if n := formatScore(*c.Reference.Index, page.number); !strings.Contains(html, n) {
					t.Errorf("%s lacks the index %s", page.path, n)
				}
			}
		}
	}
	for _, p := range []string{"index.html", "en/index.html", "methodik/index.html", "en/methodology/index.html",
		"strategie/index.html", "en/strategy/index.html"} {
		html := read(t, filepath.Join(out, p))
		if !strings.Contains(html, "Beispielwert") && !strings.Contains(html, "illustrative") {
			t.Errorf("%s does not say that the data set holds sample values", p)
		}
	}
}

// formatScore prints a published score as the site does: one decimal,
// decimal comma in German.
// TestStrategyComparison: the matrix shows every topic for every city, and
// a city's quick wins name the partners' measures.
func TestStrategyComparison(t *testing.T) {
	res, out := sampleBuild(t)
	s := res.Site.Strategies
	if len(s.Matrix) != len(res.Site.Topics) || len(s.Similarity) != len(res.Site.Cities) {
		t.Fatalf("matrix %d rows for %d topics, similarity %d rows", len(s.Matrix), len(res.Site.Topics), len(s.Similarity))
	}
	wins := 0
	for _, c := range res.Site.Cities {
		html := read(t, filepath.Join(out, "en", "partners", c.Slug, "index.html"))
		for _, w := range c.QuickWins {
			wins++
			for _, e := range s.QuickWinExamples[w.Topic] {
				if !strings.Contains(html, e.Title.De) && !strings.Contains(html, e.Title.En) {
					t.Errorf("%s: quick win %s lacks the partner measure %s", c.Slug, w.Topic, e.MeasureID)
				}
			}
		}
	}
	if wins == 0 {
		t.Error("the sample data should give at least one quick win")
	}
	html := read(t, filepath.Join(out, "strategie", "index.html"))
	for _, word := range []string{"abgeschlossen", "in Umsetzung", "keine Maßnahme"} {
		if !strings.Contains(html, word) {
			t.Errorf("strategy matrix lacks %q", word)
		}
	}
}

func formatScore(v float64, lang string) string {
	s := strconv.FormatFloat(v, 'f', 1, 64)
	if lang == "de" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// TestReproducible: the same input gives a byte-identical site.
func TestReproducible(t *testing.T) {
	_, a := sampleBuild(t)
	b := filepath.Join(t.TempDir(), "b")
	if res, err := build(t, repoData, b, ""); err != nil {
		t.Fatalf("build: %v\n%s", err, res.Problems.Text("en"))
	}
	sa, sb := snapshot(t, a), snapshot(t, b)
	if len(sa) != len(sb) {
		t.Fatalf("%d files against %d", len(sa), len(sb))
	}
	for path, sum := range sa {
		if other := sb[b+strings.TrimPrefix(path, a)]; other != sum {
			t.Errorf("%s differs between two builds", strings.TrimPrefix(path, a))
		}
	}
}

// TestSubPathBaseURL: GitHub Pages serves a project under /<repo>/, so no
// internal link may leave that prefix.
func TestSubPathBaseURL(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if res, err := build(t, repoData, out, "https://example.org/repo/"); err != nil {
		t.Fatalf("build: %v\n%s", err, res.Problems.Text("en"))
	}
	attr := regexp.MustCompile(`(?:href|src|content|action)="([^"]*)"`)
	n := 0
	err := filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		for _, m := range attr.FindAllStringSubmatch(read(t, path), -1) {
			u := m[1]
			n++
			switch {
			case strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "/repo/"):
				t.Errorf("%s: link %q leaves the sub-path /repo/", path, u)
			case strings.HasPrefix(u, "https://example.org") && !strings.HasPrefix(u, "https://example.org/repo/"):
				t.Errorf("%s: link %q leaves the sub-path /repo/", path, u)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatal("no links found at all")
	}
}

// TestFailedBuildLeavesSiteUntouched: a wrong cell makes the build fail
// with ErrInvalidData, and the site built before stays byte for byte.
func TestFailedBuildLeavesSiteUntouched(t *testing.T) {
	data := wt.Dataset(t, t.TempDir())
	out := filepath.Join(t.TempDir(), "public")
	if res, err := build(t, data, out, ""); err != nil {
		t.Fatalf("first build: %v\n%s", err, res.Problems.Text("en"))
	}
	before := snapshot(t, out)

	city := wt.City("Alpha", 1)
	city[1].Rows[1][2] = "zwölf"
	wt.Write(t, filepath.Join(data, "partners", "alpha.xlsx"), city...)
	res, err := build(t, data, out, "")
	if !errors.Is(err, pipeline.ErrInvalidData) {
		t.Fatalf("want ErrInvalidData, got %v", err)
	}
	if got := res.Problems.Text("en"); !strings.Contains(got, "alpha.xlsx: Kennzahlen!C2: error: \"zwölf\" is not a number") {
		t.Errorf("problems do not name the cell:\n%s", got)
	}
	if after := snapshot(t, out); !equal(before, after) {
		t.Error("the failed build changed the previous site")
	}
	// Nothing else may be left beside the output either.
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("the failed build left files beside the output: %v", entries)
	}
}

// TestHugoFailureLeavesSiteUntouched: an error inside Hugo (here a broken
// template) must not touch the previous site either.
func TestHugoFailureLeavesSiteUntouched(t *testing.T) {
	data := wt.Dataset(t, t.TempDir())
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if res, err := build(t, data, out, ""); err != nil {
		t.Fatalf("first build: %v\n%s", err, res.Problems.Text("en"))
	}
	before := snapshot(t, out)

	site := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(site, os.DirFS(repoSite)); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(site, "layouts"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(site, "layouts", "home.html"), []byte("{{ .Broken"), 0o644); err != nil {
		t.Fatal(err)
	}
	// The copied site refers to the theme by a relative path.
	if err := os.Symlink(mustAbs(t, "../../themes"), filepath.Join(filepath.Dir(site), "themes")); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	_, err := pipeline.Build(pipeline.Options{DataDir: data, SiteDir: site, OutDir: out, Stdout: &stderr, Stderr: &stderr})
	if err == nil || errors.Is(err, pipeline.ErrInvalidData) {
		t.Fatalf("want a Hugo error, got %v", err)
	}
	if after := snapshot(t, out); !equal(before, after) {
		t.Error("the failed build changed the previous site")
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 1 {
		t.Errorf("the failed build left files beside the output: %v", entries)
	}
}

// TestDatesAreJudgedOnTheBuildDate: a build on a date before München
// adopted its strategy (24.07.2019) stops at that cell and writes nothing;
// the build date is an option, so that this test does not depend on the
// day it runs.
func TestDatesAreJudgedOnTheBuildDate(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	res, err := pipeline.Build(pipeline.Options{DataDir: repoData, SiteDir: repoSite, OutDir: out,
		Today: time.Date(2019, 7, 23, 12, 0, 0, 0, time.UTC)})
	if !errors.Is(err, pipeline.ErrInvalidData) {
		t.Fatalf("err = %v; want invalid data", err)
	}
	found := false
	for _, p := range res.Problems {
		if p.Code == problem.AdoptedFuture && strings.HasSuffix(p.Pos.File, "muenchen.xlsx") {
			found = true
			if want := "adoption on 2019-07-24 lies after today (2019-07-23)"; !strings.HasPrefix(p.Message("en"), want) {
				t.Errorf("message %q; want it to start with %q", p.Message("en"), want)
			}
		}
	}
	if !found {
		t.Errorf("no problem about München's adoption:\n%s", res.Problems.Text("en"))
	}
	if _, err := os.Stat(out); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the failed build wrote %s (%v)", out, err)
	}
}

func TestRefusesToReplaceAForeignFolder(t *testing.T) {
	data := wt.Dataset(t, t.TempDir())
	out := t.TempDir()
	if err := os.WriteFile(filepath.Join(out, "thesis.docx"), []byte("precious"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := build(t, data, out, ""); err == nil || !strings.Contains(err.Error(), "refusing") {
		t.Fatalf("want a refusal, got %v", err)
	}
	if got := read(t, filepath.Join(out, "thesis.docx")); got != "precious" {
		t.Error("the folder was changed")
	}
	if _, err := build(t, data, data, ""); err == nil {
		t.Fatal("building over the data folder must be refused")
	}
}

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func snapshot(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	m := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		m[path] = sha256.Sum256(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(m) == 0 {
		t.Fatal("empty site")
	}
	return m
}

func equal(a, b map[string][32]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestDownloads: the built site carries the open-data package, every file
// its descriptor names exists, and the licence is the site's.
func TestDownloads(t *testing.T) {
	_, out := sampleBuild(t)
	var desc struct {
		Licenses  []struct{ Name string }
		Resources []struct{ Path string }
	}
	if err := json.Unmarshal([]byte(read(t, filepath.Join(out, "downloads", "datapackage.json"))), &desc); err != nil {
		t.Fatal(err)
	}
	if len(desc.Licenses) != 1 || desc.Licenses[0].Name != "dl-de/by-2-0" {
		t.Errorf("licences = %+v; want the one in site/hugo.toml", desc.Licenses)
	}
	if len(desc.Resources) < 13*3 {
		t.Errorf("%d resources; want 13 tables in 3 formats and the workbook", len(desc.Resources))
	}
	for _, r := range desc.Resources {
		if _, err := os.Stat(filepath.Join(out, "downloads", filepath.FromSlash(r.Path))); err != nil {
			t.Errorf("datapackage.json names %s: %v", r.Path, err)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "downloads", "benchmark-data.zip")); err != nil {
		t.Error(err)
	}
}

// TestWhatChanged builds a release, revises a value, gives a progress,
// finishes a measure, publishes a report, adds an offer and makes a
// measure a joint project, and builds again with the first release's
// downloads as the previous release: the changes page and its feed, which
// a feed reader's parser reads, show each of them.
func TestWhatChanged(t *testing.T) {
	data := wt.Dataset(t, t.TempDir())
	first := filepath.Join(t.TempDir(), "public")
	if res, err := build(t, data, first, ""); err != nil {
		t.Fatalf("build: %v\n%s", err, res.Problems.Text("en"))
	}
	if page := read(t, filepath.Join(first, "aenderungen", "index.html")); !strings.Contains(page, "keine frühere Veröffentlichung") {
		t.Error("without --previous the page must say there is no earlier release")
	}
	alpha := wt.City("Alpha", 1)
	alpha[1].Rows[1][2] = 33 // V1 2023: 30 → 33
	// M-01's title now leaves a right-to-left override open, which the
	// changes page must close within the title.
	alpha[2].Rows[1][1] = "E-Akte \u202Eeinführen"
	// M-01 is 40 % done now; the first release gave no progress.
	alpha[2].Rows[0] = append(alpha[2].Rows[0], "Fortschritt")
	alpha[2].Rows[1] = append(alpha[2].Rows[1], "40 %")
	alpha[2].Rows[2] = append(alpha[2].Rows[2], nil)
	// M-02 becomes a joint project with Beta.
	alpha[2].Rows[0] = append(alpha[2].Rows[0], "Partner")
	alpha[2].Rows[1] = append(alpha[2].Rows[1], nil)
	alpha[2].Rows[2] = append(alpha[2].Rows[2], "beta")
	alpha = append(alpha, wt.Sheet{Name: "Berichte", Rows: [][]any{{"Datum", "Titel", "Text"}, {"10.01.2026", "E-Akte im Bürgeramt", "Läuft."}}},
		wt.Sheet{Name: "Angebote", Rows: [][]any{{"Art", "Thema", "Titel", "Kontakt"}, {"Lösung", "E-AKTE", "E-Akte-Modul", "digital@alpha.example"}}})
	wt.Write(t, filepath.Join(data, "partners", "alpha.xlsx"), alpha...)
	// Beta's M-01 is done: a new status, and 100 % where none was given.
	beta := wt.City("Beta", 2)
	beta[2].Rows[1][3] = "abgeschlossen"
	wt.Write(t, filepath.Join(data, "partners", "beta.xlsx"), beta...)
	second := filepath.Join(t.TempDir(), "public")
	const base = "https://example.org/"
	var stdout, stderr bytes.Buffer
	res, err := pipeline.Build(pipeline.Options{DataDir: data, SiteDir: repoSite, OutDir: second, BaseURL: base,
		Previous: filepath.Join(first, "downloads"), Stdout: &stdout, Stderr: &stderr})
	if err != nil {
		t.Fatalf("build: %v\n%s", err, res.Problems.Text("en"))
	}
	c := res.Changes
	if !c.HasPrevious || c.RevisedValues != 1 || c.NewValues != 0 || len(c.Measures) != 2 || !c.ReportsCompared || len(c.Reports) != 1 ||
		!c.OffersCompared || len(c.Offers) != 1 || !c.PartnersCompared || len(c.JointProjects) != 1 {
		t.Errorf("changes = %+v; want one revised value, two measures moved, one report, one offer and one joint project", c)
	}
	page := read(t, filepath.Join(second, "aenderungen", "index.html"))
	reportLink := regexp.MustCompile(`<a href="/partner/alpha/#(report-2026-01-10-[0-9a-f]{8})">E-Akte im Bürgeramt</a>`).FindStringSubmatch(page)
	if reportLink == nil {
		t.Error("changes page does not link the new report")
	} else if alphaPage := read(t, filepath.Join(second, "partner", "alpha", "index.html")); !strings.Contains(alphaPage, `id="`+reportLink[1]+`"`) {
		t.Errorf("changes page links %s, which Alpha's page lacks", reportLink[1])
	}
	if !strings.Contains(page, `<a href="/gemeinsame-projekte/#joint-alpha-m-02">Open-Data-Portal</a>`) {
		t.Error("changes page does not link the new joint project")
	} else if jointPage := read(t, filepath.Join(second, "gemeinsame-projekte", "index.html")); !strings.Contains(jointPage, `id="joint-alpha-m-02"`) {
		t.Error("changes page links joint-alpha-m-02, which the joint-projects page lacks")
	}
	if !strings.Contains(page, "E-Akte \u202Eeinführen\u202C<") {
		t.Error("changes page leaves the override in M-01's title open")
	}
	for _, s := range []string{"korrigiert", "alpha.xlsx: Kennzahlen!C2", ">30<", ">33<", "neuer Fortschritt", "neuer Stand",
		"Seitdem veröffentlichte Berichte: 1.", "alpha.xlsx: Berichte!A2",
		"Neue Angebote: 1, zurückgezogene: 0.", "<th scope=\"row\">E-Akte-Modul</th>", "Lösung zur Nachnutzung", "alpha.xlsx: Angebote!C2",
		"Neue gemeinsame Projekte: 1.", "nun mit Partnern", "alpha.xlsx: Maßnahmen!A3"} {
		if !strings.Contains(page, s) {
			t.Errorf("changes page lacks %q", s)
		}
	}
	for lang, want := range map[string][]string{
		"de": {"alpha, V1, 2023: 30 → 33 (alpha.xlsx: Kennzahlen!C2)", "alpha, M-01: – → 40\u00a0%", "beta, M-01: in Umsetzung → abgeschlossen, 100\u00a0%",
			"Neuer Bericht: alpha, 10.01.2026: E-Akte im Bürgeramt", "Seitdem veröffentlichte Berichte: 1.",
			"Neues Angebot: alpha, Lösung zur Nachnutzung, E-Akte: E-Akte-Modul", "Neues gemeinsames Projekt: alpha, M-02: Open-Data-Portal, gemeinsam mit beta",
			"Neue Angebote: 1, zurückgezogene: 0. Neue gemeinsame Projekte: 1."},
		"en": {"alpha, M-01: – → 40%", "beta, M-01: in progress → done, 100%", "New report: alpha, 10 Jan 2026: E-Akte im Bürgeramt",
			"New offer: alpha, Solution to reuse, E-file: E-Akte-Modul", "New joint project: alpha, M-02: Open-Data-Portal, jointly with beta",
			"New offers: 1, withdrawn: 0. New joint projects: 1."},
	} {
		name := "feeds/changes." + lang + ".xml"
		f := parseFeed(t, name, []byte(read(t, filepath.Join(second, filepath.FromSlash(name)))), base)
		if len(f.Items) != 1 {
			t.Errorf("%s: %d items, want one for the release", name, len(f.Items))
			continue
		}
		checkPageLink(t, second, base, name, f.Items[0].Link)
		for _, w := range want {
			if !strings.Contains(f.Items[0].Description, html.EscapeString(w)) {
				t.Errorf("%s lacks %q:\n%s", name, w, f.Items[0].Description)
			}
		}
	}
	// A previous release that cannot be read stops the build before it
	// writes anything.
	_, err = pipeline.Build(pipeline.Options{DataDir: data, SiteDir: repoSite, OutDir: second,
		Previous: filepath.Join(t.TempDir(), "nothing-here"), Stdout: &stdout, Stderr: &stderr})
	if err == nil || !strings.Contains(err.Error(), "previous release") {
		t.Errorf("unreadable previous release: %v", err)
	}
}

// TestCapsAreSaid: above the comparison's caps the pages say what they
// leave out instead of dropping it silently.
func TestCapsAreSaid(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 65 cities")
	}
	o := synth.Options{Cities: compare.MaxSimilarityCities + 5, Indicators: 8, Years: 2, Measures: 6, Seed: 4}
	data := t.TempDir()
	writeSynth(t, data, o)
	out := filepath.Join(t.TempDir(), "public")
	res, err := build(t, data, out, "")
	if err != nil {
		t.Fatalf("build: %v\n%s", err, res.Problems.Text("en"))
	}
	if page := read(t, filepath.Join(out, "strategie", "index.html")); !strings.Contains(page, "hätte die Tabelle eine Zelle je Städtepaar") {
		t.Error("the strategy page does not say why the similarity table is missing")
	}
	capped := false
	for _, c := range res.Site.Cities {
		for _, w := range c.QuickWins {
			if len(res.Site.Strategies.QuickWinExamples[w.Topic]) == compare.MaxExamples && w.Partners > compare.MaxExamples {
				page := read(t, filepath.Join(out, "en", "partners", c.Slug, "index.html"))
				if !strings.Contains(page, fmt.Sprintf("lists at most %d measures as examples", compare.MaxExamples)) {
					t.Errorf("%s: a capped quick win without the note", c.Slug)
				}
				capped = true
				break
			}
		}
		if capped {
			break
		}
	}
	if !capped {
		t.Error("no quick win reached the cap: the test data do not exercise it")
	}
}

func writeSynth(t *testing.T, dir string, o synth.Options) {
	t.Helper()
	if err := synthwrite.Dataset(dir, o); err != nil {
		t.Fatal(err)
	}
}
