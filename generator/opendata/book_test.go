package opendata

import (
	"slices"
	"strings"
	"testing"
)

// TestBookLeavesOutLargeTables: a table with more rows than Meta.MaxRows
// is no sheet; the README says where it is instead.
func TestBookLeavesOutLargeTables(t *testing.T) {
	tables := []Table{
		{Name: "short", Fields: []Field{{Name: "a"}}, Rows: [][]Value{{1}, {2}}},
		{Name: "long", Fields: []Field{{Name: "a"}}, Rows: [][]Value{{1}, {2}, {3}}},
	}
	b := book(Meta{MaxRows: 2}, tables)
	if len(b.Sheets) != 1 || b.Sheets[0].Name != "short" || len(slices.Collect(b.Sheets[0].Rows)) != 2 {
		t.Fatalf("sheets %+v; want only short with its 2 rows", b.Sheets)
	}
	var long []string
	for _, r := range b.Readme {
		if len(r) > 0 && r[0] == "long" {
			long = r
		}
	}
	if long == nil || !strings.Contains(long[len(long)-1], "not here, more than 2 rows: as CSV, Parquet and JSON per partner") {
		t.Errorf("README row of the long table: %q; want it to say where the table is", long)
	}
}

// TestLargeFromMaxRows: a table is large above Meta.MaxRows, which is
// EveryFormatRows unless set and never above a worksheet's MaxSheetRows.
func TestLargeFromMaxRows(t *testing.T) {
	for _, tt := range []struct{ set, want int }{
		{0, EveryFormatRows},
		{-1, EveryFormatRows},
		{2, 2},
		{MaxSheetRows, MaxSheetRows},
		{MaxSheetRows + 1, MaxSheetRows},
		{1 << 30, MaxSheetRows},
	} {
		if got := (Meta{MaxRows: tt.set}).maxRows(); got != tt.want {
			t.Errorf("MaxRows %d: at most %d rows in every format, want %d", tt.set, got, tt.want)
		}
	}
	m := Meta{MaxRows: 2}
	for rows, want := range []bool{false, false, false, true} {
		tab := Table{Name: "t", Rows: make([][]Value, rows)}
		if m.large(tab) != want || m.Large([]Table{{Name: "s"}, tab}) != want {
			t.Errorf("%d rows with MaxRows 2: large %v, Large %v; want %v", rows, m.large(tab), m.Large([]Table{tab}), want)
		}
	}
}
