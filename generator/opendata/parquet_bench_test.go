package opendata

import (
	"bufio"
	"fmt"
	"io"
	"testing"
)

// BenchmarkParquet writes a table shaped like kpi_values (100 cities, 50
// indicators, 10 years: 50,000 rows) as Parquet, and as CSV to compare.
func BenchmarkParquet(b *testing.B) {
	tab := Table{Name: "kpi_values", Fields: []Field{{Name: "city", Type: String}, {Name: "indicator", Type: String},
		{Name: "year", Type: Integer}, {Name: "value", Type: Number}, {Name: "source", Type: String}, {Name: "note", Type: String},
		{Name: "illustrative", Type: Boolean}, {Name: originField, Type: String}}}
	for c := range 100 {
		for k := range 50 {
			for y := range 10 {
				tab.Rows = append(tab.Rows, []Value{fmt.Sprintf("city-%d", c), fmt.Sprintf("I%02d", k), 2015 + y,
					float64(c*k+y) / 7, "Statistisches Landesamt", "", false, fmt.Sprintf("city-%d.xlsx: Kennzahlen!%c%d", c, 'C'+y, k+2)})
			}
		}
	}
	b.Run("parquet", func(b *testing.B) {
		for b.Loop() {
			w := bufio.NewWriter(io.Discard)
			if err := writeParquet(w, tab); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("csv", func(b *testing.B) {
		for b.Loop() {
			writeCSV(bufio.NewWriter(io.Discard), tab, ',', false)
		}
	})
}
