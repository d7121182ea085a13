package workbook

import (
	"strings"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/problem"
)

// settingSpec is one key of the framework's settings sheet. The table is
// the single list of keys: the reader, its error messages and the
// template all take the names from here.
type settingSpec struct {
	key   string
	names []string // first the German, then the English name, then aliases
	// example is what a blank framework template shows: the default.
	example string
	apply   func(t *table, r row, s *model.Settings) bool
}

// settingSpecs are applied in this order, so a key for both levels
// ("Aggregation") comes before the keys for one level and is overridden
// by them wherever both are given.
var settingSpecs = []settingSpec{
	{"aggregation", []string{"Aggregation", "Aggregation", "Aggregationsmethode", "Aggregation method"}, "arithmetisch",
		func(t *table, r row, s *model.Settings) bool {
			a, ok := enum(t, r, "value", parseAggregation, problem.CellAggregation)
			if ok {
				s.DimensionAggregation, s.IndexAggregation = a, a
			}
			return ok
		}},
	{"dimension_aggregation", []string{"Aggregation Dimensionen", "Dimension aggregation", "Aggregation der Dimensionen", "Aggregation Dimension"}, "",
		func(t *table, r row, s *model.Settings) bool {
			a, ok := enum(t, r, "value", parseAggregation, problem.CellAggregation)
			if ok {
				s.DimensionAggregation = a
			}
			return ok
		}},
	{"index_aggregation", []string{"Aggregation Index", "Index aggregation", "Aggregation des Index"}, "",
		func(t *table, r row, s *model.Settings) bool {
			a, ok := enum(t, r, "value", parseAggregation, problem.CellAggregation)
			if ok {
				s.IndexAggregation = a
			}
			return ok
		}},
	{"coverage", []string{"Mindestabdeckung", "Minimum coverage", "Abdeckung", "Coverage", "Min coverage"}, "50 %",
		func(t *table, r row, s *model.Settings) bool {
			cov, ok := coverage(t, r)
			if ok {
				s.DimensionMinCoverage, s.IndexMinCoverage = cov, cov
			}
			return ok
		}},
	{"dimension_coverage", []string{"Mindestabdeckung Dimensionen", "Dimension minimum coverage", "Mindestabdeckung Dimension"}, "",
		func(t *table, r row, s *model.Settings) bool {
			cov, ok := coverage(t, r)
			if ok {
				s.DimensionMinCoverage = cov
			}
			return ok
		}},
	{"index_coverage", []string{"Mindestabdeckung Index", "Index minimum coverage"}, "",
		func(t *table, r row, s *model.Settings) bool {
			cov, ok := coverage(t, r)
			if ok {
				s.IndexMinCoverage = cov
			}
			return ok
		}},
	{"scale", []string{"Skala", "Scale", "Punkteskala", "Score scale"}, "100",
		func(t *table, r row, s *model.Settings) bool {
			raw := t.raw(r, "value")
			switch normalize(raw) {
			case "100", "0100":
				s.Scale = 100
			case "1", "01":
				s.Scale = 1
			default:
				t.b.probs.Errorf(t.cellPos(r, "value"), problem.SettingChoice, raw, t.raw(r, "key"), `"100", "1" (0–100, 0–1)`)
				return false
			}
			return true
		}},
	{"decimals", []string{"Nachkommastellen", "Decimals", "Dezimalstellen", "Decimal places"}, "1",
		func(t *table, r row, s *model.Settings) bool {
			n, ok := integer(t, r, 0, 6)
			if ok {
				s.Decimals = n
			}
			return ok
		}},
	{"rank_on", []string{"Ränge auf", "Rank on", "Rang auf", "Ränge nach", "Ranks on"}, "gerundete Werte",
		func(t *table, r row, s *model.Settings) bool {
			raw := t.raw(r, "value")
			switch normalize(raw) {
			case "gerundet", "gerundetewerte", "rounded", "roundedvalues", "roundedscores", "veroeffentlichtewerte", "published":
				s.RankUnrounded = false
			case "ungerundet", "ungerundetewerte", "unrounded", "unroundedvalues", "unroundedscores", "exakt", "exact":
				s.RankUnrounded = true
			default:
				t.b.probs.Errorf(t.cellPos(r, "value"), problem.SettingChoice, raw, t.raw(r, "key"),
					`"gerundete Werte", "ungerundete Werte" (rounded, unrounded)`)
				return false
			}
			return true
		}},
	{"carry_forward", []string{"Fortschreibung (Jahre)", "Carry forward (years)", "Fortschreibung", "Carry forward", "Letzten Wert fortschreiben (Jahre)"}, "0",
		func(t *table, r row, s *model.Settings) bool {
			n, ok := integer(t, r, 0, 10)
			if ok {
				s.CarryForward = n
			}
			return ok
		}},
	{"year", []string{"Bezugsjahr", "Reference year", "Referenzjahr"}, "",
		func(t *table, r row, s *model.Settings) bool {
			v, ok := t.number(r, "value", false, t.raw(r, "key"))
			if !ok || v == nil {
				return ok
			}
			if *v != float64(int(*v)) {
				t.b.probs.Errorf(t.cellPos(r, "value"), problem.CellInteger, t.raw(r, "value"))
				return false
			}
			s.ReferenceYear = int(*v)
			s.ReferenceYearPos = t.cellPos(r, "value")
			return true
		}},
	{"draws", []string{"Monte-Carlo-Ziehungen", "Monte Carlo draws", "Ziehungen", "Draws"}, "1000",
		func(t *table, r row, s *model.Settings) bool {
			n, ok := integer(t, r, 0, 100000)
			if ok {
				s.Uncertainty.Draws = n
			}
			return ok
		}},
	{"seed", []string{"Zufallsstartwert", "Random seed", "Startwert", "Seed"}, "1",
		func(t *table, r row, s *model.Settings) bool {
			n, ok := integer(t, r, 0, 1<<53)
			if ok {
				s.Uncertainty.Seed = uint64(n)
			}
			return ok
		}},
	{"weight_spread", []string{"Gewichtsstreuung", "Weight spread", "Streuung der Gewichte", "Weight variation"}, "25 %",
		func(t *table, r row, s *model.Settings) bool {
			v, ok := share(t, r, 0.99)
			if ok {
				s.Uncertainty.WeightSpread = v
			}
			return ok
		}},
	{"vary_methods", []string{"Methoden variieren", "Vary methods", "Methodenwahl variieren"}, "nein",
		func(t *table, r row, s *model.Settings) bool {
			raw := t.raw(r, "value")
			b, ok := parseBool(raw)
			if !ok {
				t.b.probs.Errorf(t.cellPos(r, "value"), problem.SettingChoice, raw, t.raw(r, "key"), `"ja", "nein" (yes, no)`)
				return false
			}
			s.Uncertainty.VaryMethods = b
			return true
		}},
}

// readSettings reads the key/value rows of the settings sheet over the
// defaults already in s.
func readSettings(t *table, s *model.Settings) {
	found := make([]*row, len(settingSpecs))
	for _, r := range t.rows {
		key := t.raw(r, "key")
		i := settingIndex(key)
		if i < 0 {
			t.b.probs.Errorf(t.cellPos(r, "key"), problem.KeyUnknown, key, settingNames())
			continue
		}
		if first := found[i]; first != nil {
			t.b.probs.Errorf(t.cellPos(r, "key"), problem.KeyTwice, key, t.cellPos(*first, "key").Cell())
			continue
		}
		found[i] = &r
	}
	decimalsGiven := false
	for i, spec := range settingSpecs {
		if found[i] == nil {
			continue
		}
		if spec.apply(t, *found[i], s) && spec.key == "decimals" {
			decimalsGiven = true
		}
	}
	// A 0–1 scale needs more digits than a 0–100 one to say the same.
	if s.Scale == 1 && !decimalsGiven {
		s.Decimals = 3
	}
}

func settingIndex(key string) int {
	for i, spec := range settingSpecs {
		if matches(key, spec.names) {
			return i
		}
	}
	return -1
}

// settingNames lists the keys for a message: "Aggregation", "Mindestabdeckung / Minimum coverage", …
func settingNames() string {
	var b strings.Builder
	for i, spec := range settingSpecs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(`"` + spec.names[0])
		if spec.names[1] != spec.names[0] {
			b.WriteString(" / " + spec.names[1])
		}
		b.WriteString(`"`)
	}
	return b.String()
}

// coverage reads "50 %", "50" or 0.5 as one half.
func coverage(t *table, r row) (float64, bool) {
	v, percent, ok := t.numberOrPercent(r, "value", true, t.raw(r, "key"))
	if !ok {
		return 0, false
	}
	cov := *v
	if percent || cov > 1 {
		cov /= 100
	}
	if cov < 0 || cov > 1 {
		t.b.probs.Errorf(t.cellPos(r, "value"), problem.CoverageRange, t.raw(r, "value"))
		return 0, false
	}
	return cov, true
}

// share reads a percentage ("25 %", 25 or 0.25) up to limit (a fraction).
func share(t *table, r row, limit float64) (float64, bool) {
	v, percent, ok := t.numberOrPercent(r, "value", true, t.raw(r, "key"))
	if !ok {
		return 0, false
	}
	x := *v
	if percent || x > 1 {
		x /= 100
	}
	if x < 0 || x > limit {
		t.b.probs.Errorf(t.cellPos(r, "value"), problem.SettingPercent, t.raw(r, "value"), t.raw(r, "key"), limit*100)
		return 0, false
	}
	return x, true
}

// integer reads a whole number from lo to hi.
func integer(t *table, r row, lo, hi int) (int, bool) {
	v, ok := t.number(r, "value", true, t.raw(r, "key"))
	if !ok {
		return 0, false
	}
	if *v != float64(int(*v)) || int(*v) < lo || int(*v) > hi {
		t.b.probs.Errorf(t.cellPos(r, "value"), problem.SettingInteger, t.raw(r, "value"), t.raw(r, "key"), lo, hi)
		return 0, false
	}
	return int(*v), true
}
