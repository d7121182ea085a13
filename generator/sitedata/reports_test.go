package sitedata

import (
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
