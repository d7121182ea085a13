package model

// OfferKind says what a partner offers the others.
type OfferKind int

const (
	OfferSolution    OfferKind = iota // a solution to reuse
	OfferKnowHow                      // know-how or advice
	OfferPlacement                    // trainee or staff placement
	OfferService                      // a shared service or platform
	OfferProcurement                  // joint procurement
)

// OfferKinds is every kind in the order lists, filters and drop-downs
// show them; the workbook, the site and the downloads range over it.
func OfferKinds() []OfferKind {
	return []OfferKind{OfferSolution, OfferKnowHow, OfferPlacement, OfferService, OfferProcurement}
}

// String is the kind's key in site data, downloads and filter addresses.
func (k OfferKind) String() string {
	switch k {
	case OfferKnowHow:
		return "know_how"
	case OfferPlacement:
		return "placement"
	case OfferService:
		return "service"
	case OfferProcurement:
		return "procurement"
	}
	return "solution"
}

// Offer is one row of a partner workbook's offers sheet: what the
// partner offers the others.
type Offer struct {
	// Invalid marks a row with a cell error (reported while reading); it
	// still takes part in the checks across sheets (a known topic) and
	// never reaches a page.
	Invalid     bool
	Kind        OfferKind
	Topic       string
	Title       Text
	Description Text
	Terms       string // free text: "Open Source (EUPL-1.2)", "kostenfrei", ...
	// Contact is an e-mail address (as mailto:) or an https address.
	Contact      string
	Link         string
	From, Until  Date
	Source       string
	Illustrative bool
	Pos          Pos // the title cell
	TopicPos     Pos // the topic cell
}
