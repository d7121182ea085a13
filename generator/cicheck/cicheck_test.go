package cicheck

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

const root = "../.."

var makeCall = regexp.MustCompile(`\bmake ([a-z][a-z-]*)`)

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, path))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func targets(text string) []string {
	var out []string
	for _, m := range makeCall.FindAllStringSubmatch(text, -1) {
		if !slices.Contains(out, m[1]) {
			out = append(out, m[1])
		}
	}
	slices.Sort(out)
	return out
}

// TestWorkflowsUseDocumentedTargets: what CI runs is what the README tells
// a newcomer to run, so a green CI means the README's commands work.
func TestWorkflowsUseDocumentedTargets(t *testing.T) {
	readme := targets(read(t, "README.md"))
	makefile := read(t, "Makefile")
	ciRun := read(t, ".ci/run")

	workflows, err := filepath.Glob(filepath.Join(root, ".github", "workflows", "*.yml"))
	if err != nil || len(workflows) == 0 {
		t.Fatalf("no workflows: %v", err)
	}
	var used []string
	for _, w := range workflows {
		b, err := os.ReadFile(w)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		// A workflow that runs .ci/run runs what that script runs.
		if strings.Contains(text, ".ci/run") {
			text += "\n" + ciRun
		}
		used = append(used, targets(text)...)
	}
	slices.Sort(used)
	used = slices.Compact(used)
	for _, target := range used {
		if !slices.Contains(readme, target) {
			t.Errorf("a workflow runs make %s, which the README does not document", target)
		}
		if !regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(target) + `:`).MatchString(makefile) {
			t.Errorf("a workflow runs make %s, which the Makefile does not define", target)
		}
	}
	// The two commands the README promises a newcomer are the ones CI runs.
	for _, target := range []string{"site", "test"} {
		if !slices.Contains(readme, target) {
			t.Errorf("the README does not document make %s", target)
		}
		if !slices.Contains(used, target) {
			t.Errorf("no workflow runs make %s", target)
		}
	}
}
