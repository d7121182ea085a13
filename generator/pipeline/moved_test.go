package pipeline_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOldPartnerAddressesLeadToNewOnes: every partner's page moved from
// /staedte/<slug>/ (/en/cities/<slug>/) to /partner/<slug>/
// (/en/partners/<slug>/). Each old address is a page that leads to the
// new one in the same language (refresh and link, canonical the new page)
// and serves the same reports feed; the old list leads to the partners
// list. No old address is in a sitemap or linked from a page of the site.
func TestOldPartnerAddressesLeadToNewOnes(t *testing.T) {
	res, out := sampleBuild(t)
	if len(res.Site.Cities) < 4 {
		t.Fatalf("%d partners in the sample data", len(res.Site.Cities))
	}
	type move struct{ old, now, lang string }
	moves := []move{{"staedte/", "partner/", "de"}, {"en/cities/", "en/partners/", "en"}}
	for _, m := range moves {
		pages := []move{{m.old, m.now, m.lang}}
		for _, c := range res.Site.Cities {
			pages = append(pages, move{m.old + c.Slug + "/", m.now + c.Slug + "/", m.lang})
		}
		for _, p := range pages {
			if _, err := os.Stat(filepath.Join(out, p.now, "index.html")); err != nil {
				t.Errorf("no page at the new address /%s: %v", p.now, err)
				continue
			}
			old := read(t, filepath.Join(out, p.old, "index.html"))
			for _, want := range []string{
				`<html lang="` + p.lang + `">`,
				`<meta http-equiv="refresh" content="0; url=/` + p.now + `">`,
				`<link rel="canonical" href="/` + p.now + `">`,
				`<a href="/` + p.now + `">`,
				`<meta name="robots" content="noindex">`,
			} {
				if !strings.Contains(old, want) {
					t.Errorf("/%s lacks %s:\n%s", p.old, want, old)
				}
			}
			if p.old == m.old {
				continue // the list has no feed
			}
			if feed := read(t, filepath.Join(out, p.old, "index.xml")); feed != read(t, filepath.Join(out, p.now, "index.xml")) {
				t.Errorf("the feed at /%sindex.xml differs from the one at /%sindex.xml", p.old, p.now)
			}
		}
	}
	err := filepath.WalkDir(out, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(path, ".html") || strings.HasSuffix(path, ".xml")) {
			return err
		}
		rel, _ := filepath.Rel(out, path)
		rel = filepath.ToSlash(rel)
		if strings.HasPrefix(rel, "staedte/") || strings.HasPrefix(rel, "en/cities/") {
			return nil
		}
		b := read(t, path)
		for _, old := range []string{`/staedte/`, `/en/cities/`} {
			if strings.Contains(b, old) {
				t.Errorf("%s names an old address (%s)", rel, old)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
