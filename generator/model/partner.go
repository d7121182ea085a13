package model

// PartnerKind says what kind of body a partner is. The cooperation is
// open to more than cities; only municipalities are scored and ranked,
// because the framework's indicators describe a municipality.
type PartnerKind int

const (
	Municipality     PartnerKind = iota // city, municipality, district
	StateGovernment                     // a Land, e.g. the Free State of Bavaria
	MunicipalCompany                    // e.g. Stadtwerke
	University
	Business // a company or a business body (IHK, ADAC, ...)
	Consultancy
	OtherPartner
)

// PartnerKinds is every kind in the order lists, filters and drop-downs
// show them; the workbook, the site and the downloads range over it.
func PartnerKinds() []PartnerKind {
	return []PartnerKind{Municipality, StateGovernment, MunicipalCompany, University, Business, Consultancy, OtherPartner}
}

// String is the kind's key in site data, downloads and filter addresses.
func (k PartnerKind) String() string {
	switch k {
	case StateGovernment:
		return "state"
	case MunicipalCompany:
		return "municipal_company"
	case University:
		return "university"
	case Business:
		return "business"
	case Consultancy:
		return "consultancy"
	case OtherPartner:
		return "other"
	}
	return "municipality"
}

// Scored reports whether partners of this kind are scored, ranked and
// counted in medians and peer groups.
func (k PartnerKind) Scored() bool { return k == Municipality }
