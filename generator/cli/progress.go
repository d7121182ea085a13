package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/problem"
	"github.com/digitale-staedte/benchmark/generator/serve"
)

// progress shows how far long work has come on stderr: on a terminal one
// bar that redraws itself and disappears when done; otherwise plain lines
// that read well in a CI log, one when a step starts.
type progress struct {
	mu  sync.Mutex
	w   io.Writer
	tty bool
	// minPlain: plain lines only for runs of more files than this (the bar
	// always shows on a terminal).
	minPlain int
	drawn    bool // a bar is on screen
	step     string
	total    int // files of the last counted step
}

// newProgress detects a terminal by the file mode, which needs no
// dependency: a character device is a terminal (or /dev/null, where
// nothing is seen either way).
func newProgress(w io.Writer) *progress {
	p := &progress{w: w}
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			p.tty = os.Getenv("TERM") != "dumb"
		}
	}
	return p
}

const barWidth = 24

// files reports done of total files read, file being the last one; label
// names the step.
func (p *progress) files(label string, done, total int, file string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.total = total
	if !p.tty {
		if total > p.minPlain && p.step != label {
			fmt.Fprintf(p.w, "%s (%d) …\n", label, total)
		}
		p.step = label
		return
	}
	p.step = label
	filled := barWidth
	if total > 0 {
		filled = barWidth * done / total
	}
	bar := strings.Repeat("█", filled) + strings.Repeat("░", barWidth-filled)
	// \r returns to the line start, \x1b[K clears what a longer line left.
	fmt.Fprintf(p.w, "\r%s %s %d/%d %s\x1b[K", label, bar, done, total, filepath.Base(file))
	p.drawn = true
}

// begin announces a step without a count.
func (p *progress) begin(label string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.step = label
	if p.tty {
		fmt.Fprintf(p.w, "\r%s …\x1b[K", label)
		p.drawn = true
		return
	}
	fmt.Fprintf(p.w, "%s …\n", label)
}

// stage names the part of a begun step that runs now: on a terminal in
// the step's line; in a log as a line of its own, only for a run of more
// than manyFiles files (a build of a few cities takes seconds, a national
// one minutes).
func (p *progress) stage(step, part string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch {
	case p.tty:
		fmt.Fprintf(p.w, "\r%s: %s …\x1b[K", step, part)
		p.drawn = true
	case p.total > manyFiles:
		fmt.Fprintf(p.w, "%s: %s …\n", step, part)
	}
}

// done removes the bar, so that what follows starts on a clean line.
func (p *progress) done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.drawn = false
	}
	p.step = ""
}

// manyFiles: validate is quick and its output is read by tools, so in a log
// it announces itself only when the data folder is large enough to take a
// noticeable time.
const manyFiles = 20

// checkWithProgress reads and validates a data folder like pipeline.Check,
// reporting each workbook read.
func checkWithProgress(p *progress, tt toolText) func(string) (model.Dataset, problem.List) {
	return func(dataDir string) (model.Dataset, problem.List) {
		var r serve.Reader
		ds, probs, _ := r.Check(dataDir, func(done, total int, file string) {
			p.files(tt.progressRead, done, total, file)
		})
		return ds, probs
	}
}
