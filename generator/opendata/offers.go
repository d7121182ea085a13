package opendata

import "github.com/digitale-staedte/benchmark/generator/model"

// offer is a valid row of a partner's offers sheet.
type offer struct {
	slug string
	model.Offer
}

var offerColumns = []column[offer]{
	{Field{"city", String, "", "slug of the offering partner"}, func(o offer) Value { return o.slug }},
	{Field{"kind", String, "", "solution, know_how, placement, service or procurement"}, func(o offer) Value { return o.Kind.String() }},
	{Field{"topic", String, "", ""}, func(o offer) Value { return o.Topic }},
	{Field{"title_de", String, "", ""}, func(o offer) Value { return o.Title.De }},
	{Field{"title_en", String, "", ""}, func(o offer) Value { return o.Title.En }},
	{Field{"description_de", String, "", ""}, func(o offer) Value { return o.Description.De }},
	{Field{"description_en", String, "", ""}, func(o offer) Value { return o.Description.En }},
	{Field{"terms", String, "", "e.g. open source with its licence, free, at cost"}, func(o offer) Value { return o.Terms }},
	{Field{"contact", String, "", "mailto: or https address"}, func(o offer) Value { return o.Contact }},
	{Field{"link", String, "", ""}, func(o offer) Value { return o.Link }},
	{Field{"available_from", String, "", "ISO date, as precise as known"}, func(o offer) Value { return o.From.ISO() }},
	{Field{"available_until", String, "", "ISO date, as precise as known"}, func(o offer) Value { return o.Until.ISO() }},
	{Field{"source", String, "", ""}, func(o offer) Value { return o.Source }},
	{Field{"illustrative", Boolean, "", "the source marks the offer as an example"}, func(o offer) Value { return o.Illustrative }},
	{origin, func(o offer) Value { return cell(o.Pos) }},
}

// offersTable is every partner's offers sheet, in the cities' order and
// each sheet's order.
func offersTable(ds model.Dataset) Table {
	return built(Table{Name: "offers", Title: model.Text{De: "Angebote", En: "Offers"}, Input: true},
		offerColumns, func(yield func(offer) bool) {
			for _, c := range ds.Cities {
				for _, o := range c.Offers {
					if !o.Invalid && !yield(offer{c.Slug, o}) {
						return
					}
				}
			}
		})
}
