package workbook

import (
	"html"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/problem"
	wt "github.com/digitale-staedte/benchmark/generator/workbook/workbooktest"
)

// cityWithOffers is a valid city workbook plus an offers sheet.
func cityWithOffers(rows ...[]any) []wt.Sheet {
	return append(wt.City("Alpha", 1), wt.Sheet{Name: "Angebote", Rows: rows})
}

// TestReadOffers reads an offers sheet with German headers: every kind
// word, the template's "ID – Name" topic form, an e-mail contact, a
// missing English title and dates as shown.
func TestReadOffers(t *testing.T) {
	path := filepath.Join(t.TempDir(), "alpha.xlsx")
	wt.Write(t, path, cityWithOffers(
		[]any{"Art", "Thema", "Titel", "Titel (en)", "Beschreibung", "Bedingungen", "Kontakt", "Link", "Verfügbar ab", "Verfügbar bis", "Quelle"},
		[]any{"Lösung zur Nachnutzung", "E-AKTE – E-Akte", "E-Akte-Modul", "E-file module", "Quelloffen", "Open Source (EUPL-1.2)", "digital@alpha.de", "https://alpha.de/e-akte", "01.2024", "31.12.2026", nil},
		nil,
		[]any{"Beratung", "OZG", "<script>alert(1)</script>", nil, nil, "kostenfrei", "https://alpha.de/kontakt", nil, nil, nil, "Beispielwert, illustrativ"},
		[]any{"trainee or staff placement", "OPEN", "Hospitation", nil, nil, nil, "MailTo:it@alpha.de", nil, "2025", "2025"},
	)...)
	var probs problem.List
	c := ReadCity(path, &probs)
	if len(probs) != 0 {
		t.Fatalf("unexpected problems:\n%s", probs.Text("en"))
	}
	pos := func(row, col int) model.Pos { return model.Pos{File: path, Sheet: "Angebote", Row: row, Col: col} }
	want := []model.Offer{
		{Kind: model.OfferSolution, Topic: "E-AKTE", Title: model.Text{De: "E-Akte-Modul", En: "E-file module"},
			Description: model.Text{De: "Quelloffen"}, Terms: "Open Source (EUPL-1.2)", Contact: "mailto:digital@alpha.de",
			Link: "https://alpha.de/e-akte", From: model.Date{Year: 2024, Month: 1}, Until: model.Date{Year: 2026, Month: 12, Day: 31},
			Pos: pos(2, 3), TopicPos: pos(2, 2)},
		// Markup stays text: the site escapes it where it is shown.
		{Kind: model.OfferKnowHow, Topic: "OZG", Title: model.Text{De: "<script>alert(1)</script>"}, Terms: "kostenfrei",
			Contact: "https://alpha.de/kontakt", Source: "Beispielwert, illustrativ", Illustrative: true,
			Pos: pos(4, 3), TopicPos: pos(4, 2)},
		{Kind: model.OfferPlacement, Topic: "OPEN", Title: model.Text{De: "Hospitation"}, Contact: "mailto:it@alpha.de",
			From: model.Date{Year: 2025}, Until: model.Date{Year: 2025}, Pos: pos(5, 3), TopicPos: pos(5, 2)},
	}
	if !slices.Equal(c.Offers, want) {
		t.Errorf("offers =\n%+v\nwant\n%+v", c.Offers, want)
	}
}

// TestReadOffersOptional: a workbook without an offers sheet has none
// and no problem.
func TestReadOffersOptional(t *testing.T) {
	path := filepath.Join(t.TempDir(), "alpha.xlsx")
	wt.Write(t, path, wt.City("Alpha", 1)...)
	var probs problem.List
	if c := ReadCity(path, &probs); len(probs) != 0 || c.Offers != nil {
		t.Errorf("offers %v, problems:\n%s", c.Offers, probs.Text("en"))
	}
}

// TestReadOffersProblems: every wrong cell of the sheet is named at once,
// in both languages.
func TestReadOffersProblems(t *testing.T) {
	header := []any{"Kind", "Topic", "Title", "Contact", "Link", "Available from", "Available until"}
	path := filepath.Join(t.TempDir(), "alpha.xlsx")
	wt.Write(t, path, append(wt.City("Alpha", 1), wt.Sheet{Name: "Offers", Rows: [][]any{header,
		{"Geschenk", "OZG", "A", "digital@alpha.de", "https://alpha.de", nil, nil},             // B2: kind A2
		{"Beratung", nil, "B", "javascript:alert(1)", "http://alpha.de", nil, nil},             // topic, contact, link
		{"Beratung", "OZG", nil, "Max Muster <max@alpha.de>", "javascript:alert(1)", nil, nil}, // title, contact, link
		{nil, "OZG", "D", "ftp://alpha.de", "https://", "01.06.2025", "31.05.2025"},            // kind, contact, link, until
		{"service", "OZG", "E", nil, "data:text/html,x", "2025", "morgen"},                     // link, until
	}})...)
	var probs problem.List
	ReadCity(path, &probs)
	type want struct {
		cell string
		code problem.Code
	}
	wants := []want{
		{"A2", problem.OfferKind},
		{"B3", problem.CellRequired}, {"D3", problem.OfferContact}, {"E3", problem.OfferLink},
		{"C4", problem.CellRequired}, {"D4", problem.OfferContact}, {"E4", problem.OfferLink},
		{"A5", problem.CellRequired}, {"D5", problem.OfferContact}, {"E5", problem.OfferLink}, {"G5", problem.OfferUntilEarly},
		{"E6", problem.OfferLink}, {"G6", problem.CellDate},
	}
	var got []want
	for _, p := range probs {
		if p.Pos.File != path || p.Pos.Sheet != "Offers" {
			t.Errorf("problem not at a cell of the offers sheet: %s", p.Message("en"))
		}
		got = append(got, want{p.Pos.Cell(), p.Code})
		for _, lang := range []string{"de", "en"} {
			if m := p.Message(lang); !strings.Contains(m, "erwartet") && !strings.Contains(m, "expected") {
				t.Errorf("%s: %q says not what was expected", lang, m)
			}
		}
	}
	slices.SortFunc(got, func(a, b want) int { return strings.Compare(a.cell[1:]+a.cell[:1], b.cell[1:]+b.cell[:1]) })
	if !slices.Equal(got, wants) {
		t.Errorf("problems at\n%v\nwant\n%v\n%s", got, wants, probs.Text("en"))
	}
}

func TestParseOfferKind(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want model.OfferKind
		ok   bool
	}{
		{"Lösung zur Nachnutzung", model.OfferSolution, true},
		{"solution to reuse", model.OfferSolution, true},
		{"KNOW-HOW", model.OfferKnowHow, true},
		{"Beratung", model.OfferKnowHow, true},
		{"Hospitation", model.OfferPlacement, true},
		{"trainee or staff placement", model.OfferPlacement, true},
		{"Plattform", model.OfferService, true},
		{"gemeinsame Beschaffung", model.OfferProcurement, true},
		{"joint procurement", model.OfferProcurement, true},
		{"", 0, false},
		{"Geschenk", 0, false},
	} {
		got, ok := parseOfferKind(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("parseOfferKind(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
	// Every word of the template's drop-down is read back.
	for _, w := range offerKindChoices() {
		if _, ok := parseOfferKind(w); !ok {
			t.Errorf("drop-down word %q is not read", w)
		}
	}
}

// TestReadOffersODS: LibreOffice's own format goes through the same
// reader, English headers included.
func TestReadOffersODS(t *testing.T) {
	cell := func(s string) string {
		return `<table:table-cell office:value-type="string"><text:p>` + html.EscapeString(s) + `</text:p></table:table-cell>`
	}
	row := func(cells ...string) string {
		var b strings.Builder
		b.WriteString(`<table:table-row>`)
		for _, c := range cells {
			b.WriteString(cell(c))
		}
		return b.String() + `</table:table-row>`
	}
	content := `<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">` +
		`<office:body><office:spreadsheet>` +
		`<table:table table:name="City">` + row("Field", "Value") + row("Name", "Alpha") + `</table:table>` +
		`<table:table table:name="KPIs">` + row("Indicator", "2023") + row("V1", "12") + `</table:table>` +
		`<table:table table:name="Measures">` + row("ID", "Title", "Topic", "Status") + `</table:table>` +
		`<table:table table:name="Offers">` + row("Topic", "Kind", "Title", "Terms", "Contact") +
		row("OZG", "shared service or platform", "Portal", "at cost", "https://alpha.de/portal") + `</table:table>` +
		`</office:spreadsheet></office:body></office:document-content>`
	path := filepath.Join(t.TempDir(), "alpha.ods")
	if err := os.WriteFile(path, odsPackage(t, odsParts(t, filepath.Join(libreOffice, "cells.ods")), []byte(content)), 0o644); err != nil {
		t.Fatal(err)
	}
	var probs problem.List
	c := ReadCity(path, &probs)
	if len(probs) != 0 {
		t.Fatalf("unexpected problems:\n%s", probs.Text("en"))
	}
	want := []model.Offer{{Kind: model.OfferService, Topic: "OZG", Title: model.Text{De: "Portal"}, Terms: "at cost",
		Contact: "https://alpha.de/portal", Pos: model.Pos{File: path, Sheet: "Offers", Row: 2, Col: 3},
		TopicPos: model.Pos{File: path, Sheet: "Offers", Row: 2, Col: 1}}}
	if !slices.Equal(c.Offers, want) {
		t.Errorf("offers = %+v; want %+v", c.Offers, want)
	}
}
