package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// The kinds of partner, in model.PartnerKinds order; municipality is the
// default, which a workbook need not state.
const (
	municipality = iota
	kindCount    = 7
)

var (
	// kindWords are what each kind's workbook writes in its Art row.
	kindWords = [kindCount]string{"", "Land", "kommunales Unternehmen", "Hochschule", "Unternehmen oder Verband", "Beratung", "Sonstige"}
	// kindNames go before the place name, so that a name says the kind.
	kindNames = [kindCount]string{"", "Land ", "Stadtwerke ", "Hochschule ", "Digitalverband ", "Digitalberatung ", "Initiative "}
	// offerKinds are the offers sheet's kinds, in model.OfferKinds order.
	offerKinds = []string{"Lösung zur Nachnutzung", "Know-how oder Beratung", "Hospitation oder Personalaustausch",
		"gemeinsamer Dienst oder Plattform", "gemeinsame Beschaffung"}
	offerTerms = []string{"Open Source (EUPL-1.2)", "kostenfrei", "zum Selbstkostenpreis", ""}
)

// cooperationStream seeds the random numbers of joint projects, offers
// and reports, apart from those of the values.
const cooperationStream = 0x9e3779b97f4a7c15

// Shares of the cooperation: of partners not municipalities, of measures
// run jointly. The window is how far back a joint project looks for its
// partners, so that no partner takes part in more projects as the data
// set grows.
const (
	otherShare = 0.02
	jointShare = 0.03
	jointMax   = 3
	window     = 30
)

// Others is how many of n partners are not municipalities: none below
// seven, then one of each other kind, then 2 % of them.
func Others(n int) int {
	if n < kindCount {
		return 0
	}
	return max(kindCount-1, int(float64(n)*otherShare+0.5))
}

// partnerKind is partner c's kind: the last Others partners take the
// other kinds in turn.
func partnerKind(o Options, c int) int {
	first := o.Cities - Others(o.Cities)
	if c < first {
		return municipality
	}
	return 1 + (c-first)%(kindCount-1)
}

// Name is partner c's name, as City gives it.
func Name(o Options, c int) string {
	r := rand.New(rand.NewPCG(o.Seed, uint64(c)))
	return kindNames[partnerKind(o, c)] + cityName(r, c)
}

// jointPartners is a measure's partners cell: empty for most, for a few
// one to three of the partners just before c, by file name.
func jointPartners(o Options, x *rand.Rand, c int) any {
	if c == 0 || x.Float64() >= jointShare {
		return nil
	}
	from := max(0, c-window)
	n := min(1+x.IntN(jointMax), c-from)
	var names []string
	for _, j := range x.Perm(c - from)[:n] {
		names = append(names, slug(Name(o, from+j)))
	}
	return strings.Join(names, ", ")
}

// offerSheet is up to two offers; about half the partners have none.
func offerSheet(o Options, x *rand.Rand, name string, dims int) Sheet {
	s := Sheet{Name: "Angebote", Header: []string{"Art", "Thema", "Titel", "Titel (en)", "Beschreibung", "Bedingungen",
		"Kontakt", "Link", "Verfügbar ab", "Quelle"}}
	first := o.lastYear() - o.Years + 1
	for i := range max(0, x.IntN(4)-1) {
		topic := fmt.Sprintf("T%02d-%d", x.IntN(dims)+1, x.IntN(3)+1)
		kind := offerKinds[x.IntN(len(offerKinds))]
		var terms any
		if t := offerTerms[x.IntN(len(offerTerms))]; t != "" {
			terms = t
		}
		s.Rows = append(s.Rows, []any{kind, topic, fmt.Sprintf("Angebot %d von %s", i+1, name), fmt.Sprintf("Offer %d by %s", i+1, name),
			"Synthetisches Angebot zu " + topic + ".", terms, "digital@" + slug(name) + ".example",
			fmt.Sprintf("https://www.example.org/%s/angebot-%d", slug(name), i+1), fmt.Sprint(first + x.IntN(o.Years)),
			"Synthetische Daten, illustrativ"})
	}
	return s
}

// reportSheet is one to three reports within the data set's years, most
// on one of the partner's measures.
func reportSheet(o Options, x *rand.Rand, measures [][]any) Sheet {
	s := Sheet{Name: "Berichte", Header: []string{"Datum", "Titel", "Titel (en)", "Text", "Text (en)", "Thema", "Maßnahme"}}
	first := o.lastYear() - o.Years + 1
	for i := range 1 + x.IntN(3) {
		date := fmt.Sprintf("%02d.%02d.%d", 1+x.IntN(28), 1+x.IntN(12), first+x.IntN(o.Years))
		var topic, measure any
		if len(measures) > 0 && x.IntN(4) > 0 {
			m := measures[x.IntN(len(measures))]
			measure, topic = m[0], m[2]
		}
		s.Rows = append(s.Rows, []any{date, fmt.Sprintf("Bericht %d", i+1), fmt.Sprintf("Report %d", i+1),
			"Synthetischer Bericht: was erreicht wurde und was folgt.\nMehr unter https://www.example.org/",
			"Synthetic report: what was achieved and what comes next.", topic, measure})
	}
	return s
}

// slug is the file name of a workbook named name, as workbook.Slug makes
// it for the letters synthetic names use (synth cannot import workbook,
// whose tests use synth).
func slug(name string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(name) {
		var s string
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			s = string(r)
		case r == 'ä':
			s = "ae"
		case r == 'ö':
			s = "oe"
		case r == 'ü':
			s = "ue"
		case r == 'ß':
			s = "ss"
		default:
			hyphen = true
			continue
		}
		if hyphen && b.Len() > 0 {
			b.WriteByte('-')
		}
		hyphen = false
		b.WriteString(s)
	}
	return b.String()
}
