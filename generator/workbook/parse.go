package workbook

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/xuri/excelize/v2"
)

// normalize folds a sheet name, header or keyword to what matters for
// matching: lower case letters and digits, umlauts spelled out, so that
// "Maßnahmen", "Massnahmen" and "MASSNAHMEN " are the same word.
func normalize(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r == 'ä':
			b.WriteString("ae")
		case r == 'ö':
			b.WriteString("oe")
		case r == 'ü':
			b.WriteString("ue")
		case r == 'ß':
			b.WriteString("ss")
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		}
	}
	return b.String()
}

// matches reports whether a header such as "Gewicht / Weight" names one of
// the aliases: the whole header or any of its "/"-separated parts counts.
func matches(header string, aliases []string) bool {
	parts := append([]string{header}, strings.Split(header, "/")...)
	for _, p := range parts {
		n := normalize(p)
		if n == "" {
			continue
		}
		for _, a := range aliases {
			if n == normalize(a) {
				return true
			}
		}
	}
	return false
}

// cleanText trims a cell's text, including the non-breaking spaces that
// pasted text brings along.
func cleanText(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00a0' || r == '\u202f' || r == '\u2007'
	})
}

// stripControls removes the control characters a cell may hold (ESC from an
// _x001B_ escape, which excelize decodes, NUL, DEL, the C1 controls) and
// makes every line break a \n: no page, download or terminal gets them.
// Tabs and line breaks stay, since texts may have them. Every cell the
// reader reads passes here (readTable).
func stripControls(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f || (c == 0xc2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\r':
			return '\n'
		case r == '\t' || r == '\n':
			return r
		case r < 0x20 || (r >= 0x7f && r <= 0x9f):
			return -1
		}
		return r
	}, s)
}

// topicSeparator joins a topic's ID and name in the template's drop-down:
// "AUSTAUSCH – Austausch und Kooperation".
const topicSeparator = " – "

// topicID reads a measure's topic cell, which holds the ID alone or the
// drop-down's "ID – Name" (or "ID - Name", typed with a hyphen): the part
// before the dash counts when it is one word, as IDs are. Anything else is
// returned as it is, for the check against the framework to name.
func topicID(s string) string {
	for _, sep := range []string{topicSeparator, " - "} {
		if id, _, ok := strings.Cut(s, sep); ok {
			if id = cleanText(id); id != "" && !strings.ContainsFunc(id, unicode.IsSpace) {
				return id
			}
		}
	}
	return s
}

var errorValues = map[string]bool{
	"#DIV/0!": true, "#N/A": true, "#VALUE!": true, "#REF!": true, "#NAME?": true,
	"#NUM!": true, "#NULL!": true, "#SPILL!": true, "#CALC!": true, "#GETTING_DATA": true,
}

// isErrorValue reports whether the cell holds a spreadsheet error value such
// as #DIV/0!, which is what a formula leaves when it cannot be computed.
func isErrorValue(s string) bool { return errorValues[strings.ToUpper(cleanText(s))] }

var (
	// thousandsDots is text like "1.234" or "12.345.678": German thousands
	// grouping when typed as text, an ordinary decimal when the cell is a number.
	thousandsDots  = regexp.MustCompile(`^[-+]?\d{1,3}(\.\d{3})+$`)
	germanNumber   = regexp.MustCompile(`^[-+]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$`)
	englishGrouped = regexp.MustCompile(`^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$`)
	spaceGrouped   = regexp.MustCompile(`^[-+]?\d{1,3}( \d{3})+([.,]\d+)?$`)
	// plainNumber is what is left to strconv.ParseFloat: digits with at
	// most one point and an exponent, as a number cell stores its value
	// (1234.5, 1.5E-05). strconv alone would also take Go's literals, which
	// no one types into a cell: 0x1p4, 1_000, Inf, NaN.
	plainNumber = regexp.MustCompile(`^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$`)
)

// parseNumber reads a number written as a number, as a formula's cached
// result, or as text in German or English form ("1.234,5", "12,5 %").
// isText tells whether the cell is a text cell; it is asked only for the
// one ambiguous form, "1.234". German form wins where the two disagree:
// "1,234" is 1.234.
func parseNumber(raw string, isText func() bool) (float64, bool) {
	s := cleanText(raw)
	s = strings.ReplaceAll(s, "\u00a0", " ")
	s = strings.ReplaceAll(s, "\u202f", " ")
	s = strings.ReplaceAll(s, "\u2212", "-") // typographic minus
	s = cleanText(strings.TrimSuffix(s, "%"))
	if s == "" {
		return 0, false
	}
	var out string
	switch {
	case thousandsDots.MatchString(s):
		out = s
		if isText != nil && isText() {
			out = strings.ReplaceAll(s, ".", "")
		}
	case spaceGrouped.MatchString(s):
		out = strings.ReplaceAll(strings.ReplaceAll(s, " ", ""), ",", ".")
	case germanNumber.MatchString(s):
		out = strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), ",", ".")
	case englishGrouped.MatchString(s):
		out = strings.ReplaceAll(s, ",", "")
	default:
		out = s
	}
	if !plainNumber.MatchString(out) {
		return 0, false
	}
	v, err := strconv.ParseFloat(out, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

var (
	dayMonthYear = regexp.MustCompile(`^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})$`)
	isoDate      = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.]+)?$`)
	monthYear    = regexp.MustCompile(`^(\d{1,2})[./](\d{4})$`)
	yearMonth    = regexp.MustCompile(`^(\d{4})-(\d{1,2})$`)
	yearOnly     = regexp.MustCompile(`^(\d{4})$`)
)

// parseDate reads an Excel date (a serial number in a raw cell), or text as
// 24.07.2019, 2019-07-24, 07.2019, 2019-07 or 2019. A plain number from 1000
// to 9999 is a year, not a day in 1902–1927: that is what people mean when
// they type 2019 into a date column.
func parseDate(raw string) (model.Date, bool) {
	s := cleanText(raw)
	if s == "" {
		return model.Date{}, false
	}
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	valid := func(d model.Date) (model.Date, bool) {
		if d.Month == 0 {
			// a day without a month ("15.0.2019") is a typo, not a year
			return d, d.Year >= 1000 && d.Day == 0
		}
		if d.Month < 1 || d.Month > 12 {
			return model.Date{}, false
		}
		if d.Day == 0 {
			return d, true
		}
		t := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
		if t.Day() != d.Day || int(t.Month()) != d.Month {
			return model.Date{}, false
		}
		return d, true
	}
	if m := dayMonthYear.FindStringSubmatch(s); m != nil {
		return valid(model.Date{Year: atoi(m[3]), Month: atoi(m[2]), Day: atoi(m[1])})
	}
	if m := isoDate.FindStringSubmatch(s); m != nil {
		return valid(model.Date{Year: atoi(m[1]), Month: atoi(m[2]), Day: atoi(m[3])})
	}
	if m := monthYear.FindStringSubmatch(s); m != nil {
		return valid(model.Date{Year: atoi(m[2]), Month: atoi(m[1])})
	}
	if m := yearMonth.FindStringSubmatch(s); m != nil {
		return valid(model.Date{Year: atoi(m[1]), Month: atoi(m[2])})
	}
	if m := yearOnly.FindStringSubmatch(s); m != nil {
		return valid(model.Date{Year: atoi(m[1])})
	}
	serial, err := strconv.ParseFloat(s, 64)
	if err != nil || serial < 1 || serial > 2958465 || math.IsNaN(serial) {
		return model.Date{}, false
	}
	t, err := excelize.ExcelDateToTime(serial, false)
	if err != nil {
		return model.Date{}, false
	}
	return model.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}, true
}

// parseBool reads ja/nein/yes/no/x; empty is no.
func parseBool(raw string) (bool, bool) {
	switch normalize(raw) {
	case "ja", "yes", "x", "true", "wahr", "1":
		return true, true
	case "", "nein", "no", "false", "falsch", "0":
		return false, true
	}
	return false, false
}

func parseDirection(raw string) (model.Direction, bool) {
	s := cleanText(raw)
	switch s {
	case "+", "↑":
		return model.HigherIsBetter, true
	case "-", "−", "↓":
		return model.LowerIsBetter, true
	}
	switch normalize(s) {
	case "hoeheristbesser", "hoeher", "hoch", "higherisbetter", "higher", "high", "mehristbesser", "moreisbetter":
		return model.HigherIsBetter, true
	case "niedrigeristbesser", "niedriger", "niedrig", "lowerisbetter", "lower", "low", "wenigeristbesser", "lessisbetter":
		return model.LowerIsBetter, true
	}
	return 0, false
}

func parseTransform(raw string) (model.Transform, bool) {
	switch normalize(raw) {
	case "", "keine", "none", "ohne", "linear":
		return model.NoTransform, true
	case "log", "ln", "logarithmus", "logarithm", "natuerlicherlogarithmus", "naturallog":
		return model.LogTransform, true
	}
	return 0, false
}

func parseStatus(raw string) (model.Status, bool) {
	switch normalize(raw) {
	case "geplant", "planned", "inplanung", "planning":
		return model.Planned, true
	case "inumsetzung", "inarbeit", "laufend", "begonnen", "inprogress", "ongoing", "started", "running":
		return model.InProgress, true
	case "abgeschlossen", "umgesetzt", "fertig", "erledigt", "done", "completed", "complete", "finished":
		return model.Done, true
	case "eingestellt", "gestoppt", "abgebrochen", "stopped", "cancelled", "canceled", "discontinued":
		return model.Stopped, true
	}
	return 0, false
}

func parseAggregation(raw string) (model.Aggregation, bool) {
	switch normalize(raw) {
	case "", "arithmetisch", "arithmetic", "arithmetischesmittel", "arithmeticmean", "mittelwert", "mean":
		return model.Arithmetic, true
	case "geometrisch", "geometric", "geometrischesmittel", "geometricmean":
		return model.Geometric, true
	case "harmonisch", "harmonic", "harmonischesmittel", "harmonicmean":
		return model.Harmonic, true
	}
	return 0, false
}

// autoNormalisation is an empty normalisation cell: goalposts when the
// indicator has them, the observed min–max otherwise.
const autoNormalisation model.Normalisation = -1

func parseNormalisation(raw string) (model.Normalisation, bool) {
	switch normalize(raw) {
	case "", "automatisch", "auto", "automatic":
		return autoNormalisation, true
	case "zielwerte", "zielwert", "goalposts", "goalpost", "festegrenzen", "fixedbounds":
		return model.NormGoalposts, true
	case "minmax", "beobachtet", "observed", "beobachtetespanne", "observedrange", "spanne", "range":
		return model.NormMinMax, true
	case "zwert", "zwerte", "zscore", "zscores", "standardisierung", "standardisation", "standardization", "z":
		return model.NormZScore, true
	case "rang", "rank", "perzentilrang", "percentilerank", "perzentil", "percentile", "prozentrang", "percentrank":
		return model.NormRank, true
	}
	return 0, false
}

// illustrativeMarks are the words by which a source says its values are
// examples rather than published facts.
var illustrativeMarks = []string{"illustrativ", "illustrative", "beispielwert"}

func isIllustrative(source string) bool {
	s := strings.ToLower(source)
	for _, m := range illustrativeMarks {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}
