package opendata

import (
	"iter"
	"strconv"

	"github.com/digitale-staedte/benchmark/generator/compare"
	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/score"
)

// The tables of the results: scores, ranks and their uncertainty, and the
// strategy matrix.

// scoring is how the method publishes scores and ranks, for the columns
// holding them.
type scoring struct {
	digits    int
	scale     string // the unit of a score
	published string // the description of a published score
	rankRule  string // the description of a rank
}

func scoringOf(m score.Method) scoring {
	sc := scoring{
		digits:    m.Decimals,
		scale:     "points (0–" + strconv.FormatFloat(m.Scale, 'f', -1, 64) + ")",
		published: "published, rounded to " + strconv.Itoa(m.Decimals) + " decimal(s)",
		rankRule:  "competition rank (1, 2, 2, 4) on the rounded scores; empty: not ranked",
	}
	if m.RankUnrounded {
		sc.rankRule = "competition rank (1, 2, 2, 4) on the unrounded scores; empty: not ranked"
	}
	return sc
}

// pub is v as published, rounded; nil when missing.
func (sc scoring) pub(v score.Value) Value {
	if !v.OK {
		return nil
	}
	return score.Round(v.V, sc.digits)
}

// cityYear is a city's scores in a year it has any (scored). Its slug and
// year come boxed once per city and year, not once per row of the tables
// with a row per dimension or indicator.
type cityYear struct {
	slug, year Value
	*score.Year
}

func indexTable(res score.Result, sc scoring) Table {
	cols := []column[cityYear]{
		{slugOnly, func(y cityYear) Value { return y.slug }},
		{Field{"year", Integer, "", ""}, func(y cityYear) Value { return y.year }},
		{Field{"index", Number, sc.scale, sc.published}, func(y cityYear) Value { return sc.pub(y.Index) }},
		{Field{"coverage", Number, "share 0–1", "share of dimension weight with a score"}, func(y cityYear) Value { return y.IndexCoverage }},
		{Field{"rank", Integer, "", sc.rankRule}, func(y cityYear) Value { return posInt(y.Rank) }},
		{Field{"ranked_cities", Integer, "", ""}, func(y cityYear) Value { return y.RankOf }},
		{Field{"level", Integer, "", "position in the levels table"}, func(y cityYear) Value { return nonNeg(y.Level) }},
		{Field{"next_level", Integer, "", ""}, func(y cityYear) Value { return nonNeg(y.NextLevel) }},
		{Field{"points_to_next_level", Number, sc.scale, ""}, func(y cityYear) Value { return toNext(*y.Year) }},
		{Field{"change_index", Number, sc.scale, "against prev_year"}, func(y cityYear) Value { return sc.pub(y.Change.Index) }},
		{Field{"change_rank", Integer, "", "places gained against prev_year"}, func(y cityYear) Value { return changeRank(y.Change) }},
		{Field{"prev_year", Integer, "", ""}, func(y cityYear) Value { return nonZero(y.Change.PrevYear) }},
	}
	return built(Table{Name: "index_scores", Title: model.Text{De: "Index, Rang und Reifegrad", En: "Index, rank and level"}},
		cols, scoredYears(res))
}

// scoredYears are the cities' years with anything scored, city by city.
func scoredYears(res score.Result) iter.Seq[cityYear] {
	return func(yield func(cityYear) bool) {
		for _, city := range res.Cities {
			slug := Value(city.Slug)
			for j := range city.Years {
				if y := &city.Years[j]; scored(*y) && !yield(cityYear{slug, y.Year, y}) {
					return
				}
			}
		}
	}
}

// dimScore is a dimension's score in a scored year.
type dimScore struct {
	slug, year Value
	*score.Component
}

func dimensionScoresTable(res score.Result, sc scoring) Table {
	cols := []column[dimScore]{
		{slugOnly, func(d dimScore) Value { return d.slug }},
		{Field{"year", Integer, "", ""}, func(d dimScore) Value { return d.year }},
		{Field{"dimension", String, "", ""}, func(d dimScore) Value { return d.ID }},
		{Field{"score", Number, sc.scale, sc.published}, func(d dimScore) Value { return sc.pub(d.Score) }},
		{Field{"coverage", Number, "share 0–1", "share of indicator weight with a score"}, func(d dimScore) Value { return d.Coverage }},
		{Field{"rank", Integer, "", sc.rankRule}, func(d dimScore) Value { return posInt(d.Rank) }},
	}
	return streamed(Table{Name: "dimension_scores", Title: model.Text{De: "Punktwerte der Dimensionen", En: "Dimension scores"}, perValue: true},
		cols, func(yield func(dimScore) bool) {
			for y := range scoredYears(res) {
				for j := range y.Dimensions {
					if !yield(dimScore{y.slug, y.year, &y.Dimensions[j]}) {
						return
					}
				}
			}
		})
}

// indScore is an indicator's value and score in a scored year, where it
// has a value; the indicator's ID comes boxed once per pass.
type indScore struct {
	slug, year, ind Value
	*score.IndicatorScore
}

func indicatorScoresTable(fw model.Framework, res score.Result, sc scoring) Table {
	cols := []column[indScore]{
		{slugOnly, func(s indScore) Value { return s.slug }},
		{Field{"year", Integer, "", ""}, func(s indScore) Value { return s.year }},
		{Field{"indicator", String, "", ""}, func(s indScore) Value { return s.ind }},
		{Field{"value", Number, "", "as scored, in the indicator's unit"}, func(s indScore) Value { return s.Raw.V }},
		{Field{"carried_from", Integer, "", "year the value was reported in, when carried forward"}, func(s indScore) Value { return nonZero(s.CarriedFrom) }},
		{Field{"score", Number, sc.scale, sc.published}, func(s indScore) Value { return sc.pub(s.Score) }},
		{Field{"clamped", Boolean, "", "outside the goalposts"}, func(s indScore) Value { return s.Clamped }},
		{Field{"rank", Integer, "", sc.rankRule}, func(s indScore) Value { return posInt(s.Rank) }},
	}
	return streamed(Table{Name: "indicator_scores", Title: model.Text{De: "Punktwerte der Kennzahlen", En: "Indicator scores"}, perValue: true},
		cols, func(yield func(indScore) bool) {
			ids := make([]Value, len(fw.Indicators))
			for i, ind := range fw.Indicators {
				ids[i] = ind.ID
			}
			for y := range scoredYears(res) {
				for i := range y.Indicators {
					is := &y.Indicators[i]
					if is.Raw.OK && !yield(indScore{y.slug, y.year, ids[i], is}) {
						return
					}
				}
			}
		})
}

// rankInterval is a ranked city's ranks over the uncertainty draws.
type rankInterval struct {
	slug string
	year int
	score.RankInterval
}

var uncertaintyColumns = []column[rankInterval]{
	{slugOnly, func(r rankInterval) Value { return r.slug }},
	{Field{"year", Integer, "", ""}, func(r rankInterval) Value { return r.year }},
	{Field{"rank", Integer, "", "published rank"}, func(r rankInterval) Value { return r.Nominal }},
	{Field{"median_rank", Integer, "", "over the Monte Carlo draws"}, func(r rankInterval) Value { return r.Median }},
	{Field{"rank_p05", Integer, "", "5th percentile"}, func(r rankInterval) Value { return r.Low }},
	{Field{"rank_p95", Integer, "", "95th percentile"}, func(r rankInterval) Value { return r.High }},
	{Field{"draws", Integer, "", ""}, func(r rankInterval) Value { return r.Ranked }},
}

func uncertaintyTable(res score.Result) Table {
	u := res.Uncertainty
	return built(Table{Name: "rank_uncertainty", Title: model.Text{De: "Unsicherheit der Ränge", En: "Rank uncertainty"}},
		uncertaintyColumns, func(yield func(rankInterval) bool) {
			for c, ri := range u.Cities {
				if ri.Nominal != 0 && !yield(rankInterval{res.Cities[c].Slug, u.Year, ri}) {
					return
				}
			}
		})
}

// rankWithout is a scored partner's rank without one dimension.
type rankWithout struct {
	slug      string
	year      int
	dimension string
	rank      int
}

var withoutColumns = []column[rankWithout]{
	{slugOnly, func(r rankWithout) Value { return r.slug }},
	{Field{"year", Integer, "", ""}, func(r rankWithout) Value { return r.year }},
	{Field{"dimension", String, "", "left out"}, func(r rankWithout) Value { return r.dimension }},
	{Field{"rank", Integer, "", "rank when the index is computed without the dimension"}, func(r rankWithout) Value { return posInt(r.rank) }},
}

func withoutTable(ds model.Dataset, res score.Result) Table {
	u := res.Uncertainty
	return built(Table{Name: "rank_without_dimension", Title: model.Text{De: "Rang ohne eine Dimension", En: "Rank without one dimension"}},
		withoutColumns, func(yield func(rankWithout) bool) {
			for _, w := range u.RemoveOne {
				for c, r := range w.Ranks {
					if ds.Cities[c].Kind.Scored() && !yield(rankWithout{res.Cities[c].Slug, u.Year, w.Dimension, r}) {
						return
					}
				}
			}
		})
}

// matrixCell is what a partner does in a topic; the topic comes boxed
// once per topic.
type matrixCell struct {
	topic Value
	slug  string
	*compare.Cell
}

var matrixColumns = []column[matrixCell]{
	{Field{"topic", String, "", ""}, func(m matrixCell) Value { return m.topic }},
	{slugOnly, func(m matrixCell) Value { return m.slug }},
	{Field{"status", String, "", "most advanced status; empty: no measure"}, func(m matrixCell) Value {
		if !m.Has {
			return ""
		}
		return m.Best.String()
	}},
	{Field{"measures", Integer, "", "number of measures"}, func(m matrixCell) Value { return len(m.Measures) }},
}

func matrixTable(ds model.Dataset, cmp compare.Result) Table {
	return streamed(Table{Name: "strategy_matrix", Title: model.Text{De: "Themen und Städte", En: "Topics and cities"}},
		matrixColumns, func(yield func(matrixCell) bool) {
			for _, row := range cmp.Matrix {
				topic := Value(row.Topic)
				for c := range row.Cells {
					if !yield(matrixCell{topic, ds.Cities[c].Slug, &row.Cells[c]}) {
						return
					}
				}
			}
		})
}
