package bench

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"time"
)

// Config of a benchmark run.
type Config struct {
	Sizes   []Size
	Dir     string // cache of data sets and the children's work folders (.bench)
	SiteDir string // the real Hugo project
	// Exe is the program that runs a stage when called with ChildArgs
	// (the generator itself).
	Exe string
	// Synth writes the data set of a size into an empty folder.
	Synth func(s Size, dir string) error
	Log   io.Writer // progress lines
	Lang  string    // of the progress lines and errors: "de" or "en"
}

// ChildArgs are the arguments of the hidden command that runs one stage.
func ChildArgs(o StageOptions) []string {
	return []string{"bench-stage", "--stage", o.Stage, "--data", o.DataDir, "--site", o.SiteDir,
		"--work", o.WorkDir, "--pages", strconv.Itoa(o.Pages)}
}

// Measure runs, for each size, the build and both floors, each in a child
// process of its own, after making (or reusing) the data set.
func Measure(c Config) ([]Row, error) {
	var rows []Row
	for _, s := range c.Sizes {
		data, err := dataSet(c, s)
		if err != nil {
			return rows, err
		}
		row := Row{Size: s}
		work := filepath.Join(c.Dir, "work")
		for _, st := range []struct {
			stage string
			run   *Run
		}{{StageRead, &row.Read}, {StageHugo, &row.Hugo}, {StageBuild, &row.Build}} {
			w := text(c.Lang)
			fmt.Fprintf(c.Log, w.running, s.Cities, w.childStage[st.stage])
			*st.run, err = child(c.Exe, StageOptions{Stage: st.stage, DataDir: data, SiteDir: c.SiteDir, WorkDir: work, Pages: Pages(s.Cities)})
			if err != nil {
				return rows, fmt.Errorf(w.failed+": %w", s.Cities, w.childStage[st.stage], err)
			}
		}
		if err := os.RemoveAll(work); err != nil {
			return rows, err
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// dataSet returns the folder of the data set of size s, written first
// unless a complete one is cached: the marker file is written last.
func dataSet(c Config, s Size) (string, error) {
	dir := DataDir(c.Dir, s)
	marker := filepath.Join(dir, ".complete")
	if _, err := os.Stat(marker); err == nil {
		return dir, nil
	}
	fmt.Fprintf(c.Log, text(c.Lang).writing, s.Cities, dir)
	if err := os.RemoveAll(dir); err != nil {
		return "", err
	}
	if err := c.Synth(s, dir); err != nil {
		return "", err
	}
	return dir, os.WriteFile(marker, nil, 0o644)
}

func child(exe string, o StageOptions) (Run, error) {
	var out, errOut bytes.Buffer
	cmd := exec.Command(exe, ChildArgs(o)...)
	cmd.Stdout, cmd.Stderr = &out, &errOut
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return Run{}, fmt.Errorf("%w: %s", err, bytes.TrimSpace(errOut.Bytes()))
	}
	var r StageResult
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		return Run{}, fmt.Errorf("the child's result %q: %w", out.String(), err)
	}
	return Run{Wall: wall, CPU: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime(), PeakRSS: peakRSS(cmd.ProcessState), Pages: r.Pages, Files: r.Files, Bytes: r.Bytes, Splits: r.Splits, Probes: r.Probes}, nil
}
