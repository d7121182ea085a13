package browsertest

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/pipeline"
	"github.com/digitale-staedte/benchmark/generator/sitedata"
	"github.com/digitale-staedte/benchmark/generator/synth"
)

// searchState is what the city search shows.
type searchState struct {
	Visible bool     `json:"visible"`
	State   string   `json:"state"` // data-state: loading, ready, error
	Status  string   `json:"status"`
	Names   []string `json:"names"`
	Hrefs   []string `json:"hrefs"` // paths
	Metas   []string `json:"metas"` // each result's state and rank
	More    string   `json:"more"`
	Focus   string   `json:"focus"` // the focused link's path, or the element's tag
}

const searchStateJS = `(() => {
  const root = document.querySelector("[data-city-search]");
  const links = Array.from(root.querySelectorAll("ul a"));
  const more = root.querySelector("[data-more]");
  const a = document.activeElement;
  return { visible: !root.hidden && root.offsetHeight > 0, state: root.dataset.state || "",
    status: root.querySelector("[role=status]").textContent,
    names: links.map((l) => l.textContent), hrefs: links.map((l) => new URL(l.href).pathname),
    metas: links.map((l) => (l.parentElement.querySelector(".city-search-meta") || {}).textContent || ""),
    more: more.hidden ? "" : more.textContent,
    focus: a && a.tagName === "A" ? new URL(a.href).pathname : (a ? a.tagName : "") };
})()`

// searchRequests counts the requests for the search index so far.
func searchRequests(rec *recorder) int {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	n := 0
	for _, r := range rec.requests {
		if strings.HasSuffix(r, "/"+sitedata.SearchPath) {
			n++
		}
	}
	return n
}

// typeSearch empties the field, types text into it and waits until the
// status says want (any status when want is "").
func typeSearch(t *testing.T, ctx context.Context, text, want string) searchState {
	t.Helper()
	clear := `(() => { const i = document.getElementById("city-search-input"); i.value = ""; i.dispatchEvent(new Event("input")); })()`
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](clear), chromedp.Focus(chromedp.ID("city-search-input")), chromedp.KeyEvent(text)); err != nil {
		t.Fatalf("typing %q: %v", text, err)
	}
	cond := fmt.Sprintf(`document.querySelector("[data-city-search] [role=status]").textContent === %q`, want)
	if want == "" {
		cond = `document.querySelector("[data-city-search] [role=status]").textContent !== ""`
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](cond,
		chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		s, _ := chromedp.Run(ctx, chromedp.Evaluate[searchState](searchStateJS))
		t.Fatalf("typing %q: status never became %q; the search shows %+v", text, want, s)
	}
	s, err := chromedp.Run(ctx, chromedp.Evaluate[searchState](searchStateJS))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// waitForPage waits (up to 10 s) until the tab shows the page at path,
// loaded, and returns its h1; "" if it never does. A navigation replaces
// the page's JavaScript context, so errors while it happens are retried.
func waitForPage(ctx context.Context, path string) string {
	js := fmt.Sprintf(`location.pathname === %q && document.readyState === "complete" && document.querySelector("h1") ? document.querySelector("h1").textContent : ""`, path)
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		if h1, err := chromedp.Run(ctx, chromedp.Evaluate[string](js)); err == nil && h1 != "" {
			return h1
		}
	}
	return ""
}

// TestCitySearchInChromium types into the home page's city search on the
// sample site, in both languages: the index loads only when the field is
// first used; "mün", "MUN", "MUEN" and "muen" (the slug's spelling) all find
// München, whose link goes to its page in the page's language; the arrow
// key and Enter reach it without the mouse; no console error, no CSP
// violation, nothing from another origin, no axe-core violation with the
// results shown. Without JavaScript the field is hidden.
func TestCitySearchInChromium(t *testing.T) {
	browserPath := chromiumPath(t)
	dir := sampleSite(t)
	for _, p := range []string{"index.html", "en/index.html"} {
		b, err := os.ReadFile(filepath.Join(dir, p))
		if err != nil {
			t.Fatal(err)
		}
		if !regexp.MustCompile(`<div class="city-search"[^>]* hidden[ >]`).Match(b) {
			t.Errorf("%s: the city search is not hidden for readers without JavaScript", p)
		}
	}
	origin := serve(t, dir)
	browser := startBrowser(t, browserPath)
	axe := axeSource(t)
	langs := parallel(t)
	defer langs.Wait()
	for _, tc := range []struct {
		name, path, cities, many, three, none, state string
		munich, nuremberg                            string // as the page names them
		utility                                      string // the kind of partner
	}{
		{"de", "/", "/partner/", "2 Städte gefunden", "3 Städte gefunden", "Keine Stadt gefunden", "Bayern", "München", "Nürnberg", "Kommunales Unternehmen"},
		// The workbooks name the state in German: the English page names it
		// in English, and the cities by their English names (Name (en)),
		// which the German names still find.
		{"en", "/en/", "/en/partners/", "2 cities found", "3 cities found", "No city found", "Bavaria", "Munich", "Nuremberg", "Municipal company"},
	} {
		langs.Run(tc.name, func(t *testing.T) {
			ctx, rec, closeTab := openTab(t, browser, 60*time.Second)
			defer closeTab()
			if err := chromedp.Do(ctx, chromedp.Navigate(origin.String()+tc.path)); err != nil {
				t.Fatal(err)
			}
			s, err := chromedp.Run(ctx, chromedp.Evaluate[searchState](searchStateJS))
			if err != nil {
				t.Fatal(err)
			}
			if !s.Visible {
				t.Fatal("the city search is not shown with JavaScript")
			}
			if n := searchRequests(rec); n != 0 {
				t.Errorf("the index was loaded %d times before the field was used", n)
			}

			// München, and the municipal utility named after it: the city
			// first, its name starting with the query.
			munich, swm := tc.cities+"muenchen/", tc.cities+"stadtwerke-muenchen/"
			for _, q := range []string{"mün", "MUN", "MUEN", "muen", "München "} {
				s = typeSearch(t, ctx, q, tc.many)
				if !slices.Equal(s.Names, []string{tc.munich, "Stadtwerke München"}) || !slices.Equal(s.Hrefs, []string{munich, swm}) {
					t.Errorf("%q finds %q → %q, want %s → %s and Stadtwerke München → %s", q, s.Names, s.Hrefs, tc.munich, munich, swm)
				}
			}
			if len(s.Metas) != 2 || !strings.HasPrefix(strings.TrimSpace(s.Metas[0]), tc.state+", ") ||
				strings.TrimSpace(s.Metas[1]) != tc.state+", "+tc.utility {
				t.Errorf("München and the Stadtwerke are listed with %q, want the state %s first, the utility's kind (%s) in place of a rank", s.Metas, tc.state, tc.utility)
			}
			// "rg": a word's middle in Nürnberg and Augsburg (substring).
			s = typeSearch(t, ctx, "rg", tc.many)
			if !slices.Equal(s.Names, []string{"Augsburg", tc.nuremberg}) {
				t.Errorf(`"rg" finds %q, want Augsburg and %s in that order`, s.Names, tc.nuremberg)
			}
			// Nürnberg's name starts with "n"; no other name does.
			if s = typeSearch(t, ctx, "n", tc.three); s.Names[0] != tc.nuremberg {
				t.Errorf(`"n" finds %q, want %s (start of the name) first`, s.Names, tc.nuremberg)
			}
			s = typeSearch(t, ctx, "xyz", tc.none)
			if len(s.Names) != 0 {
				t.Errorf(`"xyz" lists %q`, s.Names)
			}
			if n := searchRequests(rec); n != 1 {
				t.Errorf("the index was requested %d times, want once", n)
			}

			// With München listed: axe-core on the page as the reader sees it.
			typeSearch(t, ctx, "mün", tc.many)
			checkAxe(t, ctx, axe)

			// Keyboard: the arrow key moves to the result, Escape back to
			// the field, Enter in the field opens the first result.
			if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.ArrowDown)); err != nil {
				t.Fatal(err)
			}
			if s, _ = chromedp.Run(ctx, chromedp.Evaluate[searchState](searchStateJS)); s.Focus != munich {
				t.Errorf("after the down arrow the focus is on %q, want the link to %s", s.Focus, munich)
			}
			if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Escape)); err != nil {
				t.Fatal(err)
			}
			if s, _ = chromedp.Run(ctx, chromedp.Evaluate[searchState](searchStateJS)); s.Focus != "INPUT" {
				t.Errorf("after Escape the focus is on %q, want the field", s.Focus)
			}
			if err := chromedp.Do(ctx, chromedp.KeyEvent("\r")); err != nil {
				t.Fatal(err)
			}
			if h1 := waitForPage(ctx, munich); !strings.Contains(h1, tc.munich) {
				t.Errorf("Enter did not open %s's page (heading %q)", tc.munich, h1)
			}
			rec.report(t, origin)
		})
	}
}

var (
	rowLink   = regexp.MustCompile(`<th scope="row"><a href="([^"]*)">`)
	rowEnd    = regexp.MustCompile(`<td class="num">(\d+)</td>\s*</tr>`) // measures
	pagerNav  = regexp.MustCompile(`(?s)<nav class="pager" id="(pager-top|pager-bottom)" aria-label="([^"]+)">(.*?)</nav>`)
	pagerLink = regexp.MustCompile(`<a href="([^"]*)"([^>]*)>(.*?)</a>`)
)

// gzipSize is the size of b compressed with gzip -9.
func gzipSize(t *testing.T, b []byte) int {
	t.Helper()
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Len()
}

// builtFile reads the page a site path names.
func builtFile(t *testing.T, dir, p string) []byte {
	t.Helper()
	f := filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(p, "/")))
	if strings.HasSuffix(p, "/") {
		f = filepath.Join(f, "index.html")
	}
	b, err := os.ReadFile(f)
	if err != nil {
		t.Fatalf("%s: %v", p, err)
	}
	return b
}

// TestCitiesPaginated takes the shared synthetic site of 130 partners
// (above the list limit of 100), 124 of them municipalities: the cities
// list, a ranking, has 100 rows on page 1 and 24 on page 2 in both
// languages, in the ranking's order, each municipality once and linked to
// its own page; the pagers' links lead to the pages they name, the current
// page marked; each page stays under 60 KB gzip. In Chromium: axe-core
// finds nothing on page 2, the search on the list finds cities and says
// how many more matched than it lists, and every city's link the script
// derives from the index is a built page.
func TestCitiesPaginated(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 130 cities")
	}
	scale := scaleSite(t)
	o, data, dir, site := scale.opts, scale.data, scale.out, scale.res.Site
	// The measures as read from the workbooks: the build's site data has
	// no measures per city above the list limit.
	ds, probs := pipeline.Check(data)
	if probs.Errors() > 0 {
		t.Fatal(probs.Text("en"))
	}
	if site.Lists.Full || site.Lists.PageSize != 100 {
		t.Fatalf("lists %+v, want paginated with 100 per page", site.Lists)
	}
	var ranking []string
	for _, r := range site.Ranking {
		ranking = append(ranking, r.Slug)
	}
	// Only municipalities are ranked.
	if municipalities := o.Cities - synth.Others(o.Cities); len(ranking) != municipalities {
		t.Fatalf("%d cities in the ranking, want %d", len(ranking), municipalities)
	}

	for _, lang := range []struct{ base, page, first, prev, next, last string }{
		{"/partner/", "Seite", "« Erste Seite", "‹ Vorige Seite", "Nächste Seite ›", "Letzte Seite »"},
		{"/en/partners/", "Page", "« First page", "‹ Previous page", "Next page ›", "Last page »"},
	} {
		pages := []string{lang.base, lang.base + "page/2/"}
		var all []string
		for i, p := range pages {
			html := builtFile(t, dir, p)
			if gz := gzipSize(t, html); gz > 60_000 {
				t.Errorf("%s: %d bytes gzip, over 60 KB", p, gz)
			} else {
				t.Logf("%s: %d bytes, %d gzip", p, len(html), gz)
			}
			if !bytes.Contains(html, []byte(`<link rel="stylesheet" href="/css/city-search.`)) {
				t.Errorf("%s: no style sheet for the search and the pager", p)
			}
			// The ranking's rows; the partners that are not scored follow
			// in a table of their own, on the first page only.
			ranked, others, hasOthers := bytes.Cut(html, []byte(`id="other-partners"`))
			if n := len(rowLink.FindAllSubmatch(others, -1)); hasOthers != (i == 0) || i == 0 && n != synth.Others(o.Cities) {
				t.Errorf("%s: table of other partners %v with %d rows; want it on the first page only, with %d", p, hasOthers, n, synth.Others(o.Cities))
			}
			var slugs []string
			for _, m := range rowLink.FindAllSubmatch(ranked, -1) {
				href := string(m[1])
				slug, ok := strings.CutPrefix(href, lang.base)
				if !ok || !strings.HasSuffix(slug, "/") {
					t.Errorf("%s: row link %s is not a city page of %s", p, href, lang.base)
				}
				builtFile(t, dir, href) // the city's page exists
				slugs = append(slugs, strings.TrimSuffix(slug, "/"))
			}
			var counts []string
			for _, m := range rowEnd.FindAllSubmatch(ranked, -1) {
				counts = append(counts, string(m[1]))
			}
			want := ranking[i*100 : min(len(ranking), (i+1)*100)]
			var wantCounts []string
			for _, slug := range want {
				wantCounts = append(wantCounts, fmt.Sprint(len(ds.Cities[slices.IndexFunc(ds.Cities, func(c model.City) bool { return c.Slug == slug })].Measures)))
			}
			if !slices.Equal(counts, wantCounts) {
				t.Errorf("%s: measures per row\n got %q\nwant %q", p, counts, wantCounts)
			}
			if !slices.Equal(slugs, want) {
				t.Errorf("%s: %d rows\n got %q\nwant %q (the ranking's order)", p, len(slugs), slugs, want)
			}
			all = append(all, slugs...)

			// The pagers: both, with their labels; the links lead to built
			// pages; the current page is marked, the other offered.
			navs := pagerNav.FindAllSubmatch(html, -1)
			if len(navs) != 2 || string(navs[0][2]) == string(navs[1][2]) {
				t.Errorf("%s: %d pagers, want two with different labels", p, len(navs))
			}
			other := pages[1-i]
			for _, nav := range navs {
				var current, texts []string
				for _, l := range pagerLink.FindAllSubmatch(nav[3], -1) {
					href, attrs := string(l[1]), string(l[2])
					text := regexp.MustCompile(`<[^>]+>`).ReplaceAllString(string(l[3]), "")
					texts = append(texts, text)
					builtFile(t, dir, href)
					if strings.Contains(attrs, `aria-current="page"`) {
						current = append(current, href)
					}
					if text == lang.page+" "+fmt.Sprint(2-i) && href != other {
						t.Errorf("%s: %q leads to %s, want %s", p, text, href, other)
					}
				}
				if !slices.Equal(current, []string{p}) {
					t.Errorf("%s %s: aria-current on %q, want this page only", p, nav[1], current)
				}
				// Two pages: no first and last (their numbers are shown),
				// next on page 1, previous on page 2.
				wantTexts := []string{lang.page + " 1", lang.page + " 2", lang.next}
				if i == 1 {
					wantTexts = []string{lang.prev, lang.page + " 1", lang.page + " 2"}
				}
				if !slices.Equal(texts, wantTexts) {
					t.Errorf("%s %s: links %q, want %q", p, nav[1], texts, wantTexts)
				}
			}
		}
		sorted := slices.Clone(all)
		slices.Sort(sorted)
		if len(slices.Compact(sorted)) != len(all) || len(all) != len(ranking) {
			t.Errorf("%s: %d rows over both pages, %d distinct; want each of %d cities once", lang.base, len(all), len(slices.Compact(sorted)), len(ranking))
		}
	}

	t.Run("browser", func(t *testing.T) {
		browserPath := chromiumPath(t)
		origin := serve(t, dir)
		browser := startBrowser(t, browserPath)
		axe := axeSource(t)
		for _, p := range []string{"/partner/page/2/", "/en/partners/"} {
			res := visit(t, browser, origin, p, nil, axe)
			for _, v := range res.axe {
				t.Errorf("%s: axe-core: %s (%s): %s\n  %s", p, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n  "))
			}
		}

		ctx, rec, closeTab := openTab(t, browser, 60*time.Second)
		defer closeTab()
		if err := chromedp.Do(ctx, chromedp.Navigate(origin.String()+"/partner/page/2/")); err != nil {
			t.Fatal(err)
		}
		styled, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`getComputedStyle(document.querySelector(".pager ul")).display === "flex"`))
		if err != nil || !styled {
			t.Errorf("the pager is not styled (%v)", err)
		}
		// "e" is in nearly every name: 20 listed and a note on the rest.
		total := 0
		for _, c := range site.Cities {
			if strings.Contains(strings.ToLower(c.Name), "e") || strings.Contains(c.Slug, "e") {
				total++
			}
		}
		s := typeSearch(t, ctx, "e", fmt.Sprintf("%d Städte gefunden", total))
		if len(s.Names) != 20 || !strings.Contains(s.More, fmt.Sprintf("und %d weitere", total-20)) {
			t.Errorf(`"e": %d listed, note %q; want 20 and "und %d weitere"`, len(s.Names), s.More, total-20)
		}
		// A city by its whole name in capitals: it comes first, linked to
		// its page.
		c := site.Cities[len(site.Cities)/2]
		s = typeSearch(t, ctx, strings.ToUpper(c.Name), "")
		if len(s.Hrefs) == 0 || s.Hrefs[0] != "/partner/"+c.Slug+"/" {
			t.Errorf("%q finds %q, want /partner/%s/", c.Name, s.Hrefs, c.Slug)
		}
		// Every link the script can make from the index is a built page
		// (the index leaves most slugs out; the script derives them).
		links, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`fetch(document.querySelector("[data-city-search]").dataset.src).then((r) => r.json())
  .then((d) => d.cities.map((c) => c[3] || window.benchmarkCitySearch.plainSlug(c[0])))`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		var slugs []string
		for _, c := range site.Cities {
			slugs = append(slugs, c.Slug)
		}
		slices.Sort(slugs)
		slices.Sort(links)
		if !slices.Equal(links, slugs) {
			t.Errorf("the slugs the script derives from the index differ from the cities' slugs:\n got %q\nwant %q", links, slugs)
		}
		// A mouse click on a result opens the city's page.
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-city-search] ul a`))); err != nil {
			t.Fatal(err)
		}
		if h1 := waitForPage(ctx, "/partner/"+c.Slug+"/"); !strings.Contains(h1, c.Name) {
			t.Errorf("clicking the result did not open /partner/%s/ (heading %q)", c.Slug, h1)
		}
		rec.report(t, origin)
	})
}
