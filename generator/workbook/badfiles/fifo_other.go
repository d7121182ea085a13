//go:build !unix

package badfiles

import "testing"

func fifoCity(t testing.TB, dir string) { t.Skip("no named pipes here") }
