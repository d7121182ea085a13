package charts_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/sitedata"
)

// chartOption is the part of an option the scale tests read.
type chartOption struct {
	Aria struct {
		Decal struct{ Show bool }
	}
	XAxis []struct {
		Max         float64
		SplitNumber int
	}
	YAxis  []struct{ Data []string }
	Series []struct {
		Name  string
		Type  string
		Stack string
		Data  []struct {
			Value any
		}
	}
}

func option(t *testing.T, raw []byte) chartOption {
	t.Helper()
	var o chartOption
	if err := json.Unmarshal(raw, &o); err != nil {
		t.Fatal(err)
	}
	return o
}

// TestScaleStrategyChart: above the list limit the strategy chart stacks,
// per topic, the cities by status (not a column per city), and its table
// has, per status, the count the bar draws and the share of all cities.
func TestScaleStrategyChart(t *testing.T) {
	s := site(t, nil)
	sc := func(st string, n int, pct float64) sitedata.StatusCount {
		var status sitedata.CellStatus
		if err := status.UnmarshalText([]byte(st)); err != nil {
			t.Fatal(err)
		}
		return sitedata.StatusCount{Status: status, Count: n, SharePct: pct}
	}
	// Four cities: E-AKTE done in 2, planned in 1, nothing in 1; OZG in
	// progress in 1, stopped in 1, nothing in 2.
	s.Strategies.Scale = &sitedata.StrategyScale{Cities: 4, Topics: []sitedata.TopicCities{
		{Topic: "E-AKTE", Dimension: "VER", Statuses: []sitedata.StatusCount{sc("done", 2, 50), sc("in_progress", 0, 0), sc("planned", 1, 25), sc("stopped", 0, 0), sc("", 1, 25)}},
		{Topic: "OZG", Dimension: "VER", Statuses: []sitedata.StatusCount{sc("done", 0, 0), sc("in_progress", 1, 25), sc("planned", 0, 0), sc("stopped", 1, 25), sc("", 2, 50)}},
	}}
	c := build(t, s)
	for _, tc := range []struct{ got, want string }{
		{c.Strategy.De.Summary, "Die meisten Städte mit abgeschlossener Maßnahme hat das Thema E-Akte (2 von 4, 50,0 %), die meisten ohne jede Maßnahme das Thema Online-Dienste (2, 50,0 %)."},
		{c.Strategy.En.Summary, "E-file has the most cities with a finished measure (2 of 4, 50.0 %), Online services the most cities without any measure (2, 50.0 %)."},
	} {
		if tc.got != tc.want {
			t.Errorf("summary:\n got %s\nwant %s", tc.got, tc.want)
		}
	}
	ch := c.Strategy.En
	wantCols := []string{"Topic", "done", "done (% of cities)", "in progress", "in progress (% of cities)",
		"planned", "planned (% of cities)", "stopped", "stopped (% of cities)", "no measure", "no measure (% of cities)"}
	if ch.Kind != "bar" || !reflect.DeepEqual(ch.Data.Columns, wantCols) {
		t.Errorf("kind %q, columns %q; want bar, %q", ch.Kind, ch.Data.Columns, wantCols)
	}
	wantRows := [][]any{
		{"E-file", 2, 50.0, 0, 0.0, 1, 25.0, 0, 0.0, 1, 25.0},
		{"Online services", 0, 0.0, 1, 25.0, 0, 0.0, 1, 25.0, 2, 50.0},
	}
	if !reflect.DeepEqual(ch.Data.Rows, wantRows) {
		t.Errorf("rows = %v, want %v", ch.Data.Rows, wantRows)
	}
	o := option(t, ch.Option)
	if !reflect.DeepEqual(o.YAxis[0].Data, []string{"E-file", "Online services"}) || o.XAxis[0].Max != 4 || !o.Aria.Decal.Show {
		t.Errorf("axes %v / max %v, decal %v; want the two topics, 4 cities, decal patterns", o.YAxis[0].Data, o.XAxis[0].Max, o.Aria.Decal.Show)
	}
	if len(o.Series) != 5 {
		t.Fatalf("%d series, want one per status (5)", len(o.Series))
	}
	// The table holds exactly the chart's numbers: series k draws column
	// 1+2k, and each share is the count over all cities.
	for k, sr := range o.Series {
		if sr.Stack != "cities" || sr.Name != ch.Data.Columns[1+2*k] {
			t.Errorf("series %d: %q stack %q; want %q stacked", k, sr.Name, sr.Stack, ch.Data.Columns[1+2*k])
		}
		for i, d := range sr.Data {
			row := ch.Data.Rows[i]
			if d.Value != float64(row[1+2*k].(int)) {
				t.Errorf("series %q, %s: bar %v, table %v", sr.Name, row[0], d.Value, row[1+2*k])
			}
			if share := float64(row[1+2*k].(int)) / 4 * 100; share != row[2+2*k] {
				t.Errorf("series %q, %s: share %v, want %v", sr.Name, row[0], row[2+2*k], share)
			}
		}
	}
}

// TestScaleIntervalsChart: above the list limit the rank intervals show
// the first and last ranked cities only, the table the same rows, and the
// summary counts over every ranked city.
func TestScaleIntervalsChart(t *testing.T) {
	s := site(t, nil)
	rank := func(i int) *int { return &i }
	iv := func(m, lo, hi int) *sitedata.RankInterval {
		return &sitedata.RankInterval{Median: m, Low: lo, High: hi}
	}
	// A and D keep their rank (2 of 5); B is the first widest, 2 to 4.
	s.Ranking = []sitedata.RankingRow{
		{Slug: "a", Name: "Aach", Rank: rank(1), Interval: iv(1, 1, 1)},
		{Slug: "b", Name: "Bach", Rank: rank(2), Interval: iv(2, 2, 4)},
		{Slug: "c", Name: "Cham", Rank: rank(3), Interval: iv(3, 2, 4)},
		{Slug: "d", Name: "Dorf", Rank: rank(4), Interval: iv(4, 4, 4)},
		{Slug: "e", Name: "Erl", Rank: rank(5), Interval: iv(5, 4, 5)},
		{Slug: "f", Name: "Furth"},
	}
	s.Analysis.Uncertainty.Draws = 1000
	s.Analysis.Scale = &sitedata.AnalysisScale{Top: 1, Ranked: 5, Omitted: 3, Unranked: 1, Uncertainty: []sitedata.UncertaintyRow{
		{Slug: "a", Name: "Aach", Rank: rank(1), Interval: iv(1, 1, 1)},
		{Slug: "e", Name: "Erl", Rank: rank(5), Interval: iv(5, 4, 5)},
	}}
	c := build(t, s)
	for _, tc := range []struct{ got, want string }{
		{c.Intervals.En.Summary, "The chart shows the first 1 and the last 1 of 5 ranked cities; of all of them, 2 keep their rank in 90 % of 1,000 simulations, and Bach's rank is the least certain (rank 2 to 4)."},
		{c.Intervals.De.Summary, "Die Grafik zeigt die ersten 1 und die letzten 1 von 5 Städten mit Rang; von allen behalten 2 ihren Rang in 90 % von 1.000 Simulationen, am unsichersten ist der Rang von Bach (Rang 2 bis 4)."},
	} {
		if tc.got != tc.want {
			t.Errorf("summary:\n got %s\nwant %s", tc.got, tc.want)
		}
	}
	ch := c.Intervals.En
	wantRows := [][]any{{"Aach", 1, 1, 1, 1}, {"Erl", 5, 5, 4, 5}}
	if !reflect.DeepEqual(ch.Data.Rows, wantRows) {
		t.Errorf("rows = %v, want %v", ch.Data.Rows, wantRows)
	}
	o := option(t, ch.Option)
	if !reflect.DeepEqual(o.YAxis[0].Data, []string{"Aach", "Erl"}) || o.XAxis[0].Max != 5.5 || o.XAxis[0].SplitNumber != 10 {
		t.Errorf("y %v, x max %v, split %d; want Aach and Erl, 5.5, 10", o.YAxis[0].Data, o.XAxis[0].Max, o.XAxis[0].SplitNumber)
	}
	// Series: the invisible base (low end), the interval (high − low), the
	// median and the rank; each the table's numbers.
	values := func(k int) []any {
		out := []any{}
		for _, d := range o.Series[k].Data {
			out = append(out, d.Value)
		}
		return out
	}
	if len(o.Series) != 4 {
		t.Fatalf("%d series, want 4", len(o.Series))
	}
	for k, want := range [][]any{
		{1.0, 4.0},                         // low
		{0.0, 1.0},                         // high − low
		{[]any{1.0, 0.0}, []any{5.0, 1.0}}, // median
		{[]any{1.0, 0.0}, []any{5.0, 1.0}}, // rank
	} {
		if got := values(k); !reflect.DeepEqual(got, want) {
			t.Errorf("series %d (%s) = %v, want %v", k, o.Series[k].Name, got, want)
		}
	}
	// All shown: the summary is the full one.
	s.Analysis.Scale = &sitedata.AnalysisScale{Top: 10, Ranked: 2, Uncertainty: []sitedata.UncertaintyRow{
		{Slug: "a", Name: "Aach", Rank: rank(1), Interval: iv(1, 1, 1)},
		{Slug: "d", Name: "Dorf", Rank: rank(2), Interval: iv(2, 2, 2)},
	}}
	s.Ranking = s.Ranking[:1]
	s.Ranking = append(s.Ranking, sitedata.RankingRow{Slug: "d", Name: "Dorf", Rank: rank(2), Interval: iv(2, 2, 2)})
	if got, want := build(t, s).Intervals.En.Summary, "All 2 cities keep their rank in 90 % of 1,000 simulations."; got != want {
		t.Errorf("all shown: %s, want %s", got, want)
	}
}
