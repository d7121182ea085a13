package score

import (
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/model"
)

func normalisedAs(m model.Normalisation) option {
	return func(i *model.Indicator) { i.Normalisation = m }
}

// TestNormaliseMethods: z-score and percent rank, worked by hand.
func TestNormaliseMethods(t *testing.T) {
	tests := []struct {
		name  string
		ind   model.Indicator
		scale float64
		raw   []Value
		want  []float64 // NaN: not scored
	}{
		{
			name: "z-score",
			// mean (10+20+30)/3 = 20; squares 100+0+100 = 200;
			// SD √(200/2) = 10; z = −1, 0, 1 → 50 + 10z
			ind: indicator("I", "D", 1, normalisedAs(model.NormZScore)), scale: 100,
			raw:  []Value{ok(10), ok(20), ok(30), missing},
			want: []float64{40, 50, 60, nan},
		},
		{
			name: "z-score, unequal spacing",
			// mean 12/4 = 3; squares 4+1+0+9 = 14; SD √(14/3) = 2.1602468995;
			// z(1) = −2/2.1602468995 = −0.9258200998 → 40.741799002;
			// z(2) = −0.4629100499 → 45.370899501; z(3) = 0 → 50;
			// z(6) = 3/2.1602468995 = 1.3887301497 → 63.887301497
			ind: indicator("I", "D", 1, normalisedAs(model.NormZScore)), scale: 100,
			raw:  []Value{ok(1), ok(2), ok(3), ok(6)},
			want: []float64{40.741799002, 45.370899501, 50, 63.887301497},
		},
		{
			name: "z-score, lower is better, scale 0–1",
			// z = −1, 0, 1 reversed: 0.5 − 0.1z
			ind: indicator("I", "D", 1, normalisedAs(model.NormZScore), lower), scale: 1,
			raw:  []Value{ok(10), ok(20), ok(30)},
			want: []float64{0.6, 0.5, 0.4},
		},
		{
			name: "z-score is not clamped",
			// eleven values: ten 0s and one 100; mean 100/11 = 9.0909…;
			// squares 10·(100/11)² + (1000/11)² = 100000/121 + 1000000/121
			// = 1100000/121 = 9090.9090…; SD √(909.0909…) = 30.151134458;
			// z(100) = 90.909090909/30.151134458 = 3.0151134458 → 80.151134458;
			// z(0) = −9.090909091/30.151134458 = −0.3015113446 → 46.984886554
			ind: indicator("I", "D", 1, normalisedAs(model.NormZScore)), scale: 100,
			raw:  append(slices.Repeat([]Value{ok(0)}, 10), ok(100)),
			want: append(slices.Repeat([]float64{46.984886554}, 10), 80.151134458),
		},
		{
			name: "z-score with log transform",
			// ln 1 = 0, ln e² = 2, ln e⁴ = 4: mean 2, SD √((4+0+4)/2) = 2; z = −1, 0, 1
			ind: indicator("I", "D", 1, normalisedAs(model.NormZScore), logScale), scale: 100,
			raw:  []Value{ok(1), ok(math.Exp(2)), ok(math.Exp(4))},
			want: []float64{40, 50, 60},
		},
		{
			name: "z-score of one value or equal values: not scored",
			ind:  indicator("I", "D", 1, normalisedAs(model.NormZScore)), scale: 100,
			raw:  []Value{ok(5), missing, ok(5)},
			want: []float64{nan, nan, nan},
		},
		{
			name: "percent rank with a tie",
			// present: 10, 20, 20, 30 (n = 4); ascending positions 0, 1, 2, 3;
			// the 20s share (1+2)/2 = 1.5; score = position/(n−1)
			// → 0/3 = 0, 1.5/3 = 0.5, 3/3 = 1
			ind: indicator("I", "D", 1, normalisedAs(model.NormRank)), scale: 100,
			raw:  []Value{ok(30), ok(10), ok(20), ok(20), missing},
			want: []float64{100, 0, 50, 50, nan},
		},
		{
			name: "percent rank, lower is better",
			// positions 0, 1, 2 of 3 → 0, 0.5, 1 → reversed 1, 0.5, 0
			ind: indicator("I", "D", 1, normalisedAs(model.NormRank), lower), scale: 100,
			raw:  []Value{ok(1), ok(1000), ok(2)},
			want: []float64{100, 0, 50},
		},
		{
			name: "percent rank, all equal: not scored",
			ind:  indicator("I", "D", 1, normalisedAs(model.NormRank)), scale: 100,
			raw:  []Value{ok(3), ok(3)},
			want: []float64{nan, nan},
		},
		{
			name: "goalposts on the 0–1 scale",
			// (30−10)/(50−10) = 0.5; 60 clamps at 1
			ind: indicator("I", "D", 1, goalposts(10, 50)), scale: 1,
			raw:  []Value{ok(30), ok(60)},
			want: []float64{0.5, 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := normalise(tt.ind, tt.ind.Normalisation, tt.scale, tt.raw)
			for c, w := range tt.want {
				checkValue(t, tt.name, got[c].Score, w)
			}
		})
	}
}

// TestAggregateMeans: the three means on one example.
func TestAggregateMeans(t *testing.T) {
	parts := []Value{ok(80), ok(20)}
	weights := []float64{3, 1}
	tests := []struct {
		m     model.Aggregation
		parts []Value
		want  float64
	}{
		// (3·80 + 1·20)/4 = 260/4 = 65
		{model.Arithmetic, parts, 65},
		// 80^(3/4) · 20^(1/4) = (80³·20)^(1/4) = 10240000^(1/4) = 40·√2,
		// since (40√2)⁴ = 2560000·4
		{model.Geometric, parts, 40 * math.Sqrt2},
		// 4/(3/80 + 1/20) = 4/(0.0375 + 0.05) = 4/0.0875 = 45.714285714…
		{model.Harmonic, parts, 4 / 0.0875},
		// the zero rule: a present zero makes both means 0
		{model.Geometric, []Value{ok(0), ok(100)}, 0},
		{model.Harmonic, []Value{ok(0), ok(100)}, 0},
		// a negative z-score counts as zero, too
		{model.Geometric, []Value{ok(-3), ok(100)}, 0},
		// … but a missing part is left out, weights renormalised: 20^(1/1)
		{model.Geometric, []Value{missing, ok(20)}, 20},
		{model.Harmonic, []Value{missing, ok(20)}, 20},
	}
	for _, tt := range tests {
		got, _ := aggregate(tt.m, tt.parts, weights, 0)
		if !got.OK || !near(got.V, tt.want) {
			t.Errorf("%v of %v = %v, want %v", tt.m, tt.parts, got, tt.want)
		}
	}
	// A zero with zero weight does not count.
	if got, _ := aggregate(model.Geometric, []Value{ok(0), ok(30)}, []float64{0, 2}, 0); !got.OK || !near(got.V, 30) {
		t.Errorf("geometric with a zero-weight zero = %v, want 30", got)
	}
	// Coverage rules are the same for every mean.
	if got, cov := aggregate(model.Geometric, []Value{missing, ok(20)}, weights, 0.5); got.OK || cov != 0.25 {
		t.Errorf("geometric below coverage = %v (%v), want not OK at 0.25", got, cov)
	}
}

// twoDims: D1 (weight 3) holds A, D2 (weight 1) holds B, both with goalposts
// 0–100 so that scores equal values.
//
//	       A    B    arithmetic        geometric           harmonic
//	alpha  80   20   (240+20)/4 = 65   40√2 = 56.5685…      45.714…
//	beta    0  100   (0+100)/4 = 25    0 (zero rule)        0
//	gamma  50   50   50                50                   50
func twoDims() model.Dataset {
	return model.Dataset{
		Framework: model.Framework{
			Dimensions: []model.Dimension{{ID: "D1", Weight: 3}, {ID: "D2", Weight: 1}},
			Indicators: []model.Indicator{
				indicator("A", "D1", 1, goalposts(0, 100)),
				indicator("B", "D2", 1, goalposts(0, 100)),
			},
			Levels:   []model.Level{{Min: 0}, {Min: 50}, {Min: 60}},
			Settings: model.DefaultSettings(),
		},
		Cities: []model.City{
			{Slug: "alpha", KPIs: []model.KPI{kpi("A", 2022, 80), kpi("B", 2022, 20)}},
			{Slug: "beta", KPIs: []model.KPI{kpi("A", 2022, 0), kpi("B", 2022, 100)}},
			{Slug: "gamma", KPIs: []model.KPI{kpi("A", 2022, 50), kpi("B", 2022, 50)}},
		},
	}
}

func TestComputeIndexAggregation(t *testing.T) {
	tests := []struct {
		m      model.Aggregation
		index  [3]float64
		ranks  [3]int
		levels [3]int
	}{
		{model.Arithmetic, [3]float64{65, 25, 50}, [3]int{1, 3, 2}, [3]int{2, 0, 1}},
		{model.Geometric, [3]float64{40 * math.Sqrt2, 0, 50}, [3]int{1, 3, 2}, [3]int{1, 0, 1}},
		{model.Harmonic, [3]float64{4 / 0.0875, 0, 50}, [3]int{2, 3, 1}, [3]int{0, 0, 1}},
	}
	for _, tt := range tests {
		ds := twoDims()
		ds.Framework.Settings.IndexAggregation = tt.m
		res := Compute(ds)
		for c, city := range res.Cities {
			y := city.Years[0]
			checkValue(t, tt.m.String()+" "+city.Slug, y.Index, tt.index[c])
			if y.Rank != tt.ranks[c] || y.Level != tt.levels[c] {
				t.Errorf("%v %s: rank %d level %d, want %d, %d", tt.m, city.Slug, y.Rank, y.Level, tt.ranks[c], tt.levels[c])
			}
		}
	}
}

func TestComputeDimensionGeometric(t *testing.T) {
	// D1 holds A1 and A2 (weight 1 each), scores 25 and 100:
	// √(25·100) = 50; arithmetic would give 62.5.
	ds := model.Dataset{
		Framework: model.Framework{
			Dimensions: []model.Dimension{{ID: "D1", Weight: 1}},
			Indicators: []model.Indicator{indicator("A1", "D1", 1, goalposts(0, 100)), indicator("A2", "D1", 1, goalposts(0, 100))},
			Settings:   model.DefaultSettings(),
		},
		Cities: []model.City{{Slug: "alpha", KPIs: []model.KPI{kpi("A1", 2022, 25), kpi("A2", 2022, 100)}}},
	}
	ds.Framework.Settings.DimensionAggregation = model.Geometric
	res := Compute(ds)
	checkValue(t, "geometric dimension", res.Cities[0].Years[0].Dimensions[0].Score, 50)
	checkValue(t, "index of one dimension", res.Cities[0].Years[0].Index, 50)
}

func TestRankRoundedOrUnrounded(t *testing.T) {
	scores := []Value{ok(70.04), ok(69.96), ok(80), ok(69.96)}
	rounded := plan{method: model.DefaultSettings()}
	unrounded := rounded
	unrounded.method.RankUnrounded = true
	// Published: 70.0, 70.0, 80.0, 70.0 → a three-way tie for second.
	if got := rank(rounded, scores); !slices.Equal(got, []int{2, 2, 1, 2}) {
		t.Errorf("rounded ranks = %v", got)
	}
	// Unrounded: 80 > 70.04 > 69.96 = 69.96.
	if got := rank(unrounded, scores); !slices.Equal(got, []int{2, 3, 1, 3}) {
		t.Errorf("unrounded ranks = %v", got)
	}
	// With two decimals the published values differ, too.
	twoDigits := rounded
	twoDigits.method.Decimals = 2
	if got := rank(twoDigits, scores); !slices.Equal(got, []int{2, 3, 1, 3}) {
		t.Errorf("ranks at two decimals = %v", got)
	}
}

func TestComputeRanksEveryComponent(t *testing.T) {
	res := Compute(twoDims())
	// A: 80, 0, 50 → 1, 3, 2; B: 20, 100, 50 → 3, 1, 2; D1 = A, D2 = B.
	for c, want := range [][4]int{{1, 3, 1, 3}, {3, 1, 3, 1}, {2, 2, 2, 2}} {
		y := res.Cities[c].Years[0]
		got := [4]int{y.Indicators[0].Rank, y.Indicators[1].Rank, y.Dimensions[0].Rank, y.Dimensions[1].Rank}
		if got != want {
			t.Errorf("%s: ranks A, B, D1, D2 = %v, want %v", res.Cities[c].Slug, got, want)
		}
	}
}

func TestCarryForward(t *testing.T) {
	// alpha reports A in 2019 only; beta every year (values 10, 20, 30, 40).
	ds := model.Dataset{
		Framework: model.Framework{
			Dimensions: []model.Dimension{{ID: "D1", Weight: 1}},
			Indicators: []model.Indicator{indicator("A", "D1", 1, goalposts(0, 100))},
			Settings:   model.DefaultSettings(),
		},
		Cities: []model.City{
			{Slug: "alpha", KPIs: []model.KPI{kpi("A", 2019, 40)}},
			{Slug: "beta", KPIs: []model.KPI{kpi("A", 2019, 10, 2020, 20, 2021, 30, 2022, 40)}},
		},
	}
	off := Compute(ds)
	for yi := 1; yi < 4; yi++ {
		if is := off.Cities[0].Years[yi].Indicators[0]; is.Raw.OK || is.Score.OK {
			t.Errorf("carry-forward off: %d has %v", off.Years[yi], is)
		}
	}
	ds.Framework.Settings.CarryForward = 2
	on := Compute(ds)
	// 2020 and 2021 lie at most two years after 2019; 2022 lies three.
	for yi, want := range []struct {
		raw  float64
		from int
	}{{40, 0}, {40, 2019}, {40, 2019}, {nan, 0}} {
		is := on.Cities[0].Years[yi].Indicators[0]
		checkValue(t, "carried raw", is.Raw, want.raw)
		checkValue(t, "carried score", is.Score, want.raw)
		if is.CarriedFrom != want.from {
			t.Errorf("%d: carried from %d, want %d", on.Years[yi], is.CarriedFrom, want.from)
		}
	}
	if got := on.Audit.Indicators[0].Carried; on.ReferenceYear != 2021 || got != 1 {
		t.Errorf("reference year %d, carried values in the audit %d; want 2021, 1", on.ReferenceYear, got)
	}
}

func TestChangeSincePreviousYear(t *testing.T) {
	// One indicator with goalposts: alpha 50 → 60.04, beta 70 → 55.
	ds := model.Dataset{
		Framework: model.Framework{
			Dimensions: []model.Dimension{{ID: "D1", Weight: 1}},
			Indicators: []model.Indicator{indicator("A", "D1", 1, goalposts(0, 100))},
			Settings:   model.DefaultSettings(),
		},
		Cities: []model.City{
			{Slug: "alpha", KPIs: []model.KPI{kpi("A", 2021, 50, 2022, 60.04)}},
			{Slug: "beta", KPIs: []model.KPI{kpi("A", 2021, 70, 2022, 55)}},
			{Slug: "gamma", KPIs: []model.KPI{kpi("A", 2022, 10)}},
		},
	}
	res := Compute(ds)
	want := []Change{
		// published 60.0 − 50.0 = 10.0; rank 2 → 1 moves up one
		{PrevYear: 2021, Index: ok(10), Rank: 1, RankOK: true},
		// 55.0 − 70.0 = −15.0; rank 1 → 2
		{PrevYear: 2021, Index: ok(-15), Rank: -1, RankOK: true},
		// no index in 2021: no change
		{PrevYear: 2021},
	}
	for c, w := range want {
		if got := res.Cities[c].Years[1].Change; got != w {
			t.Errorf("%s: change %+v, want %+v", res.Cities[c].Slug, got, w)
		}
		if got := res.Cities[c].Years[0].Change; got != (Change{}) {
			t.Errorf("%s: first year has change %+v", res.Cities[c].Slug, got)
		}
	}
}

func TestInterval(t *testing.T) {
	// 100 draws: 90 × rank 1, 10 × rank 2. Type 1 percentiles take the
	// ⌈p·n⌉-th smallest: 5th → 5th value (1), median → 50th (1),
	// 95th → 95th (2).
	ranks := append(slices.Repeat([]int{2}, 10), slices.Repeat([]int{1}, 90)...)
	if got := interval(1, ranks); got != (RankInterval{Nominal: 1, Median: 1, Low: 1, High: 2, Ranked: 100}) {
		t.Errorf("interval = %+v", got)
	}
	// Three draws 3, 1, 2: 5th → 1st (1), median → 2nd (2), 95th → 3rd (3).
	if got := interval(2, []int{3, 1, 2}); got != (RankInterval{Nominal: 2, Median: 2, Low: 1, High: 3, Ranked: 3}) {
		t.Errorf("interval = %+v", got)
	}
	if got := interval(0, nil); got != (RankInterval{}) {
		t.Errorf("never ranked: %+v", got)
	}
}

func TestUncertainty(t *testing.T) {
	ds := twoDims()
	ds.Framework.Settings.Uncertainty.Draws = 200
	res := Compute(ds)
	u := res.Uncertainty
	if u.Year != 2022 || u.Draws != 200 || len(u.Cities) != 3 {
		t.Fatalf("uncertainty = %+v", u)
	}
	// alpha leads with 65 against gamma's 50: weights ±25 % cannot change
	// that (D1 weight ≥ 2.25 of ≤ 1.25 + …): alpha's index stays above
	// 80·2.25/3.5 + 20·1.25/3.5 > 58.5 > 50.
	if got := u.Cities[0]; got != (RankInterval{Nominal: 1, Median: 1, Low: 1, High: 1, Ranked: 200}) {
		t.Errorf("alpha: %+v", got)
	}
	// beta's index 100·w2/(w1+w2) ranges from 0.75/3.75 = 20 to
	// 1.25/3.5 = 35.7, always below gamma's 50: rank 3 in every draw.
	if got := u.Cities[1]; got != (RankInterval{Nominal: 3, Median: 3, Low: 3, High: 3, Ranked: 200}) {
		t.Errorf("beta: %+v", got)
	}
	// Without D1 beta (100) leads gamma (50) and alpha (20); without D2
	// alpha (80) leads gamma (50) and beta (0).
	wantRemove := []Without{{Dimension: "D1", Ranks: []int{3, 1, 2}}, {Dimension: "D2", Ranks: []int{1, 3, 2}}}
	if !reflect.DeepEqual(u.RemoveOne, wantRemove) {
		t.Errorf("remove one = %+v, want %+v", u.RemoveOne, wantRemove)
	}

	// Harmonic aggregation: alpha 45.7 and gamma 50 lie close; alpha's
	// harmonic index 1/(w1'/80 + w2'/20)·(w1'+w2') rises above 50 when D1
	// weighs at least 3.5 times D2 (w1'/w2' ≥ 3.5 needs w1' ≥ 3.5·w2'),
	// possible with w1' up to 3.75 and w2' down to 0.75: both ranks occur.
	ds.Framework.Settings.IndexAggregation = model.Harmonic
	h := Compute(ds).Uncertainty.Cities
	if h[0].Nominal != 2 || h[0].Low != 1 || h[0].High != 2 || h[2].Low != 1 || h[2].High != 2 {
		t.Errorf("harmonic: alpha %+v, gamma %+v; want both within 1–2", h[0], h[2])
	}

	// Without spread every draw is the nominal ranking.
	ds.Framework.Settings.Uncertainty.WeightSpread = 0
	for c, ri := range Compute(ds).Uncertainty.Cities {
		if ri.Low != ri.Nominal || ri.High != ri.Nominal || ri.Median != ri.Nominal {
			t.Errorf("city %d without spread: %+v", c, ri)
		}
	}

	ds.Framework.Settings.Uncertainty.Draws = 0
	if u := Compute(ds).Uncertainty; u.Draws != 0 || u.Cities != nil || len(u.RemoveOne) != 2 {
		t.Errorf("draws 0: %+v; want no intervals but the remove-one ranks", u)
	}
}

// TestUncertaintyVaryMethods: with varied methods the intervals are still
// reproducible and include the nominal rank's neighbourhood.
func TestUncertaintyVaryMethods(t *testing.T) {
	ds := synthetic(rand.New(rand.NewPCG(3, 4)), 25, 3, 4, 2, 0.1)
	ds.Framework.Settings.Uncertainty = model.Uncertainty{Draws: 300, Seed: 9, WeightSpread: 0.5, VaryMethods: true}
	a, b := Compute(ds), Compute(ds)
	if !reflect.DeepEqual(a.Uncertainty, b.Uncertainty) {
		t.Fatal("two runs differ")
	}
	wider := 0
	for _, ri := range a.Uncertainty.Cities {
		if ri.Nominal == 0 {
			continue
		}
		if ri.Low > ri.Median || ri.Median > ri.High || ri.Ranked != 300 {
			t.Errorf("interval out of order: %+v", ri)
		}
		if ri.High > ri.Low {
			wider++
		}
	}
	if wider == 0 {
		t.Error("no interval is wider than one rank: the draws vary nothing")
	}
	ds.Framework.Settings.Uncertainty.Seed = 10
	if reflect.DeepEqual(Compute(ds).Uncertainty.Cities, a.Uncertainty.Cities) {
		t.Error("another seed gives exactly the same intervals for 25 cities")
	}
}

func TestAuditAndPeers(t *testing.T) {
	res := Compute(twoDims())
	a := res.Audit
	// A: 80, 0, 50 → mean 130/3 = 43.333…, median 50; B: 20, 100, 50.
	if s := a.Indicators[0].Raw; s.N != 3 || !near(s.Mean, 130.0/3) || s.Median != 50 || s.Min != 0 || s.Max != 80 {
		t.Errorf("audit of A = %+v", s)
	}
	// Deviations of B from its mean 170/3 are exactly minus those of A:
	// (−36.67, 43.33, −6.67) against (36.67, −43.33, 6.67), so r = −1.
	if c := a.IndicatorCorr[0][1]; !c.OK || !near(c.R, -1) || c.N != 3 {
		t.Errorf("r(A, B) = %+v, want −1", c)
	}
	// Each indicator is its dimension's only one: r = 1.
	for i, c := range a.OwnDimension {
		if !c.OK || !near(c.R, 1) {
			t.Errorf("r(indicator %d, own dimension) = %+v, want 1", i, c)
		}
	}
	// Index 65, 25, 50 against A 80, 0, 50: dA = 36.67, −43.33, 6.67 and
	// dI = 18.33, −21.67, 3.33 = dA/2 exactly, so r = 1.
	if c := a.WithIndex[0]; !c.OK || !near(c.R, 1) {
		t.Errorf("r(A, index) = %+v, want 1", c)
	}
	if len(a.DimensionCorr) != 3 {
		t.Errorf("dimension correlation matrix has %d rows, want 2 dimensions + index", len(a.DimensionCorr))
	}

	p := res.Peers
	// A sorted 0, 50, 80: Q1 = 0 + 0.5·(50 − 0) = 25, median 50,
	// Q3 = 50 + 0.5·(80 − 50) = 65 (type 7: positions 0.5, 1, 1.5).
	if got := p.Indicators[0]; got != (Spread{ID: "A", N: 3, Q1: 25, Median: 50, Q3: 65}) {
		t.Errorf("spread of A = %+v", got)
	}
	// Index 25, 50, 65: Q1 37.5, Q3 57.5.
	if got := p.Index; got != (Spread{N: 3, Q1: 37.5, Median: 50, Q3: 57.5}) {
		t.Errorf("spread of the index = %+v", got)
	}
	// Each city against the other two. alpha: A 80 against the median of
	// 0 and 50, 25: +55 strength; B 20 against 100 and 50, 75: −55
	// weakness; index 65 against 25 and 50: 37.5.
	alpha := p.Cities[0]
	if !reflect.DeepEqual(alpha.Strengths, []Gap{{ID: "A", Score: 80, Median: 25, Diff: 55}}) ||
		!reflect.DeepEqual(alpha.Weaknesses, []Gap{{ID: "B", Score: 20, Median: 75, Diff: -55}}) ||
		alpha.IndexMedian != (Value{V: 37.5, OK: true}) {
		t.Errorf("alpha profile = %+v", alpha)
	}
	// gamma sits on the median of all three, but not on the others':
	// A 50 against 80 and 0 (40), B 50 against 20 and 100 (60); index 50
	// against 65 and 25 (45).
	g := p.Cities[2]
	if !reflect.DeepEqual(g.Dimensions, []Gap{{ID: "D1", Score: 50, Median: 40, Diff: 10}, {ID: "D2", Score: 50, Median: 60, Diff: -10}}) ||
		!reflect.DeepEqual(g.DimensionMedians, []Value{{V: 40, OK: true}, {V: 60, OK: true}}) ||
		g.IndexMedian != (Value{V: 45, OK: true}) || len(g.Strengths) != 1 || len(g.Weaknesses) != 1 {
		t.Errorf("gamma profile = %+v", g)
	}
}

// methodVariants are the settings the property tests run under.
func methodVariants() map[string]func(*model.Framework) {
	all := func(m model.Normalisation) func(*model.Framework) {
		return func(fw *model.Framework) {
			for i := range fw.Indicators {
				if fw.Indicators[i].Goalposts == nil {
					fw.Indicators[i].Normalisation = m
				}
			}
		}
	}
	return map[string]func(*model.Framework){
		"min-max, arithmetic": func(*model.Framework) {},
		"z-score, arithmetic": all(model.NormZScore),
		"rank, geometric": func(fw *model.Framework) {
			all(model.NormRank)(fw)
			fw.Settings.DimensionAggregation, fw.Settings.IndexAggregation = model.Geometric, model.Geometric
		},
		"min-max, harmonic, carry-forward, unrounded": func(fw *model.Framework) {
			fw.Settings.DimensionAggregation, fw.Settings.IndexAggregation = model.Harmonic, model.Harmonic
			fw.Settings.CarryForward, fw.Settings.RankUnrounded = 2, true
		},
	}
}

// TestPropertiesAcrossMethods: for every method variant, raising a
// "higher is better" value never lowers that city's index; scaling all
// weights of a level changes nothing; the order of cities changes nothing;
// two runs are identical, Monte Carlo included.
func TestPropertiesAcrossMethods(t *testing.T) {
	for name, vary := range methodVariants() {
		t.Run(name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(11, 12))
			ds := synthetic(r, 25, 3, 4, 3, 0.2)
			vary(&ds.Framework)
			base := Compute(ds)
			if !reflect.DeepEqual(base, Compute(ds)) {
				t.Fatal("two runs differ")
			}
			checkMonotone(t, r, ds, base, 60)
			checkWeightScaling(t, ds, base)
			checkShuffle(t, r, ds, base)
		})
	}
}

func checkMonotone(t *testing.T, r *rand.Rand, ds model.Dataset, base Result, trials int) {
	t.Helper()
	for trial := range trials {
		c := r.IntN(len(ds.Cities))
		k := r.IntN(len(ds.Cities[c].KPIs))
		ind := ds.Framework.Indicators[k] // synthetic KPIs follow framework order
		if ind.Direction != model.HigherIsBetter || len(ds.Cities[c].KPIs[k].Values) == 0 {
			continue
		}
		o := r.IntN(len(ds.Cities[c].KPIs[k].Values))
		changed := ds
		changed.Cities = slices.Clone(ds.Cities)
		changed.Cities[c].KPIs = slices.Clone(ds.Cities[c].KPIs)
		changed.Cities[c].KPIs[k].Values = slices.Clone(ds.Cities[c].KPIs[k].Values)
		changed.Cities[c].KPIs[k].Values[o].Value += 0.01 + r.Float64()*50
		res := Compute(changed)
		for yi, before := range base.Cities[c].Years {
			after := res.Cities[c].Years[yi]
			if before.Index.OK && (!after.Index.OK || after.Index.V < before.Index.V-1e-9) {
				t.Fatalf("trial %d: raising %s of %s lowered the %d index from %v to %v",
					trial, ind.ID, ds.Cities[c].Slug, before.Year, before.Index, after.Index)
			}
			bs, as := before.Indicators[k].Score, after.Indicators[k].Score
			if bs.OK && (!as.OK || as.V < bs.V-1e-9) {
				t.Fatalf("trial %d: raising %s lowered its own score from %v to %v", trial, ind.ID, bs, as)
			}
		}
	}
}

func checkWeightScaling(t *testing.T, ds model.Dataset, base Result) {
	t.Helper()
	scaled := ds
	scaled.Framework.Indicators = slices.Clone(ds.Framework.Indicators)
	scaled.Framework.Dimensions = slices.Clone(ds.Framework.Dimensions)
	for i := range scaled.Framework.Indicators {
		scaled.Framework.Indicators[i].Weight *= 7.3
	}
	for d := range scaled.Framework.Dimensions {
		scaled.Framework.Dimensions[d].Weight *= 0.04
	}
	res := Compute(scaled)
	for c := range res.Cities {
		for yi, y := range res.Cities[c].Years {
			b := base.Cities[c].Years[yi]
			if y.Index.OK != b.Index.OK || math.Abs(y.Index.V-b.Index.V) > 1e-9 || y.Rank != b.Rank {
				t.Fatalf("scaled weights: %s %d index %v rank %d, before %v rank %d",
					res.Cities[c].Slug, y.Year, y.Index, y.Rank, b.Index, b.Rank)
			}
		}
	}
	if !reflect.DeepEqual(res.Uncertainty.Cities, base.Uncertainty.Cities) {
		t.Fatal("scaled weights change the rank intervals")
	}
}

func checkShuffle(t *testing.T, r *rand.Rand, ds model.Dataset, base Result) {
	t.Helper()
	pos := map[string]int{}
	for i, c := range ds.Cities {
		pos[c.Slug] = i
	}
	shuffled := ds
	shuffled.Cities = slices.Clone(ds.Cities)
	r.Shuffle(len(shuffled.Cities), func(i, j int) {
		shuffled.Cities[i], shuffled.Cities[j] = shuffled.Cities[j], shuffled.Cities[i]
	})
	res := Compute(shuffled)
	for i, c := range res.Cities {
		o := pos[c.Slug]
		if !reflect.DeepEqual(c, base.Cities[o]) {
			t.Fatalf("%s differs after shuffling", c.Slug)
		}
		if !reflect.DeepEqual(res.Uncertainty.Cities[i], base.Uncertainty.Cities[o]) {
			t.Fatalf("%s: interval %+v after shuffling, %+v before", c.Slug, res.Uncertainty.Cities[i], base.Uncertainty.Cities[o])
		}
		if !reflect.DeepEqual(res.Peers.Cities[i], base.Peers.Cities[o]) {
			t.Fatalf("%s: peer profile differs after shuffling", c.Slug)
		}
	}
	if !reflect.DeepEqual(res.Peers.Indicators, base.Peers.Indicators) || !reflect.DeepEqual(res.Averages, base.Averages) {
		t.Fatal("peer spreads or averages differ after shuffling")
	}
	for i, ia := range res.Audit.Indicators {
		b := base.Audit.Indicators[i]
		if ia.Raw.N != b.Raw.N || ia.Raw.Median != b.Raw.Median || math.Abs(ia.Raw.Mean-b.Raw.Mean) > 1e-9 {
			t.Fatalf("audit of %s differs after shuffling", ia.ID)
		}
	}
}
