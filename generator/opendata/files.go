package opendata

import (
	"archive/zip"
	"bufio"
	"compress/flate"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"
	"time"

	"github.com/digitale-staedte/benchmark/generator/model"
)

// Meta describes the data package as a whole.
type Meta struct {
	Name    string // package name, e.g. "digitale-staedte-benchmark"
	Title   model.Text
	Licence Licence
	// Settings are the method settings the results were computed with,
	// stated in the workbook's README sheet (Settings(res)).
	Settings []Setting
	// XLSX writes the workbook; the pipeline passes the workbook package's
	// writer so that excelize stays there. Nil: no workbook.
	XLSX func(Book) ([]byte, error)
	// MaxRows is the most rows a table may have and still fit a
	// worksheet; 0 means MaxSheetRows. A longer table is left out of the
	// workbook, and its JSON comes as one file per partner.
	MaxRows int
}

// Large says whether a table is too long for a worksheet: then its JSON
// comes one file per partner, and the ZIP holds the CSV and Parquet files
// and the descriptor only.
func (meta Meta) Large(tables []Table) bool {
	for _, t := range tables {
		if t.Len() > meta.maxRows() {
			return true
		}
	}
	return false
}

// maxRows is meta.MaxRows or its default.
func (meta Meta) maxRows() int {
	if meta.MaxRows > 0 {
		return meta.MaxRows
	}
	return MaxSheetRows
}

// Licence of the data, from the site configuration.
type Licence struct {
	ID    string `json:"id"` // e.g. "dl-de/by-2-0"
	Title string `json:"title"`
	URL   string `json:"url"`
}

// DefaultLicence is the licence German public bodies use for open data.
var DefaultLicence = Licence{
	ID:    "dl-de/by-2-0",
	Title: "Datenlizenz Deutschland – Namensnennung – Version 2.0",
	URL:   "https://www.govdata.de/dl-de/by-2-0",
}

// Book is what the XLSX writer needs: a README sheet and one sheet per
// table, every cell already neutralised.
type Book struct {
	Readme [][]string
	Sheets []Sheet
}

// Sheet is a table as a worksheet: its rows, texts neutralised, are
// yielded one at a time into one reused slice (a caller that keeps a row
// copies it), so that no table is held twice.
type Sheet struct {
	Name   string
	Header []string
	Rows   iter.Seq[[]Value]
}

// Folder and file names inside the downloads folder.
const (
	Dir          = "downloads"
	PackageFile  = "datapackage.json"
	WorkbookFile = "benchmark.xlsx"
	ZipFile      = "benchmark-data.zip"
	// ZipAtScale names the ZIP's form when it holds only the CSV and
	// Parquet files and the descriptor (Meta.Large), for its label.
	ZipAtScale = "zip-csv-parquet"
)

// Stream renders every table in every format and the data package
// descriptor, one file at a time and straight into the writer create opens
// for each path, and the ZIP of all of them on zipTo (of the CSV and
// Parquet files and the descriptor when meta.Large). The output depends on
// nothing but its input: no timestamps, fixed order. At national scale the
// tables run to gigabytes, which no one need hold in memory. Two cores are
// kept busy: the workbook is made beside the tables, and each file is
// compressed while it is rendered.
func Stream(meta Meta, tables []Table, zipTo io.Writer, create func(path string) (io.WriteCloser, error)) error {
	type workbook struct {
		data []byte
		err  error
	}
	var xlsx chan workbook
	if meta.XLSX != nil {
		// Tables are only read, and each pass over a generated table has
		// its own state, so the workbook can read them at the same time.
		xlsx = make(chan workbook, 1)
		go func() {
			b, err := meta.XLSX(book(meta, tables, meta.maxRows()))
			xlsx <- workbook{b, err}
		}()
	}
	zw := newZip(zipTo)
	large := meta.Large(tables)
	// At scale the ZIP holds the canonical CSV, the Parquet files and the
	// descriptor: the other forms repeat the same values and would more
	// than double it.
	zipped := func(path string) bool {
		if !large || path == PackageFile {
			return true
		}
		_, name := TableOf(path)
		for _, f := range formats {
			if f.name == name {
				return f.zipAtScale
			}
		}
		return false
	}
	// open starts a file and its entry in the ZIP; finish ends both. The
	// writer is rendered into here and written and compressed in a
	// goroutine: the pipe between them lets both run at once.
	open := func(path string) (w *bufio.Writer, finish func(err error) error, err error) {
		f, err := create(path)
		if err != nil {
			return nil, nil, err
		}
		var dst io.Writer = f
		if zipped(path) {
			entry, err := zw.entry(path)
			if err != nil {
				f.Close()
				return nil, nil, err
			}
			dst = io.MultiWriter(f, entry)
		}
		pr, pw := io.Pipe()
		copied := make(chan error, 1)
		go func() {
			_, err := io.Copy(dst, pr)
			pr.CloseWithError(err) // a failed write stops the rendering
			copied <- err
		}()
		w = bufio.NewWriterSize(pw, 1<<16)
		finish = func(err error) error {
			if ferr := w.Flush(); err == nil {
				err = ferr
			}
			pw.Close()
			if cerr := <-copied; err == nil || errors.Is(err, io.ErrClosedPipe) {
				err = cerr
			}
			if err != nil {
				f.Close()
				return fmt.Errorf("writing %s: %w", path, err)
			}
			return f.Close()
		}
		return w, finish, nil
	}
	put := func(path string, render func(w *bufio.Writer) error) error {
		w, finish, err := open(path)
		if err != nil {
			return err
		}
		return finish(render(w))
	}
	bytesOf := func(b []byte) func(w *bufio.Writer) error {
		return func(w *bufio.Writer) error { _, err := w.Write(b); return err }
	}
	// The paths of the files written one per partner, by table and format.
	split := map[string][]string{}
	for _, t := range tables {
		for _, f := range formats {
			if f.has != nil && !f.has(t) {
				continue
			}
			if col := partnerColumn(t); f.byPartner != nil && col >= 0 && t.Len() > meta.maxRows() {
				paths, err := f.byPartner(t, col, open)
				if err != nil {
					return err
				}
				split[f.name+"/"+t.Name] = paths
				continue
			}
			if err := put(f.path(t), func(w *bufio.Writer) error { return f.write(w, t) }); err != nil {
				return err
			}
		}
	}
	if xlsx != nil {
		wb := <-xlsx
		if wb.err != nil {
			return wb.err
		}
		if err := put(WorkbookFile, bytesOf(wb.data)); err != nil {
			return err
		}
	}
	desc, err := descriptor(meta, tables, split, meta.XLSX != nil)
	if err != nil {
		return err
	}
	if err := put(PackageFile, bytesOf(desc)); err != nil {
		return err
	}
	return zw.Close()
}

// Neutralise makes a text safe to open in a spreadsheet program: a text
// starting with =, +, -, @, tab or carriage return would be taken for a
// formula (CSV injection), so it gets a leading apostrophe, which Excel
// and LibreOffice show as text and do not display. Numbers are never
// text here, so real negative numbers are untouched.
func Neutralise(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// writeCSV writes RFC 4180 CSV with a header row into w (errors stay in w
// for its Flush). The German variant uses a semicolon, a decimal comma and
// a byte order mark, which is what German Excel expects when a file is
// opened by double-click.
func writeCSV(b *bufio.Writer, t Table, sep rune, decimalComma bool) {
	if decimalComma {
		b.WriteString("\ufeff")
	}
	for i, f := range t.Fields {
		if i > 0 {
			b.WriteRune(sep)
		}
		b.WriteString(quote(f.Name, sep))
	}
	b.WriteString("\r\n")
	for row := range t.All() {
		for i, v := range row {
			if i > 0 {
				b.WriteRune(sep)
			}
			switch x := v.(type) {
			case string:
				b.WriteString(quote(Neutralise(x), sep))
			default:
				s := scalar(v)
				if decimalComma {
					s = strings.Replace(s, ".", ",", 1)
				}
				b.WriteString(s)
			}
		}
		b.WriteString("\r\n")
	}
}

func quote(s string, sep rune) string {
	if !strings.ContainsAny(s, `"`+"\r\n"+string(sep)) {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// scalar prints a non-text value: numbers in their shortest exact form
// (never an exponent), booleans as true/false, nil as empty.
func scalar(v Value) string {
	switch x := v.(type) {
	case nil:
		return ""
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case int:
		return strconv.Itoa(x)
	case bool:
		return strconv.FormatBool(x)
	}
	panic("opendata: unexpected value type") // a programming error in Tables
}

// writeJSON writes the table as an array of objects with the fields in
// schema order into w (errors stay in w for its Flush). Texts are not
// neutralised: JSON is not opened by spreadsheets.
func writeJSON(b *bufio.Writer, t Table) {
	e := newJSONEncoder(t)
	e.begin(b)
	for row := range t.All() {
		e.row(b, row)
	}
	e.end(b)
}

// jsonEncoder writes a table's rows as JSON objects, one array per file.
type jsonEncoder struct {
	// Field names are encoded once, and repeated texts once each: slugs
	// and IDs repeat in every row, and encoding was most of the cost at
	// scale. A column's last text is kept (a city's slug runs over its
	// rows), and up to maxCachedTexts others; texts that never repeat (cell
	// references: millions at national scale) would otherwise all be kept.
	names [][]byte
	last  []encoded
	texts map[string][]byte
	first bool
}

type encoded struct {
	text string
	json []byte
}

func newJSONEncoder(t Table) *jsonEncoder {
	e := &jsonEncoder{names: make([][]byte, len(t.Fields)), last: make([]encoded, len(t.Fields)), texts: map[string][]byte{}}
	for i, f := range t.Fields {
		name, _ := json.Marshal(f.Name)
		e.names[i] = append(name, ": "...)
	}
	return e
}

func (e *jsonEncoder) begin(b *bufio.Writer) {
	b.WriteString("[")
	e.first = true
}

func (e *jsonEncoder) row(b *bufio.Writer, row []Value) {
	if !e.first {
		b.WriteString(",")
	}
	e.first = false
	b.WriteString("\n {")
	for i, v := range row {
		if i > 0 {
			b.WriteString(", ")
		}
		b.Write(e.names[i])
		switch x := v.(type) {
		case nil:
			b.WriteString("null")
		case string:
			if i < len(e.last) && e.last[i].json != nil && e.last[i].text == x {
				b.Write(e.last[i].json)
				break
			}
			s, ok := e.texts[x]
			if !ok {
				s, _ = json.Marshal(x)
				if len(e.texts) < maxCachedTexts {
					e.texts[x] = s
				}
			}
			if i < len(e.last) {
				e.last[i] = encoded{x, s}
			}
			b.Write(s)
		default:
			b.WriteString(scalar(x))
		}
	}
	b.WriteString("}")
}

func (e *jsonEncoder) end(b *bufio.Writer) { b.WriteString("\n]\n") }

// writeJSONByPartner writes t's rows as one JSON file per partner, named
// by the partner's slug in column col (json/kpi_values/muenchen.json):
// what an app that shows one partner loads, where the whole table would be
// a gigabyte. The rows come partner by partner; a partner without rows has
// no file. It returns the paths written, in order.
func writeJSONByPartner(t Table, col int, open func(path string) (*bufio.Writer, func(error) error, error)) ([]string, error) {
	e := newJSONEncoder(t)
	var paths []string
	seen := map[string]bool{}
	var w *bufio.Writer
	var finish func(error) error
	current := ""
	for row := range t.All() {
		slug, _ := row[col].(string)
		if w == nil || slug != current {
			if w != nil {
				e.end(w)
				if err := finish(nil); err != nil {
					return nil, err
				}
			}
			if seen[slug] || slug == "" || strings.ContainsAny(slug, `/\`) {
				// Tables lists rows partner by partner, and a slug is its
				// workbook's file name.
				return nil, fmt.Errorf("json/%s: rows not grouped by a partner usable as a file name: %q", t.Name, slug)
			}
			seen[slug], current = true, slug
			path := "json/" + t.Name + "/" + slug + ".json"
			var err error
			if w, finish, err = open(path); err != nil {
				return nil, err
			}
			paths = append(paths, path)
			e.begin(w)
		}
		e.row(w, row)
	}
	if w != nil {
		e.end(w)
		if err := finish(nil); err != nil {
			return nil, err
		}
	}
	return paths, nil
}

// partnerColumn is the index of t's partner column (the slug, "city"), -1
// if it has none.
func partnerColumn(t Table) int {
	for i, f := range t.Fields {
		if f.Name == partnerField {
			return i
		}
	}
	return -1
}

// maxCachedTexts bounds the encoded texts a JSON download keeps for
// reuse: more than the distinct slugs, IDs and sources of a national set.
const maxCachedTexts = 1 << 15

// MaxSheetRows is how many data rows a worksheet holds below its header
// (Excel's and LibreOffice's limit is 1,048,576 rows).
const MaxSheetRows = 1<<20 - 1

// book lays the tables out as worksheets behind a README sheet. A table
// with more than maxRows rows (the values of thousands of cities) does not
// fit a worksheet: the README names it as CSV and JSON only.
func book(meta Meta, tables []Table, maxRows int) Book {
	bk := Book{Readme: [][]string{
		{meta.Title.De},
		{meta.Title.En},
		{},
		{"Lizenz / Licence", meta.Licence.Title, meta.Licence.URL},
		{"Beschreibung / Description", "datapackage.json"},
	}}
	bk.Readme = append(bk.Readme, readmeSettings(meta.Settings)...)
	bk.Readme = append(bk.Readme, []string{}, []string{"Blatt / Sheet", "Titel", "Title", "Art / Kind"})
	for _, t := range tables {
		kind := "Ergebnis / result"
		if t.Input {
			kind = "Eingabe / input"
		}
		if t.Len() > maxRows {
			kind += " – nicht hier, zu viele Zeilen für ein Tabellenblatt: als CSV, JSON je Partner und Parquet, siehe datapackage.json / not here, too many rows for a sheet: as CSV, JSON per partner and Parquet, see datapackage.json"
			bk.Readme = append(bk.Readme, []string{t.Name, t.Title.De, t.Title.En, kind})
			continue
		}
		bk.Readme = append(bk.Readme, []string{t.Name, t.Title.De, t.Title.En, kind})
		sh := Sheet{Name: t.Name, Rows: neutralised(t)}
		for _, f := range t.Fields {
			sh.Header = append(sh.Header, f.Name)
		}
		bk.Sheets = append(bk.Sheets, sh)
	}
	return bk
}

// neutralised yields t's rows with every text neutralised.
func neutralised(t Table) iter.Seq[[]Value] {
	return func(yield func([]Value) bool) {
		var out []Value
		for row := range t.All() {
			out = append(out[:0], row...)
			for i, v := range out {
				if s, ok := v.(string); ok {
					out[i] = Neutralise(s)
				}
			}
			if !yield(out) {
				return
			}
		}
	}
}

// zipWriter packs files with a fixed time stamp, so that the same data
// give the same archive.
type zipWriter struct{ *zip.Writer }

func newZip(w io.Writer) zipWriter {
	zw := zip.NewWriter(w)
	// The fastest deflate level: at national scale the archive holds
	// gigabytes of tables, and the default level took several times as long
	// for a few per cent less size. Still deterministic.
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestSpeed)
	})
	return zipWriter{zw}
}

// entry starts the archive's next file.
func (z zipWriter) entry(path string) (io.Writer, error) {
	return z.CreateHeader(&zip.FileHeader{Name: path, Method: zip.Deflate, Modified: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)})
}

// Text is a value as its CSV download spells it, before neutralisation:
// the common form in which two releases are compared.
func Text(v Value) string {
	if s, ok := v.(string); ok {
		return s
	}
	return scalar(v)
}

// Unneutralise undoes Neutralise for a text read back from a download.
func Unneutralise(s string) string {
	if len(s) >= 2 && s[0] == '\'' {
		switch s[1] {
		case '=', '+', '-', '@', '\t', '\r':
			return s[1:]
		}
	}
	return s
}
