package model

import (
	"encoding/json"
	"testing"
	"time"
)

// TestInPercent: a unit says percent with a "%" anywhere or with the word
// Prozent, percent or per cent, in either language.
func TestInPercent(t *testing.T) {
	for unit, want := range map[string]bool{
		"%": true, " % ": true, "% der Haushalte": true, "%-Punkte": true, "Prozent": true, "prozent der Fläche": true,
		"Anteil in Prozent": true, "PERCENT": true, "per cent": true, "Per  Cent of staff": true,
		"Anzahl": false, "": false, "Prozentpunkte": false, "percentile": false, "per capita": false, "EUR je Einw.": false,
	} {
		if got := (Indicator{Unit: Text{De: unit}}).InPercent(); got != want {
			t.Errorf("unit %q (German): InPercent = %v, want %v", unit, got, want)
		}
		if got := (Indicator{Unit: Text{De: "Anteil", En: unit}}).InPercent(); got != want {
			t.Errorf("unit %q (English): InPercent = %v, want %v", unit, got, want)
		}
	}
}

// TestDateOf: the calendar date where t is, not in UTC.
func TestDateOf(t *testing.T) {
	berlin := time.FixedZone("CET", 3600)
	if got, want := DateOf(time.Date(2027, 1, 1, 0, 30, 0, 0, berlin)), (Date{Year: 2027, Month: 1, Day: 1}); got != want {
		t.Errorf("DateOf = %v, want %v", got, want)
	}
}

func TestAddress(t *testing.T) {
	for id, want := range map[string]string{
		"VER-01": "ver-01", "ver-01": "ver-01", "VER-01.": "ver-01", " V 1 ": "v-1", "D_2": "d_2", "Straße": "straße", "a.b.c": "abc",
	} {
		if got := Address(id); got != want {
			t.Errorf("Address(%q) = %q; want %q", id, got, want)
		}
	}
}

// TestPosQuotesUnsafeNames: a file or sheet name with a control character
// or line break is printed quoted, any other as it is.
func TestPosQuotesUnsafeNames(t *testing.T) {
	tests := []struct {
		pos  Pos
		want string
	}{
		{Pos{File: "data/partners/muenchen.xlsx", Sheet: "Kennzahlen", Row: 7, Col: 3}, "data/partners/muenchen.xlsx: Kennzahlen!C7"},
		{Pos{File: "data/partners/München Ä.xlsx", Sheet: "Maßnahmen"}, "data/partners/München Ä.xlsx: Maßnahmen"},
		{Pos{File: "data/partners/a\n::error::x.xlsx"}, `"data/partners/a\n::error::x.xlsx"`},
		{Pos{File: "a.xlsx", Sheet: "K\x1b[31m\u2028", Row: 1, Col: 1}, `a.xlsx: "K\x1b[31m\u2028"!A1`},
	}
	for _, tt := range tests {
		if got := tt.pos.String(); got != tt.want {
			t.Errorf("%#v.String() = %s; want %s", tt.pos, got, tt.want)
		}
	}
	if got := OneLine("a\r\nb\x1b\u0085c"); got != `a\r\nb\x1b\u0085c` {
		t.Errorf("OneLine = %s", got)
	}
}

// TestProgressPct: a progress given counts whatever the status; a done
// measure without one is 100 % done; any other without one is unknown.
func TestProgressPct(t *testing.T) {
	forty := 40.0
	for _, tc := range []struct {
		name string
		m    Measure
		pct  float64
		ok   bool
	}{
		{"running at 40", Measure{Status: InProgress, Progress: &forty}, 40, true},
		{"done without a progress", Measure{Status: Done}, 100, true},
		{"running without a progress", Measure{Status: InProgress}, 0, false},
		{"stopped at 40", Measure{Status: Stopped, Progress: &forty}, 40, true},
		{"planned without a progress", Measure{Status: Planned}, 0, false},
	} {
		if pct, ok := tc.m.ProgressPct(); pct != tc.pct || ok != tc.ok {
			t.Errorf("%s: ProgressPct() = %v, %v; want %v, %v", tc.name, pct, ok, tc.pct, tc.ok)
		}
	}
}

// TestStatusWords: every status has its own word, the JSON reads back, and
// the words are those the theme matches.
func TestStatusWords(t *testing.T) {
	want := map[Status]string{Planned: "planned", InProgress: "in_progress", Done: "done", Stopped: "stopped"}
	if len(Statuses()) != len(want) {
		t.Fatalf("%d statuses, want %d: a new status needs its word here and in the theme", len(Statuses()), len(want))
	}
	for _, s := range Statuses() {
		b, err := json.Marshal(s)
		if err != nil || string(b) != `"`+want[s]+`"` || s.String() != want[s] {
			t.Errorf("status %d: JSON %s (%v), String %q; want %q", int(s), b, err, s.String(), want[s])
		}
		var back Status
		if err := json.Unmarshal(b, &back); err != nil || back != s {
			t.Errorf("%s reads back as %v (%v)", b, back, err)
		}
	}
	if _, err := json.Marshal(Status(len(want))); err == nil {
		t.Error("a status out of range was written")
	}
}

// TestTextIn: English where there is English; else German, which an
// English page marks as such; German pages never mark.
func TestTextIn(t *testing.T) {
	for _, tc := range []struct {
		text   Text
		lang   string
		want   string
		german bool
	}{
		{Text{De: "Stadt", En: "City"}, "de", "Stadt", false},
		{Text{De: "Stadt", En: "City"}, "en", "City", false},
		{Text{De: "Stadt"}, "en", "Stadt", true},
		{Text{De: "Stadt"}, "de", "Stadt", false},
		{Text{}, "en", "", false},
		{Text{En: "City"}, "de", "", false},
	} {
		if got, german := tc.text.In(tc.lang); got != tc.want || german != tc.german {
			t.Errorf("%+v.In(%q) = %q, %v; want %q, %v", tc.text, tc.lang, got, german, tc.want, tc.german)
		}
	}
}
