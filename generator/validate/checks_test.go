package validate_test

import (
	"strings"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/problem"
	"github.com/digitale-staedte/benchmark/generator/score"
	"github.com/digitale-staedte/benchmark/generator/validate"
)

// The tests in this file build the model directly, as the workbook reader
// would fill it, so that each sees exactly the values it is about.

// at is a cell of a city workbook.
func at(file, sheet string, row, col int) model.Pos {
	return model.Pos{File: file, Sheet: sheet, Row: row, Col: col}
}

// framework has one dimension with a percentage (P1), a count (N1) and a
// unit in words (W1), and one topic.
func framework() model.Framework {
	ind := func(id string, row int, unit model.Text) model.Indicator {
		return model.Indicator{ID: id, Dimension: "VER", Unit: unit, Weight: 1, Decimals: -1, Normalisation: model.NormMinMax,
			Pos: at("framework.xlsx", "Indikatoren", row, 1), DimPos: at("framework.xlsx", "Indikatoren", row, 2)}
	}
	return model.Framework{File: "framework.xlsx",
		Dimensions: []model.Dimension{{ID: "VER", Weight: 1, Pos: at("framework.xlsx", "Dimensionen", 2, 1)}},
		Indicators: []model.Indicator{
			ind("P1", 2, model.Text{De: "%", En: "%"}),
			ind("N1", 3, model.Text{De: "Anzahl", En: "count"}),
			ind("W1", 4, model.Text{De: "Prozent der Haushalte", En: "per cent of households"}),
		},
		Topics:   []model.Topic{{ID: "OZG", Dimension: "VER", Pos: at("framework.xlsx", "Themen", 2, 1)}},
		Levels:   []model.Level{{Min: 0, Pos: at("framework.xlsx", "Reifegrade", 2, 1)}},
		Settings: model.DefaultSettings(),
	}
}

// city is a valid city: values for every indicator in 2024 and 2025, a
// strategy adopted in July 2019, one measure.
func city(slug, name, website string) model.City {
	file := "cities/" + slug + ".xlsx"
	c := model.City{Slug: slug, File: file, Name: name, Website: website, Pos: at(file, "Stadt", 0, 0),
		Strategy: model.Strategy{Adopted: model.Date{Year: 2019, Month: 7, Day: 24}},
		Facts: []model.Fact{
			{Key: "name", Value: name, Pos: at(file, "Stadt", 2, 2)},
			{Key: "website", Value: website, Pos: at(file, "Stadt", 3, 2)},
			{Key: "adopted", Value: "24.07.2019", Pos: at(file, "Stadt", 4, 2)},
		},
		YearColumns: []model.YearColumn{{Year: 2024, Pos: at(file, "Kennzahlen", 1, 2)}, {Year: 2025, Pos: at(file, "Kennzahlen", 1, 3)}},
		Measures: []model.Measure{{ID: "M-01", Topic: "OZG", Status: model.Done,
			Start: model.Date{Year: 2020}, End: model.Date{Year: 2022, Month: 3},
			Pos: at(file, "Maßnahmen", 2, 1), TopicPos: at(file, "Maßnahmen", 2, 3)}},
	}
	for i, id := range []string{"P1", "N1", "W1"} {
		row := i + 2
		c.KPIs = append(c.KPIs, model.KPI{Indicator: id, Source: "Amt", Pos: at(file, "Kennzahlen", row, 1),
			Values: []model.Observation{{Year: 2024, Value: 40, Pos: at(file, "Kennzahlen", row, 2)},
				{Year: 2025, Value: 50, Pos: at(file, "Kennzahlen", row, 3)}}})
	}
	return c
}

func dataset(cities ...model.City) model.Dataset {
	return model.Dataset{Framework: framework(), Cities: cities}
}

// messages are the problems in workbook order as "pos: severity: text",
// in English.
func messages(l problem.List) []string {
	var out []string
	for _, p := range l.Sorted() {
		out = append(out, p.Format("en"))
	}
	return out
}

func same(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestModelFixtureIsValid(t *testing.T) {
	ds := dataset(city("alpha", "Alpha", "https://alpha.example"), city("beta", "Beta", "https://beta.example"))
	same(t, messages(validate.Dataset(ds, validate.Options{Today: today})), nil)
}

// TestInvalidMeasureRowsTakePartInChecksAcrossRows: a measure row with a
// cell error still counts for unique IDs and known topics; what could not
// be read (an empty ID or topic) is not reported again.
func TestInvalidMeasureRowsTakePartInChecksAcrossRows(t *testing.T) {
	c := city("alpha", "Alpha", "https://alpha.example")
	f := c.File
	c.Measures = append(c.Measures,
		model.Measure{Invalid: true, ID: "M-01", Topic: "KI", Pos: at(f, "Maßnahmen", 3, 1), TopicPos: at(f, "Maßnahmen", 3, 3)},
		model.Measure{Invalid: true, ID: "", Topic: "", Pos: at(f, "Maßnahmen", 4, 1), TopicPos: at(f, "Maßnahmen", 4, 3)},
		// Done and ending in the future, but its row has an error: its
		// cells are not to be trusted for anything but ID and topic.
		model.Measure{Invalid: true, ID: "M-05", Topic: "OZG", Status: model.Done, End: model.Date{Year: 2030},
			Pos: at(f, "Maßnahmen", 5, 1), TopicPos: at(f, "Maßnahmen", 5, 3)},
	)
	same(t, messages(validate.Dataset(dataset(c), validate.Options{Today: today})), []string{
		`cities/alpha.xlsx: Maßnahmen!A3: error: ID "M-01" appears twice (first in A2); expected a unique ID`,
		`cities/alpha.xlsx: Maßnahmen!C3: error: unknown topic "KI"; expected an ID from the Topics sheet in framework.xlsx`,
	})
}

// TestPercentCells: a value cell written as a percentage is right only for
// an indicator measured in percent; the range 0–100 holds for every unit
// that says percent.
func TestPercentCells(t *testing.T) {
	c := city("alpha", "Alpha", "https://alpha.example")
	f := c.File
	for i := range c.KPIs {
		k := &c.KPIs[i]
		k.PercentCells = []model.Pos{k.Values[1].Pos} // 2025 written as "50 %"
	}
	c.KPIs[2].Values[0].Value = 112.5 // W1 in "Prozent der Haushalte"
	ds := dataset(c)
	ds.Framework.Indicators = append(ds.Framework.Indicators, model.Indicator{ID: "X1", Dimension: "VER", Weight: 1,
		Pos: at("framework.xlsx", "Indikatoren", 5, 1)})
	c.KPIs = append(c.KPIs, model.KPI{Indicator: "X1", Source: "Amt", Pos: at(f, "Kennzahlen", 5, 1),
		Values:       []model.Observation{{Year: 2025, Value: 12.5, Pos: at(f, "Kennzahlen", 5, 3)}},
		PercentCells: []model.Pos{at(f, "Kennzahlen", 5, 3)}})
	ds.Cities[0] = c
	same(t, messages(validate.Dataset(ds, validate.Options{Today: today})), []string{
		`cities/alpha.xlsx: Kennzahlen!C3: error: cell is written as a percentage (50 %), but indicator "N1" is measured in "Anzahl"; expected a number without %`,
		`cities/alpha.xlsx: Kennzahlen!B4: error: value 112.5 lies outside 0–100 (indicator "W1" is measured in %); expected a percentage from 0 to 100`,
		`cities/alpha.xlsx: Kennzahlen!C5: error: cell is written as a percentage (12.5 %), but indicator "X1" has no unit; expected a number without % or the unit % in the framework`,
	})
	p := problem.Problem{Code: problem.PercentCell, Args: []any{12.5, "KOM-01", "Anzahl"}}
	if got, want := p.Message("de"), `Zelle ist als Prozent geschrieben (12,5 %), aber Indikator "KOM-01" wird in "Anzahl" gemessen; erwartet wird eine Zahl ohne %`; got != want {
		t.Errorf("German: %q\nwant %q", got, want)
	}
}

// TestOnePartnerTwice: two workbooks of one partner, found by the file
// name in any case, the name with umlauts or without, or the website in
// any spelling of the same address; each is reported at the later file.
func TestOnePartnerTwice(t *testing.T) {
	tests := []struct {
		name  string
		first model.City
		other model.City
		want  []string
	}{
		{"a name with and without umlaut",
			city("muenchen", "München", "https://stadt.muenchen.de"), city("munich", "MUENCHEN", "https://muenchen.digital"),
			[]string{`cities/munich.xlsx: Stadt!B2: error: name "MUENCHEN" names the same city as "München" in cities/muenchen.xlsx: Stadt!B2; expected only one workbook per partner`}},
		{"names that differ in punctuation",
			city("neumarkt", "Neumarkt i.d.OPf.", "https://a.example"), city("neumarkt-2", "Neumarkt i. d. OPf", "https://b.example"),
			[]string{`cities/neumarkt-2.xlsx: Stadt!B2: error: name "Neumarkt i. d. OPf" names the same city as "Neumarkt i.d.OPf." in cities/neumarkt.xlsx: Stadt!B2; expected only one workbook per partner`}},
		{"the same website in another spelling",
			city("augsburg", "Augsburg", "https://www.augsburg.de/"), city("augsburg-2", "Stadt Augsburg", "http://WWW.Augsburg.DE"),
			[]string{`cities/augsburg-2.xlsx: Stadt!B3: error: website "http://WWW.Augsburg.DE" is the same as "https://www.augsburg.de/" in cities/augsburg.xlsx: Stadt!B3; expected only one workbook per partner`}},
		{"the same site with a path",
			city("a", "A", "https://example.org/Alpha/"), city("b", "B", "https://example.org/alpha"),
			[]string{`cities/b.xlsx: Stadt!B3: error: website "https://example.org/alpha" is the same as "https://example.org/Alpha/" in cities/a.xlsx: Stadt!B3; expected only one workbook per partner`}},
		{"other paths on one host are other partners",
			city("a", "A", "https://example.org/alpha"), city("b", "B", "https://example.org/beta"), nil},
		{"a file name in other case",
			city("muenchen", "München", "https://stadt.muenchen.de"), city("Muenchen", "München", "https://stadt.muenchen.de"),
			[]string{`cities/Muenchen.xlsx: error: file has the same address "muenchen" as cities/muenchen.xlsx; expected one file per city, each with a name of its own`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			same(t, messages(validate.Dataset(dataset(tt.first, tt.other), validate.Options{})), tt.want)
		})
	}
	// The same slug twice (muenchen.xlsx beside muenchen.XLSX).
	a, b := city("muenchen", "München", "https://a.example"), city("muenchen", "München", "https://a.example")
	b.File = "cities/muenchen.XLSX"
	same(t, messages(validate.Dataset(dataset(a, b), validate.Options{})), []string{
		`cities/muenchen.XLSX: error: file has the same address "muenchen" as cities/muenchen.xlsx; expected one file per city, each with a name of its own`})
}

// TestDatesAfterToday: an adoption, a year column or the end of a finished
// measure after the build date cannot be true yet; plans can. Dates known
// to the month or year compare at that precision.
func TestDatesAfterToday(t *testing.T) {
	f := "cities/alpha.xlsx"
	measure := func(row int, status model.Status, end model.Date) model.Measure {
		return model.Measure{ID: "M-" + string(rune('0'+row)), Topic: "OZG", Status: status, End: end,
			Pos: at(f, "Maßnahmen", row, 1), TopicPos: at(f, "Maßnahmen", row, 3)}
	}
	tests := []struct {
		name string
		edit func(c *model.City)
		want []string
	}{
		{"adopted tomorrow", func(c *model.City) { c.Strategy.Adopted = model.Date{Year: 2026, Month: 12, Day: 3} },
			[]string{`cities/alpha.xlsx: Stadt!B4: error: adoption on 2026-12-03 lies after today (2026-12-02); expected the date of an adoption that has already happened`}},
		{"adopted today", func(c *model.City) { c.Strategy.Adopted = today }, nil},
		{"adopted this month", func(c *model.City) { c.Strategy.Adopted = model.Date{Year: 2026, Month: 12} }, nil},
		{"adopted next month", func(c *model.City) { c.Strategy.Adopted = model.Date{Year: 2027, Month: 1} },
			[]string{`cities/alpha.xlsx: Stadt!B4: error: adoption on 2027-01 lies after today (2026-12-02); expected the date of an adoption that has already happened`}},
		{"a column for next year", func(c *model.City) {
			c.YearColumns = append(c.YearColumns, model.YearColumn{Year: 2026, Pos: at(f, "Kennzahlen", 1, 4)},
				model.YearColumn{Year: 2027, Pos: at(f, "Kennzahlen", 1, 5)})
		}, []string{`cities/alpha.xlsx: Kennzahlen!E1: error: year 2027 lies after the current year 2026; expected years up to 2026, which can already have values`}},
		{"finished measures", func(c *model.City) {
			c.Measures = append(c.Measures,
				measure(3, model.Done, model.Date{Year: 2027}),
				measure(4, model.Done, model.Date{Year: 2026}),
				measure(5, model.Done, model.Date{Year: 2026, Month: 12}),
				measure(6, model.Done, model.Date{Year: 2026, Month: 12, Day: 31}),
				measure(7, model.Done, model.Date{}),
			)
		}, []string{
			`cities/alpha.xlsx: Maßnahmen!A3: error: measure "M-3" is done, but its end 2027 lies after today (2026-12-02); expected an end up to today or the status in progress`,
			`cities/alpha.xlsx: Maßnahmen!A6: error: measure "M-6" is done, but its end 2026-12-31 lies after today (2026-12-02); expected an end up to today or the status in progress`,
		}},
		{"plans may end in the future", func(c *model.City) {
			c.Measures = append(c.Measures, measure(3, model.Planned, model.Date{Year: 2030}),
				measure(4, model.InProgress, model.Date{Year: 2028, Month: 6, Day: 30}), measure(5, model.Stopped, model.Date{Year: 2027}))
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := city("alpha", "Alpha", "https://alpha.example")
			tt.edit(&c)
			same(t, messages(validate.Dataset(dataset(c), validate.Options{Today: today})), tt.want)
		})
	}
	// Without a build date nothing is compared with one.
	c := city("alpha", "Alpha", "https://alpha.example")
	c.Strategy.Adopted = model.Date{Year: 2099}
	same(t, messages(validate.Dataset(dataset(c), validate.Options{})), nil)
}

// TestCoverageBelowTheMinimum: a city whose data are too few for an index
// in the reference year gets a warning that says what is missing. With
// two dimensions of weight 1 and 50 % minimum coverage, beta reports only
// VER's P1, one of its three indicators (a third of VER's weight, short
// of 50 %): no VER score, and with DAT empty no index (0 % of the
// dimension weight).
func TestCoverageBelowTheMinimum(t *testing.T) {
	// A partner of another kind has no KPIs and is never scored: no warning.
	utility := city("utility", "Stadtwerke", "https://utility.example")
	utility.Kind, utility.KPIs = model.MunicipalCompany, nil
	ds := dataset(city("alpha", "Alpha", "https://alpha.example"), city("beta", "Beta", "https://beta.example"), utility)
	fw := &ds.Framework
	fw.Dimensions = append(fw.Dimensions, model.Dimension{ID: "DAT", Weight: 1})
	fw.Indicators = append(fw.Indicators, model.Indicator{ID: "D1", Dimension: "DAT", Weight: 1, Decimals: -1, Normalisation: model.NormMinMax})
	alpha := &ds.Cities[0]
	alpha.KPIs = append(alpha.KPIs, model.KPI{Indicator: "D1", Values: []model.Observation{{Year: 2024, Value: 3}, {Year: 2025, Value: 4}}})
	beta := &ds.Cities[1]
	beta.KPIs = beta.KPIs[:1]
	// Goalposts score a value whatever the other cities report.
	for i := range fw.Indicators {
		fw.Indicators[i].Goalposts, fw.Indicators[i].Normalisation = &model.Goalposts{Min: 0, Max: 100}, model.NormGoalposts
	}
	res := score.Compute(ds)
	if res.ReferenceYear != 2025 {
		t.Fatalf("reference year %d; want 2025", res.ReferenceYear)
	}
	got := validate.Coverage(ds, res)
	same(t, messages(got), []string{
		`cities/beta.xlsx: Kennzahlen!C1: warning: no index and no rank for 2025: scores for 0 % of the dimension weight, 50 % required; dimensions without a score (indicators with a score out of all; 50 % of the weight required): VER 1/3, DAT 0/1; expected more values for 2025`,
	})
	if got.Errors() != 0 {
		t.Errorf("%d errors; want a warning only", got.Errors())
	}
	want := `kein Index und kein Rang für 2025: Punktzahlen für 0 % des Dimensionsgewichts, erforderlich sind 50 %; Dimensionen ohne Punktzahl (Indikatoren mit Punktzahl von allen; erforderlich sind 50 % des Gewichts): VER 1/3, DAT 0/1; erwartet werden mehr Werte für 2025`
	if msg := got[0].Message("de"); msg != want {
		t.Errorf("German: %q\nwant %q", msg, want)
	}
}

// TestReports: a report may name a framework topic and one of its own
// partner's measures; one dated after the build date is announced, not
// refused, and a row with a cell error is not checked for its date.
func TestReports(t *testing.T) {
	today := model.Date{Year: 2026, Month: 12, Day: 2}
	const f = "cities/alpha.xlsx"
	report := func(row int, date model.Date, topic, measure string) model.Report {
		return model.Report{Date: date, Title: model.Text{De: "Bericht"}, Topic: topic, MeasureID: measure,
			Pos: at(f, "Berichte", row, 1), TopicPos: at(f, "Berichte", row, 4), MeasurePos: at(f, "Berichte", row, 5)}
	}
	tests := []struct {
		name    string
		reports []model.Report
		want    []string
	}{
		{"a topic and an own measure", []model.Report{report(2, model.Date{Year: 2026, Month: 5, Day: 4}, "OZG", "M-01")}, nil},
		{"neither topic nor measure", []model.Report{report(2, model.Date{Year: 2025}, "", "")}, nil},
		{"unknown topic", []model.Report{report(2, model.Date{Year: 2026, Month: 5}, "KI", "")},
			[]string{`cities/alpha.xlsx: Berichte!D2: error: unknown topic "KI"; expected an ID from the Topics sheet in framework.xlsx`}},
		{"another partner's measure", []model.Report{report(3, model.Date{Year: 2026, Month: 5}, "", "M-99")},
			[]string{`cities/alpha.xlsx: Berichte!E3: error: measure "M-99" is not on this workbook's Measures sheet; expected the ID of one of your own measures or an empty cell`}},
		{"dated tomorrow: announced", []model.Report{report(2, model.Date{Year: 2026, Month: 12, Day: 3}, "", "")},
			[]string{`cities/alpha.xlsx: Berichte!A2: warning: report of 2026-12-03 lies after today (2026-12-02); it appears on the site from that day on`}},
		{"dated this month: published", []model.Report{report(2, model.Date{Year: 2026, Month: 12}, "", "")}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := city("alpha", "Alpha", "https://alpha.example")
			c.Reports = tt.reports
			same(t, messages(validate.Dataset(dataset(c), validate.Options{Today: today})), tt.want)
		})
	}
}
