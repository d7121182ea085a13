// Package workbook is the only code that knows spreadsheets. It reads the
// framework (data/framework.xlsx) and the partners' workbooks
// (data/partners/<slug>.xlsx, or LibreOffice's .ods) into model values that
// keep their file, sheet and cell, and it writes the workbooks people fill
// in (templates) and download (the open-data export).
//
// Reading takes workbooks as people type them: sheet and column names in
// German or English, columns in any order, blank rows skipped, numbers as
// numbers, formula results or German text ("1.234,5", "12,5 %"). What a
// cell shows is what counts. Every problem is collected with its position
// (problem.List), none stops the reading. Files are checked before
// excelize sees them, and unpacked within limits (package.go, sheet.go,
// zipdir.go), so that a broken or hostile file is a problem, not a crash
// or an exhausted machine.
//
// A template is a workbook a strategist fills in: the same sheets and
// columns the reader looks for (the headers come from the reader's own
// column specs, so the two cannot drift apart), an instructions sheet in
// German and English, drop-down lists from a hidden lists sheet, input
// messages, frozen header rows and one example row per sheet.
//
// The example row is a valid row whose source says "Beispielwert": if a
// strategist keeps it, it is read like any other row and the site marks its
// values as illustrative, as it does for all sample data. It is shown in
// yellow italics, and the instructions say to replace or delete it.
//
// ReadCells, Diff and DiffText give a workbook as text, one line per cell,
// for "generator textconv" and "generator diff".
package workbook
