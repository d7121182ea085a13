package charts

import (
	"testing"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/sitedata"
)

// TestTimelineSummaryCounts: one measure is "one measure", not "1 measures".
func TestTimelineSummaryCounts(t *testing.T) {
	s := sitedata.Site{Settings: sitedata.Settings{Decimals: 1, Scale: 100}}
	c := sitedata.City{Name: "Alpha", Measures: []sitedata.Measure{
		{ID: "M1", Status: model.Done, Start: "2020", End: "2022"},
		{ID: "M2", Status: model.Planned},
	}}
	ch, err := timeline(s, c, testLang(t, "en"))
	if err != nil {
		t.Fatal(err)
	}
	want := "Alpha has one measure with start and end dates, from 2020 to 2022. One measure without a start or end date is in the table only."
	if ch.Summary != want {
		t.Errorf("summary = %q\nwant      %q", ch.Summary, want)
	}
}

// TestEveryStatusHasALook: each status has its own code, symbol and words,
// and no measure has its own too.
func TestEveryStatusHasALook(t *testing.T) {
	codes, symbols, words := map[int]bool{}, map[string]bool{}, map[msg]bool{}
	cells := []sitedata.CellStatus{{}}
	for _, s := range model.Statuses() {
		cells = append(cells, sitedata.CellStatus{Status: s, Has: true})
	}
	for _, c := range cells {
		l := lookOf(c)
		if l.symbol == "" || l.word.de == "" || l.word.en == "" || codes[l.code] || symbols[l.symbol] || words[l.word] {
			t.Errorf("%+v: look %+v is missing or not its own", c, l)
		}
		codes[l.code], symbols[l.symbol], words[l.word] = true, true, true
	}
}
