package problem

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/model"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// sample holds the positions a list can have (cell, row, sheet, file) in
// an order other than workbook order, and texts with the characters each
// format must escape: % and a line break in a cell, ':' and ',' in a file name.
func sample() List {
	var l List
	city := "data/cities/neu,stadt.xlsx"
	l.Warnf(model.Pos{File: "data/framework.xlsx", Sheet: "Indikatoren", Row: 5, Col: 1}, IndicatorNoData, "D2")
	l.Errorf(model.Pos{File: city, Sheet: "Maßnahmen", Row: 3, Col: 4}, CellStatus, "irgendwann")
	l.Errorf(model.Pos{File: city, Sheet: "Kennzahlen", Row: 7, Col: 3}, CellNumber, "12,5 % ca.")
	l.Errorf(model.Pos{File: city, Sheet: "Stadt", Row: 2, Col: 2}, CellRequired, "Name\r\n(de)")
	l.Errorf(model.Pos{File: city, Sheet: "Kennzahlen", Row: 1}, YearNone)
	l.Errorf(model.Pos{File: city, Sheet: "Stadt"}, SheetEmpty, `"Feld" / "Wert"`)
	l.Errorf(model.Pos{File: "data/cities/C:München.xlsx"}, FileSlug, "C:München.xlsx", "c-muenchen.xlsx")
	return l
}

func TestFormatsGolden(t *testing.T) {
	for _, f := range Formats {
		for _, lang := range []string{"de", "en"} {
			t.Run(string(f)+"-"+lang, func(t *testing.T) {
				var b bytes.Buffer
				if err := sample().Write(&b, f, lang); err != nil {
					t.Fatal(err)
				}
				golden(t, filepath.Join("testdata", "format-"+string(f)+"."+lang+".golden"), b.Bytes())
			})
		}
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test -update rewrites it):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// TestJSONSchema pins the field names tools rely on.
func TestJSONSchema(t *testing.T) {
	b, err := sample().JSON("en")
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"version", "lang", "errors", "warnings", "problems"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("document lacks %q", k)
		}
	}
	if doc["errors"] != 6.0 || doc["warnings"] != 1.0 {
		t.Errorf("errors=%v warnings=%v; want 6 and 1", doc["errors"], doc["warnings"])
	}
	first := doc["problems"].([]any)[0].(map[string]any)
	for _, k := range []string{"file", "sheet", "cell", "row", "col", "severity", "code", "message"} {
		if _, ok := first[k]; !ok {
			t.Errorf("problem lacks %q", k)
		}
	}

	b, err = List(nil).JSON("de")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(`"problems": []`)) {
		t.Errorf("an empty list must give an empty array, got\n%s", b)
	}
}

func TestGitHubEscaping(t *testing.T) {
	tests := []struct{ in, data, prop string }{
		{"50 % mehr", "50 %25 mehr", "50 %25 mehr"},
		{"a\r\nb", "a%0D%0Ab", "a%0D%0Ab"},
		{"Blatt!C7: x, y", "Blatt!C7: x, y", "Blatt!C7%3A x%2C y"},
		{"%0A", "%250A", "%250A"},
	}
	for _, tt := range tests {
		if got := escapeData(tt.in); got != tt.data {
			t.Errorf("escapeData(%q) = %q; want %q", tt.in, got, tt.data)
		}
		if got := escapeProperty(tt.in); got != tt.prop {
			t.Errorf("escapeProperty(%q) = %q; want %q", tt.in, got, tt.prop)
		}
	}
}

func TestParseFormat(t *testing.T) {
	for _, s := range []string{"text", "JSON", "github"} {
		if _, ok := ParseFormat(s); !ok {
			t.Errorf("ParseFormat(%q) failed", s)
		}
	}
	if _, ok := ParseFormat("xml"); ok {
		t.Error("ParseFormat(xml) succeeded")
	}
}
