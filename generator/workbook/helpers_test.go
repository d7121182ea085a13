package workbook

import (
	"os"
	"path/filepath"
	"testing"
)

func writeFile(path, content string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(content), 0o644)
}

// copyFile copies src to dst, making dst's folder.
func copyFile(t testing.TB, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := writeFile(dst, string(b)); err != nil {
		t.Fatal(err)
	}
}

// checkGolden compares got with the golden file, first rewriting it when
// update is set; flag names the flag that does so.
func checkGolden(t testing.TB, golden, got string, update bool, flag string) {
	t.Helper()
	if update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("differs from %s (%s rewrites it):\n--- got\n%s--- want\n%s", golden, flag, got, want)
	}
}
