package sitedata

import (
	"github.com/digitale-staedte/benchmark/generator/compare"
	"github.com/digitale-staedte/benchmark/generator/model"
)

// Delivery speed as the pages show it (compare.Speed): medians in months
// and shares in % with one decimal, null where there is nothing to count.

// monthDigits: a median of an even count can end in a half month.
const monthDigits = 1

// Speed backs the strategy page's speed section.
type Speed struct {
	Today string   `json:"today"` // the build date the overdue measures are counted on, ISO
	All   Delivery `json:"all"`
	// Cities: one row per partner in city order, up to the list limit;
	// empty above it (the downloads have every partner's row).
	Cities []CitySpeedRow `json:"cities"`
	Topics []TopicSpeed   `json:"topics"` // framework topic order
}

// Delivery is compare.Delivery as published.
type Delivery struct {
	Finished int      `json:"finished"`      // done measures with start and end to the month
	Median   *float64 `json:"median_months"` // their median duration; null without any
	NoDate   int      `json:"no_date"`       // done, without a start or an end
	YearOnly int      `json:"year_only"`     // done, a date known only to the year
	Running  int      `json:"running"`       // in progress with a planned end
	Overdue  int      `json:"overdue"`       // of them past their planned end
	// OverduePct is Overdue of Running in %; null without running measures.
	OverduePct *float64 `json:"overdue_pct"`
	NoEnd      int      `json:"no_end"` // in progress without a planned end
}

// CitySpeedRow is one partner's row of the strategy page's table.
type CitySpeedRow struct {
	Slug string `json:"slug"`
	Delivery
}

// TopicSpeed is one topic across the partners, with its fastest ones.
type TopicSpeed struct {
	Topic     string `json:"topic"`
	Dimension string `json:"dimension"`
	Delivery
	// Fastest are the partners with the lowest median in the topic (all
	// tied ones, by slug), FastestMonths that median; empty and null when
	// no partner has a finished measure with its dates there.
	Fastest       []string `json:"fastest"`
	FastestMonths *float64 `json:"fastest_months"`
}

// CitySpeed backs a city page's speed section.
type CitySpeed struct {
	Delivery
	// Topics are the topics with a done or running measure of the city,
	// in framework order, each with every partner's figures beside.
	Topics []CityTopicSpeed `json:"topics"`
	Late   []LateMeasure    `json:"late"` // most months overdue first
}

// CityTopicSpeed is the city's delivery in one topic beside all partners'.
type CityTopicSpeed struct {
	Topic string `json:"topic"`
	Delivery
	// PartnersMedian is every partner's median in the topic (the city's
	// own measures included); Fastest and FastestMonths as in TopicSpeed.
	PartnersMedian *float64 `json:"partners_median_months"`
	Fastest        []string `json:"fastest"`
	FastestMonths  *float64 `json:"fastest_months"`
}

// LateMeasure is a measure in progress past its planned end.
type LateMeasure struct {
	ID     string     `json:"id"`
	Title  model.Text `json:"title"`
	Topic  string     `json:"topic"`
	End    string     `json:"end"`    // as the workbook gives it, ISO
	Months int        `json:"months"` // whole months overdue on the build date
}

func delivery(d compare.Delivery) Delivery {
	out := Delivery{Finished: d.Finished, NoDate: d.NoDate, YearOnly: d.YearOnly,
		Running: d.Running, Overdue: d.Overdue, NoEnd: d.NoEnd}
	if d.Finished > 0 {
		out.Median = ptr(round(d.Median, monthDigits))
	}
	if d.Running > 0 {
		out.OverduePct = ptr(round(d.OverdueShare()*100, pctDigits))
	}
	return out
}

// speed is the strategy page's part of sp; full says whether the site
// lists every partner.
func speed(sp compare.Speed, fw model.Framework, full bool) Speed {
	out := Speed{Today: sp.Today.ISO(), All: delivery(sp.All), Cities: []CitySpeedRow{}, Topics: []TopicSpeed{}}
	if full {
		for _, c := range sp.Cities {
			out.Cities = append(out.Cities, CitySpeedRow{Slug: c.Slug, Delivery: delivery(c.Delivery)})
		}
	}
	dimOf := map[string]string{}
	for _, t := range fw.Topics {
		dimOf[t.ID] = t.Dimension
	}
	for _, t := range sp.Topics {
		ts := TopicSpeed{Topic: t.Topic, Dimension: dimOf[t.Topic], Delivery: delivery(t.Delivery),
			Fastest: append([]string{}, t.Fastest...)}
		if len(t.Fastest) > 0 {
			ts.FastestMonths = ptr(round(t.FastestMonths, monthDigits))
		}
		out.Topics = append(out.Topics, ts)
	}
	return out
}

// citySpeed is a city page's part of sp; topics are the strategy page's
// (speed), to set the partners' figures beside the city's.
func citySpeed(c compare.CitySpeed, topics []TopicSpeed) CitySpeed {
	out := CitySpeed{Delivery: delivery(c.Delivery), Topics: []CityTopicSpeed{}, Late: []LateMeasure{}}
	byTopic := make(map[string]TopicSpeed, len(topics))
	for _, t := range topics {
		byTopic[t.Topic] = t
	}
	for _, t := range c.Topics {
		all := byTopic[t.Topic]
		out.Topics = append(out.Topics, CityTopicSpeed{Topic: t.Topic, Delivery: delivery(t.Delivery),
			PartnersMedian: all.Median, Fastest: all.Fastest, FastestMonths: all.FastestMonths})
	}
	for _, l := range c.Late {
		out.Late = append(out.Late, LateMeasure{ID: l.MeasureID, Title: l.Title, Topic: l.Topic, End: l.End.ISO(), Months: l.Months})
	}
	return out
}
