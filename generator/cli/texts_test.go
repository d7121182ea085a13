package cli

import (
	"fmt"
	"testing"
	"time"

	"github.com/digitale-staedte/benchmark/generator/sitedata"
)

// TestPlurals: every counted phrase, for one and for two, in both
// languages, and in the messages that use them.
func TestPlurals(t *testing.T) {
	de, en := texts["de"], texts["en"]
	tde, ten := toolTexts["de"], toolTexts["en"]
	sde, sen := summaryTexts["de"], summaryTexts["en"]
	yde, yen := synthTexts["de"], synthTexts["en"]
	for _, c := range []struct {
		p          plural
		one, other string
	}{
		{de.nCities, "1 Stadt", "2 Städten"},
		{en.nCities, "1 city", "2 cities"},
		{de.nErrors, "1 Fehler", "2 Fehler"},
		{en.nErrors, "1 error", "2 errors"},
		{de.nWarnings, "1 Warnung", "2 Warnungen"},
		{en.nWarnings, "1 warning", "2 warnings"},
		{de.nMoreWarnings, "1 weitere Warnung", "2 weitere Warnungen"},
		{en.nMoreWarnings, "1 more warning", "2 more warnings"},
		{tde.nCells, "1 Zelle", "2 Zellen"},
		{ten.nCells, "1 cell", "2 cells"},
		{sde.nNewCities, "1 neue Stadt", "2 neue Städte"},
		{sen.nNewCities, "1 new city", "2 new cities"},
		{sde.nNewValues, "1 neuer", "2 neue"},
		{sde.nRevisedValues, "1 korrigierter", "2 korrigierte"},
		{sde.nRemovedValues, "1 entfernter Wert", "2 entfernte Werte"},
		{sen.nRemovedValues, "1 removed value", "2 removed values"},
		{sde.nMeasures, "1 Maßnahme", "2 Maßnahmen"},
		{sen.nMeasures, "1 measure", "2 measures"},
		{sde.nFiles, "1 Datei", "2 Dateien"},
		{sen.nFiles, "1 file", "2 files"},
		{yde.nIndicators, "1 Kennzahl", "2 Kennzahlen"},
		{yen.nIndicators, "1 indicator", "2 indicators"},
		{yde.nYears, "1 Jahr", "2 Jahren"},
		{yen.nYears, "1 year", "2 years"},
		{usageTexts["de"].nArgs, "1 Argument", "2 Argumente"},
		{usageTexts["en"].nArgs, "1 argument", "2 arguments"},
	} {
		if got := c.p.of(1); got != c.one {
			t.Errorf("%q.of(1) = %q; want %q", c.p.other, got, c.one)
		}
		if got := c.p.of(2); got != c.other {
			t.Errorf("%q.of(2) = %q; want %q", c.p.other, got, c.other)
		}
	}
	for _, c := range []struct{ got, want string }{
		{fmt.Sprintf(en.invalidValidate, en.nErrors.of(1)), "1 error found.\n"},
		{fmt.Sprintf(de.valid, de.nWarnings.of(1)), "Keine Fehler, 1 Warnung.\n"},
		{fmt.Sprintf(en.built, en.nCities.of(1), 2024, "public"), "Wrote the site with 1 city (reference year 2024) to public.\n"},
		{fmt.Sprintf(de.built, de.nCities.of(2), 2024, "public"), "Website mit 2 Städten (Bezugsjahr 2024) nach public geschrieben.\n"},
		{de.partners([]sitedata.City{{Scored: true}, {Scored: true}, {Scored: true}, {}}), "3 Städten und 1 weiteren Partner"},
		{en.partners([]sitedata.City{{Scored: true}, {}, {}}), "1 city and 2 other partners"},
		{en.partners([]sitedata.City{{Scored: true}, {Scored: true}}), "2 cities"},
		{fmt.Sprintf(tde.differences, tde.nCells.of(1), 2, 0), "1 Zelle geändert, 2 hinzugefügt, 0 entfernt.\n"},
		{fmt.Sprintf(ten.differences, ten.nCells.of(1), 2, 0), "1 cell changed, 2 added, 0 removed.\n"},
	} {
		if c.got != c.want {
			t.Errorf("%q; want %q", c.got, c.want)
		}
	}
}

func TestSecondsInTheLanguage(t *testing.T) {
	for lang, want := range map[string]string{"de": "3,79 s", "en": "3.79 s"} {
		if got := seconds(3786*time.Millisecond, lang); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
}
