package cli

import (
	"bytes"
	"testing"
)

// TestProgress: a bar that redraws itself on a terminal, plain lines in a
// log, and silence in a log for a few files when asked (validate).
func TestProgress(t *testing.T) {
	tests := []struct {
		name     string
		tty      bool
		minPlain int
		want     string
	}{
		{"terminal", true, 0,
			"\rReading ████████░░░░░░░░░░░░░░░░ 1/3 a.xlsx\x1b[K" +
				"\rReading ████████████████░░░░░░░░ 2/3 b.xlsx\x1b[K" +
				"\rReading ████████████████████████ 3/3 c.xlsx\x1b[K" +
				"\rBuilding …\x1b[K" +
				"\r\x1b[K"},
		{"log", false, 0, "Reading (3) …\nBuilding …\n"},
		{"log, few files", false, manyFiles, "Building …\n"},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		p := &progress{w: &b, tty: tt.tty, minPlain: tt.minPlain}
		for i, f := range []string{"data/a.xlsx", "data/b.xlsx", "data/c.xlsx"} {
			p.files("Reading", i+1, 3, f)
		}
		p.begin("Building")
		p.done()
		if b.String() != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, b.String(), tt.want)
		}
	}
}

// TestProgressNotATerminal: a buffer or a pipe is no terminal.
func TestProgressNotATerminal(t *testing.T) {
	if newProgress(&bytes.Buffer{}).tty {
		t.Error("a buffer counts as a terminal")
	}
}
