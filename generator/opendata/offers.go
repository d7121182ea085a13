package opendata

import "github.com/digitale-staedte/benchmark/generator/model"

// offerColumns are the offers table's columns, each with how a row gets
// its value: declared here once, in order.
var offerColumns = []struct {
	Field
	value func(c model.City, o model.Offer) Value
}{
	{Field{"city", String, "", "slug of the offering partner"}, func(c model.City, _ model.Offer) Value { return c.Slug }},
	{Field{"kind", String, "", "solution, know_how, placement, service or procurement"}, func(_ model.City, o model.Offer) Value { return o.Kind.String() }},
	{Field{"topic", String, "", ""}, func(_ model.City, o model.Offer) Value { return o.Topic }},
	{Field{"title_de", String, "", ""}, func(_ model.City, o model.Offer) Value { return o.Title.De }},
	{Field{"title_en", String, "", ""}, func(_ model.City, o model.Offer) Value { return o.Title.En }},
	{Field{"description_de", String, "", ""}, func(_ model.City, o model.Offer) Value { return o.Description.De }},
	{Field{"description_en", String, "", ""}, func(_ model.City, o model.Offer) Value { return o.Description.En }},
	{Field{"terms", String, "", "e.g. open source with its licence, free, at cost"}, func(_ model.City, o model.Offer) Value { return o.Terms }},
	{Field{"contact", String, "", "mailto: or https address"}, func(_ model.City, o model.Offer) Value { return o.Contact }},
	{Field{"link", String, "", ""}, func(_ model.City, o model.Offer) Value { return o.Link }},
	{Field{"available_from", String, "", "ISO date, as precise as known"}, func(_ model.City, o model.Offer) Value { return o.From.ISO() }},
	{Field{"available_until", String, "", "ISO date, as precise as known"}, func(_ model.City, o model.Offer) Value { return o.Until.ISO() }},
	{Field{"source", String, "", ""}, func(_ model.City, o model.Offer) Value { return o.Source }},
	{Field{"illustrative", Boolean, "", "the source marks the offer as an example"}, func(_ model.City, o model.Offer) Value { return o.Illustrative }},
	{Field{"origin", String, "", "file and cell the value was read from"}, func(_ model.City, o model.Offer) Value { return cell(o.Pos) }},
}

// offersTable is every partner's offers sheet, in the cities' order and
// each sheet's order.
func offersTable(ds model.Dataset) Table {
	t := Table{Name: "offers", Title: model.Text{De: "Angebote", En: "Offers"}, Input: true}
	for _, col := range offerColumns {
		t.Fields = append(t.Fields, col.Field)
	}
	for _, c := range ds.Cities {
		for _, o := range c.Offers {
			if o.Invalid {
				continue
			}
			row := make([]Value, len(offerColumns))
			for i, col := range offerColumns {
				row[i] = col.value(c, o)
			}
			t.Rows = append(t.Rows, row)
		}
	}
	return t
}
