package workbook

import (
	"net/mail"
	"net/url"
	"strings"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/problem"
)

// The optional offers sheet of a partner workbook: what the partner offers
// the others (a solution to reuse, know-how, a placement, ...).
var (
	offersSheet = sheetSpec{[]string{"Angebote", "Offers", "Angebot", "Offer"}}
	offers      = []colSpec{
		{"kind", []string{"Art", "Kind", "Angebotsart", "Kind of offer", "Typ", "Type"}, true},
		{"topic", []string{"Thema", "Topic", "Themen-ID", "Topic ID"}, true},
		{"title_de", []string{"Titel", "Title", "Titel (de)", "Title (de)", "Angebot", "Offer"}, true},
		{"title_en", []string{"Titel (en)", "Title (en)"}, false},
		{"description_de", []string{"Beschreibung", "Description", "Beschreibung (de)", "Description (de)"}, false},
		{"description_en", []string{"Beschreibung (en)", "Description (en)"}, false},
		{"terms", []string{"Bedingungen", "Terms", "Konditionen", "Lizenz", "Licence", "License"}, false},
		{"contact", []string{"Kontakt", "Contact", "Ansprechpartner", "E-Mail", "Email"}, false},
		{"link", []string{"Link", "URL", "Webseite", "Website"}, false},
		{"from", []string{"Verfügbar ab", "Available from", "Ab", "From"}, false},
		{"until", []string{"Verfügbar bis", "Available until", "Bis", "Until"}, false},
		colSource}
)

// offerKindWords are the words the kind column accepts, by kind in
// model.OfferKinds order, German first; the first German and the first
// English word of each are the template's drop-down.
var offerKindWords = [][]string{
	model.OfferSolution:    {"Lösung zur Nachnutzung", "solution to reuse", "Lösung", "Nachnutzung", "Software", "solution", "reuse"},
	model.OfferKnowHow:     {"Know-how oder Beratung", "know-how or advice", "Know-how", "Beratung", "Wissen", "advice", "consulting", "knowhow"},
	model.OfferPlacement:   {"Hospitation oder Personalaustausch", "trainee or staff placement", "Hospitation", "Personalaustausch", "Azubi-Austausch", "Austausch", "placement", "trainee exchange", "staff exchange"},
	model.OfferService:     {"gemeinsamer Dienst oder Plattform", "shared service or platform", "Dienst", "Plattform", "Dienstleistung", "service", "platform", "shared service"},
	model.OfferProcurement: {"gemeinsame Beschaffung", "joint procurement", "Beschaffung", "Einkauf", "procurement"},
}

// offerKindChoices are the words a template's drop-down offers: the
// German name of each kind, then the English one.
func offerKindChoices() []string {
	var de, en []string
	for _, k := range model.OfferKinds() {
		de, en = append(de, offerKindWords[k][0]), append(en, offerKindWords[k][1])
	}
	return append(de, en...)
}

func parseOfferKind(raw string) (model.OfferKind, bool) {
	n := normalize(raw)
	for _, k := range model.OfferKinds() {
		for _, w := range offerKindWords[k] {
			if n != "" && n == normalize(w) {
				return k, true
			}
		}
	}
	return 0, false
}

// readOffers reads the offers sheet, if the workbook has one.
func readOffers(b *book) []model.Offer {
	t, ok := b.tableOf(offersSheet, offers, false)
	if !ok {
		return nil
	}
	var out []model.Offer
	for _, r := range t.rows {
		out = append(out, readOffer(t, r))
	}
	return out
}

func readOffer(t *table, r row) model.Offer {
	kind, ok1 := enum(t, r, "kind", parseOfferKind, problem.OfferKind)
	topic, ok2 := t.text(r, "topic", true, "Thema / Topic")
	title, ok3 := t.text(r, "title_de", true, "Titel / Title")
	from, ok4 := t.date(r, "from")
	until, ok5 := t.date(r, "until")
	ok6 := true
	if ok4 && ok5 && !from.IsZero() && !until.IsZero() && until.Before(from) {
		t.b.probs.Errorf(t.cellPos(r, "until"), problem.OfferUntilEarly, until.ISO(), from.ISO())
		ok6 = false
	}
	contact, ok7 := offerContact(t, r)
	link := t.optText(r, "link")
	ok8 := true
	if link != "" && !httpsURL(link) {
		t.b.probs.Errorf(t.cellPos(r, "link"), problem.OfferLink, link)
		ok8 = false
	}
	source := t.optText(r, "source")
	return model.Offer{
		Invalid: !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6 && ok7 && ok8),
		Kind:    kind, Topic: topicID(topic),
		Title:       model.Text{De: title, En: t.optText(r, "title_en")},
		Description: model.Text{De: t.optText(r, "description_de"), En: t.optText(r, "description_en")},
		Terms:       t.optText(r, "terms"), Contact: contact, Link: link, From: from, Until: until,
		Source: source, Illustrative: isIllustrative(source),
		Pos: t.cellPos(r, "title_de"), TopicPos: t.cellPos(r, "topic"),
	}
}

// offerContact reads the contact cell: an e-mail address, with or without
// mailto:, becomes a mailto: link; otherwise it must be an https address.
func offerContact(t *table, r row) (string, bool) {
	s := t.optText(r, "contact")
	if s == "" {
		return "", true
	}
	addr := s
	if len(s) > len("mailto:") && strings.EqualFold(s[:len("mailto:")], "mailto:") {
		addr = s[len("mailto:"):]
	}
	if addr != s || !strings.Contains(s, ":") {
		if a, err := mail.ParseAddress(addr); err == nil && a.Name == "" && a.Address == addr {
			return "mailto:" + addr, true
		}
	} else if httpsURL(s) {
		return s, true
	}
	t.b.probs.Errorf(t.cellPos(r, "contact"), problem.OfferContact, s)
	return "", false
}

// httpsURL reports whether s is an https address with a host: nothing
// else (javascript:, data:, a bare word) may become a link on the site.
func httpsURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && strings.EqualFold(u.Scheme, "https") && u.Host != "" && !strings.ContainsAny(s, " \t\n")
}
