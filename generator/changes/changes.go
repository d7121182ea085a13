// Package changes compares this build's open data with the data package of
// an earlier release: which cities are new, which KPI values are new,
// revised or gone (old → new, with the cell they come from), which
// measures were added, removed or changed status or progress, which
// reports were published since, which offers are new or withdrawn and
// which joint projects are new. Diff is pure; Load reads a release from a
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
	"strings"

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
// partners could report or offer have no reports or offers table.
var optionalTables = []string{"reports", "offers"}

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
	// OffersCompared is false when the previous release has no offers
	// table, as ReportsCompared is for reports.
	OffersCompared bool          `json:"offers_compared"`
	Offers         []OfferChange `json:"offers"`
	// PartnersCompared is false when the previous release's measures have
	// no partners column: then only new measures can be new joint
	// projects, as nothing says whether an old one already was one.
	PartnersCompared bool          `json:"partners_compared"`
	JointProjects    []JointChange `json:"joint_projects"`
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

// OfferChange is an offer new since the previous release or withdrawn
// since. An offer is known by its partner, kind, topic and German title:
// one whose other texts were edited is the same offer, one whose title
// was edited is a new one (and the old title is withdrawn).
type OfferChange struct {
	Kind      string     `json:"kind"` // "new" or "withdrawn"
	City      string     `json:"city"`
	OfferKind string     `json:"offer_kind"` // solution, know_how, …
	Topic     string     `json:"topic"`
	Title     model.Text `json:"title"`
	Origin    string     `json:"origin"` // the cell now (or, when withdrawn, then)
}

// JointChange is a joint project new since the previous release: a
// measure with partners that is new, or that had none before.
type JointChange struct {
	City     string     `json:"city"` // the lead
	ID       string     `json:"id"`
	Title    model.Text `json:"title"`
	Partners []string   `json:"partners"` // the others, by slug
	Added    bool       `json:"added"`    // the measure itself is new
	Origin   string     `json:"origin"`
}

// None is the report of a build without a previous release.
func None() Report {
	return Report{NewCities: []string{}, RemovedCities: []string{}, Values: []ValueChange{}, Measures: []MeasureChange{}, Reports: []ReportChange{},
		Offers: []OfferChange{}, JointProjects: []JointChange{}}
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
	if oldO, ok := prev.Tables["offers"]; ok {
		r.OffersCompared = true
		r.Offers = offerChanges(oldO, cur["offers"])
	}

	// As with progress: a measure from a release before the partners
	// column is not taken to have gained partners.
	r.PartnersCompared = true
	if rows := prev.Tables["measures"]; len(rows) > 0 {
		// A CSV file's rows all have its columns.
		_, r.PartnersCompared = rows[0]["partners"]
	}
	for k, n := range newM {
		partners := splitPartners(n["partners"])
		if len(partners) == 0 {
			continue
		}
		o, had := oldM[k]
		if had {
			oldP, compared := o["partners"]
			if !compared || len(splitPartners(oldP)) > 0 {
				continue
			}
		}
		r.JointProjects = append(r.JointProjects, JointChange{City: k.city, ID: k.id, Title: title(n), Partners: partners, Added: !had, Origin: n["origin"]})
	}
	slices.SortFunc(r.JointProjects, func(a, b JointChange) int {
		return cmp.Or(cmp.Compare(a.City, b.City), cmp.Compare(a.ID, b.ID))
	})
	return r
}

// splitPartners reads the measures table's partners column.
func splitPartners(s string) []string {
	var out []string
	for p := range strings.SplitSeq(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// offerChanges are the offers of cur that old lacks and those of old that
// cur lacks: new ones first, then withdrawn ones, each by partner, kind,
// topic and title. Of several alike, as many are new (or withdrawn) as one
// side has more of them than the other.
func offerChanges(old, cur []map[string]string) []OfferChange {
	type okey struct{ city, kind, topic, de string }
	key := func(row map[string]string) okey { return okey{row["city"], row["kind"], row["topic"], row["title_de"]} }
	count := func(rows []map[string]string) map[okey]int {
		m := map[okey]int{}
		for _, row := range rows {
			m[key(row)]++
		}
		return m
	}
	out := []OfferChange{}
	// Each side's rows that the other side's count does not cover.
	unmatched := func(kind string, rows []map[string]string, other map[okey]int) {
		for _, row := range rows {
			k := key(row)
			if other[k] > 0 {
				other[k]--
				continue
			}
			out = append(out, OfferChange{Kind: kind, City: k.city, OfferKind: k.kind, Topic: k.topic,
				Title: model.Text{De: k.de, En: row["title_en"]}, Origin: row["origin"]})
		}
	}
	unmatched("new", cur, count(old))
	unmatched("withdrawn", old, count(cur))
	slices.SortStableFunc(out, func(a, b OfferChange) int {
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.City, b.City),
			cmp.Compare(a.OfferKind, b.OfferKind), cmp.Compare(a.Topic, b.Topic), cmp.Compare(a.Title.De, b.Title.De))
	})
	return out
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
