package cli

import (
	"strings"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/problem"
)

// TestReportBuildCapsWarnings: build prints every error but only the first
// maxBuildWarnings warnings, then how many more there are.
func TestReportBuildCapsWarnings(t *testing.T) {
	var probs problem.List
	for i := range maxBuildWarnings + 5 {
		probs.Warnf(model.Pos{File: "data/partners/a.xlsx", Sheet: "Kennzahlen", Row: i + 2, Col: 3}, problem.KPISourceMissing, "X")
	}
	probs.Errorf(model.Pos{File: "data/partners/b.xlsx", Sheet: "Stadt", Row: 2, Col: 2}, problem.CellNumber, "abc")
	var b strings.Builder
	reportBuild(&b, probs, "en", texts["en"], "data")
	out := b.String()
	if n := strings.Count(out, ": warning: "); n != maxBuildWarnings {
		t.Errorf("%d warnings printed; want %d", n, maxBuildWarnings)
	}
	if !strings.Contains(out, "b.xlsx: Stadt!B2: error:") {
		t.Errorf("the error is missing:\n%s", out)
	}
	if want := "… and 5 more warnings; generator validate --data data lists them all.\n"; !strings.HasSuffix(out, want) {
		t.Errorf("output ends %q; want %q", out[max(0, len(out)-120):], want)
	}
}
