package sitedata

import "github.com/digitale-staedte/benchmark/generator/model"

// JointProject is a measure partners run together, shown once, as its
// lead's workbook describes it (model.Dataset.JointProjects).
type JointProject struct {
	Lead     string   `json:"lead"`     // slug of the partner whose workbook describes it
	Partners []string `json:"partners"` // everyone taking part, the lead included, by slug
	// Measure is the lead's row; its Reports are positions in the lead's
	// reports.
	Measure Measure `json:"measure"`
}

// addJointProjects fills s.Joint from ds, whose cities s.Cities are in
// order, and marks each partner's part: City.Joint, and With on every
// row describing a project.
func addJointProjects(s *Site, ds model.Dataset) {
	s.Joint = []JointProject{}
	for _, j := range ds.JointProjects() {
		at := len(s.Joint)
		p := JointProject{Lead: ds.Cities[j.Lead].Slug, Partners: make([]string, len(j.Partners))}
		for i, c := range j.Partners {
			p.Partners[i] = ds.Cities[c].Slug
			s.Cities[c].Joint = append(s.Cities[c].Joint, at)
		}
		for _, r := range j.Rows {
			m := &s.Cities[r.City].Measures[r.Measure]
			m.With = without(p.Partners, ds.Cities[r.City].Slug)
		}
		p.Measure = s.Cities[j.Lead].Measures[j.Rows[0].Measure]
		s.Joint = append(s.Joint, p)
	}
}

// without is slugs less one.
func without(slugs []string, slug string) []string {
	out := make([]string, 0, len(slugs)-1)
	for _, s := range slugs {
		if s != slug {
			out = append(out, s)
		}
	}
	return out
}
