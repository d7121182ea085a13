package bench

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/digitale-staedte/benchmark/generator/hugo"
	"github.com/digitale-staedte/benchmark/generator/sitedata"
)

// Probe is one page of a build: how large it is, and how long Hugo took
// to execute its layout, per page that layout rendered.
type Probe struct {
	Page     string        `json:"page"` // a key of words.probe
	Path     string        `json:"path"` // below the site
	Bytes    int           `json:"bytes"`
	Gzip     int           `json:"gzip"` // gzip -9, as the page budgets count
	Template string        `json:"template"`
	Pages    int           `json:"pages"` // pages the layout rendered, in both languages
	Time     time.Duration `json:"time"`  // the layout's average time per page, its partials included
	Max      time.Duration `json:"max"`
}

// probes are the pages of the cooperation that a growing number of
// partners could make large, and the measures list beside them, German
// addresses. The partner page is found in the site (partnerPage).
var probes = []struct{ page, path, template string }{
	{"joint", "gemeinsame-projekte/index.html", "joint.html"},
	{"partner", "", "city.html"},
	{"offers", "angebote/index.html", "offers.html"},
	{"reports", "berichte/index.html", "reports.html"},
	{"measures", "massnahmen/index.html", "measures.html"},
}

// probe measures the probes in the site built into out. The partner page
// is the first partner's, in the site's order, that is not scored; a site
// without one has no such probe. Hugo times a layout over every page it
// renders, so the partner page's time is that of every partner's page.
func probe(out string, site sitedata.Site, times []hugo.TemplateTime) ([]Probe, error) {
	var res []Probe
	for _, p := range probes {
		path := p.path
		if p.page == "partner" {
			path = partnerPage(site)
			if path == "" {
				continue
			}
		}
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(path)))
		if err != nil {
			return res, err
		}
		var z bytes.Buffer
		w, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
		w.Write(b)
		w.Close()
		pr := Probe{Page: p.page, Path: path, Bytes: len(b), Gzip: z.Len(), Template: p.template}
		for _, t := range times {
			if t.Name == p.template { // a partial's name has its folder: _partials/city/offers.html
				pr.Pages, pr.Max = t.Count, t.Max
				pr.Time = t.Total / time.Duration(max(t.Count, 1))
				break
			}
		}
		res = append(res, pr)
	}
	return res, nil
}

func partnerPage(site sitedata.Site) string {
	for _, c := range site.Cities {
		if !c.Scored {
			return "partner/" + c.Slug + "/index.html"
		}
	}
	return ""
}

// Growth is how a page's size grows from the smaller data set to the
// larger: the x in size ∝ N^x, 0 for a page of a constant size, 1 for one
// that grows with the partners, 2 for one that grows with their square.
func Growth(n0, bytes0, n1, bytes1 int) float64 {
	if n0 <= 0 || n1 <= 0 || n0 == n1 || bytes0 <= 0 || bytes1 <= 0 {
		return math.NaN()
	}
	return math.Log(float64(bytes1)/float64(bytes0)) / math.Log(float64(n1)/float64(n0))
}

// ProbeTable is the probed pages of every row as a Markdown table in
// lang: per page and N its size, its layout's time and how its size grew
// from the row before.
func ProbeTable(rows []Row, lang string) string {
	w := text(lang)
	var b strings.Builder
	b.WriteString(w.probeHeader)
	b.WriteString("|---|---:|---|---:|---:|---:|---:|---:|\n")
	for _, p := range probes {
		prev, prevN := Probe{}, 0
		for _, r := range rows {
			pr, ok := r.probe(p.page)
			if !ok {
				continue
			}
			growth := "–"
			if g := Growth(prevN, prev.Bytes, r.Cities, pr.Bytes); !math.IsNaN(g) {
				growth = w.decimal(g, 2)
			}
			fmt.Fprintf(&b, "| %s | %d | `%s` | %s | %s | %s | %s | %s |\n", w.probe[p.page], r.Cities, pr.Path,
				w.kilobytes(pr.Bytes), w.kilobytes(pr.Gzip), w.millis(pr.Time)+" / "+w.millis(pr.Max), fmt.Sprint(pr.Pages), growth)
			prev, prevN = pr, r.Cities
		}
	}
	return b.String()
}

func (r Row) probe(page string) (Probe, bool) {
	for _, p := range r.Build.Probes {
		if p.Page == page {
			return p, true
		}
	}
	return Probe{}, false
}

// kilobytes are decimal, as megabytes.
func (w words) kilobytes(n int) string { return w.decimal(float64(n)/1000, 1) + " kB" }
