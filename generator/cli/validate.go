package cli

import (
	"fmt"
	"io"

	"github.com/digitale-staedte/benchmark/generator/problem"
	"github.com/spf13/cobra"
)

func validateCommand(stdout, stderr io.Writer, lang string, t text, tt toolText) *cobra.Command {
	var dataDir, format string
	cmd := &cobra.Command{
		Use:   "validate",
		Short: t.validateShort,
		Long:  t.validateLong,
		Args:  noArgs(lang),
		RunE: func(*cobra.Command, []string) error {
			f, ok := problem.ParseFormat(format)
			if !ok {
				return usageErrorf(t.badFormat, format)
			}
			return validateData(dataDir, f, stdout, stderr, lang, t, tt)
		},
	}
	addDataFlag(cmd, &dataDir, t)
	cmd.Flags().StringVar(&format, "format", string(problem.Text), t.flagFormat)
	return cmd
}

// validateData reads and checks the workbooks in dataDir and reports every
// problem in format f.
func validateData(dataDir string, f problem.Format, stdout, stderr io.Writer, lang string, t text, tt toolText) error {
	prog := newProgress(stderr)
	prog.minPlain = manyFiles
	_, probs := checkWithProgress(prog, tt)(dataDir)
	prog.done()
	switch f {
	case problem.Text:
		report(stderr, probs, lang)
	default:
		// Tools and CI read stdout; the summary below goes to stderr so
		// that stdout stays machine-readable.
		if err := probs.Write(stdout, f, lang); err != nil {
			return err
		}
	}
	if probs.Errors() > 0 {
		if f != problem.JSON {
			fmt.Fprintf(stderr, t.invalidValidate, t.nErrors.of(probs.Errors()))
		}
		return errInvalid
	}
	switch f {
	case problem.Text:
		fmt.Fprintf(stdout, t.valid, t.nWarnings.of(len(probs)))
	case problem.GitHub:
		fmt.Fprintf(stderr, t.valid, t.nWarnings.of(len(probs)))
	}
	return nil
}
