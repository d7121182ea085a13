package hugo

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/gohugoio/hugo/common/loggers"
	"github.com/gohugoio/hugo/helpers"
	"github.com/spf13/afero"
)

// TestBuildMountsDataAndCopiesStatic: the generated data folder is seen as
// data/generated, and static files are published as the hugo command would.
func TestBuildMountsDataAndCopiesStatic(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"site/hugo.toml":         "baseURL = 'https://example.org/'\ndisableKinds = ['taxonomy','term','rss','sitemap']\n",
		"site/layouts/home.html": "{{ hugo.Data.generated.site.greeting }}",
		"site/static/robots.txt": "User-agent: *",
		"gen/site.json":          `{"greeting": "Grüß Gott"}`,
	}
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "public")
	var log bytes.Buffer
	var times []TemplateTime
	err := Build(Options{SiteDir: filepath.Join(dir, "site"), DataDir: filepath.Join(dir, "gen"),
		PublishDir: out, Stdout: &log, Stderr: &log, TemplateTimes: func(t []TemplateTime) { times = t }})
	if err != nil {
		t.Fatalf("build: %v\n%s", err, log.String())
	}
	// The template metrics name the home page's layout, executed once.
	if i := slices.IndexFunc(times, func(t TemplateTime) bool { return t.Name == "home.html" }); i < 0 || times[i].Count != 1 || times[i].Total <= 0 || times[i].Max != times[i].Total {
		t.Errorf("template times %+v; want home.html once", times)
	}
	for name, want := range map[string]string{"index.html": "Grüß Gott", "robots.txt": "User-agent: *"} {
		got, err := os.ReadFile(filepath.Join(out, name))
		if err != nil || string(got) != want {
			t.Errorf("%s = %q, %v; want %q", name, got, err, want)
		}
	}
}

func TestParams(t *testing.T) {
	dir := t.TempDir()
	conf := "baseURL = 'https://example.org/'\n[params.benchmark]\nlicence_id = 'cc-by-4.0'\n[params.benchmark.nested]\nx = 1\n"
	if err := os.WriteFile(filepath.Join(dir, "hugo.toml"), []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := Params(dir)
	if err != nil {
		t.Fatal(err)
	}
	if p["licence_id"] != "cc-by-4.0" {
		t.Errorf("params = %v", p)
	}
	if err := os.WriteFile(filepath.Join(dir, "hugo.toml"), []byte("baseURL = 'https://example.org/'\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if p, err := Params(dir); err != nil || len(p) != 0 {
		t.Errorf("without params: %v, %v", p, err)
	}
}

// TestLocales: the project's languages format as their locales do
// (site/hugo.toml: de-DE and en-US).
func TestLocales(t *testing.T) {
	locales, err := Locales(filepath.Join("..", "..", "site"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		lang     string
		kind     string // number, percent or currency (EUR)
		v        float64
		decimals int
		want     string
	}{
		{"de", "number", 1234.56, 1, "1.234,6"},
		{"de", "number", -0.5, 0, "-1"},
		{"en", "number", 1234567.891, 2, "1,234,567.89"},
		{"en", "number", 12, 0, "12"},
		{"de", "percent", 12.46, 1, "12,5\u00a0%"},
		{"en", "percent", 12.46, 1, "12.5%"},
		{"en", "percent", 100, 1, "100.0%"},
		{"de", "currency", 1500000, 0, "1.500.000\u00a0€"},
		{"en", "currency", 1500000, 0, "€1,500,000"},
	} {
		loc, ok := locales[tc.lang]
		if !ok {
			t.Fatalf("no locale for %q (have %v)", tc.lang, locales)
		}
		var got string
		switch tc.kind {
		case "number":
			got = loc.Number(tc.v, tc.decimals)
		case "percent":
			got = loc.Percent(tc.v, tc.decimals)
		case "currency":
			got = loc.Currency(tc.v, tc.decimals, "EUR")
		}
		if got != tc.want {
			t.Errorf("%s %s %v (%d decimals) = %q, want %q", tc.lang, tc.kind, tc.v, tc.decimals, got, tc.want)
		}
	}
}

// TestAnchorizeIsModelAddress: the project's anchorize, with which the
// site names the indicators' and dimensions' pages, folds IDs as
// model.Address does, by which validation finds IDs that would share a
// page.
func TestAnchorizeIsModelAddress(t *testing.T) {
	configs, err := load(filepath.Join("..", "..", "site"))
	if err != nil {
		t.Fatal(err)
	}
	cs, err := helpers.NewContentSpec(configs.GetFirstLanguageConfig(), loggers.NewDefault(), afero.NewMemMapFs(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"VER-01", "ver-01", "VER-01.", "D_2", "a.b-c_d", " X 1 ", "Ä-1", "V1..", "-x-", "1.5"} {
		if got, want := model.Address(id), cs.SanitizeAnchorName(id); got != want {
			t.Errorf("model.Address(%q) = %q; anchorize gives %q", id, got, want)
		}
	}
}

// TestReadConfig: each language sees its own params.benchmark merged over
// the common table, nested tables included.
func TestReadConfig(t *testing.T) {
	dir := t.TempDir()
	conf := `baseURL = 'https://digital.example/'
defaultContentLanguage = 'de'
[params.benchmark]
licence_id = 'cc-by-4.0'
[params.benchmark.publisher]
name = 'Stadt A'
email = 'a@stadt.example'
[languages.de]
weight = 1
[languages.de.params.benchmark]
privacy = 'Datenschutz'
[languages.en]
weight = 2
[languages.en.params.benchmark]
privacy = 'Privacy'
[languages.en.params.benchmark.publisher]
name = 'City of A'
`
	if err := os.WriteFile(filepath.Join(dir, "hugo.toml"), []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := ReadConfig(dir)
	if err != nil {
		t.Fatal(err)
	}
	if c.BaseURL != "https://digital.example/" || len(c.Languages) != 2 || c.Languages[0] != "de" {
		t.Errorf("baseURL %q, languages %v", c.BaseURL, c.Languages)
	}
	for lang, want := range map[string][3]string{"de": {"Datenschutz", "Stadt A", "a@stadt.example"}, "en": {"Privacy", "City of A", "a@stadt.example"}} {
		p := c.Params[lang]
		got := [3]string{str(p["privacy"]), str(lookup(p, "publisher", "name")), str(lookup(p, "publisher", "email"))}
		if got != want || str(p["licence_id"]) != "cc-by-4.0" {
			t.Errorf("%s: privacy, name, email = %q, licence %v; want %q", lang, got, p["licence_id"], want)
		}
	}
}

func str(v any) string { s, _ := v.(string); return s }

func lookup(p map[string]any, keys ...string) any {
	var v any = p
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}
