package sitedata_test

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/compare"
	"github.com/digitale-staedte/benchmark/generator/score"
	"github.com/digitale-staedte/benchmark/generator/sitedata"
	"github.com/digitale-staedte/benchmark/generator/workbook"
	wt "github.com/digitale-staedte/benchmark/generator/workbook/workbooktest"
)

// TestPartnerNotScored: a university among the two fixture cities has a
// profile (measures, strategy matrix column, quick wins) but no place in
// any ranking, score list, compare entry or average, and the cities'
// scores are exactly what they are without it.
func TestPartnerNotScored(t *testing.T) {
	dir := wt.Dataset(t, t.TempDir())
	build := func() sitedata.Site {
		ds, probs := workbook.ReadDataset(dir)
		if len(probs) != 0 {
			t.Fatalf("fixture has problems:\n%s", probs.Text("en"))
		}
		res := score.Compute(ds)
		return sitedata.Build(ds, res, compare.Build(ds, res))
	}
	without := build()
	uni := wt.City("Hochschule Gamma", 3)
	uni[0].Rows = append(uni[0].Rows, []any{"Art", "Hochschule", nil})
	wt.Write(t, filepath.Join(dir, "partners", "gamma.xlsx"), uni[0], uni[2]) // no KPI sheet
	with := build()

	var gamma *sitedata.City
	for i, c := range with.Cities {
		if c.Slug == "gamma" {
			gamma = &with.Cities[i]
		}
	}
	if gamma == nil || gamma.Scored || gamma.Kind != "university" || len(gamma.Measures) != 2 {
		t.Fatalf("gamma = %+v; want an unscored university with its 2 measures", gamma)
	}
	for _, c := range with.Cities {
		if c.Slug != "gamma" && (!c.Scored || c.Kind != "municipality") {
			t.Errorf("%s: scored %v, kind %q; want a scored municipality", c.Slug, c.Scored, c.Kind)
		}
	}
	for _, r := range with.Ranking {
		if r.Slug == "gamma" {
			t.Error("gamma is in the ranking")
		}
	}
	for _, ind := range with.Indicators {
		for _, p := range ind.Ranking.Rows {
			if p.Slug == "gamma" {
				t.Errorf("gamma is in the ranking of %s", ind.ID)
			}
		}
	}
	for _, d := range with.Dimensions {
		for _, p := range d.Ranking.Rows {
			if p.Slug == "gamma" {
				t.Errorf("gamma is in the ranking of %s", d.ID)
			}
		}
	}
	// Everything the cities are scored on is as without the university.
	same := func(what string, a, b any) {
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if string(ja) != string(jb) {
			t.Errorf("%s changed with an unscored partner:\n%s\nwant\n%s", what, ja, jb)
		}
	}
	same("ranking", with.Ranking, without.Ranking)
	same("average", with.Average, without.Average)
	same("index by year", with.IndexYears, without.IndexYears)
	same("indicators", with.Indicators, without.Indicators)
	same("dimensions", with.Dimensions, without.Dimensions)
	for i := range without.Cities {
		same(without.Cities[i].Slug+"'s profile", with.Cities[i].Profile, without.Cities[i].Profile)
		same(without.Cities[i].Slug+"'s reference year", with.Cities[i].Reference, without.Cities[i].Reference)
	}
	// The strategy matrix has a column for every partner.
	for _, row := range with.Strategies.Matrix {
		if len(row.Cells) != 3 {
			t.Errorf("matrix row %s has %d cells; want one per partner (3)", row.Topic, len(row.Cells))
		}
	}
	ds, _ := workbook.ReadDataset(dir)
	res := score.Compute(ds)
	cmpData := sitedata.BuildCompare(ds, res, compare.Build(ds, res))
	if slices.ContainsFunc(cmpData.Index.Entries, func(e sitedata.CompareEntry) bool { return e.Slug == "gamma" }) ||
		slices.ContainsFunc(cmpData.Cities, func(c sitedata.CompareCity) bool { return c.Slug == "gamma" }) {
		t.Error("gamma is on the compare page, which weighs scores")
	}
}

// TestJointProjectOnce: alpha's M-01 names beta and Gamma.xlsx (a
// university): one joint project led by alpha, in each partner's list,
// marked on alpha's row with the others.
func TestJointProjectOnce(t *testing.T) {
	dir := wt.Dataset(t, t.TempDir())
	alpha := wt.City("Alpha", 1)
	alpha[2].Rows[0] = append(alpha[2].Rows[0], "Partner")
	alpha[2].Rows[1] = append(alpha[2].Rows[1], "beta, Gamma.xlsx")
	wt.Write(t, filepath.Join(dir, "partners", "alpha.xlsx"), alpha...)
	uni := wt.City("Hochschule Gamma", 3)
	uni[0].Rows = append(uni[0].Rows, []any{"Art", "Hochschule", nil})
	wt.Write(t, filepath.Join(dir, "partners", "gamma.xlsx"), uni[0], uni[2])
	ds, probs := workbook.ReadDataset(dir)
	if len(probs) != 0 {
		t.Fatalf("problems:\n%s", probs.Text("en"))
	}
	res := score.Compute(ds)
	s := sitedata.Build(ds, res, compare.Build(ds, res))
	if len(s.Joint) != 1 {
		t.Fatalf("joint projects %+v; want one", s.Joint)
	}
	j := s.Joint[0]
	if j.Lead != "alpha" || !slices.Equal(j.Partners, []string{"alpha", "beta", "gamma"}) || j.Measure.ID != "M-01" {
		t.Errorf("joint project led by %s with %v, measure %s; want alpha with alpha, beta, gamma, M-01", j.Lead, j.Partners, j.Measure.ID)
	}
	for _, c := range s.Cities {
		if !slices.Equal(c.Joint, []int{0}) {
			t.Errorf("%s takes part in %v; want [0]", c.Slug, c.Joint)
		}
	}
	if with := s.Cities[0].Measures[0].With; !slices.Equal(with, []string{"beta", "gamma"}) {
		t.Errorf("alpha's M-01 is with %v; want beta, gamma", with)
	}
	if len(s.Cities[1].Measures) != 2 || len(s.Cities[1].Measures[0].With) != 0 {
		t.Errorf("beta's own measures changed: %+v", s.Cities[1].Measures)
	}
}
