package pipeline_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/digitale-staedte/benchmark/generator/model"
)

// TestEnglishPagesLanguage: on the English pages of the sample site,
// every text the workbooks give in German only (sources, notes, lead
// units, contacts, strategy titles, and names, titles, descriptions and
// units without a translation) stands inside an element marked lang="de",
// so that screen readers read it as German (WCAG 2.1, 3.1.2 Language of
// Parts); and the state the workbooks name in German (Bayern) is named in
// English.
func TestEnglishPagesLanguage(t *testing.T) {
	res, out := sampleBuild(t)
	s := res.Site
	// Short texts ("%", "Rang") may be English too.
	german := map[string]bool{}
	add := func(text string) {
		if text = strings.TrimSpace(text); len([]rune(text)) >= 12 && !strings.Contains(text, "@") &&
			!strings.HasPrefix(text, "http") {
			german[text] = true
		}
	}
	addText := func(t model.Text) {
		if t.En == "" {
			add(t.De)
		}
	}
	for _, ind := range s.Indicators {
		add(ind.Source)
		addText(ind.Name)
		addText(ind.Unit)
		addText(ind.Description)
	}
	for _, c := range s.Cities {
		add(c.Contact)
		add(c.Strategy.Title)
		for _, k := range c.KPIs {
			add(k.Source)
			add(k.Note)
		}
		for _, m := range c.Measures {
			add(m.Lead)
			addText(m.Title)
			addText(m.Description)
		}
	}
	if len(german) < 10 {
		t.Fatalf("only %d German-only texts in the sample data; the test needs some to check", len(german))
	}

	found := map[string]bool{}
	err := filepath.WalkDir(filepath.Join(out, "en"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".html" {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		doc, err := html.Parse(strings.NewReader(string(b)))
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		var walk func(n *html.Node, lang string)
		walk = func(n *html.Node, lang string) {
			if n.Type == html.ElementNode {
				if n.Data == "script" || n.Data == "style" || n.Data == "head" {
					return
				}
				for _, a := range n.Attr {
					if a.Key == "lang" {
						lang = a.Val
					}
				}
			}
			// The whole text of a node: a source may also name something
			// the English text names ("Bitkom Smart City Index").
			if text := strings.TrimSpace(n.Data); n.Type == html.TextNode && german[text] {
				found[text] = true
				if lang != "de" {
					t.Errorf("%s: %q is read as %q, want lang=\"de\"", rel, text, lang)
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, lang)
			}
		}
		walk(doc, "")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for text := range german {
		if !found[text] {
			t.Errorf("%q is on no English page as a text of its own", text)
		}
	}

	for _, tc := range []struct {
		page, want string
		count      int
	}{
		{"partner/augsburg/index.html", "<dd>Bayern", 1},
		{"en/partners/augsburg/index.html", "<dd>Bavaria", 1},
		{"partner/index.html", "<td>Bayern</td>", len(s.Cities)},
		{"en/partners/index.html", "<td>Bavaria</td>", len(s.Cities)},
	} {
		if n := strings.Count(read(t, filepath.Join(out, tc.page)), tc.want); n != tc.count {
			t.Errorf("%s: %q %d times, want %d", tc.page, tc.want, n, tc.count)
		}
	}
}
