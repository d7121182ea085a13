package pipeline_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/digitale-staedte/benchmark/generator/hugo"
)

// Budgets from the site's quality bar.
const (
	jsBudget   = 250_000 // bytes of JavaScript per page, gzip
	homeBudget = 60_000  // bytes of the home page's HTML and CSS, gzip
)

// builtPage is what the checks need from one HTML page.
type builtPage struct {
	path     string // URL path, e.g. /partner/augsburg/
	csp      string
	refresh  bool // a redirect page (Hugo alias)
	canon    string
	hreflang int
	refs     []ref // every src and href
	scripts  []script
}

type ref struct {
	tag, attr, url string
}

type script struct {
	src, typ, integrity string
	inline              bool // has text and is not a data block
}

// parsePage reads the attributes the checks look at.
func parsePage(t *testing.T, urlPath string, b []byte) builtPage {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", urlPath, err)
	}
	p := builtPage{path: urlPath}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			a := map[string]string{}
			for _, at := range n.Attr {
				a[at.Key] = at.Val
				if strings.HasPrefix(at.Key, "on") {
					t.Errorf("%s: <%s %s> is an inline event handler", urlPath, n.Data, at.Key)
				}
			}
			for _, k := range []string{"src", "href"} {
				if v, ok := a[k]; ok {
					p.refs = append(p.refs, ref{n.Data, k, v})
				}
			}
			switch n.Data {
			case "meta":
				switch strings.ToLower(a["http-equiv"]) {
				case "content-security-policy":
					p.csp = a["content"]
				case "refresh":
					p.refresh = true
				}
			case "link":
				switch {
				case a["rel"] == "canonical":
					p.canon = a["href"]
				case a["rel"] == "alternate" && a["hreflang"] != "":
					p.hreflang++
				}
			case "script":
				s := script{src: a["src"], typ: a["type"], integrity: a["integrity"]}
				s.inline = s.src == "" && s.typ != "application/json" && n.FirstChild != nil &&
					strings.TrimSpace(n.FirstChild.Data) != ""
				p.scripts = append(p.scripts, s)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return p
}

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

// webURLs collects every http(s) URL in a JSON document: what strategists
// wrote into the spreadsheets and what the site's owner configured.
var webURL = regexp.MustCompile(`(?i)^https?://\S+$`)

func webURLs(v any, into map[string]bool) {
	switch x := v.(type) {
	case string:
		if webURL.MatchString(x) {
			into[x] = true
		}
	case []any:
		for _, e := range x {
			webURLs(e, into)
		}
	case map[string]any:
		for _, e := range x {
			webURLs(e, into)
		}
	}
}

// TestBuiltSiteBudgetsAndHeaders checks the sample site as built: every
// page carries a strict Content-Security-Policy, a canonical URL and
// hreflang alternates; no script is inline and every script has
// integrity; no src or href leaves the site, except plain <a> links to
// URLs that come from the spreadsheets or the site configuration; every
// link within the site leads to a file of the site; each page's scripts
// stay within 250 KB gzip and the home page's HTML and CSS within 60 KB.
func TestBuiltSiteBudgetsAndHeaders(t *testing.T) {
	res, out := sampleBuild(t)

	// URLs a page may link to: from the data and from the configuration.
	allowed := map[string]bool{}
	var data any
	b, err := json.Marshal(res.Site)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &data); err != nil {
		t.Fatal(err)
	}
	webURLs(data, allowed)
	params, err := hugo.Params(repoSite)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range params {
		webURLs(v, allowed)
	}
	// A local build (no --production, no --base-url) names no absolute
	// address of its own: canonical and hreflang links are paths on the
	// host, checked below like every other link.

	var pages []builtPage
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".html" {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		u := "/" + filepath.ToSlash(rel)
		u = strings.TrimSuffix(u, "index.html")
		pages = append(pages, parsePage(t, u, b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 40 {
		t.Fatalf("only %d pages built", len(pages))
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].path < pages[j].path })

	// exists says whether a URL path of the site names a file.
	exists := func(u string) bool {
		p := filepath.Join(out, filepath.FromSlash(path.Clean("/"+u)))
		if st, err := os.Stat(p); err == nil {
			if !st.IsDir() {
				return true
			}
			_, err := os.Stat(filepath.Join(p, "index.html"))
			return err == nil
		}
		return false
	}

	for _, p := range pages {
		checkCSP(t, p)
		if !p.refresh {
			if !strings.HasPrefix(p.canon, "/") || strings.HasPrefix(p.canon, "//") {
				t.Errorf("%s: canonical URL %q, want a path on this host", p.path, p.canon)
			}
			if !strings.HasSuffix(p.path, "404.html") && p.hreflang < 3 {
				t.Errorf("%s: %d hreflang alternates, want de, en and x-default", p.path, p.hreflang)
			}
		}
		jsBytes := 0
		for _, s := range p.scripts {
			if s.inline {
				t.Errorf("%s: an inline script", p.path)
			}
			if s.src == "" {
				continue
			}
			if s.integrity == "" {
				t.Errorf("%s: script %s without integrity", p.path, s.src)
			}
			b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(path.Clean("/"+s.src))))
			if err != nil {
				t.Errorf("%s: script %s: %v", p.path, s.src, err)
				continue
			}
			jsBytes += gzipSize(t, b)
		}
		if jsBytes > jsBudget {
			t.Errorf("%s: %d bytes of JavaScript (gzip), budget %d", p.path, jsBytes, jsBudget)
		}
		for _, r := range p.refs {
			u, err := url.Parse(r.url)
			if err != nil {
				t.Errorf("%s: <%s %s=%q>: %v", p.path, r.tag, r.attr, r.url, err)
				continue
			}
			switch {
			case u.Scheme == "mailto" && r.tag == "a":
			case u.Scheme == "" && u.Host == "":
				target := u.Path
				if target == "" {
					continue // a fragment or query on this page
				}
				if !strings.HasPrefix(target, "/") {
					target = path.Join(p.path, target)
				}
				if !exists(target) {
					t.Errorf("%s: <%s %s=%q> leads to no file of the site", p.path, r.tag, r.attr, r.url)
				}
			case r.tag == "a" && allowed[r.url]:
			default:
				t.Errorf("%s: <%s %s=%q> leaves the site and does not come from the spreadsheets", p.path, r.tag, r.attr, r.url)
			}
		}
	}

	for _, home := range []string{"index.html", "en/index.html"} {
		b, err := os.ReadFile(filepath.Join(out, home))
		if err != nil {
			t.Fatal(err)
		}
		size := gzipSize(t, b)
		p := parsePage(t, home, b)
		for _, r := range p.refs {
			if r.tag == "link" && strings.HasSuffix(r.url, ".css") {
				css, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(path.Clean("/"+r.url))))
				if err != nil {
					t.Fatal(err)
				}
				size += gzipSize(t, css)
			}
		}
		t.Logf("%s: HTML and CSS %d bytes gzip", home, size)
		if size > homeBudget {
			t.Errorf("%s: HTML and CSS %d bytes gzip, budget %d", home, size, homeBudget)
		}
	}
}

// checkCSP: the policy allows scripts, objects and base URLs from the site
// only, and never inline scripts.
func checkCSP(t *testing.T, p builtPage) {
	t.Helper()
	if p.csp == "" {
		t.Errorf("%s: no Content-Security-Policy meta element", p.path)
		return
	}
	dirs := map[string]string{}
	for _, d := range strings.Split(p.csp, ";") {
		f := strings.Fields(d)
		if len(f) > 0 {
			dirs[f[0]] = strings.Join(f[1:], " ")
		}
	}
	for name, want := range map[string]string{
		"default-src": "'self'", "script-src": "'self'", "object-src": "'none'", "base-uri": "'self'",
	} {
		if dirs[name] != want {
			t.Errorf("%s: CSP %s is %q, want %q", p.path, name, dirs[name], want)
		}
	}
	if strings.Contains(dirs["style-src"], "'unsafe-inline'") {
		t.Errorf("%s: CSP style-src allows inline style elements", p.path)
	}
}
