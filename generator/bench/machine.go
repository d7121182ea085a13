package bench

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
	"strings"
)

// Machine describes the computer the numbers were measured on, in lang:
// CPU model and count, memory, operating system and Go version (what
// Linux's /proc says; less elsewhere).
func Machine(lang string) string {
	w := text(lang)
	cpu, mem := "", ""
	if f, err := os.Open("/proc/cpuinfo"); err == nil {
		s := bufio.NewScanner(f)
		for s.Scan() {
			if k, v, ok := strings.Cut(s.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
				cpu = strings.TrimSpace(v)
				break
			}
		}
		f.Close()
	}
	if f, err := os.Open("/proc/meminfo"); err == nil {
		s := bufio.NewScanner(f)
		for s.Scan() {
			var kb int64
			if _, err := fmt.Sscanf(s.Text(), "MemTotal: %d kB", &kb); err == nil {
				mem = fmt.Sprintf(w.memory, w.decimal(float64(kb)/(1<<20), 1))
				break
			}
		}
		f.Close()
	}
	if cpu == "" {
		cpu = w.unknownCPU
	}
	return fmt.Sprintf(w.machine, cpu, runtime.NumCPU(), runtime.GOMAXPROCS(0), mem,
		runtime.GOOS, runtime.GOARCH, runtime.Version())
}
