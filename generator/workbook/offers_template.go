package workbook

// The offers sheet of the city template: its example row, its input
// messages and its drop-downs (kind, topic).

// offerExample is the offers sheet's example row; topic and source are
// filled in from the framework and ExampleSource.
var offerExample = map[string]any{
	"kind":           offerKindWords[0][0],
	"title_de":       "Beispielangebot: ersetzen oder löschen",
	"title_en":       "Example offer: replace or delete",
	"description_de": "Ein, zwei Sätze, was Sie den Partnern anbieten.",
	"description_en": "One or two sentences on what you offer the partners.",
	"terms":          "kostenfrei",
	"contact":        "digital@musterstadt.de",
	"link":           "https://www.musterstadt.de/digital",
}

// offerHints are the offers sheet's input messages where a column's
// general one (columnHints) speaks of measures or does not fit.
var offerHints = map[string]hint{
	"kind": {"Art des Angebots (Auswahlliste), z. B. Lösung zur Nachnutzung, Beratung, Hospitation.",
		"Kind of offer (drop-down), e.g. solution to reuse, advice, placement."},
	"title_de":       {"Titel des Angebots auf Deutsch (Pflicht).", "Title of the offer in German (required)."},
	"description_de": {"Ein, zwei Sätze zum Angebot auf Deutsch.", "One or two sentences on the offer in German."},
	"terms":          {"Bedingungen, z. B. Open Source (EUPL-1.2), kostenfrei, zum Selbstkostenpreis.", "Terms, e.g. open source (EUPL-1.2), free, at cost."},
	"contact":        {"E-Mail-Adresse (digital@stadt.de) oder Adresse, die mit https:// beginnt.", "E-mail address (digital@city.de) or an address starting with https://."},
	"link":           {"Adresse, die mit https:// beginnt.", "Address starting with https://."},
	"from":           {"Verfügbar ab, Datum wie 01.2025 oder 2025; leer: schon jetzt.", "Available from, a date such as 01.2025 or 2025; empty: already now."},
	"until":          {"Verfügbar bis, Datum wie 12.2026; nicht vor dem Beginn; leer: offen.", "Available until, a date such as 12.2026; not before the start; empty: open."},
}

func offersSheetTemplate(topics []string) tmplSheet {
	example := map[string]any{"source": ExampleSource}
	for k, v := range offerExample {
		example[k] = v
	}
	if len(topics) > 0 {
		example["topic"] = topics[0]
	}
	s := specSheet(offersSheet, offers, example, map[string]string{"topic": "topics", "kind": "offer_kinds"})
	for i, c := range s.cols {
		if h, ok := offerHints[c.key]; ok {
			s.cols[i].hint = h
		}
	}
	return s
}
