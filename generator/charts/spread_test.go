package charts_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/sitedata"
)

func fp(v float64) *float64 { return &v }

// TestAboveTheListLimit: with more partners than the list limit, the home
// ranking shows its first rows, the trend charts the distribution by year
// (a line per statistic, the table the same numbers) and there is no map.
func TestAboveTheListLimit(t *testing.T) {
	s := site(t, withCoords(t))
	s.Lists.Full, s.Lists.Top = false, 1
	if len(s.Years) < 2 {
		t.Fatalf("fixture has years %v; want two or more", s.Years)
	}
	s.IndexYears = nil
	for i, y := range s.Years {
		// The median rises by 10 a year from 40; the last year's middle half is 45–60.
		m := 40 + 10*float64(i)
		s.IndexYears = append(s.IndexYears, sitedata.YearSpread{Year: y, N: 8,
			Min: fp(m - 30), Q1: fp(m - 5), Median: fp(m), Q3: fp(m + 10), Max: fp(m + 20)})
	}
	ind := &s.Indicators[0]
	ind.Years = nil
	for i, y := range s.Years {
		ind.Years = append(ind.Years, sitedata.YearSpread{Year: y, N: 3, Median: fp(float64(i) + 0.5)})
	}
	c := build(t, s)

	if rows := c.Indicators[ind.ID].En.Data.Rows; len(rows) != 5 || rows[2][0] != "Median" || rows[2][1] != 0.5 || rows[0][1] != nil {
		t.Errorf("indicator %s above the list limit: rows %v; want five statistics, median 0.5 first, no maximum", ind.ID, rows)
	}
	if got := len(c.Ranking.De.Data.Rows); got != 1 {
		t.Errorf("ranking: %d rows; want the first 1", got)
	}
	if c.Map.De.Option != nil {
		t.Errorf("map built above the list limit: %s", c.Map.De.Option)
	}

	tr := c.Trend.De
	last := 40 + 10*float64(len(s.Years)-1)
	wantRows := [][]any{{"Maximum"}, {"3. Quartil"}, {"Median"}, {"1. Quartil"}, {"Minimum"}}
	for i := range s.Years {
		m := 40 + 10*float64(i)
		for j, v := range []float64{m + 20, m + 10, m, m - 5, m - 30} {
			wantRows[j] = append(wantRows[j], v)
		}
	}
	if !reflect.DeepEqual(tr.Data.Rows, wantRows) {
		t.Errorf("trend table:\n got %v\nwant %v", tr.Data.Rows, wantRows)
	}
	var opt struct {
		Series []struct {
			Name string
			Data []struct{ Value any }
		}
	}
	if err := json.Unmarshal(tr.Option, &opt); err != nil {
		t.Fatal(err)
	}
	if len(opt.Series) != len(wantRows) {
		t.Fatalf("%d series; want %d", len(opt.Series), len(wantRows))
	}
	for i, sr := range opt.Series {
		if sr.Name != wantRows[i][0] {
			t.Errorf("series %d is %q; want %q", i, sr.Name, wantRows[i][0])
		}
		for j, d := range sr.Data {
			if d.Value != wantRows[i][j+1] {
				t.Errorf("series %q point %d = %v; table says %v", sr.Name, j, d.Value, wantRows[i][j+1])
			}
		}
	}
	first, lastYear := s.Years[0], s.Years[len(s.Years)-1]
	de := func(v float64) string {
		return strings.Replace(strconv.FormatFloat(v, 'f', s.Settings.Decimals, 64), ".", ",", 1)
	}
	want := fmt.Sprintf("Der Median von Index ging von %s (%d) auf %s (%d). Die mittlere Hälfte der 8 Städte mit Wert lag %d zwischen %s und %s.",
		de(40), first, de(last), lastYear, lastYear, de(last-5), de(last+10))
	if tr.Summary != want {
		t.Errorf("summary\n got %q\nwant %q", tr.Summary, want)
	}
}
