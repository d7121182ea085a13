package workbook

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/xuri/excelize/v2"
)

// Names of the two sheets the reader does not look at. Excel forbids "/"
// in sheet names, hence the parentheses.
const (
	InstructionsSheet = "Anleitung (Instructions)"
	ListsSheet        = "Listen (Lists)"
)

// ExampleSource is the source of every example row. It contains
// "Beispielwert", which marks the row's values as illustrative.
const ExampleSource = "Beispielwert – durch echte Angabe ersetzen oder Zeile löschen / example value – replace or delete the row"

// templateRows is how far down drop-downs and input messages reach.
const templateRows = 1000

// CityTemplate is what a blank city workbook holds besides its fixed parts.
type CityTemplate struct {
	// Name fills the Name row of the city sheet; empty leaves it to the
	// strategist (a workbook without a name does not validate).
	Name string
	// Kind fills the kind row; a partner that is not scored gets no KPI
	// sheet. The zero value, a municipality, leaves the row empty.
	Kind model.PartnerKind
	// Partners are the data set's partners by file name (slug), the
	// measures' Partner column's drop-down; none, no drop-down.
	Partners []string
	// Framework gives the KPI sheet one row per indicator and the
	// drop-downs their indicator and topic IDs.
	Framework model.Framework
	// Years are the KPI sheet's year columns, ascending; at least one.
	Years []int
}

// ErrNoYears is returned for a city template without year columns.
var ErrNoYears = errors.New("a city template needs at least one year column")

// WriteCityTemplate writes a blank city workbook (.xlsx) to w.
func WriteCityTemplate(w io.Writer, c CityTemplate) error {
	if len(c.Years) == 0 {
		return ErrNoYears
	}
	var inds []model.Indicator
	for _, ind := range c.Framework.Indicators {
		if !ind.Invalid {
			inds = append(inds, ind)
		}
	}
	// Topics show their names beside their IDs; the reader takes the ID
	// (topicID).
	var topicEntries, indIDs []string
	for _, t := range c.Framework.Topics {
		if !t.Invalid {
			topicEntries = append(topicEntries, topicEntry(t))
		}
	}
	for _, ind := range inds {
		indIDs = append(indIDs, ind.ID)
	}
	lists := []tmplList{
		{"indicators", "Indikatoren / Indicators", indIDs},
		{"topics", "Themen / Topics", topicEntries},
		{"status", "Status", statusWords},
		{"offer_kinds", "Angebotsart / Kind of offer", offerKindChoices()},
		{"partner_kinds", "Art des Partners / Kind of partner", kindChoices()},
	}
	if len(c.Partners) > 0 {
		lists = append(lists, tmplList{"partners", "Partner (Dateinamen) / Partners (file names)", c.Partners})
	}
	sheets := []tmplSheet{citySheetTemplate(c.Name, c.Kind)}
	if c.Kind.Scored() {
		sheets = append(sheets, kpiSheetTemplate(inds, c.Years))
	}
	sheets = append(sheets, measuresSheetTemplate(topicEntries, c.Years, len(c.Partners) > 0), reportsSheetTemplate(), offersSheetTemplate(topicEntries))
	return writeTemplate(w, cityInstructions, sheets, lists)
}

// topicEntry is a topic as the drop-down offers it: "ID – Name".
func topicEntry(t model.Topic) string {
	if t.Name.De == "" {
		return t.ID
	}
	return t.ID + topicSeparator + t.Name.De
}

// WriteFrameworkTemplate writes a blank framework workbook (.xlsx) to w.
// Its example rows form a small valid framework on their own.
func WriteFrameworkTemplate(w io.Writer) error {
	var settingLabels []string
	for _, s := range settingSpecs {
		settingLabels = append(settingLabels, bilingual(s.names))
	}
	lists := []tmplList{
		{"direction", "Richtung / Direction", directionWords},
		{"transform", "Transformation / Transform", transformWords},
		{"normalisation", "Normalisierung / Normalisation", normalisationWords},
		{"settings", "Einstellungen / Settings", settingLabels},
	}
	dims := specSheet(dimensionsSheet, dimensions, frameworkExamples["dimensions"], nil)
	dimIDs := fmt.Sprintf("%s!$%s$2:$%s$%d", quoteSheet(dims.name), dims.colName("id"), dims.colName("id"), templateRows)
	inds := specSheet(indicatorsSheet, indicators, frameworkExamples["indicators"], map[string]string{
		"dimension": "=" + dimIDs, "direction": "direction", "transform": "transform", "normalisation": "normalisation"})
	tops := specSheet(topicsSheet, topics, frameworkExamples["topics"], map[string]string{"dimension": "=" + dimIDs})
	lvls := specSheet(levelsSheet, levels, frameworkExamples["levels"], nil)
	return writeTemplate(w, frameworkInstructions,
		[]tmplSheet{dims, inds, tops, lvls, settingsSheetTemplate()}, lists)
}

// tmplSheet is one data sheet of a template.
type tmplSheet struct {
	name    string
	cols    []tmplCol
	rows    [][]any // below the header
	example bool    // rows[0] is the example row
	freeze  int     // columns frozen at the left besides the header row
	// rowHints are input messages for single cells, e.g. the value cell
	// of a key–value row, where one column serves many kinds of value.
	rowHints map[string]hint
	// rowLists name the tmplList of single cells, as tmplCol.list does
	// for a column.
	rowLists map[string]string
}

type tmplCol struct {
	key    string // the reader's key; "" for columns the reader ignores
	header string
	hint   hint
	// list names a tmplList, or is a formula starting with "=" that
	// refers to the allowed values elsewhere in the workbook.
	list string
	// limits, when set, restrict the column to numbers from limits[0] to
	// limits[1]; as with the lists, Excel only warns, and validate decides.
	limits *[2]float64
	width  float64 // 0: from the contents
}

// hint is a bilingual input message.
type hint struct{ de, en string }

func (h hint) text() string { return h.de + "\n\n" + h.en }

type tmplList struct {
	name, header string
	values       []string
}

// col is the 0-based index of the reader's column key, or -1.
func (s tmplSheet) col(key string) int {
	for i, c := range s.cols {
		if c.key == key {
			return i
		}
	}
	return -1
}

func (s tmplSheet) colName(key string) string { return model.ColumnName(s.col(key) + 1) }

func (s tmplSheet) hasRowHints(col string) bool {
	for ref := range s.rowHints {
		if strings.TrimRight(ref, "0123456789") == col {
			return true
		}
	}
	return false
}

// header is a column's bilingual header: the German name, then the
// English one, both among the reader's aliases.
func header(c colSpec) string {
	if l, ok := headerLabels[c.key]; ok {
		return l
	}
	return bilingual(c.names)
}

// headerLabels are the headers whose second alias is not the English name.
var headerLabels = map[string]string{
	"id":      "ID",
	"name_de": "Name (de)",
	"name_en": "Name (en)",
	"desc_de": "Beschreibung (de)",
	"desc_en": "Description (en)",
	"unit":    "Einheit (de)",
	"unit_en": "Unit (en)",
	"status":  "Status",
	"budget":  "Budget (EUR)",
	"link":    "Link",
}

// bilingual joins a German and an English name as "Gewicht / Weight", or
// gives the one name where both languages use it.
func bilingual(names []string) string {
	if len(names) > 1 && normalize(names[0]) != normalize(names[1]) {
		return names[0] + " / " + names[1]
	}
	return names[0]
}

// specSheet lays out a sheet with exactly the columns of spec, in order,
// and one example row.
func specSheet(sheet sheetSpec, spec []colSpec, example map[string]any, lists map[string]string) tmplSheet {
	s := tmplSheet{name: sheet.names[0], example: true}
	row := make([]any, len(spec))
	for i, c := range spec {
		s.cols = append(s.cols, tmplCol{key: c.key, header: header(c), hint: hintFor(sheet.names[0], c), list: lists[c.key],
			limits: columnLimits[c.key]})
		row[i] = example[c.key]
	}
	s.rows = [][]any{row}
	return s
}

func hintFor(sheet string, c colSpec) hint {
	if h, ok := columnHints[sheet+"/"+c.key]; ok {
		return h
	}
	if h, ok := columnHints[c.key]; ok {
		return h
	}
	req := hint{"Optional.", "Optional."}
	if c.required {
		req = hint{"Pflichtangabe.", "Required."}
	}
	return hint{req.de + " Siehe docs/spreadsheets.md.", req.en + " See docs/spreadsheets.md."}
}

func citySheetTemplate(name string, kind model.PartnerKind) tmplSheet {
	s := tmplSheet{name: citySheet.names[0], rowHints: map[string]hint{}, rowLists: map[string]string{}}
	for _, c := range facts {
		h := header(c)
		if c.key == "key" {
			h = "Feld / Field"
		}
		s.cols = append(s.cols, tmplCol{key: c.key, header: h, hint: hintFor(s.name, c)})
	}
	s.cols = append(s.cols, tmplCol{header: "Beispiel / Example", width: 34,
		hint: hint{"Nur zur Orientierung; diese Spalte wird nicht gelesen.", "For orientation only; this column is not read."}})
	valueCol := s.colName("value")
	for i, k := range factKeys {
		label := bilingual(k.names)
		if k.key == "name" || k.key == "name_en" { // the same in both languages
			label = k.names[0]
		}
		row := make([]any, len(s.cols))
		row[0] = label
		if k.key == "name" && name != "" {
			row[1] = name
		}
		if k.key == "kind" && kind != model.Municipality {
			row[1] = kindWords[kind][0]
		}
		row[len(row)-1] = factExamples[k.key]
		s.rows = append(s.rows, row)
		h, ok := factHints[k.key]
		if !ok {
			h = hint{"Optional. Siehe docs/spreadsheets.md.", "Optional. See docs/spreadsheets.md."}
		}
		s.rowHints[valueCol+strconv.Itoa(i+2)] = h
		if k.key == "kind" {
			s.rowLists[valueCol+strconv.Itoa(i+2)] = "partner_kinds"
		}
	}
	return s
}

func kpiSheetTemplate(inds []model.Indicator, years []int) tmplSheet {
	s := tmplSheet{name: kpiSheet.names[0], example: len(inds) > 0, freeze: 3}
	s.cols = append(s.cols, tmplCol{key: kpis[0].key, header: header(kpis[0]), hint: hintFor(s.name, kpis[0]), list: "indicators"},
		tmplCol{header: "Indikatorname / Indicator name", width: 30,
			hint: hint{"Nur zur Orientierung; diese Spalte wird nicht gelesen.", "For orientation only; this column is not read."}},
		tmplCol{header: "Einheit / Unit", width: 12,
			hint: hint{"Nur zur Orientierung; diese Spalte wird nicht gelesen.", "For orientation only; this column is not read."}})
	for _, y := range years {
		s.cols = append(s.cols, tmplCol{header: strconv.Itoa(y), width: 11, hint: hint{
			fmt.Sprintf("Wert %d. Leer = keine Angabe. Zahlen wie 1.234,5 oder 12,5 %%. Neues Jahr: Spalte mit der Jahreszahl als Überschrift einfügen.", y),
			fmt.Sprintf("Value %d. Empty = no value. Numbers such as 1,234.5 or 12.5 %%. New year: add a column headed with the year.", y)}})
	}
	for _, c := range kpis[1:] {
		s.cols = append(s.cols, tmplCol{key: c.key, header: header(c), hint: hintFor(s.name, c)})
	}
	for i, ind := range inds {
		row := make([]any, len(s.cols))
		row[0], row[1], row[2] = ind.ID, ind.Name.De, ind.Unit.De
		if i == 0 {
			row[2+len(years)] = exampleValue(ind)
			row[s.col("source")] = ExampleSource
		}
		s.rows = append(s.rows, row)
	}
	return s
}

// measuresSheetTemplate is the measures sheet; with partners, its Partner
// column offers their file names (one picked from the list; several typed
// with commas, which the list's warning lets through).
func measuresSheetTemplate(topics []string, years []int, partners bool) tmplSheet {
	example := map[string]any{}
	for k, v := range measureExample {
		example[k] = v
	}
	if len(topics) > 0 {
		example["topic"] = topics[0]
	}
	example["start"] = fmt.Sprintf("01.%d", years[len(years)-1])
	example["source"] = ExampleSource
	lists := map[string]string{"topic": "topics", "status": "status"}
	if partners {
		lists["partners"] = "partners"
	}
	return specSheet(measuresSheet, measures, example, lists)
}

// reportsSheetTemplate is the reports sheet with its headers only: an
// example report would be published as a real one, since a report has no
// source to mark it as an example.
func reportsSheetTemplate() tmplSheet {
	s := specSheet(reportsSheet, reports, nil, map[string]string{"topic": "topics"})
	s.rows, s.example = nil, false
	return s
}

func settingsSheetTemplate() tmplSheet {
	s := tmplSheet{name: settingsSheet.names[0]}
	for _, c := range settings {
		h := header(c)
		l := ""
		if c.key == "key" {
			h, l = "Einstellung / Setting", "settings"
		}
		s.cols = append(s.cols, tmplCol{key: c.key, header: h, hint: hintFor(s.name, c), list: l})
	}
	for _, spec := range settingSpecs {
		if spec.example == "" {
			continue // an empty value would not mean "default" for every key
		}
		s.rows = append(s.rows, []any{bilingual(spec.names), typed(spec.example)})
	}
	return s
}

// exampleValue is a plausible value for ind: within its goalposts, a
// percentage, positive for a log transform.
func exampleValue(ind model.Indicator) float64 {
	if g := ind.Goalposts; g != nil {
		return g.Min + (g.Max-g.Min)/2
	}
	return 50
}

// typed turns "100" into the number 100, so that Excel does not flag a
// number stored as text; other text stays as it is.
func typed(s string) any {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	return s
}

// writeTemplate assembles the workbook: instructions first, the data
// sheets, then the hidden lists sheet.
func writeTemplate(w io.Writer, instructions []instructionLine, sheets []tmplSheet, lists []tmplList) error {
	f := excelize.NewFile()
	defer f.Close()
	tw := &templateWriter{f: f, lists: map[string]string{}}
	if err := f.SetSheetName("Sheet1", InstructionsSheet); err != nil {
		return err
	}
	tw.styles()
	tw.instructions(instructions)
	for _, s := range sheets {
		tw.sheet(s)
	}
	tw.listSheet(lists)
	for _, s := range sheets {
		tw.validations(s)
	}
	if tw.err != nil {
		return tw.err
	}
	f.SetActiveSheet(0)
	_, err := f.WriteTo(w)
	return err
}

// templateWriter keeps the first error, so that the layout code reads as
// a list of steps.
type templateWriter struct {
	f                              *excelize.File
	err                            error
	header, example, title, strong int
	wrap                           int
	lists                          map[string]string // list name → formula
}

func (tw *templateWriter) check(err error) {
	if tw.err == nil && err != nil {
		tw.err = err
	}
}

func (tw *templateWriter) style(s *excelize.Style) int {
	id, err := tw.f.NewStyle(s)
	tw.check(err)
	return id
}

func (tw *templateWriter) styles() {
	tw.header = tw.style(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
		Border:    []excelize.Border{{Type: "bottom", Color: "5B9BD5", Style: 2}},
	})
	tw.example = tw.style(&excelize.Style{
		Font: &excelize.Font{Italic: true, Color: "7F6000"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}},
	})
	tw.title = tw.style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	tw.strong = tw.style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}})
	tw.wrap = tw.style(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
}

func cellName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

func (tw *templateWriter) instructions(lines []instructionLine) {
	sheet := InstructionsSheet
	tw.check(tw.f.SetColWidth(sheet, "A", "A", 110))
	for i, l := range lines {
		c := cellName(1, i+1)
		tw.check(tw.f.SetCellValue(sheet, c, l.text))
		switch l.kind {
		case lineTitle:
			tw.check(tw.f.SetCellStyle(sheet, c, c, tw.title))
		case lineHeading:
			tw.check(tw.f.SetCellStyle(sheet, c, c, tw.strong))
		default:
			tw.check(tw.f.SetCellStyle(sheet, c, c, tw.wrap))
		}
	}
}

func (tw *templateWriter) sheet(s tmplSheet) {
	_, err := tw.f.NewSheet(s.name)
	tw.check(err)
	last := len(s.cols)
	for i, c := range s.cols {
		tw.check(tw.f.SetCellValue(s.name, cellName(i+1, 1), c.header))
	}
	tw.check(tw.f.SetCellStyle(s.name, cellName(1, 1), cellName(last, 1), tw.header))
	for r, row := range s.rows {
		for i, v := range row {
			if v == nil || v == "" {
				continue
			}
			tw.check(tw.f.SetCellValue(s.name, cellName(i+1, r+2), v))
		}
	}
	if s.example && len(s.rows) > 0 {
		tw.check(tw.f.SetCellStyle(s.name, cellName(1, 2), cellName(last, 2), tw.example))
	}
	for i, c := range s.cols {
		width := c.width
		if width == 0 {
			width = contentWidth(c.header, s.rows, i)
		}
		col := model.ColumnName(i + 1)
		tw.check(tw.f.SetColWidth(s.name, col, col, width))
	}
	tw.check(tw.f.SetRowHeight(s.name, 1, 32))
	tw.check(tw.f.SetPanes(s.name, &excelize.Panes{
		Freeze: true, XSplit: s.freeze, YSplit: 1,
		TopLeftCell: cellName(s.freeze+1, 2), ActivePane: activePane(s.freeze),
	}))
}

func activePane(freezeCols int) string {
	if freezeCols > 0 {
		return "bottomRight"
	}
	return "bottomLeft"
}

// contentWidth is a column width that shows the header in at most two
// lines and the longest value in one.
func contentWidth(header string, rows [][]any, col int) float64 {
	n := 0
	for _, part := range strings.Split(header, " / ") {
		n = max(n, utf8.RuneCountInString(part))
	}
	for _, row := range rows {
		if col < len(row) && row[col] != nil {
			n = max(n, utf8.RuneCountInString(fmt.Sprint(row[col])))
		}
	}
	return float64(min(max(n+2, 10), 45))
}

func (tw *templateWriter) listSheet(lists []tmplList) {
	_, err := tw.f.NewSheet(ListsSheet)
	tw.check(err)
	for i, l := range lists {
		col := model.ColumnName(i + 1)
		tw.check(tw.f.SetCellValue(ListsSheet, col+"1", l.header))
		for j, v := range l.values {
			tw.check(tw.f.SetCellValue(ListsSheet, cellName(i+1, j+2), v))
		}
		tw.check(tw.f.SetColWidth(ListsSheet, col, col, 28))
		if len(l.values) > 0 {
			tw.lists[l.name] = fmt.Sprintf("%s!$%s$2:$%s$%d", quoteSheet(ListsSheet), col, col, len(l.values)+1)
		}
	}
	tw.check(tw.f.SetCellStyle(ListsSheet, "A1", cellName(max(len(lists), 1), 1), tw.header))
	tw.check(tw.f.SetSheetVisible(ListsSheet, false))
}

// validations adds each column's input message and drop-down list, and
// the single cells' messages.
func (tw *templateWriter) validations(s tmplSheet) {
	for i, c := range s.cols {
		col := model.ColumnName(i + 1)
		first := 2
		if s.hasRowHints(col) {
			first = len(s.rows) + 2 // the rows above have messages of their own
		}
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s%d:%s%d", col, first, col, templateRows)
		dv.SetInput(inputTitle(c.header), c.hint.text())
		if !tw.dropList(dv, c.list) && c.limits != nil {
			l := c.limits
			// A percentage typed as 40 % is stored as 0.4 and passes; the
			// text "40 %" is only warned about, and the reader takes it.
			tw.check(dv.SetRange(l[0], l[1], excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween))
			dv.SetError(excelize.DataValidationErrorStyleWarning, "Außerhalb des Bereichs / Out of range",
				fmt.Sprintf("Erwartet wird eine Zahl von %v bis %v. Trotzdem verwenden? generator validate prüft sie.\n\n"+
					"Expected a number from %v to %v. Use it anyway? generator validate checks it.", l[0], l[1], l[0], l[1]))
		}
		tw.check(tw.f.AddDataValidation(s.name, dv))
	}
	refs := make([]string, 0, len(s.rowHints))
	for ref := range s.rowHints {
		refs = append(refs, ref)
	}
	slices.SortFunc(refs, func(a, b string) int { return rowOf(a) - rowOf(b) })
	for _, ref := range refs {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = ref
		dv.SetInput(inputTitle(s.rows[rowOf(ref)-2][0].(string)), s.rowHints[ref].text())
		tw.dropList(dv, s.rowLists[ref])
		tw.check(tw.f.AddDataValidation(s.name, dv))
	}
}

// dropList gives dv the drop-down list named list, if there is one, with
// a warning, not a stop, for a value not in it: the reader has the last
// word.
func (tw *templateWriter) dropList(dv *excelize.DataValidation, list string) bool {
	formula := tw.listFormula(list)
	if formula == "" {
		return false
	}
	dv.SetSqrefDropList(formula)
	dv.SetError(excelize.DataValidationErrorStyleWarning, "Nicht in der Liste / Not in the list",
		"Dieser Wert steht nicht in der Auswahlliste. Trotzdem verwenden? generator validate prüft ihn.\n\n"+
			"This value is not in the list. Use it anyway? generator validate checks it.")
	return true
}

func (tw *templateWriter) listFormula(list string) string {
	if strings.HasPrefix(list, "=") {
		return strings.TrimPrefix(list, "=")
	}
	return tw.lists[list]
}

// inputTitle fits a header into the 32 characters Excel allows for an
// input message's title.
func inputTitle(s string) string {
	if r := []rune(s); len(r) > 32 {
		return string(r[:31]) + "…"
	}
	return s
}

func rowOf(ref string) int {
	_, row, _ := excelize.CellNameToCoordinates(ref)
	return row
}

// quoteSheet quotes a sheet name for a formula where it needs quotes.
func quoteSheet(name string) string {
	for _, r := range name {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
			return "'" + strings.ReplaceAll(name, "'", "''") + "'"
		}
	}
	return name
}
