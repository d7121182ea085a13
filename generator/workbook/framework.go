package workbook

import (
	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/problem"
)

var (
	dimensionsSheet = sheetSpec{[]string{"Dimensionen", "Dimensions"}}
	indicatorsSheet = sheetSpec{[]string{"Indikatoren", "Indicators"}}
	topicsSheet     = sheetSpec{[]string{"Themen", "Topics", "Themenfelder", "Handlungsfelder"}}
	levelsSheet     = sheetSpec{[]string{"Reifegrade", "Levels", "Reifegradstufen", "Maturity levels"}}
	settingsSheet   = sheetSpec{[]string{"Einstellungen", "Settings"}}
)

// Column names shared by several sheets.
var (
	colID      = colSpec{"id", []string{"ID", "Kennung", "Kürzel", "Code"}, true}
	colDim     = colSpec{"dimension", []string{"Dimension"}, true}
	colNameDe  = colSpec{"name_de", []string{"Name (de)", "Name", "Bezeichnung", "Name de", "Bezeichnung (de)", "Name (deutsch)"}, true}
	colNameEn  = colSpec{"name_en", []string{"Name (en)", "Name en", "Bezeichnung (en)", "Name (englisch)", "Name (English)"}, false}
	colWeight  = colSpec{"weight", []string{"Gewicht", "Weight", "Gewichtung", "Weighting"}, true}
	colDescDe  = colSpec{"desc_de", []string{"Beschreibung (de)", "Beschreibung", "Description (de)", "Beschreibung de"}, false}
	colDescEn  = colSpec{"desc_en", []string{"Description (en)", "Description", "Beschreibung (en)", "Description en"}, false}
	colSource  = colSpec{"source", []string{"Quelle", "Source", "Datenquelle", "Data source"}, false}
	colKey     = colSpec{"key", []string{"Feld", "Field", "Einstellung", "Setting", "Merkmal", "Key"}, true}
	colValue   = colSpec{"value", []string{"Wert", "Value", "Angabe"}, true}
	dimensions = []colSpec{colID, colNameDe, colNameEn, colWeight, colDescDe, colDescEn}
	indicators = []colSpec{colID, colDim, colNameDe, colNameEn,
		{"unit", []string{"Einheit", "Unit", "Einheit (de)", "Unit (de)"}, false},
		{"unit_en", []string{"Einheit (en)", "Unit (en)", "Einheit en", "Unit en", "Einheit (englisch)", "Unit (English)"}, false},
		{"direction", []string{"Richtung", "Direction", "Polarität", "Polarity"}, true},
		colWeight,
		{"min", []string{"Minimum", "Goalpost min", "Zielwert min", "Min", "Untere Grenze", "Lower goalpost"}, false},
		{"max", []string{"Maximum", "Goalpost max", "Zielwert max", "Max", "Obere Grenze", "Upper goalpost"}, false},
		{"transform", []string{"Transformation", "Transform"}, false},
		{"normalisation", []string{"Normalisierung", "Normalisation", "Normalization", "Normierung"}, false},
		colSource,
		{"decimals", []string{"Nachkommastellen", "Decimals", "Dezimalstellen", "Decimal places"}, false},
		colDescDe, colDescEn}
	topics = []colSpec{colID, colDim, colNameDe, colNameEn}
	levels = []colSpec{
		{"min", []string{"Ab Punktzahl", "From score", "Ab", "From", "Untergrenze", "Lower bound", "Mindestpunktzahl", "Minimum score"}, true},
		colNameDe, colNameEn}
	settings = []colSpec{colKey, colValue}
)

// ReadFramework reads data/framework.xlsx. Problems go to probs; the
// returned framework holds every row that could be read, so that the
// validator can still check the rest.
func ReadFramework(path string, probs *problem.List) model.Framework {
	// Until a sheet is read, nothing may be checked against it: a missing
	// framework is one error, not one for every ID the cities name.
	fw := model.Framework{File: path, Settings: model.DefaultSettings(),
		Unread: model.Sheets{Dimensions: true, Indicators: true, Topics: true, Levels: true}}
	b, ok := openBook(path, probs)
	if !ok {
		return fw
	}
	defer b.close()

	if t, ok := b.tableOf(dimensionsSheet, dimensions, true); ok {
		fw.Unread.Dimensions = false
		for _, r := range t.rows {
			id, ok1 := t.text(r, "id", true, "ID")
			name, ok2 := t.text(r, "name_de", true, "Name (de)")
			w, _, ok3 := t.numberOrPercent(r, "weight", true, "Gewicht / Weight")
			if !ok1 {
				continue
			}
			if ok3 && *w < 0 {
				b.probs.Errorf(t.cellPos(r, "weight"), problem.WeightNegative, *w)
				ok3 = false
			}
			d := model.Dimension{Invalid: !ok2 || !ok3, ID: id, Pos: t.cellPos(r, "id")}
			if !d.Invalid {
				d.Name = model.Text{De: name, En: t.optText(r, "name_en")}
				d.Description = model.Text{De: t.optText(r, "desc_de"), En: t.optText(r, "desc_en")}
				d.Weight = *w
			}
			fw.Dimensions = append(fw.Dimensions, d)
		}
	}
	if t, ok := b.tableOf(indicatorsSheet, indicators, true); ok {
		fw.Unread.Indicators = false
		for _, r := range t.rows {
			id, ok := t.text(r, "id", true, "ID")
			if !ok {
				continue
			}
			ind, ok := readIndicator(t, r, id)
			if !ok {
				ind = model.Indicator{Invalid: true, ID: id, Dimension: t.raw(r, "dimension"), Pos: t.cellPos(r, "id"), DimPos: t.cellPos(r, "dimension")}
			}
			fw.Indicators = append(fw.Indicators, ind)
		}
	}
	if t, ok := b.tableOf(topicsSheet, topics, true); ok {
		fw.Unread.Topics = false
		for _, r := range t.rows {
			id, ok1 := t.text(r, "id", true, "ID")
			dim, ok2 := t.text(r, "dimension", true, "Dimension")
			name, ok3 := t.text(r, "name_de", true, "Name (de)")
			if ok1 {
				fw.Topics = append(fw.Topics, model.Topic{Invalid: !ok2 || !ok3,
					ID: id, Dimension: dim, Name: model.Text{De: name, En: t.optText(r, "name_en")},
					Pos: t.cellPos(r, "id"), DimPos: t.cellPos(r, "dimension"),
				})
			}
		}
	}
	if t, ok := b.tableOf(levelsSheet, levels, true); ok {
		fw.Unread.Levels = false
		for _, r := range t.rows {
			lo, ok1 := t.number(r, "min", true, "Ab Punktzahl / From score")
			name, ok2 := t.text(r, "name_de", true, "Name (de)")
			if ok1 && (*lo < 0 || *lo > 100) {
				b.probs.Errorf(t.cellPos(r, "min"), problem.LevelRange, *lo)
				ok1 = false
			}
			if ok1 && ok2 {
				fw.Levels = append(fw.Levels, model.Level{
					Min: *lo, Name: model.Text{De: name, En: t.optText(r, "name_en")},
					Pos: t.cellPos(r, "min"),
				})
			}
		}
	}
	if t, ok := b.tableOf(settingsSheet, settings, false); ok {
		readSettings(t, &fw.Settings)
	}
	return fw
}

func readIndicator(t *table, r row, id string) (model.Indicator, bool) {
	ok1 := true
	dim, ok2 := t.text(r, "dimension", true, "Dimension")
	name, ok3 := t.text(r, "name_de", true, "Name (de)")
	dir, ok4 := enum(t, r, "direction", parseDirection, problem.CellDirection)
	if t.raw(r, "direction") == "" && ok4 {
		// An empty direction would silently mean "higher is better".
		t.b.probs.Errorf(t.cellPos(r, "direction"), problem.CellRequired, "Richtung / Direction")
		ok4 = false
	}
	// Weights are shares, and an indicator in % may have its goalposts
	// written as 0 % and 100 %: read as shown.
	w, _, ok5 := t.numberOrPercent(r, "weight", true, "Gewicht / Weight")
	lo, loPct, ok6 := t.numberOrPercent(r, "min", false, "")
	hi, hiPct, ok7 := t.numberOrPercent(r, "max", false, "")
	tr, ok8 := enum(t, r, "transform", parseTransform, problem.CellTransform)
	dec, ok9 := t.number(r, "decimals", false, "")
	norm, ok10 := parseNormalisation(t.raw(r, "normalisation"))
	if !ok10 {
		t.b.probs.Errorf(t.cellPos(r, "normalisation"), problem.CellNormalisation, t.raw(r, "normalisation"))
	}
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6 && ok7 && ok8 && ok9 && ok10) {
		return model.Indicator{}, false
	}
	ind := model.Indicator{
		ID: id, Dimension: dim, Name: model.Text{De: name, En: t.optText(r, "name_en")},
		Unit: model.Text{De: t.optText(r, "unit"), En: t.optText(r, "unit_en")}, Direction: dir, Weight: *w, Transform: tr,
		Source:      t.optText(r, "source"),
		Description: model.Text{De: t.optText(r, "desc_de"), En: t.optText(r, "desc_en")},
		Decimals:    -1, Pos: t.cellPos(r, "id"), DimPos: t.cellPos(r, "dimension"),
	}
	if *w < 0 {
		t.b.probs.Errorf(t.cellPos(r, "weight"), problem.WeightNegative, *w)
		return model.Indicator{}, false
	}
	for _, g := range []struct {
		key     string
		v       *float64
		percent bool
	}{{"min", lo, loPct}, {"max", hi, hiPct}} {
		if g.percent && !ind.InPercent() {
			t.b.probs.Errorf(t.cellPos(r, g.key), problem.CellPercentNotHere, shownPercent(*g.v))
			return model.Indicator{}, false
		}
	}
	given := norm != autoNormalisation
	switch {
	case given && norm == model.NormGoalposts && (lo == nil || hi == nil):
		t.b.probs.Errorf(t.cellPos(r, "normalisation"), problem.NormNeedsGoalposts, t.raw(r, "normalisation"))
		return model.Indicator{}, false
	case given && norm != model.NormGoalposts && (lo != nil || hi != nil):
		t.b.probs.Errorf(t.cellPos(r, "normalisation"), problem.NormWithGoalposts, t.raw(r, "normalisation"))
		return model.Indicator{}, false
	case lo != nil && hi != nil:
		if *lo >= *hi {
			t.b.probs.Errorf(t.cellPos(r, "min"), problem.GoalpostsOrder, *lo, *hi)
			return model.Indicator{}, false
		}
		if tr == model.LogTransform && *lo <= 0 {
			t.b.probs.Errorf(t.cellPos(r, "min"), problem.LogNotPositive, *lo, id)
			return model.Indicator{}, false
		}
		ind.Goalposts = &model.Goalposts{Min: *lo, Max: *hi}
		ind.Normalisation = model.NormGoalposts
	case lo != nil || hi != nil:
		show := func(p *float64) any {
			if p == nil {
				return "–"
			}
			return *p
		}
		t.b.probs.Errorf(t.pos(r.n, t.cols["min"]), problem.GoalpostsHalf, show(lo), show(hi))
		return model.Indicator{}, false
	}
	if ind.Goalposts == nil {
		ind.Normalisation = model.NormMinMax
		if given {
			ind.Normalisation = norm
		}
	}
	if dec != nil {
		if *dec != float64(int(*dec)) || *dec < 0 || *dec > 6 {
			t.b.probs.Errorf(t.cellPos(r, "decimals"), problem.DecimalsRange, *dec)
			return model.Indicator{}, false
		}
		ind.Decimals = int(*dec)
	}
	return ind, true
}

// tableOf finds a sheet and reads it as a table.
func (b *book) tableOf(spec sheetSpec, cols []colSpec, required bool) (*table, bool) {
	name, ok := b.findSheet(spec, required)
	if !ok {
		return nil, false
	}
	return b.readTable(name, cols)
}

// optText reads an optional text column; problems are reported, and the
// text is then left empty.
func (t *table) optText(r row, key string) string {
	s, _ := t.text(r, key, false, "")
	return s
}
