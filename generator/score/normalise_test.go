package score

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/model"
)

// TestEveryNormalisationIsDeclared: each normalisation the model names has
// an engine method that scores higher values higher, an alternative under
// uncertainty that is another declared method, a formula on the
// methodology page and its texts in every language of the theme. This is
// where a new normalisation that misses a place is named.
func TestEveryNormalisationIsDeclared(t *testing.T) {
	all := model.Normalisations()
	if len(methods) != len(all) {
		t.Fatalf("score declares %d methods for %d normalisations in model", len(methods), len(all))
	}
	theme := filepath.Join("..", "..", "themes", "benchmark")
	formula := readFile(t, filepath.Join(theme, "layouts", "_partials", "methodology", "formula.html"))
	langs, err := filepath.Glob(filepath.Join(theme, "i18n", "*.yaml"))
	if err != nil || len(langs) == 0 {
		t.Fatalf("no translations in %s (%v)", theme, err)
	}
	for _, n := range all {
		name := n.String()
		m := methods[n]
		if m.unit == nil {
			t.Errorf("%s: no function in score's methods", name)
			continue
		}
		if m.hasAlternative && (m.alternative == n || int(m.alternative) >= len(methods)) {
			t.Errorf("%s: alternative %v is not another method", name, m.alternative)
		}
		ind := model.Indicator{ID: "I", Normalisation: n, Goalposts: &model.Goalposts{Min: 0, Max: 40}}
		got := normalise(ind, n, 100, []Value{ok(30), ok(10), ok(20), missing})
		if !got[0].Score.OK || !got[1].Score.OK || !got[2].Score.OK || got[3].Score.OK {
			t.Errorf("%s: scores %v; want the three values scored and the missing one not", name, got)
		} else if !(got[1].Score.V < got[2].Score.V && got[2].Score.V < got[0].Score.V) {
			t.Errorf("%s: scores %v do not rise with the values 30, 10, 20", name, got)
		}
		if !strings.Contains(formula, `eq .name "`+name+`"`) {
			t.Errorf("%s: methodology/formula.html has no formula for it", name)
		}
		for _, lang := range langs {
			text := readFile(t, lang)
			for _, key := range []string{"normalisation_" + name, "formula_" + name + "_text"} {
				if !strings.Contains(text, "\n"+key+":") {
					t.Errorf("%s: %s has no %s", name, filepath.Base(lang), key)
				}
			}
		}
	}
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
