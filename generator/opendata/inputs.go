package opendata

import (
	"iter"
	"slices"
	"strings"

	"github.com/digitale-staedte/benchmark/generator/model"
)

// The tables of the inputs, exactly as read: the framework's sheets and
// every partner's sheets.

var dimensionColumns = []column[model.Dimension]{
	{Field{"id", String, "", ""}, func(d model.Dimension) Value { return d.ID }},
	{Field{"name_de", String, "", ""}, func(d model.Dimension) Value { return d.Name.De }},
	{Field{"name_en", String, "", ""}, func(d model.Dimension) Value { return d.Name.En }},
	{Field{"weight", Number, "", "weight in the index"}, func(d model.Dimension) Value { return d.Weight }},
	{Field{"description_de", String, "", ""}, func(d model.Dimension) Value { return d.Description.De }},
	{Field{"description_en", String, "", ""}, func(d model.Dimension) Value { return d.Description.En }},
	{origin, func(d model.Dimension) Value { return cell(d.Pos) }},
}

func dimensionsTable(fw model.Framework) Table {
	return built(Table{Name: "dimensions", Title: model.Text{De: "Dimensionen", En: "Dimensions"}, Input: true},
		dimensionColumns, slices.Values(fw.Dimensions))
}

var indicatorColumns = []column[model.Indicator]{
	{Field{"id", String, "", ""}, func(i model.Indicator) Value { return i.ID }},
	{Field{"dimension", String, "", ""}, func(i model.Indicator) Value { return i.Dimension }},
	{Field{"name_de", String, "", ""}, func(i model.Indicator) Value { return i.Name.De }},
	{Field{"name_en", String, "", ""}, func(i model.Indicator) Value { return i.Name.En }},
	{Field{"unit_de", String, "", ""}, func(i model.Indicator) Value { return i.Unit.De }},
	{Field{"unit_en", String, "", ""}, func(i model.Indicator) Value { return i.Unit.En }},
	{Field{"direction", String, "", "higher or lower is better"}, func(i model.Indicator) Value { return i.Direction.String() }},
	{Field{"weight", Number, "", "weight within its dimension"}, func(i model.Indicator) Value { return i.Weight }},
	{Field{"goalpost_min", Number, "", ""}, func(i model.Indicator) Value {
		if i.Goalposts == nil {
			return nil
		}
		return i.Goalposts.Min
	}},
	{Field{"goalpost_max", Number, "", ""}, func(i model.Indicator) Value {
		if i.Goalposts == nil {
			return nil
		}
		return i.Goalposts.Max
	}},
	{Field{"transform", String, "", "none or log"}, func(i model.Indicator) Value { return i.Transform.String() }},
	{Field{"normalisation", String, "", "goalposts, minmax, zscore or rank"}, func(i model.Indicator) Value { return i.Normalisation.String() }},
	{Field{"source", String, "", ""}, func(i model.Indicator) Value { return i.Source }},
	{Field{"decimals", Integer, "", "digits shown; empty: as in the data"}, func(i model.Indicator) Value { return nonNeg(i.Decimals) }},
	{Field{"description_de", String, "", ""}, func(i model.Indicator) Value { return i.Description.De }},
	{Field{"description_en", String, "", ""}, func(i model.Indicator) Value { return i.Description.En }},
	{origin, func(i model.Indicator) Value { return cell(i.Pos) }},
}

func indicatorsTable(fw model.Framework) Table {
	return built(Table{Name: "indicators", Title: model.Text{De: "Kennzahlen", En: "Indicators"}, Input: true},
		indicatorColumns, slices.Values(fw.Indicators))
}

var topicColumns = []column[model.Topic]{
	{Field{"id", String, "", ""}, func(t model.Topic) Value { return t.ID }},
	{Field{"dimension", String, "", ""}, func(t model.Topic) Value { return t.Dimension }},
	{Field{"name_de", String, "", ""}, func(t model.Topic) Value { return t.Name.De }},
	{Field{"name_en", String, "", ""}, func(t model.Topic) Value { return t.Name.En }},
	{origin, func(t model.Topic) Value { return cell(t.Pos) }},
}

func topicsTable(fw model.Framework) Table {
	return built(Table{Name: "topics", Title: model.Text{De: "Themen", En: "Topics"}, Input: true},
		topicColumns, slices.Values(fw.Topics))
}

// level is a maturity level and its position in the levels sheet.
type level struct {
	n int
	model.Level
}

func levelsTable(fw model.Framework, sc scoring) Table {
	cols := []column[level]{
		{Field{"level", Integer, "", "position in the levels sheet, from 0"}, func(l level) Value { return l.n }},
		{Field{"min", Number, sc.scale, "lowest index score of the level"}, func(l level) Value { return l.Min }},
		{Field{"name_de", String, "", ""}, func(l level) Value { return l.Name.De }},
		{Field{"name_en", String, "", ""}, func(l level) Value { return l.Name.En }},
		{origin, func(l level) Value { return cell(l.Pos) }},
	}
	return built(Table{Name: "levels", Title: model.Text{De: "Reifegrade", En: "Maturity levels"}, Input: true},
		cols, func(yield func(level) bool) {
			for i, l := range fw.Levels {
				if !yield(level{i, l}) {
					return
				}
			}
		})
}

// fact is a row of a partner's city sheet.
type fact struct {
	c *model.City
	model.Fact
}

var factColumns = []column[fact]{
	{slugOnly, func(f fact) Value { return f.c.Slug }},
	{Field{"key", String, "", "name, state, population, website, …"}, func(f fact) Value { return f.Key }},
	{Field{"value", String, "", "as written in the city sheet, but dates as ISO 8601 (2019-07-24, as precise as known), numbers as plain numbers (1510000, 48.1374) and the kind of partner as its key (municipal_company; a partner without the row is a municipality)"},
		func(f fact) Value { return factValue(f.c, f.Fact) }},
	{Field{"source", String, "", ""}, func(f fact) Value { return f.Source }},
	{Field{"illustrative", Boolean, "", "the source marks the value as an example"}, func(f fact) Value { return f.Illustrative }},
	{origin, func(f fact) Value { return cell(f.Pos) }},
}

func factsTable(ds model.Dataset) Table {
	return built(Table{Name: "city_facts", Title: model.Text{De: "Angaben der Städte", En: "City facts"}, Input: true},
		factColumns, func(yield func(fact) bool) {
			for i := range ds.Cities {
				c := &ds.Cities[i]
				for _, f := range c.Facts {
					if !yield(fact{c, f}) {
						return
					}
				}
			}
		})
}

// kpiValue is one value of a partner's KPI sheet. Its texts and year come
// already put into Values, each a copy on the heap: boxed once per city or
// KPI (or, the year, once per pass), not once per row.
type kpiValue struct {
	slug, ind, src, note, ill, year Value
	o                               *model.Observation
}

var kpiColumns = []column[kpiValue]{
	{slugOnly, func(k kpiValue) Value { return k.slug }},
	{Field{"indicator", String, "", ""}, func(k kpiValue) Value { return k.ind }},
	{Field{"year", Integer, "", ""}, func(k kpiValue) Value { return k.year }},
	{Field{"value", Number, "", "in the indicator's unit"}, func(k kpiValue) Value { return k.o.Value }},
	{Field{"source", String, "", ""}, func(k kpiValue) Value { return k.src }},
	{Field{"note", String, "", ""}, func(k kpiValue) Value { return k.note }},
	{Field{"illustrative", Boolean, "", "the source marks the values as examples"}, func(k kpiValue) Value { return k.ill }},
	{origin, func(k kpiValue) Value { return cell(k.o.Pos) }},
}

func kpisTable(ds model.Dataset) Table {
	return streamed(Table{Name: "kpi_values", Title: model.Text{De: "Kennzahlwerte", En: "KPI values"}, Input: true, perValue: true},
		kpiColumns, kpiValues(ds))
}

func kpiValues(ds model.Dataset) iter.Seq[kpiValue] {
	return func(yield func(kpiValue) bool) {
		year := boxes{}
		for i := range ds.Cities {
			c := &ds.Cities[i]
			slug := Value(c.Slug)
			for j := range c.KPIs {
				k := &c.KPIs[j]
				v := kpiValue{slug: slug, ind: k.Indicator, src: k.Source, note: k.Note, ill: k.Illustrative}
				for n := range k.Values {
					v.o = &k.Values[n]
					v.year = year.of(v.o.Year)
					if !yield(v) {
						return
					}
				}
			}
		}
	}
}

// measure is a row of a partner's measures sheet.
type measure struct {
	slug Value
	*model.Measure
}

var measureColumns = []column[measure]{
	{slugOnly, func(m measure) Value { return m.slug }},
	{Field{"id", String, "", ""}, func(m measure) Value { return m.ID }},
	{Field{"title_de", String, "", ""}, func(m measure) Value { return m.Title.De }},
	{Field{"title_en", String, "", ""}, func(m measure) Value { return m.Title.En }},
	{Field{"topic", String, "", ""}, func(m measure) Value { return m.Topic }},
	{Field{"status", String, "", "planned, in_progress, done or stopped"}, func(m measure) Value { return m.Status.String() }},
	{Field{"progress", Number, "%", "share done, 0–100, as the workbook gives it; a done measure without one is 100; empty: not given"},
		func(m measure) Value {
			if pct, ok := m.ProgressPct(); ok {
				return pct
			}
			return nil
		}},
	{Field{"start", String, "", "ISO date, as precise as known"}, func(m measure) Value { return m.Start.ISO() }},
	{Field{"end", String, "", "ISO date, as precise as known"}, func(m measure) Value { return m.End.ISO() }},
	{Field{"budget", Number, "EUR", ""}, func(m measure) Value {
		if m.Budget == nil {
			return nil
		}
		return *m.Budget
	}},
	{Field{"lead", String, "", "lead unit"}, func(m measure) Value { return m.Lead }},
	{Field{"description_de", String, "", ""}, func(m measure) Value { return m.Description.De }},
	{Field{"description_en", String, "", ""}, func(m measure) Value { return m.Description.En }},
	{Field{"link", String, "", ""}, func(m measure) Value { return m.Link }},
	{Field{"source", String, "", ""}, func(m measure) Value { return m.Source }},
	{Field{"illustrative", Boolean, "", ""}, func(m measure) Value { return m.Illustrative }},
	{Field{"partners", String, "", "a joint project's other partners as the row names them, by slug, separated by \"; \"; the row's city leads"},
		func(m measure) Value { return strings.Join(m.Partners, "; ") }},
	{origin, func(m measure) Value { return cell(m.Pos) }},
}

func measuresTable(ds model.Dataset) Table {
	return streamed(Table{Name: "measures", Title: model.Text{De: "Maßnahmen", En: "Measures"}, Input: true},
		measureColumns, func(yield func(measure) bool) {
			for i := range ds.Cities {
				c := &ds.Cities[i]
				slug := Value(c.Slug)
				for j := range c.Measures {
					if !yield(measure{slug, &c.Measures[j]}) {
						return
					}
				}
			}
		})
}

// report is a row of a partner's reports sheet.
type report struct {
	slug string
	model.Report
}

var reportColumns = []column[report]{
	{slugOnly, func(r report) Value { return r.slug }},
	{Field{"date", String, "", "ISO date, as precise as known; reports dated after the build are left out until then"}, func(r report) Value { return r.Date.ISO() }},
	{Field{"title_de", String, "", ""}, func(r report) Value { return r.Title.De }},
	{Field{"title_en", String, "", ""}, func(r report) Value { return r.Title.En }},
	{Field{"text_de", String, "", "plain text; a line is a paragraph"}, func(r report) Value { return r.Text.De }},
	{Field{"text_en", String, "", ""}, func(r report) Value { return r.Text.En }},
	{Field{"topic", String, "", ""}, func(r report) Value { return r.Topic }},
	{Field{"measure", String, "", "measure ID"}, func(r report) Value { return r.MeasureID }},
	{Field{"link", String, "", ""}, func(r report) Value { return r.Link }},
	{origin, func(r report) Value { return cell(r.Pos) }},
}

func reportsTable(ds model.Dataset) Table {
	return built(Table{Name: "reports", Title: model.Text{De: "Berichte", En: "Reports"}, Input: true},
		reportColumns, func(yield func(report) bool) {
			for _, c := range ds.Cities {
				for _, r := range c.Reports {
					if !yield(report{c.Slug, r}) {
						return
					}
				}
			}
		})
}
