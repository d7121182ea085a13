package opendata

import (
	"slices"
	"strings"
	"testing"
)

// TestBookLeavesOutTablesTooLongForASheet: a table with more rows than a
// worksheet holds is no sheet; the README says where it is instead.
func TestBookLeavesOutTablesTooLongForASheet(t *testing.T) {
	tables := []Table{
		{Name: "short", Fields: []Field{{Name: "a"}}, Rows: [][]Value{{1}, {2}}},
		{Name: "long", Fields: []Field{{Name: "a"}}, Rows: [][]Value{{1}, {2}, {3}}},
	}
	b := book(Meta{}, tables, 2)
	if len(b.Sheets) != 1 || b.Sheets[0].Name != "short" || len(slices.Collect(b.Sheets[0].Rows)) != 2 {
		t.Fatalf("sheets %+v; want only short with its 2 rows", b.Sheets)
	}
	var long []string
	for _, r := range b.Readme {
		if len(r) > 0 && r[0] == "long" {
			long = r
		}
	}
	if long == nil || !strings.Contains(long[len(long)-1], "not here, too many rows for a sheet: as CSV, JSON per partner and Parquet") {
		t.Errorf("README row of the long table: %q; want it to say where the table is", long)
	}
}
