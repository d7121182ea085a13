package cli_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/cli"
)

// generator runs the command line with env as the whole environment.
func generator(env map[string]string, args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = cli.Run(args, &out, &errOut, func(k string) string { return env[k] })
	return code, out.String(), errOut.String()
}

// english and german are the words of cobra's English layout and of ours
// in German: a help text holds those of its own language only.
var (
	english = []string{"Usage:", "Flags:", "Available Commands", "Global Flags", "[command]", "[flags]", "help for",
		"(default", "Help about any command", "for more information", "completion", " string ", " int "}
	german = []string{"Verwendung:", "Optionen", "Befehl", "(Standard", "Hilfe", "zeigen", "--lang Sprache", "--data Ordner"}
)

// TestHelpInOneLanguage: every command's help, cobra's parts included, is
// in the language asked for.
func TestHelpInOneLanguage(t *testing.T) {
	commands := [][]string{{}, {"build"}, {"validate"}, {"template"}, {"new-city"}, {"textconv"}, {"diff"},
		{"serve"}, {"synth"}, {"bench"}, {"help"}}
	for _, lang := range []struct {
		name, flag    string
		want, foreign []string
	}{
		{"German", "de", []string{"Verwendung:", "Optionen:", "-h, --help"}, english},
		{"English", "en", []string{"Usage:", "Flags:", "-h, --help"}, german},
	} {
		for _, cmd := range commands {
			args := append(append([]string{}, cmd...), "--help", "--lang", lang.flag)
			t.Run(lang.name+" "+strings.Join(args, " "), func(t *testing.T) {
				code, out, errOut := generator(nil, args...)
				if code != cli.ExitOK || errOut != "" {
					t.Fatalf("exit %d, stderr %q", code, errOut)
				}
				for _, w := range lang.want {
					if !strings.Contains(out, w) {
						t.Errorf("%q missing from\n%s", w, out)
					}
				}
				for _, w := range lang.foreign {
					if strings.Contains(out, w) {
						t.Errorf("%q in\n%s", w, out)
					}
				}
			})
		}
	}
}

// TestLangFlagAnywhere: --lang counts before and after --help, with or
// without "=", and over the environment.
func TestLangFlagAnywhere(t *testing.T) {
	german := map[string]string{"GENERATOR_LANG": "de"}
	for _, c := range []struct {
		name     string
		variants [][]string
	}{
		{"root", [][]string{{"--help", "--lang", "en"}, {"--lang", "en", "--help"}, {"--lang=en", "--help"},
			{"--help", "--lang=en"}, {"-h", "--lang", "en"}, {"help", "--lang", "en"}, {"--lang", "en"}}},
		{"build", [][]string{{"build", "--help", "--lang", "en"}, {"--lang", "en", "build", "--help"},
			{"build", "--lang=en", "--help"}, {"help", "build", "--lang", "en"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var first string
			for _, args := range c.variants {
				code, out, errOut := generator(german, args...)
				if code != cli.ExitOK || errOut != "" {
					t.Fatalf("generator %v: exit %d, stderr %q", args, code, errOut)
				}
				if !strings.Contains(out, "\nUsage:\n") {
					t.Errorf("generator %v: not the English help:\n%s", args, out)
				}
				if first == "" {
					first = out
				} else if out != first {
					t.Errorf("generator %v differs from generator %v:\n%s", args, c.variants[0], out)
				}
			}
		})
	}
}

// TestUnknownLanguage: an unknown language is wrong usage, said in the
// language the environment names, else in both.
func TestUnknownLanguage(t *testing.T) {
	const (
		de = `unbekannte Sprache "fr"; möglich sind de und en`
		en = `unknown language "fr"; expected de or en`
	)
	for _, c := range []struct {
		name     string
		env      map[string]string
		args     []string
		want, no []string
	}{
		{"no language in the environment", nil, []string{"--lang", "fr"}, []string{"--lang: " + de, "--lang: " + en}, nil},
		{"after the command", map[string]string{"LANG": "C"}, []string{"validate", "--lang=fr"}, []string{de, en}, nil},
		{"French locale", map[string]string{"LANG": "fr_FR.UTF-8"}, []string{"--lang", "fr", "--help"}, []string{de, en}, nil},
		{"English locale", map[string]string{"LANG": "en_US.UTF-8"}, []string{"--lang", "fr"}, []string{en}, []string{de}},
		{"GENERATOR_LANG", map[string]string{"GENERATOR_LANG": "de"}, []string{"build", "--lang", "fr"}, []string{de}, []string{en}},
		{"unknown GENERATOR_LANG", map[string]string{"GENERATOR_LANG": "fr"}, []string{"validate"}, []string{"GENERATOR_LANG: " + de}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, out, errOut := generator(c.env, c.args...)
			if code != cli.ExitFailure || out != "" {
				t.Errorf("exit %d, stdout %q; want %d and nothing", code, out, cli.ExitFailure)
			}
			for _, w := range c.want {
				if !strings.Contains(errOut, w) {
					t.Errorf("%q missing from %q", w, errOut)
				}
			}
			for _, w := range c.no {
				if strings.Contains(errOut, w) {
					t.Errorf("%q in %q", w, errOut)
				}
			}
		})
	}
	// Known languages, also as locales, are no error.
	for _, v := range []string{"de", "en", "EN", "en-GB", "de_DE.UTF-8"} {
		if code, _, errOut := generator(nil, "--lang", v); code != cli.ExitOK {
			t.Errorf("--lang %s: exit %d, %s", v, code, errOut)
		}
	}
}

// TestUsageErrors: wrong arguments and flags exit 2 with a message in the
// language asked for, naming the command or flag, and where help is.
func TestUsageErrors(t *testing.T) {
	for _, c := range []struct {
		args       []string
		want, help string
	}{
		{[]string{"diff", "a.xlsx"}, "diff erwartet 2 Argumente (ALT NEU), nicht 1", "Hilfe: generator diff --help"},
		{[]string{"diff", "a.xlsx", "--lang", "en"}, "diff takes 2 arguments (OLD NEW), not 1", "Help: generator diff --help"},
		{[]string{"new-city"}, `new-city erwartet 1 Argument ("Name"), nicht 0`, "Hilfe: generator new-city --help"},
		{[]string{"new-city", "A", "B", "--lang", "en"}, `new-city takes 1 argument ("Name"), not 2`, "Help: generator new-city --help"},
		{[]string{"new-partner", "A", "--kind", "Firma", "--lang", "en"}, `"Firma" is not a kind of partner; expected municipality, state, municipal company, university, business or association, consultancy, or other`, "Help: generator new-city --help"},
		{[]string{"textconv", "--lang=en"}, "textconv takes 1 argument (FILE), not 0", "Help: generator textconv --help"},
		{[]string{"build", "extra"}, `build erwartet keine Argumente; überzählig: "extra"`, "Hilfe: generator build --help"},
		{[]string{"validate", "a", "b", "--lang", "en"}, `validate takes no arguments; extra: "a" "b"`, "Help: generator validate --help"},
		{[]string{"bild"}, `unbekannter Befehl "bild"; meinten Sie build?`, "Hilfe: generator --help"},
		{[]string{"bild", "--lang", "en"}, `unknown command "bild"; did you mean build?`, "Help: generator --help"},
		{[]string{"help", "bild", "--lang", "en"}, `no help for "bild": there is no such command`, "Help: generator help --help"},
		{[]string{"build", "--nonsense"}, "unbekannte Option --nonsense", "Hilfe: generator build --help"},
		{[]string{"build", "-x", "--lang", "en"}, "unknown flag -x", "Help: generator build --help"},
		{[]string{"build", "--data"}, "die Option --data braucht einen Wert", "Hilfe: generator build --help"},
		{[]string{"serve", "--port", "abc"}, `ungültiger Wert "abc" für --port; erwartet wird eine ganze Zahl`, "Hilfe: generator serve --help"},
		{[]string{"serve", "--port=abc", "--lang=en"}, `invalid value "abc" for --port; expected a whole number`, "Help: generator serve --help"},
		{[]string{"synth"}, "die Option --out fehlt", "Hilfe: generator synth --help"},
		{[]string{"synth", "--lang", "en"}, "flag --out is missing", "Help: generator synth --help"},
		{[]string{"synth", "--cities", "0", "--out", "x"}, "--cities: 0; erwartet wird 1 bis 50000", "Hilfe: generator synth --help"},
		{[]string{"bench", "--cities", "3,x", "--lang", "en"}, `--cities: "x" is not a positive whole number`, "Help: generator bench --help"},
		{[]string{"validate", "--format", "yaml"}, `unbekanntes Format "yaml"; erwartet wird text, json oder github`, "Hilfe: generator validate --help"},
	} {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			code, out, errOut := generator(nil, c.args...)
			if want := "generator: " + c.want + "\n" + c.help + "\n"; code != cli.ExitFailure || out != "" || errOut != want {
				t.Errorf("exit %d, stdout %q, stderr\n%s\nwant exit %d, stderr\n%s", code, out, errOut, cli.ExitFailure, want)
			}
		})
	}
}

// TestNoCompletionCommand: shell completion is not offered, so neither
// its command nor cobra's English texts for it appear.
func TestNoCompletionCommand(t *testing.T) {
	if code, _, errOut := generator(nil, "completion", "bash"); code != cli.ExitFailure || !strings.Contains(errOut, `unbekannter Befehl "completion"`) {
		t.Errorf("exit %d, %s", code, errOut)
	}
}
