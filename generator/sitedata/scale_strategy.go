package sitedata

import "github.com/digitale-staedte/benchmark/generator/model"

// Scale mode of the strategy, measures and methodology pages: above
// FullListMax cities (Lists.Full false) these pages show no per-city table.
// The strategy page counts, per topic, the cities by the most advanced
// status of their measures; the measures page counts the measures by topic
// and status; the methodology page lists the first and last Top cities of
// the ranking with their rank intervals. Every per-city table stays in the
// downloads and on the city pages. All is computed here, once, in order, so
// that the templates only lay it out.

// ScaleStatuses orders the columns of the scale tables: the most advanced
// status first, "no measure in the topic" last.
var ScaleStatuses = []CellStatus{{model.Done, true}, {model.InProgress, true}, {model.Planned, true}, {model.Stopped, true}, {}}

// StrategyScale is the strategy comparison counted over all cities.
type StrategyScale struct {
	Cities int `json:"cities"`
	// Topics: in framework topic order, how many cities have which most
	// advanced status in the topic.
	Topics   []TopicCities `json:"topics"`
	Measures MeasureCounts `json:"measures"`
}

// TopicCities counts the cities of one topic by status.
type TopicCities struct {
	Topic     string        `json:"topic"`
	Dimension string        `json:"dimension"`
	Statuses  []StatusCount `json:"statuses"` // ScaleStatuses order
}

// StatusCount is how many cities have a status, and their share of all
// cities in % (one decimal).
type StatusCount struct {
	Status   CellStatus `json:"status"`
	Count    int        `json:"count"`
	SharePct float64    `json:"share_pct"`
}

// MeasureCounts counts all cities' measures.
type MeasureCounts struct {
	Total int `json:"total"`
	// Cities with at least one measure, and without any.
	Cities  int `json:"cities"`
	Without int `json:"without"`
	// ByStatus counts all measures; Topics per topic, in framework order.
	ByStatus Counts          `json:"by_status"`
	Topics   []TopicMeasures `json:"topics"`
	// Other counts measures whose topic is not in the framework.
	Other int `json:"other"`
}

// TopicMeasures counts one topic's measures by status, and the cities with
// at least one measure in it.
type TopicMeasures struct {
	Topic     string `json:"topic"`
	Dimension string `json:"dimension"`
	ByStatus  Counts `json:"by_status"`
	Total     int    `json:"total"`
	Cities    int    `json:"cities"`
}

// AnalysisScale is what the methodology page shows of the cities above
// the list limit.
type AnalysisScale struct {
	// Uncertainty: the first Top and the last Top ranked cities in ranking
	// order (all ranked ones when there are at most 2·Top); Omitted ranked
	// cities lie between them (the rows after index Top follow the gap),
	// Unranked cities have no rank.
	Uncertainty []UncertaintyRow `json:"uncertainty"`
	Top         int              `json:"top"`
	Omitted     int              `json:"omitted"`
	Unranked    int              `json:"unranked"`
	Ranked      int              `json:"ranked"`
}

// UncertaintyRow is one city's line in the methodology page's uncertainty
// table: its rank, rank interval and ranks without each dimension.
type UncertaintyRow struct {
	Slug      string        `json:"slug"`
	Name      string        `json:"name"`
	NameEn    string        `json:"name_en,omitempty"` // City.NameEn
	Rank      *int          `json:"rank"`
	Interval  *RankInterval `json:"interval"`
	RemoveOne []RemoveOne   `json:"remove_one"`
}

// NameIn is the row's city's name in a site language (City.NameIn).
func (r UncertaintyRow) NameIn(lang string) string {
	return RankingRow{Name: r.Name, NameEn: r.NameEn}.NameIn(lang)
}

// addScale fills the scale mode's counts and lists when the site's lists
// are not full; with full lists they stay nil and the pages show every
// city. Needs the sorted ranking, the strategies and the cities' measures.
func addScale(s *Site) {
	if s.Lists.Full {
		return
	}
	sc := strategyScale(s.Strategies.Matrix, s.Topics, s.Cities)
	s.Strategies.Scale = &sc
	as := analysisScale(s.Ranking, s.Cities, s.Lists.Top)
	s.Analysis.Scale = &as
}

// strategyScale counts the matrix's cells by status per topic, and the
// cities' measures by topic and status.
func strategyScale(matrix []MatrixRow, topics []Topic, cities []City) StrategyScale {
	out := StrategyScale{Cities: len(cities), Topics: []TopicCities{}}
	for _, row := range matrix {
		count := map[CellStatus]int{}
		for _, c := range row.Cells {
			count[c.Status]++
		}
		tc := TopicCities{Topic: row.Topic, Dimension: row.Dimension, Statuses: make([]StatusCount, 0, len(ScaleStatuses))}
		for _, st := range ScaleStatuses {
			tc.Statuses = append(tc.Statuses, StatusCount{Status: st, Count: count[st], SharePct: share(float64(count[st]), float64(len(cities)))})
		}
		out.Topics = append(out.Topics, tc)
	}
	out.Measures = measureCounts(topics, cities)
	return out
}

// measureCounts counts the cities' measures by topic and status.
func measureCounts(topics []Topic, cities []City) MeasureCounts {
	out := MeasureCounts{Topics: make([]TopicMeasures, len(topics))}
	at := make(map[string]int, len(topics))
	for i, t := range topics {
		at[t.ID] = i
		out.Topics[i] = TopicMeasures{Topic: t.ID, Dimension: t.Dimension}
	}
	seen := make([]int, len(topics)) // last city (index+1) counted per topic
	for ci, c := range cities {
		if len(c.Measures) == 0 {
			out.Without++
			continue
		}
		out.Cities++
		for _, m := range c.Measures {
			out.Total++
			out.ByStatus.add(m.Status)
			i, ok := at[m.Topic]
			if !ok {
				out.Other++
				continue
			}
			tm := &out.Topics[i]
			tm.Total++
			tm.ByStatus.add(m.Status)
			if seen[i] != ci+1 {
				seen[i] = ci + 1
				tm.Cities++
			}
		}
	}
	return out
}

// analysisScale keeps the first and last top ranked cities of the
// ranking (ranked cities first, by rank), with their rank intervals and
// ranks without each dimension.
func analysisScale(ranking []RankingRow, cities []City, top int) AnalysisScale {
	removeOne := make(map[string][]RemoveOne, len(cities))
	for _, c := range cities {
		removeOne[c.Slug] = c.RemoveOne
	}
	ranked := 0
	for ranked < len(ranking) && ranking[ranked].Rank != nil {
		ranked++
	}
	out := AnalysisScale{Top: top, Ranked: ranked, Unranked: len(ranking) - ranked, Uncertainty: []UncertaintyRow{}}
	keep := ranking[:ranked]
	if ranked > 2*top {
		keep = append(append([]RankingRow{}, ranking[:top]...), ranking[ranked-top:ranked]...)
		out.Omitted = ranked - 2*top
	}
	for _, r := range keep {
		ro := removeOne[r.Slug]
		if ro == nil {
			ro = []RemoveOne{}
		}
		out.Uncertainty = append(out.Uncertainty, UncertaintyRow{Slug: r.Slug, Name: r.Name, NameEn: r.NameEn, Rank: r.Rank, Interval: r.Interval, RemoveOne: ro})
	}
	return out
}
