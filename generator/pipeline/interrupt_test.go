//go:build unix

package pipeline_test

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/digitale-staedte/benchmark/generator/pipeline"
	wt "github.com/digitale-staedte/benchmark/generator/workbook/workbooktest"
)

// The child process's orders: a data folder and an output folder.
const (
	interruptDataEnv = "PIPELINE_TEST_CHILD_DATA"
	interruptOutEnv  = "PIPELINE_TEST_CHILD_OUT"
)

// TestInterruptChild is not a test of its own: it is the build that the
// tests below run as a separate process (this test binary, re-executed), to
// kill it or to race it. Like `generator build`, it installs no signal
// handler, so SIGINT ends it as abruptly as SIGKILL.
func TestInterruptChild(t *testing.T) {
	data, out := os.Getenv(interruptDataEnv), os.Getenv(interruptOutEnv)
	if data == "" || out == "" {
		t.Skip("the child build of the interruption tests; runs only when they start it")
	}
	var stderr bytes.Buffer
	if _, err := pipeline.Build(pipeline.Options{DataDir: data, SiteDir: repoSite, OutDir: out,
		Stdout: io.Discard, Stderr: &stderr}); err != nil {
		t.Fatalf("child build: %v\n%s", err, stderr.String())
	}
}

// interruptChild starts a build of data into out in a separate process.
func interruptChild(t *testing.T, data, out string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestInterruptChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), interruptDataEnv+"="+data, interruptOutEnv+"="+out)
	var output bytes.Buffer
	cmd.Stdout, cmd.Stderr = &output, &output
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd
}

// interruptHashes is every file below dir by its path relative to dir,
// with its SHA-256, and every folder (as an empty hash).
func interruptHashes(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	m := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil || d.IsDir() {
			m[rel+"/"] = [32]byte{}
			return err
		}
		b, err := os.ReadFile(p)
		m[rel] = sha256.Sum256(b)
		return err
	})
	if err != nil {
		t.Fatalf("reading the site: %v", err)
	}
	return m
}

// interruptDiff describes how two trees differ, briefly.
func interruptDiff(a, b map[string][32]byte) string {
	var diff []string
	for k, v := range a {
		if w, ok := b[k]; !ok {
			diff = append(diff, "only before: "+k)
		} else if w != v {
			diff = append(diff, "changed: "+k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			diff = append(diff, "only after: "+k)
		}
	}
	slices.Sort(diff)
	if len(diff) > 10 {
		diff = append(diff[:10], fmt.Sprintf("… %d more", len(diff)-10))
	}
	return strings.Join(diff, "\n")
}

func interruptSame(a, b map[string][32]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func entryNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// TestInterruptedBuildLeavesSiteIntact stops a build of the sample data
// with SIGINT or SIGKILL at moments spread over its measured duration:
// early, midway and near the end. Each time the output folder holds, byte
// for byte, either the last good site (a small data set built before) or, had the build
// finished, the whole new one; never a mixture or nothing. The work folders
// and the lock the killed builds leave behind are harmless: the next build
// takes the lock over, removes them, and succeeds.
func TestInterruptedBuildLeavesSiteIntact(t *testing.T) {
	if testing.Short() {
		t.Skip("seven real builds")
	}
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	small := wt.Dataset(t, t.TempDir())
	if res, err := build(t, small, out, ""); err != nil {
		t.Fatalf("the last good build: %v\n%s", err, res.Problems.Text("en"))
	}
	old := interruptHashes(t, out)

	// How long a whole build of the sample data takes, as a process.
	reference := filepath.Join(t.TempDir(), "public")
	start := time.Now()
	if cmd := interruptChild(t, repoData, reference); cmd.Wait() != nil {
		t.Fatalf("the reference build failed:\n%s", cmd.Stdout)
	}
	took := time.Since(start)
	whole := interruptHashes(t, reference)
	t.Logf("a build of the sample data takes %v as a process", took.Round(time.Millisecond))
	if interruptSame(old, whole) {
		t.Fatal("the two data sets give the same site; the test could not tell them apart")
	}

	// Early (reading), middle (Hugo rendering into the work folder) and
	// late (the swap into place), each once: Ctrl-C where a person would
	// press it, a kill where only a crash would stop the build.
	stops := []struct {
		sig syscall.Signal
		at  float64
	}{{syscall.SIGINT, 0.2}, {syscall.SIGKILL, 0.55}, {syscall.SIGINT, 0.9}, {syscall.SIGKILL, 0.9}}
	for _, stop := range stops {
		sig, at := stop.sig, stop.at
		t.Run(fmt.Sprintf("%s at %.0f%%", sig, at*100), func(t *testing.T) {
			cmd := interruptChild(t, repoData, out)
			time.Sleep(time.Duration(at * float64(took)))
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			_ = cmd.Wait()
			ws := cmd.ProcessState.Sys().(syscall.WaitStatus)
			if !ws.Signaled() {
				t.Logf("the build ended before the signal (exit %d)", ws.ExitStatus())
			}
			switch got := interruptHashes(t, out); {
			case interruptSame(got, old):
			case interruptSame(got, whole):
				t.Log("the build had finished: the output is the whole new site")
			default:
				t.Errorf("the output is neither the last good site nor the new one:\nagainst the last good site:\n%s",
					interruptDiff(old, got))
			}
			t.Logf("beside the output: %q", entryNames(t, parent))
		})
	}

	// The next build takes the dead builds' lock over and clears their
	// work folders.
	if res, err := build(t, repoData, out, ""); err != nil {
		t.Fatalf("the build after the killed ones: %v\n%s", err, res.Problems.Text("en"))
	}
	if got := interruptHashes(t, out); !interruptSame(got, whole) {
		t.Errorf("the build after the killed ones differs from the reference build:\n%s", interruptDiff(whole, got))
	}
	if names := entryNames(t, parent); !slices.Equal(names, []string{"public"}) {
		t.Errorf("beside the output after a good build: %q, want only public", names)
	}
}

// TestConcurrentBuildIsRefused: while one process builds into a folder, a
// second build into it fails with ErrBusy naming the first one's PID, and
// changes nothing; the first finishes undisturbed.
func TestConcurrentBuildIsRefused(t *testing.T) {
	if testing.Short() {
		t.Skip("real builds")
	}
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	other := wt.Dataset(t, t.TempDir())
	cmd := interruptChild(t, repoData, out)
	deadline := time.Now().Add(2 * time.Minute)
	for {
		if _, err := os.Stat(out + ".lock"); err == nil {
			break
		}
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			t.Fatal("the child build took no lock within two minutes")
		}
		time.Sleep(time.Millisecond)
	}
	// Stopped, the first build holds the lock for as long as the second
	// needs, however slow the machine.
	if err := cmd.Process.Signal(syscall.SIGSTOP); err != nil {
		t.Fatal(err)
	}
	_, err := build(t, other, out, "")
	if err := cmd.Process.Signal(syscall.SIGCONT); err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("is being built by another process (PID %d;", cmd.Process.Pid)
	if !errors.Is(err, pipeline.ErrBusy) || !strings.Contains(err.Error(), want) {
		t.Errorf("second build: %v; want ErrBusy with %q", err, want)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("the first build: %v\n%s", err, cmd.Stdout)
	}
	if _, err := os.Stat(filepath.Join(out, "partner", "augsburg", "index.html")); err != nil {
		t.Errorf("the first build's site is not whole: %v", err)
	}
	if names := entryNames(t, parent); !slices.Equal(names, []string{"public"}) {
		t.Errorf("beside the output: %q, want only public", names)
	}
}

// deadPID is the PID of a process that has ended.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}

// TestBuildLock covers the lock's decisions without a whole build: the
// site folder given has no node_modules, so a build that gets the lock
// stops right after it (and after cleaning up) with an error of its own.
func TestBuildLock(t *testing.T) {
	data := wt.Dataset(t, t.TempDir())
	host, _ := os.Hostname()
	noModules := t.TempDir()
	try := func(out string) error {
		_, err := pipeline.Build(pipeline.Options{DataDir: data, SiteDir: noModules, OutDir: out,
			Stdout: io.Discard, Stderr: io.Discard})
		return err
	}
	write := func(path, content string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	for _, tc := range []struct {
		name, lock string
		age        time.Duration
		busy       bool
	}{
		{"held by this very process", fmt.Sprintf("%d %s\n", os.Getpid(), host), 0, true},
		{"held by a process on another computer", "1 elsewhere.example\n", 0, true},
		{"just created, owner not yet written", "", 0, true},
		{"of a process that has ended", fmt.Sprintf("%d %s\n", deadPID(t), host), 0, false},
		{"empty and a minute old", "", 2 * time.Minute, false},
		{"unreadable and a minute old", "garbage", 2 * time.Minute, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			write(out+".lock", tc.lock)
			if tc.age > 0 {
				old := time.Now().Add(-tc.age)
				if err := os.Chtimes(out+".lock", old, old); err != nil {
					t.Fatal(err)
				}
			}
			err := try(out)
			if got := errors.Is(err, pipeline.ErrBusy); got != tc.busy {
				t.Fatalf("busy = %v (%v), want %v", got, err, tc.busy)
			}
			lock, statErr := os.ReadFile(out + ".lock")
			switch {
			case tc.busy && (statErr != nil || string(lock) != tc.lock):
				t.Errorf("a refused build changed the lock: %q, %v", lock, statErr)
			case !tc.busy && !strings.Contains(err.Error(), "npm ci"):
				t.Errorf("taken over, the build should have stopped at the missing map outline: %v", err)
			case !tc.busy && !errors.Is(statErr, os.ErrNotExist):
				t.Errorf("the lock stayed after the build: %q, %v", lock, statErr)
			}
		})
	}

	t.Run("a killed build's leftovers are cleared, others' are not", func(t *testing.T) {
		parent := t.TempDir()
		out := filepath.Join(parent, "public")
		write(out+".lock", fmt.Sprintf("%d %s\n", deadPID(t), host))
		// Killed between the two renames of the swap: the last good site
		// waits in the work folder, the output is missing.
		write(filepath.Join(parent, ".build-public-1234", "previous", "index.html"), "last good site")
		write(filepath.Join(parent, ".build-public-1234", "public", "index.html"), "half a new site")
		write(filepath.Join(parent, ".build-public-99", "data", "site.json"), "{}")
		// Not this output's: a build into public-x or into other, and a
		// folder that only looks similar.
		write(filepath.Join(parent, ".build-public-x-77", "f"), "")
		write(filepath.Join(parent, ".build-other-5", "f"), "")
		write(filepath.Join(parent, ".build-public-1a", "f"), "")
		if err := try(out); err == nil || errors.Is(err, pipeline.ErrBusy) {
			t.Fatalf("want the missing map outline, got %v", err)
		}
		if got := read(t, filepath.Join(out, "index.html")); got != "last good site" {
			t.Errorf("the output holds %q, want the last good site back", got)
		}
		want := []string{".build-other-5", ".build-public-1a", ".build-public-x-77", "public"}
		if names := entryNames(t, parent); !slices.Equal(names, want) {
			t.Errorf("beside the output: %q, want %q", names, want)
		}
	})
}
