package workbook

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/digitale-staedte/benchmark/generator/model"
)

// Change is one cell that differs between two workbooks. Old is nil for a
// cell added, New for a cell removed.
type Change struct {
	Sheet    string
	Row, Col int
	Old, New *Cell
}

// Diff compares two workbooks' cells (as ReadCells gives them): sheets in
// the new workbook's order, then sheets only the old one has; cells in
// row-major order within each sheet.
func Diff(old, new []Cell) []Change {
	type key struct {
		sheet    string
		row, col int
	}
	var order []string
	seen := map[string]bool{}
	bySheet := map[string][]key{}
	oldCells, newCells := map[key]*Cell{}, map[key]*Cell{}
	add := func(cells []Cell, dst map[key]*Cell) {
		for i := range cells {
			c := &cells[i]
			k := key{c.Sheet, c.Row, c.Col}
			if !seen[c.Sheet] {
				seen[c.Sheet] = true
				order = append(order, c.Sheet)
			}
			if _, dup := oldCells[k]; !dup {
				if _, dup := newCells[k]; !dup {
					bySheet[c.Sheet] = append(bySheet[c.Sheet], k)
				}
			}
			dst[k] = c
		}
	}
	add(new, newCells)
	add(old, oldCells)
	var out []Change
	for _, sheet := range order {
		keys := bySheet[sheet]
		slices.SortFunc(keys, func(a, b key) int { return cmp.Or(cmp.Compare(a.row, b.row), cmp.Compare(a.col, b.col)) })
		for _, k := range keys {
			o, n := oldCells[k], newCells[k]
			if o != nil && n != nil && o.Value == n.Value && o.Formula == n.Formula {
				continue
			}
			out = append(out, Change{Sheet: k.sheet, Row: k.row, Col: k.col, Old: o, New: n})
		}
	}
	return out
}

// DiffText prints the changes grouped by sheet, one line per cell:
//
//	Kennzahlen!C7	12 → 13
//	Kennzahlen!D9	+ "Amt für Statistik"
//	Kennzahlen!E2	- 5
//
// with an empty line between sheets. A formula follows its value after
// " =", so a changed formula with the same result still shows.
func DiffText(changes []Change) string {
	var b strings.Builder
	show := func(c *Cell) string {
		if c.Formula == "" || c.Value == "" {
			return c.Show()
		}
		return c.Value + " =" + c.Formula
	}
	for i, ch := range changes {
		if i > 0 && ch.Sheet != changes[i-1].Sheet {
			b.WriteByte('\n')
		}
		b.WriteString(ch.Sheet + "!" + model.ColumnName(ch.Col) + strconv.Itoa(ch.Row) + "\t")
		switch {
		case ch.Old == nil:
			b.WriteString("+ " + show(ch.New))
		case ch.New == nil:
			b.WriteString("- " + show(ch.Old))
		default:
			b.WriteString(show(ch.Old) + " → " + show(ch.New))
		}
		b.WriteByte('\n')
	}
	return b.String()
}
