// Package cli is the generator's command line: it parses flags, calls the
// pipeline and turns its outcome into messages and exit codes. Commands
// write to the writers they are given, never to os.Stdout directly.
package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/digitale-staedte/benchmark/generator/pipeline"
	"github.com/digitale-staedte/benchmark/generator/problem"
	"github.com/spf13/cobra"
)

// Exit codes, as documented in the README.
const (
	ExitOK      = 0
	ExitInvalid = 1 // the spreadsheets have errors
	ExitFailure = 2 // wrong usage or an internal error
)

// Env gives access to environment variables (os.Getenv in production).
type Env func(string) string

// Run executes the command line args and returns the exit code.
func Run(args []string, stdout, stderr io.Writer, env Env) int {
	limitMemory(env)
	lang, err := language(args, env)
	if err != nil {
		io.WriteString(stderr, err.Error())
		return ExitFailure
	}
	code := ExitOK
	root := newRoot(stdout, stderr, lang, &code)
	root.SetArgs(args)
	if cmd, err := root.ExecuteC(); err != nil {
		fmt.Fprintf(stderr, "generator: %v\n", err)
		if errors.As(err, new(usageError)) && cmd != nil {
			fmt.Fprintf(stderr, usageTexts[lang].seeHelp, cmd.CommandPath())
		}
		return ExitFailure
	}
	return code
}

// newRoot is the command tree in one language; its commands set *code.
func newRoot(stdout, stderr io.Writer, lang string, code *int) *cobra.Command {
	t := texts[lang]
	tt := toolTexts[lang]
	root := &cobra.Command{
		Use:           "generator",
		Short:         t.rootShort,
		Long:          t.rootLong,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.PersistentFlags().String("lang", lang, t.flagLang)

	var o pipeline.Options
	var summary string
	build := &cobra.Command{
		Use:   "build",
		Short: t.buildShort,
		Long:  t.buildLong,
		Args:  noArgs(lang),
		RunE: func(cmd *cobra.Command, _ []string) error {
			o.Stdout, o.Stderr = stdout, stderr
			prog := newProgress(stderr)
			o.Read = checkWithProgress(prog, tt)
			o.Stage = func(name string) {
				if name == "score" {
					// The first stage after reading and the checks (of
					// the data, and of the site's settings).
					prog.begin(tt.progressBuild)
				}
				if part, ok := tt.progressStages[name]; ok {
					prog.stage(tt.progressBuild, part)
				}
			}
			res, err := pipeline.Build(o)
			prog.done()
			reportBuild(stderr, res.Problems, lang, t, o.DataDir)
			if errors.Is(err, pipeline.ErrInvalidData) {
				fmt.Fprintf(stderr, t.invalid, t.nErrors.of(res.Problems.Errors()), o.OutDir)
				*code = ExitInvalid
				return nil
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(stdout, t.built, t.nCities.of(len(res.Site.Cities)), res.Site.ReferenceYear, o.OutDir)
			if summary != "" {
				return appendSummary(summary, lang, res, o.OutDir)
			}
			return nil
		},
	}
	addDataFlag(build, &o.DataDir, t)
	build.Flags().StringVar(&o.SiteDir, "site", "site", t.flagSite)
	build.Flags().StringVar(&o.OutDir, "out", "site/public", t.flagOut)
	build.Flags().StringVar(&o.BaseURL, "base-url", "", t.flagBaseURL)
	build.Flags().BoolVar(&o.Production, "production", false, t.flagProduction)
	build.Flags().StringVar(&o.Previous, "previous", "", t.flagPrevious)
	build.Flags().StringVar(&summary, "summary", "", t.flagSummary)

	var dataDir, format string
	check := &cobra.Command{
		Use:   "validate",
		Short: t.validateShort,
		Long:  t.validateLong,
		Args:  noArgs(lang),
		RunE: func(cmd *cobra.Command, _ []string) error {
			f, ok := problem.ParseFormat(format)
			if !ok {
				return usageErrorf(t.badFormat, format)
			}
			prog := newProgress(stderr)
			prog.minPlain = manyFiles
			_, probs := checkWithProgress(prog, tt)(dataDir)
			prog.done()
			switch f {
			case problem.Text:
				report(stderr, probs, lang)
			default:
				// Tools and CI read stdout; the summary below goes to
				// stderr so that stdout stays machine-readable.
				if err := probs.Write(stdout, f, lang); err != nil {
					return err
				}
			}
			if probs.Errors() > 0 {
				if f != problem.JSON {
					fmt.Fprintf(stderr, t.invalidValidate, t.nErrors.of(probs.Errors()))
				}
				*code = ExitInvalid
				return nil
			}
			switch f {
			case problem.Text:
				fmt.Fprintf(stdout, t.valid, t.nWarnings.of(len(probs)))
			case problem.GitHub:
				fmt.Fprintf(stderr, t.valid, t.nWarnings.of(len(probs)))
			}
			return nil
		},
	}
	addDataFlag(check, &dataDir, t)
	check.Flags().StringVar(&format, "format", string(problem.Text), t.flagFormat)

	root.AddCommand(build, check, templateCommand(stdout, stderr, lang, t, code), newCityCommand(stdout, stderr, lang, t, code))
	root.AddCommand(textconvCommand(stdout, lang, tt), diffCommand(stdout, stderr, lang, tt, code),
		serveCommand(stdout, stderr, lang, t, tt, code))
	root.AddCommand(synthCommand(stdout, lang), benchCommand(stdout, stderr, lang), benchStageCommand(stdout, lang))
	localize(root, lang)
	return root
}

func addDataFlag(cmd *cobra.Command, dst *string, t text) {
	cmd.Flags().StringVar(dst, "data", "data", t.flagData)
}

// report prints every problem, one per line, in workbook order.
func report(w io.Writer, probs problem.List, lang string) {
	io.WriteString(w, probs.Text(lang))
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
