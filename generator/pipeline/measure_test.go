package pipeline

import (
	"os"
	"path/filepath"
	"testing"
)

// TestMeasure: two pages of 3 and 5 bytes and a 7-byte download make 3
// files, 2 pages and 15 bytes; folders count for nothing.
func TestMeasure(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"index.html":               "abc",
		"partner/a/index.html":     "abcde",
		"downloads/csv/values.csv": "a;b;c\n1",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := Measure(dir)
	if err != nil {
		t.Fatal(err)
	}
	if want := (SiteSize{Pages: 2, Files: 3, Bytes: 15}); got != want {
		t.Errorf("Measure = %+v, want %+v", got, want)
	}
	if _, err := Measure(filepath.Join(dir, "missing")); err == nil {
		t.Error("Measure of a missing folder: no error")
	}
}
