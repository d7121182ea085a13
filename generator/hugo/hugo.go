// Package hugo is the one place that calls Hugo. Hugo's Go API is not
// promised stable, so every call into it stays in this package (hugo.go,
// live.go).
package hugo

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/bep/logg"
	"github.com/gohugoio/hugo/common/hmaps"
	"github.com/gohugoio/hugo/config"
	"github.com/gohugoio/hugo/config/allconfig"
	"github.com/gohugoio/hugo/deps"
	"github.com/gohugoio/hugo/hugofs"
	"github.com/gohugoio/hugo/hugolib"
	"github.com/gohugoio/hugo/langs"
	"github.com/spf13/fsync"
)

// Options describe one Hugo build.
type Options struct {
	SiteDir string // the Hugo project (hugo.toml, content, ...)
	DataDir string // generated JSON, mounted as the site's data/generated
	// AssetsDir holds generated files that templates read one at a time
	// (resources.Get), mounted as assets/generated; "" for none. Unlike
	// data, Hugo does not load them all before rendering.
	AssetsDir  string
	PublishDir string // where the pages are written; must not exist or be empty
	BaseURL    string // overrides the config's baseURL when set
	Stdout     io.Writer
	Stderr     io.Writer
	// TemplateTimes, when set, turns on Hugo's template metrics (as hugo
	// --templateMetrics) and receives them after a build.
	TemplateTimes func([]TemplateTime)
}

// TemplateTime is the time Hugo spent executing one template, in all
// the pages or partial calls that executed it, the partials it called
// included.
type TemplateTime struct {
	Name       string // e.g. joint.html, _partials/city/offers.html
	Count      int
	Total, Max time.Duration
}

// Build renders the site once. Every call creates fresh HugoSites, since
// Hugo refuses a second Build outside server mode.
func Build(o Options) error {
	sites, fs, err := newSites(o, false)
	if err != nil {
		return err
	}
	defer sites.Close()
	if err := sites.Build(hugolib.BuildCfg{}); err != nil {
		return fmt.Errorf("hugo: %w", err)
	}
	if o.TemplateTimes != nil && sites.Metrics != nil {
		var b bytes.Buffer
		sites.Metrics.WriteMetrics(&b)
		o.TemplateTimes(parseMetrics(b.String()))
	}
	return copyStatic(sites, fs)
}

// parseMetrics reads Hugo's metrics table, whose rows are cumulative,
// average and maximum duration, count and template; Hugo keeps the
// numbers themselves unexported.
func parseMetrics(table string) []TemplateTime {
	var out []TemplateTime
	for _, line := range strings.Split(table, "\n") {
		f := strings.Fields(line)
		if len(f) != 5 {
			continue
		}
		total, err1 := time.ParseDuration(f[0])
		most, err2 := time.ParseDuration(f[2])
		n, err3 := strconv.Atoi(f[3])
		if err1 != nil || err2 != nil || err3 != nil {
			continue // the header
		}
		out = append(out, TemplateTime{Name: f[4], Count: n, Total: total, Max: most})
	}
	return out
}

// newSites loads the project's configuration with the generated folders
// mounted; live is Hugo's server mode (see Live).
func newSites(o Options, live bool) (*hugolib.HugoSites, *hugofs.Fs, error) {
	siteDir, err := filepath.Abs(o.SiteDir)
	if err != nil {
		return nil, nil, err
	}
	dataDir, err := filepath.Abs(o.DataDir)
	if err != nil {
		return nil, nil, err
	}
	publishDir, err := filepath.Abs(o.PublishDir)
	if err != nil {
		return nil, nil, err
	}

	flags := config.New()
	flags.Set("workingDir", siteDir)
	flags.Set("publishDir", publishDir)
	if o.BaseURL != "" {
		flags.Set("baseURL", o.BaseURL)
	}
	if o.TemplateTimes != nil {
		flags.Set("templateMetrics", true)
	}
	if live {
		flags.Set("internal", hmaps.Params{"running": true, "watch": true, "fastRenderMode": true})
		// generator serve reloads the browser itself; Hugo's script would
		// make the pages differ from a build's.
		flags.Set("disableLiveReload", true)
	}
	// The generated data lives outside the project so that a build never
	// writes into site/; Hugo drops a component's default mount once any
	// mount for it is given, so the project's own folders are listed again.
	mounts := []map[string]any{
		{"source": "content", "target": "content"},
		{"source": "layouts", "target": "layouts"},
		{"source": "assets", "target": "assets"},
		{"source": "static", "target": "static"},
		{"source": "i18n", "target": "i18n"},
		{"source": "data", "target": "data"},
		{"source": dataDir, "target": "data/generated"},
	}
	if o.AssetsDir != "" {
		assetsDir, err := filepath.Abs(o.AssetsDir)
		if err != nil {
			return nil, nil, err
		}
		mounts = append(mounts, map[string]any{"source": assetsDir, "target": "assets/generated"})
	}
	flags.Set("module", map[string]any{"mounts": mounts})

	configs, err := allconfig.LoadConfig(allconfig.ConfigSourceDescriptor{
		Flags:    flags,
		Fs:       hugofs.Os,
		Filename: filepath.Join(siteDir, "hugo.toml"),
		Environ:  []string{}, // no HUGO_* variables from the caller's shell
	})
	if err != nil {
		return nil, nil, fmt.Errorf("hugo config: %w", err)
	}
	flags.Set("publishDirStatic", publishDir)
	flags.Set("publishDirDynamic", publishDir)
	fs := hugofs.NewFromSourceAndDestination(hugofs.Os, hugofs.Os, flags)

	sites, err := hugolib.NewHugoSites(deps.DepsCfg{
		Fs:       fs,
		Configs:  configs,
		LogLevel: logg.LevelWarn,
		StdOut:   o.Stdout,
		StdErr:   o.Stderr,
	})
	if err != nil {
		return nil, nil, fmt.Errorf("hugo: %w", err)
	}
	return sites, fs, nil
}

// copyStatic publishes the static folders of the project and theme. The
// hugo command does this beside Build, not inside it, so we do it too.
func copyStatic(sites *hugolib.HugoSites, fs *hugofs.Fs) error {
	for _, src := range sites.BaseFs.SourceFilesystems.Static {
		syncer := fsync.NewSyncer()
		syncer.NoTimes = true // modification times would make output differ between builds
		syncer.SrcFs = src.Fs
		syncer.DestFs = fs.PublishDirStatic
		dest := string(filepath.Separator)
		if src.PublishFolder != "" {
			dest = filepath.Join(dest, src.PublishFolder)
		}
		if err := syncer.Sync(dest, string(filepath.Separator)); err != nil && !os.IsNotExist(err) {
			return fmt.Errorf("hugo: copying static files: %w", err)
		}
	}
	return nil
}

// Params returns the project's params.benchmark table from hugo.toml (the
// language-independent one), so that the generator reads settings that
// belong to the site, such as the data licence, from the same file Hugo
// does. A missing table gives an empty map.
func Params(siteDir string) (map[string]any, error) {
	configs, err := load(siteDir)
	if err != nil {
		return nil, err
	}
	if b, ok := configs.Base.Params["benchmark"].(map[string]any); ok {
		return b, nil
	}
	if b, ok := configs.Base.Params["benchmark"].(hmaps.Params); ok {
		return b, nil
	}
	return map[string]any{}, nil
}

// Config is what the generator checks in the project's configuration:
// the baseURL it names and, by language code, the params.benchmark table
// as that language's pages see it (the language's own table merged over
// the common one).
type Config struct {
	BaseURL   string
	Languages []string // in the site's order, the default language first
	Params    map[string]map[string]any
}

// ReadConfig reads the project's configuration as a build does.
func ReadConfig(siteDir string) (Config, error) {
	configs, err := load(siteDir)
	if err != nil {
		return Config{}, err
	}
	c := Config{BaseURL: configs.Base.BaseURL, Params: map[string]map[string]any{}}
	for _, l := range configs.Languages {
		c.Languages = append(c.Languages, l.Lang)
		p := map[string]any{}
		if lc, ok := configs.LanguageConfigMap[l.Lang]; ok {
			p = benchmarkParams(lc.Params)
		}
		c.Params[l.Lang] = p
	}
	return c, nil
}

// benchmarkParams is the params.benchmark table of params as plain maps
// (tables within it too), or an empty map.
func benchmarkParams(params hmaps.Params) map[string]any {
	if b, ok := plain(params["benchmark"]).(map[string]any); ok {
		return b
	}
	return map[string]any{}
}

// plain turns Hugo's parameter tables into map[string]any, at every depth.
func plain(v any) any {
	var m map[string]any
	switch t := v.(type) {
	case hmaps.Params:
		m = t
	case map[string]any:
		m = t
	default:
		return v
	}
	out := make(map[string]any, len(m))
	for k, x := range m {
		out[k] = plain(x)
	}
	return out
}

// Locale formats numbers as one language's pages do: Number as Hugo's
// lang.FormatNumber, Percent (of a number already in per cent) as
// lang.FormatPercent and Currency (an ISO 4217 code such as "EUR") as
// lang.FormatCurrency, with the given decimals.
type Locale struct {
	Number   func(v float64, decimals int) string
	Percent  func(v float64, decimals int) string
	Currency func(v float64, decimals int, currency string) string
}

// Locales returns, by language code ("de", "en"), the formatting of that
// language of the project (its locale from hugo.toml), so that numbers the
// generator formats in advance read exactly like those the templates
// format.
func Locales(siteDir string) (map[string]Locale, error) {
	configs, err := load(siteDir)
	if err != nil {
		return nil, err
	}
	out := map[string]Locale{}
	for _, l := range configs.Languages {
		if t := langs.GetTranslator(l); t != nil {
			out[l.Lang] = Locale{Number: t.FormatNumber, Percent: t.FormatPercent, Currency: t.FormatCurrency}
		}
	}
	return out, nil
}

// load reads the project's configuration as a build does, without the
// caller's HUGO_* variables.
func load(siteDir string) (*allconfig.Configs, error) {
	abs, err := filepath.Abs(siteDir)
	if err != nil {
		return nil, err
	}
	flags := config.New()
	flags.Set("workingDir", abs)
	configs, err := allconfig.LoadConfig(allconfig.ConfigSourceDescriptor{
		Flags:    flags,
		Fs:       hugofs.Os,
		Filename: filepath.Join(abs, "hugo.toml"),
		Environ:  []string{},
	})
	if err != nil {
		return nil, fmt.Errorf("hugo config: %w", err)
	}
	return configs, nil
}
