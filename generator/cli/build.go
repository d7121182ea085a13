package cli

import (
	"errors"
	"fmt"
	"github.com/digitale-staedte/benchmark/generator/sitedata"
	"io"

	"github.com/digitale-staedte/benchmark/generator/pipeline"
	"github.com/digitale-staedte/benchmark/generator/problem"
	"github.com/spf13/cobra"
)

func buildCommand(stdout, stderr io.Writer, lang string, t text, tt toolText) *cobra.Command {
	var o pipeline.Options
	var summary string
	cmd := &cobra.Command{
		Use:   "build",
		Short: t.buildShort,
		Long:  t.buildLong,
		Args:  noArgs(lang),
		RunE: func(*cobra.Command, []string) error {
			o.Stdout, o.Stderr = stdout, stderr
			return build(o, summary, lang, t, tt)
		},
	}
	addDataFlag(cmd, &o.DataDir, t)
	cmd.Flags().StringVar(&o.SiteDir, "site", "site", t.flagSite)
	cmd.Flags().StringVar(&o.OutDir, "out", "site/public", t.flagOut)
	cmd.Flags().StringVar(&o.BaseURL, "base-url", "", t.flagBaseURL)
	cmd.Flags().BoolVar(&o.Production, "production", false, t.flagProduction)
	cmd.Flags().StringVar(&o.Previous, "previous", "", t.flagPrevious)
	cmd.Flags().StringVar(&summary, "summary", "", t.flagSummary)
	return cmd
}

// build runs the pipeline with progress on o.Stderr, reports its problems
// and, with summary set, appends the build summary to that file.
func build(o pipeline.Options, summary, lang string, t text, tt toolText) error {
	prog := newProgress(o.Stderr)
	o.Read = checkWithProgress(prog, tt)
	o.Stage = func(name string) {
		if name == "score" {
			// The first stage after reading and the checks (of the data,
			// and of the site's settings).
			prog.begin(tt.progressBuild)
		}
		if part, ok := tt.progressStages[name]; ok {
			prog.stage(tt.progressBuild, part)
		}
	}
	res, err := pipeline.Build(o)
	prog.done()
	reportBuild(o.Stderr, res.Problems, lang, t, o.DataDir)
	if errors.Is(err, pipeline.ErrInvalidData) {
		fmt.Fprintf(o.Stderr, t.invalid, t.nErrors.of(res.Problems.Errors()), o.OutDir)
		return errInvalid
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(o.Stdout, t.built, t.partners(res.Site.Cities), res.Site.ReferenceYear, o.OutDir)
	if summary != "" {
		return appendSummary(summary, lang, res, o.OutDir)
	}
	return nil
}

// maxBuildWarnings is how many warnings build prints. Every error is
// printed, but at national scale the warnings run to hundreds of
// thousands; validate lists them all.
const maxBuildWarnings = 100

// reportBuild is report for build: the first maxBuildWarnings warnings,
// then how many more there are and where to see them.
func reportBuild(w io.Writer, probs problem.List, lang string, t text, dataDir string) {
	shown := make(problem.List, 0, len(probs))
	warnings := 0
	for _, p := range probs {
		if p.Severity == problem.Warning {
			if warnings++; warnings > maxBuildWarnings {
				continue
			}
		}
		shown = append(shown, p)
	}
	report(w, shown, lang)
	if hidden := warnings - maxBuildWarnings; hidden > 0 {
		fmt.Fprintf(w, t.moreWarnings, t.nMoreWarnings.of(hidden), dataDir)
	}
}

// partners counts the municipalities and, if any, the other partners.
func (t text) partners(cities []sitedata.City) string {
	scored := 0
	for _, c := range cities {
		if c.Scored {
			scored++
		}
	}
	if others := len(cities) - scored; others > 0 {
		return fmt.Sprintf(t.withOthers, t.nCities.of(scored), t.nOthers.of(others))
	}
	return t.nCities.of(scored)
}
