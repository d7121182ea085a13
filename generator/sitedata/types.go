package sitedata

import "github.com/digitale-staedte/benchmark/generator/model"

// Site is the one JSON document the Hugo theme reads, as
// hugo.Data.generated.site. Scores are published values, already rounded;
// templates only lay them out. A null score means "not available".
type Site struct {
	// Sample is true when any value shown is illustrative, not published.
	Sample        bool        `json:"sample"`
	ReferenceYear int         `json:"reference_year"`
	Years         []int       `json:"years"`
	Settings      Settings    `json:"settings"`
	Lists         Lists       `json:"lists"`
	Dimensions    []Dimension `json:"dimensions"`
	Indicators    []Indicator `json:"indicators"`
	Topics        []Topic     `json:"topics"`
	Levels        []Level     `json:"levels"`
	// Ranking is the reference year's ranking: ranked cities by rank (ties
	// by name), then cities without an index by name.
	Ranking []RankingRow `json:"ranking"`
	// IndexYears has the cities' index in every year.
	IndexYears []YearSpread `json:"index_years"`
	// Average is the partner average of the reference year.
	Average Average `json:"average"`
	Cities  []City  `json:"cities"`
	// Reports are all cities' reports in one list, newest first
	// (reports.go).
	Reports []ReportRef `json:"reports"`
	// PartnerKinds are the kinds of partner (model.PartnerKinds), the
	// theme's keys for their names.
	PartnerKinds []string `json:"partner_kinds"`
	// Joint are the joint projects, each once, in the order of their
	// lead's workbook (joint.go).
	Joint []JointProject `json:"joint_projects"`
	// Strategies compares the cities' measures topic by topic.
	Strategies Strategies `json:"strategies"`
	// Analysis is the reference year's statistical audit, correlations,
	// peer statistics and uncertainty analysis.
	Analysis Analysis `json:"analysis"`
}

// Lists says how long the site's lists may grow. Up to FullMax cities
// every list shows every city (Full); above, so that no page grows with the
// number of partners, a list shows its Top first and last cities and the
// distribution, the ranking of all cities is paginated PageSize per page,
// and the complete tables are in the downloads.
type Lists struct {
	Full     bool `json:"full"`
	FullMax  int  `json:"full_max"`
	Top      int  `json:"top"`
	PageSize int  `json:"page_size"`
	// Feed is how many of the newest reports a feed carries.
	Feed int `json:"feed"`
	// ReportPages is how many pages the reports list has, PageSize
	// reports each (at least one); 0 above the list limit, where there is
	// no list. The theme makes and numbers the pages by it.
	ReportPages int `json:"report_pages"`
}

// The list limits of every build (see Lists).
const (
	FullListMax  = 100
	ListTop      = 10
	ListPageSize = 100
	FeedMax      = 50
)

// Analysis backs the methodology page's audit and uncertainty sections.
type Analysis struct {
	Year  int        `json:"year"`
	Audit []AuditRow `json:"audit"` // framework indicator order
	// IndicatorCorrelations is Pearson's r between indicator scores;
	// DimensionCorrelations between dimension scores and, last, the index.
	IndicatorCorrelations Correlations `json:"indicator_correlations"`
	DimensionCorrelations Correlations `json:"dimension_correlations"`
	Peers                 PeerStats    `json:"peers"`
	Uncertainty           Uncertainty  `json:"uncertainty"`

	// Scale: the cities shown above FullListMax (scale_strategy.go).
	Scale *AnalysisScale `json:"scale,omitempty"`
}

// AuditRow describes one indicator's values in the reference year, in the
// indicator's unit (skewness and kurtosis are unitless). Null: not defined
// for so few values.
type AuditRow struct {
	Indicator   string   `json:"indicator"`
	N           int      `json:"n"`
	Missing     int      `json:"missing"`
	CoveragePct float64  `json:"coverage_pct"`
	Min         *float64 `json:"min"`
	Max         *float64 `json:"max"`
	Mean        *float64 `json:"mean"`
	Median      *float64 `json:"median"`
	SD          *float64 `json:"sd"`
	Skewness    *float64 `json:"skewness"`
	Kurtosis    *float64 `json:"kurtosis"`
	Outliers    []string `json:"outliers"` // city slugs outside Q1 − 1.5·IQR … Q3 + 1.5·IQR
	// SkewKurt: |skewness| ≥ 2 and kurtosis ≥ 3.5, COINr's signal that a
	// treatment (log, winsorising) should be considered.
	SkewKurt bool `json:"skew_kurt"`
	Scored   int  `json:"scored"`
	Clamped  int  `json:"clamped"`
	Carried  int  `json:"carried"`
	// OwnDimension and WithIndex are the indicator's correlations with its
	// dimension's score and with the index.
	OwnDimension *float64 `json:"r_dimension"`
	WithIndex    *float64 `json:"r_index"`
}

// Correlations is a symmetric matrix of Pearson's r (two decimals; null
// with fewer than three pairs or no variance).
type Correlations struct {
	IDs    []string     `json:"ids"` // "index" for the index
	Values [][]*float64 `json:"values"`
	N      [][]int      `json:"n"` // complete pairs used
}

// PeerStats are the partners' quartiles of each published score.
type PeerStats struct {
	Index      Spread   `json:"index"`
	Dimensions []Spread `json:"dimensions"` // framework order
	Indicators []Spread `json:"indicators"` // framework order
}

// Spread: null quartiles with fewer than two cities scored.
type Spread struct {
	ID     string   `json:"id"`
	N      int      `json:"n"`
	Q1     *float64 `json:"q1"`
	Median *float64 `json:"median"`
	Q3     *float64 `json:"q3"`
}

// Uncertainty is the Monte Carlo analysis of the index ranks.
type Uncertainty struct {
	Draws           int     `json:"draws"` // 0: not run
	Seed            uint64  `json:"seed"`
	WeightSpreadPct float64 `json:"weight_spread_pct"`
	VaryMethods     bool    `json:"vary_methods"`
	// Dimensions lists, in framework order, the dimensions whose removal
	// the cities' remove_one entries refer to.
	Dimensions []string `json:"dimensions"`
}

// Strategies is the strategy comparison: which city has measures in which
// shared topic, how alike the strategies are, and who leads each dimension.
type Strategies struct {
	Matrix     []MatrixRow     `json:"matrix"`     // framework topic order
	Similarity []SimilarityRow `json:"similarity"` // city order, values in city order
	Leaders    []Leader        `json:"leaders"`    // framework dimension order
	// QuickWinExamples are the partners' measures shown for a quick win,
	// by topic ID: the same for every city that lacks the topic.
	QuickWinExamples map[string][]Example `json:"quick_win_examples"`
	// QuickWinStopped are the stopped measures a quick win names, by
	// topic ID: the same for every city that lacks the topic.
	QuickWinStopped map[string][]Example `json:"quick_win_stopped"`
	// OfferKinds are the kinds of offer, in the order filters list them.
	OfferKinds []string `json:"offer_kinds"`
	// The comparison's caps, so that pages can say what they leave out: a
	// quick win lists at most MaxExamples measures, and the similarity
	// table is empty above SimilarityMax cities.
	MaxExamples   int `json:"max_examples"`
	SimilarityMax int `json:"similarity_max"`
	// Scale: counts over all cities above FullListMax (scale_strategy.go).
	Scale *StrategyScale `json:"scale,omitempty"`
	// Speed: how fast the partners deliver their measures (speed.go).
	Speed Speed `json:"speed"`
}

type MatrixRow struct {
	Topic     string       `json:"topic"`
	Dimension string       `json:"dimension"`
	Cells     []MatrixCell `json:"cells"` // city order
}

type MatrixCell struct {
	Slug     string     `json:"slug"`
	Status   CellStatus `json:"status"` // most advanced status
	Measures []string   `json:"measures"`
}

// CellStatus is the most advanced status of a city's measures in a topic;
// without Has, the city has no measure there. Its JSON is the status's word
// (model.Status), "" without a measure: what the theme matches.
type CellStatus struct {
	Status model.Status
	Has    bool
}

func (c CellStatus) MarshalText() ([]byte, error) {
	if !c.Has {
		return []byte{}, nil
	}
	return c.Status.MarshalText()
}

func (c *CellStatus) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*c = CellStatus{}
		return nil
	}
	c.Has = true
	return c.Status.UnmarshalText(b)
}

type SimilarityRow struct {
	Slug   string    `json:"slug"`
	Values []float64 `json:"values"` // Jaccard index in %, one decimal
}

type Leader struct {
	Dimension string    `json:"dimension"`
	Cities    []string  `json:"cities"` // slugs; several on a tie
	Score     *float64  `json:"score"`
	Measures  []Example `json:"measures"`
	// Offers are the leaders' offers in the dimension's topics.
	Offers []QuickWinOffer `json:"offers"`
}

// Example is a partner's measure shown as something to learn from.
type Example struct {
	City      string       `json:"city"` // slug
	MeasureID string       `json:"measure_id"`
	Title     model.Text   `json:"title"`
	Status    model.Status `json:"status"`
	Progress  *float64     `json:"progress"` // per cent done, one decimal; null: not known
	Lead      string       `json:"lead"`
	Link      string       `json:"link"`
	// With are the other partners of a joint project, by slug.
	With []string `json:"with"`
}

// QuickWin is a topic in which partners already run something this city
// lacks; its examples are the same for every such city
// (Strategies.QuickWinExamples).
type QuickWin struct {
	Topic    string `json:"topic"`
	Partners int    `json:"partners"`
	// Offers are the other partners' offers on the topic.
	Offers []QuickWinOffer `json:"offers"`
	// OffersList names Offers among the site's offer lists: quick wins
	// with the same number hold the same list (most cities that lack a
	// topic share one), so a page renders each list once per language.
	OffersList int `json:"offers_list"`
}

type TopicCoverage struct {
	Dimension string  `json:"dimension"`
	Topics    int     `json:"topics"`
	Covered   int     `json:"covered"`
	SharePct  float64 `json:"share_pct"`
}

// Settings are the method choices in force, as the methodology page
// states them.
type Settings struct {
	// Aggregation and MinCoverage are the index level's, kept for the
	// "setting" shortcode in hand-written text.
	Aggregation          string  `json:"aggregation"`
	MinCoverage          float64 `json:"min_coverage_pct"`
	DimensionAggregation string  `json:"dimension_aggregation"`
	IndexAggregation     string  `json:"index_aggregation"`
	DimensionMinCoverage float64 `json:"dimension_min_coverage_pct"`
	IndexMinCoverage     float64 `json:"index_min_coverage_pct"`
	Scale                float64 `json:"scale_max"`
	Decimals             int     `json:"decimals"`
	RankOn               string  `json:"rank_on"`             // "rounded" or "unrounded"
	CarryForward         int     `json:"carry_forward_years"` // 0: off
	// ZScoreMean and ZScoreSD are the points z-score normalisation gives
	// the mean and one standard deviation, on this scale.
	ZScoreMean float64 `json:"zscore_mean"`
	ZScoreSD   float64 `json:"zscore_sd"`
	// RoundingExample is a value and what it is published as at Decimals
	// (score.RoundingExample: 0.15 → 0.2 at one decimal).
	RoundingExample [2]float64 `json:"rounding_example"`
	// Normalisations lists the normalisations in use, in a fixed order,
	// so the page explains only those.
	Normalisations []string `json:"normalisations"`
	// RelativeNormalisation: a normalisation in use scores a city against
	// the year's partners, so a change is not only the city's own.
	RelativeNormalisation bool `json:"relative_normalisation"`
}

type Dimension struct {
	ID          string     `json:"id"`
	Name        model.Text `json:"name"`
	Description model.Text `json:"description"`
	Weight      float64    `json:"weight"`
	WeightPct   float64    `json:"weight_pct"` // share of the index, in %
	Indicators  []string   `json:"indicators"`
	Topics      []string   `json:"topics"`
	Ranking     RankList   `json:"ranking"` // reference year
}

type Indicator struct {
	ID        string     `json:"id"`
	Dimension string     `json:"dimension"`
	Name      model.Text `json:"name"`
	Unit      model.Text `json:"unit"`
	Direction string     `json:"direction"` // "higher" or "lower"
	Weight    float64    `json:"weight"`
	WeightPct float64    `json:"weight_pct"` // share of its dimension, in %
	Goalposts *Goalposts `json:"goalposts"`  // null: observed range
	Transform string     `json:"transform"`  // "none" or "log"
	// Normalisation is a model.Normalisation's name.
	Normalisation string     `json:"normalisation"`
	Source        string     `json:"source"`
	Description   model.Text `json:"description"`
	Decimals      int        `json:"decimals"`
	// Ranking is the reference year's; Years has the cities' values in
	// every year, in the indicator's unit.
	Ranking RankList     `json:"ranking"`
	Years   []YearSpread `json:"years"`
}

type Goalposts struct {
	Min float64 `json:"min"`
	Max float64 `json:"max"`
}

type Topic struct {
	ID        string     `json:"id"`
	Dimension string     `json:"dimension"`
	Name      model.Text `json:"name"`
}

type Level struct {
	Index int        `json:"index"` // 0 is the lowest level
	Min   float64    `json:"min"`
	Name  model.Text `json:"name"`
}

type RankingRow struct {
	Slug       string        `json:"slug"`
	Name       string        `json:"name"`
	NameEn     string        `json:"name_en,omitempty"` // City.NameEn
	Rank       *int          `json:"rank"`
	Index      *float64      `json:"index"`
	Level      *int          `json:"level"`
	Change     *Change       `json:"change"`
	Interval   *RankInterval `json:"interval"`
	Dimensions []ScoreByDim  `json:"dimensions"` // in framework order
}

type ScoreByDim struct {
	ID       string   `json:"id"`
	Score    *float64 `json:"score"`
	Coverage float64  `json:"coverage_pct"`
	Rank     *int     `json:"rank"`
}

// Change is against the previous year with data; null parts were not
// available in one of the two years.
type Change struct {
	PrevYear int      `json:"prev_year"`
	Index    *float64 `json:"index"` // published score minus the previous one
	Rank     *int     `json:"rank"`  // places gained (negative: lost)
}

// RankInterval: the median and the 5th–95th percentile ranks over the
// Monte Carlo draws.
type RankInterval struct {
	Median int `json:"median"`
	Low    int `json:"low"`
	High   int `json:"high"`
}

// RemoveOne is the city's rank without one dimension.
type RemoveOne struct {
	Dimension string `json:"dimension"`
	Rank      *int   `json:"rank"`
	Shift     *int   `json:"shift"` // places gained without it (negative: lost)
}

// Profile places the city against the other partners' median (its own
// score left out, so that it is not compared with itself).
type Profile struct {
	// IndexMedian and DimensionMedians (the site's dimensions in order)
	// are the other partners' medians; null where no other partner has a
	// score.
	IndexMedian      *float64   `json:"index_median"`
	DimensionMedians []*float64 `json:"dimension_medians"`
	Dimensions       []Gap      `json:"dimensions"`
	Strengths        []Gap      `json:"strengths"`
	Weaknesses       []Gap      `json:"weaknesses"`
}

type Gap struct {
	ID     string  `json:"id"`
	Score  float64 `json:"score"`
	Median float64 `json:"median"`
	Diff   float64 `json:"diff"`
}

// Carried is a value carried forward into a year without a report.
type Carried struct {
	Indicator string  `json:"indicator"`
	Year      int     `json:"year"`
	From      int     `json:"from"`
	Value     float64 `json:"value"`
}

type Average struct {
	Index      *float64     `json:"index"`
	Dimensions []ScoreByDim `json:"dimensions"`
}

type City struct {
	Slug string `json:"slug"`
	Name string `json:"name"`
	// NameEn is the English name (Munich) where the city has one of its
	// own, for the English pages and the search; "" otherwise (NameIn).
	NameEn string `json:"name_en,omitempty"`
	// Kind is what kind of partner it is (model.PartnerKind's key);
	// Scored is false for every kind but municipalities: such a partner
	// has no scores and appears in no ranking, median or score chart.
	Kind         string   `json:"kind"`
	Scored       bool     `json:"scored"`
	State        string   `json:"state"`
	Population   int      `json:"population"`
	Website      string   `json:"website"`
	Contact      string   `json:"contact"`
	Strategy     Strategy `json:"strategy"`
	Lat          *float64 `json:"lat"`
	Lon          *float64 `json:"lon"`
	Illustrative bool     `json:"illustrative"` // any KPI value is illustrative
	// IllustrativeFacts names the city-sheet facts whose source marks them
	// as examples: population, contact, lat, ...
	IllustrativeFacts []string `json:"illustrative_facts"`
	// Reference is the score record of the reference year; Scores has every
	// scored year in ascending order.
	Reference YearScore   `json:"reference"`
	Scores    []YearScore `json:"scores"`
	KPIs      []KPI       `json:"kpis"` // in framework order
	Measures  []Measure   `json:"measures"`
	Counts    Counts      `json:"measure_counts"`
	Offers    []Offer     `json:"offers"` // the offers sheet, in sheet order
	// QuickWins: topics where partners have measures done or in progress and
	// this city has none; most partners first.
	QuickWins []QuickWin `json:"quick_wins"`
	// TopicCoverage: share of each dimension's topics the strategy covers.
	TopicCoverage []TopicCoverage `json:"topic_coverage"`
	// Interval is the rank's uncertainty in the reference year; null
	// without the analysis or an index.
	Interval  *RankInterval `json:"interval"`
	RemoveOne []RemoveOne   `json:"remove_one"`
	Profile   Profile       `json:"profile"`
	Carried   []Carried     `json:"carried"`
	// Speed: how fast the city delivers its measures (speed.go).
	Speed CitySpeed `json:"speed"`
	// Reports are the city's published reports, newest first (reports.go).
	Reports []Report `json:"reports"`
	// Joint are the positions in Site.Joint of the joint projects the
	// partner takes part in, as lead or partner.
	Joint []int `json:"joint"`
}

type Strategy struct {
	Title   string `json:"title"`
	Adopted string `json:"adopted"` // ISO date, as precise as known
	Link    string `json:"link"`
}

type YearScore struct {
	Year     int      `json:"year"`
	Index    *float64 `json:"index"`
	Coverage float64  `json:"coverage_pct"`
	Rank     *int     `json:"rank"`
	RankOf   int      `json:"rank_of"` // number of ranked cities that year
	Level    *int     `json:"level"`
	// NextLevel and ToNext: the next higher level and the points missing
	// to it; null at the top level or without an index.
	NextLevel  *int         `json:"next_level"`
	ToNext     *float64     `json:"to_next"`
	Change     *Change      `json:"change"` // null in the first year
	Dimensions []ScoreByDim `json:"dimensions"`
}

type KPI struct {
	Indicator    string `json:"indicator"`
	Source       string `json:"source"`
	Note         string `json:"note"`
	Illustrative bool   `json:"illustrative"`
	// Values are for the generator (charts, site lists); pages read Latest
	// and ByYear, and the downloads have every value with its cell.
	Latest *Observation  `json:"latest"` // newest year with a value
	Values []Observation `json:"-"`      // ascending years
	// ByYear is the value of each year of Site.Years, null where there is
	// none, so that a year table is one range with no search per cell.
	ByYear []*float64 `json:"by_year"`
}

type Observation struct {
	Year    int      `json:"year"`
	Value   float64  `json:"value"`
	Score   *float64 `json:"score"` // on the score scale after normalisation; null if not scored
	Rank    *int     `json:"rank"`
	Clamped bool     `json:"clamped"`
}

type Measure struct {
	ID           string       `json:"id"`
	Title        model.Text   `json:"title"`
	Topic        string       `json:"topic"`
	Status       model.Status `json:"status"`
	Progress     *float64     `json:"progress"` // per cent done, one decimal (model.Measure.ProgressPct); null: not known
	Start        string       `json:"start"`
	End          string       `json:"end"`
	Budget       *float64     `json:"budget"`
	Lead         string       `json:"lead"`
	Description  model.Text   `json:"description"`
	Link         string       `json:"link"`
	Illustrative bool         `json:"illustrative"`
	Origin       string       `json:"origin"`
	// With are the other partners of a joint project, by slug; empty
	// for the partner's own measure.
	With []string `json:"with"`
	// Reports is the measure's progress log: the positions in the city's
	// Reports of those that name it, newest first.
	Reports []int `json:"reports"`
}

type Counts struct {
	Planned    int `json:"planned"`
	InProgress int `json:"in_progress"`
	Done       int `json:"done"`
	Stopped    int `json:"stopped"`
}

// add counts a measure of status s. Every status has its field; a test
// ranges over them all.
func (c *Counts) add(s model.Status) {
	switch s {
	case model.Planned:
		c.Planned++
	case model.InProgress:
		c.InProgress++
	case model.Done:
		c.Done++
	case model.Stopped:
		c.Stopped++
	default:
		panic("sitedata: no count for status " + s.String())
	}
}

// NameIn is the city's name in a site language: its English name on the
// English pages where it has one, else its name.
func (c City) NameIn(lang string) string {
	if lang == "en" && c.NameEn != "" {
		return c.NameEn
	}
	return c.Name
}

// NameIn is the row's city's name in a site language (City.NameIn).
func (r RankingRow) NameIn(lang string) string {
	if lang == "en" && r.NameEn != "" {
		return r.NameEn
	}
	return r.Name
}
