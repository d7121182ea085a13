package charts

import (
	"sync"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/hugo"
)

// siteLocales are the project's locales, read once: reading Hugo's
// configuration is the slow part of a chart test.
var siteLocales = sync.OnceValues(func() (map[string]hugo.Locale, error) { return hugo.Locales("../../site") })

// testLangs are the site's languages as the charts write them.
func testLangs(t testing.TB) langs {
	t.Helper()
	locales, err := siteLocales()
	if err != nil {
		t.Fatal(err)
	}
	ls, err := newLangs(locales)
	if err != nil {
		t.Fatal(err)
	}
	return ls
}

// testLang is the language with the code "de" or "en".
func testLang(t testing.TB, code string) language {
	t.Helper()
	ls := testLangs(t)
	if code == "de" {
		return ls.de
	}
	return ls.en
}
