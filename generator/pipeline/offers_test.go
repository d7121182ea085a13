package pipeline_test

import (
	"path/filepath"
	"strings"
	"testing"

	wt "github.com/digitale-staedte/benchmark/generator/workbook/workbooktest"
)

// TestOffersCatalogue builds the repository's own data: the catalogue
// exists in both languages and holds München's sample offers, München's
// page lists them, and a partner lacking the topic is pointed to them.
func TestOffersCatalogue(t *testing.T) {
	_, out := sampleBuild(t)
	for _, page := range []struct{ path, title, nav string }{
		{"angebote/index.html", "Beratung durch digital@M", `href="/angebote/"`},
		{"en/offers/index.html", "Advice from digital@M", `href="/en/offers/"`},
		{"partner/muenchen/index.html", "Hospitation im it@M Innovationscenter", `href="/angebote/"`},
		{"en/partners/muenchen/index.html", "Placement at the it@M Innovationscenter", `href="/en/offers/"`},
		// Augsburg has no measure on the innovation lab topic.
		{"partner/augsburg/index.html", "Beratung durch digital@M", `href="/angebote/"`},
	} {
		html := read(t, filepath.Join(out, page.path))
		for _, want := range []string{page.title, page.nav} {
			if !strings.Contains(html, want) {
				t.Errorf("%s lacks %s", page.path, want)
			}
		}
	}
	html := read(t, filepath.Join(out, "angebote", "index.html"))
	for _, want := range []string{`id="offer-filter"`, `data-city="muenchen" data-topic="INNOLAB" data-kind="know_how"`,
		`data-kind="placement"`, `<table class="data offers reflow" id="offers-table">`} {
		if !strings.Contains(html, want) {
			t.Errorf("catalogue lacks %s", want)
		}
	}
}

// TestOfferMarkupStaysText: a title written as markup comes out as text
// on the catalogue and in a partner's quick wins.
func TestOfferMarkupStaysText(t *testing.T) {
	data := wt.Dataset(t, t.TempDir())
	wt.Write(t, filepath.Join(data, "partners", "alpha.xlsx"), append(wt.City("Alpha", 1), wt.Sheet{Name: "Angebote", Rows: [][]any{
		{"Art", "Thema", "Titel", "Kontakt"},
		{"Lösung", "OZG", `<script>alert(1)</script>`, "ozg@alpha.example"},
	}})...)
	out := filepath.Join(t.TempDir(), "public")
	res, err := build(t, data, out, "")
	if err != nil {
		t.Fatalf("build: %v\n%s", err, res.Problems.Text("en"))
	}
	for _, p := range []string{"angebote/index.html", "en/offers/index.html", "partner/beta/index.html", "en/partners/beta/index.html"} {
		html := read(t, filepath.Join(out, p))
		if strings.Contains(html, "<script>alert(1)") {
			t.Errorf("%s holds the title as markup", p)
		}
		if !strings.Contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Errorf("%s lacks the title as text", p)
		}
		if !strings.Contains(html, `href="mailto:ozg@alpha.example"`) {
			t.Errorf("%s lacks the contact", p)
		}
	}
}
