package sitedata

import (
	"github.com/digitale-staedte/benchmark/generator/compare"
	"github.com/digitale-staedte/benchmark/generator/model"
)

// Offer is one row of a partner's offers sheet as the catalogue and the
// partner's page show it.
type Offer struct {
	Kind         string     `json:"kind"` // solution, know_how, placement, service, procurement
	Topic        string     `json:"topic"`
	Title        model.Text `json:"title"`
	Description  model.Text `json:"description"`
	Terms        string     `json:"terms"`
	Contact      string     `json:"contact"` // mailto: or https address
	Link         string     `json:"link"`
	From         string     `json:"from"`  // ISO date, as precise as known
	Until        string     `json:"until"` // ISO date, as precise as known
	Illustrative bool       `json:"illustrative"`
	Origin       string     `json:"origin"`
}

// QuickWinOffer is another partner's offer named by a quick win: enough
// to say what it is and whom to ask.
type QuickWinOffer struct {
	City    string     `json:"city"` // slug
	Kind    string     `json:"kind"`
	Title   model.Text `json:"title"`
	Terms   string     `json:"terms"`
	Contact string     `json:"contact"`
	Link    string     `json:"link"`
}

// OfferKinds are the kinds of offer in the order the catalogue's filter
// lists them.
func OfferKinds() []string {
	var out []string
	for _, k := range model.OfferKinds() {
		out = append(out, k.String())
	}
	return out
}

func offer(o model.Offer) Offer {
	return Offer{Kind: o.Kind.String(), Topic: o.Topic, Title: o.Title, Description: o.Description,
		Terms: o.Terms, Contact: o.Contact, Link: o.Link, From: o.From.ISO(), Until: o.Until.ISO(),
		Illustrative: o.Illustrative, Origin: cellRef(o.Pos)}
}

// cityOffers are a partner's valid offers in sheet order.
func cityOffers(c model.City) []Offer {
	out := []Offer{}
	for _, o := range c.Offers {
		if !o.Invalid {
			out = append(out, offer(o))
		}
	}
	return out
}

func anyIllustrativeOffer(c model.City) bool {
	for _, o := range c.Offers {
		if o.Illustrative {
			return true
		}
	}
	return false
}

// offerLists converts the quick wins' offer lists once each: compare
// hands every city that lacks a topic the same list (a copy only where the
// city's own offer is left out), and one converted copy per city and topic
// would grow with cities × topics. Each list gets a number, in the order
// first seen, so that the pages can render it once (QuickWin.OffersList).
type offerLists map[offerList]numberedOffers

// offerList names a list by its first element and length.
type offerList struct {
	first *compare.OfferRef
	n     int
}

type numberedOffers struct {
	offers []QuickWinOffer
	number int // from 1; 0 is the empty list
}

// leaderOffers converts a leader's offers.
func leaderOffers(refs []compare.OfferRef) []QuickWinOffer {
	list, _ := offerLists{}.of(refs)
	return list
}

func (m offerLists) of(refs []compare.OfferRef) ([]QuickWinOffer, int) {
	if len(refs) == 0 {
		return []QuickWinOffer{}, 0
	}
	key := offerList{&refs[0], len(refs)}
	if l, ok := m[key]; ok {
		return l.offers, l.number
	}
	out := make([]QuickWinOffer, 0, len(refs))
	for _, r := range refs {
		o := r.Offer
		out = append(out, QuickWinOffer{City: r.City, Kind: o.Kind.String(), Title: o.Title, Terms: o.Terms,
			Contact: o.Contact, Link: o.Link})
	}
	m[key] = numberedOffers{out, len(m) + 1}
	return out, len(m)
}
