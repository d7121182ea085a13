// Package changes compares this build's open data with the data package of
// an earlier release: which cities are new, which KPI values are new,
// revised or gone (old → new, with the cell they come from), which
// measures were added, removed or changed status or progress, and which
// reports were published since. Diff is pure; Load reads a release from a
// folder, a ZIP or a URL.
package changes

import (
	"bytes"
	"cmp"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/opendata"
)

// Release is the part of an earlier data package the comparison reads:
// each table as rows of column → text, as in its CSV file.
type Release struct {
	Source string // what --previous named
	Tables map[string][]map[string]string
}

// The tables a release must have to be compared.
var neededTables = []string{"city_facts", "kpi_values", "measures"}

// The tables compared when a release has them: releases made before
// partners could report have no reports table.
var optionalTables = []string{"reports"}

// Report is what changed since the previous release.
type Report struct {
	HasPrevious   bool            `json:"has_previous"`
	Source        string          `json:"source"` // the previous release as named on the command line
	NewCities     []string        `json:"new_cities"`
	RemovedCities []string        `json:"removed_cities"`
	Values        []ValueChange   `json:"values"`
	Measures      []MeasureChange `json:"measures"`
	// ReportsCompared is false when the previous release has no reports
	// table: then Reports is empty for want of a comparison, not because
	// nothing was published.
	ReportsCompared bool           `json:"reports_compared"`
	Reports         []ReportChange `json:"reports"`
	// Counts per kind, for summaries.
	NewValues     int `json:"new_values"`
	RevisedValues int `json:"revised_values"`
	RemovedValues int `json:"removed_values"`
}

// ValueChange is one KPI value that is new, revised or removed.
type ValueChange struct {
	Kind      string   `json:"kind"` // "new", "revised" or "removed"
	City      string   `json:"city"`
	Indicator string   `json:"indicator"`
	Year      int      `json:"year"`
	Old       *float64 `json:"old"`
	New       *float64 `json:"new"`
	Origin    string   `json:"origin"` // the cell now (or, when removed, then)
}

// MeasureChange is a measure added, removed or with another status or
// progress. Kind is "status" when the status moved, whether or not the
// progress moved with it, and "progress" when only the progress did. The
// statuses are set only when they moved and the progresses (per cent)
// only when they did, so a status move shows no progress that stayed; an
// added or removed measure has the status and progress of the side it is
// on. A nil progress on the other side is one not given.
type MeasureChange struct {
	Kind        string     `json:"kind"` // "added", "status", "progress" or "removed"
	City        string     `json:"city"`
	ID          string     `json:"id"`
	Title       model.Text `json:"title"`
	OldStatus   string     `json:"old_status"`
	NewStatus   string     `json:"new_status"`
	OldProgress *float64   `json:"old_progress"`
	NewProgress *float64   `json:"new_progress"`
	Origin      string     `json:"origin"`
}

// ReportChange is a report published since the previous release: one in
// this release's reports table whose partner, date and titles no report
// of the previous release has. A report whose text was edited is the same
// report; one whose title was edited counts as new.
type ReportChange struct {
	// ID is the report's anchor on its partner's page; Diff leaves it
	// empty for the pipeline to fill in, as only the site data name it.
	ID      string     `json:"id"`
	City    string     `json:"city"`
	Date    string     `json:"date"` // ISO 8601, as precise as known
	Title   model.Text `json:"title"`
	Measure string     `json:"measure"` // the measure ID it names, or ""
	Origin  string     `json:"origin"`
}

// None is the report of a build without a previous release.
func None() Report {
	return Report{NewCities: []string{}, RemovedCities: []string{}, Values: []ValueChange{}, Measures: []MeasureChange{}, Reports: []ReportChange{}}
}

// Diff compares the current tables with the previous release. Both sides
// go through the same text form (the CSV download's), so a value counts as
// revised only when its published text differs.
func Diff(prev Release, current []opendata.Table) Report {
	r := None()
	r.HasPrevious, r.Source = true, prev.Source
	cur := map[string][]map[string]string{}
	for _, t := range current {
		cur[t.Name] = rowsOf(t)
	}

	oldCities, newCities := cities(prev.Tables["city_facts"]), cities(cur["city_facts"])
	for c := range newCities {
		if !oldCities[c] {
			r.NewCities = append(r.NewCities, c)
		}
	}
	for c := range oldCities {
		if !newCities[c] {
			r.RemovedCities = append(r.RemovedCities, c)
		}
	}
	slices.Sort(r.NewCities)
	slices.Sort(r.RemovedCities)

	type vkey struct {
		city, ind string
		year      int
	}
	index := func(rows []map[string]string) map[vkey]map[string]string {
		m := map[vkey]map[string]string{}
		for _, row := range rows {
			y, err := strconv.Atoi(row["year"])
			if err != nil {
				continue
			}
			m[vkey{row["city"], row["indicator"], y}] = row
		}
		return m
	}
	oldV, newV := index(prev.Tables["kpi_values"]), index(cur["kpi_values"])
	for k, n := range newV {
		o, had := oldV[k]
		switch {
		case !had:
			r.Values = append(r.Values, ValueChange{Kind: "new", City: k.city, Indicator: k.ind, Year: k.year, New: number(n["value"]), Origin: n["origin"]})
			r.NewValues++
		case o["value"] != n["value"]:
			r.Values = append(r.Values, ValueChange{Kind: "revised", City: k.city, Indicator: k.ind, Year: k.year,
				Old: number(o["value"]), New: number(n["value"]), Origin: n["origin"]})
			r.RevisedValues++
		}
	}
	for k, o := range oldV {
		if _, has := newV[k]; !has {
			r.Values = append(r.Values, ValueChange{Kind: "removed", City: k.city, Indicator: k.ind, Year: k.year, Old: number(o["value"]), Origin: o["origin"]})
			r.RemovedValues++
		}
	}
	slices.SortFunc(r.Values, func(a, b ValueChange) int {
		return cmp.Or(cmp.Compare(a.City, b.City), cmp.Compare(a.Indicator, b.Indicator), cmp.Compare(a.Year, b.Year))
	})

	type mkey struct{ city, id string }
	mindex := func(rows []map[string]string) map[mkey]map[string]string {
		m := map[mkey]map[string]string{}
		for _, row := range rows {
			m[mkey{row["city"], row["id"]}] = row
		}
		return m
	}
	oldM, newM := mindex(prev.Tables["measures"]), mindex(cur["measures"])
	title := func(row map[string]string) model.Text { return model.Text{De: row["title_de"], En: row["title_en"]} }
	for k, n := range newM {
		o, had := oldM[k]
		if !had {
			r.Measures = append(r.Measures, MeasureChange{Kind: "added", City: k.city, ID: k.id, Title: title(n),
				NewStatus: n["status"], NewProgress: number(n["progress"]), Origin: n["origin"]})
			continue
		}
		// A release from before the progress column has no progress to
		// compare with: no measure's progress counts as moved then.
		oldP, compared := o["progress"]
		statusMoved, progressMoved := o["status"] != n["status"], compared && oldP != n["progress"]
		if !statusMoved && !progressMoved {
			continue
		}
		c := MeasureChange{Kind: "progress", City: k.city, ID: k.id, Title: title(n), Origin: n["origin"]}
		if statusMoved {
			c.Kind, c.OldStatus, c.NewStatus = "status", o["status"], n["status"]
		}
		if progressMoved {
			c.OldProgress, c.NewProgress = number(oldP), number(n["progress"])
		}
		r.Measures = append(r.Measures, c)
	}
	for k, o := range oldM {
		if _, has := newM[k]; !has {
			r.Measures = append(r.Measures, MeasureChange{Kind: "removed", City: k.city, ID: k.id, Title: title(o),
				OldStatus: o["status"], OldProgress: number(o["progress"]), Origin: o["origin"]})
		}
	}
	slices.SortFunc(r.Measures, func(a, b MeasureChange) int {
		return cmp.Or(cmp.Compare(a.City, b.City), cmp.Compare(a.ID, b.ID))
	})

	if oldR, ok := prev.Tables["reports"]; ok {
		r.ReportsCompared = true
		r.Reports = newReports(oldR, cur["reports"])
	}
	return r
}

// newReports are the reports of cur that old lacks, newest first (then by
// partner, then as listed). A report is known by partner, date and titles,
// as its anchor on the partner's page is; of several alike, as many are new
// as cur has more of them than old.
func newReports(old, cur []map[string]string) []ReportChange {
	type rkey struct{ city, date, de, en string }
	key := func(row map[string]string) rkey {
		return rkey{row["city"], row["date"], row["title_de"], row["title_en"]}
	}
	before := map[rkey]int{}
	for _, row := range old {
		before[key(row)]++
	}
	out := []ReportChange{}
	for _, row := range cur {
		k := key(row)
		if before[k] > 0 {
			before[k]--
			continue
		}
		out = append(out, ReportChange{City: k.city, Date: k.date, Title: model.Text{De: k.de, En: k.en}, Measure: row["measure"], Origin: row["origin"]})
	}
	slices.SortStableFunc(out, func(a, b ReportChange) int { return cmp.Or(cmp.Compare(b.Date, a.Date), cmp.Compare(a.City, b.City)) })
	return out
}

// rowsOf gives a current table the text form its CSV download has.
func rowsOf(t opendata.Table) []map[string]string {
	out := make([]map[string]string, 0, t.Len())
	for row := range t.All() {
		m := make(map[string]string, len(row))
		for i, v := range row {
			m[t.Fields[i].Name] = opendata.Text(v)
		}
		out = append(out, m)
	}
	return out
}

func cities(facts []map[string]string) map[string]bool {
	m := map[string]bool{}
	for _, row := range facts {
		m[row["city"]] = true
	}
	return m
}

func number(s string) *float64 {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return nil
	}
	return &v
}

// FileName is the report's name in the generated data folder; Hugo sees it
// as hugo.Data.generated.changes.
const FileName = "changes.json"

// Write stores the report for the theme.
func Write(dir string, r Report) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", " ")
	if err := enc.Encode(r); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, FileName), b.Bytes(), 0o644)
}
