package sitedata

import (
	"cmp"
	"math"
	"slices"
	"strconv"

	"github.com/digitale-staedte/benchmark/generator/model"
)

// The city page's view: what its tables print, by language, with every
// number already formatted as the templates would (a formatting call and a
// search per cell were most of a page's cost at national scale). The
// pipeline writes it with the city and its charts into the city's page
// file (generated/cities/<slug>.json).

// NumberFormat formats numbers as one language's pages do (hugo.Locale,
// which wraps Hugo's lang.FormatNumber, FormatPercent and FormatCurrency,
// converts to it).
type NumberFormat struct {
	Number   func(v float64, decimals int) string
	Percent  func(v float64, decimals int) string
	Currency func(v float64, decimals int, currency string) string
}

// YearRow is a row of the city's table by year: its YearScore without the
// dimensions, which the page does not show by year.
type YearRow struct {
	Index    *float64 `json:"index"`
	Coverage float64  `json:"coverage_pct"`
	Rank     *int     `json:"rank"`
	RankOf   int      `json:"rank_of"`
	Level    *int     `json:"level"`
}

// CityYears aligns c's scores with the site's years (nil for a year
// without), so that the page takes each year's row by position instead of
// searching the list. c's own Scores are left out of the page file.
func CityYears(c City, years []int) []*YearRow {
	rows := make([]*YearRow, len(years))
	for _, ys := range c.Scores {
		if i := slices.Index(years, ys.Year); i >= 0 {
			rows[i] = &YearRow{Index: ys.Index, Coverage: ys.Coverage, Rank: ys.Rank, RankOf: ys.RankOf, Level: ys.Level}
		}
	}
	return rows
}

// KPIGroup is one dimension's rows of the KPI tables: the dimension's
// position in the site's dimensions and its KPIs' positions in the city's,
// both in their order. Grouped here, the templates need no where … "in"
// per dimension, which costs a tenth of a city page's time.
type KPIGroup struct {
	Dimension int   `json:"dimension"`
	KPIs      []int `json:"kpis"`
}

// CityKPIGroups groups c's KPIs by the dimensions that list their indicator,
// as where … "in" would; dimensions without a KPI of c are left out.
func CityKPIGroups(c City, dims []Dimension) []KPIGroup {
	groups := []KPIGroup{}
	for d, dim := range dims {
		g := KPIGroup{Dimension: d}
		for i, k := range c.KPIs {
			if slices.Contains(dim.Indicators, k.Indicator) {
				g.KPIs = append(g.KPIs, i)
			}
		}
		if len(g.KPIs) > 0 {
			groups = append(groups, g)
		}
	}
	return groups
}

// CityText holds the numbers of a city page as one language writes them
// (NumberFormat: exactly lang.FormatNumber's and lang.FormatPercent's), the
// rows aligned with the tables they fill: a formatting call and a search
// per cell were most of a page's cost at national scale. "" is a value not
// available.
type CityText struct {
	KPIGroups  []KPITextGroup  `json:"kpi_groups"` // as CityKPIGroups groups the city's KPIs
	Summary    SummaryText     `json:"summary"`
	Dimensions []DimensionText `json:"dimensions"` // the index, then the site's dimensions in order
	Years      []YearText      `json:"years"`      // by the site's years
	Strengths  []GapText       `json:"strengths"`  // as the city's profile lists them
	Weaknesses []GapText       `json:"weaknesses"`
	Leaders    []LeaderText    `json:"leaders"`  // the dimensions another city leads, in order
	Measures   []MeasureText   `json:"measures"` // as the city lists them
}

// KPITextGroup is one dimension's rows of the KPI tables.
type KPITextGroup struct {
	Dimension int       `json:"dimension"` // position in the site's dimensions
	KPIs      []KPIText `json:"kpis"`
}

// KPIText is a row of the two KPI tables: everything they print of one
// KPI, so that a row needs no lookup.
type KPIText struct {
	Indicator    string `json:"indicator"`
	Illustrative bool   `json:"illustrative"`
	Unit         string `json:"unit"`      // in this language, or else in German
	UnitLang     string `json:"unit_lang"` // "de" where the unit is the German fallback
	// Decimals of its values as shown: the table of every year formats
	// the values it loads from the compare file (CompareCity.ByYear) with
	// them.
	Decimals int    `json:"decimals"`
	Latest   string `json:"latest"` // the newest value, without the unit; "" for none
	Year     int    `json:"year"`   // its year
	Score    string `json:"score"`  // its score; "" for none
	Clamped  bool   `json:"clamped"`
	Rank     string `json:"rank"`
	Source   string `json:"source"` // the KPI's, else the indicator's
	Note     string `json:"note"`
}

// SummaryText: the reference year's index, its change (with its sign),
// the points to the next level and the coverage.
type SummaryText struct {
	Index    string `json:"index"`
	Change   string `json:"change"`
	ToNext   string `json:"to_next"`
	Coverage string `json:"coverage"`
}

// DimensionText is a row of the table of dimensions; the bars take the
// numbers as they are.
type DimensionText struct {
	Score     string   `json:"score"`
	ScoreBar  *float64 `json:"score_bar"`
	Rank      string   `json:"rank"`
	Median    string   `json:"median"`
	MedianBar *float64 `json:"median_bar"`
	Coverage  string   `json:"coverage"`
}

type YearText struct {
	Index    string `json:"index"`
	Coverage string `json:"coverage"`
}

// GapText is a strength or weakness: the city's score, the partners'
// median and the difference, with its sign.
type GapText struct {
	Score  string `json:"score"`
	Median string `json:"median"`
	Diff   string `json:"diff"`
}

// LeaderText is a row of "learn from the leader".
type LeaderText struct {
	Leader int    `json:"leader"` // position in the site's strategies.leaders
	Score  string `json:"score"`  // the leader's
	Own    string `json:"own"`    // this city's in the dimension
}

// MeasureText is a row of the measures table: the title and the
// description in the page's language, or in German marked as such
// (TitleLang, DescriptionLang "de", as text-el.html marks a missing
// translation), and the budget in euros.
type MeasureText struct {
	Title           string `json:"title"`
	TitleLang       string `json:"title_lang"`
	Description     string `json:"description"`
	DescriptionLang string `json:"description_lang"`
	Budget          string `json:"budget"`
}

// CityTexts formats c's numbers for its page in every language of
// locales; inds are the site's indicators by ID.
func CityTexts(c City, s Site, inds map[string]Indicator, locales map[string]NumberFormat) map[string]CityText {
	kpis := CityKPIGroups(c, s.Dimensions)
	out := make(map[string]CityText, len(locales))
	for lang, loc := range locales {
		f := formatter{loc: loc, lang: lang, decimals: s.Settings.Decimals}
		groups := make([]KPITextGroup, len(kpis))
		for g, group := range kpis {
			groups[g] = KPITextGroup{Dimension: group.Dimension, KPIs: make([]KPIText, len(group.KPIs))}
			for i, k := range group.KPIs {
				groups[g].KPIs[i] = f.kpi(c.KPIs[k], inds[c.KPIs[k].Indicator])
			}
		}
		ref := c.Reference
		t := CityText{KPIGroups: groups,
			Summary: SummaryText{Index: f.score(ref.Index), ToNext: f.score(ref.ToNext), Coverage: f.percent(ref.Coverage)},
			Dimensions: []DimensionText{{Score: f.score(ref.Index), ScoreBar: ref.Index, Rank: rank(ref.Rank),
				Median: f.score(c.Profile.IndexMedian), MedianBar: c.Profile.IndexMedian, Coverage: f.percent(ref.Coverage)}},
			Strengths: f.gaps(c.Profile.Strengths), Weaknesses: f.gaps(c.Profile.Weaknesses)}
		if ref.Change != nil && ref.Change.Index != nil {
			t.Summary.Change = f.change(*ref.Change.Index)
		}
		for d, dim := range s.Dimensions {
			row := DimensionText{}
			if i := slices.IndexFunc(ref.Dimensions, func(d ScoreByDim) bool { return d.ID == dim.ID }); i >= 0 {
				own := ref.Dimensions[i]
				row = DimensionText{Score: f.score(own.Score), ScoreBar: own.Score, Rank: rank(own.Rank), Coverage: f.percent(own.Coverage)}
			}
			// The other partners' median (the city's own score left out).
			if d < len(c.Profile.DimensionMedians) {
				row.Median, row.MedianBar = f.score(c.Profile.DimensionMedians[d]), c.Profile.DimensionMedians[d]
			}
			t.Dimensions = append(t.Dimensions, row)
		}
		t.Years = make([]YearText, len(s.Years))
		for _, ys := range c.Scores {
			if i := slices.Index(s.Years, ys.Year); i >= 0 {
				t.Years[i] = YearText{Index: f.score(ys.Index), Coverage: f.percent(ys.Coverage)}
			}
		}
		t.Leaders = []LeaderText{}
		for i, l := range s.Strategies.Leaders {
			if len(l.Cities) == 0 || slices.Contains(l.Cities, c.Slug) {
				continue
			}
			row := LeaderText{Leader: i, Score: f.score(l.Score)}
			if j := slices.IndexFunc(ref.Dimensions, func(d ScoreByDim) bool { return d.ID == l.Dimension }); j >= 0 {
				row.Own = f.score(ref.Dimensions[j].Score)
			}
			t.Leaders = append(t.Leaders, row)
		}
		t.Measures = make([]MeasureText, len(c.Measures))
		for i, m := range c.Measures {
			mt := &t.Measures[i]
			mt.Title, mt.TitleLang = inLanguage(m.Title, lang)
			mt.Description, mt.DescriptionLang = inLanguage(m.Description, lang)
			if m.Budget != nil {
				mt.Budget = loc.Currency(*m.Budget, 0, "EUR")
			}
		}
		out[lang] = t
	}
	return out
}

// inLanguage is t in lang (model.Text.In), with "de" as the language to
// mark a German fallback with.
func inLanguage(t model.Text, lang string) (text, marked string) {
	text, german := t.In(lang)
	if german {
		return text, "de"
	}
	return text, ""
}

// kpi is k's row of the KPI tables; ind is its indicator.
func (f formatter) kpi(k KPI, ind Indicator) KPIText {
	kt := KPIText{Indicator: k.Indicator, Illustrative: k.Illustrative,
		Decimals: ind.Decimals, Source: cmp.Or(k.Source, ind.Source), Note: k.Note}
	kt.Unit, kt.UnitLang = inLanguage(ind.Unit, f.lang)
	if l := k.Latest; l != nil {
		kt.Latest = f.loc.Number(l.Value, ind.Decimals)
		kt.Year, kt.Score, kt.Clamped, kt.Rank = l.Year, f.score(l.Score), l.Clamped, rank(l.Rank)
	}
	return kt
}

// formatter writes scores as the theme's fmt/score.html and
// fmt/percent.html do, and score changes with their sign (the city page
// is the only page that shows them).
type formatter struct {
	loc      NumberFormat
	lang     string
	decimals int
}

func (f formatter) score(v *float64) string {
	if v == nil {
		return ""
	}
	return f.loc.Number(*v, f.decimals)
}

// change is a score difference with its sign: "+6,7", "−2,0", "±0,0".
func (f formatter) change(v float64) string {
	s := f.loc.Number(math.Abs(v), f.decimals)
	switch {
	case v > 0:
		return "+" + s
	case v < 0:
		return "−" + s
	}
	return "±" + s
}

func (f formatter) percent(v float64) string { return f.loc.Percent(v, 1) }

func (f formatter) gaps(gs []Gap) []GapText {
	out := make([]GapText, len(gs))
	for i, g := range gs {
		out[i] = GapText{Score: f.loc.Number(g.Score, f.decimals), Median: f.loc.Number(g.Median, f.decimals), Diff: f.change(g.Diff)}
	}
	return out
}

// rank is a rank as the templates print it; "" for none.
func rank(r *int) string {
	if r == nil {
		return ""
	}
	return strconv.Itoa(*r)
}
