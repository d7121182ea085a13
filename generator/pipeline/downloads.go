package pipeline

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/digitale-staedte/benchmark/generator/compare"
	"github.com/digitale-staedte/benchmark/generator/hugo"
	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/opendata"
	"github.com/digitale-staedte/benchmark/generator/score"
	"github.com/digitale-staedte/benchmark/generator/workbook"
)

// downloadsFile lists the downloads for the theme, as
// hugo.Data.generated.downloads.
const downloadsFile = "downloads.json"

// downloads renders the open-data files. The licence comes from the site
// configuration (params.benchmark.licence_id, licence_title, licence_url).
func downloads(ds model.Dataset, res score.Result, cmp compare.Result, siteDir string) ([]opendata.File, []opendata.Table, opendata.Licence, error) {
	params, err := hugo.Params(siteDir)
	if err != nil {
		return nil, nil, opendata.Licence{}, err
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
	meta := opendata.Meta{
		Name:    "digitale-staedte-benchmark",
		Title:   model.Text{De: "Digitale Städte – Reifegrad im Vergleich", En: "Digital cities – maturity compared"},
		Licence: lic,
		XLSX: func(b opendata.Book) ([]byte, error) {
			sheets := make([]workbook.ExportSheet, len(b.Sheets))
			for i, s := range b.Sheets {
				sheets[i] = workbook.ExportSheet{Name: s.Name, Header: s.Header, Rows: s.Rows}
			}
			return workbook.WriteExport(b.Readme, sheets)
		},
	}
	tables := opendata.Tables(ds, res, cmp)
	files, err := opendata.Files(meta, tables)
	return files, tables, lic, err
}

// listDownloads writes the list of downloads with their sizes into the
// generated data folder, for the theme's downloads page.
func listDownloads(dataDir string, files []opendata.File, tables []opendata.Table, lic opendata.Licence) error {
	type entry struct {
		Path  string      `json:"path"` // relative to the site root
		Bytes int         `json:"bytes"`
		Table string      `json:"table,omitempty"`
		Title *model.Text `json:"title,omitempty"`
		Input bool        `json:"input"` // read from the spreadsheets (else computed)
	}
	list := struct {
		Licence opendata.Licence `json:"licence"`
		Files   []entry          `json:"files"`
	}{Licence: lic, Files: []entry{}}
	byName := map[string]opendata.Table{}
	for _, t := range tables {
		byName[t.Name] = t
	}
	for _, f := range files {
		e := entry{Path: opendata.Dir + "/" + f.Path, Bytes: len(f.Data)}
		if t, ok := byName[tableOf(f.Path)]; ok {
			e.Table, e.Title, e.Input = t.Name, &t.Title, t.Input
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

// writeDownloads writes the files below publishDir/downloads.
func writeDownloads(publishDir string, files []opendata.File) error {
	for _, f := range files {
		path := filepath.Join(publishDir, opendata.Dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			return fmt.Errorf("writing %s: %w", f.Path, err)
		}
	}
	return nil
}

// tableOf is the table a CSV or JSON download holds, "" for other files.
func tableOf(path string) string {
	ext := filepath.Ext(path)
	if ext != ".csv" && ext != ".json" || filepath.Dir(path) == "." {
		return ""
	}
	return filepath.Base(path[:len(path)-len(ext)])
}
