package workbook

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/problem"
	"github.com/xuri/excelize/v2"
)

// Cell is one non-empty cell of a workbook in its stable text form: what a
// reviewer needs to see that something changed, independent of how the
// file's XML happens to be laid out.
type Cell struct {
	Sheet    string
	Row, Col int    // 1-based
	Value    string // as printed by Text: "text" quoted, numbers shortest, dates ISO, TRUE/FALSE, #N/A
	Formula  string // without "=", "" when the cell holds none
}

// Ref is "C7".
func (c Cell) Ref() string { return model.ColumnName(c.Col) + strconv.Itoa(c.Row) }

// Show prints the value, followed by the formula that computed it.
func (c Cell) Show() string {
	switch {
	case c.Formula == "":
		return c.Value
	case c.Value == "":
		return "=" + c.Formula // saved without a result
	}
	return c.Value + "\t=" + c.Formula
}

// Line is "Sheet!C7<TAB>value[<TAB>=formula]".
func (c Cell) Line() string { return c.Sheet + "!" + c.Ref() + "\t" + c.Show() }

// TextLines renders cells one per line, each ending in a newline.
func TextLines(cells []Cell) string {
	var b strings.Builder
	for _, c := range cells {
		b.WriteString(c.Line())
		b.WriteByte('\n')
	}
	return b.String()
}

// ReadCells reads every non-empty cell of the workbook at path: sheets in
// workbook order (hidden ones too, since they are read as well), cells in
// row-major order. Text is quoted as in Go, so "12" (text) and 12 (a number)
// differ, and an invisible trailing or non-breaking space shows as " " or
// \u00a0. Numbers print in their shortest exact form; numbers formatted as
// dates print as ISO dates (2019-07-24, or with a time 2019-07-24T08:30:00);
// booleans as TRUE/FALSE; error values as stored (#DIV/0!). A formula adds
// "=formula" after its stored result. Cells covered by a merged range are
// empty in the file and therefore absent; the range's value is in its
// top-left cell.
//
// An .xlsx and an .ods are told apart by content, as the reader does, and
// print alike: the same workbook saved in both formats differs only in
// formula syntax (B2*2 against [.B2]*2; LibreOffice's "of:=" is dropped).
func ReadCells(path string) ([]Cell, error) {
	if sniff(path) == formatODS {
		return readODSCells(path)
	}
	// The same first look as the reader's: a clear word for an encrypted,
	// old-format, damaged or oversized file instead of excelize's.
	var probs problem.List
	if _, ok := checkPackage(path, &probs); !ok {
		return nil, firstProblem(probs)
	}
	f, _, cleanup, err := openExcelize(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer cleanup()
	date1904 := false
	if p, err := f.GetWorkbookProps(); err == nil && p.Date1904 != nil {
		date1904 = *p.Date1904
	}
	conv := &converter{f: f, date1904: date1904, dateStyle: map[int]bool{}}
	var out []Cell
	for _, sheet := range f.GetSheetList() {
		cells, err := conv.sheet(sheet)
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", path, sheet, err)
		}
		out = append(out, cells...)
	}
	return out, nil
}

// firstProblem is the one problem a package check reports, as an error.
func firstProblem(probs problem.List) error {
	return fmt.Errorf("%s: %s", probs[0].Pos, probs[0].Message("en"))
}

// readODSCells is ReadCells for an .ods, through the reader's own parser.
func readODSCells(path string) ([]Cell, error) {
	var probs problem.List
	src, ok := openODS(path, &probs)
	if !ok {
		return nil, firstProblem(probs)
	}
	var out []Cell
	for _, sh := range src.sheets {
		for _, r := range sh.rows {
			for i, c := range r.cells {
				at := cellAt{r.n, i + 1}
				formula := sh.formulas[at]
				if sh.covered[at] || (c.value == "" && formula == "") {
					continue
				}
				v := ""
				if c.value != "" {
					v = odsValue(c)
				}
				out = append(out, Cell{Sheet: sh.name, Row: at.row, Col: at.col, Value: v, Formula: formula})
			}
		}
	}
	return out, nil
}

// odsValue prints an .ods cell's stored value as value does an .xlsx
// cell's: a percentage as its stored number, a date from its ISO date
// (2019-07-24T08:30:00) and a time from its duration (PT08H30M00S).
func odsValue(c cell) string {
	switch c.kind {
	case kindText:
		return strconv.Quote(c.value)
	case kindBool, kindError:
		return c.value
	case kindDate:
		if s, ok := odsDate(c.value); ok {
			return s
		}
		return strconv.Quote(c.value)
	}
	v, err := strconv.ParseFloat(c.value, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.Quote(c.value)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// odsDuration is an ODS time value, P[nD][T[nH][nM][n[.n]S]]; a negative
// one (-PT1H) is printed as stored.
var odsDuration = regexp.MustCompile(`^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d*)?)S)?)?$`)

// odsDate prints an ODS date or time value as isoTime prints an Excel
// serial number with a date format: the time alone below one day.
func odsDate(s string) (string, bool) {
	if m := odsDuration.FindStringSubmatch(s); m != nil && s != "P" && s != "PT" {
		var days float64
		for i, per := range []float64{1, 24, 24 * 60, 24 * 60 * 60} {
			if m[i+1] != "" {
				n, err := strconv.ParseFloat(m[i+1], 64)
				if err != nil {
					return "", false
				}
				days += n / per
			}
		}
		if days > maxSerial {
			return "", false
		}
		t, err := excelize.ExcelDateToTime(days, false)
		if err != nil {
			return "", false
		}
		return isoTime(t, days), true
	}
	for _, layout := range []string{"2006-01-02", "2006-01-02T15:04:05.999999999", time.RFC3339Nano} {
		if t, err := time.Parse(layout, s); err == nil {
			serial := 1.0 // only whether it is below one day matters
			if epoch := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC); !t.Before(epoch) && t.Before(epoch.AddDate(0, 0, 1)) {
				serial = 0
			}
			return isoTime(t, serial), true
		}
	}
	return "", false
}

// maxSerial is Excel's last day, 9999-12-31.
const maxSerial = 2958465

type converter struct {
	f         *excelize.File
	date1904  bool
	dateStyle map[int]bool // style index → its number format shows a date
}

func (c *converter) sheet(sheet string) ([]Cell, error) {
	merged := map[string]bool{} // every cell of a merged range but the top-left
	ranges, err := c.f.GetMergeCells(sheet, true)
	if err != nil {
		return nil, err
	}
	for _, m := range ranges {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil {
			continue
		}
		for r := r1; r <= r2; r++ {
			for col := c1; col <= c2; col++ {
				if r != r1 || col != c1 {
					merged[model.ColumnName(col)+strconv.Itoa(r)] = true
				}
			}
		}
	}
	// A formula saved without its result leaves the cell's value empty,
	// and a row iterator stops at the last value; the sheet's dimension
	// says how far to look for such formulas.
	maxCol := 0
	if dim, err := c.f.GetSheetDimension(sheet); err == nil && dim != "" {
		end := dim[strings.LastIndex(dim, ":")+1:]
		if col, _, err := excelize.CellNameToCoordinates(end); err == nil && col < 16384 {
			maxCol = col
		}
	}
	rows, err := c.f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Cell
	for r := 1; rows.Next(); r++ {
		vals, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, err
		}
		for col := 1; col <= max(len(vals), maxCol); col++ {
			raw := ""
			if col <= len(vals) {
				raw = vals[col-1]
			}
			ref := model.ColumnName(col) + strconv.Itoa(r)
			if merged[ref] {
				continue
			}
			formula := ""
			if fo, err := c.f.GetCellFormula(sheet, ref); err == nil {
				formula = fo
			}
			if raw == "" && formula == "" {
				continue
			}
			v := ""
			if raw != "" {
				if v, err = c.value(sheet, ref, raw); err != nil {
					return nil, err
				}
			}
			out = append(out, Cell{Sheet: sheet, Row: r, Col: col, Value: v, Formula: formula})
		}
	}
	return out, rows.Error()
}

// value prints a stored value by its cell type and number format.
func (c *converter) value(sheet, ref, raw string) (string, error) {
	typ, err := c.f.GetCellType(sheet, ref)
	if err != nil {
		return "", err
	}
	switch typ {
	case excelize.CellTypeSharedString, excelize.CellTypeInlineString, excelize.CellTypeFormula:
		return strconv.Quote(raw), nil
	case excelize.CellTypeBool:
		if raw == "1" || strings.EqualFold(raw, "true") {
			return "TRUE", nil
		}
		return "FALSE", nil
	case excelize.CellTypeError, excelize.CellTypeDate:
		return raw, nil
	}
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.Quote(raw), nil // not a number after all: show it as stored
	}
	style, err := c.f.GetCellStyle(sheet, ref)
	if err == nil && c.isDate(style) {
		if t, err := excelize.ExcelDateToTime(v, c.date1904); err == nil {
			return isoTime(t, v), nil
		}
	}
	return strconv.FormatFloat(v, 'f', -1, 64), nil
}

func (c *converter) isDate(style int) bool {
	if d, ok := c.dateStyle[style]; ok {
		return d
	}
	d := false
	if s, err := c.f.GetStyle(style); err == nil && s != nil {
		code := ""
		if s.CustomNumFmt != nil {
			code = *s.CustomNumFmt
		}
		d = isDateFormat(s.NumFmt, code)
	}
	c.dateStyle[style] = d
	return d
}

// isDateFormat: the built-in formats 14–22 and 45–47 (and 27–36, 50–58 in
// East Asian locales) show dates or times; a custom format does when it has
// a year, day, hour or second token outside quoted text, escapes and
// [brackets] such as [$-407] or [Red].
func isDateFormat(id int, code string) bool {
	switch {
	case id >= 14 && id <= 22, id >= 27 && id <= 36, id >= 45 && id <= 47, id >= 50 && id <= 58:
		return true
	case code == "":
		return false
	}
	return strings.ContainsAny(strings.ToLower(formatTokens(code)), "ydhs")
}

// isoTime prints a date serial as 2019-07-24, a time of day alone as
// 08:30:00, and both as 2019-07-24T08:30:00.
func isoTime(t time.Time, serial float64) string {
	t = t.Round(time.Second)
	switch {
	case serial < 1:
		return t.Format("15:04:05")
	case t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0:
		return t.Format("2006-01-02")
	}
	return t.Format("2006-01-02T15:04:05")
}
