package model

import (
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
