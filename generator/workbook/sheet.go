package workbook

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/problem"
)

// Limits that keep a hostile or broken file from exhausting memory.
// A real workbook of the benchmark unpacks to well under a megabyte; the
// limits leave room for pictures and long lists and keep a reader's peak
// heap far below 200 MB (generator/workbook/hostile_test.go measures it).
const (
	unzipSizeLimit    = 32 << 20 // a whole workbook, unpacked
	unzipXMLSizeLimit = 16 << 20 // one sheet held in memory; larger ones go to a temp file
	maxTextLength     = 5000     // characters in one text cell
	maxRows           = 100000   // rows in one sheet, empty ones included
	maxCells          = 200000   // cells in one sheet, each row counted to its last cell (see extent)
	minDateYear       = 1900     // years a date cell may name
	maxDateYear       = 2100
	// maxMagnitude bounds every number read (a KPI value, a weight, a
	// goalpost, a budget): a thousand trillion is more than any of them
	// can mean, and sums, differences and squares of such numbers stay
	// finite, so that no score becomes NaN or infinite far from its cell.
	maxMagnitude = 1e15
)

// sheetSpec names a sheet in both languages; the first name is what
// messages suggest.
type sheetSpec struct {
	names []string
}

func (s sheetSpec) display() string { return quoteOr(s.names[:2]) }

// colSpec names a column: its key for the code, the names a strategist may
// write (German first, English second), and whether it must be present.
type colSpec struct {
	key      string
	names    []string
	required bool
}

func quoteOr(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " / " + q[len(q)-1]
}

// book is one open workbook and the problems found in it.
type book struct {
	file  string
	src   source
	probs *problem.List
}

// openBook opens an .xlsx or .ods workbook, whatever its name says: the
// content decides, so that a file saved in the other format gets read, or
// a clear word, rather than a parser's error.
func openBook(path string, probs *problem.List) (*book, bool) {
	var src source
	switch sniff(path) {
	case formatODS:
		ods, ok := openODS(path, probs)
		if !ok {
			return nil, false
		}
		src = ods
	default:
		pkg, ok := checkPackage(path, probs)
		if !ok {
			return nil, false
		}
		x, err := openXLSX(path, pkg)
		if err != nil {
			probs.Errorf(model.Pos{File: path}, problem.FileOpen, err.Error())
			return nil, false
		}
		src = x
	}
	return &book{file: path, src: src, probs: probs}, true
}

func (b *book) close() { b.src.close() }

// findSheet returns the sheet that matches spec. A missing required sheet
// is a problem at file level; two sheets matching is a problem too, since
// the strategist would not know which one counts.
func (b *book) findSheet(spec sheetSpec, required bool) (string, bool) {
	var found []string
	for _, name := range b.src.sheetList() {
		if matches(name, spec.names) {
			found = append(found, name)
		}
	}
	switch {
	case len(found) == 0:
		if required {
			b.probs.Errorf(model.Pos{File: b.file}, problem.SheetMissing, spec.names[0], spec.display())
		}
		return "", false
	case len(found) > 1:
		b.probs.Errorf(model.Pos{File: b.file, Sheet: found[1]}, problem.SheetTwice, found[0], found[1])
	}
	return found[0], true
}

// table is a sheet read as a header row and the data rows below it.
type table struct {
	b         *book
	sheet     string
	cols      map[string]int // key → 1-based column
	headerRow int            // 1-based
	headers   []headerCell   // every non-empty header cell
	rows      []row          // non-blank rows below the header
}

type headerCell struct {
	col  int
	text string
}

type row struct {
	n     int // 1-based sheet row
	cells []cell
}

func (r row) cell(col int) string {
	if col < 1 || col > len(r.cells) {
		return ""
	}
	return r.cells[col-1].value
}

func (r row) kind(col int) cellKind {
	if col < 1 || col > len(r.cells) {
		return kindNumber
	}
	return r.cells[col-1].kind
}

// overlong is the 1-based column of the first cell longer than
// maxTextLength characters, or 0; with cols, only those columns count.
func overlong(cells []cell, cols map[string]int) int {
	for i, c := range cells {
		if len(c.value) > maxTextLength && utf8.RuneCountInString(c.value) > maxTextLength {
			if cols == nil {
				return i + 1
			}
			for _, col := range cols {
				if col == i+1 {
					return col
				}
			}
		}
	}
	return 0
}

func (r row) blank() bool {
	for _, c := range r.cells {
		if cleanText(c.value) != "" {
			return false
		}
	}
	return true
}

// readTable reads a sheet: the first non-blank row is the header, and
// every column of spec is looked up in it by any of its names.
func (b *book) readTable(sheet string, spec []colSpec) (*table, bool) {
	t := &table{b: b, sheet: sheet, cols: map[string]int{}}
	var header *row
	errStop := errors.New("stop")
	err := b.src.rows(sheet, func(n int, cells []cell) error {
		if n > maxRows {
			// A runaway export, or millions of empty rows, would otherwise
			// be walked row by row (a microsecond each) and kept in memory.
			b.probs.Errorf(model.Pos{File: b.file, Sheet: sheet}, problem.SheetTooLong, maxRows)
			return errStop
		}
		for i := range cells {
			cells[i].value = stripControls(cells[i].value)
		}
		r := row{n: n, cells: cells}
		if r.blank() {
			return nil
		}
		if header == nil {
			if col := overlong(cells, nil); col > 0 {
				// Reported once, before any header is matched against
				// the column names, copied or quoted.
				b.probs.Errorf(model.Pos{File: b.file, Sheet: sheet, Row: n, Col: col}, problem.CellTooLong,
					utf8.RuneCountInString(cells[col-1].value), maxTextLength)
				return errStop
			}
			header = &r
			return nil
		}
		t.rows = append(t.rows, r)
		return nil
	})
	switch {
	case errors.Is(err, errStop):
		return nil, false
	case err != nil:
		b.probs.Errorf(model.Pos{File: b.file, Sheet: sheet}, problem.FileOpen, err.Error())
		return nil, false
	}
	var required []string
	for _, c := range spec {
		if c.required {
			required = append(required, c.names[0])
		}
	}
	if header == nil {
		b.probs.Errorf(model.Pos{File: b.file, Sheet: sheet}, problem.SheetEmpty, quoteOr(required))
		return nil, false
	}
	t.headerRow = header.n
	for i, c := range header.cells {
		text := c.value
		if cleanText(text) == "" {
			continue
		}
		col := i + 1
		t.headers = append(t.headers, headerCell{col: col, text: cleanText(text)})
		for _, c := range spec {
			if !matches(text, c.names) {
				continue
			}
			if first, dup := t.cols[c.key]; dup {
				b.probs.Errorf(t.pos(header.n, col), problem.ColumnTwice, cleanText(text), model.ColumnName(first))
				continue
			}
			t.cols[c.key] = col
			break
		}
	}
	// A row with an overlong cell in a column that is read is reported
	// once and left out, so that no later check matches, copies or quotes
	// megabytes of text.
	kept := t.rows[:0]
	for _, r := range t.rows {
		if col := overlong(r.cells, t.cols); col > 0 {
			b.probs.Errorf(t.pos(r.n, col), problem.CellTooLong, utf8.RuneCountInString(r.cells[col-1].value), maxTextLength)
			continue
		}
		kept = append(kept, r)
	}
	t.rows = kept
	ok := true
	for _, c := range spec {
		if _, found := t.cols[c.key]; !found && c.required {
			b.probs.Errorf(t.pos(header.n, 0), problem.ColumnMissing, c.names[0], quoteOr(c.names[:min(2, len(c.names))]))
			ok = false
		}
	}
	return t, ok
}

// headerOf is the column's header as the strategist wrote it.
func (t *table) headerOf(key string) string {
	for _, h := range t.headers {
		if h.col == t.cols[key] {
			return h.text
		}
	}
	return key
}

func (t *table) pos(row, col int) model.Pos {
	return model.Pos{File: t.b.file, Sheet: t.sheet, Row: row, Col: col}
}

// cellPos is the position of a column's cell in r, or of the row if the
// optional column is absent.
func (t *table) cellPos(r row, key string) model.Pos {
	return t.pos(r.n, t.cols[key])
}

// raw is the cell's content with surrounding spaces removed; "" when the
// column is absent.
func (t *table) raw(r row, key string) string {
	col, ok := t.cols[key]
	if !ok {
		return ""
	}
	return cleanText(r.cell(col))
}

// text reads a text cell. An error value or an overlong text is a problem.
func (t *table) text(r row, key string, required bool, label string) (string, bool) {
	s := t.raw(r, key)
	switch {
	case isErrorValue(s):
		t.b.probs.Errorf(t.cellPos(r, key), problem.CellErrorValue, s)
		return "", false
	case s == "" && required:
		t.b.probs.Errorf(t.cellPos(r, key), problem.CellRequired, label)
		return "", false
	case utf8.RuneCountInString(s) > maxTextLength:
		t.b.probs.Errorf(t.cellPos(r, key), problem.CellTooLong, utf8.RuneCountInString(s), maxTextLength)
		return "", false
	}
	return s, true
}

// uncomputed reports (as a problem) an empty cell that holds a formula:
// files written by programs that do not calculate, excelize among them,
// store formulas without results, and reading the cell as "no value" would
// silently drop data.
func (t *table) uncomputed(r row, col int) bool {
	if cleanText(r.cell(col)) != "" {
		return false
	}
	formula := t.b.src.formula(t.sheet, r.n, col)
	if formula == "" {
		return false
	}
	t.b.probs.Errorf(t.pos(r.n, col), problem.CellUncomputed, formula)
	return true
}

// numberAt reads the number a cell shows; empty gives ok with
// present=false. A percentage, whether the cell is formatted as one (and
// holds 0.125) or is text such as "12,5 %", is read as shown, 12.5, and
// percent says so: where a percentage is right is the caller's to decide.
// A cell that shows a date or a truth value is no number, whatever it
// stores: 12.5 typed into a German LibreOffice becomes 12 May.
func (t *table) numberAt(r row, col int) (v float64, percent, present, ok bool) {
	s := cleanText(r.cell(col))
	pos := t.pos(r.n, col)
	kind := r.kind(col)
	switch {
	case s == "":
		return 0, false, false, true
	case isErrorValue(s):
		t.b.probs.Errorf(pos, problem.CellErrorValue, s)
		return 0, false, false, false
	case kind == kindDate:
		shown := s
		if d, ok := parseDate(s); ok {
			shown = d.ISO()
		}
		t.b.probs.Errorf(pos, problem.CellDateNotNumber, shown)
		return 0, false, false, false
	case kind == kindBool:
		t.b.probs.Errorf(pos, problem.CellNumber, boolText(s))
		return 0, false, false, false
	}
	v, ok = parseNumber(s, func() bool { return kind == kindText })
	if !ok {
		t.b.probs.Errorf(pos, problem.CellNumber, s)
		return 0, false, false, false
	}
	switch {
	case kind == kindPercent:
		// 15 significant digits drop the binary noise of the product, as
		// the program does when it shows 0.123 as 12,3 %.
		v, _ = strconv.ParseFloat(strconv.FormatFloat(v*100, 'g', 15, 64), 64)
		percent = true
	case kind == kindText && strings.HasSuffix(s, "%"):
		percent = true
	}
	if math.Abs(v) > maxMagnitude {
		shown := s
		if kind != kindText {
			// as the program shows a stored 1.797E+308, not its 309 digits
			shown = strconv.FormatFloat(v, 'G', -1, 64)
		}
		t.b.probs.Errorf(pos, problem.CellTooBig, shown)
		return 0, false, false, false
	}
	return v, percent, true, true
}

// plainNumberAt reads a number where a percentage means nothing (an
// amount, a count, a coordinate): a cell that shows one is a problem.
func (t *table) plainNumberAt(r row, col int) (v float64, present, ok bool) {
	v, percent, present, ok := t.numberAt(r, col)
	if ok && percent {
		t.b.probs.Errorf(t.pos(r.n, col), problem.CellPercentNotHere, shownPercent(v))
		return 0, false, false
	}
	return v, present, ok
}

// number reads an optional or required number column that takes no
// percentage.
func (t *table) number(r row, key string, required bool, label string) (*float64, bool) {
	v, percent, ok := t.numberOrPercent(r, key, required, label)
	if ok && percent {
		t.b.probs.Errorf(t.cellPos(r, key), problem.CellPercentNotHere, shownPercent(*v))
		return nil, false
	}
	return v, ok
}

// numberOrPercent reads an optional or required number column in which a
// percentage is read as shown (25 % is 25) and percent says it was one.
func (t *table) numberOrPercent(r row, key string, required bool, label string) (v *float64, percent, ok bool) {
	col, exists := t.cols[key]
	if !exists {
		return nil, false, !required
	}
	x, percent, present, ok := t.numberAt(r, col)
	if !ok {
		return nil, false, false
	}
	if !present {
		if required {
			t.b.probs.Errorf(t.pos(r.n, col), problem.CellRequired, label)
			return nil, false, false
		}
		return nil, false, true
	}
	return &x, percent, true
}

// shownPercent prints a percentage as a cell shows it, for messages.
func shownPercent(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) + " %" }

// boolText prints a stored truth value as the programs show it.
func boolText(s string) string {
	if s == "1" || strings.EqualFold(s, "true") {
		return "TRUE"
	}
	return "FALSE"
}

// enum reads a keyword cell with parse; on failure it reports code.
func enum[T any](t *table, r row, key string, parse func(string) (T, bool), code problem.Code) (T, bool) {
	s := t.raw(r, key)
	v, ok := parse(s)
	if !ok {
		if s == "" {
			t.b.probs.Errorf(t.cellPos(r, key), problem.CellRequired, t.headerOf(key))
		} else if isErrorValue(s) {
			t.b.probs.Errorf(t.cellPos(r, key), problem.CellErrorValue, s)
		} else {
			t.b.probs.Errorf(t.cellPos(r, key), code, s)
		}
	}
	return v, ok
}

// date reads an optional date cell.
func (t *table) date(r row, key string) (model.Date, bool) {
	s := t.raw(r, key)
	if s == "" {
		return model.Date{}, true
	}
	if isErrorValue(s) {
		t.b.probs.Errorf(t.cellPos(r, key), problem.CellErrorValue, s)
		return model.Date{}, false
	}
	d, ok := parseDate(s)
	if !ok {
		t.b.probs.Errorf(t.cellPos(r, key), problem.CellDate, s)
		return d, false
	}
	if d.Year < minDateYear || d.Year > maxDateYear {
		t.b.probs.Errorf(t.cellPos(r, key), problem.CellDateRange, d.ISO(), minDateYear, maxDateYear)
		return model.Date{}, false
	}
	return d, true
}
