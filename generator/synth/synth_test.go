package synth_test

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/problem"
	"github.com/digitale-staedte/benchmark/generator/score"
	"github.com/digitale-staedte/benchmark/generator/synth"
	"github.com/digitale-staedte/benchmark/generator/validate"
	"github.com/digitale-staedte/benchmark/generator/workbook"
)

func write(t *testing.T, path string, sheets []synth.Sheet) {
	t.Helper()
	var out []workbook.ExportSheet
	for _, s := range sheets {
		out = append(out, workbook.ExportSheet{Name: s.Name, Header: s.Header, Rows: s.Rows})
	}
	b, err := workbook.WriteSheets(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestSyntheticDataValidatesAndScores: a written synthetic data set reads
// without a single error and gives every municipality an index and a rank
// and no other partner one.
func TestSyntheticDataValidatesAndScores(t *testing.T) {
	o := synth.Options{Cities: 25, Indicators: 30, Years: 6, Measures: 8, Seed: 7}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "framework.xlsx"), synth.Framework(o))
	for c := range o.Cities {
		name, sheets := synth.City(o, c)
		write(t, filepath.Join(dir, "partners", workbook.Slug(name)+".xlsx"), sheets)
	}
	ds, probs := workbook.ReadDataset(dir)
	// The first day after the last year: nothing may lie after it.
	probs = append(probs, validate.Dataset(ds, validate.Options{Today: model.Date{Year: 2026, Month: 1, Day: 1}})...)
	if probs.Errors() > 0 {
		t.Fatalf("synthetic data has errors:\n%s", probs.Text("en"))
	}
	if len(ds.Cities) != o.Cities || len(ds.Framework.Indicators) != o.Indicators || len(ds.Framework.Dimensions) != synth.Dimensions(30) {
		t.Fatalf("read %d cities, %d indicators, %d dimensions", len(ds.Cities), len(ds.Framework.Indicators), len(ds.Framework.Dimensions))
	}
	res := score.Compute(ds)
	if len(res.Years) != o.Years || res.ReferenceYear != 2025 {
		t.Errorf("years %v, reference year %d", res.Years, res.ReferenceYear)
	}
	ri := len(res.Years) - 1
	for i, c := range res.Cities {
		scored := ds.Cities[i].Kind.Scored()
		if y := c.Years[ri]; scored && (!y.Index.OK || y.Rank == 0) {
			t.Errorf("%s has no index or rank in 2025", c.Slug)
		} else if !scored && (y.Index.OK || y.Rank != 0) {
			t.Errorf("%s (%v) is scored", c.Slug, ds.Cities[i].Kind)
		}
	}
	measures, stopped := 0, 0
	for _, c := range ds.Cities {
		measures += len(c.Measures)
		for _, m := range c.Measures {
			if m.Status == model.Stopped {
				stopped++
			}
		}
	}
	if measures != o.Cities*o.Measures || stopped == 0 {
		t.Errorf("%d measures (%d stopped); want %d with some stopped", measures, stopped, o.Cities*o.Measures)
	}
}

// TestDeterministic: the same seed gives the same sheets; a city does not
// depend on how many cities there are; another seed gives other data.
func TestDeterministic(t *testing.T) {
	o := synth.Options{Cities: 10, Indicators: 12, Years: 4, Measures: 3, Seed: 1}
	n1, a := synth.City(o, 3)
	n2, b := synth.City(o, 3)
	big := o
	big.Cities = 10000
	n3, c := synth.City(big, 3)
	if n1 != n2 || n1 != n3 || !reflect.DeepEqual(a, b) || !reflect.DeepEqual(a, c) {
		t.Error("city 3 differs between runs or with the number of cities")
	}
	if !reflect.DeepEqual(synth.Framework(o), synth.Framework(o)) {
		t.Error("framework differs between runs")
	}
	other := o
	other.Seed = 2
	if _, d := synth.City(other, 3); reflect.DeepEqual(a, d) {
		t.Error("another seed gives the same city")
	}
}

func TestOptionsCheck(t *testing.T) {
	ok := synth.Options{Cities: 3, Indicators: 50, Years: 10, Measures: 20}
	if err := ok.Check(); err != nil {
		t.Error(err)
	}
	for _, bad := range []synth.Options{
		{Cities: 0, Indicators: 1, Years: 1},
		{Cities: 1, Indicators: 501, Years: 1},
		{Cities: 1, Indicators: 1, Years: 0},
		{Cities: 1, Indicators: 1, Years: 1, Measures: -1},
	} {
		if bad.Check() == nil {
			t.Errorf("%+v accepted", bad)
		}
	}
}

// TestCooperation: a synthetic data set of 25 partners has six that are
// not municipalities, one of each other kind, without KPIs; joint
// projects whose every partner is one of the set; and offers and reports
// on every partner's page, all read without a problem.
func TestCooperation(t *testing.T) {
	o := synth.Options{Cities: 25, Indicators: 16, Years: 4, Measures: 30, Seed: 3}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "framework.xlsx"), synth.Framework(o))
	for c := range o.Cities {
		name, sheets := synth.City(o, c)
		if name != synth.Name(o, c) {
			t.Errorf("partner %d: City names it %q, Name %q", c, name, synth.Name(o, c))
		}
		write(t, filepath.Join(dir, "partners", workbook.Slug(name)+".xlsx"), sheets)
	}
	ds, probs := workbook.ReadDataset(dir)
	probs = append(probs, validate.Dataset(ds, validate.Options{Today: model.Date{Year: 2026, Month: 1, Day: 1}})...)
	// The KPI sheets' gaps are warned about on purpose; nothing else.
	probs = slices.DeleteFunc(probs, func(p problem.Problem) bool {
		return p.Severity == problem.Warning && p.Pos.Sheet == "Kennzahlen"
	})
	if len(probs) > 0 {
		t.Fatalf("synthetic data has problems:\n%s", probs.Text("en"))
	}
	kinds := map[model.PartnerKind]int{}
	offers, reports := 0, 0
	for _, c := range ds.Cities {
		kinds[c.Kind]++
		if !c.Kind.Scored() && len(c.KPIs) > 0 {
			t.Errorf("%s (%v) has KPIs", c.Slug, c.Kind)
		}
		if len(c.Reports) == 0 {
			t.Errorf("%s has no report", c.Slug)
		}
		offers += len(c.Offers)
		reports += len(c.Reports)
	}
	if synth.Others(o.Cities) != 6 || kinds[model.Municipality] != o.Cities-6 {
		t.Errorf("kinds %v; want %d municipalities", kinds, o.Cities-6)
	}
	for _, k := range model.PartnerKinds() {
		if kinds[k] == 0 {
			t.Errorf("no partner of kind %v", k)
		}
	}
	joint, named := ds.JointProjects(), 0
	for _, c := range ds.Cities {
		for _, m := range c.Measures {
			named += len(m.Partners)
		}
	}
	partners := 0
	for _, j := range joint {
		partners += len(j.Partners) - 1
	}
	if len(joint) == 0 || partners != named {
		t.Errorf("%d joint projects naming %d partners, %d named in the sheets", len(joint), partners, named)
	}
	if offers == 0 || reports < o.Cities {
		t.Errorf("%d offers, %d reports", offers, reports)
	}
}

// TestOthersShare: no other kinds below seven partners, one of each from
// seven, 2 % of the partners from 300.
func TestOthersShare(t *testing.T) {
	for n, want := range map[int]int{1: 0, 6: 0, 7: 6, 100: 6, 300: 6, 1000: 20, 10800: 216} {
		if got := synth.Others(n); got != want {
			t.Errorf("Others(%d) = %d, want %d", n, got, want)
		}
	}
}
