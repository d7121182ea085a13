package serve

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/digitale-staedte/benchmark/generator/pipeline"
	wt "github.com/digitale-staedte/benchmark/generator/workbook/workbooktest"
	"github.com/fsnotify/fsnotify"
)

const repoSite = "../../site"

// A real Hugo build on a busy machine can take seconds; this only bounds a
// hang.
const patience = 2 * time.Minute

// preview is a running server with its HTTP front and one browser-like
// subscriber to the reload events.
type preview struct {
	srv     *Server
	url     string
	reloads chan string // data of each reload event
	reports chan Report
}

func start(t testing.TB, data string) *preview {
	t.Helper()
	var srv *Server
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { srv.Handler().ServeHTTP(w, r) }))
	t.Cleanup(ts.Close)
	p := &preview{url: ts.URL, reloads: make(chan string, 100), reports: make(chan Report, 100)}
	var err error
	srv, err = New(Options{DataDir: data, SiteDir: repoSite, BaseURL: ts.URL + "/", Lang: "en",
		Report: func(r Report) { p.reports <- r }})
	if err != nil {
		t.Fatal(err)
	}
	p.srv = srv
	p.subscribe(t)
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		if err := srv.Run(ctx); err != nil {
			t.Error(err)
		}
	}()
	t.Cleanup(func() {
		cancel()
		wg.Wait()
		_ = srv.Close()
	})
	return p
}

// subscribe reads /_serve/events as a browser's EventSource would.
func (p *preview) subscribe(t testing.TB) {
	t.Helper()
	req, err := http.NewRequest("GET", p.url+"/_serve/events", nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	resp, err := http.DefaultClient.Do(req.WithContext(ctx))
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events: Content-Type %q", ct)
	}
	r := bufio.NewReader(resp.Body)
	if line, err := r.ReadString('\n'); err != nil || line != ": connected\n" {
		t.Fatalf("events: first line %q, %v", line, err)
	}
	go func() {
		defer resp.Body.Close()
		event := ""
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			switch {
			case strings.HasPrefix(line, "event: "):
				event = strings.TrimSpace(strings.TrimPrefix(line, "event: "))
			case strings.HasPrefix(line, "data: ") && event == "reload":
				p.reloads <- strings.TrimSpace(strings.TrimPrefix(line, "data: "))
				event = ""
			}
		}
	}()
}

// next waits for the next build report and its reload event.
func (p *preview) next(t testing.TB) Report {
	t.Helper()
	var r Report
	select {
	case r = <-p.reports:
	case <-time.After(patience):
		t.Fatal("no build finished")
	}
	select {
	case gen := <-p.reloads:
		if gen != fmt.Sprint(r.Generation) {
			t.Fatalf("reload event for generation %s after the build of %d", gen, r.Generation)
		}
	case <-time.After(patience):
		t.Fatal("no reload event after a build")
	}
	return r
}

// silence checks that nothing more is built or signalled for a while.
func (p *preview) silence(t testing.TB) {
	t.Helper()
	select {
	case r := <-p.reports:
		t.Fatalf("an extra build: %+v", r)
	case gen := <-p.reloads:
		t.Fatalf("an extra reload event: %s", gen)
	case <-time.After(4 * p.srv.o.Debounce):
	}
}

// downloadsWritten waits until the downloads have followed the last build.
func (p *preview) downloadsWritten(t testing.TB) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); lastStatus(p.srv).DownloadsPending; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the downloads were not written within a minute")
		}
	}
}

func (p *preview) get(t testing.TB, path string) (int, string) {
	t.Helper()
	resp, err := http.Get(p.url + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

// TestServe runs one preview through a strategist's session: a save, an
// invalid save, a burst of saves, a workbook deleted and restored. Each
// step is a real Hugo build.
func TestServe(t *testing.T) {
	if testing.Short() {
		t.Skip("real Hugo builds")
	}
	data := wt.Dataset(t, t.TempDir())
	alpha := filepath.Join(data, "partners", "alpha.xlsx")
	beta := filepath.Join(data, "partners", "beta.xlsx")
	p := start(t, data)

	first := p.next(t)
	if first.Err != nil || len(first.Changed) != 3 {
		t.Fatalf("first build: err %v, parsed %v; want all three workbooks", first.Err, first.Changed)
	}
	if code, body := p.get(t, "/"); code != 200 || !strings.Contains(body, "Alpha") ||
		!strings.Contains(body, `src="/_serve/live.js"`) || strings.Contains(body, "serve-notice") {
		t.Fatalf("home page: %d, script or notice wrong:\n%.400s", code, body)
	}
	// The same server, asked by another name (DNS rebinding), says no.
	req, err := http.NewRequest("GET", p.url+"/_serve/status", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Host = "attacker.example" + p.url[strings.LastIndex(p.url, ":"):]
	if resp, err := http.DefaultClient.Do(req); err != nil {
		t.Fatal(err)
	} else if resp.Body.Close(); resp.StatusCode != http.StatusMisdirectedRequest {
		t.Errorf("Host %s: status %d; want %d", req.Host, resp.StatusCode, http.StatusMisdirectedRequest)
	}

	t.Run("a save rebuilds once and reloads once, re-reading only that workbook", func(t *testing.T) {
		builds := lastStatus(p.srv).Builds
		wt.SetCells(t, alpha, "Stadt", wt.Cells{"B2": "Alphaville"})
		r := p.next(t)
		p.silence(t)
		if r.Err != nil || len(r.Changed) != 1 || r.Changed[0] != alpha {
			t.Errorf("build: err %v, parsed %v; want only %s", r.Err, r.Changed, alpha)
		}
		if got := lastStatus(p.srv).Builds; got != builds+1 {
			t.Errorf("%d builds; want exactly one more than %d", got, builds)
		}
		if _, body := p.get(t, "/"); !strings.Contains(body, "Alphaville") {
			t.Error("the home page does not show the saved name")
		}
	})

	t.Run("an invalid save keeps the last good site and names the cell", func(t *testing.T) {
		wt.SetCells(t, alpha, "Kennzahlen", wt.Cells{"C2": "viel"})
		r := p.next(t)
		p.silence(t)
		if !errors.Is(r.Err, pipeline.ErrInvalidData) || !strings.Contains(r.Problems.Text("en"), `alpha.xlsx: Kennzahlen!C2: error: "viel" is not a number`) {
			t.Fatalf("report: err %v, problems\n%s", r.Err, r.Problems.Text("en"))
		}
		code, body := p.get(t, "/")
		if code != 200 || !strings.Contains(body, "Alphaville") {
			t.Errorf("the last good site is gone: %d", code)
		}
		if !strings.Contains(body, `<div class="serve-notice" role="alert" lang="en"><p><strong>The workbooks have 1 error.</strong>`) ||
			!strings.Contains(body, "Kennzahlen!C2</code> &#34;viel&#34; is not a number") {
			t.Errorf("the page does not name the error:\n%.1500s", body)
		}
		if _, status := p.get(t, "/_serve/status"); !strings.Contains(status, `"ok":false`) || !strings.Contains(status, `Kennzahlen!C2`) {
			t.Errorf("status: %s", status)
		}
	})

	t.Run("twenty saves in a second end in the state of the last", func(t *testing.T) {
		builds := lastStatus(p.srv).Builds
		for i := range 20 {
			cells := wt.Cells{"B2": fmt.Sprintf("Stadt %02d", i)}
			wt.SetCells(t, alpha, "Stadt", cells)
			if i == 0 {
				wt.SetCells(t, alpha, "Kennzahlen", wt.Cells{"C2": 25})
			}
			time.Sleep(50 * time.Millisecond)
		}
		time.Sleep(3 * p.srv.o.Debounce) // let the last events arrive
		want := p.srv.gen.Load()
		for {
			r := p.next(t)
			if r.Generation == want {
				if r.Err != nil {
					t.Fatalf("last build: %v\n%s", r.Err, r.Problems.Text("en"))
				}
				break
			}
		}
		p.silence(t)
		if _, body := p.get(t, "/"); !strings.Contains(body, "Stadt 19") || strings.Contains(body, "Stadt 18") || strings.Contains(body, "serve-notice") {
			t.Error("the home page does not show the last save's state")
		}
		// Saves 50 ms apart never leave the data quiet for the debounce
		// time, so the burst should be one build; a slow disk may split it.
		if n := lastStatus(p.srv).Builds - builds; n > 3 {
			t.Errorf("%d builds for one burst of saves", n)
		}
	})

	t.Run("a workbook deleted and restored", func(t *testing.T) {
		saved, err := os.ReadFile(beta)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.Remove(beta); err != nil {
			t.Fatal(err)
		}
		if r := p.next(t); r.Err != nil {
			t.Fatalf("without beta: %v\n%s", r.Err, r.Problems.Text("en"))
		}
		if code, _ := p.get(t, "/partner/beta/"); code != http.StatusNotFound {
			t.Errorf("beta's page after deleting its workbook: %d; want 404", code)
		}
		if err := os.WriteFile(beta, saved, 0o644); err != nil {
			t.Fatal(err)
		}
		var r Report
		for r = p.next(t); r.Generation != p.srv.gen.Load(); r = p.next(t) {
		}
		if r.Err != nil || !contains(r.Changed, beta) {
			t.Errorf("restored: err %v, parsed %v; want beta parsed again", r.Err, r.Changed)
		}
		if code, _ := p.get(t, "/partner/beta/"); code != 200 {
			t.Errorf("beta's page after restoring its workbook: %d", code)
		}
	})

	t.Run("the script and notice exist only in responses", func(t *testing.T) {
		site, _ := p.srv.current()
		err := filepath.WalkDir(site, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(path)
			if err == nil && strings.Contains(string(b), "/_serve/") {
				t.Errorf("%s mentions the preview's files", path)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		code, js := p.get(t, "/_serve/live.js")
		if code != 200 || !strings.Contains(js, `new EventSource("/_serve/events")`) {
			t.Errorf("live.js: %d %q", code, js)
		}
	})
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// TestFirstBuildWithErrors: before any good build the server still answers,
// with the notice naming the cell.
func TestFirstBuildWithErrors(t *testing.T) {
	data := wt.Dataset(t, t.TempDir())
	wt.SetCells(t, filepath.Join(data, "partners", "alpha.xlsx"), "Kennzahlen", wt.Cells{"C2": "viel"})
	p := start(t, data)
	if r := p.next(t); !errors.Is(r.Err, pipeline.ErrInvalidData) {
		t.Fatalf("first build: %v", r.Err)
	}
	code, body := p.get(t, "/")
	if code != http.StatusServiceUnavailable || !strings.Contains(body, "Kennzahlen!C2") || !strings.Contains(body, "No site built yet") {
		t.Errorf("%d\n%s", code, body)
	}
}

func TestInject(t *testing.T) {
	tail := `<link rel="stylesheet" href="/_serve/live.css"><script src="/_serve/live.js" integrity="` + liveSRI + `" defer></script>`
	tests := []struct{ page, notice, want string }{
		{`<html><body class="x"><p>a</p></body></html>`, "",
			`<html><body class="x"><p>a</p>` + tail + `</body></html>`},
		{`<html><BODY><p>a</p></BODY></html>`, "<div>N</div>",
			`<html><BODY><div>N</div><p>a</p>` + tail + `</BODY></html>`},
		{`<p>no body</p>`, "<div>N</div>", `<p>no body</p><div>N</div>` + tail},
	}
	for _, tt := range tests {
		if got := string(inject([]byte(tt.page), tt.notice)); got != tt.want {
			t.Errorf("inject(%q):\n got %s\nwant %s", tt.page, got, tt.want)
		}
	}
}

// BenchmarkSaveToReload measures, on the sample data, the time from saving
// a workbook to the reload event: debounce, re-reading the one workbook,
// validating, scoring and a full Hugo build.
func BenchmarkSaveToReload(b *testing.B) {
	data := b.TempDir()
	if err := os.CopyFS(data, os.DirFS("../../data")); err != nil {
		b.Fatal(err)
	}
	p := start(b, data)
	if r := p.next(b); r.Err != nil {
		b.Fatal(r.Err)
	}
	city := filepath.Join(data, "partners", "augsburg.xlsx")
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		wt.SetCells(b, city, "Stadt", wt.Cells{"D2": fmt.Sprintf("Anmerkung %d", i)})
		if r := p.next(b); r.Err != nil {
			b.Fatal(r.Err)
		}
	}
}

// BenchmarkSaveToReloadAtScale is BenchmarkSaveToReload on a synthetic
// data set named by $SERVE_BENCH_DATA (skipped without it), e.g. 400
// cities, where the README promises about 1 s:
//
//	generator synth --cities 400 --out /tmp/s400
//	SERVE_BENCH_DATA=/tmp/s400 go test -run '^$' -bench SaveToReloadAtScale -benchtime 3x ./generator/serve
//
// One city workbook changes per iteration; only it is read again.
func BenchmarkSaveToReloadAtScale(b *testing.B) {
	src := os.Getenv("SERVE_BENCH_DATA")
	if src == "" {
		b.Skip("set SERVE_BENCH_DATA to a data folder (generator synth)")
	}
	data := b.TempDir()
	if err := os.CopyFS(data, os.DirFS(src)); err != nil {
		b.Fatal(err)
	}
	cities, err := filepath.Glob(filepath.Join(data, "partners", "*.xlsx"))
	if err != nil || len(cities) == 0 {
		b.Fatalf("no city workbooks in %s (%v)", src, err)
	}
	p := start(b, data)
	if r := p.next(b); r.Err != nil {
		b.Fatal(r.Err)
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		wt.SetCells(b, cities[i%len(cities)], "Stadt", wt.Cells{"C2": fmt.Sprintf("Quelle %d", i)})
		r := p.next(b)
		if r.Err != nil {
			b.Fatal(r.Err)
		}
		if len(r.Changed) != 1 {
			b.Fatalf("read again: %v; want the one changed workbook", r.Changed)
		}
		b.ReportMetric(float64(r.Took.Milliseconds()), "build-ms")
		// A strategist reads the page before the next save; meanwhile
		// the downloads follow, which this benchmark does not time.
		b.StopTimer()
		p.downloadsWritten(b)
		b.StartTimer()
	}
}

// TestRelevantChanges: a save of either workbook format, or of a
// spreadsheet in a format that is not read (which the notice must name),
// rebuilds; lock files and other files do not.
func TestRelevantChanges(t *testing.T) {
	for name, want := range map[string]bool{
		"muenchen.xlsx": true, "muenchen.ods": true, "MUENCHEN.ODS": true, "augsburg.xls": true, "fuerth.csv": true,
		"~$muenchen.xlsx": false, ".~lock.muenchen.ods#": false, "notes.txt": false, "muenchen.ods.tmp": false,
	} {
		ev := fsnotify.Event{Name: filepath.Join("data", "partners", name), Op: fsnotify.Write}
		if got := relevant(ev); got != want {
			t.Errorf("relevant(%s) = %v; want %v", name, got, want)
		}
	}
}

// TestOnlyItsOwnAddress: the preview answers only requests for its own
// address (DNS rebinding would otherwise let any web page read it, the
// workbooks' problems at /_serve/status included), only GET and HEAD, and
// no request that another site's page sends with its Origin.
func TestOnlyItsOwnAddress(t *testing.T) {
	s := &Server{o: Options{BaseURL: "http://127.0.0.1:1313/", Lang: "en"}}
	h := s.Handler()
	tests := []struct {
		method, host, origin string
		want                 int
	}{
		{"GET", "127.0.0.1:1313", "", http.StatusOK},
		{"GET", "localhost:1313", "", http.StatusOK},
		{"GET", "LOCALHOST:1313", "", http.StatusOK},
		{"GET", "[::1]:1313", "", http.StatusOK},
		{"HEAD", "127.0.0.1:1313", "", http.StatusOK},
		{"GET", "127.0.0.1:1313", "http://localhost:1313", http.StatusOK},
		{"GET", "attacker.example:1313", "", http.StatusMisdirectedRequest},
		{"GET", "attacker.example", "", http.StatusMisdirectedRequest},
		{"GET", "127.0.0.1:8080", "", http.StatusMisdirectedRequest},
		{"GET", "127.0.0.1", "", http.StatusMisdirectedRequest},
		{"GET", "", "", http.StatusMisdirectedRequest},
		{"POST", "127.0.0.1:1313", "", http.StatusMethodNotAllowed},
		{"PUT", "localhost:1313", "http://localhost:1313", http.StatusMethodNotAllowed},
		{"GET", "127.0.0.1:1313", "http://attacker.example:1313", http.StatusForbidden},
		{"GET", "127.0.0.1:1313", "null", http.StatusForbidden},
		{"GET", "127.0.0.1:1313", "https://127.0.0.1:1313", http.StatusForbidden},
	}
	for _, tt := range tests {
		req := httptest.NewRequest(tt.method, "http://127.0.0.1:1313/_serve/status", nil)
		req.Host = tt.host
		if tt.origin != "" {
			req.Header.Set("Origin", tt.origin)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != tt.want {
			t.Errorf("%s Host %q Origin %q: status %d; want %d", tt.method, tt.host, tt.origin, rec.Code, tt.want)
		}
		if tt.want != http.StatusOK && strings.Contains(rec.Body.String(), "problems") {
			t.Errorf("%s Host %q: a refused request got the status: %s", tt.method, tt.host, rec.Body.String())
		}
	}
}

// lastStatus is the state of s's last finished build.
func lastStatus(s *Server) Status {
	_, st := s.current()
	return st
}
