package pipeline

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"sync"

	"github.com/digitale-staedte/benchmark/generator/charts"
	"github.com/digitale-staedte/benchmark/generator/hugo"
	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/sitedata"
)

// cityPagesDir is where each city's page data goes below the generated
// assets; the theme's city layout reads generated/cities/<slug>.json.
const cityPagesDir = "cities"

// cityPage is what one city's page reads: the city (its scores by year
// as Years instead, its KPIs as rows of Text), its charts, and by language
// the rows of its tables with their numbers already formatted.
type cityPage struct {
	City   sitedata.City       `json:"city"`
	Charts charts.CityCharts   `json:"charts"`
	Years  []*yearRow          `json:"years"`
	Text   map[string]cityText `json:"text"`
}

// yearRow is a row of the city's table by year: its YearScore without the
// dimensions, which the page does not show by year.
type yearRow struct {
	Index    *float64 `json:"index"`
	Coverage float64  `json:"coverage_pct"`
	Rank     *int     `json:"rank"`
	RankOf   int      `json:"rank_of"`
	Level    *int     `json:"level"`
}

// yearRows aligns c's scores with the site's years (nil for a year
// without), so that the page takes each year's row by position instead of
// searching the list. c's own Scores are left out of the page file.
func yearRows(c sitedata.City, years []int) []*yearRow {
	rows := make([]*yearRow, len(years))
	for _, ys := range c.Scores {
		if i := slices.Index(years, ys.Year); i >= 0 {
			rows[i] = &yearRow{Index: ys.Index, Coverage: ys.Coverage, Rank: ys.Rank, RankOf: ys.RankOf, Level: ys.Level}
		}
	}
	return rows
}

// kpiGroup is one dimension's rows of the KPI tables: the dimension's
// position in the site's dimensions and its KPIs' positions in the city's,
// both in their order. Grouped here, the templates need no where … "in"
// per dimension, which costs a tenth of a city page's time.
type kpiGroup struct {
	Dimension int   `json:"dimension"`
	KPIs      []int `json:"kpis"`
}

// kpiGroups groups c's KPIs by the dimensions that list their indicator,
// as where … "in" would; dimensions without a KPI of c are left out.
func kpiGroups(c sitedata.City, dims []sitedata.Dimension) []kpiGroup {
	groups := []kpiGroup{}
	for d, dim := range dims {
		g := kpiGroup{Dimension: d}
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

// cityText holds the numbers of a city page as one language writes them
// (hugo.Locale: exactly lang.FormatNumber's and lang.FormatPercent's), the
// rows aligned with the tables they fill: a formatting call and a search
// per cell were most of a page's cost at national scale. "" is a value not
// available.
type cityText struct {
	KPIGroups  []kpiTextGroup  `json:"kpi_groups"` // as kpiGroups groups the city's KPIs
	Summary    summaryText     `json:"summary"`
	Dimensions []dimensionText `json:"dimensions"` // the index, then the site's dimensions in order
	Years      []yearText      `json:"years"`      // by the site's years
	Strengths  []gapText       `json:"strengths"`  // as the city's profile lists them
	Weaknesses []gapText       `json:"weaknesses"`
	Leaders    []leaderText    `json:"leaders"`  // the dimensions another city leads, in order
	Measures   []measureText   `json:"measures"` // as the city lists them
}

// kpiTextGroup is one dimension's rows of the KPI tables.
type kpiTextGroup struct {
	Dimension int       `json:"dimension"` // position in the site's dimensions
	KPIs      []kpiText `json:"kpis"`
}

// kpiText is a row of the two KPI tables: everything they print of one
// KPI, so that a row needs no lookup.
type kpiText struct {
	Indicator    string   `json:"indicator"`
	Illustrative bool     `json:"illustrative"`
	Unit         string   `json:"unit"`      // in this language, or else in German
	UnitLang     string   `json:"unit_lang"` // "de" where the unit is the German fallback
	ByYear       []string `json:"by_year"`   // a cell per year of the site; "" for none
	Latest       string   `json:"latest"`    // the newest value, without the unit; "" for none
	Year         int      `json:"year"`      // its year
	Score        string   `json:"score"`     // its score; "" for none
	Clamped      bool     `json:"clamped"`
	Rank         string   `json:"rank"`
	Source       string   `json:"source"` // the KPI's, else the indicator's
	Note         string   `json:"note"`
}

// summaryText: the reference year's index, its change (with its sign),
// the points to the next level and the coverage.
type summaryText struct {
	Index    string `json:"index"`
	Change   string `json:"change"`
	ToNext   string `json:"to_next"`
	Coverage string `json:"coverage"`
}

// dimensionText is a row of the table of dimensions; the bars take the
// numbers as they are.
type dimensionText struct {
	Score     string   `json:"score"`
	ScoreBar  *float64 `json:"score_bar"`
	Rank      string   `json:"rank"`
	Median    string   `json:"median"`
	MedianBar *float64 `json:"median_bar"`
	Coverage  string   `json:"coverage"`
}

type yearText struct {
	Index    string `json:"index"`
	Coverage string `json:"coverage"`
}

// gapText is a strength or weakness: the city's score, the partners'
// median and the difference, with its sign.
type gapText struct {
	Score  string `json:"score"`
	Median string `json:"median"`
	Diff   string `json:"diff"`
}

// leaderText is a row of "learn from the leader".
type leaderText struct {
	Leader int    `json:"leader"` // position in the site's strategies.leaders
	Score  string `json:"score"`  // the leader's
	Own    string `json:"own"`    // this city's in the dimension
}

// measureText is a row of the measures table: the title and the
// description in the page's language, or in German marked as such
// (TitleLang, DescriptionLang "de", as text-el.html marks a missing
// translation), and the budget in euros.
type measureText struct {
	Title           string `json:"title"`
	TitleLang       string `json:"title_lang"`
	Description     string `json:"description"`
	DescriptionLang string `json:"description_lang"`
	Budget          string `json:"budget"`
}

// text formats c's numbers in every language of locales; inds are the
// site's indicators by ID.
func text(c sitedata.City, s sitedata.Site, inds map[string]sitedata.Indicator, locales map[string]hugo.Locale) map[string]cityText {
	kpis := kpiGroups(c, s.Dimensions)
	out := make(map[string]cityText, len(locales))
	for lang, loc := range locales {
		f := formatter{loc: loc, lang: lang, decimals: s.Settings.Decimals}
		groups := make([]kpiTextGroup, len(kpis))
		for g, group := range kpis {
			groups[g] = kpiTextGroup{Dimension: group.Dimension, KPIs: make([]kpiText, len(group.KPIs))}
			for i, k := range group.KPIs {
				groups[g].KPIs[i] = f.kpi(c.KPIs[k], inds[c.KPIs[k].Indicator])
			}
		}
		ref := c.Reference
		t := cityText{KPIGroups: groups,
			Summary: summaryText{Index: f.score(ref.Index), ToNext: f.score(ref.ToNext), Coverage: f.percent(ref.Coverage)},
			Dimensions: []dimensionText{{Score: f.score(ref.Index), ScoreBar: ref.Index, Rank: rank(ref.Rank),
				Median: f.score(c.Profile.IndexMedian), MedianBar: c.Profile.IndexMedian, Coverage: f.percent(ref.Coverage)}},
			Strengths: f.gaps(c.Profile.Strengths), Weaknesses: f.gaps(c.Profile.Weaknesses)}
		if ref.Change != nil && ref.Change.Index != nil {
			t.Summary.Change = f.change(*ref.Change.Index)
		}
		for d, dim := range s.Dimensions {
			row := dimensionText{}
			if i := slices.IndexFunc(ref.Dimensions, func(d sitedata.ScoreByDim) bool { return d.ID == dim.ID }); i >= 0 {
				own := ref.Dimensions[i]
				row = dimensionText{Score: f.score(own.Score), ScoreBar: own.Score, Rank: rank(own.Rank), Coverage: f.percent(own.Coverage)}
			}
			// The other partners' median (the city's own score left out).
			if d < len(c.Profile.DimensionMedians) {
				row.Median, row.MedianBar = f.score(c.Profile.DimensionMedians[d]), c.Profile.DimensionMedians[d]
			}
			t.Dimensions = append(t.Dimensions, row)
		}
		t.Years = make([]yearText, len(s.Years))
		for _, ys := range c.Scores {
			if i := slices.Index(s.Years, ys.Year); i >= 0 {
				t.Years[i] = yearText{Index: f.score(ys.Index), Coverage: f.percent(ys.Coverage)}
			}
		}
		t.Leaders = []leaderText{}
		for i, l := range s.Strategies.Leaders {
			if len(l.Cities) == 0 || slices.Contains(l.Cities, c.Slug) {
				continue
			}
			row := leaderText{Leader: i, Score: f.score(l.Score)}
			if j := slices.IndexFunc(ref.Dimensions, func(d sitedata.ScoreByDim) bool { return d.ID == l.Dimension }); j >= 0 {
				row.Own = f.score(ref.Dimensions[j].Score)
			}
			t.Leaders = append(t.Leaders, row)
		}
		t.Measures = make([]measureText, len(c.Measures))
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
func (f formatter) kpi(k sitedata.KPI, ind sitedata.Indicator) kpiText {
	kt := kpiText{Indicator: k.Indicator, Illustrative: k.Illustrative,
		ByYear: make([]string, len(k.ByYear)), Source: cmp.Or(k.Source, ind.Source), Note: k.Note}
	kt.Unit, kt.UnitLang = inLanguage(ind.Unit, f.lang)
	for i, v := range k.ByYear {
		if v != nil {
			kt.ByYear[i] = f.loc.Number(*v, ind.Decimals)
		}
	}
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
	loc      hugo.Locale
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

func (f formatter) gaps(gs []sitedata.Gap) []gapText {
	out := make([]gapText, len(gs))
	for i, g := range gs {
		out[i] = gapText{Score: f.loc.Number(g.Score, f.decimals), Median: f.loc.Number(g.Median, f.decimals), Diff: f.change(g.Diff)}
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

// writeCityPages makes each city's charts and writes them with the city
// into a file of its own in assetsDir/cities, in parallel (charts and
// marshalling are most of the cost at national scale); no city's charts
// are held once its file is written.
func writeCityPages(assetsDir string, s sitedata.Site, locales map[string]hugo.Locale) error {
	dir := filepath.Join(assetsDir, cityPagesDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	inds := make(map[string]sitedata.Indicator, len(s.Indicators))
	for _, ind := range s.Indicators {
		inds[ind.ID] = ind
	}
	jobs := make(chan int)
	errs := make([]error, len(s.Cities))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for i := range jobs {
				c := s.Cities[i]
				buf.Reset()
				cc, err := charts.City(s, c, locales)
				if err != nil {
					errs[i] = err
					continue
				}
				page := cityPage{City: c, Charts: cc, Years: yearRows(c, s.Years), Text: text(c, s, inds, locales)}
				page.City.Scores, page.City.KPIs = nil, nil
				if err := json.NewEncoder(&buf).Encode(page); err != nil {
					errs[i] = fmt.Errorf("page data of %s: %w", c.Slug, err)
					continue
				}
				errs[i] = os.WriteFile(filepath.Join(dir, c.Slug+".json"), buf.Bytes(), 0o644)
			}
		}()
	}
	for i := range s.Cities {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
