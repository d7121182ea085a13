package opendata

import (
	"github.com/digitale-staedte/benchmark/generator/compare"
	"github.com/digitale-staedte/benchmark/generator/model"
)

// speedTables are the delivery speed's downloads (compare.Speed): the
// figures by partner and topic, and the overdue measures.
func speedTables(sp compare.Speed) []Table {
	asOf := Field{"as_of", String, "", "build date the overdue measures are counted on, ISO 8601"}
	speed := Table{Name: "delivery_speed", Title: model.Text{De: "Umsetzungstempo", En: "Delivery speed"},
		Fields: []Field{{"city", String, "", "slug; empty: all partners"}, {"topic", String, "", "empty: all topics"},
			{"finished", Integer, "", "done measures with start and end known to the month"},
			{"median_months", Number, "months", "median whole calendar months from start to end of those; empty: none"},
			{"no_date", Integer, "", "done measures without a start or an end (not counted)"},
			{"year_only", Integer, "", "done measures with a date known only to the year (not counted)"},
			{"running", Integer, "", "measures in progress with a planned end"},
			{"overdue", Integer, "", "of those, past their planned end on as_of (an end known to the month or year counts as its last day)"},
			{"no_end", Integer, "", "measures in progress without a planned end"},
			{"fastest", Boolean, "", "the partner has the lowest median in the topic (ties: all); empty for the totals"}, asOf}}
	today := sp.Today.ISO()
	row := func(city, topic string, d compare.Delivery, fastest Value) []Value {
		var median Value
		if d.Finished > 0 {
			median = d.Median
		}
		return []Value{city, topic, d.Finished, median, d.NoDate, d.YearOnly, d.Running, d.Overdue, d.NoEnd, fastest, today}
	}
	fastest := map[[2]string]bool{}
	speed.Rows = append(speed.Rows, row("", "", sp.All, nil))
	for _, t := range sp.Topics {
		speed.Rows = append(speed.Rows, row("", t.Topic, t.Delivery, nil))
		for _, slug := range t.Fastest {
			fastest[[2]string{slug, t.Topic}] = true
		}
	}
	late := Table{Name: "overdue_measures", Title: model.Text{De: "Überfällige Maßnahmen", En: "Overdue measures"},
		Fields: []Field{{"city", String, "", "slug"}, {"id", String, "", "measure ID"}, {"topic", String, "", ""},
			{"end", String, "", "planned end as the workbook gives it, ISO 8601"},
			{"months_overdue", Integer, "months", "whole months from the planned end (its last day) to as_of"}, asOf}}
	for _, c := range sp.Cities {
		speed.Rows = append(speed.Rows, row(c.Slug, "", c.Delivery, nil))
		for _, t := range c.Topics {
			speed.Rows = append(speed.Rows, row(c.Slug, t.Topic, t.Delivery, fastest[[2]string{c.Slug, t.Topic}]))
		}
		for _, l := range c.Late {
			late.Rows = append(late.Rows, []Value{c.Slug, l.MeasureID, l.Topic, l.End.ISO(), l.Months, today})
		}
	}
	return []Table{speed, late}
}
