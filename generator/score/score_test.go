package score

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/model"
)

// Scores are compared to 1e-9: the hand arithmetic in the comments is
// exact, the float arithmetic may be off in the last bits.
const tolerance = 1e-9

func near(a, b float64) bool { return math.Abs(a-b) <= tolerance }

// --- fixture helpers ---

type option func(*model.Indicator)

func goalposts(lo, hi float64) option {
	return func(i *model.Indicator) {
		i.Goalposts = &model.Goalposts{Min: lo, Max: hi}
		i.Normalisation = model.NormGoalposts
	}
}

func lower(i *model.Indicator)    { i.Direction = model.LowerIsBetter }
func logScale(i *model.Indicator) { i.Transform = model.LogTransform }

func indicator(id, dim string, weight float64, opts ...option) model.Indicator {
	ind := model.Indicator{ID: id, Dimension: dim, Weight: weight, Decimals: -1, Normalisation: model.NormMinMax}
	for _, o := range opts {
		o(&ind)
	}
	return ind
}

// kpi is one KPI row from (year, value) pairs.
func kpi(id string, pairs ...float64) model.KPI {
	k := model.KPI{Indicator: id}
	for i := 0; i+1 < len(pairs); i += 2 {
		k.Values = append(k.Values, model.Observation{Year: int(pairs[i]), Value: pairs[i+1]})
	}
	return k
}

func ok(v float64) Value { return Value{V: v, OK: true} }

var missing = Value{}

// --- normalise ---

func TestNormalise(t *testing.T) {
	type want struct {
		score   float64
		ok      bool
		clamped bool
	}
	scored := func(s float64) want { return want{score: s, ok: true} }
	clamped := func(s float64) want { return want{score: s, ok: true, clamped: true} }
	none := want{}
	tests := []struct {
		name string
		ind  model.Indicator
		raw  []Value
		want []want
	}{
		{
			name: "goalposts, clamped at both ends",
			ind:  indicator("I", "D", 1, goalposts(10, 50)),
			raw:  []Value{ok(30), ok(5), ok(60), ok(10), ok(50), missing},
			want: []want{
				scored(50),   // (30−10)/(50−10)·100 = 50
				clamped(0),   // (5−10)/40·100 = −12.5 → 0
				clamped(100), // (60−10)/40·100 = 125 → 100
				scored(0),    // exactly on the goalpost: not clamped
				scored(100),  // exactly on the goalpost: not clamped
				none,
			},
		},
		{
			name: "goalposts score a city that reports alone",
			ind:  indicator("I", "D", 1, goalposts(0, 200)),
			raw:  []Value{missing, ok(50)},
			want: []want{none, scored(25)}, // 50/200·100 = 25
		},
		{
			name: "goalposts, lower is better",
			ind:  indicator("I", "D", 1, goalposts(10, 50), lower),
			raw:  []Value{ok(20), ok(60), ok(0)},
			want: []want{
				scored(75),   // 100 − (20−10)/40·100 = 100 − 25 = 75
				clamped(0),   // 100 − min(125, 100) = 0
				clamped(100), // 100 − max(−25, 0) = 100
			},
		},
		{
			name: "log transform with goalposts",
			// ln 1 = 0, ln 1000 = 6.907755279
			ind: indicator("I", "D", 1, goalposts(1, 1000), logScale),
			raw: []Value{ok(10), ok(100), ok(0.5), ok(2000)},
			want: []want{
				scored(100.0 / 3), // ln 10 = 2.302585093; 2.302585093/6.907755279·100 = 33.333…
				scored(200.0 / 3), // ln 100 = 4.605170186; 4.605170186/6.907755279·100 = 66.666…
				clamped(0),        // ln 0.5 = −0.693147181 → −10.03 → 0
				clamped(100),      // ln 2000 = 7.600902460 → 110.03 → 100
			},
		},
		{
			name: "observed min–max",
			ind:  indicator("I", "D", 1),
			raw:  []Value{ok(10), ok(20), ok(50), missing},
			want: []want{
				scored(0),   // the lowest: (10−10)/(50−10)·100 = 0
				scored(25),  // (20−10)/(50−10)·100 = 25
				scored(100), // the highest
				none,
			},
		},
		{
			name: "observed, lower is better",
			ind:  indicator("I", "D", 1, lower),
			raw:  []Value{ok(10), ok(20), ok(50)},
			want: []want{
				scored(100), // 100 − 0
				scored(75),  // 100 − (20−10)/40·100 = 75
				scored(0),   // 100 − 100
			},
		},
		{
			name: "observed, log transform",
			// ln 1 = 0, ln 10 = 2.302585093, ln 100 = 4.605170186
			ind: indicator("I", "D", 1, logScale),
			raw: []Value{ok(1), ok(10), ok(100)},
			want: []want{
				scored(0),
				scored(50), // 2.302585093/4.605170186·100 = 50
				scored(100),
			},
		},
		{
			name: "observed, all equal: not scored",
			ind:  indicator("I", "D", 1),
			raw:  []Value{ok(42), ok(42), missing},
			want: []want{none, none, none},
		},
		{
			name: "observed, one city reporting: not scored",
			ind:  indicator("I", "D", 1),
			raw:  []Value{missing, ok(7)},
			want: []want{none, none},
		},
		{
			name: "no values",
			ind:  indicator("I", "D", 1, goalposts(0, 1)),
			raw:  []Value{missing, missing},
			want: []want{none, none},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := normalise(tt.ind, tt.ind.Normalisation, 100, tt.raw)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d scores, want %d", len(got), len(tt.want))
			}
			for c, w := range tt.want {
				g := got[c]
				if g.Score.OK != w.ok || (w.ok && !near(g.Score.V, w.score)) || g.Clamped != w.clamped {
					t.Errorf("city %d: score %v clamped %v; want %v", c, g.Score, g.Clamped, w)
				}
			}
		})
	}
}

// --- aggregate ---

func TestAggregate(t *testing.T) {
	tests := []struct {
		name     string
		parts    []Value
		weights  []float64
		min      float64
		want     Value
		coverage float64
	}{
		{
			name:  "weighted mean",
			parts: []Value{ok(40), ok(70), ok(10)}, weights: []float64{1, 2, 1}, min: 0.5,
			want: ok(47.5), coverage: 1, // (1·40 + 2·70 + 1·10)/4 = 190/4 = 47.5
		},
		{
			name:  "missing part: weights renormalised",
			parts: []Value{ok(40), missing, ok(10)}, weights: []float64{1, 2, 1}, min: 0.5,
			want: ok(25), coverage: 0.5, // (1·40 + 1·10)/(1+1) = 25; coverage (1+1)/4 = 0.5
		},
		{
			name:  "coverage below the minimum: not OK, never zero",
			parts: []Value{ok(40), missing, ok(10)}, weights: []float64{1, 3, 1}, min: 0.5,
			want: missing, coverage: 0.4, // (1+1)/5 = 0.4 < 0.5
		},
		{
			name:  "coverage exactly at the minimum despite float error",
			parts: []Value{ok(60), ok(90), missing}, weights: []float64{0.3, 0.3, 0.2}, min: 0.75,
			// (0.3+0.3)/0.8 = 0.75, in floats 0.7499999999999999;
			// (0.3·60 + 0.3·90)/0.6 = 75
			want: ok(75), coverage: 0.75,
		},
		{
			name:  "nothing present, even with no minimum",
			parts: []Value{missing, missing}, weights: []float64{1, 1}, min: 0,
			want: missing, coverage: 0,
		},
		{
			name:  "only a zero-weight part present",
			parts: []Value{ok(80), missing}, weights: []float64{0, 1}, min: 0,
			want: missing, coverage: 0, // 0/1 = 0
		},
		{
			name:  "total weight zero",
			parts: []Value{ok(50), ok(60)}, weights: []float64{0, 0}, min: 0,
			want: missing, coverage: 0,
		},
		{
			name:  "no parts",
			parts: nil, weights: nil, min: 0,
			want: missing, coverage: 0,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, cov := aggregate(model.Arithmetic, tt.parts, tt.weights, tt.min)
			if got.OK != tt.want.OK || !near(got.V, tt.want.V) || !near(cov, tt.coverage) {
				t.Errorf("aggregate = %v, coverage %v; want %v, %v", got, cov, tt.want, tt.coverage)
			}
		})
	}
}

// --- rank ---

func TestRank(t *testing.T) {
	tests := []struct {
		name   string
		index  []Value
		ranks  []int
		rankOf int
	}{
		{"competition ranking", []Value{ok(90), ok(80), ok(80), ok(70)}, []int{1, 2, 2, 4}, 4},
		{"input order does not matter", []Value{ok(70), ok(80), ok(90), ok(80)}, []int{4, 2, 1, 2}, 4},
		// 70.04 and 69.96 both publish as 70.0: readers see a tie.
		{"tie after rounding", []Value{ok(70.04), ok(69.96), ok(60)}, []int{1, 1, 3}, 3},
		{"tie after rounding, below another", []Value{ok(70.04), ok(69.96), ok(80)}, []int{2, 2, 1}, 3},
		// 70.05 publishes as 70.1, 70.04 as 70.0.
		{"no tie after rounding", []Value{ok(70.04), ok(70.05)}, []int{2, 1}, 2},
		{"cities without index are not ranked", []Value{missing, ok(50), missing, ok(60)}, []int{0, 2, 0, 1}, 2},
		{"nobody ranked", []Value{missing}, []int{0}, 0},
		{"no cities", nil, []int{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ranks := rank(plan{method: model.DefaultSettings()}, tt.index)
			rankOf := 0
			for _, r := range ranks {
				if r > 0 {
					rankOf++
				}
			}
			if !slices.Equal(ranks, tt.ranks) || rankOf != tt.rankOf {
				t.Errorf("rank = %v of %d; want %v of %d", ranks, rankOf, tt.ranks, tt.rankOf)
			}
		})
	}
}

// --- level ---

func TestLevel(t *testing.T) {
	// Sheet order, deliberately not sorted by Min.
	levels := []model.Level{
		{Min: 50, Name: model.Text{De: "Fortgeschritten"}}, // 0
		{Min: 0, Name: model.Text{De: "Einsteiger"}},       // 1
		{Min: 80, Name: model.Text{De: "Vorreiter"}},       // 2
		{Min: 25, Name: model.Text{De: "Aufsteiger"}},      // 3
	}
	tests := []struct {
		index      Value
		want, next int
		toNext     float64
	}{
		{ok(0), 1, 3, 25},
		{ok(10), 1, 3, 15},
		{ok(25), 3, 0, 25},       // on the boundary
		{ok(49.94), 3, 0, 0.1},   // publishes 49.9: 50 − 49.9 = 0.1
		{ok(49.96), 0, 2, 30},    // publishes 50.0: the level readers see it reach
		{ok(79.99), 2, -1, 0},    // publishes 80.0: the top level
		{ok(100), 2, -1, 0},      // the top
		{ok(33.333), 3, 0, 16.7}, // publishes 33.3: 50 − 33.3 = 16.7, not 16.700000000000003
		{missing, -1, -1, 0},
	}
	withLevels := func(ls []model.Level) plan { return plan{method: model.DefaultSettings(), levels: ls} }
	for _, tt := range tests {
		got, next, toNext := level(withLevels(levels), tt.index)
		if got != tt.want || next != tt.next || toNext != tt.toNext {
			t.Errorf("level(%v) = %d, next %d, %v to go; want %d, %d, %v", tt.index, got, next, toNext, tt.want, tt.next, tt.toNext)
		}
	}
	if got, next, _ := level(withLevels([]model.Level{{Min: 20}}), ok(10)); got != -1 || next != 0 {
		t.Errorf("below every level: got %d, next %d; want -1, 0", got, next)
	}
	if got, _, _ := level(withLevels([]model.Level{{Min: 0}, {Min: 0}}), ok(10)); got != 0 {
		t.Errorf("equal Min: got %d, want the first in the sheet (0)", got)
	}
}

// --- reference year ---

func TestReferenceYear(t *testing.T) {
	tests := []struct {
		name       string
		configured int
		years      []int
		rankOf     []int
		want       int
	}{
		{"configured and present", 2021, []int{2020, 2021, 2022}, []int{3, 3, 3}, 2021},
		{"configured but absent", 2019, []int{2020, 2021, 2022}, []int{3, 3, 2}, 2021},
		{"latest of the most ranked", 0, []int{2019, 2020, 2021, 2022}, []int{1, 3, 3, 2}, 2021},
		{"the latest is the fullest", 0, []int{2020, 2021}, []int{2, 2}, 2021},
		{"nobody ranked: latest year", 0, []int{2020, 2021}, []int{0, 0}, 2021},
		{"no years", 2021, nil, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := referenceYear(tt.configured, tt.years, tt.rankOf); got != tt.want {
				t.Errorf("got %d, want %d", got, tt.want)
			}
		})
	}
}

// --- Compute, end to end ---

// smallDataset: two dimensions, three indicators, four cities, two years.
//
//	dimension D1 (weight 2): A (goalposts 0–100), B (observed)
//	dimension D2 (weight 1): C (observed, lower is better)
//
//	         A 2020  A 2021  B 2020  B 2021  C 2020  C 2021
//	alpha      80      90      10      –        5       5
//	beta       40      –       30      20      15      10
//	gamma      –       50      –       40      –       –
//	delta    (no KPIs)
func smallDataset() model.Dataset {
	return model.Dataset{
		Framework: model.Framework{
			Dimensions: []model.Dimension{{ID: "D1", Weight: 2}, {ID: "D2", Weight: 1}},
			Indicators: []model.Indicator{
				indicator("A", "D1", 1, goalposts(0, 100)),
				indicator("B", "D1", 1),
				indicator("C", "D2", 1, lower),
			},
			Levels:   []model.Level{{Min: 50}, {Min: 0}},
			Settings: model.DefaultSettings(),
		},
		Cities: []model.City{
			{Slug: "alpha", KPIs: []model.KPI{kpi("A", 2020, 80, 2021, 90), kpi("B", 2020, 10), kpi("C", 2020, 5, 2021, 5)}},
			{Slug: "beta", KPIs: []model.KPI{kpi("A", 2020, 40), kpi("B", 2020, 30, 2021, 20), kpi("C", 2020, 15, 2021, 10)}},
			{Slug: "gamma", KPIs: []model.KPI{kpi("A", 2021, 50), kpi("B", 2021, 40)}},
			{Slug: "delta"},
		},
	}
}

// expected is one city-year as computed by hand; NaN means not OK.
type expected struct {
	index, coverage float64
	rank, rankOf    int
	level           int
	dims            [2]float64
	dimCov          [2]float64
}

var nan = math.NaN()

func checkYear(t *testing.T, label string, got Year, want expected) {
	t.Helper()
	checkValue(t, label+" index", got.Index, want.index)
	if !near(got.IndexCoverage, want.coverage) {
		t.Errorf("%s: index coverage %v, want %v", label, got.IndexCoverage, want.coverage)
	}
	if got.Rank != want.rank || got.RankOf != want.rankOf || got.Level != want.level {
		t.Errorf("%s: rank %d of %d, level %d; want %d of %d, level %d",
			label, got.Rank, got.RankOf, got.Level, want.rank, want.rankOf, want.level)
	}
	for d := range want.dims {
		checkValue(t, fmt.Sprintf("%s D%d", label, d+1), got.Dimensions[d].Score, want.dims[d])
		if !near(got.Dimensions[d].Coverage, want.dimCov[d]) {
			t.Errorf("%s D%d: coverage %v, want %v", label, d+1, got.Dimensions[d].Coverage, want.dimCov[d])
		}
	}
}

func checkValue(t *testing.T, label string, got Value, want float64) {
	t.Helper()
	if math.IsNaN(want) {
		if got.OK {
			t.Errorf("%s: got %v, want not OK", label, got.V)
		}
		return
	}
	if !got.OK || !near(got.V, want) {
		t.Errorf("%s: got %v, want %v", label, got, want)
	}
}

func TestCompute(t *testing.T) {
	res := Compute(smallDataset())

	if !slices.Equal(res.Years, []int{2020, 2021}) {
		t.Fatalf("Years = %v", res.Years)
	}
	// 2020 ranks two cities, 2021 three.
	if res.ReferenceYear != 2021 {
		t.Errorf("ReferenceYear = %d, want 2021", res.ReferenceYear)
	}
	want := map[string][2]expected{
		// 2020: A by goalposts: alpha 80, beta 40.
		//       B observed 10–30: alpha (10−10)/20·100 = 0, beta 100.
		//       C observed 5–15, lower is better: alpha 100 − 0 = 100, beta 100 − 100 = 0.
		// 2021: A by goalposts: alpha 90, gamma 50.
		//       B observed 20–40: beta 0, gamma 100.
		//       C observed 5–10, lower is better: alpha 100, beta 0.
		"alpha": {
			// D1 = (80+0)/2 = 40, D2 = 100; index = (2·40 + 1·100)/3 = 60 → level "50" (0)
			{index: 60, coverage: 1, rank: 1, rankOf: 2, level: 0, dims: [2]float64{40, 100}, dimCov: [2]float64{1, 1}},
			// D1 = A alone = 90 (B missing, coverage 1/2 = 0.5 ≥ 0.5), D2 = 100;
			// index = (2·90 + 100)/3 = 280/3 = 93.333…
			{index: 280.0 / 3, coverage: 1, rank: 1, rankOf: 3, level: 0, dims: [2]float64{90, 100}, dimCov: [2]float64{0.5, 1}},
		},
		"beta": {
			// D1 = (40+100)/2 = 70, D2 = 0; index = (2·70 + 0)/3 = 46.666… → level "0" (1)
			{index: 140.0 / 3, coverage: 1, rank: 2, rankOf: 2, level: 1, dims: [2]float64{70, 0}, dimCov: [2]float64{1, 1}},
			// D1 = B alone = 0 (coverage 0.5), D2 = 0; index 0: published, never missing
			{index: 0, coverage: 1, rank: 3, rankOf: 3, level: 1, dims: [2]float64{0, 0}, dimCov: [2]float64{0.5, 1}},
		},
		"gamma": {
			// No values in 2020.
			{index: nan, coverage: 0, rank: 0, rankOf: 2, level: -1, dims: [2]float64{nan, nan}},
			// D1 = (50+100)/2 = 75, D2 missing; index coverage 2/3 ≥ 0.5, weights
			// renormalised over D1 alone: index = 75
			{index: 75, coverage: 2.0 / 3, rank: 2, rankOf: 3, level: 0, dims: [2]float64{75, nan}, dimCov: [2]float64{1, 0}},
		},
		"delta": {
			{index: nan, rankOf: 2, level: -1, dims: [2]float64{nan, nan}},
			{index: nan, rankOf: 3, level: -1, dims: [2]float64{nan, nan}},
		},
	}
	if len(res.Cities) != 4 {
		t.Fatalf("%d cities, want 4", len(res.Cities))
	}
	for i, slug := range []string{"alpha", "beta", "gamma", "delta"} {
		c := res.Cities[i]
		if c.Slug != slug || len(c.Years) != 2 {
			t.Fatalf("city %d: %q with %d years, want %q with 2", i, c.Slug, len(c.Years), slug)
		}
		for yi, w := range want[slug] {
			y := c.Years[yi]
			if y.Year != res.Years[yi] || len(y.Indicators) != 3 || len(y.Dimensions) != 2 {
				t.Fatalf("%s %d: year %d, %d indicators, %d dimensions", slug, res.Years[yi], y.Year, len(y.Indicators), len(y.Dimensions))
			}
			checkYear(t, fmt.Sprintf("%s %d", slug, y.Year), y, w)
		}
	}

	// Indicator details, in framework order: raw values kept, missing
	// values neither raw nor scored.
	a21 := res.Cities[0].Years[1].Indicators
	if len(a21) != 3 {
		t.Fatalf("%d indicator scores, want 3", len(a21))
	}
	if a21[0].Raw != ok(90) || a21[1].Raw.OK || a21[1].Score.OK {
		t.Errorf("alpha 2021: A raw %v, B raw %v score %v", a21[0].Raw, a21[1].Raw, a21[1].Score)
	}

	// Averages over the cities whose value is OK.
	avg := res.Averages
	if len(avg) != 2 || avg[0].Year != 2020 || avg[1].Year != 2021 {
		t.Fatalf("Averages = %+v", avg)
	}
	// 2020: index (60 + 46.666…)/2 = 53.333…; D1 (40+70)/2 = 55; D2 (100+0)/2 = 50
	checkValue(t, "average 2020", avg[0].Index, 160.0/3)
	checkValue(t, "average 2020 D1", avg[0].Dimensions[0].Score, 55)
	checkValue(t, "average 2020 D2", avg[0].Dimensions[1].Score, 50)
	// 2021: index (93.333… + 0 + 75)/3 = 56.111…; D1 (90+0+75)/3 = 55; D2 (100+0)/2 = 50
	checkValue(t, "average 2021", avg[1].Index, (280.0/3+75)/3)
	checkValue(t, "average 2021 D1", avg[1].Dimensions[0].Score, 55)
	checkValue(t, "average 2021 D2", avg[1].Dimensions[1].Score, 50)
	if avg[0].Dimensions[0].ID != "D1" || avg[0].Level != -1 || avg[0].Rank != 0 {
		t.Errorf("average 2020: %+v", avg[0])
	}
}

func TestComputeMinCoverage(t *testing.T) {
	ds := smallDataset()
	ds.Framework.Settings.DimensionMinCoverage, ds.Framework.Settings.IndexMinCoverage = 0.75, 0.75
	res := Compute(ds)
	// alpha 2021: D1 has A only, coverage 1/2 = 0.5 < 0.75 → not OK (not 90,
	// not 0). The index then has D2 only: coverage 1/3 < 0.75 → not OK.
	checkYear(t, "alpha 2021", res.Cities[0].Years[1], expected{
		index: nan, coverage: 1.0 / 3, rank: 0, rankOf: 0, level: -1,
		dims: [2]float64{nan, 100}, dimCov: [2]float64{0.5, 1},
	})
	// beta 2021: D1 has B only (0.5) → not OK; D2 = 0 is a score, not a gap;
	// index coverage 1/3 → not OK.
	checkYear(t, "beta 2021", res.Cities[1].Years[1], expected{
		index: nan, coverage: 1.0 / 3, rank: 0, rankOf: 0, level: -1,
		dims: [2]float64{nan, 0}, dimCov: [2]float64{0.5, 1},
	})
	// gamma 2021: D1 complete (75), D2 missing: index coverage 2/3 < 0.75.
	checkYear(t, "gamma 2021", res.Cities[2].Years[1], expected{
		index: nan, coverage: 2.0 / 3, rank: 0, rankOf: 0, level: -1,
		dims: [2]float64{75, nan}, dimCov: [2]float64{1, 0},
	})
	// Nobody is ranked in 2021, two cities are in 2020.
	if res.ReferenceYear != 2020 {
		t.Errorf("ReferenceYear = %d, want 2020", res.ReferenceYear)
	}
	if res.Averages[1].Index.OK {
		t.Errorf("average 2021 index %v, want not OK: no city has one", res.Averages[1].Index)
	}
}

func TestComputeReferenceYearSetting(t *testing.T) {
	for _, tt := range []struct{ configured, want int }{
		{2020, 2020}, // present: taken as configured
		{2019, 2021}, // no data in 2019: the latest year with the most ranked cities
		{0, 2021},
	} {
		ds := smallDataset()
		ds.Framework.Settings.ReferenceYear = tt.configured
		if got := Compute(ds).ReferenceYear; got != tt.want {
			t.Errorf("configured %d: ReferenceYear %d, want %d", tt.configured, got, tt.want)
		}
	}
}

func TestComputeEmpty(t *testing.T) {
	res := Compute(model.Dataset{Framework: smallDataset().Framework})
	if len(res.Years) != 0 || res.ReferenceYear != 0 || len(res.Cities) != 0 || len(res.Averages) != 0 {
		t.Errorf("empty dataset: %+v", res)
	}
	// Cities without any value: no years at all.
	res = Compute(model.Dataset{Framework: smallDataset().Framework, Cities: []model.City{{Slug: "x"}}})
	if len(res.Years) != 0 || res.ReferenceYear != 0 || len(res.Cities) != 1 || len(res.Cities[0].Years) != 0 {
		t.Errorf("no values: %+v", res)
	}
}

func TestComputeDoesNotMutate(t *testing.T) {
	ds := synthetic(rand.New(rand.NewPCG(3, 4)), 20, 3, 4, 4, 0.3)
	Compute(ds)
	if want := synthetic(rand.New(rand.NewPCG(3, 4)), 20, 3, 4, 4, 0.3); !reflect.DeepEqual(ds, want) {
		t.Error("Compute modified its input")
	}
}

// --- properties ---

// synthetic builds a random but valid dataset: goalposts on every other
// indicator, some log-transformed, some lower-is-better, positive values
// (so log applies) partly outside the goalposts, and a share of values
// missing. Levels are in no particular order.
func synthetic(r *rand.Rand, cities, dims, perDim, years int, missingShare float64) model.Dataset {
	fw := model.Framework{
		Levels:   []model.Level{{Min: 60}, {Min: 0}, {Min: 85}, {Min: 30}},
		Settings: model.DefaultSettings(),
	}
	// Enough draws to test the analysis, few enough to keep tests fast.
	fw.Settings.Uncertainty.Draws = 50
	for d := range dims {
		dim := fmt.Sprintf("D%d", d)
		fw.Dimensions = append(fw.Dimensions, model.Dimension{ID: dim, Weight: float64(1 + r.IntN(3))})
		for i := range perDim {
			var opts []option
			if i%2 == 0 {
				opts = append(opts, goalposts(10, 90))
			}
			if i%3 == 1 {
				opts = append(opts, logScale)
			}
			if i%4 == 3 {
				opts = append(opts, lower)
			}
			fw.Indicators = append(fw.Indicators, indicator(fmt.Sprintf("%s-%d", dim, i), dim, float64(1+r.IntN(4)), opts...))
		}
	}
	ds := model.Dataset{Framework: fw}
	for c := range cities {
		city := model.City{Slug: fmt.Sprintf("city-%04d", c)}
		for _, ind := range fw.Indicators {
			k := model.KPI{Indicator: ind.ID}
			for y := range years {
				if r.Float64() < missingShare {
					continue
				}
				k.Values = append(k.Values, model.Observation{Year: 2015 + y, Value: 1 + r.Float64()*99})
			}
			city.KPIs = append(city.KPIs, k)
		}
		ds.Cities = append(ds.Cities, city)
	}
	return ds
}

// TestShuffleInvariance: the order of cities changes no city's result, nor
// the averages.
func TestShuffleInvariance(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 1))
	ds := synthetic(r, 40, 3, 4, 5, 0.3)
	// Clones under another name guarantee exact ties in every year.
	for i := range 5 {
		clone := ds.Cities[i]
		clone.Slug = "clone-" + clone.Slug
		ds.Cities = append(ds.Cities, clone)
	}
	base := Compute(ds)
	bySlug := map[string]City{}
	for _, c := range base.Cities {
		bySlug[c.Slug] = c
	}
	ties := false
	for _, c := range base.Cities[:5] {
		ties = ties || (len(c.Years) > 0 && c.Years[0].Rank > 0)
	}
	if !ties {
		t.Fatal("fixture has no ranked clones: the test would not exercise ties")
	}
	for trial := range 10 {
		shuffled := ds
		shuffled.Cities = slices.Clone(ds.Cities)
		r.Shuffle(len(shuffled.Cities), func(i, j int) {
			shuffled.Cities[i], shuffled.Cities[j] = shuffled.Cities[j], shuffled.Cities[i]
		})
		res := Compute(shuffled)
		for i, c := range res.Cities {
			if c.Slug != shuffled.Cities[i].Slug {
				t.Fatalf("trial %d: city %d is %q, want input order %q", trial, i, c.Slug, shuffled.Cities[i].Slug)
			}
			if !reflect.DeepEqual(c, bySlug[c.Slug]) {
				t.Fatalf("trial %d: %s differs after shuffling", trial, c.Slug)
			}
		}
		if !slices.Equal(res.Years, base.Years) || res.ReferenceYear != base.ReferenceYear ||
			!reflect.DeepEqual(res.Averages, base.Averages) {
			t.Fatalf("trial %d: years, reference year or averages differ after shuffling", trial)
		}
	}
}

// TestMonotone: raising a higher-is-better value never lowers that city's
// index or indicator score, and never makes a published index disappear
// (TestPropertiesAcrossMethods runs the same check under other methods).
func TestMonotone(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	ds := synthetic(r, 30, 3, 4, 3, 0.2)
	checkMonotone(t, r, ds, Compute(ds), 300)
}

// --- benchmark ---

// BenchmarkCompute scores the national case: 11,000 units ×
// 60 indicators (6 dimensions × 10) × 10 years, 10 % of values missing,
// without the Monte Carlo analysis (BenchmarkMonteCarlo times that).
func BenchmarkCompute(b *testing.B) {
	ds := synthetic(rand.New(rand.NewPCG(7, 8)), 11000, 6, 10, 10, 0.1)
	ds.Framework.Settings.Uncertainty.Draws = 0
	b.ReportAllocs()
	for b.Loop() {
		Compute(ds)
	}
}

// BenchmarkMonteCarlo: 1,000 draws at 400 units × 60 indicators, one year.
func BenchmarkMonteCarlo(b *testing.B) {
	ds := synthetic(rand.New(rand.NewPCG(7, 8)), 400, 6, 10, 1, 0.1)
	ds.Framework.Settings.Uncertainty = model.Uncertainty{Draws: 1000, Seed: 1, WeightSpread: 0.25, VaryMethods: true}
	p := newPlan(ds.Framework)
	res := Compute(ds)
	b.ReportAllocs()
	for b.Loop() {
		uncertainty(p, res.Cities, 0)
	}
}

// TestShortfalls: the cities without an index in the reference year, with
// what they lack. smallDataset's reference year is 2021, where only delta,
// with no values at all, has no index: coverage 0, D1 0 of 2 indicators,
// D2 0 of 1. At 75 % minimum coverage and 2021 set as the reference year,
// the figures of TestComputeMinCoverage: alpha and beta lack D1 (1 of 2,
// coverage 0.5) with index coverage 1/3; gamma lacks D2 (0 of 1) with
// index coverage 2/3; delta as before.
func TestShortfalls(t *testing.T) {
	ds := smallDataset()
	got := Shortfalls(ds.Framework, Compute(ds))
	want := []Shortfall{{City: 3, Year: 2021, Coverage: 0, Dimensions: []DimensionShortfall{
		{ID: "D1", Present: 0, Indicators: 2}, {ID: "D2", Present: 0, Indicators: 1}}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("default settings:\n got %+v\nwant %+v", got, want)
	}

	ds.Framework.Settings.DimensionMinCoverage, ds.Framework.Settings.IndexMinCoverage = 0.75, 0.75
	ds.Framework.Settings.ReferenceYear = 2021
	got = Shortfalls(ds.Framework, Compute(ds))
	d1 := []DimensionShortfall{{ID: "D1", Present: 1, Indicators: 2, Coverage: 0.5}}
	want = []Shortfall{
		{City: 0, Year: 2021, Coverage: 1.0 / 3, Dimensions: d1},
		{City: 1, Year: 2021, Coverage: 1.0 / 3, Dimensions: d1},
		{City: 2, Year: 2021, Coverage: 2.0 / 3, Dimensions: []DimensionShortfall{{ID: "D2", Present: 0, Indicators: 1}}},
		want[0],
	}
	if len(got) != len(want) {
		t.Fatalf("75 %%: got %+v\nwant %+v", got, want)
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.City != w.City || g.Year != w.Year || !near(g.Coverage, w.Coverage) || !reflect.DeepEqual(g.Dimensions, w.Dimensions) {
			t.Errorf("75 %%, shortfall %d:\n got %+v\nwant %+v", i, g, w)
		}
	}

	if got := Shortfalls(model.Framework{}, Compute(model.Dataset{})); got != nil {
		t.Errorf("no years: %+v; want none", got)
	}
}
