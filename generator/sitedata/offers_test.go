package sitedata_test

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/compare"
	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/score"
	"github.com/digitale-staedte/benchmark/generator/sitedata"
	"github.com/digitale-staedte/benchmark/generator/workbook"
	wt "github.com/digitale-staedte/benchmark/generator/workbook/workbooktest"
)

// TestOffers: alpha offers know-how on OZG, a topic no one has a measure
// in. Alpha's page lists the offer; beta's quick wins name it with its
// contact; alpha gets no quick win from its own offer.
func TestOffers(t *testing.T) {
	dir := wt.Dataset(t, t.TempDir())
	wt.Write(t, filepath.Join(dir, "partners", "alpha.xlsx"), append(wt.City("Alpha", 1), wt.Sheet{Name: "Angebote", Rows: [][]any{
		{"Art", "Thema", "Titel", "Bedingungen", "Kontakt", "Verfügbar ab", "Quelle"},
		{"Beratung", "OZG – Online-Dienste", "OZG-Beratung", "kostenfrei", "ozg@alpha.de", "03.2024", "Beispielwert, illustrativ"},
	}})...)
	wt.Write(t, filepath.Join(dir, "partners", "gamma.xlsx"), wt.City("Gamma", 3)...)
	ds, probs := workbook.ReadDataset(dir)
	if len(probs) != 0 {
		t.Fatalf("fixture has problems:\n%s", probs.Text("en"))
	}
	res := score.Compute(ds)
	s := sitedata.Build(ds, res, compare.Build(ds, res))
	wantOffer := sitedata.Offer{Kind: "know_how", Topic: "OZG", Title: model.Text{De: "OZG-Beratung"}, Terms: "kostenfrei",
		Contact: "mailto:ozg@alpha.de", From: "2024-03", Illustrative: true, Origin: "Angebote!C2"}
	if got := s.Cities[0].Offers; !reflect.DeepEqual(got, []sitedata.Offer{wantOffer}) {
		t.Errorf("alpha's offers = %+v; want %+v", got, wantOffer)
	}
	if got := s.Cities[1].Offers; len(got) != 0 || got == nil {
		t.Errorf("beta's offers = %#v; want an empty list", got)
	}
	for _, w := range s.Cities[0].QuickWins {
		if w.Topic == "OZG" {
			t.Errorf("alpha has a quick win from its own offer: %+v", w)
		}
	}
	want := sitedata.QuickWin{Topic: "OZG", Partners: 1, Offers: []sitedata.QuickWinOffer{{City: "alpha", Kind: "know_how",
		Title: model.Text{De: "OZG-Beratung"}, Terms: "kostenfrei", Contact: "mailto:ozg@alpha.de"}}, OffersList: 1}
	found := false
	for _, w := range s.Cities[1].QuickWins {
		if w.Topic == "OZG" {
			found = true
			if !reflect.DeepEqual(w, want) {
				t.Errorf("beta's OZG quick win = %+v; want %+v", w, want)
			}
		}
	}
	if !found {
		t.Errorf("beta has no OZG quick win: %+v", s.Cities[1].QuickWins)
	}
	// Beta and gamma both lack OZG: they share one list of offers, under
	// one number; a quick win without offers has number 0.
	ozg := func(c sitedata.City) sitedata.QuickWin {
		for _, w := range c.QuickWins {
			if w.Topic == "OZG" {
				return w
			}
		}
		return sitedata.QuickWin{}
	}
	if b, g := ozg(s.Cities[1]), ozg(s.Cities[2]); len(b.Offers) != 1 || len(g.Offers) != 1 || &b.Offers[0] != &g.Offers[0] || b.OffersList != 1 || g.OffersList != 1 {
		t.Errorf("beta's and gamma's OZG offers are not one list numbered 1: %p (%d), %p (%d)", b.Offers, b.OffersList, g.Offers, g.OffersList)
	}
	for _, c := range s.Cities {
		for _, w := range c.QuickWins {
			if len(w.Offers) == 0 && w.OffersList != 0 {
				t.Errorf("%s's quick win %s has no offers but list number %d", c.Slug, w.Topic, w.OffersList)
			}
		}
	}
	if ex := s.Strategies.QuickWinExamples["OZG"]; len(ex) != 0 || ex == nil {
		t.Errorf("OZG examples = %#v; want an empty list (no measures)", ex)
	}
	if !reflect.DeepEqual(s.Strategies.OfferKinds, []string{"solution", "know_how", "placement", "service", "procurement"}) {
		t.Errorf("offer kinds = %v", s.Strategies.OfferKinds)
	}
}
