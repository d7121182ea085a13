package charts

import (
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/digitale-staedte/benchmark/generator/hugo"
	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/sitedata"
)

// language is a site language as the charts write it: its code ("de",
// "en") and its numbers as the pages format them.
type language struct {
	code string
	loc  hugo.Locale
}

// langs are the site's languages: every chart is built in both.
type langs struct{ de, en language }

// newLangs takes the languages' number formats from the site's locales
// (hugo.Locales), so that charts and pages write numbers alike.
func newLangs(locales map[string]hugo.Locale) (langs, error) {
	de, okDe := locales["de"]
	en, okEn := locales["en"]
	if !okDe || !okEn {
		return langs{}, fmt.Errorf("charts: the site needs the locales of de and en, has %v", slices.Sorted(maps.Keys(locales)))
	}
	return langs{language{"de", de}, language{"en", en}}, nil
}

// msg is a chart text in both languages, a fmt format each.
type msg struct{ de, en string }

func (m msg) in(lang language, args ...any) string {
	f := m.de
	if lang.code == "en" {
		f = m.en
	}
	for i, a := range args {
		if c, ok := a.(count); ok {
			args[i] = localCount{c, lang}
		}
	}
	return fmt.Sprintf(f, args...)
}

// count is a number of things (cities, simulations, measures) for a %d in
// a chart text: grouped by thousands as the pages print such counts
// (lang.FormatNumber), where years and ranks are not.
type count int

// localCount is a count in a language; it prints itself for any verb.
type localCount struct {
	n    count
	lang language
}

func (c localCount) Format(f fmt.State, _ rune) { io.WriteString(f, numD(c.lang, float64(c.n), 0)) }

// The chart texts. Names and numbers come from the site document; the
// summaries are the charts' ECharts aria descriptions and are printed under
// each chart, so a reader without the picture gets the main finding.
var (
	txtIndex = msg{"Index", "Index"}
	// Spread charts (above the list limit).
	txtStatistic    = msg{"Kennwert", "Statistic"}
	txtSpreadMin    = msg{"Minimum", "Minimum"}
	txtSpreadQ1     = msg{"1. Quartil", "1st quartile"}
	txtSpreadMedian = msg{"Median", "Median"}
	txtSpreadQ3     = msg{"3. Quartil", "3rd quartile"}
	txtSpreadMax    = msg{"Maximum", "Maximum"}
	txtSpreadNone   = msg{"Für %s gibt es noch keine Werte.", "There are no %s values yet."}
	txtSpreadOne    = msg{"%s: Median %[3]s (%[2]d).", "%s: median %[3]s (%[2]d)."}
	txtSpreadFlat   = msg{"Der Median von %s ist von %d bis %d gleich geblieben (%s).", "The median of %s stayed the same from %d to %d (%s)."}
	txtSpreadMove   = msg{"Der Median von %s ging von %s (%d) auf %s (%d).", "The median of %s went from %s (%d) to %s (%d)."}
	txtSpreadMiddle = msg{"Die mittlere Hälfte der %d Städte mit Wert lag %d zwischen %s und %s.", "The middle half of the %d cities with a value lay between %[3]s and %[4]s in %[2]d."}
	txtIndexYear    = msg{"Index %d", "Index %d"}
	txtYear         = msg{"Jahr", "Year"}
	txtScore        = msg{"Punkte (0–%s)", "Points (0–%s)"} // the top of the scale
	txtMedian       = msg{"Median der Partner", "Partners' median"}
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
	txtRadar        = msg{"%s liegt %d in %d von %d Dimensionen über dem Median der Partner; am größten ist der Abstand in %s: %s gegenüber %s Punkten.", "In %[2]d, %[1]s is above the partners' median in %[3]d of %[4]d dimensions; the gap is largest in %[5]s: %[6]s against %[7]s points."}
	txtRadarNone    = msg{"%s hat für %d keine Punkte in den Dimensionen.", "%s has no dimension scores for %d."}
	txtRadarEqual   = msg{"%s liegt %d in jeder Dimension mit Punkten genau auf dem Median der Partner.", "In %[2]d, %[1]s is exactly on the partners' median in every dimension with a score."}
	txtAnd          = msg{" und ", " and "}
)

// Column headers of the data tables (and CSV downloads), series names and
// the summaries of the charts on the dimension, indicator, strategy,
// methodology and city pages and of the map.
var (
	txtCity       = msg{"Stadt", "City"}
	txtDimension  = msg{"Dimension", "Dimension"}
	txtTopic      = msg{"Thema", "Topic"}
	txtRank       = msg{"Rang", "Rank"}
	txtMedianRank = msg{"Median-Rang", "Median rank"}
	txtLow        = msg{"Rang 5-%%-Quantil", "Rank 5th percentile"}
	txtHigh       = msg{"Rang 95-%%-Quantil", "Rank 95th percentile"}
	txtInterval   = msg{"90-%%-Intervall", "90 %% interval"}
	txtRankSpan   = msg{"Rang %d bis %d", "rank %d to %d"}
	txtMeasure    = msg{"Maßnahme", "Measure"}
	txtStatusWord = msg{"Status", "Status"}
	txtStart      = msg{"Beginn", "Start"}
	txtEnd        = msg{"Ende", "End"}
	txtLat        = msg{"Breitengrad", "Latitude"}
	txtLon        = msg{"Längengrad", "Longitude"}
	txtNoIndex    = msg{"ohne Index", "no index"}
	txtNoMeasure  = msg{"keine Maßnahme", "no measure"}
	txtPlanned    = msg{"geplant", "planned"}
	txtInProgress = msg{"in Umsetzung", "in progress"}
	txtDone       = msg{"abgeschlossen", "done"}
	txtStopped    = msg{"eingestellt", "stopped"}

	txtDimNone = msg{"Für %[1]d hat noch keine Stadt Punkte in %[2]s.", "No city has a score in %[2]s for %[1]d yet."}
	txtDimOne  = msg{"%s hat als einzige Stadt %d Punkte in %s: %s.", "%s is the only city with a %d score in %s: %s points."}
	txtDimLead = msg{"%s führt %d in %s mit %s Punkten, %s Punkte vor %s auf dem letzten Platz mit %s Punkten.",
		"%s leads %[3]s in %[2]d with %[4]s points, %[5]s points ahead of %[6]s, last with %[7]s points."}
	txtDimTie = msg{"%s teilen sich %d in %s den ersten Platz mit %s Punkten.", "%s share first place in %[3]s in %[2]d with %[4]s points."}

	txtIntervalsNone  = msg{"Für die Ränge wurde keine Unsicherheitsanalyse gerechnet.", "No uncertainty analysis was run for the ranks."}
	txtIntervalsFixed = msg{"Bei allen %d Städten bleibt der Rang in 90 %% von %d Simulationen gleich.", "All %d cities keep their rank in 90 %% of %d simulations."}
	txtIntervals      = msg{"Am unsichersten ist der Rang von %s: in 90 %% der Simulationen Rang %d bis %d (Median %d, %d Simulationen); %d von %d Städten behalten ihren Rang.",
		"%s's rank is the least certain: rank %d to %d in 90 %% of the simulations (median %d, %d simulations); %d of %d cities keep their rank."}

	txtStrategyNone = msg{"Es gibt noch keine Themen oder Städte zu vergleichen.", "There are no topics or cities to compare yet."}
	txtStrategy     = msg{"%d von %d Themen haben in jeder Stadt Maßnahmen; die meisten Themen deckt %s ab (%d).",
		"%d of %d topics have measures in every city; %s covers the most topics (%d)."}

	txtSpeedMedian   = msg{"Median (Monate)", "Median (months)"}
	txtSpeedPartners = msg{"Alle Partner", "All partners"}
	txtSpeedAxis     = msg{"Monate (Median)", "Months (median)"}
	txtSpeed         = msg{"Abgeschlossene Maßnahmen dauerten im Median %s Monate von Beginn bis Ende (%d mit Beginn und Ende auf den Monat genau), am kürzesten in %s (%s Monate)",
		"Done measures took a median of %s months from start to end (%d with start and end known to the month), the shortest in %s (%s months)"}
	txtSpeedNone = msg{"Keine abgeschlossene Maßnahme hat Beginn und Ende auf den Monat genau", "No done measure has a start and an end known to the month"}
	txtCitySpeed = msg{"%s hat %d Maßnahmen mit Beginn und Ende auf den Monat genau abgeschlossen, im Median in %s Monaten (alle Partner: %s Monate)",
		"%s finished %d measures with start and end known to the month, taking a median of %s months (all partners: %s months)"}
	txtCitySpeedNone  = msg{"%s hat keine abgeschlossene Maßnahme mit Beginn und Ende auf den Monat genau", "%s has no done measure with a start and an end known to the month"}
	txtSpeedOverdue   = msg{"; %d von %d laufenden Maßnahmen mit geplantem Ende sind überfällig", "; %d of %d running measures with a planned end are overdue"}
	txtSpeedUncounted = msg{"; %d abgeschlossene ohne Datum oder nur mit Jahr zählen nicht mit", "; %d done ones without dates or with a year only are not counted"}

	txtTimelineNone    = msg{"%s hat keine Maßnahmen erfasst.", "%s has no measures recorded."}
	txtTimelineUndated = msg{"Keine der %[2]d Maßnahmen von %[1]s hat Beginn und Ende; sie stehen in der Tabelle.", "None of %[1]s's %[2]d measures has both a start and an end date; they are listed in the table."}
	txtTimeline        = msg{"%s hat %d Maßnahmen mit Beginn und Ende zwischen %d und %d, davon %d abgeschlossen.",
		"%s has %d measures with start and end dates between %d and %d, %d of them done."}
	txtTimelineOne     = msg{"%s hat eine Maßnahme mit Beginn und Ende, von %d bis %d.", "%s has one measure with start and end dates, from %d to %d."}
	txtTimelineRestOne = msg{"Eine Maßnahme ohne Beginn oder Ende steht nur in der Tabelle.", "One measure without a start or end date is in the table only."}
	txtTimelineRest    = msg{"%d Maßnahmen ohne Beginn oder Ende stehen nur in der Tabelle.", "%d measures without a start or end date are in the table only."}

	txtMapNone    = msg{"Für keine Stadt sind Koordinaten erfasst.", "No city has coordinates recorded."}
	txtMapNoIndex = msg{"Die Karte zeigt %d Partnerstädte; noch keine hat einen Index.", "The map shows %d partner cities; none has an index yet."}
	txtMapOne     = msg{"Die Karte zeigt %d Partnerstädte; %s hat als einzige einen Index: %s Punkte.", "The map shows %d partner cities; only %s has an index: %s points."}
	txtMap        = msg{"Die Karte zeigt %d Partnerstädte; den höchsten Index hat %s mit %s Punkten, den niedrigsten %s mit %s Punkten.",
		"The map shows %d partner cities; %s has the highest index with %s points, %s the lowest with %s points."}
	txtMapRest = msg{"%d Städte ohne Koordinaten stehen nur in der Tabelle.", "%d cities without coordinates are in the table only."}

	txtIndTrendNone = msg{"Für %s gibt es noch keine Stadt mit Werten aus zwei Jahren.", "No city has %s values for two years yet."}
	txtIndTrendFlat = msg{"%s ist in jeder Stadt gleich geblieben.", "%s has stayed the same in every city."}
	txtIndTrend     = msg{"%s hat sich in %s am stärksten verändert: von %s (%d) auf %s (%d).",
		"%s changed most in %s: from %s (%d) to %s (%d)."}
)

// numD formats a value with the given decimals as the tables beside the
// charts print it (Hugo's lang.FormatNumber): 12.345,7 in German, 12,345.7
// in English. The minus is U+2212, as in the city page's score changes,
// where Hugo writes a hyphen-minus.
func numD(lang language, v float64, decimals int) string {
	s := lang.loc.Number(math.Abs(v), max(decimals, 0))
	if v < 0 {
		return "−" + s
	}
	return s
}

// num formats a published score with the site's score decimals in the
// language's style: 64,2 in German, 64.2 in English.
func num(s sitedata.Site, lang language, v float64) string {
	return numD(lang, v, s.Settings.Decimals)
}

// signed is num with an explicit sign: +3,1 or −2,0.
func signed(s sitedata.Site, lang language, v float64) string {
	if v > 0 {
		return "+" + num(s, lang, v)
	}
	return num(s, lang, v)
}

// name picks the language's text, with the site's German fallback
// (model.Text.In); a chart's canvas has no lang attribute to mark it with.
func name(t model.Text, lang language) string {
	text, _ := t.In(lang.code)
	return text
}

// join lists names: "A", "A und B", "A, B und C".
func join(lang language, names []string) string {
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + txtAnd.in(lang) + names[len(names)-1]
}

// funcMarker is what go-echarts' HTML renderer turns into live JavaScript.
// We never use that renderer, but text from spreadsheets must not carry the
// marker into any chart, in case a later consumer does. It is escaping for
// that one consumer, so it is done where a chart is finished (finishWith),
// not to the site's data, whose pages and downloads show text as written.
const funcMarker = "__f__"

// markerSplit is the marker split by word joiners (U+2060, invisible).
const markerSplit = "_\u2060_f_\u2060_"

// clean neutralises the function marker in a text of a chart.
func clean(s string) string {
	return strings.ReplaceAll(s, funcMarker, markerSplit)
}
