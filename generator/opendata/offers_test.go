package opendata_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/compare"
	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/opendata"
	"github.com/digitale-staedte/benchmark/generator/score"
)

// TestOffersTable: every valid offer is a row, as read, with its cell; a
// formula-like text is neutralised in the CSV like any other text.
func TestOffersTable(t *testing.T) {
	pos := func(row int) model.Pos {
		return model.Pos{File: "data/partners/alpha.xlsx", Sheet: "Angebote", Row: row, Col: 3}
	}
	ds := model.Dataset{Cities: []model.City{
		{Slug: "alpha", Offers: []model.Offer{
			{Kind: model.OfferSolution, Topic: "OZG", Title: model.Text{De: "=Portal", En: "Portal"}, Terms: "Open Source (EUPL-1.2)",
				Contact: "mailto:ozg@alpha.de", Link: "https://alpha.de", From: model.Date{Year: 2024, Month: 3}, Until: model.Date{Year: 2026},
				Source: "Beispielwert, illustrativ", Illustrative: true, Pos: pos(2)},
			{Invalid: true, Topic: "OZG", Pos: pos(3)},
		}},
		{Slug: "beta"},
	}}
	var offers opendata.Table
	for _, tab := range opendata.Tables(ds, score.Result{}, compare.Result{}) {
		if tab.Name == "offers" {
			offers = tab
		}
	}
	if !offers.Input || offers.Title != (model.Text{De: "Angebote", En: "Offers"}) {
		t.Fatalf("offers table = %+v", offers)
	}
	var names []string
	for _, f := range offers.Fields {
		names = append(names, f.Name)
	}
	want := map[string]any{"city": "alpha", "kind": "solution", "topic": "OZG", "title_de": "=Portal", "title_en": "Portal",
		"description_de": "", "description_en": "", "terms": "Open Source (EUPL-1.2)", "contact": "mailto:ozg@alpha.de",
		"link": "https://alpha.de", "available_from": "2024-03", "available_until": "2026",
		"source": "Beispielwert, illustrativ", "illustrative": true, "origin": "alpha.xlsx: Angebote!C2"}
	if offers.Len() != 1 {
		t.Fatalf("%d rows; want the one valid offer", offers.Len())
	}
	got := map[string]any{}
	for row := range offers.All() {
		for i, v := range row {
			got[names[i]] = v
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("row =\n%v\nwant\n%v", got, want)
	}
	if csv := string(opendata.CSV(offers, ',', false)); !strings.Contains(csv, "'=Portal") {
		t.Errorf("CSV does not neutralise the formula-like title:\n%s", csv)
	}
}
