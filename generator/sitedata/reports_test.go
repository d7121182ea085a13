package sitedata

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/model"
)

// TestParagraphs: lines become paragraphs, http(s) addresses links without
// the punctuation after them, and everything else (markup, template
// braces, a javascript: address) plain text.
func TestParagraphs(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Paragraph
	}{
		{"empty", "", []Paragraph{}},
		{"lines and blank lines", "Erster Absatz.\r\n\n  Zweiter Absatz.  ", []Paragraph{{{Text: "Erster Absatz."}}, {{Text: "Zweiter Absatz."}}}},
		{"an address ending a sentence", "Mehr unter https://example.org/a?b=1.",
			[]Paragraph{{{Text: "Mehr unter "}, {Text: "https://example.org/a?b=1", Link: true}, {Text: "."}}}},
		{"an address in brackets", "(siehe https://example.org/x)",
			[]Paragraph{{{Text: "(siehe "}, {Text: "https://example.org/x", Link: true}, {Text: ")"}}}},
		{"brackets inside an address stay", "https://de.wikipedia.org/wiki/OZG_(Gesetz)",
			[]Paragraph{{{Text: "https://de.wikipedia.org/wiki/OZG_(Gesetz)", Link: true}}}},
		{"two addresses", "http://a.example und https://b.example",
			[]Paragraph{{{Text: "http://a.example", Link: true}, {Text: " und "}, {Text: "https://b.example", Link: true}}}},
		{"hostile text stays text", `<script>alert(1)</script> {{ .Site }} javascript:alert(1) <a href="https://x.example">x</a>`,
			[]Paragraph{{{Text: `<script>alert(1)</script> {{ .Site }} javascript:alert(1) <a href="`},
				{Text: "https://x.example", Link: true}, {Text: `">x</a>`}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := paragraphs(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("paragraphs(%q)\n got %+v\nwant %+v", tt.in, got, tt.want)
			}
		})
	}
}

// TestReportsOrderAndLog: newest first, same dates in sheet order, and
// each measure's log points at the reports that name it.
func TestReportsOrderAndLog(t *testing.T) {
	c := model.City{Reports: []model.Report{
		{Date: model.Date{Year: 2025, Month: 3, Day: 1}, Title: model.Text{De: "A"}, MeasureID: "M-1"},
		{Date: model.Date{Year: 2026, Month: 1, Day: 10}, Title: model.Text{De: "B"}},
		{Date: model.Date{Year: 2025, Month: 3, Day: 1}, Title: model.Text{De: "C"}, MeasureID: "M-1"},
		{Date: model.Date{Year: 2025, Month: 9, Day: 30}, Title: model.Text{De: "D"}, MeasureID: "M-2"},
	}}
	got, log := reports(c)
	var titles []string
	for _, r := range got {
		titles = append(titles, r.Title.De)
	}
	if want := []string{"B", "D", "A", "C"}; !reflect.DeepEqual(titles, want) {
		t.Errorf("order %v; want %v", titles, want)
	}
	if want := map[string][]int{"M-1": {2, 3}, "M-2": {1}}; !reflect.DeepEqual(log, want) {
		t.Errorf("log %v; want %v", log, want)
	}
}

// TestReportIDs: a report's id is its date and titles' hash, the same
// whatever other reports there are; a second report of the same date and
// titles is numbered.
func TestReportIDs(t *testing.T) {
	a := model.Report{Date: model.Date{Year: 2025, Month: 3}, Title: model.Text{De: "A", En: "A en"}}
	b := model.Report{Date: model.Date{Year: 2026, Month: 1, Day: 10}, Title: model.Text{De: "B"}}
	alone, _ := reports(model.City{Reports: []model.Report{a}})
	more, _ := reports(model.City{Reports: []model.Report{a, b, a}})
	if alone[0].ID != more[1].ID || more[2].ID != alone[0].ID+"-2" || more[0].ID == more[1].ID {
		t.Errorf("ids alone %q, among others %q %q %q", alone[0].ID, more[0].ID, more[1].ID, more[2].ID)
	}
	if want := "2025-03-"; len(alone[0].ID) != len(want)+8 || alone[0].ID[:len(want)] != want {
		t.Errorf("id %q; want the date, a dash and 8 hex digits", alone[0].ID)
	}
}

// TestAllReports: every city's reports newest first; on the same date the
// cities' order, then each city's own.
func TestAllReports(t *testing.T) {
	cities := []City{
		{Reports: []Report{{Date: "2026-01-10"}, {Date: "2025-06"}}},
		{Reports: []Report{}},
		{Reports: []Report{{Date: "2026-01-12"}, {Date: "2026-01-10"}, {Date: "2024"}}},
	}
	want := []ReportRef{{2, 0}, {0, 0}, {2, 1}, {0, 1}, {2, 2}}
	if got := allReports(cities); !reflect.DeepEqual(got, want) {
		t.Errorf("got %v; want %v", got, want)
	}
}

// TestForHugoKeepsTheFeedsReports: above the list limit Hugo's data keeps
// the newest FeedMax reports and their cities' reports, no other city's.
func TestForHugoKeepsTheFeedsReports(t *testing.T) {
	s := Site{Lists: Lists{Full: false}}
	for i := range FeedMax + 2 {
		s.Cities = append(s.Cities, City{Reports: []Report{{Date: fmt.Sprintf("%04d", 3000-i)}}})
	}
	s.Reports = allReports(s.Cities)
	h := s.ForHugo()
	if len(h.Reports) != FeedMax || h.Reports[0] != (ReportRef{0, 0}) {
		t.Fatalf("%d reports kept, first %v; want %d, the newest first", len(h.Reports), h.Reports[0], FeedMax)
	}
	if len(h.Cities[FeedMax-1].Reports) != 1 || len(h.Cities[FeedMax].Reports) != 0 {
		t.Errorf("reports kept for city %d: %d, for city %d: %d; want 1 and 0", FeedMax-1, len(h.Cities[FeedMax-1].Reports), FeedMax, len(h.Cities[FeedMax].Reports))
	}
}
