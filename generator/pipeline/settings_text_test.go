package pipeline_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	wt "github.com/digitale-staedte/benchmark/generator/workbook/workbooktest"
)

// otherSettings writes the sample data with a framework whose settings
// all differ from the defaults: scores 0–1 with two decimals, geometric
// means, 75 % coverage, ranks on unrounded scores, reference year 2023,
// carry-forward of one year; the levels' bounds move to the 0–1 scale.
func otherSettings(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	cities, err := filepath.Glob(filepath.Join(repoData, "partners", "*.xlsx"))
	if err != nil || len(cities) == 0 {
		t.Fatalf("sample cities: %v", err)
	}
	for _, c := range cities {
		b, err := os.ReadFile(c)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(dir, "partners"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "partners", filepath.Base(c)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fw := filepath.Join(repoData, "framework.xlsx")
	levels := wt.Sheet{Name: "Reifegrade"}
	for i, r := range wt.Rows(t, fw, "Reifegrade") {
		row := make([]any, len(r))
		for j, v := range r {
			row[j] = v
		}
		if i > 0 {
			bound, err := strconv.ParseFloat(r[0], 64)
			if err != nil {
				t.Fatalf("Reifegrade row %d: %v", i+1, err)
			}
			row[0] = bound / 100
		}
		levels.Rows = append(levels.Rows, row)
	}
	wt.Rewrite(t, fw, filepath.Join(dir, "framework.xlsx"), levels, wt.Sheet{Name: "Einstellungen", Rows: [][]any{
		{"Einstellung", "Wert"},
		{"Aggregation", "geometrisch"},
		{"Mindestabdeckung", "75 %"},
		{"Skala", 1},
		{"Nachkommastellen", 2},
		{"Ränge auf", "ungerundete Werte"},
		{"Bezugsjahr", 2023},
		{"Fortschreibung (Jahre)", 1},
	}})
	return dir
}

// TestTextsFollowTheSettings builds the sample with settings that all
// differ from the defaults and reads every HTML page in both languages,
// the download package's description and the README sheet of its
// workbook: no text may still state a default (a 0–100 scale, the
// arithmetic mean, one decimal's rounding example, ranks on rounded
// scores, carry-forward off, the data's latest year as reference year),
// and the places that state a setting state the one in force.
func TestTextsFollowTheSettings(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	res, err := build(t, otherSettings(t), out, "")
	if err != nil {
		t.Fatalf("build: %v\n%s", err, res.Problems.Text("en"))
	}
	if res.Site.ReferenceYear != 2023 || res.Site.Settings.Scale != 1 || res.Site.Settings.Decimals != 2 {
		t.Fatalf("settings not in force: reference year %d, scale %v, decimals %d", res.Site.ReferenceYear, res.Site.Settings.Scale, res.Site.Settings.Decimals)
	}
	// Texts that state a default; each names the setting it belongs to.
	stale := []struct{ text, setting string }{
		// (Goalposts "0 – 100" of an indicator in % are data.)
		{"0 bis 100", "Skala"}, {"0 to 100", "scale"}, {"(0–100)", "scale"}, {"(0 – 100)", "scale"},
		{"bzw. 100", "Skala"}, {"0 or 100", "scale"}, {"(0 bis 100)", "Skala"},
		{"arithmetisch", "Aggregation"}, {"arithmetic", "aggregation"},
		{"0,15 wird 0,2", "Nachkommastellen"}, {"0.15 becomes 0.2", "decimals"},
		{"gerundeten, veröffentlichten", "Ränge auf"}, {"rounded, published", "rank on"},
		{"Gleich angezeigte Werte teilen sich", "Ränge auf"}, {"values shown as equal share", "rank on"},
		{"Fortschreibung ist ausgeschaltet", "Fortschreibung"}, {"Carry-forward is off", "carry forward"},
		{"Rangfolge 2024", "Bezugsjahr"}, {"Ranking 2024", "reference year"},
		{"Bezugsjahr des Rankings: 2024", "Bezugsjahr"}, {"ranking: 2024", "reference year"},
	}
	pages := map[string]string{}
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		pages[filepath.ToSlash(rel)] = read(t, p)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 40 {
		t.Fatalf("only %d pages", len(pages))
	}
	english := 0
	for rel, page := range pages {
		if strings.HasPrefix(rel, "en/") {
			english++
		}
		for _, s := range stale {
			if i := strings.Index(page, s.text); i >= 0 {
				t.Errorf("%s: %q ignores the setting %s: …%s…", rel, s.text, s.setting, page[max(i-80, 0):min(i+80, len(page))])
			}
		}
	}
	if english < 20 {
		t.Errorf("only %d English pages scanned", english)
	}
	readme := wt.Rows(t, filepath.Join(out, "downloads", "benchmark.xlsx"), "README")
	var lines []string
	for _, r := range readme {
		lines = append(lines, strings.Join(r, " | "))
	}
	readmeText := strings.Join(lines, "\n")
	descriptor := read(t, filepath.Join(out, "downloads", "datapackage.json"))
	for name, text := range map[string]string{"README sheet": readmeText, "datapackage.json": descriptor} {
		for _, s := range stale {
			if strings.Contains(text, s.text) {
				t.Errorf("%s: %q ignores the setting %s", name, s.text, s.setting)
			}
		}
	}
	if strings.Contains(descriptor, "rounded to 1 decimal") || !strings.Contains(descriptor, "rounded to 2 decimal") {
		t.Error("datapackage.json does not say the scores have two decimals")
	}

	// Where a setting is stated, the one in force is.
	for _, want := range []struct{ where, text string }{
		{"index.html", "0 bis 1 zusammen"}, {"index.html", "als gewichtetes geometrisches Mittel"}, {"index.html", "mindestens\n75,0"},
		{"index.html", "Rangfolge 2023: Index, Reifegrad und Punktwerte je Dimension (0 bis 1)"},
		{"index.html", "Ränge beruhen auf den ungerundeten Indexwerten"}, {"index.html", "Bezugsjahr des Rankings: 2023"},
		{"en/index.html", "one value from\n0 to 1;"}, {"en/index.html", "as the weighted geometric mean"}, {"en/index.html", "at least\n75.0"},
		{"en/index.html", "Ranking 2023: index, maturity level and scores by dimension (0 to 1)"},
		{"en/index.html", "Ranks are based on the unrounded index values"},
		{"methodik/index.html", "(0,015 wird 0,02)"}, {"methodik/index.html", "Zielwerte (0 – 1)"},
		{"en/methodology/index.html", "(0.015 becomes 0.02)"}, {"en/methodology/index.html", "Goalposts (0 – 1)"},
		{"partner/augsburg/index.html", "(Punktwerte 0 bis 1)"}, {"en/partners/augsburg/index.html", "(scores 0 to 1)"},
		{"dimensionen/ver/index.html", "(0 bis 1)"}, {"en/dimensions/ver/index.html", "Points (0–1)"},
	} {
		if page, ok := pages[want.where]; !ok {
			t.Errorf("no page %s", want.where)
		} else if !strings.Contains(page, want.text) {
			t.Errorf("%s lacks %q", want.where, want.text)
		}
	}
	for _, want := range []string{"Skala der Punktwerte / Score scale | 0–1 | 0–1", "Nachkommastellen / Decimals | 2 | 2",
		"Aggregation Dimensionen → Index / Aggregation dimensions → index | gewichtetes geometrisches Mittel | weighted geometric mean",
		"Mindestabdeckung des Index / Minimum coverage of the index | 75 % | 75 %",
		"Ränge auf / Ranks on | ungerundete Punktwerte | unrounded scores",
		"Fortschreibung fehlender Werte / Carry-forward of missing values | höchstens 1 Jahr(e) | at most 1 year(s)",
		"Bezugsjahr / Reference year | 2023 | 2023"} {
		if !strings.Contains(readmeText, want) {
			t.Errorf("README sheet lacks %q:\n%s", want, readmeText)
		}
	}
}
