package workbook

import (
	"path/filepath"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/problem"
)

func TestSlug(t *testing.T) {
	tests := []struct{ name, want string }{
		{"München", "muenchen"},
		{"Nürnberg", "nuernberg"},
		{"Augsburg", "augsburg"},
		{"Neumarkt i.d.OPf.", "neumarkt-i-d-opf"},
		{"Frankfurt am Main", "frankfurt-am-main"},
		{"Weißenburg-Gunzenhausen", "weissenburg-gunzenhausen"},
		{"ÖLBRONN-DÜRRN", "oelbronn-duerrn"},
		{"Äpfelstadt", "aepfelstadt"},
		{"GROẞENHAIN", "grossenhain"},
		{"Mu\u0308nchen", "muenchen"}, // decomposed ü, as macOS writes it
		{"Saint-Étienne", "saint-etienne"},
		{"São Paulo", "sao-paulo"},
		{"Łódź", "lodz"},
		{"Øresund", "oresund"},
		{"Istanbul / İstanbul", "istanbul-istanbul"},
		{"  --Köln--  ", "koeln"},
		{"Halle (Saale)", "halle-saale"},
		{"Landkreis 2030", "landkreis-2030"},
		{"a  &  b", "a-b"},
		{"muenchen", "muenchen"},
		{"Москва", ""},
		{"!!!", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Slug(tt.name); got != tt.want {
				t.Errorf("Slug(%q) = %q; want %q", tt.name, got, tt.want)
			}
		})
	}
}

func TestIsSlug(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"muenchen", true},
		{"neumarkt-i-d-opf", true},
		{"landkreis-2030", true},
		{"2030", true},
		{"", false},
		{"München", false},
		{"muenchen-", false},
		{"-muenchen", false},
		{"neu--stadt", false},
		{"neu stadt", false},
		{"Augsburg", false},
		{"münchen", false},
	}
	for _, tt := range tests {
		if got := IsSlug(tt.s); got != tt.want {
			t.Errorf("IsSlug(%q) = %v; want %v", tt.s, got, tt.want)
		}
	}
}

// TestReadCitySlugRule: the reader accepts exactly the file names that
// Slug produces; a name new-city would never write is a problem.
func TestReadCitySlugRule(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		file string
		ok   bool
	}{
		{"neumarkt-i-d-opf.xlsx", true},
		{"München.xlsx", false},
		{"neu--stadt.xlsx", false},
	} {
		var probs problem.List
		ReadCity(filepath.Join(dir, tt.file), &probs) // the file need not exist
		slugProblem := false
		for _, p := range probs {
			slugProblem = slugProblem || p.Code == problem.FileSlug
		}
		if slugProblem == tt.ok {
			t.Errorf("%s: slug problem = %v; want %v", tt.file, slugProblem, !tt.ok)
		}
	}
}
