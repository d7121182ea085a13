package pipeline

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// ErrBusy is returned (wrapped) when another build is writing into the
// same output folder.
var ErrBusy = errors.New("output folder busy")

// emptyLockAge is how old a lock file without a readable owner must be
// before it counts as abandoned: a build killed between creating the file
// and writing its PID leaves it empty.
const emptyLockAge = time.Minute

// lockPath is the lock file of an output folder: beside it, not inside, so
// that it never becomes part of the site.
func lockPath(out string) string {
	return filepath.Clean(out) + ".lock"
}

// workPrefix names the work folders of builds into out. The output's name
// is part of it, so that a build cleaning up after a killed one removes only
// folders of its own output, not those of a build into a sibling folder.
func workPrefix(out string) string {
	return ".build-" + filepath.Base(filepath.Clean(out)) + "-"
}

// lockOutput makes this process the only builder of out. The lock file is
// created with O_EXCL and holds "PID host". A lock whose process is gone
// (a build killed with SIGINT or SIGKILL) is taken over; then the work
// folders such builds left behind are removed, and a previous site that a
// kill caught between the two renames of the swap is put back. release
// removes the lock.
func lockOutput(out string) (release func(), err error) {
	path := lockPath(out)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	host, _ := os.Hostname()
	owner := fmt.Sprintf("%d %s\n", os.Getpid(), host)
	// Two attempts: the second after taking over a stale lock.
	for attempt := 0; ; attempt++ {
		err := createWith(path, owner)
		if err == nil {
			if err := cleanStale(out); err != nil {
				_ = os.Remove(path)
				return nil, err
			}
			return func() { _ = os.Remove(path) }, nil
		}
		if !errors.Is(err, os.ErrExist) {
			return nil, fmt.Errorf("creating the lock file %s: %w", path, err)
		}
		stale, who := staleLock(path, host)
		if !stale || attempt > 0 {
			return nil, fmt.Errorf("%w: %s is being built by another process (%s; lock file %s); wait until it has finished, or delete the lock file if no build is running",
				ErrBusy, out, who, path)
		}
		if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("removing the stale lock file %s: %w", path, err)
		}
	}
}

// staleLock says whether the lock at path belongs to no running build, and
// describes its owner for the message.
func staleLock(path, host string) (bool, string) {
	b, err := os.ReadFile(path)
	if err != nil {
		return errors.Is(err, os.ErrNotExist), "owner unknown"
	}
	f := strings.Fields(string(b))
	pid := 0
	if len(f) > 0 {
		pid, _ = strconv.Atoi(f[0])
	}
	if pid <= 0 {
		st, err := os.Stat(path)
		return err == nil && time.Since(st.ModTime()) > emptyLockAge, "owner unknown"
	}
	if len(f) > 1 && f[1] != host {
		// A process on another computer (a shared folder) cannot be
		// checked from here.
		return false, fmt.Sprintf("PID %d on %s", pid, f[1])
	}
	return !processAlive(pid), fmt.Sprintf("PID %d", pid)
}

// cleanStale removes what killed builds into out left beside it. It runs
// under out's lock, so none of these folders belongs to a running build.
func cleanStale(out string) error {
	parent := filepath.Dir(filepath.Clean(out))
	prefix := workPrefix(out)
	entries, err := os.ReadDir(parent)
	if err != nil {
		return err
	}
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok || !e.IsDir() || rest == "" || strings.Trim(rest, "0123456789") != "" {
			continue
		}
		work := filepath.Join(parent, e.Name())
		// Killed between moving the old site aside and moving the new
		// one in: the old site is still whole, put it back.
		if _, err := os.Lstat(out); errors.Is(err, os.ErrNotExist) {
			_ = os.Rename(filepath.Join(work, "previous"), out)
		}
		if err := os.RemoveAll(work); err != nil {
			return fmt.Errorf("removing %s, left by a build that was stopped: %w", work, err)
		}
	}
	return nil
}

// createWith creates path holding content, failing with os.ErrExist if
// path exists. The content is written to a temporary file first and then
// linked into place, so that no other process ever reads the lock empty
// (which it would take for an owner it cannot name). Where the file system
// has no hard links, the lock is created with O_EXCL and written after.
func createWith(path, content string) error {
	tmp := fmt.Sprintf("%s.%d.tmp", path, os.Getpid())
	if err := os.WriteFile(tmp, []byte(content), 0o644); err != nil {
		return fmt.Errorf("writing the lock file %s: %w", tmp, err)
	}
	defer os.Remove(tmp)
	err := os.Link(tmp, path)
	if err == nil || errors.Is(err, os.ErrExist) {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, werr := f.WriteString(content)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		_ = os.Remove(path)
		return fmt.Errorf("writing the lock file %s: %w", path, werr)
	}
	return nil
}
