package model

import (
	"slices"
	"strings"
)

// Joint is a measure several partners run together: a row whose Partners
// column names others, counted once however many of them describe it.
type Joint struct {
	// Measure is the lead's row: the first workbook, in slug order, that
	// describes the project.
	Measure Measure
	Lead    int // index in Dataset.Cities of the workbook Measure is in
	// Partners are the indices in Dataset.Cities of everyone taking part,
	// the lead included, ascending. Names that are no partner (validate
	// reports them) are left out.
	Partners []int
	// Rows are every description, the lead's first: a partner may list
	// the project in its own workbook too, naming the others.
	Rows []MeasureRef
}

// MeasureRef is one measure row: Dataset.Cities[City].Measures[Measure].
type MeasureRef struct{ City, Measure int }

// JointProjects finds the joint measures of ds. Two rows describe the same
// project when they have the same ID and each workbook is among the
// other's partners; rows with a cell error are left out.
func (ds Dataset) JointProjects() []Joint {
	index := make(map[string]int, len(ds.Cities))
	for i, c := range ds.Cities {
		index[strings.ToLower(c.Slug)] = i // the Partners column is read in lower case
	}
	var out []Joint
	byID := map[string][]int{} // measure ID → indices in out
	for c, city := range ds.Cities {
		for m, meas := range city.Measures {
			if meas.Invalid || len(meas.Partners) == 0 {
				continue
			}
			parts := []int{c}
			for _, slug := range meas.Partners {
				if p, ok := index[slug]; ok && !slices.Contains(parts, p) {
					parts = append(parts, p)
				}
			}
			if len(parts) == 1 {
				continue // only itself or unknown names
			}
			slices.Sort(parts)
			ref := MeasureRef{City: c, Measure: m}
			same := slices.IndexFunc(byID[meas.ID], func(j int) bool {
				return slices.Contains(out[j].Partners, c) && slices.Contains(parts, out[j].Lead)
			})
			if same >= 0 {
				j := byID[meas.ID][same]
				out[j].Rows = append(out[j].Rows, ref)
				continue
			}
			byID[meas.ID] = append(byID[meas.ID], len(out))
			out = append(out, Joint{Measure: meas, Lead: c, Partners: parts, Rows: []MeasureRef{ref}})
		}
	}
	return out
}
