package compare

import (
	"testing"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/score"
)

func offer(topic, title string) model.Offer {
	return model.Offer{Topic: topic, Title: model.Text{De: title}, Contact: "mailto:" + title + "@example.org"}
}

// TestQuickWinsWithOffers: topics T1–T3; cities a–d.
//
//	a  a1 T1 done;     offers [0] T1, [1] TX (unknown), [2] T3
//	b  b1 T2 stopped
//	c  (no measures);  offers [0] T3, [1] T1 (invalid row)
//	d  d1 T3 planned, d2 T1 stopped
//
// Running or offering per topic: T1 {a}, T2 {} (b1 only stopped: no win
// for anyone), T3 {a, c} (offers only).
func TestQuickWinsWithOffers(t *testing.T) {
	ds := model.Dataset{
		Framework: model.Framework{
			Dimensions: []model.Dimension{{ID: "D1"}},
			Topics:     []model.Topic{{ID: "T1", Dimension: "D1"}, {ID: "T2", Dimension: "D1"}, {ID: "T3", Dimension: "D1"}},
		},
		Cities: []model.City{
			{Slug: "a", Measures: []model.Measure{measure("a1", "T1", done)},
				Offers: []model.Offer{offer("T1", "a-o1"), offer("TX", "a-x"), offer("T3", "a-o3")}},
			{Slug: "b", Measures: []model.Measure{measure("b1", "T2", stopped)}},
			{Slug: "c", Offers: []model.Offer{offer("T3", "c-o3"), {Invalid: true, Topic: "T1"}}},
			{Slug: "d", Measures: []model.Measure{measure("d1", "T3", planned), measure("d2", "T1", stopped)}},
		},
	}
	aT1 := OfferRef{City: "a", Offer: offer("T1", "a-o1")}
	aT3 := OfferRef{City: "a", Offer: offer("T3", "a-o3")}
	cT3 := OfferRef{City: "c", Offer: offer("T3", "c-o3")}
	// d2 was stopped: named with every T1 win, d's own included.
	t1 := func(offers ...OfferRef) QuickWin {
		return QuickWin{Topic: "T1", Partners: 1, Examples: []Example{ex("a", "a1", done)}, Offers: offers,
			Stopped: []Example{ex("d", "d2", stopped)}}
	}
	want := []CityQuickWins{
		// a's own T3 offer does not count: c is the one other partner.
		{"a", []QuickWin{{Topic: "T3", Partners: 1, Offers: []OfferRef{cT3}}}},
		// T3 has two partners and comes first.
		{"b", []QuickWin{{Topic: "T3", Partners: 2, Offers: []OfferRef{aT3, cT3}}, t1(aT1)}},
		// c's own offer is left out of its T3 win; equal partners keep
		// framework order.
		{"c", []QuickWin{t1(aT1), {Topic: "T3", Partners: 1, Offers: []OfferRef{aT3}}}},
		// d's planned d1 blocks T3; its stopped d2 does not block T1.
		{"d", []QuickWin{t1(aT1)}},
	}
	check(t, "quick wins", Build(ds, score.Result{}).QuickWins, want)
}

// TestQuickWinOffersCapped: a topic lists at most MaxExamples offers but
// counts every offering partner.
func TestQuickWinOffersCapped(t *testing.T) {
	ds := model.Dataset{Framework: model.Framework{Topics: []model.Topic{{ID: "T1"}}}}
	for _, slug := range []string{"p01", "p02", "p03", "p04", "p05", "p06", "p07", "p08", "p09", "p10", "p11", "p12", "z"} {
		c := model.City{Slug: slug}
		if slug != "z" {
			c.Offers = []model.Offer{offer("T1", slug)}
		}
		ds.Cities = append(ds.Cities, c)
	}
	got := Build(ds, score.Result{}).QuickWins[12].Wins
	if len(got) != 1 || got[0].Partners != 12 || len(got[0].Offers) != MaxExamples ||
		got[0].Offers[0].City != "p01" || got[0].Offers[MaxExamples-1].City != "p03" {
		t.Errorf("z's quick wins = %+v; want T1 with 12 partners and the offers of p01–p03", got)
	}
}
