package workbook

import (
	"os"
	"path/filepath"
	"strings"
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

// TestFindFilesNames: the reader accepts exactly the file names that Slug
// produces; a name new-city would never write is a problem that suggests
// the name to use, a copy of another partner's workbook is named as one,
// and a spreadsheet in a format that is not read is never silently left
// out.
func TestFindFilesNames(t *testing.T) {
	dir := t.TempDir()
	cities := filepath.Join(dir, "partners")
	if err := os.MkdirAll(cities, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"framework.xlsx", "partners/neumarkt-i-d-opf.xlsx", "partners/muenchen.xlsx",
		"partners/augsburg.ods", "partners/München.xlsx", "partners/neu--stadt.xlsx", "partners/muenchen (1).xlsx",
		"partners/Muenchen Kopie.xlsx", "partners/muenchen-kopie.xlsx", "partners/Kopie von augsburg.ods",
		"partners/regensburg (2).xlsx", "partners/bamberg.xls", "partners/fuerth.csv", "partners/erlangen.fods",
		"partners/ingolstadt.numbers", "partners/notes.txt", "partners/.~lock.muenchen.xlsx#", "partners/~$muenchen.xlsx"} {
		if err := writeFile(filepath.Join(dir, name), "x"); err != nil {
			t.Fatal(err)
		}
	}
	files, probs := FindFiles(dir)
	var got []string
	for _, p := range probs.Sorted() {
		got = append(got, strings.TrimPrefix(p.Format("en"), cities+"/"))
	}
	want := []string{
		`Kopie von augsburg.ods: error: file "Kopie von augsburg.ods" looks like a copy of augsburg.ods; expected one workbook per partner: delete the copy or move it out of ` + cities,
		`Muenchen Kopie.xlsx: error: file "Muenchen Kopie.xlsx" looks like a copy of muenchen.xlsx; expected one workbook per partner: delete the copy or move it out of ` + cities,
		`München.xlsx: error: file name "München.xlsx" cannot serve as the city's address; expected lower-case letters, digits and '-': rename it to muenchen.xlsx`,
		`bamberg.xls: error: a file in the format .xls is not read; expected an .xlsx or .ods workbook: open it in Excel, LibreOffice or Numbers, save it with Save As (Numbers: Export) as an Excel workbook (.xlsx) or ODF spreadsheet (.ods), then delete this file`,
		`erlangen.fods: error: a file in the format .fods is not read; expected an .xlsx or .ods workbook: open it in Excel, LibreOffice or Numbers, save it with Save As (Numbers: Export) as an Excel workbook (.xlsx) or ODF spreadsheet (.ods), then delete this file`,
		`fuerth.csv: error: a file in the format .csv is not read; expected an .xlsx or .ods workbook: open it in Excel, LibreOffice or Numbers, save it with Save As (Numbers: Export) as an Excel workbook (.xlsx) or ODF spreadsheet (.ods), then delete this file`,
		`ingolstadt.numbers: error: a file in the format .numbers is not read; expected an .xlsx or .ods workbook: open it in Excel, LibreOffice or Numbers, save it with Save As (Numbers: Export) as an Excel workbook (.xlsx) or ODF spreadsheet (.ods), then delete this file`,
		`muenchen (1).xlsx: error: file "muenchen (1).xlsx" looks like a copy of muenchen.xlsx; expected one workbook per partner: delete the copy or move it out of ` + cities,
		`muenchen-kopie.xlsx: error: file "muenchen-kopie.xlsx" looks like a copy of muenchen.xlsx; expected one workbook per partner: delete the copy or move it out of ` + cities,
		`neu--stadt.xlsx: error: file name "neu--stadt.xlsx" cannot serve as the city's address; expected lower-case letters, digits and '-': rename it to neu-stadt.xlsx`,
		`regensburg (2).xlsx: error: file name "regensburg (2).xlsx" cannot serve as the city's address; expected lower-case letters, digits and '-': rename it to regensburg.xlsx`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var names []string
	for _, c := range files.Cities {
		names = append(names, filepath.Base(c))
	}
	if w := "München.xlsx augsburg.ods muenchen.xlsx neu--stadt.xlsx neumarkt-i-d-opf.xlsx regensburg (2).xlsx"; strings.Join(names, " ") != w {
		t.Errorf("cities read: %s; want %s", strings.Join(names, " "), w)
	}

	_, probs = FindFiles(filepath.Join(dir, "nowhere"))
	if len(probs) != 1 || probs[0].Code != problem.DataDirMissing {
		t.Errorf("missing data folder: %v; want one %s", probs, problem.DataDirMissing)
	}
}

// TestFindFilesOldFolder: the partners' folder was called cities. Alone it
// is still read, with a warning to rename it; beside partners, workbooks
// in it would silently be left out, so that is an error naming them, while
// an old folder without spreadsheets is no matter.
func TestFindFilesOldFolder(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files []string
		read  string // base names of the workbooks read
		want  []string
	}{
		{"only the old folder", []string{"cities/alpha.xlsx", "cities/beta.ods"}, "alpha.xlsx beta.ods",
			[]string{`DATA/cities: warning: the folder DATA/cities is now called DATA/partners, as it holds partners of every kind; expected the new name: rename the folder (until then it is read)`}},
		{"both folders", []string{"partners/alpha.xlsx", "cities/beta.xlsx", "cities/gamma.ods", "cities/notes.txt"}, "alpha.xlsx",
			[]string{`DATA/cities: error: DATA/cities beside DATA/partners holds workbooks (beta.xlsx, gamma.ods) that would not be read; expected only DATA/partners: move the files there and delete the old folder`}},
		{"an old folder without workbooks", []string{"partners/alpha.xlsx", "cities/notes.txt", "cities/.~lock.beta.xlsx#"}, "alpha.xlsx", nil},
		{"only the new folder", []string{"partners/alpha.xlsx"}, "alpha.xlsx", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, name := range append([]string{"framework.xlsx"}, tc.files...) {
				if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := writeFile(filepath.Join(dir, name), "x"); err != nil {
					t.Fatal(err)
				}
			}
			files, probs := FindFiles(dir)
			var got []string
			for _, p := range probs.Sorted() {
				got = append(got, strings.ReplaceAll(p.Format("en"), dir, "DATA"))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			var names []string
			for _, c := range files.Cities {
				names = append(names, filepath.Base(c))
			}
			if strings.Join(names, " ") != tc.read {
				t.Errorf("read %q, want %q", strings.Join(names, " "), tc.read)
			}
		})
	}
}
