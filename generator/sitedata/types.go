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
	Dimensions    []Dimension `json:"dimensions"`
	Indicators    []Indicator `json:"indicators"`
	Topics        []Topic     `json:"topics"`
	Levels        []Level     `json:"levels"`
	// Ranking is the reference year's ranking: ranked cities by rank (ties
	// by name), then cities without an index by name.
	Ranking []RankingRow `json:"ranking"`
	// Average is the partner average of the reference year.
	Average Average `json:"average"`
	Cities  []City  `json:"cities"`
	// Strategies compares the cities' measures topic by topic.
	Strategies Strategies `json:"strategies"`
}

// Strategies is the strategy comparison: which city has measures in which
// shared topic, how alike the strategies are, and who leads each dimension.
type Strategies struct {
	Matrix     []MatrixRow     `json:"matrix"`     // framework topic order
	Similarity []SimilarityRow `json:"similarity"` // city order, values in city order
	Leaders    []Leader        `json:"leaders"`    // framework dimension order
}

type MatrixRow struct {
	Topic     string       `json:"topic"`
	Dimension string       `json:"dimension"`
	Cells     []MatrixCell `json:"cells"` // city order
}

type MatrixCell struct {
	Slug     string   `json:"slug"`
	Status   string   `json:"status"` // most advanced status; "" when the city has no measure
	Measures []string `json:"measures"`
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
}

// Example is a partner's measure shown as something to learn from.
type Example struct {
	City      string     `json:"city"` // slug
	MeasureID string     `json:"measure_id"`
	Title     model.Text `json:"title"`
	Status    string     `json:"status"`
	Lead      string     `json:"lead"`
	Link      string     `json:"link"`
}

// QuickWin is a topic in which partners already run something this city lacks.
type QuickWin struct {
	Topic    string    `json:"topic"`
	Partners int       `json:"partners"`
	Examples []Example `json:"examples"`
}

type TopicCoverage struct {
	Dimension string  `json:"dimension"`
	Topics    int     `json:"topics"`
	Covered   int     `json:"covered"`
	SharePct  float64 `json:"share_pct"`
}

type Settings struct {
	Aggregation string  `json:"aggregation"`
	MinCoverage float64 `json:"min_coverage_pct"`
	Scale       float64 `json:"scale_max"`
}

type Dimension struct {
	ID          string     `json:"id"`
	Name        model.Text `json:"name"`
	Description model.Text `json:"description"`
	Weight      float64    `json:"weight"`
	WeightPct   float64    `json:"weight_pct"` // share of the index, in %
	Indicators  []string   `json:"indicators"`
	Topics      []string   `json:"topics"`
}

type Indicator struct {
	ID          string     `json:"id"`
	Dimension   string     `json:"dimension"`
	Name        model.Text `json:"name"`
	Unit        string     `json:"unit"`
	Direction   string     `json:"direction"` // "higher" or "lower"
	Weight      float64    `json:"weight"`
	WeightPct   float64    `json:"weight_pct"` // share of its dimension, in %
	Goalposts   *Goalposts `json:"goalposts"`  // null: observed range
	Transform   string     `json:"transform"`  // "none" or "log"
	Source      string     `json:"source"`
	Description model.Text `json:"description"`
	Decimals    int        `json:"decimals"`
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
	Slug       string       `json:"slug"`
	Name       string       `json:"name"`
	Rank       *int         `json:"rank"`
	Index      *float64     `json:"index"`
	Level      *int         `json:"level"`
	Dimensions []ScoreByDim `json:"dimensions"` // in framework order
}

type ScoreByDim struct {
	ID       string   `json:"id"`
	Score    *float64 `json:"score"`
	Coverage float64  `json:"coverage_pct"`
}

type Average struct {
	Index      *float64     `json:"index"`
	Dimensions []ScoreByDim `json:"dimensions"`
}

type City struct {
	Slug         string   `json:"slug"`
	Name         string   `json:"name"`
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
	// QuickWins: topics where partners have measures done or in progress and
	// this city has none; most partners first.
	QuickWins []QuickWin `json:"quick_wins"`
	// TopicCoverage: share of each dimension's topics the strategy covers.
	TopicCoverage []TopicCoverage `json:"topic_coverage"`
}

type Strategy struct {
	Title   string `json:"title"`
	Adopted string `json:"adopted"` // ISO date, as precise as known
	Link    string `json:"link"`
}

type YearScore struct {
	Year       int          `json:"year"`
	Index      *float64     `json:"index"`
	Coverage   float64      `json:"coverage_pct"`
	Rank       *int         `json:"rank"`
	RankOf     int          `json:"rank_of"` // number of ranked cities that year
	Level      *int         `json:"level"`
	Dimensions []ScoreByDim `json:"dimensions"`
}

type KPI struct {
	Indicator    string        `json:"indicator"`
	Source       string        `json:"source"`
	Note         string        `json:"note"`
	Illustrative bool          `json:"illustrative"`
	Origin       string        `json:"origin"` // "Kennzahlen!A7"
	Latest       *Observation  `json:"latest"` // newest year with a value
	Values       []Observation `json:"values"` // ascending years
}

type Observation struct {
	Year    int      `json:"year"`
	Value   float64  `json:"value"`
	Score   *float64 `json:"score"` // 0..100 after normalisation; null if not scored
	Clamped bool     `json:"clamped"`
	Origin  string   `json:"origin"`
}

type Measure struct {
	ID           string     `json:"id"`
	Title        model.Text `json:"title"`
	Topic        string     `json:"topic"`
	Status       string     `json:"status"` // planned, in_progress, done, stopped
	Start        string     `json:"start"`
	End          string     `json:"end"`
	Budget       *float64   `json:"budget"`
	Lead         string     `json:"lead"`
	Description  string     `json:"description"`
	Link         string     `json:"link"`
	Illustrative bool       `json:"illustrative"`
	Origin       string     `json:"origin"`
}

type Counts struct {
	Planned    int `json:"planned"`
	InProgress int `json:"in_progress"`
	Done       int `json:"done"`
	Stopped    int `json:"stopped"`
}
