package compare

import (
	"cmp"
	"slices"

	"github.com/digitale-staedte/benchmark/generator/model"
)

// OfferRef is one partner's offer, as a quick win names it.
type OfferRef struct {
	City  string // the offering partner's slug
	Offer model.Offer
}

// leads is what a topic holds for the cities that lack it besides the
// running measures: the partners' offers and the stopped measures.
type leads struct {
	offers []OfferRef // every valid offer, by partner slug, then sheet order
	// offering are the partners with a running measure or an offer here,
	// by slug.
	offering []string
	stopped  []Example // at most MaxExamples
}

// topicLeads collects each topic's offers and stopped measures, once per
// topic rather than once per city and topic. Offers whose topic is not in
// the framework are ignored (validation reports them).
func topicLeads(ds model.Dataset, byTopic [][][]held) []leads {
	topicPos := make(map[string]int, len(ds.Framework.Topics))
	for i, t := range ds.Framework.Topics {
		if _, dup := topicPos[t.ID]; !dup {
			topicPos[t.ID] = i
		}
	}
	out := make([]leads, len(ds.Framework.Topics))
	for c, city := range ds.Cities {
		for _, o := range city.Offers {
			if t, ok := topicPos[o.Topic]; ok && !o.Invalid {
				out[t].offers = append(out[t].offers, OfferRef{City: city.Slug, Offer: o})
			}
		}
		for t, ms := range byTopic[c] {
			if slices.ContainsFunc(ms, func(m held) bool { return running(m.Status) }) {
				out[t].offering = append(out[t].offering, city.Slug)
			}
			for _, m := range ms {
				if m.Status == model.Stopped && m.host == city.Slug {
					out[t].stopped = append(out[t].stopped, example(m))
				}
			}
		}
	}
	for t := range out {
		l := &out[t]
		// Stable: one partner's offers keep their sheet order.
		slices.SortStableFunc(l.offers, func(a, b OfferRef) int { return cmp.Compare(a.City, b.City) })
		for _, o := range l.offers {
			l.offering = append(l.offering, o.City)
		}
		slices.Sort(l.offering)
		l.offering = slices.Compact(l.offering)
		sortExamples(l.stopped)
		l.stopped = l.stopped[:min(len(l.stopped), MaxExamples)]
	}
	return out
}

// forCity is the topic's offers from partners other than slug, at most
// MaxExamples, and how many other partners run or offer something here.
// The city lacks the topic, so it has no running measure in it; only an
// offer of its own (know-how without a measure) can make it one of the
// offering partners. The shared list is returned unless it holds such an
// offer, so that most cities share one slice.
func (l leads) forCity(slug string) ([]OfferRef, int) {
	partners := len(l.offering)
	offers := l.offers
	if _, own := slices.BinarySearch(l.offering, slug); own {
		partners--
		offers = slices.DeleteFunc(slices.Clone(offers), func(o OfferRef) bool { return o.City == slug })
	}
	return offers[:min(len(offers), MaxExamples)], partners
}

// leaderOffers are the valid offers of the leaders (positions in
// ds.Cities, in slug order) in the topics of dimension dim: what to ask
// the best for.
func leaderOffers(ds model.Dataset, leaders []int, dim string) []OfferRef {
	inDim := map[string]bool{}
	for _, t := range ds.Framework.Topics {
		if t.Dimension == dim {
			inDim[t.ID] = true
		}
	}
	out := []OfferRef{}
	for _, c := range leaders {
		for _, o := range ds.Cities[c].Offers {
			if !o.Invalid && inDim[o.Topic] && len(out) < MaxExamples {
				out = append(out, OfferRef{City: ds.Cities[c].Slug, Offer: o})
			}
		}
	}
	return out
}
