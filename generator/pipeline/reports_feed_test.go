package pipeline_test

import (
	"bytes"
	"encoding/xml"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/digitale-staedte/benchmark/generator/pipeline"
	wt "github.com/digitale-staedte/benchmark/generator/workbook/workbooktest"
)

// rss is what RSS 2.0 requires of a feed and its items, as a reader
// decodes them.
type rss struct {
	XMLName xml.Name `xml:"rss"`
	Version string   `xml:"version,attr"`
	Channel struct {
		Title       string    `xml:"title"`
		Link        string    `xml:"link"`
		Description string    `xml:"description"`
		Items       []rssItem `xml:"item"`
	} `xml:"channel"`
}

type rssItem struct {
	Title       string `xml:"title"`
	Link        string `xml:"link"`
	Description string `xml:"description"`
	PubDate     string `xml:"pubDate"`
	GUID        struct {
		Value       string `xml:",chardata"`
		IsPermaLink string `xml:"isPermaLink,attr"`
	} `xml:"guid"`
}

// TestReportFeeds builds the sample data with reports added to Augsburg
// (one with markup, template braces and a javascript: address, one dated
// to the month, one dated ahead) and München, published under a sub-path.
// Every feed, for all partners and per partner in both languages, must
// decode as RSS 2.0 with title, link and description, dates in RFC 1123Z,
// unique guids and links to a built page that holds the report's anchor;
// the reports page lists the published reports newest first, and the
// report dated ahead is on no page and in no feed.
func TestReportFeeds(t *testing.T) {
	data := t.TempDir()
	if err := os.CopyFS(data, os.DirFS(repoData)); err != nil {
		t.Fatal(err)
	}
	head := []any{"Datum", "Titel", "Titel (en)", "Text", "Text (en)", "Thema", "Maßnahme", "Link"}
	hostile := "Erster Absatz <script>alert(1)</script> {{ .Site.Title }}\nZweiter: javascript:alert(1) und https://example.org/akte."
	for slug, rows := range map[string][][]any{
		"augsburg": {head,
			{"10.01.2026", "Agenda <b>fortgeschrieben</b>", "Agenda updated", hostile, "First paragraph.", "STRATEGIE", "M-01", nil},
			{"06.2025", "Halbjahr", "Half year", "Bilanz.", "Review.", nil, nil, "https://example.org/bilanz"},
			{"01.02.2026", "Noch nicht", nil, "Geheim bis Februar.", nil, nil, nil, nil},
		},
		"muenchen": {head, {"12.01.2026", "Portal eröffnet", nil, "Nur deutsch.", nil, nil, nil, nil}},
	} {
		path := filepath.Join(data, "cities", slug+".xlsx")
		wt.Rewrite(t, path, path, wt.Sheet{Name: "Berichte", Rows: rows})
	}
	out := filepath.Join(t.TempDir(), "public")
	const base = "https://example.org/portal/"
	var stdout, stderr bytes.Buffer
	res, err := pipeline.Build(pipeline.Options{DataDir: data, SiteDir: repoSite, OutDir: out, BaseURL: base,
		Stdout: &stdout, Stderr: &stderr, Today: time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatalf("build: %v\n%s", err, res.Problems.Text("en"))
	}
	if strings.Contains(stderr.String(), "WARN") || strings.Contains(stderr.String(), "ERROR") {
		t.Errorf("Hugo reported problems:\n%s", stderr.String())
	}

	feeds := map[string]rss{}
	err = filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.Name() != "index.xml" {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, path)
		var f rss
		if err := xml.Unmarshal(b, &f); err != nil {
			t.Errorf("%s: not RSS: %v", rel, err)
		}
		if strings.Contains(string(b), "<script") {
			t.Errorf("%s holds markup from a cell:\n%s", rel, b)
		}
		feeds[filepath.ToSlash(rel)] = f
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"berichte/index.xml", "en/reports/index.xml", "staedte/augsburg/index.xml",
		"en/cities/augsburg/index.xml", "staedte/muenchen/index.xml", "staedte/nuernberg/index.xml", "en/cities/nuernberg/index.xml"} {
		if _, ok := feeds[want]; !ok {
			t.Errorf("no feed %s (feeds: %v)", want, feeds)
		}
	}
	if len(feeds) != 8 {
		t.Errorf("%d feeds, want 8 (all partners and each of 3 partners, in 2 languages)", len(feeds))
	}

	for name, f := range feeds {
		c := f.Channel
		if f.Version != "2.0" || c.Title == "" || c.Link == "" || c.Description == "" {
			t.Errorf("%s: version %q, title %q, link %q, description %q", name, f.Version, c.Title, c.Link, c.Description)
		}
		if !strings.HasPrefix(c.Link, base) {
			t.Errorf("%s: channel link %q is not an absolute address under %s", name, c.Link, base)
		}
		guids := map[string]bool{}
		for _, it := range c.Items {
			if it.Title == "" {
				t.Errorf("%s: item without title: %+v", name, it)
			}
			if _, err := time.Parse(time.RFC1123Z, it.PubDate); err != nil {
				t.Errorf("%s: item %q: pubDate: %v", name, it.Title, err)
			}
			if it.GUID.Value == "" || guids[it.GUID.Value] || it.GUID.IsPermaLink != "false" {
				t.Errorf("%s: item %q: guid %q (isPermaLink %q) empty, repeated or a permalink", name, it.Title, it.GUID.Value, it.GUID.IsPermaLink)
			}
			guids[it.GUID.Value] = true
			checkReportLink(t, out, base, name, it.Link)
			if strings.Contains(it.Title+it.Description, "Noch nicht") || strings.Contains(it.Description, "Geheim") {
				t.Errorf("%s has the report dated ahead: %+v", name, it)
			}
		}
	}

	// Newest first; dated to the month, the report counts from the
	// month's first day. Titles are HTML in readers: the cell's markup
	// comes escaped.
	all := feeds["berichte/index.xml"].Channel.Items
	var titles, dates []string
	for _, it := range all {
		titles = append(titles, it.Title)
		dates = append(dates, it.PubDate)
	}
	if got, want := strings.Join(titles, " | "), "Portal eröffnet | Agenda &lt;b&gt;fortgeschrieben&lt;/b&gt; | Halbjahr"; got != want {
		t.Errorf("all partners' feed: %s, want %s", got, want)
	}
	if got, want := strings.Join(dates, " | "), "Mon, 12 Jan 2026 00:00:00 +0000 | Sat, 10 Jan 2026 00:00:00 +0000 | Sun, 01 Jun 2025 00:00:00 +0000"; got != want {
		t.Errorf("all partners' feed dates: %s, want %s", got, want)
	}
	if len(all) == 3 {
		// The description is HTML, as RSS has it: the cell's markup is
		// escaped in it, only the https address is a link.
		d := all[1].Description
		for _, w := range []string{"&lt;script&gt;alert(1)&lt;/script&gt; {{ .Site.Title }}", "javascript:alert(1) und ",
			`<a href="https://example.org/akte" rel="external noopener noreferrer">`} {
			if !strings.Contains(d, w) {
				t.Errorf("hostile report's description lacks %q:\n%s", w, d)
			}
		}
		if strings.Contains(d, "<script") || strings.Contains(d, `href="javascript:`) {
			t.Errorf("hostile report's description has live markup:\n%s", d)
		}
	}
	if en := feeds["en/cities/augsburg/index.xml"].Channel.Items; len(en) != 2 || en[0].Title != "Agenda updated" || !strings.Contains(en[0].Description, "First paragraph.") {
		t.Errorf("Augsburg's English feed: %+v", en)
	}

	de := read(t, filepath.Join(out, "berichte", "index.html"))
	en := read(t, filepath.Join(out, "en", "reports", "index.html"))
	for _, w := range []string{
		`<link rel="alternate" type="application/rss+xml" href="https://example.org/portal/berichte/index.xml"`,
		`<form id="report-filter" class="filter" data-table="reports-list" data-count="report-count" hidden>`,
		`<li data-city="muenchen" data-topic="">`, `<li data-city="augsburg" data-topic="STRATEGIE">`,
		"<p>Erster Absatz &lt;script&gt;alert(1)&lt;/script&gt; {{ .Site.Title }}</p>",
		`id="report-augsburg-2026-01-10-`,
		`<a href="/portal/staedte/augsburg/#measure-M-01">Digitale Agenda: Auftrag und Zwischenbericht</a>`,
	} {
		if !strings.Contains(de, w) {
			t.Errorf("German reports page lacks %q", w)
		}
	}
	if strings.Index(de, `data-city="muenchen"`) > strings.Index(de, `data-city="augsburg"`) {
		t.Error("German reports page: München's report of 12 January comes after Augsburg's of 10 January")
	}
	if !strings.Contains(en, `href="https://example.org/portal/en/reports/index.xml"`) || !strings.Contains(en, "First paragraph.") {
		t.Error("English reports page lacks its feed or the English text")
	}
	if city := read(t, filepath.Join(out, "staedte", "augsburg", "index.html")); !strings.Contains(city, `href="https://example.org/portal/staedte/augsburg/index.xml"`) ||
		!strings.Contains(city, `<tr id="measure-M-01">`) || !strings.Contains(city, `<a href="#measure-M-01">`) {
		t.Error("Augsburg's page does not link its feed, or lacks the anchor of measure M-01 or the report's link to it")
	}
	if home := read(t, filepath.Join(out, "index.html")); !strings.Contains(home, `<a href="/portal/berichte/"`) {
		t.Error("the navigation does not link the reports page")
	}

	// Nothing of the report dated ahead anywhere on the site.
	err = filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(path, ".html") || strings.HasSuffix(path, ".xml")) {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, bad := range []string{"<script>alert", `href="javascript:`, "Noch nicht", "Geheim bis Februar"} {
			if bytes.Contains(b, []byte(bad)) {
				t.Errorf("%s holds %q", path, bad)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// checkReportLink fails unless link is an absolute address under base
// whose path is a built page holding the anchor its fragment names.
func checkReportLink(t *testing.T, out, base, feed, link string) {
	t.Helper()
	u, err := url.Parse(link)
	if err != nil || !u.IsAbs() || !strings.HasPrefix(link, base) || u.Fragment == "" {
		t.Errorf("%s: item link %q is not an absolute address under %s with an anchor", feed, link, base)
		return
	}
	page := filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(u.Path, "/portal/")), "index.html")
	b, err := os.ReadFile(page)
	if err != nil {
		t.Errorf("%s: item link %q: no page: %v", feed, link, err)
		return
	}
	if !bytes.Contains(b, []byte(`id="`+u.Fragment+`"`)) {
		t.Errorf("%s: item link %q: the page has no anchor %q", feed, link, u.Fragment)
	}
}
