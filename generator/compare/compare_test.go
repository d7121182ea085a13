package compare

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/score"
)

const (
	planned    = model.Planned
	inProgress = model.InProgress
	done       = model.Done
	stopped    = model.Stopped
)

// measure fills Title, Lead and Link from the ID so that ex can predict them.
func measure(id, topic string, s model.Status) model.Measure {
	return model.Measure{ID: id, Topic: topic, Status: s, Title: model.Text{De: "Titel " + id, En: "Title " + id},
		Lead: "Lead " + id, Link: "https://example.org/" + id}
}

// ex is the example of a measure made by measure: done measures have no
// progress of their own, and so are 100 % done.
func ex(city, id string, s model.Status) Example {
	e := Example{City: city, MeasureID: id, Title: model.Text{De: "Titel " + id, En: "Title " + id}, Status: s,
		Lead: "Lead " + id, Link: "https://example.org/" + id}
	if s == done {
		e.Progress = new(100.0)
	}
	return e
}

// handDataset: dimensions D1 (topics T1, T2, T3) and D2 (T4, T5); cities
// a, b, c, d. The sets of topics with at least one measure that is not
// stopped are
//
//	a {T1, T2}        (T4 stopped only; TX is not a framework topic)
//	b {T1, T3, T4}    (T2 stopped only)
//	c {T1, T2, T3, T5}
//	d {}              (no measures at all)
func handDataset() model.Dataset {
	return model.Dataset{
		Framework: model.Framework{
			Dimensions: []model.Dimension{{ID: "D1"}, {ID: "D2"}},
			Topics: []model.Topic{
				{ID: "T1", Dimension: "D1"}, {ID: "T2", Dimension: "D1"}, {ID: "T3", Dimension: "D1"},
				{ID: "T4", Dimension: "D2"}, {ID: "T5", Dimension: "D2"},
			},
		},
		Cities: []model.City{
			{Slug: "a", Measures: []model.Measure{
				measure("a5", "T1", inProgress), // listed before a1: cells sort by ID
				measure("a1", "T1", done),
				measure("a2", "T1", planned),
				measure("a3", "T2", inProgress),
				measure("a4", "T4", stopped),
				measure("aX", "TX", done), // unknown topic: ignored everywhere
			}},
			{Slug: "b", Measures: []model.Measure{
				measure("b1", "T1", planned),
				measure("b2", "T3", done),
				measure("b3", "T4", planned),
				measure("b4", "T2", stopped),
			}},
			{Slug: "c", Measures: []model.Measure{
				measure("c1", "T1", planned),
				measure("c2", "T2", done),
				measure("c3", "T3", inProgress),
				measure("c4", "T5", done),
			}},
			{Slug: "d"},
		},
	}
}

func ok(v float64) score.Value { return score.Value{V: v, OK: true} }

// handScores: dimension scores [D1, D2] per city and year.
//
//	      2022          2023
//	a   50,   30      80,    –
//	b   90,   55      70,    –
//	c    –,   20      80.04, –
//	d   40,    –      60,    –
//
// The cities are deliberately not in ds.Cities order: Build matches slugs.
func handScores(ref int) score.Result {
	city := func(slug string, d22, d23 [2]score.Value) score.City {
		return score.City{Slug: slug, Years: []score.Year{
			{Year: 2022, Dimensions: []score.Component{{ID: "D1", Score: d22[0]}, {ID: "D2", Score: d22[1]}}},
			{Year: 2023, Dimensions: []score.Component{{ID: "D1", Score: d23[0]}, {ID: "D2", Score: d23[1]}}},
		}}
	}
	none := score.Value{}
	return score.Result{Years: []int{2022, 2023}, ReferenceYear: ref, Cities: []score.City{
		city("c", [2]score.Value{none, ok(20)}, [2]score.Value{ok(80.04), none}),
		city("a", [2]score.Value{ok(50), ok(30)}, [2]score.Value{ok(80), none}),
		city("d", [2]score.Value{ok(40), none}, [2]score.Value{ok(60), none}),
		city("b", [2]score.Value{ok(90), ok(55)}, [2]score.Value{ok(70), none}),
	}}
}

func check(t *testing.T, what string, got, want any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got  %+v\n want %+v", what, got, want)
	}
}

func TestMatrix(t *testing.T) {
	got := Build(handDataset(), handScores(2023)).Matrix
	no := Cell{Measures: []string{}}
	want := []TopicRow{
		// a: Done beats InProgress and Planned; b and c only planned.
		{"T1", []Cell{{[]string{"a1", "a2", "a5"}, done, true}, {[]string{"b1"}, planned, true}, {[]string{"c1"}, planned, true}, no}},
		// b: a stopped-only cell is present (Has) with Best = Stopped.
		{"T2", []Cell{{[]string{"a3"}, inProgress, true}, {[]string{"b4"}, stopped, true}, {[]string{"c2"}, done, true}, no}},
		{"T3", []Cell{no, {[]string{"b2"}, done, true}, {[]string{"c3"}, inProgress, true}, no}},
		{"T4", []Cell{{[]string{"a4"}, stopped, true}, {[]string{"b3"}, planned, true}, no, no}},
		{"T5", []Cell{no, no, {[]string{"c4"}, done, true}, no}},
	}
	check(t, "matrix", got, want)
}

func TestBestStatusOrder(t *testing.T) {
	// Every pair, in both orders: the more advanced status wins, and
	// Stopped is the least advanced although it is the largest constant.
	order := []model.Status{stopped, planned, inProgress, done}
	for i, lo := range order {
		for _, hi := range order[i:] {
			for _, ms := range [][]model.Measure{
				{measure("x1", "T1", lo), measure("x2", "T1", hi)},
				{measure("x1", "T1", hi), measure("x2", "T1", lo)},
			} {
				ds := handDataset()
				ds.Cities = []model.City{{Slug: "x", Measures: ms}}
				if got := Build(ds, score.Result{}).Matrix[0].Cells[0].Best; got != hi {
					t.Errorf("best of %v and %v = %v, want %v", ms[0].Status, ms[1].Status, got, hi)
				}
			}
		}
	}
}

func TestCoverage(t *testing.T) {
	got := Build(handDataset(), handScores(2023)).Coverage
	dc := func(id string, topics, covered int, share float64) DimCoverage {
		return DimCoverage{ID: id, Topics: topics, Covered: covered, Share: share}
	}
	want := []CityCoverage{
		// a: D1 T1, T2 = 2/3; D2 only a stopped measure in T4 = 0/2.
		{"a", []DimCoverage{dc("D1", 3, 2, 2.0/3), dc("D2", 2, 0, 0)}},
		// b: D1 T1, T3 (T2 stopped) = 2/3; D2 T4 (planned counts) = 1/2.
		{"b", []DimCoverage{dc("D1", 3, 2, 2.0/3), dc("D2", 2, 1, 0.5)}},
		// c: D1 all three = 3/3; D2 T5 = 1/2.
		{"c", []DimCoverage{dc("D1", 3, 3, 1), dc("D2", 2, 1, 0.5)}},
		{"d", []DimCoverage{dc("D1", 3, 0, 0), dc("D2", 2, 0, 0)}},
	}
	check(t, "coverage", got, want)
}

func TestSimilarity(t *testing.T) {
	got := Build(handDataset(), handScores(2023)).Similarity
	// a∩b = {T1}, a∪b = {T1,T2,T3,T4}: 1/4 = 0.25
	// a∩c = {T1,T2}, a∪c = {T1,T2,T3,T5}: 2/4 = 0.5
	// b∩c = {T1,T3}, b∪c = {T1,T2,T3,T4,T5}: 2/5 = 0.4
	// d is empty: 0 with everyone, and 0 with itself (two empty sets).
	want := [][]float64{
		{1, 0.25, 0.5, 0},
		{0.25, 1, 0.4, 0},
		{0.5, 0.4, 1, 0},
		{0, 0, 0, 0},
	}
	check(t, "similarity", got, want)
}

func TestQuickWins(t *testing.T) {
	got := Build(handDataset(), handScores(2023)).QuickWins
	// Running (done or in progress) measures per topic:
	//   T1 a(a1 done, a5 in progress)   T2 a(a3), c(c2 done)
	//   T3 b(b2 done), c(c3)            T4 none (b3 is only planned)
	//   T5 c(c4 done)
	// Stopped measures: a4 in T4 (no win: nothing runs there) and b4 in
	// T2, named with every T2 win, b's own included.
	stoppedT2 := []Example{ex("b", "b4", stopped)}
	want := []CityQuickWins{
		// a lacks T3, T4, T5; T4 has no running partner measure.
		{"a", []QuickWin{
			{Topic: "T3", Partners: 2, Examples: []Example{ex("b", "b2", done), ex("c", "c3", inProgress)}},
			{Topic: "T5", Partners: 1, Examples: []Example{ex("c", "c4", done)}},
		}},
		// b has only a stopped measure in T2: that does not block the win.
		// Done comes before in progress even though c sorts after a.
		{"b", []QuickWin{
			{Topic: "T2", Partners: 2, Examples: []Example{ex("c", "c2", done), ex("a", "a3", inProgress)}, Stopped: stoppedT2},
			{Topic: "T5", Partners: 1, Examples: []Example{ex("c", "c4", done)}},
		}},
		// c's planned c1 blocks T1 although a runs two measures there; T4
		// has nothing running anywhere. No wins.
		{"c", []QuickWin{}},
		// d has nothing: T2 and T3 (2 partners each, framework order)
		// come before T1 and T5 (1 partner each; a counts once in T1).
		{"d", []QuickWin{
			{Topic: "T2", Partners: 2, Examples: []Example{ex("c", "c2", done), ex("a", "a3", inProgress)}, Stopped: stoppedT2},
			{Topic: "T3", Partners: 2, Examples: []Example{ex("b", "b2", done), ex("c", "c3", inProgress)}},
			{Topic: "T1", Partners: 1, Examples: []Example{ex("a", "a1", done), ex("a", "a5", inProgress)}},
			{Topic: "T5", Partners: 1, Examples: []Example{ex("c", "c4", done)}},
		}},
	}
	check(t, "quick wins", got, want)
}

func TestLeaders(t *testing.T) {
	// 2023: D1 a 80 and c 80.04 are both published as 80.0, a tie; b 70,
	// d 60. D2 has no score at all in 2023 (although it has in 2022).
	got := Build(handDataset(), handScores(2023)).Leaders
	want := []DimensionLeader{
		{Dimension: "D1", Leaders: []string{"a", "c"}, Score: 80, OK: true, Measures: []Example{
			// a's and c's measures in T1–T3: by status, then city, then ID.
			ex("a", "a1", done), ex("c", "c2", done),
			ex("a", "a3", inProgress), ex("a", "a5", inProgress), ex("c", "c3", inProgress),
			ex("a", "a2", planned), ex("c", "c1", planned),
		}, Offers: []OfferRef{}},
		{Dimension: "D2", Leaders: []string{}, Measures: []Example{}, Offers: []OfferRef{}},
	}
	check(t, "leaders 2023", got, want)

	// 2022: D1 b 90 alone (c has no score); D2 b 55 over a 30 and c 20.
	// The leader's stopped measure is listed, last; its valid offers go
	// with the dimension of their topic, a's (no leader) nowhere.
	ds := handDataset()
	t1, t4, bad := model.Offer{Topic: "T1", Title: model.Text{De: "b T1"}}, model.Offer{Topic: "T4", Title: model.Text{De: "b T4"}},
		model.Offer{Topic: "T2", Invalid: true}
	ds.Cities[1].Offers = []model.Offer{t4, bad, t1}
	ds.Cities[0].Offers = []model.Offer{{Topic: "T2"}}
	got = Build(ds, handScores(2022)).Leaders
	want = []DimensionLeader{
		{Dimension: "D1", Leaders: []string{"b"}, Score: 90, OK: true, Measures: []Example{
			ex("b", "b2", done), ex("b", "b1", planned), ex("b", "b4", stopped),
		}, Offers: []OfferRef{{City: "b", Offer: t1}}},
		{Dimension: "D2", Leaders: []string{"b"}, Score: 55, OK: true, Measures: []Example{ex("b", "b3", planned)},
			Offers: []OfferRef{{City: "b", Offer: t4}}},
	}
	check(t, "leaders 2022", got, want)

	// No reference year (no KPI data): no dimension has a leader.
	got = Build(handDataset(), score.Result{}).Leaders
	for _, l := range got {
		if l.OK || len(l.Leaders) > 0 || len(l.Measures) > 0 {
			t.Errorf("without scores: %+v", l)
		}
	}
}

func TestEmpty(t *testing.T) {
	got := Build(model.Dataset{}, score.Result{})
	if len(got.Matrix)+len(got.Coverage)+len(got.Similarity)+len(got.QuickWins)+len(got.Leaders) != 0 {
		t.Errorf("empty dataset: %+v", got)
	}
}

func TestDoesNotMutate(t *testing.T) {
	ds, res := handDataset(), handScores(2023)
	Build(ds, res)
	check(t, "dataset", ds, handDataset())
	check(t, "scores", res, handScores(2023))
}

// synthetic is a random dataset with few topics and few distinct scores, so
// that ties of every kind occur.
func synthetic(r *rand.Rand) (model.Dataset, score.Result) {
	var ds model.Dataset
	nd, nt := 1+r.IntN(3), 1+r.IntN(6)
	for d := range nd {
		ds.Framework.Dimensions = append(ds.Framework.Dimensions, model.Dimension{ID: fmt.Sprint("D", d)})
	}
	for t := range nt {
		ds.Framework.Topics = append(ds.Framework.Topics, model.Topic{ID: fmt.Sprint("T", t), Dimension: fmt.Sprint("D", r.IntN(nd))})
	}
	res := score.Result{Years: []int{2024}, ReferenceYear: 2024}
	for c := range 1 + r.IntN(6) {
		city := model.City{Slug: fmt.Sprintf("c%02d", c)}
		for m := range r.IntN(8) {
			city.Measures = append(city.Measures, measure(fmt.Sprintf("%s-m%d", city.Slug, m),
				fmt.Sprint("T", r.IntN(nt+1)), model.Status(r.IntN(4)))) // T<nt> is unknown
		}
		ds.Cities = append(ds.Cities, city)
		y := score.Year{Year: 2024}
		for d := range nd {
			v := score.Value{}
			if r.IntN(4) > 0 {
				v = ok(float64(r.IntN(3) * 10))
			}
			y.Dimensions = append(y.Dimensions, score.Component{ID: fmt.Sprint("D", d), Score: v})
		}
		res.Cities = append(res.Cities, score.City{Slug: city.Slug, Years: []score.Year{y}})
	}
	return ds, res
}

// TestReverseCities: reversing ds.Cities reverses every per-city list,
// mirrors the similarity matrix, and changes nothing else: no result may
// depend on where a city stands in the input.
func TestReverseCities(t *testing.T) {
	type sample struct {
		ds  model.Dataset
		res score.Result
	}
	samples := []sample{{handDataset(), handScores(2023)}, {handDataset(), handScores(2022)}}
	r := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		ds, res := synthetic(r)
		samples = append(samples, sample{ds, res})
	}
	for i, s := range samples {
		want := Build(s.ds, s.res)
		rev := s.ds
		rev.Cities = slices.Clone(s.ds.Cities)
		slices.Reverse(rev.Cities)
		got := Build(rev, s.res) // res keeps its order: Build matches by slug

		n := len(s.ds.Cities)
		for k := range want.Matrix {
			slices.Reverse(want.Matrix[k].Cells)
		}
		slices.Reverse(want.Coverage)
		slices.Reverse(want.QuickWins)
		sim := make([][]float64, n)
		for a := range n {
			sim[a] = make([]float64, n)
			for b := range n {
				sim[a][b] = want.Similarity[n-1-a][n-1-b]
			}
		}
		want.Similarity = sim
		check(t, fmt.Sprint("sample ", i), got, want)
	}
}

// TestSimilarityProperties: symmetric, within [0, 1], 1 on the diagonal
// exactly for cities with at least one active topic.
func TestSimilarityProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 300 {
		ds, res := synthetic(r)
		got := Build(ds, res)
		for i := range got.Similarity {
			active := false
			for _, row := range got.Matrix {
				active = active || (row.Cells[i].Has && row.Cells[i].Best != stopped)
			}
			if d := got.Similarity[i][i]; (d == 1) != active || (d != 0 && d != 1) {
				t.Fatalf("diagonal %d = %v, active %v", i, d, active)
			}
			for j, v := range got.Similarity[i] {
				if v != got.Similarity[j][i] || v < 0 || v > 1 {
					t.Fatalf("similarity[%d][%d] = %v, [%d][%d] = %v", i, j, v, j, i, got.Similarity[j][i])
				}
			}
		}
	}
}

// TestQuickWinsExamplesCapped: fifteen partners run a measure in T1
// (p00 and p05 done, the other thirteen in progress) and city "z" has
// none; z's quick win counts all fifteen partners but lists only the
// MaxExamples (3) most advanced measures: the two done ones by slug, then
// p01, the first in progress.
func TestQuickWinsExamplesCapped(t *testing.T) {
	ds := model.Dataset{Framework: model.Framework{Dimensions: []model.Dimension{{ID: "D1"}},
		Topics: []model.Topic{{ID: "T1", Dimension: "D1"}}}}
	for i := range 15 {
		s := inProgress
		if i == 0 || i == 5 {
			s = done
		}
		ds.Cities = append(ds.Cities, model.City{Slug: fmt.Sprintf("p%02d", i), Measures: []model.Measure{measure(fmt.Sprintf("m%02d", i), "T1", s)}})
	}
	want := []Example{ex("p00", "m00", done), ex("p05", "m05", done), ex("p01", "m01", inProgress)}
	ds.Cities = append(ds.Cities, model.City{Slug: "z"})
	got := Build(ds, score.Result{}).QuickWins[15]
	check(t, "z's quick wins", got, CityQuickWins{Slug: "z", Wins: []QuickWin{{Topic: "T1", Partners: 15, Examples: want}}})
}

// TestSimilarityOmittedAtScale: one city more than MaxSimilarityCities
// gives no similarity table at all (it has a cell per pair of cities).
func TestSimilarityOmittedAtScale(t *testing.T) {
	ds := model.Dataset{Framework: model.Framework{Dimensions: []model.Dimension{{ID: "D1"}},
		Topics: []model.Topic{{ID: "T1", Dimension: "D1"}}}}
	for i := range MaxSimilarityCities + 1 {
		ds.Cities = append(ds.Cities, model.City{Slug: fmt.Sprint(i)})
	}
	if got := Build(ds, score.Result{}).Similarity; got != nil {
		t.Errorf("similarity of %d cities: %d rows, want none", len(ds.Cities), len(got))
	}
	if got := Build(ds, score.Result{}); len(got.Matrix) != 1 {
		t.Errorf("matrix: %d rows, want 1", len(got.Matrix))
	}
}
