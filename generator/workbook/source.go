package workbook

import (
	"os"
	"strings"

	"github.com/xuri/excelize/v2"
)

// cellKind is what a cell holds as the spreadsheet program shows it. The
// stored value alone does not say: 12,5 % typed into Excel or LibreOffice
// is stored as 0.125, and 12.5 typed into a German LibreOffice is a date.
type cellKind uint8

const (
	kindNumber  cellKind = iota // a number shown as a number (or empty)
	kindText                    // text: typed, pasted, or a formula's text result
	kindPercent                 // a number shown as a percentage: 0.125 shows 12,5 %
	kindDate                    // a number or ODS date shown as a date or time
	kindBool                    // TRUE/FALSE (WAHR/FALSCH)
	kindError                   // an error value such as #DIV/0!
)

// cell is one cell as read: its stored value in a stable form (numbers as
// Go prints them, dates as an Excel serial or an ISO date, text as typed)
// and how the program shows it.
type cell struct {
	value string
	kind  cellKind
}

// source is an open workbook in one of the formats strategists save:
// Excel's .xlsx (through excelize) or LibreOffice's .ods (read here). The
// reader above it sees sheets of cells and never the format.
type source interface {
	sheetList() []string
	// rows calls visit for every row of the sheet that holds a cell, in
	// order, with its 1-based number and cells (column 1 first); it stops
	// at the first error visit returns and returns it.
	rows(sheet string, visit func(n int, cells []cell) error) error
	// formula is the formula of a cell ("" if none), asked only for empty
	// cells, where a formula without a stored result would go unnoticed.
	formula(sheet string, row, col int) string
	close()
}

// xlsxSource reads an .xlsx with excelize, raw values only (formatting
// every value costs seven times as long); what each cell shows comes from
// the package check, which read the styles and every cell's type already.
type xlsxSource struct {
	f       *excelize.File
	pkg     packageInfo
	opts    excelize.Options
	cleanup func()
}

func openXLSX(path string, pkg packageInfo) (*xlsxSource, error) {
	f, opts, cleanup, err := openExcelize(path)
	if err != nil {
		return nil, err
	}
	return &xlsxSource{f: f, pkg: pkg, opts: opts, cleanup: cleanup}, nil
}

// openExcelize opens an .xlsx with excelize, within the reader's limits,
// in a temporary folder of its own: excelize writes a sheet or the shared
// strings larger than unzipXMLSizeLimit to a temporary file, and a failed
// open returns no File whose Close would remove them. cleanup closes the
// File and removes the folder; after an error it has already run.
func openExcelize(path string) (*excelize.File, excelize.Options, func(), error) {
	opts := excelize.Options{
		RawCellValue:      true,
		UnzipSizeLimit:    unzipSizeLimit,
		UnzipXMLSizeLimit: unzipXMLSizeLimit,
	}
	tmp, err := os.MkdirTemp("", "generator-xlsx-")
	if err != nil {
		return nil, opts, nil, err
	}
	opts.TmpDir = tmp
	f, err := excelize.OpenFile(path, opts)
	cleanup := func() {
		if f != nil {
			_ = f.Close()
		}
		_ = os.RemoveAll(tmp)
	}
	if err != nil {
		cleanup()
		return nil, opts, nil, err
	}
	return f, opts, cleanup, nil
}

func (s *xlsxSource) sheetList() []string { return s.f.GetSheetList() }

func (s *xlsxSource) close() { s.cleanup() }

func (s *xlsxSource) rows(sheet string, visit func(int, []cell) error) error {
	rows, err := s.f.Rows(sheet)
	if err != nil {
		return err
	}
	defer rows.Close()
	kinds := s.pkg.kindsOf(sheet)
	for n := 1; rows.Next(); n++ {
		values, err := rows.Columns(s.opts)
		if err != nil {
			return err
		}
		if len(values) == 0 {
			continue
		}
		cells := make([]cell, len(values))
		for i, v := range values {
			cells[i] = cell{value: v, kind: kinds[cellAt{n, i + 1}]}
		}
		if err := visit(n, cells); err != nil {
			return err
		}
	}
	return rows.Error()
}

func (s *xlsxSource) formula(sheet string, row, col int) string {
	// Asking excelize for a formula loads the whole sheet a second time;
	// a sheet the package check saw no formula in has none to ask for.
	if !s.pkg.formulas[sheet] && !s.pkg.formulas[""] {
		return ""
	}
	name, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return ""
	}
	f, err := s.f.GetCellFormula(sheet, name)
	if err != nil {
		return ""
	}
	return f
}

// cellAt is a cell's 1-based row and column.
type cellAt struct{ row, col int }

// numberFormat says how a number format code shows a number: as a
// percentage (a % outside quoted text, escapes and [brackets]), as a date
// or time, or as a plain number.
func numberFormat(id int, code string) cellKind {
	switch {
	case id == 9 || id == 10:
		return kindPercent
	case isDateFormat(id, code):
		return kindDate
	}
	if strings.Contains(formatTokens(code), "%") {
		return kindPercent
	}
	return kindNumber
}

// formatTokens is a custom number format code without its literal parts:
// quoted text, escaped characters, padding and [bracketed] modifiers such
// as [$-407] or [Red].
func formatTokens(code string) string {
	var b strings.Builder
	quoted, bracket := false, false
	for i := 0; i < len(code); i++ {
		ch := code[i]
		switch {
		case quoted:
			quoted = ch != '"'
		case bracket:
			bracket = ch != ']'
		case ch == '"':
			quoted = true
		case ch == '[':
			bracket = true
		case ch == '\\' || ch == '_' || ch == '*':
			i++ // the next character is literal or padding
		default:
			b.WriteByte(ch)
		}
	}
	return b.String()
}
