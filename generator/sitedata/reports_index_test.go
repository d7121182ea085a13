package sitedata

import (
	"testing"

	"github.com/digitale-staedte/benchmark/generator/model"
)

// TestReportsIndex: the index lists the reports in the list's order (the
// references of Site.Reports), each as [partner, date, topic, German title,
// English title, id]; it exists only for a list of more than one page.
func TestReportsIndex(t *testing.T) {
	s := Site{
		Lists: Lists{Full: true, PageSize: 2},
		Cities: []City{
			{Slug: "alpha", Reports: []Report{{ID: "2024-05-01-aa", Date: "2024-05-01", Title: model.Text{De: "Portal", En: "Portal live"}, Topic: "T1"}}},
			{Slug: "beta", Reports: []Report{
				{ID: "2025-01-02-bb", Date: "2025-01-02", Title: model.Text{De: "Bericht"}},
				{ID: "2023-bb", Date: "2023", Title: model.Text{De: "Start", En: "Start"}, Topic: "T2"}}},
		},
		Reports: []ReportRef{{City: 1, Report: 0}, {City: 0, Report: 0}, {City: 1, Report: 1}},
	}
	f, err := BuildReportsIndex(s).File()
	if err != nil {
		t.Fatal(err)
	}
	want := `{"format":1,"reports":[["beta","2025-01-02","","Bericht","","2025-01-02-bb"],["alpha","2024-05-01","T1","Portal","Portal live","2024-05-01-aa"],["beta","2023","T2","Start","Start","2023-bb"]]}` + "\n"
	if f.Path != "data/reports.json" || string(f.Data) != want {
		t.Errorf("%s:\n%s\nwant\n%s", f.Path, f.Data, want)
	}
	for _, tc := range []struct {
		pages int
		want  bool
	}{
		{2, true},
		{1, false}, // one page
		{0, false}, // above the list limit: no list
	} {
		s.Lists.ReportPages = tc.pages
		if got := s.ReportsPaginated(); got != tc.want {
			t.Errorf("%d report pages: paginated %v, want %v", tc.pages, got, tc.want)
		}
	}
}

func TestReportPages(t *testing.T) {
	for _, tc := range []struct {
		n    int
		full bool
		want int
	}{
		{0, true, 1}, {1, true, 1}, {100, true, 1}, {101, true, 2}, {200, true, 2}, {201, true, 3},
		{500, false, 0},
	} {
		if got := reportPages(tc.n, Lists{Full: tc.full, PageSize: 100}); got != tc.want {
			t.Errorf("%d reports, full %v: %d pages, want %d", tc.n, tc.full, got, tc.want)
		}
	}
}
