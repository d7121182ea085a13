// Package model is the typed domain every pipeline stage shares: the
// framework all partners agree on, and each city's facts, KPIs and measures.
// Every value read from a spreadsheet keeps its Pos so that any later stage
// can point a strategist back to the cell.
package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Pos is where a value came from. Row and Col are 1-based; a zero Col means
// the whole row, a zero Row the whole sheet, an empty Sheet the whole file.
type Pos struct {
	File  string
	Sheet string
	Row   int
	Col   int
}

// Cell returns the cell reference such as "C7", or "" when Pos is not a cell.
func (p Pos) Cell() string {
	if p.Row <= 0 {
		return ""
	}
	if p.Col <= 0 {
		return strconv.Itoa(p.Row)
	}
	return ColumnName(p.Col) + strconv.Itoa(p.Row)
}

// ColumnName turns 1 into "A", 27 into "AA". Written here rather than taken
// from excelize so that only the workbook package imports excelize.
func ColumnName(col int) string {
	var b []byte
	for col > 0 {
		col--
		b = append([]byte{byte('A' + col%26)}, b...)
		col /= 26
	}
	return string(b)
}

// String prints "data/partners/muenchen.xlsx: Kennzahlen!C7", shortening as the
// position gets coarser.
// A file or sheet name that holds a control character or a line break is
// quoted, with Go's escapes ("a\n::error.xlsx"), so that it can neither
// start a line of a log nor hide where it ends.
func (p Pos) String() string {
	file, sheet := quoteUnsafe(p.File), quoteUnsafe(p.Sheet)
	switch {
	case p.Sheet == "":
		return file
	case p.Row <= 0:
		return file + ": " + sheet
	default:
		// Concatenated, not Sprintf: the downloads name a cell per value.
		return file + ": " + sheet + "!" + p.Cell()
	}
}

// Address is the part of a page's address the site makes of an ID: Hugo's
// anchorize, by which site/content/kennzahlen/ and dimensionen/ name the
// indicators' and dimensions' pages and the theme its anchors. It follows
// GitHub's rule for heading IDs: surrounding space trimmed, letters in
// lower case, letters, digits and '_' kept, a space or '-' as '-', anything
// else left out; VER-01, ver-01 and VER-01. are all ver-01. The tests of
// generator/hugo hold it to Hugo's own.
func Address(id string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(id) {
		switch {
		case r == '-' || r == ' ':
			b.WriteRune('-')
		case r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// quoteUnsafe is s, or s quoted when it is not safe to print on one line.
func quoteUnsafe(s string) string {
	if safe(s) {
		return s
	}
	return strconv.Quote(s)
}

// OneLine is s with every control character and line or paragraph
// separator written as a Go escape (\n, \x1b, \u2028): printed, it stays
// on one line and moves no cursor.
func OneLine(s string) string {
	if safe(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unsafeRune(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// safe reports whether s holds no unsafe rune. Most names and messages
// are plain text; the bytes that can start an unsafe rune are few.
func safe(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f || c == 0xc2 || c == 0xe2 || c == 0xef {
			for _, r := range s[i:] {
				if unsafeRune(r) {
					return false
				}
			}
			return true
		}
	}
	return true
}

// unsafeRune: a control character (C0, DEL, C1), a line or paragraph
// separator, or an invalid byte (read as U+FFFD by range).
func unsafeRune(r rune) bool {
	return r < 0x20 || (r >= 0x7f && r <= 0x9f) || r == '\u2028' || r == '\u2029' || r == utf8.RuneError
}

// SheetPos is the position of the whole sheet p lies in.
func (p Pos) SheetPos() Pos { return Pos{File: p.File, Sheet: p.Sheet} }

// Less orders positions by file, sheet, row and column, so problems read
// top to bottom as a strategist scrolls through the workbook.
func (p Pos) Less(q Pos) bool {
	if p.File != q.File {
		return p.File < q.File
	}
	if p.Sheet != q.Sheet {
		return p.Sheet < q.Sheet
	}
	if p.Row != q.Row {
		return p.Row < q.Row
	}
	return p.Col < q.Col
}

// Text is a text in the site's two languages. En may be empty; readers of
// the English site then see the German text.
type Text struct {
	De string `json:"de"`
	En string `json:"en"`
}

// In is the text in lang ("de" or "en"). An empty English text falls back
// to German, and german says so: that text is to be marked lang="de" on an
// English page. The theme applies the same rule to the site data
// (text-el.html), as does the compare page's script.
func (t Text) In(lang string) (text string, german bool) {
	if lang == "en" && t.En != "" {
		return t.En, false
	}
	return t.De, lang != "de" && t.De != ""
}

// Direction says whether higher or lower raw values are better.
type Direction int

const (
	HigherIsBetter Direction = iota
	LowerIsBetter
)

func (d Direction) String() string {
	if d == LowerIsBetter {
		return "lower"
	}
	return "higher"
}

// Transform is applied to raw values (and goalposts) before normalisation.
type Transform int

const (
	NoTransform Transform = iota
	LogTransform
)

func (t Transform) String() string {
	if t == LogTransform {
		return "log"
	}
	return "none"
}

// Status of a strategy measure, in order of progress.
type Status int

const (
	Planned Status = iota
	InProgress
	Done
	Stopped
	numStatuses // not a status: their number, so that Statuses needs no list
)

// statusWords are the statuses' words in the site's data, which the theme
// matches.
var statusWords = [numStatuses]string{Planned: "planned", InProgress: "in_progress", Done: "done", Stopped: "stopped"}

// Statuses are all statuses, in declaration order: tests range over them
// so that a new status cannot be left out of a table keyed by status.
func Statuses() []Status {
	all := make([]Status, numStatuses)
	for i := range all {
		all[i] = Status(i)
	}
	return all
}

func (s Status) String() string {
	if s < 0 || s >= numStatuses {
		return fmt.Sprintf("Status(%d)", int(s))
	}
	return statusWords[s]
}

// MarshalText writes the status as its word, in JSON as a string.
func (s Status) MarshalText() ([]byte, error) {
	if s < 0 || s >= numStatuses {
		return nil, fmt.Errorf("model: no status %d", int(s))
	}
	return []byte(statusWords[s]), nil
}

// UnmarshalText reads a status's word, as MarshalText writes it.
func (s *Status) UnmarshalText(b []byte) error {
	for i, w := range statusWords {
		if w == string(b) {
			*s = Status(i)
			return nil
		}
	}
	return fmt.Errorf("model: no status %q", b)
}

// Normalisation maps an indicator's (transformed) values onto the common
// score scale. Each has a name here; what it computes is its entry in the
// score package's table of methods, and the methodology page explains it
// under its name (a test in the score package checks all three).
type Normalisation int

const (
	// NormGoalposts maps fixed values to the ends of the scale and clamps.
	NormGoalposts Normalisation = iota
	// NormMinMax maps the lowest and highest value of the year's units to the
	// ends of the scale.
	NormMinMax
	// NormZScore centres on the year's mean in units of the sample standard
	// deviation, placed on the scale at mid-point ± a tenth per SD.
	NormZScore
	// NormRank places each unit by its rank among the year's units.
	NormRank
)

// normalisationNames are the names site data, downloads and the theme's
// translation keys use, in the order the methodology lists the methods.
var normalisationNames = [...]string{
	NormGoalposts: "goalposts",
	NormMinMax:    "minmax",
	NormZScore:    "zscore",
	NormRank:      "rank",
}

// Normalisations is every normalisation, in the order of normalisationNames.
func Normalisations() []Normalisation {
	all := make([]Normalisation, len(normalisationNames))
	for i := range all {
		all[i] = Normalisation(i)
	}
	return all
}

func (n Normalisation) String() string {
	if n < 0 || int(n) >= len(normalisationNames) {
		return fmt.Sprintf("Normalisation(%d)", int(n))
	}
	return normalisationNames[n]
}

// Aggregation is how components are combined into a score.
type Aggregation int

const (
	Arithmetic Aggregation = iota
	Geometric
	Harmonic
)

func (a Aggregation) String() string {
	switch a {
	case Geometric:
		return "geometric"
	case Harmonic:
		return "harmonic"
	}
	return "arithmetic"
}

// Framework is what all partners share: data/framework.xlsx.
type Framework struct {
	File       string
	Dimensions []Dimension
	Indicators []Indicator
	Topics     []Topic
	Levels     []Level
	Settings   Settings
	// Unread names the sheets that could not be read (missing, or a
	// required column missing): checks against them would only repeat that.
	Unread Sheets
}

// Sheets flags the framework's sheets.
type Sheets struct {
	Dimensions, Indicators, Topics, Levels bool
}

// Invalid marks a framework row whose ID could be read but another cell
// could not: it still counts as a reference target, so that one bad cell
// does not echo as "unknown ID" through every city, but it is never scored
// (a build with errors never reaches scoring).

type Dimension struct {
	Invalid     bool
	ID          string
	Name        Text
	Description Text
	Weight      float64
	Pos         Pos
}

type Indicator struct {
	Invalid   bool
	ID        string
	Dimension string
	Name      Text
	Unit      Text // without En the English pages show De
	Direction Direction
	Weight    float64
	// Normalisation is NormGoalposts exactly when Goalposts is set.
	Normalisation Normalisation
	Goalposts     *Goalposts
	Transform     Transform
	Source        string
	Description   Text
	Decimals      int // digits shown on the site; -1 means "as in the data"
	Pos           Pos // the ID cell
	DimPos        Pos // the dimension cell
}

// InPercent reports whether the indicator is measured in percent: its unit,
// in either language, contains "%" or the word "Prozent", "percent" or
// "per cent" (any case; "Prozentpunkte" is another word). Every rule that
// depends on it (values within 0–100, cells written as a percentage) asks
// here.
func (ind Indicator) InPercent() bool {
	for _, u := range []string{ind.Unit.De, ind.Unit.En} {
		if strings.Contains(u, "%") {
			return true
		}
		words := strings.FieldsFunc(strings.ToLower(u), func(r rune) bool { return !unicode.IsLetter(r) })
		for i, w := range words {
			if w == "prozent" || w == "percent" || (w == "per" && i+1 < len(words) && words[i+1] == "cent") {
				return true
			}
		}
	}
	return false
}

// Goalposts are the fixed values mapped to 0 and 100.
type Goalposts struct {
	Min, Max float64
}

type Topic struct {
	Invalid   bool
	ID        string
	Dimension string
	Name      Text
	Pos       Pos // the ID cell
	DimPos    Pos // the dimension cell
}

// Level is a maturity level: every index score at or above Min reaches it.
type Level struct {
	Min  float64
	Name Text
	Pos  Pos
}

// Settings are the framework's method choices (sheet Einstellungen). The
// zero value is not usable: DefaultSettings gives the defaults.
type Settings struct {
	// Aggregation of indicators into a dimension and of dimensions into
	// the index.
	DimensionAggregation, IndexAggregation Aggregation
	// The share of weight (0..1) that must be present for a dimension or
	// the index score to be published.
	DimensionMinCoverage, IndexMinCoverage float64
	// Scale is the top of the score scale: 100 or 1.
	Scale float64
	// Decimals of published scores; ranks and levels use the published
	// value unless RankUnrounded.
	Decimals      int
	RankUnrounded bool
	// CarryForward fills a missing value with the same city's last value
	// from at most this many years before; 0 is off.
	CarryForward int
	// ReferenceYear is the year the home page ranks; 0 picks it from the data.
	ReferenceYear    int
	ReferenceYearPos Pos
	Uncertainty      Uncertainty
}

// Uncertainty configures the Monte Carlo analysis of ranks.
type Uncertainty struct {
	Draws int    // 0 switches the analysis off
	Seed  uint64 // the same seed gives the same intervals
	// WeightSpread: each weight is drawn uniformly from w·(1 ± spread).
	WeightSpread float64
	// VaryMethods also draws the index aggregation (arithmetic or
	// geometric) and, for indicators without goalposts, the normalisation
	// (min–max or z-score).
	VaryMethods bool
}

// DefaultSettings are used for every setting the workbook does not give.
func DefaultSettings() Settings {
	return Settings{
		DimensionMinCoverage: 0.5, IndexMinCoverage: 0.5,
		Scale: 100, Decimals: 1,
		Uncertainty: Uncertainty{Draws: 1000, Seed: 1, WeightSpread: 0.25},
	}
}

// City is one partner's workbook: data/partners/<slug>.xlsx.
type City struct {
	Slug string
	File string
	Name string
	// NameEn is the city's English name (Munich), "" when it has none of
	// its own: the English pages use Name then.
	NameEn string
	// Kind is what kind of body the partner is; only municipalities are
	// scored (the reader keeps no KPIs of the others).
	Kind       PartnerKind
	State      string
	Population int
	Website    string
	Contact    string
	Strategy   Strategy
	Lat, Lon   *float64
	Facts      []Fact // every row of the city sheet, in sheet order
	KPIs       []KPI
	// YearColumns are the KPI sheet's year headers, so that a year that
	// cannot have data yet is reported at its header even with no value.
	YearColumns []YearColumn
	Measures    []Measure
	Reports     []Report // the optional reports sheet, in sheet order
	Offers      []Offer  // the optional offers sheet, in sheet order
	Pos         Pos      // the city sheet
}

// YearColumn is a year header of the KPI sheet.
type YearColumn struct {
	Year int
	Pos  Pos
}

// Fact is one row of the city sheet as written, with its source; the typed
// fields of City are read from these.
type Fact struct {
	Key          string // canonical English key: name, state, population, ...
	Value        string
	Source       string
	Illustrative bool
	Pos          Pos // the value cell
}

type Strategy struct {
	Title   string
	Adopted Date
	Link    string
}

// KPI is one row of the KPI sheet: one indicator's values over the years.
type KPI struct {
	Indicator    string
	Values       []Observation // in year order
	Source       string
	Note         string
	Illustrative bool // the source says the values are examples, not published facts
	Pos          Pos  // the indicator cell
	// PercentCells are the value cells written as a percentage (a cell
	// formatted as percent, or text such as "12,5 %"); their values are
	// what the cell shows (12.5, not 0.125). Only right for an indicator
	// measured in %; usually nil.
	PercentCells []Pos
}

type Observation struct {
	Year  int
	Value float64
	Pos   Pos
}

type Measure struct {
	// Invalid marks a row with a cell error (reported while reading); it
	// is kept so that the checks across rows (unique ID, known topic) still
	// see it, and never reaches a page.
	Invalid    bool
	ID         string
	Title      Text
	Topic      string
	Status     Status
	Start, End Date
	Budget     *float64
	Progress   *float64 // per cent done, 0–100, as the row gives it; nil: empty (see ProgressPct)
	Lead       string
	// Partners are the other partners taking part, by slug as the row
	// names them (lower case, no extension), in the row's order; the
	// workbook the row is in leads. Empty: the partner's own measure.
	Partners     []string
	Description  Text
	Link         string
	Source       string
	Illustrative bool
	Pos          Pos // the ID cell
	TopicPos     Pos // the topic cell
	EndPos       Pos // the end cell
	ProgressPos  Pos // the progress cell
	PartnersPos  Pos // the partners cell
}

// ProgressPct is how far the measure is, in per cent: the progress the row
// gives, or 100 for a measure done without one (done is finished); ok is
// false where nothing is known.
func (m Measure) ProgressPct() (pct float64, ok bool) {
	switch {
	case m.Progress != nil:
		return *m.Progress, true
	case m.Status == Done:
		return 100, true
	}
	return 0, false
}

// Report is a partner's dated account of its work, for the shared
// portal: plain text (paragraphs from line breaks), optionally about one
// topic or one measure of the partner.
type Report struct {
	// Invalid marks a row with a cell error, reported while reading; kept
	// for the checks across sheets, it never reaches a page.
	Invalid    bool
	Date       Date
	Title      Text
	Text       Text
	Topic      string // a framework topic ID, or ""
	MeasureID  string // the ID of one of the partner's measures, or ""
	Link       string
	Pos        Pos // the date cell
	TopicPos   Pos // the topic cell
	MeasurePos Pos // the measure cell
}

// Date is a calendar date that may be known only to the year or month.
type Date struct {
	Year, Month, Day int // zero Month or Day: not known to that precision
}

// DateOf is the calendar date of t, in t's location.
func DateOf(t time.Time) Date {
	return Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}

func (d Date) IsZero() bool { return d.Year == 0 }

// ISO prints 2019-07-24, 2019-07 or 2019, as precise as the date is.
func (d Date) ISO() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Before reports whether d is certainly earlier than e, comparing only to
// the precision both dates have.
func (d Date) Before(e Date) bool {
	if d.Year != e.Year {
		return d.Year < e.Year
	}
	if d.Month == 0 || e.Month == 0 || d.Month != e.Month {
		return d.Month != 0 && e.Month != 0 && d.Month < e.Month
	}
	return d.Day != 0 && e.Day != 0 && d.Day < e.Day
}

// Dataset is everything one build reads.
type Dataset struct {
	Framework Framework
	Cities    []City // ordered by slug
}
