package validate

import (
	"slices"
	"strconv"
	"strings"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/problem"
)

// joint checks the Partners column of every measure: each name must be a
// partner's file name, and a joint project that several workbooks
// describe must be described alike in each, since the site shows it once.
func joint(ds model.Dataset, l *problem.List) {
	known := make([]string, len(ds.Cities))
	isKnown := make(map[string]bool, len(ds.Cities))
	for i, c := range ds.Cities {
		known[i] = c.Slug
		isKnown[strings.ToLower(c.Slug)] = true
	}
	for _, c := range ds.Cities {
		for _, m := range c.Measures {
			for _, p := range m.Partners {
				if !isKnown[p] {
					l.Errorf(m.PartnersPos, problem.JointUnknown, p, someSlugs(known))
				}
			}
		}
	}
	for _, j := range ds.JointProjects() {
		first := j.Measure
		for _, ref := range j.Rows[1:] {
			m := ds.Cities[ref.City].Measures[ref.Measure]
			for _, f := range jointFields {
				if a, b := f.value(ds.Cities[j.Lead].Slug, first), f.value(ds.Cities[ref.City].Slug, m); a != b {
					l.Errorf(f.pos(m), problem.JointDiffers, m.ID, first.Pos.File, f.name, a, b)
				}
			}
		}
	}
}

// jointFields are what every description of a joint project must agree
// on: what the site shows of it once.
var jointFields = []struct {
	name  model.Text
	value func(slug string, m model.Measure) string
	pos   func(model.Measure) model.Pos
}{
	{model.Text{De: "Titel", En: "title"}, func(_ string, m model.Measure) string { return m.Title.De },
		func(m model.Measure) model.Pos { return m.Pos }},
	{model.Text{De: "Thema", En: "topic"}, func(_ string, m model.Measure) string { return m.Topic },
		func(m model.Measure) model.Pos { return m.TopicPos }},
	{model.Text{De: "Status", En: "status"}, func(_ string, m model.Measure) string { return m.Status.String() },
		func(m model.Measure) model.Pos { return m.Pos }},
	{model.Text{De: "Beginn", En: "start"}, func(_ string, m model.Measure) string { return m.Start.ISO() },
		func(m model.Measure) model.Pos { return m.Pos }},
	{model.Text{De: "Ende", En: "end"}, func(_ string, m model.Measure) string { return m.End.ISO() },
		func(m model.Measure) model.Pos { return m.EndPos }},
	{model.Text{De: "Fortschritt", En: "progress"}, func(_ string, m model.Measure) string {
		if pct, ok := m.ProgressPct(); ok {
			return strconv.FormatFloat(pct, 'f', -1, 64) + " %"
		}
		return ""
	}, func(m model.Measure) model.Pos { return m.ProgressPos }},
	{model.Text{De: "Partner", En: "partners"}, participants,
		func(m model.Measure) model.Pos { return m.PartnersPos }},
}

// participants are everyone a row says takes part, itself included, by
// slug in order: two rows naming each other agree when these agree.
func participants(slug string, m model.Measure) string {
	parts := []string{strings.ToLower(slug)}
	for _, p := range m.Partners {
		if !slices.Contains(parts, p) {
			parts = append(parts, p)
		}
	}
	slices.Sort(parts)
	return strings.Join(parts, ", ")
}

// someSlugs lists the first partners' file names for a message.
func someSlugs(slugs []string) string {
	const max = 8
	if len(slugs) > max {
		return strings.Join(slugs[:max], ", ") + ", …"
	}
	return strings.Join(slugs, ", ")
}
