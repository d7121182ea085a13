// Package serve is the local preview behind "generator serve": it builds
// the site, serves it on 127.0.0.1, watches the data folder and rebuilds
// when a workbook is saved, re-reading only that workbook and rendering
// only the pages in view (pipeline.Preview; any other page is rendered when
// it is requested, the downloads after the reload). The browser reloads
// through Server-Sent Events. A build with errors keeps the last
// good site on screen, with the errors in a notice injected into every page
// the server sends; that notice and the small reload script exist only in
// the server's responses, never in the site's files.
package serve

import (
	"context"
	"errors"
	"fmt"
	"github.com/digitale-staedte/benchmark/generator/workbook"
	"io"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/pipeline"
	"github.com/digitale-staedte/benchmark/generator/problem"
	"github.com/fsnotify/fsnotify"
)

// DefaultDebounce is how long the data folder must stay quiet after a change
// before a rebuild starts: one save is several file-system events (Excel
// writes a temporary file and renames it), and rapid saves should end in
// one build of the last state, not a queue of builds of states already gone.
const DefaultDebounce = 150 * time.Millisecond

// Options configure a Server.
type Options struct {
	DataDir, SiteDir string
	// BaseURL is where the preview is served, e.g. http://127.0.0.1:1313/.
	BaseURL string
	// Lang is the language of the notice in the page: "de" or "en".
	Lang string
	// Debounce; zero means DefaultDebounce.
	Debounce time.Duration
	// Report is told the outcome of every build that is not superseded
	// (for the terminal); it runs on the build goroutine.
	Report func(Report)
	// Progress is told how far reading has come.
	Progress Progress
}

// Report is one build's outcome.
type Report struct {
	Generation int64         // the state of the data the build saw
	Changed    []string      // the workbooks that had to be parsed
	Problems   problem.List  // errors and warnings
	Err        error         // nil, pipeline.ErrInvalidData (wrapped) or an internal error
	Took       time.Duration // from the start of the build to the swap
}

// Status is what the page notice and /_serve/status show.
type Status struct {
	Generation int64        `json:"generation"` // of the last finished build
	Builds     int          `json:"builds"`     // builds run, superseded ones included
	OK         bool         `json:"ok"`         // the last build succeeded
	HasSite    bool         `json:"has_site"`   // a good site is being served
	Problems   problem.List `json:"-"`
	Failure    string       `json:"failure,omitempty"` // an internal error
	// DownloadsPending: the site's downloads are still those of an
	// earlier build (they follow the pages, see pipeline.Preview).
	DownloadsPending bool `json:"downloads_pending"`
}

// Server is one preview. Create it with New, then Run it.
type Server struct {
	o       Options
	reader  Reader
	preview *pipeline.Preview
	changed []string // the workbooks the build running had to parse

	gen  atomic.Int64  // counts the changes seen in the data folder
	kick chan struct{} // a change is waiting for a build

	mu      sync.Mutex
	site    string // folder of the last good site; "" before the first
	status  Status
	clients map[chan int64]struct{}
}

// New prepares a server; it builds nothing yet.
func New(o Options) (*Server, error) {
	if o.Debounce == 0 {
		o.Debounce = DefaultDebounce
	}
	s := &Server{o: o, kick: make(chan struct{}, 1), clients: map[chan int64]struct{}{}}
	preview, err := pipeline.NewPreview(pipeline.Options{
		DataDir: o.DataDir, SiteDir: o.SiteDir, BaseURL: o.BaseURL,
		Stdout: io.Discard, Stderr: io.Discard,
		Read: func(dataDir string) (model.Dataset, problem.List) {
			ds, probs, changed := s.reader.Check(dataDir, s.o.Progress)
			s.changed = changed
			return ds, probs
		},
	})
	if err != nil {
		return nil, err
	}
	s.preview = preview
	return s, nil
}

// Close removes the builds.
func (s *Server) Close() error { return s.preview.Close() }

// Run builds once, then watches the data folder and rebuilds after every
// change until ctx ends.
func (s *Server) Run(ctx context.Context) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	for _, dir := range []string{s.o.DataDir, workbook.PartnersFolder(s.o.DataDir)} {
		if err := w.Add(dir); err != nil {
			return fmt.Errorf("watching %s: %w", dir, err)
		}
	}
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case ev, ok := <-w.Events:
				if !ok {
					return
				}
				if relevant(ev) {
					s.Changed()
				}
			case _, ok := <-w.Errors:
				if !ok {
					return
				}
			}
		}
	}()
	s.build(ctx)
	s.downloads(ctx)
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-s.kick:
		}
		if !s.quiet(ctx) {
			return nil
		}
		s.build(ctx)
		s.downloads(ctx)
	}
}

// relevant: a spreadsheet written, created, removed or renamed: a workbook,
// or one in a format that is not read (which the notice then names). Lock
// files of Excel (~$x.xlsx) and LibreOffice (.~lock.x.xlsx#) are not.
func relevant(ev fsnotify.Event) bool {
	if !workbook.IsSpreadsheetName(filepath.Base(ev.Name)) {
		return false
	}
	return ev.Op&(fsnotify.Write|fsnotify.Create|fsnotify.Remove|fsnotify.Rename) != 0
}

// Changed records a change in the data folder; the watcher calls it, and
// so may a test.
func (s *Server) Changed() {
	s.gen.Add(1)
	select {
	case s.kick <- struct{}{}:
	default: // a build is already due
	}
}

// quiet waits until no change has come for the debounce time.
func (s *Server) quiet(ctx context.Context) bool {
	t := time.NewTimer(s.o.Debounce)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return false
		case <-s.kick:
			t.Reset(s.o.Debounce)
		case <-t.C:
			return true
		}
	}
}

// build brings the preview up to date. A build that a later change has
// overtaken is not reported and reloads no browser: the change's own build
// follows.
func (s *Server) build(ctx context.Context) {
	gen := s.gen.Load()
	start := time.Now()
	s.changed = nil
	res, site, err := s.preview.Build()
	s.mu.Lock()
	s.status.Builds++
	s.status.DownloadsPending = s.preview.Pending()
	if site != "" {
		s.site = site
		s.status.HasSite = true
	}
	if s.gen.Load() != gen || ctx.Err() != nil {
		s.mu.Unlock()
		return
	}
	s.status.Generation = gen
	s.status.OK = err == nil
	s.status.Problems = res.Problems
	s.status.Failure = ""
	if err != nil && !errors.Is(err, pipeline.ErrInvalidData) {
		s.status.Failure = err.Error()
	}
	clients := make([]chan int64, 0, len(s.clients))
	for c := range s.clients {
		clients = append(clients, c)
	}
	s.mu.Unlock()
	for _, c := range clients {
		select {
		case c <- gen:
		default: // a client that has not taken the last signal reloads anyway
		}
	}
	if s.o.Report != nil {
		s.o.Report(Report{Generation: gen, Changed: s.changed, Problems: res.Problems, Err: err, Took: time.Since(start)})
	}
}

// downloads writes the downloads the build left for after the reload; a
// change in the data stops it, and the next build's downloads follow.
func (s *Server) downloads(ctx context.Context) {
	gen := s.gen.Load()
	stop := func() bool { return s.gen.Load() != gen || ctx.Err() != nil }
	err := s.preview.Downloads(stop)
	s.mu.Lock()
	s.status.DownloadsPending = s.preview.Pending()
	s.mu.Unlock()
	if err != nil {
		s.fail(err)
	}
}

// fail shows an error of the preview's own like a failed build's, until
// the next build.
func (s *Server) fail(err error) {
	s.mu.Lock()
	s.status.OK = false
	s.status.Failure = err.Error()
	s.mu.Unlock()
}

func (s *Server) current() (string, Status) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.site, s.status
}

func (s *Server) subscribe() chan int64 {
	c := make(chan int64, 1)
	s.mu.Lock()
	s.clients[c] = struct{}{}
	s.mu.Unlock()
	return c
}

func (s *Server) unsubscribe(c chan int64) {
	s.mu.Lock()
	delete(s.clients, c)
	s.mu.Unlock()
}

// visit renders the page at urlPath if the last build left it for later.
// A failure is shown like a failed build's, until the next build.
func (s *Server) visit(urlPath string) {
	if err := s.preview.Visit(urlPath); err != nil {
		s.fail(err)
	}
}
