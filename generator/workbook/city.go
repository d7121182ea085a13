package workbook

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/problem"
)

var (
	citySheet     = sheetSpec{[]string{"Stadt", "City", "Kommune", "Municipality", "Partner"}}
	kpiSheet      = sheetSpec{[]string{"Kennzahlen", "KPIs", "KPI", "Indikatorwerte", "Indicator values"}}
	measuresSheet = sheetSpec{[]string{"Maßnahmen", "Measures", "Massnahmen"}}
	reportsSheet  = sheetSpec{[]string{"Berichte", "Reports", "Bericht", "Report"}}
)

var (
	facts = []colSpec{colKey, colValue, colSource}
	kpis  = []colSpec{
		{"indicator", []string{"Indikator", "Indicator", "Indikator-ID", "Indicator ID"}, true},
		colSource,
		{"note", []string{"Anmerkung", "Note", "Bemerkung", "Hinweis", "Comment"}, false}}
	measures = []colSpec{colID,
		{"title_de", []string{"Titel", "Title", "Titel (de)", "Title (de)", "Maßnahme", "Measure"}, true},
		{"title_en", []string{"Titel (en)", "Title (en)"}, false},
		{"topic", []string{"Thema", "Topic", "Themen-ID", "Topic ID"}, true},
		{"status", []string{"Status", "Stand"}, true},
		{"start", []string{"Beginn", "Start", "Startdatum", "Start date"}, false},
		{"end", []string{"Ende", "End", "Enddatum", "End date"}, false},
		{"budget", []string{"Budget", "Budget (EUR)", "Kosten", "Cost"}, false},
		{"progress", []string{"Fortschritt", "Progress", "Fortschritt (%)", "Progress (%)", "Umsetzungsstand"}, false},
		{"partners", []string{"Partner", "Partners", "Beteiligte Partner", "Partner taking part", "Projektpartner", "Project partners"}, false},
		{"lead", []string{"Federführung", "Lead unit", "Lead", "Verantwortlich", "Zuständig", "Responsible"}, false},
		{"description_de", []string{"Beschreibung", "Description", "Beschreibung (de)", "Description (de)"}, false},
		{"description_en", []string{"Beschreibung (en)", "Description (en)"}, false},
		{"link", []string{"Link", "URL", "Webseite", "Website"}, false},
		colSource}
)

// reports are the columns of the optional reports sheet.
var reports = []colSpec{
	{"date", []string{"Datum", "Date"}, true},
	{"title_de", []string{"Titel", "Title", "Titel (de)", "Title (de)"}, true},
	{"title_en", []string{"Titel (en)", "Title (en)"}, false},
	{"text_de", []string{"Text", "Text (de)", "Bericht", "Report"}, false},
	{"text_en", []string{"Text (en)", "Bericht (en)", "Report (en)"}, false},
	{"topic", []string{"Thema", "Topic", "Themen-ID", "Topic ID"}, false},
	{"measure", []string{"Maßnahme", "Measure", "Maßnahmen-ID", "Measure ID", "Massnahme"}, false},
	{"link", []string{"Link", "URL", "Webseite", "Website"}, false},
}

// factKeys are the rows of the city sheet, canonical key first.
var factKeys = []struct {
	key   string
	names []string
}{
	{"name", []string{"Name", "Stadt", "City", "Kommune"}},
	{"kind", []string{"Art", "Kind", "Partnerart", "Partner kind", "Art des Partners", "Kind of partner", "Typ", "Type"}},
	{"state", []string{"Bundesland", "State", "Land"}},
	{"population", []string{"Einwohner", "Population", "Einwohnerzahl", "Inhabitants"}},
	{"website", []string{"Webseite", "Website", "Homepage", "Internetseite"}},
	{"strategy", []string{"Strategie", "Strategy", "Strategietitel", "Strategy title", "Digitalstrategie"}},
	{"adopted", []string{"Beschlossen am", "Adopted", "Beschluss", "Beschlussdatum", "Adopted on"}},
	{"strategy_link", []string{"Strategie-Link", "Strategy link", "Link zur Strategie", "Strategie Link"}},
	{"contact", []string{"Kontakt", "Contact", "Ansprechpartner"}},
	{"lat", []string{"Breitengrad", "Latitude", "Lat", "Breite"}},
	{"lon", []string{"Längengrad", "Longitude", "Lon", "Länge", "Lng"}},
	// The name the English pages use (Munich), if it has one of its own.
	{"name_en", []string{"Name (en)", "Name (englisch)", "English name"}},
}

// kindWords are the words the city sheet's kind row accepts, by kind in
// model.PartnerKinds order, German first; the first German and the first
// English word of each are the template's drop-down.
var kindWords = [][]string{
	model.Municipality:     {"Kommune", "municipality", "Stadt", "Gemeinde", "Markt", "Landkreis", "Bezirk", "Kreis", "city", "town", "district"},
	model.StateGovernment:  {"Land", "state", "Freistaat", "Bundesland", "Staatsregierung", "state government"},
	model.MunicipalCompany: {"kommunales Unternehmen", "municipal company", "Stadtwerke", "Eigenbetrieb", "municipal utility", "utility"},
	model.University:       {"Hochschule", "university", "Universität", "Fachhochschule", "Forschungseinrichtung", "college", "research institute"},
	model.Business:         {"Unternehmen oder Verband", "business or association", "Unternehmen", "Verband", "Kammer", "Verein", "business", "company", "association", "chamber"},
	model.Consultancy:      {"Beratung", "consultancy", "Beratungsstelle", "consulting", "advisory"},
	model.OtherPartner:     {"Sonstige", "other", "andere", "Sonstiges"},
}

// kindChoices are the words a template's drop-down offers: the German
// name of each kind, then the English one.
func kindChoices() []string {
	var de, en []string
	for _, k := range model.PartnerKinds() {
		de, en = append(de, kindWords[k][0]), append(en, kindWords[k][1])
	}
	return append(de, en...)
}

// ParsePartnerKind reads a kind of partner as the city sheet's kind row
// does (German or English, e.g. Stadtwerke, university).
func ParsePartnerKind(raw string) (model.PartnerKind, bool) {
	n := normalize(raw)
	for _, k := range model.PartnerKinds() {
		for _, w := range kindWords[k] {
			if n != "" && n == normalize(w) {
				return k, true
			}
		}
	}
	return 0, false
}

// ReadCity reads data/partners/<slug>.xlsx; the slug is the file name.
func ReadCity(path string, probs *problem.List) model.City {
	slug := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	c := model.City{Slug: slug, File: path, Pos: model.Pos{File: path}}
	b, ok := openBook(path, probs)
	if !ok {
		return c
	}
	defer b.close()

	if t, ok := b.tableOf(citySheet, facts, true); ok {
		c.Pos = t.pos(0, 0)
		readFacts(t, &c)
	}
	if t, ok := b.tableOf(kpiSheet, kpis, c.Kind.Scored()); ok {
		c.KPIs = readKPIs(t, &c)
		if !c.Kind.Scored() {
			// Only municipalities are scored: another partner's KPI sheet
			// is optional and, if it holds values, said to be left out (a
			// blank template's sheet holds none).
			if slices.ContainsFunc(c.KPIs, func(k model.KPI) bool { return len(k.Values) > 0 }) {
				probs.Warnf(t.pos(0, 0), problem.KPIsNotScored, model.Text{De: kindWords[c.Kind][0], En: kindWords[c.Kind][1]})
			}
			c.KPIs, c.YearColumns = nil, nil
		}
	}
	if t, ok := b.tableOf(measuresSheet, measures, true); ok {
		for _, r := range t.rows {
			if m, ok := readMeasure(t, r); ok {
				c.Measures = append(c.Measures, m)
			}
		}
	}
	c.Offers = readOffers(b)
	if t, ok := b.tableOf(reportsSheet, reports, false); ok {
		for _, r := range t.rows {
			c.Reports = append(c.Reports, readReport(t, r))
		}
	}
	return c
}

// readReport reads a row of the reports sheet. Its text is kept exactly
// as written: the site shows it as text, never as markup.
func readReport(t *table, r row) model.Report {
	date, ok1 := t.date(r, "date")
	if ok1 && date.IsZero() {
		t.b.probs.Errorf(t.cellPos(r, "date"), problem.CellRequired, "Datum / Date")
		ok1 = false
	}
	title, ok2 := t.text(r, "title_de", true, "Titel / Title")
	textDe, ok3 := t.text(r, "text_de", false, "")
	textEn, ok4 := t.text(r, "text_en", false, "")
	link := t.optText(r, "link")
	ok5 := checkLink(t, t.cellPos(r, "link"), link, false)
	topic := t.optText(r, "topic")
	if topic != "" {
		topic = topicID(topic)
	}
	return model.Report{
		Invalid: !(ok1 && ok2 && ok3 && ok4 && ok5),
		Date:    date, Title: model.Text{De: title, En: t.optText(r, "title_en")},
		Text: model.Text{De: textDe, En: textEn}, Topic: topic, MeasureID: t.optText(r, "measure"), Link: link,
		Pos: t.cellPos(r, "date"), TopicPos: t.cellPos(r, "topic"), MeasurePos: t.cellPos(r, "measure"),
	}
}

func readFacts(t *table, c *model.City) {
	seen := map[string]model.Pos{}
	var known []string
	for _, k := range factKeys {
		known = append(known, k.names[0])
	}
	for _, r := range t.rows {
		key := t.raw(r, "key")
		canon := ""
		for _, k := range factKeys {
			if matches(key, k.names) {
				canon = k.key
				break
			}
		}
		if canon == "" {
			t.b.probs.Errorf(t.cellPos(r, "key"), problem.KeyUnknown, key, quoteOr(known))
			continue
		}
		if first, dup := seen[canon]; dup {
			t.b.probs.Errorf(t.cellPos(r, "key"), problem.KeyTwice, key, first.Cell())
			continue
		}
		seen[canon] = t.cellPos(r, "key")
		value, ok := t.text(r, "value", false, key)
		if !ok {
			continue
		}
		source := t.optText(r, "source")
		pos := t.cellPos(r, "value")
		c.Facts = append(c.Facts, model.Fact{Key: canon, Value: value, Source: source,
			Illustrative: isIllustrative(source), Pos: pos})
		if value == "" {
			continue
		}
		switch canon {
		case "name":
			c.Name = value
		case "name_en":
			c.NameEn = value
		case "kind":
			if k, ok := ParsePartnerKind(value); ok {
				c.Kind = k
			} else {
				t.b.probs.Errorf(pos, problem.PartnerKind, value)
			}
		case "state":
			c.State = value
		case "website":
			if checkLink(t, pos, value, false) {
				c.Website = value
			}
		case "strategy":
			c.Strategy.Title = value
		case "strategy_link":
			if checkLink(t, pos, value, false) {
				c.Strategy.Link = value
			}
		case "contact":
			if !strings.Contains(value, ":") || checkLink(t, pos, value, true) {
				c.Contact = value
			}
		case "adopted":
			if d, ok := t.date(r, "value"); ok {
				c.Strategy.Adopted = d
			}
		case "population":
			v, present, ok := t.plainNumberAt(r, t.cols["value"])
			if ok && present {
				if v != float64(int(v)) || v <= 0 {
					t.b.probs.Errorf(pos, problem.PopulationRange, value)
				} else {
					c.Population = int(v)
				}
			}
		case "lat", "lon":
			v, present, ok := t.plainNumberAt(r, t.cols["value"])
			limit := 90.0
			if canon == "lon" {
				limit = 180
			}
			if ok && present && (v < -limit || v > limit) {
				t.b.probs.Errorf(pos, problem.CoordinateRange, v, -limit, limit)
				ok = false
			}
			if ok && present {
				if canon == "lat" {
					c.Lat = &v
				} else {
					c.Lon = &v
				}
			}
		}
	}
	switch at, ok := seen["name"]; {
	case !ok:
		// Point at the first free row of the key column, where it belongs.
		next := t.headerRow + 1
		if len(t.rows) > 0 {
			next = t.rows[len(t.rows)-1].n + 1
		}
		t.b.probs.Errorf(t.pos(next, t.cols["key"]), problem.CellRequired, "Name")
	case c.Name == "":
		t.b.probs.Errorf(t.pos(at.Row, t.cols["value"]), problem.CellRequired, "Name")
	}
}

// readKPIs reads the KPI sheet: every header that is a whole number is a
// year column.
func readKPIs(t *table, c *model.City) []model.KPI {
	type yearCol struct{ year, col int }
	var years []yearCol
	headerRow := t.headerRow
	for _, h := range t.headers {
		// A year is written as a number: "2024", "2024,0"; strconv alone
		// would also take 0x7E8p0.
		text := strings.ReplaceAll(h.text, ",", ".")
		if !plainNumber.MatchString(text) {
			continue
		}
		y, err := strconv.ParseFloat(text, 64)
		if err != nil {
			continue
		}
		if y != float64(int(y)) || y < minYear || y > maxYear {
			t.b.probs.Errorf(t.pos(headerRow, h.col), problem.YearHeader, h.text, minYear, maxYear)
			continue
		}
		if i := slices.IndexFunc(years, func(yc yearCol) bool { return yc.year == int(y) }); i >= 0 {
			t.b.probs.Errorf(t.pos(headerRow, h.col), problem.YearTwice, int(y), t.pos(headerRow, years[i].col).Cell())
			continue
		}
		years = append(years, yearCol{int(y), h.col})
		c.YearColumns = append(c.YearColumns, model.YearColumn{Year: int(y), Pos: t.pos(headerRow, h.col)})
	}
	if len(years) == 0 {
		t.b.probs.Errorf(t.pos(headerRow, 0), problem.YearNone)
		return nil
	}
	out := make([]model.KPI, 0, len(t.rows))
	for _, r := range t.rows {
		id, ok := t.text(r, "indicator", true, "Indikator / Indicator")
		if !ok {
			continue
		}
		source := t.optText(r, "source")
		// Room for a value per year column, no more: appending one at a
		// time would leave a KPI of ten values with room for sixteen, which
		// at national scale is a third of the data set's memory.
		k := model.KPI{Indicator: id, Source: source, Note: t.optText(r, "note"),
			Illustrative: isIllustrative(source), Pos: t.cellPos(r, "indicator"),
			Values: make([]model.Observation, 0, len(years))}
		for _, yc := range years {
			if t.uncomputed(r, yc.col) {
				continue
			}
			v, percent, present, ok := t.numberAt(r, yc.col)
			if ok && present {
				k.Values = append(k.Values, model.Observation{Year: yc.year, Value: v, Pos: t.pos(r.n, yc.col)})
				if percent {
					k.PercentCells = append(k.PercentCells, t.pos(r.n, yc.col))
				}
			}
		}
		sortObservations(k.Values)
		out = append(out, k)
	}
	return out
}

// Years a KPI column may name. The lower bound is before any municipal
// digital strategy; the upper one leaves room for targets.
const (
	minYear = 1990
	maxYear = 2100
)

func sortObservations(obs []model.Observation) {
	for i := 1; i < len(obs); i++ {
		for j := i; j > 0 && obs[j].Year < obs[j-1].Year; j-- {
			obs[j], obs[j-1] = obs[j-1], obs[j]
		}
	}
}

func readMeasure(t *table, r row) (model.Measure, bool) {
	id, ok1 := t.text(r, "id", true, "ID")
	title, ok2 := t.text(r, "title_de", true, "Titel / Title")
	topic, ok3 := t.text(r, "topic", true, "Thema / Topic")
	status, ok4 := enum(t, r, "status", parseStatus, problem.CellStatus)
	start, ok5 := t.date(r, "start")
	end, ok6 := t.date(r, "end")
	budget, ok7 := t.number(r, "budget", false, "")
	if ok7 && budget != nil && *budget < 0 {
		t.b.probs.Errorf(t.cellPos(r, "budget"), problem.BudgetNegative, *budget)
		ok7 = false
	}
	progress, ok10 := readProgress(t, r, status, ok4)
	ok8 := true
	if ok5 && ok6 && !start.IsZero() && !end.IsZero() && end.Before(start) {
		t.b.probs.Errorf(t.cellPos(r, "end"), problem.MeasureEndsEarly, end.ISO(), start.ISO())
		ok8 = false
	}
	link := t.optText(r, "link")
	ok9 := checkLink(t, t.cellPos(r, "link"), link, false)
	if !ok1 {
		return model.Measure{}, false
	}
	source := t.optText(r, "source")
	// A row with a bad cell still takes part in the checks across rows
	// (a duplicate ID, an unknown topic), so that one run names them all.
	return model.Measure{
		Invalid: !(ok2 && ok3 && ok4 && ok5 && ok6 && ok7 && ok8 && ok9 && ok10),
		ID:      id, Title: model.Text{De: title, En: t.optText(r, "title_en")},
		Topic: topicID(topic), Status: status, Start: start, End: end, Budget: budget, Progress: progress,
		Lead: t.optText(r, "lead"), Description: model.Text{De: t.optText(r, "description_de"), En: t.optText(r, "description_en")},
		Link: link, Source: source, Illustrative: isIllustrative(source),
		Pos: t.cellPos(r, "id"), TopicPos: t.cellPos(r, "topic"), EndPos: t.cellPos(r, "end"),
		ProgressPos: t.cellPos(r, "progress"), Partners: partnerList(t.optText(r, "partners")), PartnersPos: t.cellPos(r, "partners"),
	}, true
}

// partnerList splits a partners cell into slugs: file names separated by
// commas, semicolons or line breaks, in any case, with or without the
// extension. Whether each names a partner, only the whole data set can
// tell (validate); a name given twice counts once.
func partnerList(cell string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(cell, func(r rune) bool { return r == ',' || r == ';' || r == '\n' }) {
		s := strings.ToLower(strings.TrimSpace(f))
		for _, ext := range []string{".xlsx", ".ods"} {
			s = strings.TrimSuffix(s, ext)
		}
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// readProgress reads the optional progress cell as the cell shows it:
// 12,5 % (a percentage, or that text) and a plain 12.5 are both 12.5 per
// cent, so a plain 0.4 is 0.4 %, not 40 %. A measure done at less than
// 100 % contradicts itself; which of the two is wrong only its author knows.
func readProgress(t *table, r row, status model.Status, statusOK bool) (*float64, bool) {
	v, _, ok := t.numberOrPercent(r, "progress", false, "")
	if !ok || v == nil {
		return nil, ok
	}
	if *v < 0 || *v > 100 {
		t.b.probs.Errorf(t.cellPos(r, "progress"), problem.ProgressRange, *v)
		return nil, false
	}
	if statusOK && status == model.Done && *v < 100 {
		t.b.probs.Errorf(t.cellPos(r, "progress"), problem.ProgressDone, *v)
		return nil, false
	}
	return v, true
}

// checkLink reports a link that is not http(s) (or, where allowed, mailto):
// a javascript: or data: link from a cell must never reach the site.
func checkLink(t *table, pos model.Pos, link string, mailto bool) bool {
	l := strings.ToLower(link)
	if link == "" || strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://") ||
		(mailto && strings.HasPrefix(l, "mailto:")) {
		return true
	}
	t.b.probs.Errorf(pos, problem.CellLink, link)
	return false
}
