package pipeline

import (
	"io/fs"
	"path/filepath"
	"strings"
)

// SiteSize is what a built site holds. Hosts limit the files and bytes:
// GitHub Pages publishes at most 1 GB, GitLab Pages also 200,000 files.
type SiteSize struct {
	Pages int   // HTML pages
	Files int   // every file, the pages included
	Bytes int64 // the files' sizes added up
}

// Measure walks the site built into dir.
func Measure(dir string) (SiteSize, error) {
	var s SiteSize
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		s.Files++
		s.Bytes += info.Size()
		if strings.HasSuffix(p, ".html") {
			s.Pages++
		}
		return nil
	})
	return s, err
}
