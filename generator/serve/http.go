package serve

import (
	"bytes"
	"crypto/sha512"
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/digitale-staedte/benchmark/generator/problem"
)

// The preview's own files live under this path, which the site never uses.
const prefix = "/_serve/"

//go:embed live.js
var liveJS []byte

//go:embed live.css
var liveCSS []byte

// liveSRI pins the reload script like the site pins its own scripts.
var liveSRI = func() string {
	sum := sha512.Sum384(liveJS)
	return "sha384-" + base64.StdEncoding.EncodeToString(sum[:])
}()

// Handler serves the last good site with the notice and reload script
// injected into HTML, the reload events, and the status as JSON.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc(prefix+"live.js", func(w http.ResponseWriter, r *http.Request) {
		asset(w, "text/javascript; charset=utf-8", liveJS)
	})
	mux.HandleFunc(prefix+"live.css", func(w http.ResponseWriter, r *http.Request) {
		asset(w, "text/css; charset=utf-8", liveCSS)
	})
	mux.HandleFunc(prefix+"events", s.events)
	mux.HandleFunc(prefix+"status", s.statusJSON)
	mux.HandleFunc("/", s.page)
	return s.guard(mux)
}

// guard answers only requests for the preview's own address. A page on
// another site can point a name of its own at 127.0.0.1 (DNS rebinding)
// and then read whatever that name serves, the workbooks' problems
// included; its requests carry its name as Host and are refused here. The
// preview changes nothing on request, so only GET and HEAD are answered,
// and a request that names another origin (Origin) is refused too.
func (s *Server) guard(next http.Handler) http.Handler {
	hosts := allowedHosts(s.o.BaseURL)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case !hosts[strings.ToLower(r.Host)]:
			http.Error(w, "generator serve answers only at "+s.o.BaseURL, http.StatusMisdirectedRequest)
		case r.Method != http.MethodGet && r.Method != http.MethodHead:
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "generator serve only shows the site", http.StatusMethodNotAllowed)
		case r.Header.Get("Origin") != "" && !hosts[originHost(r.Header.Get("Origin"))]:
			http.Error(w, "generator serve answers no other site", http.StatusForbidden)
		default:
			next.ServeHTTP(w, r)
		}
	})
}

// allowedHosts are the Host values of the preview's address: as the base
// URL names it, and as localhost, 127.0.0.1 and [::1] with the same port.
func allowedHosts(baseURL string) map[string]bool {
	hosts := map[string]bool{}
	u, err := url.Parse(baseURL)
	if err != nil || u.Host == "" {
		return hosts
	}
	hosts[strings.ToLower(u.Host)] = true
	if port := u.Port(); port != "" {
		for _, h := range []string{"localhost", "127.0.0.1", "[::1]"} {
			hosts[h+":"+port] = true
		}
	}
	return hosts
}

// originHost is the host and port of an Origin header such as
// http://localhost:1313; "" for anything else (null, another scheme).
func originHost(origin string) string {
	u, err := url.Parse(origin)
	if err != nil || u.Scheme != "http" || u.Path != "" {
		return ""
	}
	return strings.ToLower(u.Host)
}

func asset(w http.ResponseWriter, typ string, b []byte) {
	w.Header().Set("Content-Type", typ)
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(b)
}

// events streams one "reload" event per finished build.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	c := s.subscribe()
	defer s.unsubscribe(c)
	fmt.Fprint(w, ": connected\n\n")
	flusher.Flush()
	ping := time.NewTicker(30 * time.Second)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case gen := <-c:
			fmt.Fprintf(w, "event: reload\ndata: %d\n\n", gen)
			flusher.Flush()
		case <-ping.C:
			fmt.Fprint(w, ": ping\n\n") // keeps proxies and idle timeouts away
			flusher.Flush()
		}
	}
}

type statusDoc struct {
	Status
	Errors   []string `json:"errors"`
	Warnings []string `json:"warnings"`
}

func (s *Server) statusJSON(w http.ResponseWriter, r *http.Request) {
	_, st := s.current()
	doc := statusDoc{Status: st, Errors: []string{}, Warnings: []string{}}
	for _, p := range st.Problems {
		line := p.Pos.String() + ": " + p.Message(s.o.Lang)
		if p.Severity == problem.Error {
			doc.Errors = append(doc.Errors, line)
		} else {
			doc.Warnings = append(doc.Warnings, line)
		}
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	_ = json.NewEncoder(w).Encode(doc)
}

// page serves a file of the current site; HTML gets the notice and script.
func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	if p := r.URL.Path; strings.HasSuffix(p, "/") || strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".xml") {
		// A page a build has not rendered yet is rendered now
		// (pipeline.Preview); a failure shows in the notice.
		s.visit(p)
	}
	site, st := s.current()
	w.Header().Set("Cache-Control", "no-store")
	if site == "" {
		// No good build yet: a page of its own with the notice.
		page := []byte(`<!DOCTYPE html><html lang="` + s.o.Lang + `"><head><meta charset="utf-8"><title>generator serve</title></head><body><main><h1>generator serve</h1><p>` +
			html.EscapeString(s.text().noSite) + `</p></main></body></html>`)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write(inject(page, s.notice(st)))
		return
	}
	root := http.Dir(site)
	name := path.Clean("/" + r.URL.Path)
	if strings.HasSuffix(r.URL.Path, "/") {
		name = path.Join(name, "index.html")
	}
	if !strings.HasSuffix(name, ".html") {
		http.FileServer(root).ServeHTTP(w, r)
		return
	}
	status := http.StatusOK
	f, err := root.Open(name)
	if err != nil {
		status = http.StatusNotFound
		if f, err = root.Open("/404.html"); err != nil {
			http.NotFound(w, r)
			return
		}
	}
	b, err := io.ReadAll(f)
	f.Close()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(inject(b, s.notice(st)))
}

// notice is the HTML shown at the top of every page while the last build
// failed; "" when it succeeded.
func (s *Server) notice(st Status) string {
	if st.OK {
		return ""
	}
	t := s.text()
	var b strings.Builder
	b.WriteString(`<div class="serve-notice" role="alert"><p><strong>`)
	n := st.Problems.Errors()
	if st.Failure != "" {
		b.WriteString(html.EscapeString(t.failed))
	} else {
		b.WriteString(html.EscapeString(fmt.Sprintf(t.errors, n)))
	}
	b.WriteString("</strong> ")
	if st.HasSite {
		b.WriteString(html.EscapeString(t.lastGood))
	}
	b.WriteString("</p><ul>")
	if st.Failure != "" {
		b.WriteString("<li>" + html.EscapeString(st.Failure) + "</li>")
	}
	for _, p := range st.Problems {
		if p.Severity != problem.Error {
			continue
		}
		b.WriteString("<li><code>" + html.EscapeString(p.Pos.String()) + "</code> " + html.EscapeString(p.Message(s.o.Lang)) + "</li>")
	}
	b.WriteString("</ul></div>")
	return b.String()
}

// inject puts the notice right after <body …> and the stylesheet and
// script before </body>.
func inject(page []byte, notice string) []byte {
	tail := `<link rel="stylesheet" href="` + prefix + `live.css"><script src="` + prefix + `live.js" integrity="` + liveSRI + `" defer></script>`
	lower := bytes.ToLower(page)
	var out bytes.Buffer
	if i := bytes.Index(lower, []byte("<body")); i >= 0 && notice != "" {
		if j := bytes.IndexByte(page[i:], '>'); j >= 0 {
			out.Write(page[:i+j+1])
			out.WriteString(notice)
			page, lower = page[i+j+1:], lower[i+j+1:]
		}
	}
	if i := bytes.LastIndex(lower, []byte("</body>")); i >= 0 {
		out.Write(page[:i])
		out.WriteString(tail)
		out.Write(page[i:])
	} else {
		out.Write(page)
		out.WriteString(notice + tail)
	}
	return out.Bytes()
}

type words struct{ noSite, errors, lastGood, failed string }

func (s *Server) text() words {
	if s.o.Lang == "en" {
		return words{
			noSite:   "No site built yet. The notice above names what to correct; after saving, this page reloads.",
			errors:   "The workbooks have %d errors.",
			lastGood: "This is the last good site. Correct the cells below and save; the page reloads.",
			failed:   "The build failed.",
		}
	}
	return words{
		noSite:   "Noch keine Website erzeugt. Der Hinweis oben nennt, was zu korrigieren ist; nach dem Speichern lädt diese Seite neu.",
		errors:   "Die Tabellen haben %d Fehler.",
		lastGood: "Angezeigt wird die letzte fehlerfreie Website. Korrigieren Sie die Zellen unten und speichern Sie; die Seite lädt neu.",
		failed:   "Das Erzeugen ist fehlgeschlagen.",
	}
}
