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

// TestProgressStages: a build's stages show in the step's line on a
// terminal, and as lines in a log only when many files were read.
func TestProgressStages(t *testing.T) {
	tests := []struct {
		name  string
		tty   bool
		files int
		want  string
	}{
		{"terminal", true, 3, "\rBuilding: charts …\x1b[K\r\x1b[K"},
		{"log, many files", false, manyFiles + 1, "Building: charts …\n"},
		{"log, few files", false, manyFiles, ""},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		p := &progress{w: &b, tty: tt.tty, total: tt.files}
		p.stage("Building", "charts")
		p.done()
		if b.String() != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, b.String(), tt.want)
		}
	}
}

// TestStageNames: every stage the pipeline reports after reading has a
// name in both languages.
func TestStageNames(t *testing.T) {
	for _, lang := range []string{"de", "en"} {
		for _, stage := range []string{"score", "downloads", "site data", "charts", "city pages", "hugo", "publish"} {
			if toolTexts[lang].progressStages[stage] == "" {
				t.Errorf("%s: no name for the stage %q", lang, stage)
			}
		}
	}
}
