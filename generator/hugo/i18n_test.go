package hugo

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/goccy/go-yaml"
)

// TestThemeTranslationsComplete: the theme's German and English strings
// have the same keys, none empty, plural forms alike in both, and every key
// a template names literally exists. A missing English string would show
// as an empty label or button on the English pages; the browser tests run
// axe-core on only some of them.
func TestThemeTranslationsComplete(t *testing.T) {
	theme := filepath.Join("..", "..", "themes", "benchmark")
	langs := map[string]map[string]any{}
	for _, lang := range []string{"de", "en"} {
		b, err := os.ReadFile(filepath.Join(theme, "i18n", lang+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := yaml.Unmarshal(b, &m); err != nil {
			t.Fatalf("%s.yaml: %v", lang, err)
		}
		if len(m) < 100 {
			t.Fatalf("%s.yaml has %d strings; the theme has hundreds", lang, len(m))
		}
		langs[lang] = m
	}
	de := langs["de"]
	for _, pair := range [][2]string{{"de", "en"}, {"en", "de"}} {
		for key, v := range langs[pair[0]] {
			w, ok := langs[pair[1]][key]
			if !ok {
				t.Errorf("%q is in %s.yaml but not in %s.yaml", key, pair[0], pair[1])
				continue
			}
			if pair[0] == "de" && !sameForms(v, w) {
				t.Errorf("%q: German %v and English %v differ in their forms or one is empty", key, v, w)
			}
		}
	}

	// Keys named literally: {{ i18n "key" }} and {{ T "key" }}.
	literal := regexp.MustCompile(`\b(?:i18n|T) "([A-Za-z0-9_]+)"`)
	used := 0
	err := filepath.WalkDir(filepath.Join(theme, "layouts"), func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range literal.FindAllSubmatch(b, -1) {
			used++
			if _, ok := de[string(m[1])]; !ok {
				t.Errorf("%s names the string %q, which i18n/de.yaml and en.yaml lack", path, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if used < 100 {
		t.Errorf("only %d strings named in the templates: the pattern finds too little", used)
	}
}

// sameForms: both values are non-empty strings, or maps with the same
// plural forms (one, other), each non-empty.
func sameForms(a, b any) bool {
	switch a := a.(type) {
	case string:
		b, ok := b.(string)
		return ok && a != "" && b != ""
	case map[string]any:
		b, ok := b.(map[string]any)
		if !ok || len(a) != len(b) || len(a) == 0 {
			return false
		}
		var ka, kb []string
		for k, v := range a {
			if s, ok := v.(string); !ok || s == "" {
				return false
			}
			ka = append(ka, k)
		}
		for k, v := range b {
			if s, ok := v.(string); !ok || s == "" {
				return false
			}
			kb = append(kb, k)
		}
		slices.Sort(ka)
		slices.Sort(kb)
		return slices.Equal(ka, kb)
	}
	return false
}
