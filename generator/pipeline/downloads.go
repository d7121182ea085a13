package pipeline

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"

	"github.com/digitale-staedte/benchmark/generator/hugo"
	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/opendata"
	"github.com/digitale-staedte/benchmark/generator/workbook"
)

// downloadsFile lists the downloads for the theme, as
// hugo.Data.generated.downloads.
const downloadsFile = "downloads.json"

// errStopped is returned when the downloads were stopped before they
// were all written (Preview.Downloads).
var errStopped = errors.New("stopped")

// downloadMeta describes the open-data package. The licence comes from the
// site configuration (params.benchmark.licence_id, licence_title,
// licence_url).
func downloadMeta(siteDir string) (opendata.Meta, error) {
	params, err := hugo.Params(siteDir)
	if err != nil {
		return opendata.Meta{}, err
	}
	lic := opendata.DefaultLicence
	str := func(key string, dst *string) {
		if v, ok := params[key].(string); ok && v != "" {
			*dst = v
		}
	}
	str("licence_id", &lic.ID)
	str("licence_title", &lic.Title)
	str("licence_url", &lic.URL)
	return opendata.Meta{
		Name:    "digitale-staedte-benchmark",
		Title:   model.Text{De: "Digitale Städte – Reifegrad im Vergleich", En: "Digital cities – maturity compared"},
		Licence: lic,
		XLSX: func(b opendata.Book) ([]byte, error) {
			sheets := make([]workbook.ExportSheet, len(b.Sheets))
			for i, s := range b.Sheets {
				sheets[i] = workbook.ExportSheet{Name: s.Name, Header: s.Header, Stream: s.Rows}
			}
			return workbook.WriteExport(b.Readme, sheets)
		},
	}, nil
}

// downloadFile is a written download: its path below the downloads
// folder and its size.
type downloadFile struct {
	Path  string
	Bytes int
}

// writeDownloads renders the open-data files into dir one at a time (at
// national scale they are gigabytes, too much to hold), the ZIP of all of
// them last.
func writeDownloads(dir string, meta opendata.Meta, tables []opendata.Table, stop func() bool) (files []downloadFile, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	z, err := os.Create(filepath.Join(dir, opendata.ZipFile))
	if err != nil {
		return nil, err
	}
	defer func() {
		if cerr := z.Close(); err == nil {
			err = cerr
		}
	}()
	zb := bufio.NewWriter(z)
	err = opendata.Stream(meta, tables, zb, func(p string) (io.WriteCloser, error) {
		if stop != nil && stop() {
			return nil, errStopped
		}
		path := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, err
		}
		f, err := os.Create(path)
		if err != nil {
			return nil, err
		}
		return &sizedFile{File: f, path: p, files: &files}, nil
	})
	if err == nil {
		err = zb.Flush()
	}
	if err != nil {
		return nil, err
	}
	info, err := z.Stat()
	if err != nil {
		return nil, err
	}
	return append(files, downloadFile{opendata.ZipFile, int(info.Size())}), nil
}

// listDownloads writes the list of downloads with their sizes into the
// generated data folder, for the theme's downloads page. large: the ZIP
// holds only the CSV and Parquet files and the descriptor
// (opendata.Meta.Large), which its label says.
func listDownloads(dataDir string, files []downloadFile, tables []opendata.Table, lic opendata.Licence, large bool) error {
	type entry struct {
		Path  string `json:"path"` // relative to the site root
		Bytes int    `json:"bytes"`
		Table string `json:"table,omitempty"`
		// Format names the form a table's file comes in, for its label.
		Format string      `json:"format,omitempty"`
		Title  *model.Text `json:"title,omitempty"`
		Input  bool        `json:"input"` // read from the spreadsheets (else computed)
	}
	list := struct {
		Licence opendata.Licence `json:"licence"`
		Files   []entry          `json:"files"`
	}{Licence: lic, Files: []entry{}}
	byName := map[string]opendata.Table{}
	for _, t := range tables {
		byName[t.Name] = t
	}
	// Of the per-partner files (thousands), the page links the first; the
	// data package lists them all.
	listed := map[string]bool{}
	for _, f := range files {
		e := entry{Path: opendata.Dir + "/" + f.Path, Bytes: f.Bytes}
		if f.Path == opendata.ZipFile && large {
			e.Format = opendata.ZipAtScale
		}
		name, format := opendata.TableOf(f.Path)
		if format == opendata.PartnerFormat {
			if listed[format] {
				continue
			}
			listed[format] = true
			e.Format = format
		}
		if t, ok := byName[name]; ok {
			e.Table, e.Format, e.Title, e.Input = t.Name, format, &t.Title, t.Input
		}
		list.Files = append(list.Files, e)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", " ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(list); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dataDir, downloadsFile), b.Bytes(), 0o644)
}

// sizedFile notes the size of a download when it is closed.
type sizedFile struct {
	*os.File
	path  string
	files *[]downloadFile
}

func (f *sizedFile) Close() error {
	info, err := f.Stat()
	if err == nil {
		*f.files = append(*f.files, downloadFile{f.path, int(info.Size())})
	}
	if cerr := f.File.Close(); err == nil {
		err = cerr
	}
	return err
}
