package sitedata

import (
	"strings"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/workbook"
)

func TestSearchIndex(t *testing.T) {
	one, three := 1, 3
	s := Site{
		Cities: []City{
			{Slug: "augsburg", Name: "Augsburg", State: "Bayern"},
			{Slug: "bad-homburg-v-d-hoehe", Name: "Bad Homburg v. d. Höhe", State: "Hessen"},
			{Slug: "muenchen", Name: "München", NameEn: "Munich", State: "Bayern"},
			{Slug: "koeln-rhein", Name: "Köln", NameEn: "Cologne", State: "Nordrhein-Westfalen"},
			{Slug: "zeil", Name: "Zeil <a>", State: ""},
			{Slug: "evry", Name: "Évry", State: "Hessen"},
			{Slug: "stadtwerke-zeil", Name: "Stadtwerke Zeil", State: "Bayern", Kind: "municipal_company"},
		},
		// Ranked by rank, ties by name, then the unranked by name.
		Ranking: []RankingRow{
			{Slug: "muenchen", Rank: &one},
			{Slug: "bad-homburg-v-d-hoehe", Rank: &one},
			{Slug: "augsburg", Rank: &three},
			{Slug: "zeil"},
			{Slug: "unknown", Rank: &three}, // not a city: left out
		},
	}
	f, err := BuildSearch(s).File()
	if err != nil {
		t.Fatal(err)
	}
	if f.Path != "data/search.json" {
		t.Errorf("path %q", f.Path)
	}
	// Written out by hand: ranking order, states by first appearance, the
	// cities missing from the ranking last with rank 0, markup escaped;
	// the slug only where the name does not give it ("zeil-a" ≠ "zeil"; É
	// is outside the plain rule); an English name fifth, after the slug
	// or "" (München gives muenchen, Köln not koeln-rhein); a partner
	// that is not scored has its kind sixth.
	want := `{"format":2,"states":["Bayern","Hessen","","Nordrhein-Westfalen"],"cities":[` +
		`["München",0,1,"","Munich"],` +
		`["Bad Homburg v. d. Höhe",1,1],` +
		`["Augsburg",0,3],` +
		`["Zeil \u003ca\u003e",2,0,"zeil"],` +
		`["Köln",3,0,"koeln-rhein","Cologne"],` +
		`["Évry",1,0,"evry"],` +
		`["Stadtwerke Zeil",0,0,"","","municipal_company"]]}` + "\n"
	if got := string(f.Data); got != want {
		t.Errorf("search.json\n got %s\nwant %s", got, want)
	}
}

func TestSearchIndexEmpty(t *testing.T) {
	f, err := BuildSearch(Site{}).File()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(string(f.Data)); got != `{"format":2,"states":[],"cities":[]}` {
		t.Errorf("empty index %s", got)
	}
}

// TestPlainSlug: the rule js/city-search.js applies, by hand, and where it
// is defined it names the page as workbook.Slug does.
func TestPlainSlug(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"München", "muenchen"},
		{"ÖSTERREICH-Straße", "oesterreich-strasse"},
		{"Bad Homburg v. d. Höhe", "bad-homburg-v-d-hoehe"},
		{"  Halle (Saale) ", "halle-saale"},
		{"Neumarkt i.d.OPf.", "neumarkt-i-d-opf"},
		{"Obermühlhausen 17", "obermuehlhausen-17"},
		{"Évry", ""},               // é: the index carries the slug
		{"Sankt\u00a0Ingbert", ""}, // no-break space: not ASCII
		{"Mu\u0308nchen", ""},      // ü as u and a combining mark
		{"", ""},
	} {
		got := PlainSlug(tc.name)
		if got != tc.want {
			t.Errorf("PlainSlug(%q) = %q, want %q", tc.name, got, tc.want)
		}
		if got != "" && got != workbook.Slug(tc.name) {
			t.Errorf("PlainSlug(%q) = %q, workbook.Slug %q", tc.name, got, workbook.Slug(tc.name))
		}
	}
}
