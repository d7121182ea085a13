package opendata

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestEveryFormatHasALabel: the downloads page labels a file by its
// format's name, so every format (and the per-partner files and the ZIP at
// scale) needs the key in both languages of the theme.
func TestEveryFormatHasALabel(t *testing.T) {
	names := []string{ZipAtScale, PartnerFormat}
	for _, f := range formats {
		names = append(names, f.name)
	}
	for _, lang := range []string{"de", "en"} {
		file := filepath.Join("..", "..", "themes", "benchmark", "i18n", lang+".yaml")
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range names {
			key := "format_" + strings.ReplaceAll(name, "-", "_")
			if !regexp.MustCompile(`(?m)^` + key + `: "[^"]+"`).Match(data) {
				t.Errorf("%s: no label %s for the download format %s", file, key, name)
			}
		}
	}
}
