package compare

import (
	"testing"

	"github.com/digitale-staedte/benchmark/generator/model"
)

// TestJointProjects: a joint project counts for every partner taking part
// (matrix, coverage, quick wins) and is named once, by its lead, with the
// others, however many workbooks describe it.
func TestJointProjects(t *testing.T) {
	ds := handDataset()
	// a leads a T5 project with b and d (b describes it too); c runs T5
	// alone (c4 done).
	joint := measure("j1", "T5", inProgress)
	joint.Partners = []string{"b", "d"}
	ds.Cities[0].Measures = append(ds.Cities[0].Measures, joint)
	copyB := joint
	copyB.Partners = []string{"a", "d"}
	ds.Cities[1].Measures = append(ds.Cities[1].Measures, copyB)
	got := Build(ds, handScores(2023))

	t5 := got.Matrix[4]
	for c, want := range [][]string{{"j1"}, {"j1"}, {"c4"}, {"j1"}} {
		check(t, "T5 cell of "+ds.Cities[c].Slug, t5.Cells[c].Measures, want)
	}
	// d now covers one of D2's two topics.
	check(t, "d's D2 coverage", got.Coverage[3].Dimensions[1].Covered, 1)

	jex := ex("a", "j1", inProgress)
	jex.With = []string{"b", "d"}
	for _, qw := range got.QuickWins {
		for _, w := range qw.Wins {
			if w.Topic == "T5" {
				t.Errorf("%s gets T5 as a quick win; a, b and d take part in j1 and c runs c4", qw.Slug)
			}
		}
	}
	// Every partner now runs T5; a fifth one, e, sees who does.
	ds.Cities = append(ds.Cities, model.City{Slug: "e"})
	got = Build(ds, handScores(2023))
	for _, w := range got.QuickWins[4].Wins {
		if w.Topic == "T5" {
			// a, b, d through j1 and c through c4: four partners, j1 once.
			check(t, "partners running T5", w.Partners, 4)
			check(t, "T5 examples", w.Examples, []Example{ex("c", "c4", done), jex})
			return
		}
	}
	t.Error("e gets no T5 quick win")
}
