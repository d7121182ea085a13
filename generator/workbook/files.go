package workbook

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/problem"
)

// Paths of the data folder's parts, relative to it.
const (
	FrameworkFile = "framework.xlsx" // or framework.ods (FrameworkName)
	PartnersDir   = "partners"
	// OldPartnersDir is the partners folder's name from the days when
	// every partner was a city: still read, with a warning, while it is
	// the only one.
	OldPartnersDir = "cities"
)

// PartnersFolder is the folder of dataDir holding the partners'
// workbooks: partners, or the old cities while only that one exists.
func PartnersFolder(dataDir string) string {
	dir := filepath.Join(dataDir, PartnersDir)
	if _, err := os.Stat(dir); err != nil {
		old := filepath.Join(dataDir, OldPartnersDir)
		if st, err := os.Stat(old); err == nil && st.IsDir() {
			return old
		}
	}
	return dir
}

// workbookExts are the formats read, as Excel and LibreOffice save them.
var workbookExts = []string{".xlsx", ".ods"}

// maxFileSize is the largest workbook file read: packed, it cannot be
// much larger than the most it may unpack to.
const maxFileSize = unzipSizeLimit + 1<<20

// otherSpreadsheetExts are spreadsheets in formats that are not read: a
// partner saved in one of them would silently be missing.
var otherSpreadsheetExts = map[string]bool{
	".xls": true, ".xlsm": true, ".xlsb": true, ".xlt": true, ".xltx": true, ".xltm": true,
	".csv": true, ".tsv": true, ".fods": true, ".ots": true, ".numbers": true, ".et": true,
	".sxc": true, ".dif": true, ".slk": true, ".gnumeric": true,
}

// Files are the workbooks of a data folder.
type Files struct {
	Framework string   // data/framework.xlsx or .ods
	Cities    []string // data/partners/<slug>.xlsx or .ods, in name order
}

// All is the framework followed by the cities.
func (f Files) All() []string { return append([]string{f.Framework}, f.Cities...) }

// FindFiles lists the workbooks of dataDir. Its problems are about files,
// not cells: a missing folder, two frameworks, a file in another format, a
// name that cannot be an address, a copy of another partner's workbook.
// Lock files of Excel (~$name.xlsx) and LibreOffice (.~lock.name.xlsx#),
// and every other dotfile, are left out without a word.
func FindFiles(dataDir string) (Files, problem.List) {
	var probs problem.List
	files := Files{Framework: filepath.Join(dataDir, FrameworkFile)}
	if st, err := os.Stat(dataDir); err != nil || !st.IsDir() {
		probs.Errorf(model.Pos{File: dataDir}, problem.DataDirMissing, dataDir)
		return files, probs
	}
	var frameworks []string
	for _, ext := range workbookExts {
		p := filepath.Join(dataDir, "framework"+ext)
		if _, err := os.Lstat(p); err == nil {
			frameworks = append(frameworks, p)
		}
	}
	switch len(frameworks) {
	case 1:
		files.Framework = frameworks[0]
	case 2:
		probs.Errorf(model.Pos{File: frameworks[1]}, problem.FileFrameworkTwice, frameworks[0], frameworks[1])
	}

	dir := PartnersFolder(dataDir)
	if old := filepath.Join(dataDir, OldPartnersDir); dir == old {
		probs.Warnf(model.Pos{File: old}, problem.FolderOldName, old, filepath.Join(dataDir, PartnersDir))
	} else if names := spreadsheetNames(old); len(names) > 0 {
		probs.Errorf(model.Pos{File: old}, problem.FolderTwice, old, dir, strings.Join(names, ", "), dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		probs.Errorf(model.Pos{File: dir}, problem.FileOpen, err.Error())
		return files, probs
	}
	type candidate struct{ path, name, stem string }
	var books []candidate
	for _, e := range entries {
		name := e.Name()
		path := filepath.Join(dir, name)
		if e.IsDir() || strings.HasPrefix(name, "~$") || strings.HasPrefix(name, ".") {
			continue
		}
		ext := strings.ToLower(filepath.Ext(name))
		switch {
		case slices.Contains(workbookExts, ext):
			books = append(books, candidate{path, name, strings.TrimSuffix(name, filepath.Ext(name))})
		case otherSpreadsheetExts[ext]:
			probs.Errorf(model.Pos{File: path}, problem.FileOtherFormat, ext)
		case ext == "":
			if format, ext := sniffName(path); format != "" {
				probs.Errorf(model.Pos{File: path}, problem.FileNoExtension, format, ext, ext)
			}
		}
	}
	slugs := map[string]string{} // slug → file name, of the workbooks that are no copies
	for _, b := range books {
		if IsSlug(b.stem) && !isCopyName(b.stem) {
			slugs[b.stem] = b.name
		}
	}
	for _, b := range books {
		if original, ok := copyOf(b.stem, slugs); ok {
			probs.Errorf(model.Pos{File: b.path}, problem.FileCopy, b.name, original, dir)
			continue
		}
		if !IsSlug(b.stem) {
			suggest := Slug(b.stem)
			if m := copyMarks.FindStringSubmatch(b.stem); m != nil {
				suggest = Slug(m[1])
			}
			if suggest == "" {
				suggest = "muenchen"
			}
			probs.Errorf(model.Pos{File: b.path}, problem.FileSlug, b.name, suggest+strings.ToLower(filepath.Ext(b.name)))
		}
		// Only regular files inside the data folder: a pipe would block
		// the build, a device or a sparse giant would never end.
		st, err := os.Stat(b.path)
		switch {
		case err == nil && !st.Mode().IsRegular(), !insideFolder(b.path, dataDir):
			probs.Errorf(model.Pos{File: b.path}, problem.FileNotRegular)
			continue
		case err == nil && st.Size() > maxFileSize:
			probs.Errorf(model.Pos{File: b.path}, problem.FileTooLarge, st.Size()>>20, maxFileSize>>20)
			continue
		}
		files.Cities = append(files.Cities, b.path)
	}
	sort.Strings(files.Cities)
	return files, probs
}

// PartnerFiles are the paths a partner's workbook may have, one per format.
func PartnerFiles(dataDir, slug string) []string {
	var out []string
	for _, ext := range workbookExts {
		out = append(out, filepath.Join(PartnersFolder(dataDir), slug+ext))
	}
	return out
}

// spreadsheetNames are the names of the spreadsheets in dir, if any.
func spreadsheetNames(dir string) []string {
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		if !e.IsDir() && IsSpreadsheetName(e.Name()) {
			names = append(names, e.Name())
		}
	}
	return names
}

// IsSpreadsheetName reports whether a file name is a spreadsheet's, in a
// format that is read or not, and no lock file or dotfile.
func IsSpreadsheetName(name string) bool {
	if strings.HasPrefix(name, "~$") || strings.HasPrefix(name, ".") {
		return false
	}
	ext := strings.ToLower(filepath.Ext(name))
	return slices.Contains(workbookExts, ext) || otherSpreadsheetExts[ext]
}

// copyMarks are how Windows, macOS, LibreOffice, browsers and people name
// a second copy of a file: "muenchen (1)", "muenchen Kopie", "Kopie von
// muenchen", "muenchen-copy-2", "muenchen_alt". A name may hold any
// character, a line break too (s).
var copyMarks = regexp.MustCompile(`(?is)^(?:(?:kopie von|copy of)\s+)?(.+?)(?:[\s_-]*\(\d+\)|[\s_-]+(?:kopie|copy|copie|alt|old|backup|sicherung)(?:[\s_-]*\(?\d+\)?)?)?$`)

func isCopyName(stem string) bool {
	m := copyMarks.FindStringSubmatch(stem)
	return m != nil && m[1] != stem
}

// copyOf names the workbook that stem is a copy of, when stripping the
// copy marks leaves the address of another workbook.
func copyOf(stem string, slugs map[string]string) (string, bool) {
	m := copyMarks.FindStringSubmatch(stem)
	if m == nil || m[1] == stem {
		return "", false
	}
	original, ok := slugs[Slug(m[1])]
	return original, ok
}

// insideFolder reports whether path, after following links, is a file
// inside dataDir: a link may point elsewhere in the data folder, never out
// of it, and never to a device or pipe.
func insideFolder(path, dataDir string) bool {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return true // the reader names the missing target
	}
	root, err := filepath.EvalSymlinks(dataDir)
	if err != nil {
		return true
	}
	real, _ = filepath.Abs(real)
	root, _ = filepath.Abs(root)
	return strings.HasPrefix(real, root+string(filepath.Separator))
}

// sniffName says what a file without extension holds, when it is a
// workbook: its format and the extension it should have.
func sniffName(path string) (format, ext string) {
	st, err := os.Stat(path)
	if err != nil || !st.Mode().IsRegular() {
		return "", ""
	}
	f, err := os.Open(path)
	if err != nil {
		return "", ""
	}
	defer f.Close()
	head := make([]byte, 8)
	if n, _ := io.ReadFull(f, head); n < len(head) {
		return "", ""
	}
	switch {
	case bytes.Equal(head, oleSignature):
		return "Excel 97–2003", ".xlsx"
	case bytes.HasPrefix(head, []byte("PK")):
		switch sniff(path) {
		case formatODS:
			return "OpenDocument", ".ods"
		case formatXLSX:
			return "Excel", ".xlsx"
		}
	}
	return "", ""
}
