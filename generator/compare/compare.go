// Package compare sets the partners' strategies side by side: which topics
// each city works on (the strategy matrix), how much of each dimension it
// covers, how alike two strategies are, what a city could take over from a
// partner (quick wins) and whom to ask in each dimension (leaders).
//
// Like score, everything here is pure: no I/O, no package state, and every
// list has a fixed order (framework order, ds.Cities order, or ties broken by
// slug and measure ID), so the same input always gives byte-identical site
// data.
package compare

import (
	"cmp"
	"slices"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/score"
)

// Result is everything the comparison pages show.
type Result struct {
	Matrix   []TopicRow     // framework topic order
	Coverage []CityCoverage // ds.Cities order
	// Similarity is the Jaccard index |A∩B| / |A∪B| of the sets of topics
	// in which two cities have at least one measure that is not stopped,
	// indexed [i][j] in ds.Cities order. It is symmetric with 1 on the
	// diagonal, except that two empty sets give 0: a city without any
	// active measure shares nothing with anyone, itself included, and a
	// heat map should not suggest otherwise. Nil above
	// MaxSimilarityCities: the table has a cell per pair of cities.
	Similarity [][]float64
	QuickWins  []CityQuickWins   // ds.Cities order
	Leaders    []DimensionLeader // framework dimension order
	// Speed depends on the build date, which Build does not know: the
	// caller sets it from DeliverySpeed.
	Speed Speed
}

// TopicRow is one row of the strategy matrix.
type TopicRow struct {
	Topic string
	Cells []Cell // ds.Cities order
}

// Cell is what one city does in one topic.
type Cell struct {
	Measures []string // measure IDs, sorted
	// Best is the most advanced status among Measures, in the order
	// Done > InProgress > Planned > Stopped: a stopped measure still shows
	// the city once worked on the topic, but it is the least advanced.
	// Meaningless when Has is false.
	Best model.Status
	Has  bool // the city has at least one measure (of any status) here
}

// CityCoverage is how broadly a city's strategy spans each dimension.
type CityCoverage struct {
	Slug       string
	Dimensions []DimCoverage // framework dimension order
}

// DimCoverage counts the dimension's topics in which the city has a measure
// that is not stopped. Share is Covered/Topics, 0 for a dimension without
// topics (nothing to cover, and no NaN in the site data).
type DimCoverage struct {
	ID              string
	Topics, Covered int
	Share           float64
}

// MaxSimilarityCities is the most cities for which the similarity table
// is made: it has a cell per pair, 117 million at national scale.
const MaxSimilarityCities = 60

// MaxExamples caps a quick win's examples (and its stopped measures and
// offers): with thousands of partners a topic can have thousands of
// running measures, and every city page would list them all. Three of
// each per topic keep a partner's page near 120 KB at a Land's size; ten
// made the quick wins half of a 225 KB page, and the site of 2,050
// partners passed GitHub Pages' 1 GB (docs/benchmarks.md). The count of
// partners says how many more there are.
const MaxExamples = 3

// CityQuickWins lists what one city could take over from its partners.
type CityQuickWins struct {
	Slug string
	Wins []QuickWin
}

// QuickWin is a topic where at least one partner has a measure done or in
// progress, or offers something (offers.go), and this city has no measure
// that is planned, in progress or done. A stopped measure at home does not
// block it: the partner's working solution is exactly what is worth a
// second look; a topic whose only measures were stopped is no quick win.
// Wins are ordered by Partners (descending), then framework topic order.
type QuickWin struct {
	Topic string
	// Partners counts the other partners with a done or in-progress
	// measure or an offer here.
	Partners int
	// Examples are the partners' done and in-progress measures in the
	// topic, done first, then by city slug, then by measure ID; at most
	// MaxExamples of them.
	Examples []Example
	// Offers are the other partners' offers in the topic, by partner slug
	// and sheet order; at most MaxExamples of them.
	Offers []OfferRef
	// Stopped are the stopped measures in the topic, the city's own
	// included, by city slug and measure ID, so that a page can say what
	// was tried and given up; at most MaxExamples of them.
	Stopped []Example
}

// Example is one measure a reader can follow up on.
type Example struct {
	City, MeasureID string // the partner whose workbook holds the measure
	// With are the other partners taking part in a joint project, by
	// slug; nil for a partner's own measure.
	With       []string
	Title      model.Text
	Status     model.Status
	Progress   *float64 // per cent done (model.Measure.ProgressPct); nil: not known
	Lead, Link string
}

// DimensionLeader names the city to learn from in one dimension: the city
// with the highest dimension score in the reference year. All cities tied
// on the published score lead together, by slug. OK is false (and Leaders
// and Measures are empty) when no city has a score in that dimension.
type DimensionLeader struct {
	Dimension string
	Leaders   []string
	Score     float64 // the leaders' published score (rounded as on the site)
	OK        bool
	// Measures are the leaders' measures of every status in the topics of
	// the dimension, most advanced first (Done, InProgress, Planned,
	// Stopped), then by city slug and measure ID.
	Measures []Example
	// Offers are the leaders' valid offers in the topics of the
	// dimension, by leader slug, then sheet order; at most MaxExamples.
	Offers []OfferRef
}

// advancement orders statuses by progress. model.Status is declared in
// sheet order, where Stopped comes last, so it cannot be compared directly.
func advancement(s model.Status) int {
	switch s {
	case model.Done:
		return 3
	case model.InProgress:
		return 2
	case model.Planned:
		return 1
	}
	return 0 // Stopped, or an unknown value: least advanced
}

// active reports whether a measure counts for coverage and similarity.
func active(s model.Status) bool { return s != model.Stopped }

// running reports whether a measure is far enough along to be copied.
func running(s model.Status) bool { return s == model.Done || s == model.InProgress }

// Build compares the cities of ds, using res for the dimension scores. It
// does not modify its arguments. Measures whose topic is not in the
// framework are ignored (validation reports them). Scores are matched to
// cities by slug, so res need not list cities in the same order.
func Build(ds model.Dataset, res score.Result) Result {
	fw := ds.Framework
	topicPos := make(map[string]int, len(fw.Topics))
	for i, t := range fw.Topics {
		if _, dup := topicPos[t.ID]; !dup {
			topicPos[t.ID] = i
		}
	}
	byTopic := measuresByTopic(ds, topicPos)
	return Result{
		Matrix:     matrix(fw.Topics, byTopic),
		Coverage:   coverage(ds, byTopic),
		Similarity: similarity(byTopic),
		QuickWins:  quickWins(ds, byTopic),
		Leaders:    leaders(ds, res, byTopic),
	}
}

func matrix(topics []model.Topic, byTopic [][][]held) []TopicRow {
	rows := make([]TopicRow, len(topics))
	for t, topic := range topics {
		row := TopicRow{Topic: topic.ID, Cells: make([]Cell, len(byTopic))}
		for c := range byTopic {
			cell := Cell{Measures: []string{}}
			for _, m := range byTopic[c][t] {
				cell.Measures = append(cell.Measures, m.ID)
				if !cell.Has || advancement(m.Status) > advancement(cell.Best) {
					cell.Best = m.Status
				}
				cell.Has = true
			}
			row.Cells[c] = cell
		}
		rows[t] = row
	}
	return rows
}

// hasActive reports whether any of ms is not stopped.
func hasActive(ms []held) bool {
	return slices.ContainsFunc(ms, func(m held) bool { return active(m.Status) })
}

func coverage(ds model.Dataset, byTopic [][][]held) []CityCoverage {
	out := make([]CityCoverage, len(ds.Cities))
	for c, city := range ds.Cities {
		cc := CityCoverage{Slug: city.Slug, Dimensions: make([]DimCoverage, len(ds.Framework.Dimensions))}
		for d, dim := range ds.Framework.Dimensions {
			dc := DimCoverage{ID: dim.ID}
			for t, topic := range ds.Framework.Topics {
				if topic.Dimension != dim.ID {
					continue
				}
				dc.Topics++
				if hasActive(byTopic[c][t]) {
					dc.Covered++
				}
			}
			if dc.Topics > 0 {
				dc.Share = float64(dc.Covered) / float64(dc.Topics)
			}
			cc.Dimensions[d] = dc
		}
		out[c] = cc
	}
	return out
}

func similarity(byTopic [][][]held) [][]float64 {
	n := len(byTopic)
	if n > MaxSimilarityCities {
		return nil
	}
	sets := make([][]bool, n)
	for c := range byTopic {
		sets[c] = make([]bool, len(byTopic[c]))
		for t, ms := range byTopic[c] {
			sets[c][t] = hasActive(ms)
		}
	}
	out := make([][]float64, n)
	for i := range out {
		out[i] = make([]float64, n)
	}
	for i := range n {
		for j := i; j < n; j++ {
			var inter, union int
			for t := range sets[i] {
				a, b := sets[i][t], sets[j][t]
				if a && b {
					inter++
				}
				if a || b {
					union++
				}
			}
			var s float64
			if union > 0 {
				s = float64(inter) / float64(union)
			}
			out[i][j], out[j][i] = s, s
		}
	}
	return out
}

func example(m held) Example {
	e := Example{City: m.host, With: m.with, MeasureID: m.ID, Title: m.Title, Status: m.Status, Lead: m.Lead, Link: m.Link}
	if pct, ok := m.ProgressPct(); ok {
		e.Progress = &pct
	}
	return e
}

// sortExamples orders by advancement (most advanced first), then city slug,
// then measure ID, so the order never depends on the order of cities.
func sortExamples(ex []Example) {
	slices.SortStableFunc(ex, func(a, b Example) int {
		return cmp.Or(
			cmp.Compare(advancement(b.Status), advancement(a.Status)),
			cmp.Compare(a.City, b.City),
			cmp.Compare(a.MeasureID, b.MeasureID),
		)
	})
}

func quickWins(ds model.Dataset, byTopic [][][]held) []CityQuickWins {
	// A city without an active measure in a topic has no running one
	// either, so every city that lacks the topic sees the same partners
	// and examples: computed once per topic, not once per city and topic
	// (which grew with the square of the number of cities).
	examples := make([][]Example, len(ds.Framework.Topics))
	for t := range ds.Framework.Topics {
		var ex []Example
		for p, partner := range ds.Cities {
			for _, m := range byTopic[p][t] {
				// A joint project is named once, by its lead.
				if running(m.Status) && m.host == partner.Slug {
					ex = append(ex, example(m))
				}
			}
		}
		sortExamples(ex)
		examples[t] = ex[:min(len(ex), MaxExamples)]
	}
	leads := topicLeads(ds, byTopic)
	out := make([]CityQuickWins, len(ds.Cities))
	for c, city := range ds.Cities {
		wins := []QuickWin{}
		for t, topic := range ds.Framework.Topics {
			if hasActive(byTopic[c][t]) {
				continue
			}
			offers, partners := leads[t].forCity(city.Slug)
			if partners == 0 {
				continue
			}
			// One list per topic, shared by every city that lacks it
			// (a copy each was a tenth of the build's memory at
			// national scale): read only.
			wins = append(wins, QuickWin{Topic: topic.ID, Partners: partners,
				Examples: examples[t], Offers: offers, Stopped: leads[t].stopped})
		}
		// Stable: equal Partners keep framework topic order.
		slices.SortStableFunc(wins, func(a, b QuickWin) int { return cmp.Compare(b.Partners, a.Partners) })
		out[c] = CityQuickWins{Slug: city.Slug, Wins: wins}
	}
	return out
}

// dimensionScores returns, per city of ds (by slug), its scores in the
// reference year, aligned with ds.Framework.Dimensions; nil when res has no
// such year or city.
func dimensionScores(ds model.Dataset, res score.Result) [][]score.Value {
	yi := slices.Index(res.Years, res.ReferenceYear)
	out := make([][]score.Value, len(ds.Cities))
	if res.ReferenceYear == 0 || yi < 0 {
		return out
	}
	bySlug := make(map[string]score.City, len(res.Cities))
	for _, rc := range res.Cities {
		bySlug[rc.Slug] = rc
	}
	for c, city := range ds.Cities {
		rc, ok := bySlug[city.Slug]
		if !ok || yi >= len(rc.Years) {
			continue
		}
		comps := rc.Years[yi].Dimensions
		vals := make([]score.Value, len(ds.Framework.Dimensions))
		for d, dim := range ds.Framework.Dimensions {
			// Matched by ID rather than position, so a Result built from a
			// different framework cannot attribute a score to the wrong
			// dimension.
			if k := slices.IndexFunc(comps, func(x score.Component) bool { return x.ID == dim.ID }); k >= 0 {
				vals[d] = comps[k].Score
			}
		}
		out[c] = vals
	}
	return out
}

func leaders(ds model.Dataset, res score.Result, byTopic [][][]held) []DimensionLeader {
	scores := dimensionScores(ds, res)
	out := make([]DimensionLeader, len(ds.Framework.Dimensions))
	for d, dim := range ds.Framework.Dimensions {
		dl := DimensionLeader{Dimension: dim.ID, Leaders: []string{}, Measures: []Example{}, Offers: []OfferRef{}}
		var lead []int
		for c := range ds.Cities {
			if scores[c] == nil || !scores[c][d].OK {
				continue
			}
			// Leaders are decided as ranks are: on the published value
			// unless the framework ranks unrounded, so that two cities
			// shown with the same score are both named leader.
			v := scores[c][d].V
			if !res.Method.RankUnrounded {
				v = score.Round(v, res.Method.Decimals)
			}
			switch {
			case !dl.OK || v > dl.Score:
				dl.Score, dl.OK, lead = v, true, []int{c}
			case v == dl.Score:
				lead = append(lead, c)
			}
		}
		seen := map[[2]string]bool{}
		for _, c := range lead {
			dl.Leaders = append(dl.Leaders, ds.Cities[c].Slug)
			for t, topic := range ds.Framework.Topics {
				if topic.Dimension != dim.ID {
					continue
				}
				for _, m := range byTopic[c][t] {
					// A joint project two leaders take part in is named once.
					if key := [2]string{m.host, m.ID}; !seen[key] {
						seen[key] = true
						dl.Measures = append(dl.Measures, example(m))
					}
				}
			}
		}
		slices.Sort(dl.Leaders)
		sortExamples(dl.Measures)
		dl.Offers = leaderOffers(ds, lead, dim.ID)
		out[d] = dl
	}
	return out
}

// held is a measure as one partner holds it: its own, or a joint project
// it takes part in, which the lead's workbook describes.
type held struct {
	model.Measure
	host string   // slug of the workbook describing it (the lead)
	with []string // the other partners taking part, by slug; nil if not joint
}

// measuresByTopic returns byTopic[c][t]: city c's measures in topic t,
// sorted by ID. A joint project counts for every partner taking part, in
// the lead's description (other descriptions of it are the same, as
// validate makes sure).
func measuresByTopic(ds model.Dataset, topicPos map[string]int) [][][]held {
	out := make([][][]held, len(ds.Cities))
	for c := range ds.Cities {
		out[c] = make([][]held, len(ds.Framework.Topics))
	}
	add := func(c int, h held) {
		if t, ok := topicPos[h.Topic]; ok {
			out[c][t] = append(out[c][t], h)
		}
	}
	described := map[model.MeasureRef]bool{}
	for _, j := range ds.JointProjects() {
		for _, r := range j.Rows {
			described[r] = true
		}
		for _, p := range j.Partners {
			var with []string
			for _, q := range j.Partners {
				if q != j.Lead {
					with = append(with, ds.Cities[q].Slug)
				}
			}
			add(p, held{Measure: j.Measure, host: ds.Cities[j.Lead].Slug, with: with})
		}
	}
	for c, city := range ds.Cities {
		for m, meas := range city.Measures {
			if !described[model.MeasureRef{City: c, Measure: m}] {
				add(c, held{Measure: meas, host: city.Slug})
			}
		}
	}
	for c := range out {
		for t := range out[c] {
			slices.SortStableFunc(out[c][t], func(a, b held) int { return cmp.Compare(a.ID, b.ID) })
		}
	}
	return out
}
