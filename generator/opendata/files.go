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
	// MaxRows is the most rows a table may have and still come in every
	// format; 0 means EveryFormatRows, and more than MaxSheetRows counts as
	// MaxSheetRows. A longer table is large (Meta.large): it is left out of
	// the workbook and the German CSV, and its rows come as JSON in the
	// per-partner files (json/partner/<slug>.json) instead of one national
	// file.
	MaxRows int
}

// EveryFormatRows is the default of Meta.MaxRows. A site whose tables
// stay below it keeps every format for each and still fits a 1 GB host
// such as GitHub Pages. Above it a table's German CSV, worksheet and
// national JSON would each be hundreds of megabytes that no one opens in
// Excel: with every format, a German Land (2,050 partners × 50 indicators
// × 10 years, 944,606 KPI values) had 1.016 GB of downloads.
const EveryFormatRows = 500_000

// Large says whether any table is large (more rows than meta allows): then
// the large tables come as CSV, Parquet and per-partner JSON only, and the
// ZIP holds the CSV and Parquet files and the descriptor only.
func (meta Meta) Large(tables []Table) bool {
	for _, t := range tables {
		if meta.large(t) {
			return true
		}
	}
	return false
}

// large says whether t has more rows than meta allows for every format:
// the one rule the workbook, the German CSV, the JSON and the ZIP follow.
func (meta Meta) large(t Table) bool { return t.Len() > meta.maxRows() }

// maxRows is meta.MaxRows or its default, at most MaxSheetRows.
func (meta Meta) maxRows() int {
	if meta.MaxRows > 0 {
		return min(meta.MaxRows, MaxSheetRows)
	}
	return EveryFormatRows
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
// Parquet files and the descriptor when meta.Large). A large table (more
// rows than meta.MaxRows) has no German CSV and no worksheet, and its rows
// come as JSON in one file per partner with the other large tables'
// (writeJSONPerPartner). The output depends on nothing but its input: no
// timestamps, fixed order. At national scale the tables run to gigabytes,
// which no one need hold in memory. Two cores are kept busy: the workbook
// is made beside the tables, and each file is compressed while it is
// rendered.
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
			b, err := meta.XLSX(book(meta, tables))
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
	var byPartner []Table // the large tables, in the per-partner files
	for _, t := range tables {
		if meta.perPartner(t) {
			byPartner = append(byPartner, t)
		}
		for _, f := range formats {
			if f.has != nil && !f.has(t, meta) {
				continue
			}
			if err := put(f.path(t), func(w *bufio.Writer) error { return f.write(w, t) }); err != nil {
				return err
			}
		}
	}
	partnerFiles, err := writeJSONPerPartner(byPartner, open)
	if err != nil {
		return err
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
	desc, err := descriptor(meta, tables, byPartner, partnerFiles, meta.XLSX != nil)
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
		e.value(b, i, v)
	}
	b.WriteString("}")
}

// value writes v, the cell of column i: null, a number or boolean as the
// CSV prints it, or a JSON string.
func (e *jsonEncoder) value(b *bufio.Writer, i int, v Value) {
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case string:
		if i < len(e.last) && e.last[i].json != nil && e.last[i].text == x {
			b.Write(e.last[i].json)
			return
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

// array writes row as a JSON array without column skip, the values as in
// row (no spaces).
func (e *jsonEncoder) array(b *bufio.Writer, row []Value, skip int) {
	b.WriteString("[")
	first := true
	for i, v := range row {
		if i == skip {
			continue
		}
		if !first {
			b.WriteString(",")
		}
		first = false
		e.value(b, i, v)
	}
	b.WriteString("]")
}

func (e *jsonEncoder) end(b *bufio.Writer) { b.WriteString("\n]\n") }

// writeJSONPerPartner writes the rows of the large tables (each with a
// partner column) as one JSON file per partner, PartnerDir/<slug>.json:
// what an app that shows one partner loads, where a whole table would be
// hundreds of megabytes. A file holds the partner's rows of every one of
// the tables, without the partner column, one row per line:
//
//	{"partner":"muenchen","tables":{
//	"kpi_values":{"fields":["indicator","year","value",...],"rows":[
//	["D01-001",2016,44.05,...],
//	["D01-001",2017,45.2,...]
//	]},
//	"indicator_scores":{"fields":[...],"rows":[
//	]}
//	}}
//
// Every table is named, with no rows where the partner has none; a
// partner without rows in any of them has no file. Values are encoded as
// in the national JSON. The tables list their rows partner by partner, in
// one order of partners (a table may lack some); they are read in
// lockstep, so that no more than a row of each is held. It returns the
// paths written, in order.
func writeJSONPerPartner(tables []Table, open func(path string) (*bufio.Writer, func(error) error, error)) ([]string, error) {
	if len(tables) == 0 {
		return nil, nil
	}
	cols := make([]int, len(tables))
	for i, t := range tables {
		cols[i] = partnerColumn(t)
	}
	order, err := partnerOrder(tables, cols)
	if err != nil {
		return nil, err
	}
	type cursor struct {
		next  func() ([]Value, bool)
		row   []Value
		ok    bool
		e     *jsonEncoder
		start []byte // the table's name, fields and the rows' opening
	}
	cur := make([]cursor, len(tables))
	for i, t := range tables {
		next, stop := iter.Pull(t.All())
		defer stop()
		row, ok := next()
		start, _ := json.Marshal(t.Name)
		start = append(start, `:{"fields":[`...)
		n := 0
		for j, f := range t.Fields {
			if j == cols[i] {
				continue
			}
			if n > 0 {
				start = append(start, ',')
			}
			n++
			name, _ := json.Marshal(f.Name)
			start = append(start, name...)
		}
		start = append(start, `],"rows":[`...)
		cur[i] = cursor{next, row, ok, newJSONEncoder(t), start}
	}
	var paths []string
	for _, slug := range order {
		p := PartnerDir + "/" + slug + ".json"
		w, finish, err := open(p)
		if err != nil {
			return nil, err
		}
		name, _ := json.Marshal(slug)
		w.WriteString(`{"partner":`)
		w.Write(name)
		w.WriteString(`,"tables":{`)
		for i := range cur {
			c := &cur[i]
			if i > 0 {
				w.WriteString(",")
			}
			w.WriteString("\n")
			w.Write(c.start)
			for n := 0; c.ok && c.row[cols[i]] == Value(slug); n++ {
				if n > 0 {
					w.WriteString(",")
				}
				w.WriteString("\n")
				c.e.array(w, c.row, cols[i])
				c.row, c.ok = c.next()
			}
			w.WriteString("\n]}")
		}
		w.WriteString("\n}}\n")
		if err := finish(nil); err != nil {
			return nil, err
		}
		paths = append(paths, p)
	}
	for i, c := range cur {
		if c.ok {
			// The rows changed between two passes.
			return nil, fmt.Errorf("%s: a row of partner %v out of order", tables[i].Name, c.row[cols[i]])
		}
	}
	return paths, nil
}

// partnerOrder is the order of the partners in the tables' rows, read from
// their partner columns cols in one pass over each: every table lists its
// rows partner by partner, in one order of partners, though a table may
// lack some. A table whose rows are not grouped by partner, a slug that
// cannot be a file name or two tables in different orders are an error.
func partnerOrder(tables []Table, cols []int) ([]string, error) {
	lists := make([][]string, len(tables))
	pos := make([]map[string]int, len(tables))
	for i, t := range tables {
		pos[i] = map[string]int{}
		for row := range t.All() {
			slug, _ := row[cols[i]].(string)
			if n := len(lists[i]); n > 0 && lists[i][n-1] == slug {
				continue
			}
			if _, seen := pos[i][slug]; seen || slug == "" || strings.ContainsAny(slug, `/\`) {
				return nil, fmt.Errorf("%s: rows not grouped by a partner usable as a file name: %q", t.Name, slug)
			}
			pos[i][slug] = len(lists[i])
			lists[i] = append(lists[i], slug)
		}
	}
	// Merge the lists: the next partner is one that is next in a list and
	// comes later in none.
	next := make([]int, len(lists))
	var order []string
	for {
		pick, left := "", false
		for i, l := range lists {
			if next[i] == len(l) {
				continue
			}
			left = true
			slug, first := l[next[i]], true
			for j := range lists {
				if p, ok := pos[j][slug]; ok && p > next[j] {
					first = false
					break
				}
			}
			if first {
				pick = slug
				break
			}
		}
		if pick == "" {
			if left {
				return nil, fmt.Errorf("the tables %s list their partners in different orders", tableNames(tables))
			}
			return order, nil
		}
		order = append(order, pick)
		for j, l := range lists {
			if next[j] < len(l) && l[next[j]] == pick {
				next[j]++
			}
		}
	}
}

func tableNames(tables []Table) string {
	names := make([]string, len(tables))
	for i, t := range tables {
		names[i] = t.Name
	}
	return strings.Join(names, ", ")
}

// perPartner says whether t's rows come in the per-partner files: it is
// large and has a partner column.
func (meta Meta) perPartner(t Table) bool { return meta.large(t) && partnerColumn(t) >= 0 }

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

// book lays the tables out as worksheets behind a README sheet. A large
// table (Meta.large: the values of thousands of cities) is left out: the
// README names it and where it is instead.
func book(meta Meta, tables []Table) Book {
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
		if meta.large(t) {
			n := strconv.Itoa(meta.maxRows())
			kind += " – nicht hier, mehr als " + n + " Zeilen: als CSV, Parquet und JSON je Partner, siehe datapackage.json / not here, more than " + n + " rows: as CSV, Parquet and JSON per partner, see datapackage.json"
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
