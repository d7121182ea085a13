package compare

import (
	"cmp"
	"slices"
	"time"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/stats"
)

// Speed is how fast the partners deliver: how long their finished measures
// took from start to end, and how many of their running measures are past
// their planned end on the build date. It is computed from the dates the
// workbooks give and nothing else; a measure whose dates do not allow a
// figure is counted as such, never estimated.
//
// Months are whole calendar months (WholeMonths). A duration needs start
// and end known at least to the month: a date known only to the year
// could lie anywhere in it, so such a measure is counted in YearOnly
// instead. A planned end known only to the month or year is taken at its
// last day, so that a measure is called overdue only once it certainly is.
// Planned and stopped measures take no part.
type Speed struct {
	Today  model.Date
	All    Delivery     // every partner's measures together
	Cities []CitySpeed  // ds.Cities order
	Topics []TopicSpeed // framework topic order
}

// Delivery sums up the measures of a partner, a topic or both.
type Delivery struct {
	// Finished counts the done measures with start and end known to the
	// month; Median is the median of their durations in months (the mean
	// of the two middle ones for an even count), 0 when Finished is 0.
	Finished int
	Median   float64
	// NoDate counts the done measures without a start or an end; YearOnly
	// those whose start or end is known only to the year.
	NoDate, YearOnly int
	// Running counts the measures in progress with a planned end; Overdue
	// those of them whose end lies before the build date. NoEnd counts the
	// measures in progress without a planned end (open-ended).
	Running, Overdue, NoEnd int
}

// OverdueShare is Overdue/Running, 0 without running measures.
func (d Delivery) OverdueShare() float64 {
	if d.Running == 0 {
		return 0
	}
	return float64(d.Overdue) / float64(d.Running)
}

// CitySpeed is one partner's delivery, in all and by topic.
type CitySpeed struct {
	Slug string
	Delivery
	// Topics are the framework's topics in which the partner has a done or
	// running measure, in framework order.
	Topics []CityTopicSpeed
	// Late are the partner's overdue measures, most months overdue first,
	// then by measure ID.
	Late []Late
}

// CityTopicSpeed is one partner's delivery in one topic.
type CityTopicSpeed struct {
	Topic string
	Delivery
}

// Late is a measure in progress past its planned end.
type Late struct {
	MeasureID string
	Title     model.Text
	Topic     string
	End       model.Date // as the workbook gives it
	Months    int        // whole months from the end to the build date
}

// TopicSpeed is every partner's delivery in one topic and who was fastest.
type TopicSpeed struct {
	Topic string
	Delivery
	// Fastest are the partners whose finished measures in the topic have
	// the lowest median duration, FastestMonths; every tied partner, by
	// slug. Empty when no partner has a finished measure with its dates.
	Fastest       []string
	FastestMonths float64
}

// speedTally collects one Delivery's measures.
type speedTally struct {
	d      Delivery
	months []float64
}

func (t *speedTally) add(m model.Measure, today model.Date) (late bool, overdue int) {
	switch m.Status {
	case model.Done:
		switch {
		case m.Start.IsZero() || m.End.IsZero():
			t.d.NoDate++
		case m.Start.Month == 0 || m.End.Month == 0:
			t.d.YearOnly++
		default:
			t.months = append(t.months, float64(WholeMonths(m.Start, m.End)))
		}
	case model.InProgress:
		if m.End.IsZero() {
			t.d.NoEnd++
			return false, 0
		}
		t.d.Running++
		if end := lastDay(m.End); end.Before(today) {
			t.d.Overdue++
			return true, WholeMonths(end, today)
		}
	}
	return false, 0
}

func (t *speedTally) delivery() Delivery {
	d := t.d
	d.Finished = len(t.months)
	if d.Finished > 0 {
		d.Median = stats.Describe(t.months).Median
	}
	return d
}

// DeliverySpeed computes Speed for the measures of ds on the build date
// today. Measures whose topic is not in the framework count for their
// partner but for no topic (validation reports them).
func DeliverySpeed(ds model.Dataset, today model.Date) Speed {
	topics := ds.Framework.Topics
	topicPos := make(map[string]int, len(topics))
	for i, t := range topics {
		if _, dup := topicPos[t.ID]; !dup {
			topicPos[t.ID] = i
		}
	}
	var all speedTally
	byTopic := make([]speedTally, len(topics))
	out := Speed{Today: today, Cities: make([]CitySpeed, len(ds.Cities)), Topics: make([]TopicSpeed, len(topics))}
	// cityMedians[t] holds each partner's median in topic t, for Fastest.
	type median struct {
		slug   string
		months float64
	}
	cityMedians := make([][]median, len(topics))
	for c, city := range ds.Cities {
		var own speedTally
		ownTopics := make(map[int]*speedTally)
		cs := CitySpeed{Slug: city.Slug, Topics: []CityTopicSpeed{}, Late: []Late{}}
		for _, m := range city.Measures {
			if m.Status != model.Done && m.Status != model.InProgress {
				continue
			}
			late, months := own.add(m, today)
			all.add(m, today)
			if late {
				cs.Late = append(cs.Late, Late{MeasureID: m.ID, Title: m.Title, Topic: m.Topic, End: m.End, Months: months})
			}
			t, ok := topicPos[m.Topic]
			if !ok {
				continue
			}
			byTopic[t].add(m, today)
			if ownTopics[t] == nil {
				ownTopics[t] = &speedTally{}
			}
			ownTopics[t].add(m, today)
		}
		cs.Delivery = own.delivery()
		for t := range topics {
			tally := ownTopics[t]
			if tally == nil {
				continue
			}
			d := tally.delivery()
			cs.Topics = append(cs.Topics, CityTopicSpeed{Topic: topics[t].ID, Delivery: d})
			if d.Finished > 0 {
				cityMedians[t] = append(cityMedians[t], median{city.Slug, d.Median})
			}
		}
		slices.SortStableFunc(cs.Late, func(a, b Late) int {
			return cmp.Or(cmp.Compare(b.Months, a.Months), cmp.Compare(a.MeasureID, b.MeasureID))
		})
		out.Cities[c] = cs
	}
	out.All = all.delivery()
	for t, topic := range topics {
		ts := TopicSpeed{Topic: topic.ID, Delivery: byTopic[t].delivery(), Fastest: []string{}}
		for i, m := range cityMedians[t] {
			switch {
			case i == 0 || m.months < ts.FastestMonths:
				ts.Fastest, ts.FastestMonths = []string{m.slug}, m.months
			case m.months == ts.FastestMonths:
				ts.Fastest = append(ts.Fastest, m.slug)
			}
		}
		slices.Sort(ts.Fastest)
		out.Topics[t] = ts
	}
	return out
}

// WholeMonths counts the whole months from a to b, both known at least to
// the month and a not after b: the calendar months from a's month to b's,
// less one where both days are known and b's day comes before a's. So
// 2024-01-31 to 2024-03-01 is one month, 2024-01 to 2024-03 two, and
// 2019-07-24 to 2019-07-24 none.
func WholeMonths(a, b model.Date) int {
	n := (b.Year-a.Year)*12 + b.Month - a.Month
	if a.Day != 0 && b.Day != 0 && b.Day < a.Day {
		n--
	}
	return max(n, 0)
}

// lastDay is the last day of the period d names: the day itself, the last
// day of its month, or 31 December of its year.
func lastDay(d model.Date) model.Date {
	switch {
	case d.Month == 0:
		return model.Date{Year: d.Year, Month: 12, Day: 31}
	case d.Day == 0:
		// Day 0 of the next month is the last day of this one.
		return model.DateOf(time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC))
	}
	return d
}
