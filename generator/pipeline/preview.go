package pipeline

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/digitale-staedte/benchmark/generator/changes"
	"github.com/digitale-staedte/benchmark/generator/compare"
	"github.com/digitale-staedte/benchmark/generator/hugo"
	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/opendata"
	"github.com/digitale-staedte/benchmark/generator/score"
)

// Preview builds the site again and again for generator serve, each time
// rendering only what it must: Hugo stays in memory between builds (as in
// "hugo server"), the generated files it reads are rewritten only where
// their bytes changed, and of the pages that read them only the recently
// requested ones are rendered at once; every other page is rendered when it
// is requested (Visit). A whole render of a few hundred cities takes
// seconds; the page on screen takes milliseconds.
//
// When the generated files come or go (a workbook added or removed, so a
// page appears or goes), or Hugo fails, the next build is a whole one into
// a new folder, as Build makes it.
type Preview struct {
	o    Options // OutDir is not used: the preview's folders are its own
	work string  // holds each whole build's folder
	n    int     // builds so far, for folder names

	pending *pendingDownloads // what the last build left for Downloads

	mu    sync.Mutex // guards what follows against Visit
	live  *hugo.Live // the last good build's Hugo; nil before one, or after Hugo failed
	cur   previewDirs
	older string // the whole build before cur, kept while requests may still read it
}

// previewDirs are the folders of one whole build: what Hugo reads (data
// and assets, mounted) and what it and the downloads were published to.
type previewDirs struct {
	root, data, assets, downloads, extra, site string
}

func newPreviewDirs(root string) previewDirs {
	return previewDirs{root: root, data: filepath.Join(root, "data"), assets: filepath.Join(root, "assets"),
		downloads: filepath.Join(root, "downloads"), extra: filepath.Join(root, "extra"), site: filepath.Join(root, "public")}
}

// NewPreview prepares a preview of o.DataDir with the project o.SiteDir,
// its folders in a new temporary folder; it builds nothing yet.
func NewPreview(o Options) (*Preview, error) {
	work, err := os.MkdirTemp("", "generator-preview-")
	if err != nil {
		return nil, err
	}
	o.Previous = "" // no "what changed" page in a preview
	return &Preview{o: o, work: work}, nil
}

// Build reads the data and brings the site up to date. It returns the
// folder the site is in, which changes only with a whole build. After an
// incremental build the downloads are left for Downloads, so that the
// pages come first. On an error the last good site stays as it was, except
// after a failure of Hugo in an incremental build, which may leave pages
// half updated (the next build is then a whole one).
func (p *Preview) Build() (Result, string, error) {
	p.o.stage("read")
	ds, probs := p.o.read()(p.o.DataDir)
	res := Result{Problems: probs, Changes: changes.None()}
	if probs.Errors() > 0 {
		// Downloads still pending are those of the site on screen.
		return res, p.Site(), fmt.Errorf("%w: %d errors", ErrInvalidData, probs.Errors())
	}
	p.pending = nil // this build's replace them
	p.n++
	next := newPreviewDirs(filepath.Join(p.work, fmt.Sprintf("build-%d", p.n)))
	site, err := p.build(ds, next, &res)
	if err != nil || site != next.site {
		_ = os.RemoveAll(next.root)
	}
	return res, site, err
}

// build makes the site of ds in next and brings the current build up to
// date with it, or makes next the current build; it returns the folder
// the site is now in.
func (p *Preview) build(ds model.Dataset, next previewDirs, res *Result) (string, error) {
	for _, dir := range []string{next.root, next.data} {
		if err := os.Mkdir(dir, 0o755); err != nil {
			return p.Site(), err
		}
	}
	p.o.stage("score")
	ds, scores, cmp, warnings := analyse(ds, p.o.today())
	res.Problems = append(res.Problems, warnings...).Sorted()
	p.mu.Lock()
	incremental := p.live != nil
	cur := p.cur
	p.mu.Unlock()
	if !incremental {
		p.o.stage("downloads")
		if _, err := openData(p.o, ds, scores, cmp, next.data, next.downloads, nil); err != nil {
			return p.Site(), err
		}
	}
	var err error
	if res.Site, err = prepareSite(p.o, ds, scores, cmp, res.Changes, next.data, next.assets, next.extra); err != nil {
		return p.Site(), err
	}
	if incremental {
		// The downloads' list as it is, until Downloads writes them anew.
		list, err := os.ReadFile(filepath.Join(cur.data, downloadsFile))
		if err != nil {
			return p.Site(), err
		}
		if err := os.WriteFile(filepath.Join(next.data, downloadsFile), list, 0o644); err != nil {
			return p.Site(), err
		}
		p.o.stage("hugo")
		site, done, err := p.update(next)
		if done {
			if err == nil {
				p.pending = &pendingDownloads{ds: ds, scores: scores, cmp: cmp}
			}
			return site, err
		}
		// Pages come or go: a whole build, with its downloads.
		p.o.stage("downloads")
		if _, err := openData(p.o, ds, scores, cmp, next.data, next.downloads, nil); err != nil {
			return p.Site(), err
		}
	}
	p.o.stage("hugo")
	if err := p.replace(next); err != nil {
		return p.Site(), err
	}
	return next.site, nil
}

// Downloads writes the downloads the last build left for later and brings
// the downloads page up to date. stop is asked before each file; when it
// says stop, the downloads stay as they were, to be written by a later call.
func (p *Preview) Downloads(stop func() bool) error {
	pd := p.pending
	if pd == nil {
		return nil
	}
	dir, err := os.MkdirTemp(p.work, "downloads-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	data, downloads := filepath.Join(dir, "data"), filepath.Join(dir, "downloads")
	if err := os.Mkdir(data, 0o755); err != nil {
		return err
	}
	if _, err := openData(p.o, pd.ds, pd.scores, pd.cmp, data, downloads, stop); err != nil {
		if errors.Is(err, errStopped) {
			return nil
		}
		return err
	}
	p.pending = nil
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.live == nil {
		return nil
	}
	if err := moveInto(downloads, filepath.Join(p.cur.site, opendata.Dir)); err != nil {
		return fmt.Errorf("publishing the downloads: %w", err)
	}
	changed, _, err := changedFiles(data, p.cur.data)
	if err != nil {
		return err
	}
	if len(changed) == 0 {
		return nil
	}
	list := filepath.Join(p.cur.data, downloadsFile)
	if err := os.Rename(filepath.Join(data, downloadsFile), list); err != nil {
		return err
	}
	if err := p.live.Rebuild([]string{list}); err != nil {
		p.dropLive()
		return err
	}
	return nil
}

// Pending says whether the last build left downloads for Downloads.
func (p *Preview) Pending() bool { return p.pending != nil }

// pendingDownloads is what Downloads needs to write the downloads of the
// last incremental build.
type pendingDownloads struct {
	ds     model.Dataset
	scores score.Result
	cmp    compare.Result
}

// update brings the current build up to date with the files in next, if
// they are the same files as the current build's; done is false if a whole
// build is needed.
func (p *Preview) update(next previewDirs) (site string, done bool, err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.live == nil {
		return "", false, nil
	}
	var changed []string
	for _, d := range [][2]string{{next.data, p.cur.data}, {next.assets, p.cur.assets}} {
		c, same, err := changedFiles(d[0], d[1])
		if err != nil {
			return p.cur.site, true, err
		}
		if !same {
			return "", false, nil
		}
		changed = append(changed, c...)
	}
	for _, rel := range changed {
		if err := copyOver(next, p.cur, rel); err != nil {
			p.dropLive()
			return p.cur.site, true, err
		}
	}
	abs := make([]string, len(changed))
	for i, rel := range changed {
		abs[i] = filepath.Join(p.cur.root, rel)
	}
	if err := p.live.Rebuild(abs); err != nil {
		p.dropLive()
		return p.cur.site, true, err
	}
	p.o.stage("publish")
	if err := moveInto(next.extra, p.cur.site); err != nil {
		return p.cur.site, true, fmt.Errorf("publishing the compare and search data: %w", err)
	}
	return p.cur.site, true, nil
}

// replace renders next whole and makes it the current build.
func (p *Preview) replace(next previewDirs) error {
	live, err := hugo.NewLive(hugo.Options{SiteDir: p.o.SiteDir, DataDir: next.data, AssetsDir: next.assets,
		PublishDir: next.site, BaseURL: p.o.BaseURL, Stdout: p.o.Stdout, Stderr: p.o.Stderr})
	if err != nil {
		return err
	}
	p.o.stage("publish")
	if err := moveInto(next.downloads, filepath.Join(next.site, opendata.Dir)); err != nil {
		live.Close()
		return fmt.Errorf("publishing the downloads: %w", err)
	}
	if err := moveInto(next.extra, next.site); err != nil {
		live.Close()
		return fmt.Errorf("publishing the compare and search data: %w", err)
	}
	p.mu.Lock()
	p.dropLive()
	remove := p.older
	p.older, p.cur, p.live = p.cur.root, next, live
	p.mu.Unlock()
	if remove != "" {
		_ = os.RemoveAll(remove)
	}
	return nil
}

// dropLive lets Hugo go, so that the next build is a whole one; p.mu is held.
func (p *Preview) dropLive() {
	if p.live != nil {
		_ = p.live.Close()
		p.live = nil
	}
}

// Site is the folder of the last good site; "" before one.
func (p *Preview) Site() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.cur.site
}

// Visit renders the page at urlPath if a build may have left it out of
// date (see hugo.Live.Visit); call it before serving a page.
func (p *Preview) Visit(urlPath string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.live == nil {
		return nil
	}
	return p.live.Visit(urlPath)
}

// Close lets Hugo go and removes every build.
func (p *Preview) Close() error {
	p.mu.Lock()
	p.dropLive()
	p.mu.Unlock()
	return os.RemoveAll(p.work)
}

// changedFiles lists the files below from whose bytes differ from those of
// the same name below to, as paths relative to from's parent (e.g.
// "assets/cities/x.json"); same is false if the two hold different names.
func changedFiles(from, to string) (changed []string, same bool, err error) {
	names := map[string]bool{}
	err = eachFile(from, func(rel string) error {
		names[rel] = true
		now, err := os.ReadFile(filepath.Join(from, rel))
		if err != nil {
			return err
		}
		was, err := os.ReadFile(filepath.Join(to, rel))
		if errors.Is(err, fs.ErrNotExist) {
			return nil // counted below as a name to has not
		}
		if err != nil {
			return err
		}
		if !bytes.Equal(now, was) {
			changed = append(changed, filepath.Join(filepath.Base(from), rel))
		}
		return nil
	})
	if err != nil {
		return nil, false, err
	}
	same = true
	count := 0
	err = eachFile(to, func(rel string) error {
		if !names[rel] {
			same = false
			return fs.SkipAll
		}
		count++
		return nil
	})
	if err != nil {
		return nil, false, err
	}
	return changed, same && count == len(names), nil
}

// eachFile calls f with every file below dir, as a path relative to dir.
func eachFile(dir string, f func(rel string) error) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		return f(rel)
	})
}

// copyOver moves the file rel (relative to a build's root) from one build
// into the other, replacing it.
func copyOver(from, to previewDirs, rel string) error {
	return os.Rename(filepath.Join(from.root, rel), filepath.Join(to.root, rel))
}
