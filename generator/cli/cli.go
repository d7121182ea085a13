// Package cli is the generator's command line: it parses flags, calls the
// pipeline and turns its outcome into messages and exit codes. Commands
// write to the writers they are given, never to os.Stdout directly.
package cli

import (
	"errors"
	"fmt"
	"io"

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

// errInvalid is what a command returns after it has said what is wrong
// with its input (errors in the workbooks, a file that exists, workbooks
// that differ): Run exits with ExitInvalid and adds nothing.
var errInvalid = errors.New("input refused")

// Run executes the command line args and returns the exit code.
func Run(args []string, stdout, stderr io.Writer, env Env) int {
	lang, err := language(args, env)
	if err != nil {
		io.WriteString(stderr, err.Error())
		return ExitFailure
	}
	root := newRoot(stdout, stderr, lang)
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, errInvalid):
		return ExitInvalid
	}
	fmt.Fprintf(stderr, "generator: %v\n", err)
	if errors.As(err, new(usageError)) && cmd != nil {
		fmt.Fprintf(stderr, usageTexts[lang].seeHelp, cmd.CommandPath())
	}
	return ExitFailure
}

// newRoot is the command tree in one language.
func newRoot(stdout, stderr io.Writer, lang string) *cobra.Command {
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
	root.AddCommand(buildCommand(stdout, stderr, lang, t, tt), validateCommand(stdout, stderr, lang, t, tt),
		templateCommand(stdout, stderr, lang, t), newCityCommand(stdout, stderr, lang, t))
	root.AddCommand(textconvCommand(stdout, lang, tt), diffCommand(stdout, stderr, lang, tt),
		serveCommand(stdout, stderr, lang, t, tt))
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
