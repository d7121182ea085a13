//go:build unix

package bench

import (
	"os"
	"runtime"
	"syscall"
)

// peakRSS is a finished child's peak resident set size in bytes.
func peakRSS(ps *os.ProcessState) int64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0
	}
	// Linux and the BSDs count kilobytes, macOS bytes.
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		return int64(ru.Maxrss)
	}
	return int64(ru.Maxrss) * 1024
}
