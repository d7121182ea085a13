// Package opendata turns the dataset and its results into the open-data
// downloads: one table per kind of record, written as CSV (comma and, for
// German Excel, semicolon with decimal comma), JSON, the tables with a row
// per value also as Parquet, one XLSX workbook, a Frictionless data
// package describing them, and a ZIP of everything.
//
// Tables are built purely here; the XLSX bytes come from the workbook
// package (the only excelize importer) and files reach the disk only in
// the pipeline.
package opendata

import (
	"iter"
	"strconv"
	"strings"

	"github.com/digitale-staedte/benchmark/generator/compare"
	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/score"
)

// Type is a Table Schema field type.
type Type string

const (
	String  Type = "string"
	Number  Type = "number"
	Integer Type = "integer"
	Boolean Type = "boolean"
)

// Field describes one column.
type Field struct {
	Name        string
	Type        Type
	Unit        string // e.g. "points (0–100)"; "" when not a measurement
	Description string // English, as Frictionless descriptors usually are
}

// Value is one cell: nil (missing), string, float64, int or bool.
type Value = any

// Table is one download: a name (the file's base name), a title, its
// fields and its rows, in a stable order.
type Table struct {
	Name   string
	Title  model.Text
	Input  bool // read from the spreadsheets (else computed)
	Fields []Field
	// Rows holds the rows of a table built whole. The tables with a row per
	// value, score, measure or topic and city (millions of rows at national
	// scale, gigabytes as Values) have none: they are generated afresh from
	// the data set, the scores and the comparison on every pass over All.
	Rows [][]Value
	// perValue marks the tables with a row per value and year (their rows
	// grow with cities × indicators × years), which also come as Parquet.
	perValue bool
	gen      iter.Seq[[]Value]
	n        int // rows gen yields
}

// All yields the rows in order. A generated table yields one slice,
// refilled for every row: a caller that keeps a row must copy it.
func (t Table) All() iter.Seq[[]Value] {
	if t.gen != nil {
		return t.gen
	}
	return func(yield func([]Value) bool) {
		for _, row := range t.Rows {
			if !yield(row) {
				return
			}
		}
	}
}

// Len is the number of rows.
func (t Table) Len() int {
	if t.gen != nil {
		return t.n
	}
	return len(t.Rows)
}

// originField is the column naming the file and cell a value was read
// from; partnerField the one holding the partner's slug.
const (
	originField  = "origin"
	partnerField = "city"
)

// Tables lists every download table: first the inputs exactly as read,
// then the results. Rows follow the framework's and the cities' order.
func Tables(ds model.Dataset, res score.Result, cmp compare.Result) []Table {
	fw := ds.Framework
	digits := res.Method.Decimals
	pub := func(v score.Value) Value {
		if !v.OK {
			return nil
		}
		return score.Round(v.V, digits)
	}
	scale := "points (0–" + strconv.FormatFloat(res.Method.Scale, 'f', -1, 64) + ")"
	published := "published, rounded to " + strconv.Itoa(digits) + " decimal(s)"
	rankRule := "competition rank (1, 2, 2, 4) on the rounded scores; empty: not ranked"
	if res.Method.RankUnrounded {
		rankRule = "competition rank (1, 2, 2, 4) on the unrounded scores; empty: not ranked"
	}
	origin := Field{originField, String, "", "file and cell the value was read from"}

	dims := Table{Name: "dimensions", Title: model.Text{De: "Dimensionen", En: "Dimensions"}, Input: true,
		Fields: []Field{{"id", String, "", ""}, {"name_de", String, "", ""}, {"name_en", String, "", ""},
			{"weight", Number, "", "weight in the index"}, {"description_de", String, "", ""}, {"description_en", String, "", ""}, origin}}
	for _, d := range fw.Dimensions {
		dims.Rows = append(dims.Rows, []Value{d.ID, d.Name.De, d.Name.En, d.Weight, d.Description.De, d.Description.En, cell(d.Pos)})
	}

	inds := Table{Name: "indicators", Title: model.Text{De: "Kennzahlen", En: "Indicators"}, Input: true,
		Fields: []Field{{"id", String, "", ""}, {"dimension", String, "", ""}, {"name_de", String, "", ""}, {"name_en", String, "", ""},
			{"unit_de", String, "", ""}, {"unit_en", String, "", ""}, {"direction", String, "", "higher or lower is better"}, {"weight", Number, "", "weight within its dimension"},
			{"goalpost_min", Number, "", ""}, {"goalpost_max", Number, "", ""}, {"transform", String, "", "none or log"},
			{"normalisation", String, "", "goalposts, minmax, zscore or rank"}, {"source", String, "", ""},
			{"decimals", Integer, "", "digits shown; empty: as in the data"},
			{"description_de", String, "", ""}, {"description_en", String, "", ""}, origin}}
	for _, ind := range fw.Indicators {
		var lo, hi, dec Value
		if g := ind.Goalposts; g != nil {
			lo, hi = g.Min, g.Max
		}
		if ind.Decimals >= 0 {
			dec = ind.Decimals
		}
		inds.Rows = append(inds.Rows, []Value{ind.ID, ind.Dimension, ind.Name.De, ind.Name.En, ind.Unit.De, ind.Unit.En, ind.Direction.String(),
			ind.Weight, lo, hi, ind.Transform.String(), ind.Normalisation.String(), ind.Source, dec,
			ind.Description.De, ind.Description.En, cell(ind.Pos)})
	}

	topics := Table{Name: "topics", Title: model.Text{De: "Themen", En: "Topics"}, Input: true,
		Fields: []Field{{"id", String, "", ""}, {"dimension", String, "", ""}, {"name_de", String, "", ""}, {"name_en", String, "", ""}, origin}}
	for _, t := range fw.Topics {
		topics.Rows = append(topics.Rows, []Value{t.ID, t.Dimension, t.Name.De, t.Name.En, cell(t.Pos)})
	}

	levels := Table{Name: "levels", Title: model.Text{De: "Reifegrade", En: "Maturity levels"}, Input: true,
		Fields: []Field{{"level", Integer, "", "position in the levels sheet, from 0"}, {"min", Number, scale, "lowest index score of the level"},
			{"name_de", String, "", ""}, {"name_en", String, "", ""}, origin}}
	for i, l := range fw.Levels {
		levels.Rows = append(levels.Rows, []Value{i, l.Min, l.Name.De, l.Name.En, cell(l.Pos)})
	}

	facts := Table{Name: "city_facts", Title: model.Text{De: "Angaben der Städte", En: "City facts"}, Input: true,
		Fields: []Field{{"city", String, "", "slug"}, {"key", String, "", "name, state, population, website, …"},
			{"value", String, "", "as written in the city sheet, but dates as ISO 8601 (2019-07-24, as precise as known), numbers as plain numbers (1510000, 48.1374) and the kind of partner as its key (municipal_company; a partner without the row is a municipality)"}, {"source", String, "", ""},
			{"illustrative", Boolean, "", "the source marks the value as an example"}, origin}}
	kpis := Table{Name: "kpi_values", Title: model.Text{De: "Kennzahlwerte", En: "KPI values"}, Input: true, perValue: true,
		Fields: []Field{{"city", String, "", "slug"}, {"indicator", String, "", ""}, {"year", Integer, "", ""},
			{"value", Number, "", "in the indicator's unit"}, {"source", String, "", ""}, {"note", String, "", ""},
			{"illustrative", Boolean, "", "the source marks the values as examples"}, origin}}
	measures := Table{Name: "measures", Title: model.Text{De: "Maßnahmen", En: "Measures"}, Input: true,
		Fields: []Field{{"city", String, "", "slug"}, {"id", String, "", ""}, {"title_de", String, "", ""}, {"title_en", String, "", ""},
			{"topic", String, "", ""}, {"status", String, "", "planned, in_progress, done or stopped"},
			{"progress", Number, "%", "share done, 0–100, as the workbook gives it; a done measure without one is 100; empty: not given"},
			{"start", String, "", "ISO date, as precise as known"}, {"end", String, "", "ISO date, as precise as known"},
			{"budget", Number, "EUR", ""}, {"lead", String, "", "lead unit"}, {"description_de", String, "", ""}, {"description_en", String, "", ""},
			{"link", String, "", ""}, {"source", String, "", ""}, {"illustrative", Boolean, "", ""},
			{"partners", String, "", "a joint project's other partners as the row names them, by slug, separated by \"; \"; the row's city leads"}, origin}}
	for _, c := range ds.Cities {
		for _, f := range c.Facts {
			facts.Rows = append(facts.Rows, []Value{c.Slug, f.Key, factValue(c, f), f.Source, f.Illustrative, cell(f.Pos)})
		}
		for _, k := range c.KPIs {
			kpis.n += len(k.Values)
		}
		measures.n += len(c.Measures)
	}
	measures.gen = func(yield func([]Value) bool) {
		row := make([]Value, len(measures.Fields))
		for _, c := range ds.Cities {
			slug := Value(c.Slug)
			for _, m := range c.Measures {
				var budget, progress Value
				if m.Budget != nil {
					budget = *m.Budget
				}
				if pct, ok := m.ProgressPct(); ok {
					progress = pct
				}
				row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8] = slug, m.ID, m.Title.De, m.Title.En, m.Topic, m.Status.String(),
					progress, m.Start.ISO(), m.End.ISO()
				row[9], row[10], row[11], row[12], row[13], row[14], row[15], row[16], row[17] = budget, m.Lead, m.Description.De, m.Description.En, m.Link, m.Source,
					m.Illustrative, strings.Join(m.Partners, "; "), cell(m.Pos)
				if !yield(row) {
					return
				}
			}
		}
	}
	kpis.gen = func(yield func([]Value) bool) {
		// A text or a year put into a Value is a copy on the heap: each is
		// boxed once per city or KPI, not once per row.
		year := boxes{}
		row := make([]Value, len(kpis.Fields))
		for _, c := range ds.Cities {
			slug := Value(c.Slug)
			for _, k := range c.KPIs {
				ind, src, note, ill := Value(k.Indicator), Value(k.Source), Value(k.Note), Value(k.Illustrative)
				for _, o := range k.Values {
					row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7] = slug, ind, year.of(o.Year), o.Value, src, note, ill, cell(o.Pos)
					if !yield(row) {
						return
					}
				}
			}
		}
	}

	index := Table{Name: "index_scores", Title: model.Text{De: "Index, Rang und Reifegrad", En: "Index, rank and level"},
		Fields: []Field{{"city", String, "", "slug"}, {"year", Integer, "", ""}, {"index", Number, scale, published},
			{"coverage", Number, "share 0–1", "share of dimension weight with a score"},
			{"rank", Integer, "", rankRule}, {"ranked_cities", Integer, "", ""},
			{"level", Integer, "", "position in the levels table"}, {"next_level", Integer, "", ""}, {"points_to_next_level", Number, scale, ""},
			{"change_index", Number, scale, "against prev_year"}, {"change_rank", Integer, "", "places gained against prev_year"},
			{"prev_year", Integer, "", ""}}}
	dimScores := Table{Name: "dimension_scores", Title: model.Text{De: "Punktwerte der Dimensionen", En: "Dimension scores"}, perValue: true,
		Fields: []Field{{"city", String, "", "slug"}, {"year", Integer, "", ""}, {"dimension", String, "", ""},
			{"score", Number, scale, published}, {"coverage", Number, "share 0–1", "share of indicator weight with a score"},
			{"rank", Integer, "", rankRule}}}
	indScores := Table{Name: "indicator_scores", Title: model.Text{De: "Punktwerte der Kennzahlen", En: "Indicator scores"}, perValue: true,
		Fields: []Field{{"city", String, "", "slug"}, {"year", Integer, "", ""}, {"indicator", String, "", ""},
			{"value", Number, "", "as scored, in the indicator's unit"}, {"carried_from", Integer, "", "year the value was reported in, when carried forward"},
			{"score", Number, scale, published}, {"clamped", Boolean, "", "outside the goalposts"}, {"rank", Integer, "", rankRule}}}
	for _, city := range res.Cities {
		for _, y := range city.Years {
			if !scored(y) {
				continue
			}
			index.Rows = append(index.Rows, []Value{city.Slug, y.Year, pub(y.Index), y.IndexCoverage, posInt(y.Rank), y.RankOf,
				nonNeg(y.Level), nonNeg(y.NextLevel), toNext(y), pub(y.Change.Index), changeRank(y.Change), nonZero(y.Change.PrevYear)})
			dimScores.n += len(y.Dimensions)
			for _, is := range y.Indicators {
				if is.Raw.OK {
					indScores.n++
				}
			}
		}
	}
	dimScores.gen = func(yield func([]Value) bool) {
		row := make([]Value, len(dimScores.Fields))
		for _, city := range res.Cities {
			slug := Value(city.Slug)
			for _, y := range city.Years {
				if !scored(y) {
					continue
				}
				year := Value(y.Year)
				for _, d := range y.Dimensions {
					row[0], row[1], row[2], row[3], row[4], row[5] = slug, year, d.ID, pub(d.Score), d.Coverage, posInt(d.Rank)
					if !yield(row) {
						return
					}
				}
			}
		}
	}
	indScores.gen = func(yield func([]Value) bool) {
		indIDs := make([]Value, len(fw.Indicators))
		for i, ind := range fw.Indicators {
			indIDs[i] = ind.ID
		}
		year := boxes{}
		row := make([]Value, len(indScores.Fields))
		for _, city := range res.Cities {
			slug := Value(city.Slug)
			for _, y := range city.Years {
				if !scored(y) {
					continue
				}
				for i, is := range y.Indicators {
					if !is.Raw.OK {
						continue
					}
					row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7] = slug, year.of(y.Year), indIDs[i], is.Raw.V,
						nonZero(is.CarriedFrom), pub(is.Score), is.Clamped, posInt(is.Rank)
					if !yield(row) {
						return
					}
				}
			}
		}
	}

	unc := Table{Name: "rank_uncertainty", Title: model.Text{De: "Unsicherheit der Ränge", En: "Rank uncertainty"},
		Fields: []Field{{"city", String, "", "slug"}, {"year", Integer, "", ""}, {"rank", Integer, "", "published rank"},
			{"median_rank", Integer, "", "over the Monte Carlo draws"}, {"rank_p05", Integer, "", "5th percentile"},
			{"rank_p95", Integer, "", "95th percentile"}, {"draws", Integer, "", ""}}}
	u := res.Uncertainty
	for c, ri := range u.Cities {
		if ri.Nominal == 0 {
			continue
		}
		unc.Rows = append(unc.Rows, []Value{res.Cities[c].Slug, u.Year, ri.Nominal, ri.Median, ri.Low, ri.High, ri.Ranked})
	}
	without := Table{Name: "rank_without_dimension", Title: model.Text{De: "Rang ohne eine Dimension", En: "Rank without one dimension"},
		Fields: []Field{{"city", String, "", "slug"}, {"year", Integer, "", ""}, {"dimension", String, "", "left out"},
			{"rank", Integer, "", "rank when the index is computed without the dimension"}}}
	for _, w := range u.RemoveOne {
		for c, r := range w.Ranks {
			if !ds.Cities[c].Kind.Scored() {
				continue
			}
			without.Rows = append(without.Rows, []Value{res.Cities[c].Slug, u.Year, w.Dimension, posInt(r)})
		}
	}

	matrix := Table{Name: "strategy_matrix", Title: model.Text{De: "Themen und Städte", En: "Topics and cities"},
		Fields: []Field{{"topic", String, "", ""}, {"city", String, "", "slug"}, {"status", String, "", "most advanced status; empty: no measure"},
			{"measures", Integer, "", "number of measures"}}}
	for _, row := range cmp.Matrix {
		matrix.n += len(row.Cells)
	}
	matrix.gen = func(yield func([]Value) bool) {
		r := make([]Value, len(matrix.Fields))
		for _, row := range cmp.Matrix {
			topic := Value(row.Topic)
			for c, cellv := range row.Cells {
				status := ""
				if cellv.Has {
					status = cellv.Best.String()
				}
				r[0], r[1], r[2], r[3] = topic, ds.Cities[c].Slug, status, len(cellv.Measures)
				if !yield(r) {
					return
				}
			}
		}
	}

	reports := Table{Name: "reports", Title: model.Text{De: "Berichte", En: "Reports"}, Input: true,
		Fields: []Field{{"city", String, "", "slug"}, {"date", String, "", "ISO date, as precise as known; reports dated after the build are left out until then"},
			{"title_de", String, "", ""}, {"title_en", String, "", ""}, {"text_de", String, "", "plain text; a line is a paragraph"}, {"text_en", String, "", ""},
			{"topic", String, "", ""}, {"measure", String, "", "measure ID"}, {"link", String, "", ""}, origin}}
	for _, c := range ds.Cities {
		for _, r := range c.Reports {
			reports.Rows = append(reports.Rows, []Value{c.Slug, r.Date.ISO(), r.Title.De, r.Title.En, r.Text.De, r.Text.En,
				r.Topic, r.MeasureID, r.Link, cell(r.Pos)})
		}
	}

	return append([]Table{dims, inds, topics, levels, facts, kpis, measures, offersTable(ds), reports, index, dimScores, indScores, unc, without, matrix},
		speedTables(cmp.Speed)...)
}

// factValue is a fact as the downloads give it: the adoption date as ISO
// 8601, however the cell held it (an Excel date arrives as its day number,
// 43670), and the population and coordinates as the numbers read; every
// other fact as written.
func factValue(c model.City, f model.Fact) string {
	switch f.Key {
	case "adopted":
		if !c.Strategy.Adopted.IsZero() {
			return c.Strategy.Adopted.ISO()
		}
	case "population":
		if c.Population > 0 {
			return strconv.Itoa(c.Population)
		}
	case "kind":
		if f.Value != "" {
			return c.Kind.String() // the key, whatever word the sheet used
		}
	case "lat", "lon":
		v := c.Lat
		if f.Key == "lon" {
			v = c.Lon
		}
		if v != nil {
			return strconv.FormatFloat(*v, 'f', -1, 64)
		}
	}
	return f.Value
}

// scored says whether a city has anything at all in a year: an index,
// some coverage or a dimension score. Years without are left out.
func scored(y score.Year) bool {
	if y.Index.OK || y.IndexCoverage != 0 {
		return true
	}
	for _, d := range y.Dimensions {
		if d.Score.OK {
			return true
		}
	}
	return false
}

// cell is "framework.xlsx: Indikatoren!A7" without the folders, so the
// downloads do not depend on where the build ran.
func cell(p model.Pos) string {
	q := p
	q.File = baseName(p.File)
	return q.String()
}

func baseName(path string) string {
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == '/' || path[i] == '\\' {
			return path[i+1:]
		}
	}
	return path
}

// boxes shares one Value per int (a year).
type boxes map[int]Value

func (b boxes) of(n int) Value {
	v, ok := b[n]
	if !ok {
		v = n
		b[n] = v
	}
	return v
}

func posInt(n int) Value {
	if n <= 0 {
		return nil
	}
	return n
}

func nonNeg(n int) Value {
	if n < 0 {
		return nil
	}
	return n
}

func nonZero(n int) Value {
	if n == 0 {
		return nil
	}
	return n
}

func toNext(y score.Year) Value {
	if y.NextLevel < 0 {
		return nil
	}
	return y.ToNext
}

func changeRank(c score.Change) Value {
	if !c.RankOK {
		return nil
	}
	return c.Rank
}
