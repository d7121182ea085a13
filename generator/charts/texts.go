package charts

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/digitale-staedte/benchmark/generator/model"
)

// Langs are the site's languages, in the order charts are built.
var langs = []string{"de", "en"}

// msg is a chart text in both languages, a fmt format each.
type msg struct{ de, en string }

func (m msg) in(lang string, args ...any) string {
	f := m.de
	if lang == "en" {
		f = m.en
	}
	return fmt.Sprintf(f, args...)
}

// The chart texts. Names and numbers come from the site document; the
// summaries are the charts' ECharts aria descriptions and are printed under
// each chart, so a reader without the picture gets the main finding.
var (
	txtIndex        = msg{"Index", "Index"}
	txtIndexYear    = msg{"Index %d", "Index %d"}
	txtYear         = msg{"Jahr", "Year"}
	txtScore        = msg{"Punkte (0–100)", "Points (0–100)"}
	txtAverage      = msg{"Partnerdurchschnitt", "Partner average"}
	txtRankingNone  = msg{"Für %d hat noch keine Stadt einen Index.", "No city has an index for %d yet."}
	txtRankingOne   = msg{"%s hat als einzige Stadt einen Index für %d: %s Punkte.", "%s is the only city with an index for %d: %s points."}
	txtRankingLead  = msg{"%s führt %d mit %s Punkten im Index, %s Punkte vor %s auf dem letzten Platz mit %s Punkten.", "%s leads the %d index with %s points, %s points ahead of %s, last with %s points."}
	txtRankingTie   = msg{"%s teilen sich %d den ersten Platz mit %s Punkten im Index.", "%s share first place in %d with %s index points."}
	txtTrendNone    = msg{"Noch keine Stadt hat einen Index.", "No city has an index yet."}
	txtTrendOneYear = msg{"Bisher gibt es nur für %d Indexwerte.", "So far there are index values for %d only."}
	txtTrendMost    = msg{"Von %d bis %d hat sich der Index in %s am stärksten verändert: %s Punkte, von %s auf %s.", "From %d to %d the index changed most in %s: %s points, from %s to %s."}
	txtTrendFlat    = msg{"Von %d bis %d ist der Index jeder Stadt gleich geblieben.", "From %d to %d every city's index stayed the same."}
	txtCityTrend    = msg{"Der Index von %s hat sich von %s Punkten %d auf %s Punkte %d verändert (%s Punkte).", "%s's index went from %s points in %d to %s points in %d (%s points)."}
	txtCityTrendOne = msg{"%s hat bisher nur für %d einen Index: %s Punkte.", "%s has an index for %d only so far: %s points."}
	txtCityTrendNo  = msg{"%s hat noch keinen Index.", "%s has no index yet."}
	txtRadar        = msg{"%s liegt %d in %d von %d Dimensionen über dem Partnerdurchschnitt; am größten ist der Abstand in %s: %s gegenüber %s Punkten.", "In %[2]d, %[1]s is above the partner average in %[3]d of %[4]d dimensions; the gap is largest in %[5]s: %[6]s against %[7]s points."}
	txtRadarNone    = msg{"%s hat für %d keine Punkte in den Dimensionen.", "%s has no dimension scores for %d."}
	txtRadarEqual   = msg{"%s liegt %d in jeder Dimension mit Punkten genau auf dem Partnerdurchschnitt.", "In %[2]d, %[1]s is exactly on the partner average in every dimension with a score."}
	txtAnd          = msg{" und ", " and "}
)

// num formats a published score (one decimal) in the language's style:
// 64,2 in German, 64.2 in English.
func num(lang string, v float64) string {
	s := strconv.FormatFloat(v, 'f', 1, 64)
	if lang == "de" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return strings.Replace(s, "-", "−", 1)
}

// signed is num with an explicit sign: +3,1 or −2,0.
func signed(lang string, v float64) string {
	if v > 0 {
		return "+" + num(lang, v)
	}
	return num(lang, v)
}

// name picks the language's text; an empty English text falls back to
// German, as everywhere on the site.
func name(t model.Text, lang string) string {
	if lang == "en" && t.En != "" {
		return clean(t.En)
	}
	return clean(t.De)
}

// join lists names: "A", "A und B", "A, B und C".
func join(lang string, names []string) string {
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + txtAnd.in(lang) + names[len(names)-1]
}

// funcMarker is what go-echarts' HTML renderer turns into live JavaScript.
// We never use that renderer, but text from spreadsheets must not carry the
// marker into any option, in case a later consumer does.
const funcMarker = "__f__"

// clean neutralises the function marker in text that came from a
// spreadsheet: a word joiner (U+2060, invisible) splits it.
func clean(s string) string {
	return strings.ReplaceAll(s, funcMarker, "_\u2060_f_\u2060_")
}
