package pipeline_test

import (
	"bytes"
	"io/fs"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/rss"

	"github.com/digitale-staedte/benchmark/generator/pipeline"
	wt "github.com/digitale-staedte/benchmark/generator/workbook/workbooktest"
)

// parseFeed reads a feed as a feed reader does, with gofeed, and fails
// unless it is RSS 2.0 whose channel has a title, a link under base and a
// description, and whose items each have a title, a link, a guid that is
// not a permalink and is unique in the feed, and a pubDate. RSS asks for
// dates in RFC 822 (RFC 1123 with a numeric zone here); gofeed reads laxer
// ones too, so the date's text is held to that as well.
func parseFeed(t *testing.T, name string, b []byte, base string) *gofeed.Feed {
	t.Helper()
	p := gofeed.NewParser()
	p.KeepOriginalFeed = true // for the guids' isPermaLink
	f, err := p.ParseString(string(b))
	if err != nil {
		t.Errorf("%s: not a feed: %v", name, err)
		return &gofeed.Feed{}
	}
	if f.FeedType != "rss" || f.FeedVersion != "2.0" || f.Title == "" || f.Link == "" || f.Description == "" {
		t.Errorf("%s: %s %s, title %q, link %q, description %q; want RSS 2.0 with all three", name, f.FeedType, f.FeedVersion, f.Title, f.Link, f.Description)
	}
	if !strings.HasPrefix(f.Link, base) {
		t.Errorf("%s: channel link %q is not an absolute address under %s", name, f.Link, base)
	}
	orig, _ := f.OriginalFeed().(*rss.Feed)
	if orig == nil || len(orig.Items) != len(f.Items) {
		t.Fatalf("%s: gofeed kept no RSS original", name)
	}
	guids := map[string]bool{}
	for i, it := range f.Items {
		if it.Title == "" || it.Link == "" {
			t.Errorf("%s: item %d without title or link: %q, %q", name, i, it.Title, it.Link)
		}
		if it.PublishedParsed == nil {
			t.Errorf("%s: item %q: no pubDate gofeed reads (%q)", name, it.Title, it.Published)
		} else if _, err := time.Parse(time.RFC1123Z, it.Published); err != nil {
			t.Errorf("%s: item %q: pubDate: %v", name, it.Title, err)
		}
		if g := orig.Items[i].GUID; it.GUID == "" || guids[it.GUID] || g == nil || g.IsPermalink != "false" {
			t.Errorf("%s: item %q: guid %q empty, repeated or a permalink", name, it.Title, it.GUID)
		}
		guids[it.GUID] = true
	}
	return f
}

// TestReportFeeds builds the sample data (Nürnberg has a report) with
// reports added to Augsburg (one with markup, template braces and a
// javascript: address, one dated to the month, one dated ahead) and in
// place of München's, published under a sub-path.
// Every feed, for all partners and per partner in both languages, and the
// changes feeds, must parse in a feed reader's parser (parseFeed) with
// links to a built page, for a report one that holds its anchor;
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
		path := filepath.Join(data, "partners", slug+".xlsx")
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

	// The reports feeds are index.xml beside their pages; the changes
	// feeds, which every build has, are under feeds/.
	feeds := map[string]*gofeed.Feed{}
	moved := map[string][]byte{} // the feeds at the partners' old addresses
	err = filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, path)
		rel = filepath.ToSlash(rel)
		if d.Name() != "index.xml" && !strings.HasPrefix(rel, "feeds/") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if strings.HasPrefix(rel, "staedte/") || strings.HasPrefix(rel, "en/cities/") {
			moved[rel] = b
			return nil
		}
		if strings.Contains(string(b), "<script") {
			t.Errorf("%s holds markup from a cell:\n%s", rel, b)
		}
		feeds[rel] = parseFeed(t, rel, b, base)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"berichte/index.xml", "en/reports/index.xml", "partner/augsburg/index.xml",
		"en/partners/augsburg/index.xml", "partner/muenchen/index.xml", "partner/nuernberg/index.xml", "en/partners/nuernberg/index.xml",
		"feeds/changes.de.xml", "feeds/changes.en.xml"} {
		if _, ok := feeds[want]; !ok {
			t.Errorf("no feed %s (feeds: %v)", want, slices.Sorted(maps.Keys(feeds)))
		}
	}
	if len(feeds) != 12 {
		t.Errorf("%d feeds, want 12 (of reports: all partners and each of 4 partners; of changes; each in 2 languages)", len(feeds))
	}
	// A feed reader that knows a partner's old feed address gets the same
	// feed as at the new one.
	if len(moved) != 8 {
		t.Errorf("%d feeds at the partners' old addresses, want 8 (4 partners, 2 languages): %v", len(moved), slices.Sorted(maps.Keys(moved)))
	}
	for old, b := range moved {
		now := strings.Replace(strings.Replace(old, "staedte/", "partner/", 1), "en/cities/", "en/partners/", 1)
		if want, err := os.ReadFile(filepath.Join(out, now)); err != nil || !bytes.Equal(b, want) {
			t.Errorf("the feed at the old address %s differs from %s (%v)", old, now, err)
		}
	}

	for name, f := range feeds {
		for _, it := range f.Items {
			if strings.HasPrefix(name, "feeds/") {
				checkPageLink(t, out, base, name, it.Link)
				continue
			}
			checkReportLink(t, out, base, name, it.Link)
			if strings.Contains(it.Title+it.Description, "Noch nicht") || strings.Contains(it.Description, "Geheim") {
				t.Errorf("%s has the report dated ahead: %+v", name, it)
			}
		}
	}
	// Without a previous release the changes feed says so, dated on the
	// build date.
	if it := feeds["feeds/changes.en.xml"].Items; len(it) != 1 || it[0].Title != "There is no earlier release to compare this one with." || it[0].Published != "Thu, 15 Jan 2026 00:00:00 +0000" {
		for _, i := range it {
			t.Errorf("English changes feed without a previous release: %q of %q", i.Title, i.Published)
		}
		t.Errorf("English changes feed without a previous release: %d items, want 1, saying so, of 15 Jan 2026", len(it))
	}

	// Newest first; dated to the month, the report counts from the
	// month's first day. Titles are HTML in readers: the cell's markup
	// comes escaped.
	all := feeds["berichte/index.xml"].Items
	var titles, dates []string
	for _, it := range all {
		titles = append(titles, it.Title)
		dates = append(dates, it.Published)
	}
	if got, want := strings.Join(titles, " | "), "Portal eröffnet | Agenda &lt;b&gt;fortgeschrieben&lt;/b&gt; | Halbjahr | Strategische Leitlinien „Digitales Nürnberg“ beschlossen"; got != want {
		t.Errorf("all partners' feed: %s, want %s", got, want)
	}
	if got, want := strings.Join(dates, " | "), "Mon, 12 Jan 2026 00:00:00 +0000 | Sat, 10 Jan 2026 00:00:00 +0000 | Sun, 01 Jun 2025 00:00:00 +0000 | Wed, 23 Oct 2019 00:00:00 +0000"; got != want {
		t.Errorf("all partners' feed dates: %s, want %s", got, want)
	}
	if len(all) == 4 {
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
	if en := feeds["en/partners/augsburg/index.xml"].Items; len(en) != 2 || en[0].Title != "Agenda updated" || !strings.Contains(en[0].Description, "First paragraph.") {
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
		`<a href="/portal/partner/augsburg/#measure-M-01">Digitale Agenda: Auftrag und Zwischenbericht</a>`,
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
	if city := read(t, filepath.Join(out, "partner", "augsburg", "index.html")); !strings.Contains(city, `href="https://example.org/portal/partner/augsburg/index.xml"`) ||
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

// checkPageLink fails unless link is an absolute address under base
// whose path is a built page.
func checkPageLink(t *testing.T, out, base, feed, link string) {
	t.Helper()
	u, err := url.Parse(link)
	if err != nil || !u.IsAbs() || !strings.HasPrefix(link, base) {
		t.Errorf("%s: item link %q is not an absolute address under %s", feed, link, base)
		return
	}
	rel := strings.TrimPrefix(u.Scheme+"://"+u.Host+u.Path, base)
	if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(rel), "index.html")); err != nil {
		t.Errorf("%s: item link %q: no page: %v", feed, link, err)
	}
}
