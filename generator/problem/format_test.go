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
	city := "data/partners/neu,stadt.xlsx"
	l.Warnf(model.Pos{File: "data/framework.xlsx", Sheet: "Indikatoren", Row: 5, Col: 1}, IndicatorNoData, "D2")
	l.Errorf(model.Pos{File: city, Sheet: "Maßnahmen", Row: 3, Col: 4}, CellStatus, "irgendwann")
	l.Errorf(model.Pos{File: city, Sheet: "Kennzahlen", Row: 7, Col: 3}, CellNumber, "12,5 % ca.")
	l.Errorf(model.Pos{File: city, Sheet: "Stadt", Row: 2, Col: 2}, CellRequired, "Name\r\n(de)")
	l.Errorf(model.Pos{File: city, Sheet: "Kennzahlen", Row: 1}, YearNone)
	l.Errorf(model.Pos{File: city, Sheet: "Stadt"}, SheetEmpty, `"Feld" / "Wert"`)
	l.Errorf(model.Pos{File: "data/partners/C:München.xlsx"}, FileSlug, "C:München.xlsx", "c-muenchen.xlsx")
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

// TestNamesStayOnTheirLine: a file or sheet name, a part name or a cell
// value with a line break cannot start a line of its own, in any format:
// a log line that started with "::error" would be an annotation of its
// own in GitHub Actions. Every problem is one line; names with a control
// character are printed quoted.
func TestNamesStayOnTheirLine(t *testing.T) {
	hostile := "x\n::error file=a,title=b::pwned\r::warning::x\u2028\x1b[31m"
	var l List
	l.Errorf(model.Pos{File: "data/partners/a" + hostile + ".xlsx", Sheet: "Kenn" + hostile, Row: 7, Col: 3}, CellNumber, hostile)
	l.Errorf(model.Pos{File: "data/partners/b" + hostile + ".xlsx", Sheet: "Stadt" + hostile}, SheetDamaged, "xl/"+hostile, hostile)
	l.Errorf(model.Pos{File: "data/partners/c" + hostile + ".xlsx"}, FileOpen, "open "+hostile)
	for _, f := range Formats {
		for _, lang := range []string{"de", "en"} {
			var b bytes.Buffer
			if err := l.Write(&b, f, lang); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			for _, bad := range []string{"\r", "\x1b", "\u2028"} {
				if bytes.Contains(b.Bytes(), []byte(bad)) {
					t.Errorf("%s/%s: output holds %q:\n%s", f, lang, bad, out)
				}
			}
			lines := bytes.Split(bytes.TrimSuffix(b.Bytes(), []byte("\n")), []byte("\n"))
			switch f {
			case Text, GitHub:
				if len(lines) != len(l) {
					t.Errorf("%s/%s: %d lines for %d problems:\n%s", f, lang, len(lines), len(l), out)
				}
				for _, line := range lines {
					if f == Text && bytes.HasPrefix(line, []byte("::")) {
						t.Errorf("%s/%s: a line starts a workflow command: %s", f, lang, line)
					}
					if f == Text && !bytes.HasPrefix(line, []byte(`"data/partners/`)) {
						t.Errorf("%s/%s: the file name is not quoted: %s", f, lang, line)
					}
					if f == GitHub && !bytes.HasPrefix(line, []byte("::error ")) {
						t.Errorf("%s/%s: a line is no annotation of its own: %s", f, lang, line)
					}
				}
			case JSON:
				var doc jsonReport
				if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
					t.Fatal(err)
				}
				for i, p := range doc.Problems {
					if p.File != l.Sorted()[i].Pos.File {
						t.Errorf("json: file %q; want it as it is, %q", p.File, l.Sorted()[i].Pos.File)
					}
					if bytes.ContainsAny([]byte(p.Message), "\n\r\x1b") {
						t.Errorf("json: message %q breaks its line", p.Message)
					}
				}
			}
		}
	}
}
