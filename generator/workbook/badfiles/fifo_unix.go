//go:build unix

package badfiles

import (
	"syscall"
	"testing"

	wt "github.com/digitale-staedte/benchmark/generator/workbook/workbooktest"
)

// fifoCity puts a named pipe in place of a city workbook: opening it for
// reading blocks until someone writes, which no one does.
func fifoCity(t testing.TB, dir string) {
	wt.Dataset(t, dir)
	remove(t, City(dir))
	if err := syscall.Mkfifo(City(dir), 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
}
