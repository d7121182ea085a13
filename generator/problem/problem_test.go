package problem

import (
	"testing"

	"github.com/digitale-staedte/benchmark/generator/model"
)

// TestNumbersInMessages: a number is printed as it would be typed into a
// cell in the message's language: decimal comma in German, never an
// exponent, nothing grouped; texts and whole numbers pass unchanged.
func TestNumbersInMessages(t *testing.T) {
	for _, tc := range []struct {
		code   Code
		args   []any
		de, en string
	}{
		{WeightNegative, []any{-0.25},
			"Gewicht -0,25 ist negativ; erwartet wird ein Gewicht von 0 oder mehr",
			"weight -0.25 is negative; expected a weight of 0 or more"},
		{BudgetNegative, []any{-1500000.0},
			"Budget -1500000 ist negativ; erwartet wird ein Betrag von 0 oder mehr",
			"budget -1500000 is negative; expected an amount of 0 or more"},
		// Values validate passes as they are (%v alone would print 2.5e+06,
		// and a decimal point in German).
		{ValueClamped, []any{2500000.0, 0.0, 100000.5, "D1", 100000.5},
			"Wert 2500000 liegt außerhalb der Zielwerte 0–100000,5 von \"D1\"; er zählt wie 100000,5 (begrenzt). Bitte prüfen, ob Wert und Zielwerte stimmen",
			"value 2500000 lies outside the goalposts 0–100000.5 of \"D1\"; it counts as 100000.5 (clamped). Please check that value and goalposts are right"},
		{CoordinateRange, []any{91.5, -90.0, 90.0},
			"91,5 liegt außerhalb von -90 bis 90; erwartet wird eine Koordinate in Dezimalgrad",
			"91.5 lies outside -90 to 90; expected a coordinate in decimal degrees"},
		{GoalpostsHalf, []any{"–", 0.000001},
			"nur ein Zielwert ist angegeben (Minimum –, Maximum 0,000001); erwartet werden beide oder keiner",
			"only one goalpost is given (min –, max 0.000001); expected both or neither"},
		// A cell's text is quoted as typed, whatever it looks like.
		{CellNumber, []any{"1.5"},
			"\"1.5\" ist keine Zahl; erwartet wird eine Zahl wie 1.234,5 oder 12,5 %",
			"\"1.5\" is not a number; expected a number such as 1,234.5 or 12.5 %"},
		{KPIYearGap, []any{2024, "V2", 2023, 2025},
			"kein Wert für 2024, obwohl Indikator \"V2\" Werte für 2023 und 2025 hat; bitte prüfen, ob der Wert fehlt (leere Zelle = keine Angabe)",
			"no value for 2024 although indicator \"V2\" has values for 2023 and 2025; please check whether the value is missing (empty cell = no value)"},
	} {
		p := Problem{Pos: model.Pos{File: "x.xlsx"}, Code: tc.code, Args: tc.args}
		if got := p.Message("de"); got != tc.de {
			t.Errorf("%s in de:\n got %q\nwant %q", tc.code, got, tc.de)
		}
		if got := p.Message("en"); got != tc.en {
			t.Errorf("%s in en:\n got %q\nwant %q", tc.code, got, tc.en)
		}
		if _, ok := tc.args[0].(float64); ok && tc.args[0] != p.Args[0] {
			t.Errorf("%s: Message changed the problem's own arguments", tc.code)
		}
	}
}
