package bench_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/digitale-staedte/benchmark/generator/bench"
	"github.com/digitale-staedte/benchmark/generator/cli"
	"github.com/digitale-staedte/benchmark/generator/synth"
)

// The test binary doubles as the generator for Measure's children.
func TestMain(m *testing.M) {
	if os.Getenv("BENCH_TEST_CHILD") == "1" {
		os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr, os.Getenv))
	}
	os.Exit(m.Run())
}

// TestMeasure runs the real thing on two cities: every stage runs in a
// child, and the build writes the real site's pages.
func TestMeasure(t *testing.T) {
	site := filepath.Join("..", "..", "site")
	if _, err := os.Stat(filepath.Join(site, "node_modules", "echarts")); err != nil {
		t.Skip("site/node_modules missing (make test installs it)")
	}
	t.Setenv("BENCH_TEST_CHILD", "1")
	dir := t.TempDir()
	synths := 0
	var log strings.Builder
	c := bench.Config{Sizes: []bench.Size{{Cities: 2, Indicators: 6, Years: 3, Measures: 3, Seed: 1}}, Dir: dir,
		SiteDir: site, Exe: os.Args[0], Log: &log,
		Synth: func(s bench.Size, out string) error {
			synths++
			if code := cli.Run([]string{"synth", "--cities", "2", "--indicators", "6", "--years", "3", "--measures", "3", "--out", out},
				&strings.Builder{}, &log, func(string) string { return "" }); code != 0 {
				return fmt.Errorf("synth: exit code %d", code)
			}
			return nil
		}}
	rows, err := bench.Measure(c)
	if err != nil {
		t.Fatalf("%v\n%s", err, log.String())
	}
	r := rows[0]
	// Sheets: the two cities', the framework's five.
	o := synth.Options{Cities: 2, Indicators: 6, Years: 3, Measures: 3, Seed: 1}
	sheets := 5
	for c := range o.Cities {
		_, s := synth.City(o, c)
		sheets += len(s)
	}
	if r.Read.Pages != sheets || r.Hugo.Pages != 5 {
		t.Errorf("floor: %d sheets read, %d pages built; want %d and 5", r.Read.Pages, r.Hugo.Pages, sheets)
	}
	// The probed pages, each timed as one of its layout's two pages (one
	// per language); two cities have no partner of another kind.
	var probed []string
	for _, p := range r.Build.Probes {
		probed = append(probed, p.Page)
		if p.Bytes <= p.Gzip || p.Gzip <= 0 || p.Pages != 2 || p.Time <= 0 || p.Max < p.Time {
			t.Errorf("probe %+v", p)
		}
	}
	if got := strings.Join(probed, " "); got != "joint offers reports measures" {
		t.Errorf("probed %s", got)
	}
	// Both languages' city pages, home pages and more.
	if r.Build.Pages < 2*(2+1) || r.Build.Wall <= 0 {
		t.Errorf("build: %d pages in %v", r.Build.Pages, r.Build.Wall)
	}
	// The site holds more than its pages (styles, scripts, downloads),
	// each file at least a byte.
	if r.Build.Files <= r.Build.Pages || r.Build.Bytes < int64(r.Build.Files) {
		t.Errorf("build: %d files of %d bytes for %d pages", r.Build.Files, r.Build.Bytes, r.Build.Pages)
	}
	// Every stage of the build timed, in order, within its wall time.
	var stages []string
	var sum time.Duration
	for _, s := range r.Build.Splits {
		stages = append(stages, s.Stage)
		sum += s.Wall
	}
	if want := "read score downloads site data charts city pages hugo publish"; strings.Join(stages, " ") != want || sum > r.Build.Wall {
		t.Errorf("splits %v (sum %v of %v), want %s", r.Build.Splits, sum, r.Build.Wall, want)
	}
	if synths != 1 {
		t.Errorf("the data set was written %d times, want once", synths)
	}
}
