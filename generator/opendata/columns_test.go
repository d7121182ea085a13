package opendata

import (
	"reflect"
	"slices"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/model"
)

// TestColumns: a table declared as columns has their fields in order and
// a row per record its source yields, the same whether built whole or
// streamed, and a streamed table's Len counts what its filter lets through.
func TestColumns(t *testing.T) {
	cols := []column[int]{
		{Field{"n", Integer, "", ""}, func(n int) Value { return n }},
		{Field{"square", Integer, "", ""}, func(n int) Value { return n * n }},
		{Field{"even", Boolean, "", ""}, func(n int) Value { return n%2 == 0 }},
	}
	// odd yields the odd numbers of 1…upTo.
	odd := func(upTo int) func(func(int) bool) {
		return func(yield func(int) bool) {
			for n := 1; n <= upTo; n++ {
				if n%2 == 1 && !yield(n) {
					return
				}
			}
		}
	}
	tests := []struct {
		upTo int
		want [][]Value
	}{
		{0, nil},
		{1, [][]Value{{1, 1, false}}},
		{6, [][]Value{{1, 1, false}, {3, 9, false}, {5, 25, false}}},
	}
	wantFields := []Field{{"n", Integer, "", ""}, {"square", Integer, "", ""}, {"even", Boolean, "", ""}}
	for _, tt := range tests {
		for _, tab := range []Table{built(Table{Name: "b"}, cols, odd(tt.upTo)), streamed(Table{Name: "s"}, cols, odd(tt.upTo))} {
			if !reflect.DeepEqual(tab.Fields, wantFields) {
				t.Errorf("%s: fields %v, want %v", tab.Name, tab.Fields, wantFields)
			}
			var got [][]Value
			for row := range tab.All() {
				got = append(got, slices.Clone(row))
			}
			if !reflect.DeepEqual(got, tt.want) || tab.Len() != len(tt.want) {
				t.Errorf("%s, odd numbers to %d: rows %v (Len %d), want %v", tab.Name, tt.upTo, got, tab.Len(), tt.want)
			}
		}
	}
}

// TestLevelsTable: a level's number is its position in the sheet.
func TestLevelsTable(t *testing.T) {
	fw := model.Framework{Levels: []model.Level{{Min: 0, Name: model.Text{De: "Einstieg", En: "Entry"}}, {Min: 50, Name: model.Text{De: "Fortgeschritten", En: "Advanced"}}}}
	tab := levelsTable(fw, scoring{scale: "points (0–100)"})
	want := [][]Value{{0, 0.0, "Einstieg", "Entry", cell(model.Pos{})}, {1, 50.0, "Fortgeschritten", "Advanced", cell(model.Pos{})}}
	if !reflect.DeepEqual(tab.Rows, want) {
		t.Errorf("levels rows %v, want %v", tab.Rows, want)
	}
	if tab.Fields[1].Unit != "points (0–100)" {
		t.Errorf("min's unit %q", tab.Fields[1].Unit)
	}
}
