package hugo

import (
	"fmt"
	"path"
	"strings"
	"sync"

	"github.com/fsnotify/fsnotify"
	"github.com/gohugoio/hugo/common/types"
	"github.com/gohugoio/hugo/hugolib"
)

// visitedPages is how many recently requested pages a Live re-renders on
// every rebuild, as many as "hugo server" keeps.
const visitedPages = 10

// Live is a site kept in memory between builds, as "hugo server" keeps it
// (generator serve): after the first build, Rebuild takes the generated
// files that changed and renders again only the pages that read them and
// were recently requested (Hugo's fast render mode); Visit brings any
// other page up to date when it is requested. Every page of a few hundred
// cities depends on the site's data, so a whole render takes seconds where
// the one page on screen takes milliseconds.
type Live struct {
	mu      sync.Mutex
	sites   *hugolib.HugoSites
	visited *types.EvictingQueue[string]
}

// NewLive renders the whole site once, as Build does, and keeps it.
func NewLive(o Options) (*Live, error) {
	sites, fs, err := newSites(o, true)
	if err != nil {
		return nil, err
	}
	l := &Live{sites: sites, visited: types.NewEvictingQueue[string](visitedPages)}
	if err := sites.Build(hugolib.BuildCfg{RecentlyTouched: l.visited}); err != nil {
		sites.Close()
		return nil, fmt.Errorf("hugo: %w", err)
	}
	if err := copyStatic(sites, fs); err != nil {
		sites.Close()
		return nil, err
	}
	return l, nil
}

// Rebuild tells Hugo which files below the mounted data and assets folders
// were written (absolute paths). Pages that read them are rendered again
// if recently visited, and marked for Visit otherwise. Files added or
// removed are not for Rebuild: pages would appear or go, and a page gone
// would stay on disk; build afresh with NewLive.
func (l *Live) Rebuild(changed []string) error {
	if len(changed) == 0 {
		return nil
	}
	events := make([]fsnotify.Event, len(changed))
	for i, name := range changed {
		events[i] = fsnotify.Event{Name: name, Op: fsnotify.Write}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if err := l.sites.Build(hugolib.BuildCfg{RecentlyTouched: l.visited}, events...); err != nil {
		return fmt.Errorf("hugo: %w", err)
	}
	return nil
}

// Visit renders the page at urlPath (e.g. /partner/augsburg/ or
// /partner/augsburg/index.html) if a rebuild may have left it out of date,
// and keeps it among the pages every rebuild renders.
func (l *Live) Visit(urlPath string) error {
	p := path.Clean("/" + urlPath)
	if strings.HasSuffix(urlPath, "/") && p != "/" {
		p += "/" // as Hugo's permalinks end
	}
	p = strings.TrimSuffix(p, "index.html")
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.visited.Contains(p) {
		return nil
	}
	one := types.NewEvictingQueue[string](1)
	one.Add(p)
	if err := l.sites.Build(hugolib.BuildCfg{RecentlyTouched: one, PartialReRender: true}); err != nil {
		return fmt.Errorf("hugo: rendering %s: %w", p, err)
	}
	l.visited.Add(p)
	return nil
}

// Close releases Hugo's caches.
func (l *Live) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.sites.Close()
}
