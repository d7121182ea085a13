package workbook

import (
	"testing"

	"github.com/digitale-staedte/benchmark/generator/model"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in     string
		isText bool
		want   float64
		ok     bool
	}{
		{"1234.5", false, 1234.5, true},      // raw number cell
		{"1.234,5", true, 1234.5, true},      // German text
		{"1,234.5", true, 1234.5, true},      // English text with grouping
		{"12,5 %", true, 12.5, true},         // percent sign keeps the number as written
		{"12.5%", true, 12.5, true},          //
		{"1.234", true, 1234, true},          // text: German thousands
		{"1.234", false, 1.234, true},        // number cell: a decimal
		{"1,234", true, 1.234, true},         // German first: decimal comma
		{"1\u00a0234,5", true, 1234.5, true}, // non-breaking space grouping
		{" 42 ", true, 42, true},             //
		{"\u221212,5", true, -12.5, true},    // typographic minus
		{"-0,5", true, -0.5, true},           //
		{"1E3", false, 1000, true},           // raw scientific notation
		{"", true, 0, false},
		{"abc", true, 0, false},
		{"NaN", true, 0, false},
		{"Inf", true, 0, false},
		{"12,5,3", true, 0, false},
		{"1.2.3", true, 0, false},
		{"1.5E-05", false, 0.000015, true}, // a number cell's stored value
		{"-2.5e+3", true, -2500, true},     //
		{".5", true, 0.5, true},            //
		{"5.", false, 5, true},             //
		// Go's literals, which strconv would read and no one types.
		{"0x1p4", true, 0, false},
		{"0X1P4", false, 0, false},
		{"1_000", true, 0, false},
		{"0b101", true, 0, false},
		{"0o17", true, 0, false},
		{"infinity", true, 0, false},
		{"-Inf", false, 0, false},
		{"+inf", true, 0, false},
		{"nan", false, 0, false},
		{"1e", true, 0, false},
		{"e5", true, 0, false},
		{"1e5e5", true, 0, false},
	}
	for _, tt := range tests {
		got, ok := parseNumber(tt.in, func() bool { return tt.isText })
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("parseNumber(%q, text=%v) = %v, %v; want %v, %v", tt.in, tt.isText, got, ok, tt.want, tt.ok)
		}
	}
}

// TestStripControls: what a cell may not bring along is removed where the
// reader reads it; tabs and line breaks stay.
func TestStripControls(t *testing.T) {
	tests := []struct{ in, want string }{
		{"\x1b[31mrot", "[31mrot"},
		{"a\tb\nc", "a\tb\nc"},
		{"a\r\nb\rc", "a\nb\nc"},
		{"nul\x00del\x7fcsi\u009b", "nuldelcsi"},
		{"München\u00a0€", "München\u00a0€"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := stripControls(tt.in); got != tt.want {
			t.Errorf("stripControls(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want model.Date
		ok   bool
	}{
		{"24.07.2019", model.Date{Year: 2019, Month: 7, Day: 24}, true},
		{"1.7.2019", model.Date{Year: 2019, Month: 7, Day: 1}, true},
		{"2019-07-24", model.Date{Year: 2019, Month: 7, Day: 24}, true},
		{"07.2019", model.Date{Year: 2019, Month: 7}, true},
		{"2019-07", model.Date{Year: 2019, Month: 7}, true},
		{"2019", model.Date{Year: 2019}, true},
		{"43670", model.Date{Year: 2019, Month: 7, Day: 24}, true}, // Excel serial of 24.07.2019
		{"43670.5", model.Date{Year: 2019, Month: 7, Day: 24}, true},
		{"31.02.2019", model.Date{}, false},
		{"13.2019", model.Date{}, false},
		{"gestern", model.Date{}, false},
		{"", model.Date{}, false},
	}
	for _, tt := range tests {
		got, ok := parseDate(tt.in)
		if ok != tt.ok || got != tt.want {
			t.Errorf("parseDate(%q) = %+v, %v; want %+v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestMatches(t *testing.T) {
	tests := []struct {
		header string
		names  []string
		want   bool
	}{
		{"Maßnahmen", []string{"Massnahmen"}, true},
		{"MASSNAHMEN ", []string{"Maßnahmen"}, true},
		{"Gewicht / Weight", []string{"Weight"}, true},
		{"Name (de)", []string{"Name (de)"}, true},
		{"Name (en)", []string{"Name (de)", "Name"}, false},
		{"Längengrad", []string{"Laengengrad"}, true},
		{"", []string{""}, false},
	}
	for _, tt := range tests {
		if got := matches(tt.header, tt.names); got != tt.want {
			t.Errorf("matches(%q, %q) = %v; want %v", tt.header, tt.names, got, tt.want)
		}
	}
}

func TestParseKeywords(t *testing.T) {
	for in, want := range map[string]model.Status{
		"geplant": model.Planned, "In Umsetzung": model.InProgress, "in progress": model.InProgress,
		"abgeschlossen": model.Done, "Done": model.Done, "eingestellt": model.Stopped,
	} {
		if got, ok := parseStatus(in); !ok || got != want {
			t.Errorf("parseStatus(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	for in, want := range map[string]model.Direction{
		"höher ist besser": model.HigherIsBetter, "Higher is better": model.HigherIsBetter, "+": model.HigherIsBetter,
		"niedriger ist besser": model.LowerIsBetter, "lower": model.LowerIsBetter, "-": model.LowerIsBetter,
	} {
		if got, ok := parseDirection(in); !ok || got != want {
			t.Errorf("parseDirection(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	if _, ok := parseDirection(""); ok {
		t.Error("an empty direction must not parse")
	}
	if !isIllustrative("Beispielwert, illustrativ") || !isIllustrative("Illustrative example") || isIllustrative("Statistisches Amt") {
		t.Error("isIllustrative misreads a source")
	}
}

// TestTopicID: a topic cell holds the ID, or the template's drop-down entry
// "ID – Name"; only a one-word part before the dash is taken for the ID.
func TestTopicID(t *testing.T) {
	tests := []struct{ in, want string }{
		{"AUSTAUSCH", "AUSTAUSCH"},
		{"AUSTAUSCH – Austausch und Kooperation", "AUSTAUSCH"}, // the drop-down's entry
		{"AUSTAUSCH - Austausch und Kooperation", "AUSTAUSCH"}, // typed with a hyphen
		{"E-AKTE – E-Akte", "E-AKTE"},
		{"E-AKTE - E-Akte", "E-AKTE"},
		{"E-AKTE", "E-AKTE"},     // a hyphen inside the ID
		{"OZG  – Online", "OZG"}, // the ID trimmed
		{"A – B – C", "A"},
		{"Open Data – Offene Daten", "Open Data – Offene Daten"}, // two words: not an ID
		{"– Name", "– Name"},
		{"Breitband & Glasfaser", "Breitband & Glasfaser"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := topicID(tt.in); got != tt.want {
			t.Errorf("topicID(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
