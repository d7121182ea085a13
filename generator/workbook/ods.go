package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/problem"
)

// The OpenDocument spreadsheet (.ods), LibreOffice's own format, is read
// here on encoding/xml: no maintained Go library reads it with the limits
// this reader needs against hostile files. Only what the benchmark uses is
// read: sheet names, cell values with their types, formulas. An .ods is a
// ZIP archive whose content.xml holds every sheet.

// odsMimeType is what the mimetype part of an OpenDocument spreadsheet says.
const odsMimeType = "application/vnd.oasis.opendocument.spreadsheet"

// XML namespaces of content.xml.
const (
	nsTable  = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
	nsOffice = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
	nsText   = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
	nsCalc   = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
)

// fileFormat is a workbook's format as its content, not its name, says.
type fileFormat int

const (
	formatUnknown fileFormat = iota // not a ZIP archive: the xlsx check names it
	formatXLSX                      // any other ZIP archive: the xlsx check decides
	formatODS
)

// sniff tells an .ods from an .xlsx by content: an OpenDocument package
// names its type in its mimetype part. It reads only the ZIP directory and
// that part; anything it cannot tell is left to the .xlsx check, which
// names the problem.
func sniff(path string) fileFormat {
	st, err := os.Stat(path)
	if err != nil || !st.Mode().IsRegular() {
		return formatUnknown
	}
	f, err := os.Open(path)
	if err != nil {
		return formatUnknown
	}
	defer f.Close()
	zr, err := openZip(f, st.Size())
	if err != nil {
		return formatUnknown
	}
	if isODS(zr) {
		return formatODS
	}
	return formatXLSX
}

func isODS(zr *zip.Reader) bool {
	for _, p := range zr.File {
		if p.Name == "mimetype" {
			return bytes.HasPrefix(bytes.TrimSpace(readPart(p, 200)), []byte(odsMimeType))
		}
	}
	return false
}

// odsSource is an .ods read whole into memory, within the limits of the
// xlsx reader: its content.xml unpacks to at most unzipSizeLimit, and no
// sheet materialises more than maxRows rows or maxCells cells.
type odsSource struct {
	sheets []odsSheet
}

type odsSheet struct {
	name     string
	rows     []odsRow
	formulas map[cellAt]string // every formula, without the "of:=" prefix
	// covered are the cells hidden under a merged range that still hold
	// something (LibreOffice keeps what was there when the range was
	// merged); the reader sees them as Excel's would, ReadCells leaves
	// them out.
	covered map[cellAt]bool
}

type odsRow struct {
	n     int
	cells []cell
}

func (s *odsSource) sheetList() []string {
	names := make([]string, len(s.sheets))
	for i, sh := range s.sheets {
		names[i] = sh.name
	}
	return names
}

func (s *odsSource) sheet(name string) *odsSheet {
	for i := range s.sheets {
		if s.sheets[i].name == name {
			return &s.sheets[i]
		}
	}
	return nil
}

func (s *odsSource) rows(name string, visit func(int, []cell) error) error {
	sh := s.sheet(name)
	if sh == nil {
		return errors.New("no sheet " + strconv.Quote(name))
	}
	for _, r := range sh.rows {
		if err := visit(r.n, r.cells); err != nil {
			return err
		}
	}
	return nil
}

func (s *odsSource) formula(name string, row, col int) string {
	sh := s.sheet(name)
	if sh == nil {
		return ""
	}
	return sh.formulas[cellAt{row, col}]
}

func (s *odsSource) close() {}

// openODS checks the package as checkPackage does for an .xlsx (sizes,
// CRCs, well-formed XML, no password) and reads every sheet. It reports at
// most one problem.
func openODS(file string, probs *problem.List) (*odsSource, bool) {
	pos := model.Pos{File: file}
	f, st, ok := openRegular(file, probs)
	if !ok {
		return nil, false
	}
	defer f.Close()
	zr, err := openZip(f, st.Size())
	switch {
	case errors.Is(err, errTooManyParts):
		probs.Errorf(pos, problem.FileTooManyParts, maxParts)
		return nil, false
	case err != nil:
		probs.Errorf(pos, problem.FileTruncated, err.Error())
		return nil, false
	}
	src, code, arg := readODS(zr)
	if code != "" {
		if arg.sheet != "" {
			pos.Sheet = arg.sheet
		}
		probs.Errorf(pos, code, arg.args...)
		return nil, false
	}
	return src, true
}

// odsProblem is what readODS found wrong, for the caller to report.
type odsProblem struct {
	sheet string
	args  []any
}

func readODS(zr *zip.Reader) (*odsSource, problem.Code, odsProblem) {
	var total uint64
	var content, manifest *zip.File
	for _, p := range zr.File {
		total += p.UncompressedSize64
		switch p.Name {
		case "content.xml":
			content = p
		case "META-INF/manifest.xml":
			manifest = p
		}
	}
	if total > unzipSizeLimit {
		return nil, problem.FileTooLarge, odsProblem{args: []any{min(total, 1<<50) >> 20, unzipSizeLimit >> 20}}
	}
	if manifest != nil && bytes.Contains(readPart(manifest, 1<<20), []byte("encryption-data")) {
		return nil, problem.FileEncryptedODS, odsProblem{}
	}
	if content == nil {
		return nil, problem.FileNotWorkbook, odsProblem{}
	}
	for _, p := range zr.File {
		if p == content {
			continue
		}
		if _, err := checkPart(p, nil); err != nil {
			return nil, problem.FileDamaged, odsProblem{args: []any{p.Name, err.Error()}}
		}
	}
	rc, err := content.Open()
	if err != nil {
		return nil, problem.FileDamaged, odsProblem{args: []any{content.Name, err.Error()}}
	}
	defer rc.Close()
	src, err := parseContent(rc, unzipSizeLimit-int64(total))
	var lim *sheetLimit
	var big *spacesLimit
	switch {
	case errors.As(err, &big):
		return nil, problem.FileTooLarge, odsProblem{args: []any{(total + uint64(big.spaces)) >> 20, unzipSizeLimit >> 20}}
	case errors.As(err, &lim):
		if lim.rows {
			return nil, problem.SheetTooLong, odsProblem{sheet: lim.sheet, args: []any{maxRows}}
		}
		return nil, problem.SheetTooWide, odsProblem{sheet: lim.sheet, args: []any{lim.cells, maxCells, lim.farthest}}
	case err != nil:
		return nil, problem.FileDamaged, odsProblem{args: []any{content.Name, err.Error()}}
	}
	// archive/zip checks the CRC only at the end of a part; the parser
	// stops at </office:document-content>.
	if _, err := io.Copy(io.Discard, rc); err != nil {
		return nil, problem.FileDamaged, odsProblem{args: []any{content.Name, err.Error()}}
	}
	return src, "", odsProblem{}
}

// sheetLimit is a sheet that passes maxRows or maxCells.
type sheetLimit struct {
	sheet    string
	rows     bool // too many rows, else too many cells
	cells    int
	farthest string
}

func (e *sheetLimit) Error() string { return "sheet " + e.sheet + " too large" }

// spacesLimit is a content.xml whose runs of spaces (text:s, a count of
// spaces in a few bytes) would unpack past unzipSizeLimit with the rest of
// the file: a megabyte of them would otherwise make gigabytes of text.
type spacesLimit struct{ spaces int64 }

func (e *spacesLimit) Error() string { return "text unpacks too large" }

// odsParser walks content.xml as a stream of tokens.
type odsParser struct {
	d     *xml.Decoder
	src   odsSource
	sheet *odsSheet
	count int // cells materialised in the current sheet
	n     int // the next row's number
	// spaces counts the spaces text:s elements stand for, in the whole
	// document; more than budget is a spacesLimit.
	spaces, budget int64
}

func parseContent(r io.Reader, budget int64) (*odsSource, error) {
	p := &odsParser{d: xml.NewDecoder(r), budget: budget}
	for {
		tok, err := p.d.Token()
		if err == io.EOF {
			return &p.src, nil
		} else if err != nil {
			return nil, err
		}
		e, ok := tok.(xml.StartElement)
		if !ok || e.Name.Space != nsTable || e.Name.Local != "table" {
			continue
		}
		if err := p.table(e); err != nil {
			return nil, err
		}
	}
}

// table reads one sheet up to its end tag.
func (p *odsParser) table(e xml.StartElement) error {
	p.src.sheets = append(p.src.sheets, odsSheet{name: nsAttr(e, nsTable, "name"), formulas: map[cellAt]string{}})
	p.sheet = &p.src.sheets[len(p.src.sheets)-1]
	p.count, p.n = 0, 1
	for {
		tok, err := p.d.Token()
		if err != nil {
			return unexpectedEOF(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch {
			case e.Name.Space == nsTable && e.Name.Local == "table-row":
				if err := p.row(e); err != nil {
					return err
				}
			case e.Name.Space == nsTable && (e.Name.Local == "table-header-rows" ||
				e.Name.Local == "table-row-group" || e.Name.Local == "table-rows"):
				// containers of rows: walk into them
			default:
				if err := p.d.Skip(); err != nil {
					return unexpectedEOF(err)
				}
			}
		case xml.EndElement:
			if e.Name.Space == nsTable && e.Name.Local == "table" {
				return nil
			}
		}
	}
}

// row reads a table-row. LibreOffice writes runs of equal rows and cells
// once with a repeat count, and pads every sheet with a run of about a
// million empty rows and a thousand empty cells: empty runs only advance
// the position; a run that holds something is materialised, within limits.
func (p *odsParser) row(e xml.StartElement) error {
	repeat := repeatCount(e, "number-rows-repeated")
	var cells []cell
	var formulas, covered []int // columns
	pendingEmpty := 0
	col := 1
	for {
		tok, err := p.d.Token()
		if err != nil {
			return unexpectedEOF(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			if e.Name.Space != nsTable || (e.Name.Local != "table-cell" && e.Name.Local != "covered-table-cell") {
				if err := p.d.Skip(); err != nil {
					return unexpectedEOF(err)
				}
				continue
			}
			c, formula, err := p.cell(e)
			if err != nil {
				return err
			}
			n := repeatCount(e, "number-columns-repeated")
			if c.value == "" && formula == "" {
				pendingEmpty += n
				col += n
				continue
			}
			if p.count+len(cells)+pendingEmpty+n > maxCells {
				return &sheetLimit{sheet: p.sheet.name, cells: p.count + len(cells) + pendingEmpty + n,
					farthest: model.ColumnName(min(col+n-1, 16384)) + strconv.Itoa(p.n)}
			}
			cells = append(cells, make([]cell, pendingEmpty)...)
			pendingEmpty = 0
			for range n {
				if formula != "" {
					formulas = append(formulas, col)
					p.sheet.formulas[cellAt{p.n, col}] = formula
				}
				if e.Name.Local == "covered-table-cell" {
					covered = append(covered, col)
				}
				cells = append(cells, c)
				col++
			}
		case xml.EndElement:
			if e.Name.Space != nsTable || e.Name.Local != "table-row" {
				continue
			}
			if len(cells) == 0 {
				p.n += repeat
				return nil
			}
			if p.n+repeat-1 > maxRows {
				return &sheetLimit{sheet: p.sheet.name, rows: true}
			}
			if p.count += len(cells) * repeat; p.count > maxCells {
				return &sheetLimit{sheet: p.sheet.name, cells: p.count,
					farthest: model.ColumnName(len(cells)) + strconv.Itoa(p.n+repeat-1)}
			}
			if len(covered) > 0 && p.sheet.covered == nil {
				p.sheet.covered = map[cellAt]bool{}
			}
			for i := range repeat {
				p.sheet.rows = append(p.sheet.rows, odsRow{n: p.n + i, cells: cells})
				for _, col := range covered {
					p.sheet.covered[cellAt{p.n + i, col}] = true
				}
				if i > 0 {
					for _, col := range formulas {
						p.sheet.formulas[cellAt{p.n + i, col}] = p.sheet.formulas[cellAt{p.n, col}]
					}
				}
			}
			p.n += repeat
			return nil
		}
	}
}

// cell reads a table-cell up to its end: the value by its value type, and
// its formula. A cell that is neither is empty.
func (p *odsParser) cell(e xml.StartElement) (cell, string, error) {
	text, err := p.cellText()
	if err != nil {
		return cell{}, "", err
	}
	formula := nsAttr(e, nsTable, "formula")
	formula = strings.TrimPrefix(strings.TrimPrefix(formula, "of:"), "=")
	if nsAttr(e, nsCalc, "value-type") == "error" {
		return cell{value: text, kind: kindError}, formula, nil
	}
	switch nsAttr(e, nsOffice, "value-type") {
	case "float", "currency":
		return cell{value: nsAttr(e, nsOffice, "value"), kind: kindNumber}, formula, nil
	case "percentage":
		return cell{value: nsAttr(e, nsOffice, "value"), kind: kindPercent}, formula, nil
	case "date":
		return cell{value: nsAttr(e, nsOffice, "date-value"), kind: kindDate}, formula, nil
	case "time":
		return cell{value: nsAttr(e, nsOffice, "time-value"), kind: kindDate}, formula, nil
	case "boolean":
		return cell{value: boolText(nsAttr(e, nsOffice, "boolean-value")), kind: kindBool}, formula, nil
	case "string":
		for _, a := range e.Attr {
			if a.Name.Space == nsOffice && a.Name.Local == "string-value" {
				return cell{value: a.Value, kind: kindText}, formula, nil
			}
		}
		return cell{value: text, kind: kindText}, formula, nil
	}
	if formula != "" {
		return cell{}, formula, nil // a formula saved without its result
	}
	return cell{value: text, kind: kindText}, "", nil
}

// cellText is a cell's text: its paragraphs joined by line breaks, with
// the spaces, tabs and breaks LibreOffice writes as elements. Comments
// (office:annotation) are not the cell's text.
func (p *odsParser) cellText() (string, error) {
	var b strings.Builder
	paragraphs := 0
	depth := 0
	for {
		tok, err := p.d.Token()
		if err != nil {
			return "", unexpectedEOF(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch {
			case e.Name.Space == nsOffice && e.Name.Local == "annotation",
				e.Name.Space == nsTable: // a sub-table or a cell's shapes
				if err := p.d.Skip(); err != nil {
					return "", unexpectedEOF(err)
				}
				continue
			case e.Name.Space == nsText && e.Name.Local == "p":
				if paragraphs > 0 {
					b.WriteByte('\n')
				}
				paragraphs++
			case e.Name.Space == nsText && e.Name.Local == "s":
				n := min(repeatCount(e, "c"), maxTextLength)
				if p.spaces += int64(n); p.spaces > p.budget {
					return "", &spacesLimit{p.spaces}
				}
				b.WriteString(strings.Repeat(" ", n))
			case e.Name.Space == nsText && e.Name.Local == "tab":
				b.WriteByte('\t')
			case e.Name.Space == nsText && e.Name.Local == "line-break":
				b.WriteByte('\n')
			}
			depth++
		case xml.CharData:
			if depth > 0 {
				b.Write(e)
			}
		case xml.EndElement:
			if depth == 0 {
				return b.String(), nil // the cell's own end tag
			}
			depth--
		}
	}
}

// repeatCount reads a table:number-…-repeated (or text:c) attribute: at
// least 1; values past what any sheet can hold are capped there, since the
// count only ever moves a position or is checked against the limits.
func repeatCount(e xml.StartElement, name string) int {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			n, err := strconv.Atoi(a.Value)
			if err != nil || n < 1 {
				return 1
			}
			return min(n, 1<<24)
		}
	}
	return 1
}

func nsAttr(e xml.StartElement, space, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name && a.Name.Space == space {
			return a.Value
		}
	}
	return ""
}

// unexpectedEOF turns the end of the stream inside an element, which
// encoding/xml reports as io.EOF, into the error it is.
func unexpectedEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}
