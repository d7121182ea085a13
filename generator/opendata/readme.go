package opendata

import (
	"strconv"
	"strings"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/score"
)

// Setting is one method setting the results were computed with, as the
// README sheet states it, in German and English.
type Setting struct {
	Name, Value model.Text
}

// Settings are the method settings in force and the reference year, for
// the README: the same that the methodology page states.
func Settings(res score.Result) []Setting {
	m := res.Method
	same := func(s string) model.Text { return model.Text{De: s, En: s} }
	aggregation := func(a model.Aggregation) model.Text {
		switch a {
		case model.Geometric:
			return model.Text{De: "gewichtetes geometrisches Mittel", En: "weighted geometric mean"}
		case model.Harmonic:
			return model.Text{De: "gewichtetes harmonisches Mittel", En: "weighted harmonic mean"}
		}
		return model.Text{De: "gewichtetes arithmetisches Mittel", En: "weighted arithmetic mean"}
	}
	rankOn := model.Text{De: "gerundete, veröffentlichte Punktwerte", En: "rounded, published scores"}
	if m.RankUnrounded {
		rankOn = model.Text{De: "ungerundete Punktwerte", En: "unrounded scores"}
	}
	carry := model.Text{De: "aus", En: "off"}
	if n := m.CarryForward; n > 0 {
		carry = model.Text{De: "höchstens " + strconv.Itoa(n) + " Jahr(e)", En: "at most " + strconv.Itoa(n) + " year(s)"}
	}
	year := model.Text{De: "keines (keine Daten)", En: "none (no data)"}
	if res.ReferenceYear > 0 {
		year = same(strconv.Itoa(res.ReferenceYear))
	}
	return []Setting{
		{model.Text{De: "Skala der Punktwerte", En: "Score scale"}, same("0–" + plain(m.Scale))},
		{model.Text{De: "Nachkommastellen", En: "Decimals"}, same(strconv.Itoa(m.Decimals))},
		{model.Text{De: "Aggregation Kennzahlen → Dimension", En: "Aggregation indicators → dimension"}, aggregation(m.DimensionAggregation)},
		{model.Text{De: "Aggregation Dimensionen → Index", En: "Aggregation dimensions → index"}, aggregation(m.IndexAggregation)},
		{model.Text{De: "Mindestabdeckung je Dimension", En: "Minimum coverage per dimension"}, percent(m.DimensionMinCoverage)},
		{model.Text{De: "Mindestabdeckung des Index", En: "Minimum coverage of the index"}, percent(m.IndexMinCoverage)},
		{model.Text{De: "Ränge auf", En: "Ranks on"}, rankOn},
		{model.Text{De: "Fortschreibung fehlender Werte", En: "Carry-forward of missing values"}, carry},
		{model.Text{De: "Bezugsjahr", En: "Reference year"}, year},
	}
}

// plain prints v as short as it is exact, with a decimal point.
func plain(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// percent prints a share (0.5) as a percentage in both languages' form:
// "50 %", or "62,5 %" and "62.5 %".
func percent(share float64) model.Text {
	en := plain(score.Round(share*100, 1))
	return model.Text{De: strings.Replace(en, ".", ",", 1) + " %", En: en + " %"}
}

// readmeSettings are the README sheet's rows for the settings: a heading,
// then one row per setting with its German and English name and value.
func readmeSettings(settings []Setting) [][]string {
	if len(settings) == 0 {
		return nil
	}
	rows := [][]string{{}, {"Einstellungen der Berechnung / Method settings", "Wert", "Value"}}
	for _, s := range settings {
		rows = append(rows, []string{s.Name.De + " / " + s.Name.En, s.Value.De, s.Value.En})
	}
	return rows
}
