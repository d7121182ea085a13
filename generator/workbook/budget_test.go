//go:build unix

package workbook

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/digitale-staedte/benchmark/generator/problem"
	"github.com/digitale-staedte/benchmark/generator/workbook/badfiles"
)

// The budget a bad file may cost the reader, as SECURITY.md states it: the
// peak resident memory of a process that reads the data folder (the Go
// runtime and this test binary included, about 30 MB) and the processor
// time it takes. A file that would block the reader (a pipe) is caught by
// the wall-clock limit.
const (
	budgetMemory = 256 << 20
	budgetCPU    = 10 * time.Second
	budgetWall   = 60 * time.Second // a hang; generous for a shared machine
)

// childDir names, in a child process of TestBadFilesWithinBudget, the data
// folder that TestReadInChild reads.
const childDir = "GENERATOR_TEST_READ_DIR"

// TestReadInChild is the child's part of TestBadFilesWithinBudget: it reads
// the data folder named in its environment and prints the problems' codes
// as JSON. Without that variable it does nothing.
func TestReadInChild(t *testing.T) {
	dir := os.Getenv(childDir)
	if dir == "" {
		t.Skip("runs as a child of TestBadFilesWithinBudget")
	}
	_, probs := ReadDataset(dir)
	var codes []problem.Code
	for _, p := range probs {
		if p.Severity == problem.Error {
			codes = append(codes, p.Code)
		}
	}
	b, _ := json.Marshal(codes)
	fmt.Printf("\nCODES %s\n", b)
	// The kernel's peak for this process alone: the rusage the parent
	// gets also counts the parent's own peak, which a child started by
	// exec inherits on Linux.
	if status, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(status), "\n") {
			if kb, ok := strings.CutPrefix(line, "VmHWM:"); ok {
				fmt.Printf("PEAK %s\n", strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(kb), "kB")))
			}
		}
	}
}

// TestBadFilesWithinBudget reads every case of the hostile corpus in a
// child process, as a build would read it, and holds it to the budget:
// peak memory, processor time, and no hang. Each case must give an error,
// except those only validation catches and those read harmlessly
// (badfiles.Case.Accepted). The figures are logged (go test -v -run
// WithinBudget).
func TestBadFilesWithinBudget(t *testing.T) {
	if os.Getenv(childDir) != "" {
		t.Skip("in the child")
	}
	for _, c := range badfiles.Cases() {
		t.Run(c.Name, func(t *testing.T) {
			if c.Heavy && testing.Short() {
				t.Skip("heavy case")
			}
			// Each case is a process of its own, held to its own processor
			// time and peak memory: cases side by side do not change them.
			t.Parallel()
			dir := t.TempDir()
			c.Write(t, dir)
			m, codes := readInChild(t, dir)
			t.Logf("%s: peak memory %d MB, CPU %v, wall %v, errors %s", c.Name, m.peak>>20, m.cpu.Round(time.Millisecond), m.wall.Round(time.Millisecond), count(codes))
			if m.peak > budgetMemory {
				t.Errorf("peak memory %d MB; the budget is %d MB", m.peak>>20, budgetMemory>>20)
			}
			if m.cpu > budgetCPU {
				t.Errorf("%v of processor time; the budget is %v", m.cpu, budgetCPU)
			}
			if got := len(codes) > 0; got == (validatedLater[c.Name] || c.Accepted) {
				t.Errorf("reader errors %v; want %v", codes, !got)
			}
		})
	}
}

// count summarises codes: each once, in order, with its number.
func count(codes []problem.Code) string {
	n := map[problem.Code]int{}
	var order []string
	for _, c := range codes {
		if n[c]++; n[c] == 1 {
			order = append(order, string(c))
		}
	}
	for i, c := range order {
		if k := n[problem.Code(c)]; k > 1 {
			order[i] = fmt.Sprintf("%s ×%d", c, k)
		}
	}
	return "[" + strings.Join(order, ", ") + "]"
}

type usage struct {
	peak      int64
	cpu, wall time.Duration
}

// readInChild runs TestReadInChild on dir in a new process of this test
// binary and returns what it cost and the codes of its errors.
func readInChild(t *testing.T, dir string) (usage, []problem.Code) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), budgetWall)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestReadInChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), childDir+"="+dir, "GOMAXPROCS="+fmt.Sprint(runtime.GOMAXPROCS(0)))
	start := time.Now()
	out, err := cmd.Output()
	wall := time.Since(start)
	if ctx.Err() != nil {
		t.Fatalf("the read did not end within %v: it hangs", budgetWall)
	}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		t.Fatalf("the child failed: %v\n%s\n%s", err, out, exit.Stderr)
	} else if err != nil {
		t.Fatal(err)
	}
	ps := cmd.ProcessState
	m := usage{cpu: ps.UserTime() + ps.SystemTime(), wall: wall}
	if i := bytes.LastIndex(out, []byte("\nPEAK ")); i >= 0 {
		line, _, _ := bytes.Cut(out[i+len("\nPEAK "):], []byte("\n"))
		if kb, err := strconv.ParseInt(string(line), 10, 64); err == nil {
			m.peak = kb << 10
		}
	} else if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		m.peak = int64(ru.Maxrss) // kilobytes on Linux and the BSDs, bytes on macOS
		if runtime.GOOS != "darwin" && runtime.GOOS != "ios" {
			m.peak *= 1024
		}
	}
	var codes []problem.Code
	i := bytes.LastIndex(out, []byte("\nCODES "))
	line, _, _ := bytes.Cut(out[max(i, 0)+len("\nCODES "):], []byte("\n"))
	if i < 0 || json.Unmarshal(line, &codes) != nil {
		t.Fatalf("the child printed no codes:\n%s", out)
	}
	return m, codes
}
