package workbook

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/problem"
	wt "github.com/digitale-staedte/benchmark/generator/workbook/workbooktest"
	"github.com/xuri/excelize/v2"
)

// sampleFramework reads workbooktest's framework, the one the city
// templates below are made from.
func sampleFramework(t *testing.T) model.Framework {
	t.Helper()
	path := filepath.Join(t.TempDir(), "framework.xlsx")
	wt.Write(t, path, wt.Framework()...)
	var probs problem.List
	fw := ReadFramework(path, &probs)
	if len(probs) > 0 {
		t.Fatalf("sample framework:\n%s", probs.Text("en"))
	}
	return fw
}

func writeCityTemplate(t *testing.T, dir, slug string, c CityTemplate) string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteCityTemplate(&b, c); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, slug+".xlsx")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func writeFrameworkTemplate(t *testing.T, dir string) string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteFrameworkTemplate(&b); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "framework.xlsx")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestTemplateHeadersAreReaderColumns reads every template sheet with the
// reader's own column specs: each column is found, in the place the
// template put it, with no problem. A column added to a spec shows up in
// the templates by itself; one the templates cannot express fails here.
func TestTemplateHeadersAreReaderColumns(t *testing.T) {
	dir := t.TempDir()
	city := writeCityTemplate(t, dir, "neustadt", CityTemplate{Name: "Neustadt", Framework: sampleFramework(t), Years: []int{2022, 2023}})
	fw := writeFrameworkTemplate(t, dir)
	for _, tt := range []struct {
		path  string
		sheet sheetSpec
		spec  []colSpec
	}{
		{city, citySheet, facts}, {city, kpiSheet, kpis}, {city, measuresSheet, measures}, {city, offersSheet, offers},
		{fw, dimensionsSheet, dimensions}, {fw, indicatorsSheet, indicators}, {fw, topicsSheet, topics},
		{fw, levelsSheet, levels}, {fw, settingsSheet, settings},
	} {
		t.Run(tt.sheet.names[0], func(t *testing.T) {
			var probs problem.List
			b, ok := openBook(tt.path, &probs)
			if !ok {
				t.Fatal(probs.Text("en"))
			}
			defer b.close()
			tab, ok := b.tableOf(tt.sheet, tt.spec, true)
			if !ok || len(probs) > 0 {
				t.Fatalf("reading the template's sheet:\n%s", probs.Text("en"))
			}
			header := wt.Rows(t, tt.path, tab.sheet)[0]
			for _, c := range tt.spec {
				col, found := tab.cols[c.key]
				if !found {
					t.Errorf("column %q (%s) is not in the template", c.key, c.names[0])
					continue
				}
				if !matches(header[col-1], c.names) {
					t.Errorf("column %q found under header %q", c.key, header[col-1])
				}
			}
		})
	}
}

// TestDropDownWordsParse: every value a drop-down offers is read back, and
// together they cover every value of the column.
func TestDropDownWordsParse(t *testing.T) {
	check := func(name string, words []string, want int, parse func(string) (any, bool)) {
		seen := map[any]bool{}
		for _, w := range words {
			v, ok := parse(w)
			if !ok {
				t.Errorf("%s: %q from the drop-down is not read", name, w)
			}
			seen[v] = true
		}
		if len(seen) != want {
			t.Errorf("%s: the drop-down covers %d values; want %d", name, len(seen), want)
		}
	}
	check("status", statusWords, 4, func(s string) (any, bool) { return parseStatus(s) })
	check("offer kind", offerKindChoices(), len(model.OfferKinds()), func(s string) (any, bool) { return parseOfferKind(s) })
	check("partner kind", kindChoices(), len(model.PartnerKinds()), func(s string) (any, bool) { return ParsePartnerKind(s) })
	check("direction", directionWords, 2, func(s string) (any, bool) { return parseDirection(s) })
	check("transform", transformWords, 2, func(s string) (any, bool) { return parseTransform(s) })
	check("normalisation", normalisationWords, len(model.Normalisations()), func(s string) (any, bool) { return parseNormalisation(s) })
	for _, s := range settingSpecs {
		if settingIndex(bilingual(s.names)) < 0 {
			t.Errorf("setting label %q is not read back", bilingual(s.names))
		}
	}
}

// TestCityTemplateReadsBack: with a name filled in, a new city's workbook
// is valid as it stands, and its example rows are read as illustrative;
// without a name, the name is the one problem.
func TestCityTemplateReadsBack(t *testing.T) {
	fw := sampleFramework(t)
	dir := t.TempDir()
	var probs problem.List
	c := ReadCity(writeCityTemplate(t, dir, "neustadt", CityTemplate{Name: "Neustadt", Framework: fw, Years: []int{2021, 2022, 2023}}), &probs)
	if len(probs) > 0 {
		t.Fatalf("unexpected problems:\n%s", probs.Text("en"))
	}
	if c.Name != "Neustadt" {
		t.Errorf("name = %q", c.Name)
	}
	if len(c.KPIs) != len(fw.Indicators) {
		t.Errorf("%d KPI rows; want one per indicator (%d)", len(c.KPIs), len(fw.Indicators))
	}
	for i, k := range c.KPIs {
		if k.Indicator != fw.Indicators[i].ID {
			t.Errorf("KPI row %d is %q; want %q", i, k.Indicator, fw.Indicators[i].ID)
		}
		if example := i == 0; k.Illustrative != example || (len(k.Values) > 0) != example {
			t.Errorf("KPI row %d (%s): illustrative=%v, %d values; only the example row has a value and is illustrative", i, k.Indicator, k.Illustrative, len(k.Values))
		}
	}
	if v := c.KPIs[0].Values; len(v) != 1 || v[0].Year != 2023 || v[0].Value != 50 {
		t.Errorf("example values = %+v; want 50 (V1's goalposts 0–100) in 2023", v)
	}
	if len(c.Measures) != 1 || !c.Measures[0].Illustrative || c.Measures[0].Topic != fw.Topics[0].ID {
		t.Errorf("measures = %+v; want the one illustrative example on topic %s", c.Measures, fw.Topics[0].ID)
	}
	if len(c.Offers) != 1 || !c.Offers[0].Illustrative || c.Offers[0].Topic != fw.Topics[0].ID ||
		c.Offers[0].Kind != model.OfferSolution || c.Offers[0].Contact != "mailto:digital@musterstadt.de" {
		t.Errorf("offers = %+v; want the one illustrative example on topic %s", c.Offers, fw.Topics[0].ID)
	}

	// The drop-down offers "ID – Name"; the ID alone and a hyphen do too.
	measures := writeCityTemplate(t, dir, "themen", CityTemplate{Name: "Themen", Framework: fw, Years: []int{2023}})
	topicCol := colOf(t, measures, "Maßnahmen", "Thema")
	n, err := excelize.ColumnNameToNumber(topicCol)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := wt.Rows(t, measures, "Maßnahmen")[1][n-1], fw.Topics[0].ID+" – "+fw.Topics[0].Name.De; got != want {
		t.Errorf("example topic %q; want %q", got, want)
	}
	for _, cell := range []string{fw.Topics[1].ID, fw.Topics[1].ID + " - " + fw.Topics[1].Name.De} {
		wt.SetCells(t, measures, "Maßnahmen", wt.Cells{topicCol + "2": cell})
		probs = nil
		c := ReadCity(measures, &probs)
		if len(probs) > 0 || len(c.Measures) != 1 || c.Measures[0].Topic != fw.Topics[1].ID {
			t.Errorf("topic cell %q: measures %+v, problems\n%s; want topic %s", cell, c.Measures, probs.Text("en"), fw.Topics[1].ID)
		}
	}

	probs = nil
	ReadCity(writeCityTemplate(t, dir, "blank", CityTemplate{Framework: fw, Years: []int{2023}}), &probs)
	if len(probs) != 1 || probs[0].Code != problem.CellRequired {
		t.Errorf("blank template: want only the missing name, got\n%s", probs.Text("en"))
	}

	if err := WriteCityTemplate(&bytes.Buffer{}, CityTemplate{Framework: fw}); err != ErrNoYears {
		t.Errorf("without years: err = %v; want ErrNoYears", err)
	}
}

// TestFrameworkTemplateReadsBack: the framework template's example rows
// form a valid framework, and its settings rows are the defaults.
func TestFrameworkTemplateReadsBack(t *testing.T) {
	var probs problem.List
	fw := ReadFramework(writeFrameworkTemplate(t, t.TempDir()), &probs)
	if len(probs) > 0 {
		t.Fatalf("unexpected problems:\n%s", probs.Text("en"))
	}
	if len(fw.Dimensions) != 1 || len(fw.Indicators) != 1 || len(fw.Topics) != 1 || len(fw.Levels) != 1 {
		t.Errorf("want one example each, got %d dimensions, %d indicators, %d topics, %d levels",
			len(fw.Dimensions), len(fw.Indicators), len(fw.Topics), len(fw.Levels))
	}
	if ind := fw.Indicators[0]; ind.Invalid || ind.Goalposts == nil || ind.Dimension != fw.Dimensions[0].ID {
		t.Errorf("example indicator = %+v", ind)
	}
	if !reflect.DeepEqual(fw.Settings, model.DefaultSettings()) {
		t.Errorf("settings written by the template differ from the defaults:\n got %+v\nwant %+v", fw.Settings, model.DefaultSettings())
	}
}

// TestTemplateLayout checks what a strategist sees: the instructions
// first, the lists hidden, frozen headers, drop-downs on the right
// columns, input messages within Excel's limits and no cell with two
// validations.
func TestTemplateLayout(t *testing.T) {
	dir := t.TempDir()
	paths := map[string]string{
		"city": writeCityTemplate(t, dir, "neustadt", CityTemplate{Name: "Neustadt", Framework: sampleFramework(t), Years: []int{2023},
			Partners: []string{"augsburg", "muenchen"}}),
		"framework": writeFrameworkTemplate(t, dir),
	}
	wantLists := map[string][]string{
		"city": {"Kennzahlen!A", "Maßnahmen!" + colOf(t, paths["city"], "Maßnahmen", "Thema"), "Maßnahmen!" + colOf(t, paths["city"], "Maßnahmen", "Status"),
			"Angebote!" + colOf(t, paths["city"], "Angebote", "Art"), "Angebote!" + colOf(t, paths["city"], "Angebote", "Thema"),
			"Maßnahmen!" + colOf(t, paths["city"], "Maßnahmen", "Partner"),
			"Stadt!B3"}, // the kind of partner
		"framework": {"Indikatoren!" + colOf(t, paths["framework"], "Indikatoren", "Richtung"), "Indikatoren!" + colOf(t, paths["framework"], "Indikatoren", "Transformation"), "Indikatoren!B", "Themen!B"},
	}
	for kind, path := range paths {
		t.Run(kind, func(t *testing.T) {
			f, err := excelize.OpenFile(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			sheets := f.GetSheetList()
			if sheets[0] != InstructionsSheet || f.GetActiveSheetIndex() != 0 {
				t.Errorf("sheets %v, active %d; want the instructions first and active", sheets, f.GetActiveSheetIndex())
			}
			if visible, _ := f.GetSheetVisible(ListsSheet); visible {
				t.Error("the lists sheet is visible")
			}
			text, _ := f.GetCellValue(InstructionsSheet, "A1")
			if !strings.Contains(text, "Anleitung") {
				t.Errorf("instructions start with %q", text)
			}
			lists := map[string]bool{}
			for _, sheet := range sheets[1 : len(sheets)-1] {
				panes, err := f.GetPanes(sheet)
				if err != nil || !panes.Freeze || panes.YSplit != 1 {
					t.Errorf("%s: header row not frozen: %+v %v", sheet, panes, err)
				}
				dvs, err := f.GetDataValidations(sheet)
				if err != nil {
					t.Fatal(err)
				}
				covered := map[string]string{}
				for _, dv := range dvs {
					if dv.PromptTitle == nil || utf8.RuneCountInString(*dv.PromptTitle) > 32 ||
						dv.Prompt == nil || utf8.RuneCountInString(*dv.Prompt) > 255 {
						t.Errorf("%s!%s: input message missing or beyond Excel's limits (32/255): %v", sheet, dv.Sqref, dv.Prompt)
					}
					if dv.Type == "list" {
						// A column's list is named by the column, a single
						// cell's (the kind row of the city sheet) by the cell.
						ref := dv.Sqref
						if i := strings.IndexByte(ref, ':'); i >= 0 {
							ref = strings.TrimRight(ref[:i], "0123456789")
						}
						lists[sheet+"!"+ref] = true
						if !strings.Contains(dv.Formula1, "!$") {
							t.Errorf("%s!%s: list %q is not a reference to cells", sheet, dv.Sqref, dv.Formula1)
						}
					}
					for _, ref := range cellsOf(t, dv.Sqref) {
						if other, dup := covered[ref]; dup {
							t.Fatalf("%s!%s has two validations (%s and %s)", sheet, ref, other, dv.Sqref)
						}
						covered[ref] = dv.Sqref
					}
				}
			}
			for _, want := range wantLists[kind] {
				if !lists[want] {
					t.Errorf("no drop-down on %s; have %v", want, lists)
				}
			}
		})
	}
}

// TestTemplateTopicList: the topic drop-down names each valid topic as
// "ID – Name", from the lists sheet, in the framework's order.
func TestTemplateTopicList(t *testing.T) {
	fw := sampleFramework(t)
	fw.Topics = append(fw.Topics, model.Topic{Invalid: true, ID: "KAPUTT", Name: model.Text{De: "Ungültig"}})
	path := writeCityTemplate(t, t.TempDir(), "neustadt", CityTemplate{Name: "Neustadt", Framework: fw, Years: []int{2023}})
	var want []string
	for _, tp := range fw.Topics[:len(fw.Topics)-1] {
		want = append(want, tp.ID+" – "+tp.Name.De)
	}
	if want[0] != "E-AKTE – E-Akte" {
		t.Fatalf("sample framework changed: first entry %q", want[0])
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dvs, err := f.GetDataValidations("Maßnahmen")
	if err != nil {
		t.Fatal(err)
	}
	topicCol := colOf(t, path, "Maßnahmen", "Thema")
	var formula string
	for _, dv := range dvs {
		if dv.Type == "list" && strings.HasPrefix(dv.Sqref, topicCol+"2:") {
			formula = dv.Formula1
		}
	}
	// 'Listen (Lists)'!$B$2:$B$4
	sheet, ref, ok := strings.Cut(formula, "!")
	from, to, ok2 := strings.Cut(strings.ReplaceAll(ref, "$", ""), ":")
	if !ok || !ok2 || strings.Trim(sheet, "'") != ListsSheet {
		t.Fatalf("topic drop-down %q is not a range of the lists sheet", formula)
	}
	var got []string
	for _, c := range cellsOf(t, from+":"+to) {
		v, err := f.GetCellValue(ListsSheet, c)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, v)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("topic drop-down %v; want %v", got, want)
	}
}

func colOf(t *testing.T, path, sheet, prefix string) string { return wt.Column(t, path, sheet, prefix) }

// cellsOf expands "A2:B4 C7" to every cell it names.
func cellsOf(t *testing.T, sqref string) []string {
	var out []string
	for _, part := range strings.Fields(sqref) {
		from, to, found := strings.Cut(part, ":")
		if !found {
			to = from
		}
		c1, r1, err1 := excelize.CellNameToCoordinates(from)
		c2, r2, err2 := excelize.CellNameToCoordinates(to)
		if err1 != nil || err2 != nil {
			t.Fatalf("bad sqref %q", sqref)
		}
		for c := c1; c <= c2; c++ {
			for r := r1; r <= r2; r++ {
				out = append(out, cellName(c, r))
			}
		}
	}
	return out
}

// TestTemplateIsReproducible: the same framework gives the same bytes.
func TestTemplateIsReproducible(t *testing.T) {
	fw := sampleFramework(t)
	var a, b bytes.Buffer
	c := CityTemplate{Name: "Neustadt", Framework: fw, Years: []int{2022, 2023}}
	if err := WriteCityTemplate(&a, c); err != nil {
		t.Fatal(err)
	}
	if err := WriteCityTemplate(&b, c); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two runs wrote different files")
	}
}

// TestTemplateProgressRange: the progress column takes numbers from 0 to
// 100 (Excel warns about others, the reader decides), and the example row's
// progress reads back.
func TestTemplateProgressRange(t *testing.T) {
	path := writeCityTemplate(t, t.TempDir(), "neustadt", CityTemplate{Name: "Neustadt", Framework: sampleFramework(t), Years: []int{2023}})
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dvs, err := f.GetDataValidations("Maßnahmen")
	if err != nil {
		t.Fatal(err)
	}
	col := colOf(t, path, "Maßnahmen", "Fortschritt")
	found := false
	for _, dv := range dvs {
		if strings.HasPrefix(dv.Sqref, col+"2:") {
			found = true
			if dv.Type != "decimal" || dv.Operator != "between" || dv.Formula1 != "0" || dv.Formula2 != "100" || dv.ErrorStyle == nil || *dv.ErrorStyle != "warning" {
				t.Errorf("progress validation: type %q operator %q %s–%s, error style %v; want a warning for decimals between 0 and 100",
					dv.Type, dv.Operator, dv.Formula1, dv.Formula2, dv.ErrorStyle)
			}
		}
	}
	if !found {
		t.Fatalf("no validation on the progress column %s", col)
	}
	var probs problem.List
	c := ReadCity(path, &probs)
	if len(probs) > 0 || len(c.Measures) != 1 || c.Measures[0].Progress == nil || *c.Measures[0].Progress != 0 {
		t.Errorf("example measure %+v, problems\n%s; want progress 0", c.Measures, probs.Text("en"))
	}
}
