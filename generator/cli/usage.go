package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"text/template"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// usageText holds, in one language, what cobra and pflag would otherwise
// say in English: the usage layout, the help command and flag, and the
// messages about wrong usage.
type usageText struct {
	// usage lays out a command's usage (text/template over *cobra.Command,
	// with the functions of usageFuncs).
	usage string
	// valueNames name a flag's value by its type, defaultValue follows a
	// flag's usage when it has a default.
	valueNames   map[string]string
	defaultValue string

	flagHelp, helpUse, helpShort, helpLong string

	seeHelp, unknownCommand, didYouMean, or, unknownHelpTopic string
	noArgs, wrongArgs                                         string
	nArgs                                                     plural

	unknownFlag, unknownShorthand, flagNeedsValue, badFlagSyntax string
	badFlagValue, flagRequired                                   string
	// expected says what a flag of a type takes, for badFlagValue.
	expected map[string]string

	badLanguage string
}

var usageTexts = map[string]usageText{
	"de": {
		usage: `Verwendung:{{if and .Runnable (not .HasAvailableSubCommands)}}
  {{if .HasParent}}{{.Parent.CommandPath}} {{end}}{{.Use}}{{if .HasAvailableFlags}} [Optionen]{{end}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [Befehl] [Optionen]{{end}}{{if .HasExample}}

Beispiele:
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

Befehle:{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding}} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

Optionen:
{{flags .LocalFlags}}{{end}}{{if .HasAvailableInheritedFlags}}

Optionen aller Befehle:
{{flags .InheritedFlags}}{{end}}{{if .HasAvailableSubCommands}}

Mehr zu einem Befehl: {{.CommandPath}} [Befehl] --help{{end}}
`,
		valueNames:   map[string]string{"string": "Text", "int": "Zahl", "uint": "Zahl"},
		defaultValue: " (Standard: %s)",

		flagHelp:  "diese Hilfe zeigen",
		helpUse:   "help [Befehl]",
		helpShort: "Hilfe zu einem Befehl zeigen",
		helpLong:  "Zeigt die Hilfe zu einem Befehl, z. B. generator help build (wie generator build --help).",

		seeHelp:          "Hilfe: %s --help\n",
		unknownCommand:   "unbekannter Befehl %q",
		didYouMean:       "; meinten Sie %s?",
		or:               " oder ",
		unknownHelpTopic: "keine Hilfe zu %q: einen solchen Befehl gibt es nicht",
		noArgs:           "%s erwartet keine Argumente; überzählig: %s",
		wrongArgs:        "%s erwartet %s (%s), nicht %d",
		nArgs:            plural{"%d Argument", "%d Argumente"},

		unknownFlag:      "unbekannte Option --%s",
		unknownShorthand: "unbekannte Option -%s",
		flagNeedsValue:   "die Option %s braucht einen Wert",
		badFlagSyntax:    "%s ist keine gültige Option",
		badFlagValue:     "ungültiger Wert %q für %s; erwartet wird %s",
		flagRequired:     "die Option %s fehlt",
		expected:         map[string]string{"int": "eine ganze Zahl", "uint64": "eine ganze Zahl ab 0", "bool": "true oder false"},

		badLanguage: "%s: unbekannte Sprache %q; möglich sind de und en",
	},
	"en": {
		usage: `Usage:{{if and .Runnable (not .HasAvailableSubCommands)}}
  {{if .HasParent}}{{.Parent.CommandPath}} {{end}}{{.Use}}{{if .HasAvailableFlags}} [flags]{{end}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [command] [flags]{{end}}{{if .HasExample}}

Examples:
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

Commands:{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding}} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

Flags:
{{flags .LocalFlags}}{{end}}{{if .HasAvailableInheritedFlags}}

Flags of every command:
{{flags .InheritedFlags}}{{end}}{{if .HasAvailableSubCommands}}

More about a command: {{.CommandPath}} [command] --help{{end}}
`,
		valueNames:   map[string]string{},
		defaultValue: " (default %s)",

		flagHelp:  "show this help",
		helpUse:   "help [command]",
		helpShort: "Show the help of a command",
		helpLong:  "Shows the help of a command, e.g. generator help build (like generator build --help).",

		seeHelp:          "Help: %s --help\n",
		unknownCommand:   "unknown command %q",
		didYouMean:       "; did you mean %s?",
		or:               " or ",
		unknownHelpTopic: "no help for %q: there is no such command",
		noArgs:           "%s takes no arguments; extra: %s",
		wrongArgs:        "%s takes %s (%s), not %d",
		nArgs:            plural{"%d argument", "%d arguments"},

		unknownFlag:      "unknown flag --%s",
		unknownShorthand: "unknown flag -%s",
		flagNeedsValue:   "flag %s needs a value",
		badFlagSyntax:    "%s is not a valid flag",
		badFlagValue:     "invalid value %q for %s; expected %s",
		flagRequired:     "flag %s is missing",
		expected:         map[string]string{"int": "a whole number", "uint64": "a whole number from 0", "bool": "true or false"},

		badLanguage: "%s: unknown language %q; expected de or en",
	},
}

// usageError is wrong usage of a command line: Run adds where the
// command's help is.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usageErrorf(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// localize puts a command tree's own words, and cobra's, into one
// language: the usage layout, a help flag on every command and the help
// command, messages about wrong flags. Shell completion is not offered;
// no one has asked for it, and its texts would be cobra's.
func localize(root *cobra.Command, lang string) {
	u := usageTexts[lang]
	tmpl := template.Must(template.New("usage").Funcs(template.FuncMap{
		"rpad":  func(s string, n int) string { return fmt.Sprintf("%-*s", n, s) },
		"flags": func(fs *pflag.FlagSet) string { return flagUsages(fs, u) },
	}).Parse(u.usage))
	root.SetUsageFunc(func(c *cobra.Command) error { return tmpl.Execute(c.OutOrStderr(), c) })
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return flagError(err, u) })
	root.CompletionOptions.DisableDefaultCmd = true
	root.SuggestionsMinimumDistance = 2
	root.Args = func(c *cobra.Command, args []string) error {
		if len(args) == 0 {
			return nil
		}
		msg := fmt.Sprintf(u.unknownCommand, args[0])
		if s := c.SuggestionsFor(args[0]); len(s) > 0 {
			msg += fmt.Sprintf(u.didYouMean, strings.Join(s, u.or))
		}
		return usageError{msg}
	}
	root.RunE = func(c *cobra.Command, _ []string) error { return c.Help() }
	help := &cobra.Command{
		Use:   u.helpUse,
		Short: u.helpShort,
		Long:  u.helpLong,
		RunE: func(c *cobra.Command, args []string) error {
			cmd, rest, err := c.Root().Find(args)
			if err != nil || len(rest) > 0 {
				return usageErrorf(u.unknownHelpTopic, strings.Join(args, " "))
			}
			return cmd.Help()
		},
	}
	root.SetHelpCommand(help)
	root.AddCommand(help)
	addHelpFlags(root, u)
}

// addHelpFlags gives every command its help flag before cobra would add
// its own, in English. Defined up front, it also tells cobra that --help
// takes no value, so that "--help --lang en" is not read as a help flag
// of value "--lang" followed by a command "en".
func addHelpFlags(c *cobra.Command, u usageText) {
	c.Flags().BoolP("help", "h", false, u.flagHelp)
	for _, sub := range c.Commands() {
		addHelpFlags(sub, u)
	}
}

// flagUsages lists flags as pflag's FlagUsages does, with the value names
// and the default in the usage's language.
func flagUsages(fs *pflag.FlagSet, u usageText) string {
	var lefts, rights []string
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "      --" + f.Name
		if f.Shorthand != "" {
			left = "  -" + f.Shorthand + ", --" + f.Name
		}
		name, usage := pflag.UnquoteUsage(f)
		if n, ok := u.valueNames[name]; ok {
			name = n
		}
		if name != "" {
			left += " " + name
		}
		switch def := f.DefValue; {
		case def == "" || def == "0" || def == "false":
		case f.Value.Type() == "string":
			usage += fmt.Sprintf(u.defaultValue, fmt.Sprintf("%q", def))
		default:
			usage += fmt.Sprintf(u.defaultValue, def)
		}
		lefts, rights = append(lefts, left), append(rights, usage)
	})
	width := 0
	for _, l := range lefts {
		width = max(width, len([]rune(l)))
	}
	var b strings.Builder
	for i, l := range lefts {
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "%-*s   %s", width, l, rights[i])
	}
	return b.String()
}

// flagError is pflag's error in the usage's language, naming the flag.
func flagError(err error, u usageText) error {
	var (
		notExist *pflag.NotExistError
		noValue  *pflag.ValueRequiredError
		invalid  *pflag.InvalidValueError
		syntax   *pflag.InvalidSyntaxError
	)
	switch {
	case errors.As(err, &notExist):
		if notExist.GetSpecifiedShortnames() != "" {
			// The flag, not the group it came in (-x of -vx).
			return usageErrorf(u.unknownShorthand, notExist.GetSpecifiedName())
		}
		return usageErrorf(u.unknownFlag, notExist.GetSpecifiedName())
	case errors.As(err, &noValue):
		return usageErrorf(u.flagNeedsValue, flagName(noValue.GetFlag(), noValue.GetSpecifiedName()))
	case errors.As(err, &invalid):
		f := invalid.GetFlag()
		want, ok := u.expected[f.Value.Type()]
		if !ok {
			want = invalid.Unwrap().Error()
		}
		return usageErrorf(u.badFlagValue, invalid.GetValue(), flagName(f, ""), want)
	case errors.As(err, &syntax):
		return usageErrorf(u.badFlagSyntax, syntax.GetSpecifiedFlag())
	}
	return usageError{err.Error()}
}

// flagName is how a flag is written: --name.
func flagName(f *pflag.Flag, specified string) string {
	if f != nil {
		return "--" + f.Name
	}
	if len(specified) == 1 {
		return "-" + specified
	}
	return "--" + specified
}

// noArgs and exactArgs check a command's arguments like cobra.NoArgs and
// cobra.ExactArgs, saying so in the language of lang.
func noArgs(lang string) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) > 0 {
			return usageErrorf(usageTexts[lang].noArgs, c.Name(), quote(args))
		}
		return nil
	}
}

func exactArgs(n int, lang string) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) != n {
			u := usageTexts[lang]
			// The arguments as the command's Use names them.
			names := strings.TrimSpace(strings.TrimPrefix(c.Use, c.Name()))
			return usageErrorf(u.wrongArgs, c.Name(), u.nArgs.of(n), names, len(args))
		}
		return nil
	}
}

// requireFlags is a PreRunE that checks flags cobra's MarkFlagRequired
// would, in the language of lang.
func requireFlags(lang string, names ...string) func(*cobra.Command, []string) error {
	return func(c *cobra.Command, _ []string) error {
		for _, n := range names {
			if !c.Flags().Changed(n) {
				return usageErrorf(usageTexts[lang].flagRequired, "--"+n)
			}
		}
		return nil
	}
}

func quote(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = fmt.Sprintf("%q", a)
	}
	return strings.Join(q, " ")
}

// language follows --lang, then GENERATOR_LANG, then the locale variables;
// German is the default, as the site's first language. An unknown value
// of --lang or GENERATOR_LANG is wrong usage: the error says so in the
// language the environment names, or in both when it names none.
//
// --lang is read by the command line's own parser, so that it counts
// wherever it stands, and a value that only looks like it (the value of
// another flag, an argument after "--") does not.
func language(args []string, env Env) (string, error) {
	fromEnv, known := envLanguage(env)
	value, set := langFlag(args)
	source := "--lang"
	if !set {
		value, set = env("GENERATOR_LANG"), env("GENERATOR_LANG") != ""
		source = "GENERATOR_LANG"
	}
	if !set {
		return fromEnv, nil
	}
	if l, ok := parseLanguage(value); ok {
		return l, nil
	}
	var msg strings.Builder
	for _, l := range []string{"de", "en"} {
		if !known || l == fromEnv {
			fmt.Fprintf(&msg, "generator: "+usageTexts[l].badLanguage+"\n", source, value)
		}
	}
	return fromEnv, errors.New(msg.String())
}

// langFlag is the value of --lang in args, as the command they call
// parses them. Should the flags not parse (the error is reported later,
// in the language found here), a plain scan up to "--" stands in.
func langFlag(args []string) (string, bool) {
	tree := newRoot(io.Discard, io.Discard, "de")
	if cmd, rest, err := tree.Find(args); err == nil {
		cmd.FParseErrWhitelist.UnknownFlags = true
		cmd.SetErr(io.Discard)
		if cmd.ParseFlags(rest) == nil {
			f := cmd.Flags().Lookup("lang")
			return f.Value.String(), f.Changed
		}
	}
	value, set := "", false
	for i, a := range args {
		switch {
		case a == "--":
			return value, set
		case strings.HasPrefix(a, "--lang="):
			value, set = strings.TrimPrefix(a, "--lang="), true
		case a == "--lang" && i+1 < len(args):
			value, set = args[i+1], true
		}
	}
	return value, set
}

// envLanguage is the language of the locale variables, and whether they
// name German or English at all (LANG=fr_FR names neither: German then).
func envLanguage(env Env) (lang string, known bool) {
	if l, ok := parseLanguage(env("GENERATOR_LANG")); ok {
		return l, true
	}
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := env(v); s != "" && s != "C" && s != "POSIX" {
			return parseLanguage(s)
		}
	}
	return "de", false
}

// parseLanguage reads a language, alone or as a locale: de, en, EN,
// en-GB, de_DE.UTF-8. Anything else is German and not ok.
func parseLanguage(s string) (string, bool) {
	base, _, _ := strings.Cut(strings.ToLower(s), ".")
	if i := strings.IndexAny(base, "-_@"); i >= 0 {
		base = base[:i]
	}
	switch base {
	case "de", "en":
		return base, true
	}
	return "de", false
}
