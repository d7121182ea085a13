package workbook

import (
	"fmt"
	"io"
	"iter"
	"slices"

	"github.com/xuri/excelize/v2"
)

// ExportSheet is one table of the open-data workbook: a header row and
// rows of nil, string, float64, int or bool, held (Rows) or yielded one
// at a time (Stream, used when set; the writer keeps no row it is given).
type ExportSheet struct {
	Name   string
	Header []string
	Rows   [][]any
	Stream iter.Seq[[]any]
}

// excelRows is Excel's row limit; a longer table continues on sheets
// named name_2, name_3, … so that nothing is cut off.
const excelRows = 1 << 20

// WriteExport writes the open-data workbook: a README sheet first, then
// one sheet per table with a bold, frozen header. Texts are written as
// text (never as formulas); the caller has already neutralised them for
// programs that re-export to CSV.
func WriteExport(readme [][]string, sheets []ExportSheet) ([]byte, error) {
	return writeExport(readme, sheets, excelRows)
}

// WriteSheets writes a workbook of the given sheets only, each with a
// bold, frozen header row: for generated data sets (generator synth).
func WriteSheets(sheets []ExportSheet) ([]byte, error) {
	return writeExport(nil, sheets, excelRows)
}

// writeExport puts at most maxRows rows (header included) on a sheet; a
// nil readme writes no README sheet.
func writeExport(readme [][]string, sheets []ExportSheet, maxRows int) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	first := "README"
	if readme == nil && len(sheets) > 0 {
		first = sheets[0].Name
	}
	if err := f.SetSheetName("Sheet1", first); err != nil {
		return nil, err
	}
	for r, row := range readme {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellStr(first, cell, v); err != nil {
				return nil, err
			}
		}
	}
	if readme != nil {
		if err := f.SetColWidth(first, "A", "D", 28); err != nil {
			return nil, err
		}
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, err
	}
	for _, s := range sheets {
		if err := writeExportSheets(f, s, maxRows-1, bold); err != nil { // the header takes one row
			return nil, err
		}
	}
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return newParallelZip(w) })
	b, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// writeExportSheets writes s onto as many sheets as its rows need, at
// most perSheet rows each: name, name_2, name_3, …
func writeExportSheets(f *excelize.File, s ExportSheet, perSheet int, bold int) error {
	rows := s.Stream
	if rows == nil {
		rows = slices.Values(s.Rows)
	}
	var sw *excelize.StreamWriter
	name := s.Name
	part, n := 0, 0
	next := func() error {
		if sw != nil {
			if err := sw.Flush(); err != nil {
				return fmt.Errorf("sheet %s: %w", name, err)
			}
		}
		part, n = part+1, 0
		if part > 1 {
			name = fmt.Sprintf("%s_%d", s.Name, part)
		}
		var err error
		if sw, err = startExportSheet(f, name, s.Header, bold); err != nil {
			return fmt.Errorf("sheet %s: %w", name, err)
		}
		return nil
	}
	if err := next(); err != nil {
		return err
	}
	for row := range rows {
		if n == perSheet {
			if err := next(); err != nil {
				return err
			}
		}
		n++
		cell, _ := excelize.CoordinatesToCellName(1, n+1)
		if err := sw.SetRow(cell, row); err != nil {
			return fmt.Errorf("sheet %s: %w", name, err)
		}
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("sheet %s: %w", name, err)
	}
	return nil
}

// startExportSheet adds a sheet with a bold, frozen header row and
// returns its stream writer.
func startExportSheet(f *excelize.File, name string, header []string, bold int) (*excelize.StreamWriter, error) {
	if idx, _ := f.GetSheetIndex(name); idx < 0 {
		if _, err := f.NewSheet(name); err != nil {
			return nil, err
		}
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	head := make([]any, len(header))
	for i, h := range header {
		head[i] = excelize.Cell{Value: h, StyleID: bold}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return nil, err
	}
	return sw, nil
}
