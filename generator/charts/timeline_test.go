package charts

import (
	"testing"

	"github.com/digitale-staedte/benchmark/generator/sitedata"
)

// TestTimelineSummaryCounts: one measure is "one measure", not "1 measures".
func TestTimelineSummaryCounts(t *testing.T) {
	s := sitedata.Site{Settings: sitedata.Settings{Decimals: 1, Scale: 100}}
	c := sitedata.City{Name: "Alpha", Measures: []sitedata.Measure{
		{ID: "M1", Status: "done", Start: "2020", End: "2022"},
		{ID: "M2", Status: "planned"},
	}}
	ch, err := timeline(s, c, "en")
	if err != nil {
		t.Fatal(err)
	}
	want := "Alpha has one measure with start and end dates, from 2020 to 2022. One measure without a start or end date is in the table only."
	if ch.Summary != want {
		t.Errorf("summary = %q\nwant      %q", ch.Summary, want)
	}
}
