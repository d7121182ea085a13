package cli_test

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/cli"
)

// TestDiffExitCodes: diff exits like diff(1), so scripts can test it.
func TestDiffExitCodes(t *testing.T) {
	dir := "../workbook/testdata/secondwriter"
	city, edited := filepath.Join(dir, "city.xlsx"), filepath.Join(dir, "city-edited.xlsx")
	ods := "../workbook/testdata/libreoffice/cells.ods"
	tests := []struct {
		args []string
		want int
	}{
		{[]string{"diff", city, city}, cli.ExitOK},
		{[]string{"diff", city, edited}, 1},
		{[]string{"diff", city, filepath.Join(t.TempDir(), "missing.xlsx")}, cli.ExitFailure},
		{[]string{"textconv", city}, cli.ExitOK},
		{[]string{"textconv", filepath.Join(t.TempDir(), "missing.xlsx")}, cli.ExitFailure},
		{[]string{"diff", ods, ods}, cli.ExitOK},
		{[]string{"diff", city, ods}, 1},
		{[]string{"textconv", ods}, cli.ExitOK},
	}
	for _, tt := range tests {
		var out, errOut bytes.Buffer
		if got := cli.Run(tt.args, &out, &errOut, func(string) string { return "" }); got != tt.want {
			t.Errorf("generator %v: exit %d; want %d\n%s", tt.args, got, tt.want, errOut.String())
		}
	}
}
