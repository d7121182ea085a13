package opendata

import (
	"iter"

	"github.com/digitale-staedte/benchmark/generator/compare"
	"github.com/digitale-staedte/benchmark/generator/model"
)

// speedTables are the delivery speed's downloads (compare.Speed): the
// figures by partner and topic, and the overdue measures.
func speedTables(sp compare.Speed) []Table {
	today := sp.Today.ISO()
	return []Table{
		built(Table{Name: "delivery_speed", Title: model.Text{De: "Umsetzungstempo", En: "Delivery speed"}},
			deliveryColumns(today), deliveries(sp)),
		built(Table{Name: "overdue_measures", Title: model.Text{De: "Überfällige Maßnahmen", En: "Overdue measures"}},
			lateColumns(today), lateMeasures(sp)),
	}
}

// asOf is the build date both tables count on.
func asOf[T any](today string) column[T] {
	return column[T]{Field{"as_of", String, "", "build date the overdue measures are counted on, ISO 8601"}, func(T) Value { return today }}
}

// delivery is a row of the delivery speed: a partner's ("" for all) in a
// topic ("" for all), and whether the partner was the fastest in it (nil
// for the totals).
type delivery struct {
	city, topic string
	compare.Delivery
	fastest Value
}

func deliveryColumns(today string) []column[delivery] {
	return []column[delivery]{
		{Field{"city", String, "", "slug; empty: all partners"}, func(d delivery) Value { return d.city }},
		{Field{"topic", String, "", "empty: all topics"}, func(d delivery) Value { return d.topic }},
		{Field{"finished", Integer, "", "done measures with start and end known to the month"}, func(d delivery) Value { return d.Finished }},
		{Field{"median_months", Number, "months", "median whole calendar months from start to end of those; empty: none"}, func(d delivery) Value {
			if d.Finished == 0 {
				return nil
			}
			return d.Median
		}},
		{Field{"no_date", Integer, "", "done measures without a start or an end (not counted)"}, func(d delivery) Value { return d.NoDate }},
		{Field{"year_only", Integer, "", "done measures with a date known only to the year (not counted)"}, func(d delivery) Value { return d.YearOnly }},
		{Field{"running", Integer, "", "measures in progress with a planned end"}, func(d delivery) Value { return d.Running }},
		{Field{"overdue", Integer, "", "of those, past their planned end on as_of (an end known to the month or year counts as its last day)"}, func(d delivery) Value { return d.Overdue }},
		{Field{"no_end", Integer, "", "measures in progress without a planned end"}, func(d delivery) Value { return d.NoEnd }},
		{Field{"fastest", Boolean, "", "the partner has the lowest median in the topic (ties: all); empty for the totals"}, func(d delivery) Value { return d.fastest }},
		asOf[delivery](today),
	}
}

// deliveries are the totals, each topic's, then partner by partner the
// partner's and each of its topics'.
func deliveries(sp compare.Speed) iter.Seq[delivery] {
	return func(yield func(delivery) bool) {
		if !yield(delivery{"", "", sp.All, nil}) {
			return
		}
		fastest := map[[2]string]bool{}
		for _, t := range sp.Topics {
			if !yield(delivery{"", t.Topic, t.Delivery, nil}) {
				return
			}
			for _, slug := range t.Fastest {
				fastest[[2]string{slug, t.Topic}] = true
			}
		}
		for _, c := range sp.Cities {
			if !yield(delivery{c.Slug, "", c.Delivery, nil}) {
				return
			}
			for _, t := range c.Topics {
				if !yield(delivery{c.Slug, t.Topic, t.Delivery, fastest[[2]string{c.Slug, t.Topic}]}) {
					return
				}
			}
		}
	}
}

// late is a partner's overdue measure.
type late struct {
	slug string
	compare.Late
}

func lateColumns(today string) []column[late] {
	return []column[late]{
		{slugOnly, func(l late) Value { return l.slug }},
		{Field{"id", String, "", "measure ID"}, func(l late) Value { return l.MeasureID }},
		{Field{"topic", String, "", ""}, func(l late) Value { return l.Topic }},
		{Field{"end", String, "", "planned end as the workbook gives it, ISO 8601"}, func(l late) Value { return l.End.ISO() }},
		{Field{"months_overdue", Integer, "months", "whole months from the planned end (its last day) to as_of"}, func(l late) Value { return l.Months }},
		asOf[late](today),
	}
}

func lateMeasures(sp compare.Speed) iter.Seq[late] {
	return func(yield func(late) bool) {
		for _, c := range sp.Cities {
			for _, l := range c.Late {
				if !yield(late{c.Slug, l}) {
					return
				}
			}
		}
	}
}
