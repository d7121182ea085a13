package pipeline_test

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/pipeline"
	"github.com/digitale-staedte/benchmark/generator/problem"
	wt "github.com/digitale-staedte/benchmark/generator/workbook/workbooktest"
)

// TestProductionBuildRefusesPlaceholders: the sample's site configuration
// has no publisher yet and a placeholder in its privacy notices, so a
// production build stops before writing anything and names every
// setting; a build that is not for production warns about the same.
func TestProductionBuildRefusesPlaceholders(t *testing.T) {
	data := wt.Dataset(t, t.TempDir())
	out := filepath.Join(t.TempDir(), "public")
	res, err := pipeline.Build(pipeline.Options{DataDir: data, SiteDir: repoSite, OutDir: out,
		Production: true, BaseURL: "https://name.github.io/project/", Stdout: io.Discard, Stderr: io.Discard})
	if !errors.Is(err, pipeline.ErrInvalidData) {
		t.Fatalf("production build: %v; want ErrInvalidData", err)
	}
	if _, err := os.Stat(out); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the refused build wrote %s (%v)", out, err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 0 {
		t.Errorf("the refused build left files: %v", entries)
	}
	wantKeys := []string{"params.benchmark.publisher.name", "params.benchmark.publisher.address",
		"params.benchmark.publisher.responsible", "params.benchmark.publisher.contact",
		"languages.de.params.benchmark.privacy", "languages.en.params.benchmark.privacy"}
	for _, lang := range []string{"de", "en"} {
		text := res.Problems.Text(lang)
		for _, key := range wantKeys {
			if !strings.Contains(text, " "+key+" ") {
				t.Errorf("%s: no problem names %s:\n%s", lang, key, text)
			}
		}
		if strings.Contains(text, "baseURL") {
			t.Errorf("%s: --base-url was given, yet baseURL is reported:\n%s", lang, text)
		}
	}
	if n := res.Problems.Errors(); n != len(wantKeys) {
		t.Errorf("%d errors, want %d:\n%s", n, len(wantKeys), res.Problems.Text("en"))
	}

	// Without --production: the same as warnings (and baseURL, which the
	// configuration leaves empty), and a site.
	res, err = build(t, data, out, "")
	if err != nil {
		t.Fatalf("build: %v\n%s", err, res.Problems.Text("en"))
	}
	warned := 0
	for _, p := range res.Problems {
		if p.Severity == problem.Warning && strings.HasPrefix(string(p.Code), "site.") {
			warned++
		}
	}
	if warned != len(wantKeys)+1 {
		t.Errorf("%d warnings about the site's settings, want %d:\n%s", warned, len(wantKeys)+1, res.Problems.Text("en"))
	}
	checkAliasPage(t, out, "/")
	if home := read(t, filepath.Join(out, "index.html")); strings.Contains(home, "example.org") || strings.Contains(home, "og:url") {
		t.Error("a local build's home page names an absolute address of its own")
	}
	if robots := read(t, filepath.Join(out, "robots.txt")); strings.Contains(robots, "Sitemap") {
		t.Errorf("a local build's robots.txt names a sitemap without an absolute address:\n%s", robots)
	}
}

// TestProductionBuild: with every publisher setting filled in, a production
// build names its public address in canonical, hreflang and og:url links,
// shows the publisher in the footer and on the imprint page, and its alias
// page redirects within the host.
func TestProductionBuild(t *testing.T) {
	site := siteWithConfig(t, func(conf string) string {
		conf = strings.Replace(conf, `baseURL = ""`, `baseURL = "https://digital.augsburg.example.de/portal/"`, 1)
		conf = strings.Replace(conf, `name = ""`, `name = "Stadt Augsburg, Amt für Digitalisierung"`, 1)
		conf = strings.Replace(conf, `address = ""`, `address = """
Rathausplatz 1
86150 Augsburg"""`, 1)
		conf = strings.Replace(conf, `responsible = ""`, `responsible = "Erika Mustermann"`, 1)
		conf = strings.Replace(conf, `contact = ""`, `contact = "digital@augsburg.example.de"`, 1)
		conf = regexp.MustCompile(`\(Platzhalter:[^)]*\)`).ReplaceAllString(conf, "(90 Tage)")
		conf = regexp.MustCompile(`\(placeholder:[^)]*\)`).ReplaceAllString(conf, "(90 days)")
		return conf
	})
	data := wt.Dataset(t, t.TempDir())
	out := filepath.Join(t.TempDir(), "public")
	var log strings.Builder
	res, err := pipeline.Build(pipeline.Options{DataDir: data, SiteDir: site, OutDir: out, Production: true,
		Stdout: &log, Stderr: &log})
	if err != nil {
		t.Fatalf("production build: %v\n%s\n%s", err, res.Problems.Text("en"), log.String())
	}
	for _, p := range res.Problems {
		if strings.HasPrefix(string(p.Code), "site.") {
			t.Errorf("complete settings, yet: %s", p.Format("en"))
		}
	}
	const base = "https://digital.augsburg.example.de/portal/"
	home := read(t, filepath.Join(out, "index.html"))
	for _, want := range []string{`<link rel="canonical" href="` + base + `">`,
		`<link rel="alternate" hreflang="en" href="` + base + `en/">`, `<meta property="og:url" content="` + base + `">`,
		"Herausgeber: Stadt Augsburg, Amt für Digitalisierung"} {
		if !strings.Contains(home, want) {
			t.Errorf("home page lacks %s", want)
		}
	}
	imprint := read(t, filepath.Join(out, "en", "imprint", "index.html"))
	for _, want := range []string{"Stadt Augsburg, Amt für Digitalisierung<br>Rathausplatz 1<br>86150 Augsburg",
		"Erika Mustermann", `<a href="mailto:digital@augsburg.example.de">`} {
		if !strings.Contains(imprint, want) {
			t.Errorf("English imprint lacks %s", want)
		}
	}
	for _, page := range []string{home, imprint, read(t, filepath.Join(out, "datenschutz", "index.html"))} {
		if strings.Contains(page, "not-set") {
			t.Error("a page shows a setting as not filled in")
		}
	}
	if robots := read(t, filepath.Join(out, "robots.txt")); !strings.Contains(robots, "Sitemap: "+base+"sitemap.xml") {
		t.Errorf("robots.txt names no sitemap:\n%s", robots)
	}
	checkAliasPage(t, out, "/portal/")
}

// checkAliasPage: Hugo's page for /de/ (the default language lives at /)
// is a page like the others: German, with a viewport, and it redirects to
// home, a path on the same host, never an absolute address.
func checkAliasPage(t *testing.T, out, home string) {
	t.Helper()
	page := read(t, filepath.Join(out, "de", "index.html"))
	for _, want := range []string{`<html lang="de">`, `<meta name="viewport" content="width=device-width, initial-scale=1">`,
		`<meta http-equiv="refresh" content="0; url=` + home + `">`, `<a href="` + home + `">`, "<main>", "<h1>", "<title>Weiterleitung"} {
		if !strings.Contains(page, want) {
			t.Errorf("/de/index.html lacks %s:\n%s", want, page)
		}
	}
	if m := regexp.MustCompile(`url=([^">]*)`).FindStringSubmatch(page); m == nil || strings.Contains(m[1], "://") {
		t.Errorf("/de/index.html redirects to %v, want a path on this host", m)
	}
}

// siteWithConfig is a copy of the site whose hugo.toml edit changes; the
// copy shares node_modules and the theme with the repository.
func siteWithConfig(t *testing.T, edit func(string) string) string {
	t.Helper()
	site := filepath.Join(t.TempDir(), "site")
	src := mustAbs(t, repoSite)
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		switch {
		case rel == "node_modules":
			if err := os.Symlink(p, filepath.Join(site, rel)); err != nil {
				return err
			}
			return fs.SkipDir
		case rel == "public" || rel == "resources" || strings.HasPrefix(rel, ".build-"):
			return fs.SkipDir
		case d.IsDir():
			return os.MkdirAll(filepath.Join(site, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if rel == "hugo.toml" {
			b = []byte(edit(string(b)))
		}
		return os.WriteFile(filepath.Join(site, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	// The copied site refers to the theme by a relative path.
	if err := os.Symlink(mustAbs(t, "../../themes"), filepath.Join(filepath.Dir(site), "themes")); err != nil {
		t.Fatal(err)
	}
	return site
}
