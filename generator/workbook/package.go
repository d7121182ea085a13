package workbook

import (
	"archive/zip"
	"bytes"
	"cmp"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/problem"
	"golang.org/x/net/html/charset"
)

// oleSignature starts an OLE2 compound file: an Excel 97–2003 workbook, or
// an .xlsx saved with a password (Office encrypts the package into one).
var oleSignature = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// checkPackage looks at the file before excelize does, for what excelize
// either reports unclearly ("EOF", "zip: not a valid zip file" for a
// password) or not at all: it skips XML it cannot parse and stops reading
// a damaged part without a word, so rows would silently go missing. Every
// part is decompressed (which checks its CRC and declared size) and every
// XML part tokenised, streaming, so memory stays small whatever the file
// claims. It reports at most one problem and says whether the file may be
// opened, and what it learnt of the sheets on the way (packageInfo).
func checkPackage(file string, probs *problem.List) (info packageInfo, ok bool) {
	pos := model.Pos{File: file}
	f, st, ok := openRegular(file, probs)
	if !ok {
		return info, false
	}
	defer f.Close()
	head := make([]byte, 8)
	n, _ := io.ReadFull(f, head)
	switch {
	case st.Size() == 0:
		probs.Errorf(pos, problem.FileEmpty)
		return info, false
	case n == len(head) && bytes.Equal(head, oleSignature):
		if oleHasStream(f, "EncryptionInfo") {
			probs.Errorf(pos, problem.FileEncrypted)
		} else {
			probs.Errorf(pos, problem.FileOldExcel)
		}
		return info, false
	}
	zr, err := openZip(f, st.Size())
	switch {
	case errors.Is(err, errTooManyParts):
		probs.Errorf(pos, problem.FileTooManyParts, maxParts)
		return info, false
	case err != nil && bytes.HasPrefix(head, []byte("PK\x03\x04")):
		// starts as a ZIP archive (an .xlsx is one) but its end is
		// missing; a text that merely starts with "PK" is no archive
		probs.Errorf(pos, problem.FileTruncated, err.Error())
		return info, false
	case err != nil:
		probs.Errorf(pos, problem.FileOpen, err.Error())
		return info, false
	}
	var total uint64
	parts := map[string]*zip.File{}
	for _, p := range zr.File {
		if strings.Contains(p.Name, `\`) {
			// excelize reads xl\worksheets\sheet1.xml as the sheet that
			// every check here would miss under that name
			probs.Errorf(pos, problem.FilePartBackslash, p.Name)
			return info, false
		}
		total += p.UncompressedSize64
		parts[strings.ToLower(p.Name)] = p
	}
	if total > unzipSizeLimit {
		probs.Errorf(pos, problem.FileTooLarge, min(total, 1<<50)>>20, unzipSizeLimit>>20)
		return info, false
	}
	if m := parts["mimetype"]; m != nil && bytes.Contains(readPart(m, 200), []byte("opendocument")) {
		probs.Errorf(pos, problem.FileOpenDocument)
		return info, false
	}
	if p := tooLarge(parts, "_rels/.rels"); p != nil {
		probs.Errorf(pos, problem.FilePartTooLarge, p.Name, p.UncompressedSize64>>10, maxIndexPart>>10)
		return info, false
	}
	wb := workbookPart(parts)
	if parts[wb] == nil {
		probs.Errorf(pos, problem.FileNotWorkbook)
		return info, false
	}
	if p := tooLarge(parts, wb, relsOf(wb)); p != nil {
		probs.Errorf(pos, problem.FilePartTooLarge, p.Name, p.UncompressedSize64>>10, maxIndexPart>>10)
		return info, false
	}
	sheets, count := sheetParts(parts, wb)
	if count > maxSheets {
		probs.Errorf(pos, problem.FileTooManySheets, maxSheets)
		return info, false
	}
	styles, err := readStyles(parts[stylesPart(parts, wb)])
	if err != nil {
		probs.Errorf(pos, problem.FileDamaged, stylesPart(parts, wb), err.Error())
		return info, false
	}
	// Shared strings first: a sheet's cells name them by number.
	sst := parts[sharedStringsPart]
	strs, err := countStrings(sst)
	if err != nil {
		probs.Errorf(pos, problem.FileDamaged, sst.Name, err.Error())
		return info, false
	}
	info = packageInfo{formulas: map[string]bool{}, kinds: map[string]map[cellAt]cellKind{}}
	for _, p := range zr.File {
		name := strings.ToLower(p.Name)
		if p == sst {
			continue
		}
		sheet, mapped := sheets[name]
		isSheet := mapped || strings.HasPrefix(name, "xl/worksheets/")
		sheetPos := model.Pos{File: file, Sheet: sheet}
		if (mapped || path.Dir(name) == "xl/worksheets") && !strings.HasSuffix(name, ".xml") && !strings.HasSuffix(name, "/") {
			// excelize reads a sheet whatever its part's name; checkPart
			// reads only .xml as XML
			probs.Errorf(sheetPos, problem.SheetPartName, p.Name)
			return info, false
		}
		var scan *sheetScan
		if isSheet {
			kinds := info.kinds[sheet]
			if kinds == nil {
				kinds = map[cellAt]cellKind{}
				info.kinds[sheet] = kinds
			}
			scan = &sheetScan{styles: styles, kinds: kinds, strings: strs}
		}
		ext, err := checkPart(p, scan)
		var bad *badString
		switch {
		case errors.As(err, &bad):
			probs.Errorf(model.Pos{File: file, Sheet: sheet, Row: bad.at.row, Col: bad.at.col}, problem.CellSharedString, bad.index, strs)
		case err != nil && isSheet:
			probs.Errorf(sheetPos, problem.SheetDamaged, p.Name, err.Error())
		case err != nil:
			probs.Errorf(pos, problem.FileDamaged, p.Name, err.Error())
		case ext.maxRow > maxRows:
			probs.Errorf(sheetPos, problem.SheetTooLong, maxRows)
		case ext.cells > maxCells:
			probs.Errorf(sheetPos, problem.SheetTooWide, ext.cells, maxCells, ext.farthest)
		default:
			if ext.formulas {
				info.formulas[sheet] = true
			}
			continue
		}
		return info, false
	}
	return info, true
}

// Limits on the parts every reader reads whole: the package's and the
// workbook's relationships and the workbook part, which lists the sheets.
// A workbook of the benchmark has three to five sheets and a workbook part
// of a few kilobytes.
const (
	maxIndexPart = 1 << 20
	maxSheets    = 1000
)

// sharedStringsPart is where excelize reads shared strings, whatever the
// relationships say.
const sharedStringsPart = "xl/sharedstrings.xml"

// tooLarge is the first of the named parts that unpacks to more than
// maxIndexPart, or nil.
func tooLarge(parts map[string]*zip.File, names ...string) *zip.File {
	for _, name := range names {
		if p := parts[name]; p != nil && p.UncompressedSize64 > maxIndexPart {
			return p
		}
	}
	return nil
}

// relsOf is the relationships part of a part: xl/_rels/workbook.xml.rels
// for xl/workbook.xml.
func relsOf(part string) string {
	return path.Join(path.Dir(part), "_rels", path.Base(part)+".rels")
}

// countStrings counts the shared strings (the si elements of the sst root),
// streaming; 0 without a shared strings part.
func countStrings(p *zip.File) (int, error) {
	if p == nil {
		return 0, nil
	}
	rc, err := p.Open()
	if err != nil {
		return 0, err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	d.CharsetReader = charset.NewReaderLabel
	n, depth := 0, 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return n, nil
		} else if err != nil {
			return 0, err
		}
		switch e := tok.(type) {
		case xml.StartElement:
			depth++
			if depth == 2 && e.Name.Local == "si" {
				n++
			}
		case xml.EndElement:
			depth--
		}
	}
}

// packageInfo is what the package check learns of an .xlsx on its way
// through every sheet, so that nothing needs to read a sheet twice.
type packageInfo struct {
	// formulas names the sheets with formulas; "" stands for a worksheet
	// part that has no name in the workbook.
	formulas map[string]bool
	// kinds holds, by sheet name, every cell that is not a plain number:
	// text, a number shown as a percentage or date, a boolean, an error.
	kinds map[string]map[cellAt]cellKind
}

func (p packageInfo) kindsOf(sheet string) map[cellAt]cellKind {
	if k, ok := p.kinds[sheet]; ok {
		return k
	}
	return p.kinds[""]
}

// openRegular opens a regular file only: a FIFO would block the build
// forever and a device such as /dev/zero never ends.
func openRegular(file string, probs *problem.List) (*os.File, os.FileInfo, bool) {
	pos := model.Pos{File: file}
	st, err := os.Stat(file)
	if err != nil {
		probs.Errorf(pos, problem.FileOpen, err.Error())
		return nil, nil, false
	}
	if !st.Mode().IsRegular() {
		probs.Errorf(pos, problem.FileNotRegular)
		return nil, nil, false
	}
	if st.Size() > maxFileSize {
		probs.Errorf(pos, problem.FileTooLarge, st.Size()>>20, maxFileSize>>20)
		return nil, nil, false
	}
	f, err := os.Open(file)
	if err != nil {
		probs.Errorf(pos, problem.FileOpen, err.Error())
		return nil, nil, false
	}
	return f, st, true
}

// extent is how far a sheet reaches: its last row, and its cells counted
// as excelize holds them once a sheet is loaded for random access (each
// row filled up to its last cell, so one cell in column XFD costs 16,384).
// A few kilobytes of XML with such cells in many rows would otherwise take
// gigabytes.
type extent struct {
	maxRow, cells int
	farthest      string // the cell furthest to the right
	formulas      bool   // a cell holds a formula (an f element)
}

// add counts a row element: its number (0 when it has none) and its cells'
// references, in order ("" for a cell without one).
func (e *extent) add(row int, refs []string) {
	if row == 0 {
		row = e.maxRow + 1
	}
	last := 0
	for _, ref := range refs {
		col, r := splitRef(ref)
		if col == 0 {
			col = last + 1
		}
		if r > row {
			row = r
		}
		if col > last {
			last = col
			if col > e.farthestCol() {
				e.farthest = ref
			}
		}
	}
	e.maxRow = max(e.maxRow, row)
	e.cells += last
}

func (e *extent) farthestCol() int { c, _ := splitRef(e.farthest); return c }

// splitRef reads a cell reference such as "XFD7" as column 16384, row 7;
// 0 for a part that is missing or absurd.
func splitRef(ref string) (col, row int) {
	i := 0
	for ; i < len(ref) && col <= 1<<20; i++ {
		c := ref[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a'+1)
	}
	for _, c := range ref[i:] {
		if c < '0' || c > '9' || row > 1<<30 {
			return col, 0
		}
		row = row*10 + int(c-'0')
	}
	return col, row
}

// sheetScan is what checkPart needs to read a worksheet, and where it
// leaves what it learns: the cell formats, the number of shared strings,
// and the kind of every cell that is not a plain number.
type sheetScan struct {
	styles  []cellKind
	strings int
	kinds   map[cellAt]cellKind
}

// badString is a cell that names a shared string the workbook does not
// have; excelize would read it as an empty cell.
type badString struct {
	at    cellAt
	index string
}

func (e *badString) Error() string { return "no shared string " + e.index }

// checkPart reads a part to its end: archive/zip fails on a part longer
// than declared, a wrong CRC or broken compression; an XML part must also
// be well-formed. encoding/xml does not expand entities declared in a
// DOCTYPE, so an entity bomb is an error here, not a gigabyte.
// For a worksheet (scan not nil) it also measures the sheet's extent and
// checks that each shared string a cell names exists.
func checkPart(p *zip.File, scan *sheetScan) (extent, error) {
	var ext extent
	rc, err := p.Open()
	if err != nil {
		return ext, err
	}
	defer rc.Close()
	name := strings.ToLower(p.Name)
	if !strings.HasSuffix(name, ".xml") && !strings.HasSuffix(name, ".rels") {
		_, err = io.Copy(io.Discard, rc)
		return ext, err
	}
	d := xml.NewDecoder(rc)
	d.CharsetReader = charset.NewReaderLabel // as excelize reads it
	row, inRow := 0, false
	var refs []string
	// Where each cell is, for kinds: a cell without a reference follows
	// the one before it, a row without a number the row before it.
	at := cellAt{}
	shared := false // in a cell of type s, whose value is a string's number
	var index []byte
	inValue := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return ext, nil
		} else if err != nil {
			return ext, err
		}
		if scan == nil {
			continue
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch {
			case e.Name.Local == "row":
				row, _ = strconv.Atoi(attr(e, "r"))
				inRow, refs = true, refs[:0]
				at = cellAt{row: cmp.Or(row, at.row+1)}
			case e.Name.Local == "c" && inRow:
				ref := attr(e, "r")
				refs = append(refs, ref)
				col, r := splitRef(ref)
				at.col = cmp.Or(col, at.col+1)
				at.row = cmp.Or(r, at.row)
				typ := attr(e, "t")
				shared = typ == "s"
				// A hostile sheet fails the cell count anyway; its map
				// must not grow past what the count allows.
				if k := kindOf(typ, attr(e, "s"), scan.styles); k != kindNumber && len(scan.kinds) <= maxCells {
					scan.kinds[at] = k
				}
			case e.Name.Local == "v" && shared:
				inValue, index = true, index[:0]
			case e.Name.Local == "f" && inRow:
				ext.formulas = true
			}
		case xml.CharData:
			if inValue && len(index) < 32 {
				index = append(index, e...)
			}
		case xml.EndElement:
			switch {
			case e.Name.Local == "v" && inValue:
				inValue = false
				// excelize reads the number as strconv.Atoi does, after
				// trimming spaces; anything else would be string 0
				i, err := strconv.Atoi(strings.TrimSpace(string(index)))
				if s := strings.TrimSpace(string(index)); s != "" && (err != nil || i < 0 || i >= scan.strings) {
					return ext, &badString{at: at, index: s}
				}
			case e.Name.Local == "c":
				shared = false
			case e.Name.Local == "row" && inRow:
				ext.add(row, refs)
				inRow = false
			}
		}
	}
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name && a.Name.Space == "" {
			return a.Value
		}
	}
	return ""
}

func readPart(p *zip.File, limit int64) []byte {
	rc, err := p.Open()
	if err != nil {
		return nil
	}
	defer rc.Close()
	b, _ := io.ReadAll(io.LimitReader(rc, limit))
	return b
}

// workbookPart is the (lower-case) name of the workbook part: the package's
// officeDocument relationship names it, as excelize reads it, and
// xl/workbook.xml is where every common writer puts it.
func workbookPart(parts map[string]*zip.File) string {
	var rels relationships
	if r := parts["_rels/.rels"]; r != nil && xml.Unmarshal(readPart(r, 1<<20), &rels) == nil {
		for _, r := range rels.Rels {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				return strings.ToLower(strings.TrimPrefix(r.Target, "/"))
			}
		}
	}
	return "xl/workbook.xml"
}

type relationships struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

// sheetParts maps each worksheet's part name (lower case) to the sheet's
// name, from the workbook part wb and its relationships, so that a damaged
// sheet can be named as the strategist knows it, and counts the sheets the
// workbook part lists, streaming and up to maxSheets+1. Parts it cannot map
// stay unnamed; the problem is then reported for the file.
func sheetParts(parts map[string]*zip.File, wb string) (map[string]string, int) {
	out := map[string]string{}
	type sheet struct{ name, rid string }
	var sheets []sheet
	p := parts[wb]
	if p == nil {
		return out, 0
	}
	rc, err := p.Open()
	if err != nil {
		return out, 0
	}
	defer rc.Close()
	// The checks before keep the part below maxIndexPart; the limit keeps
	// a part that lies about its size from being read further.
	d := xml.NewDecoder(io.LimitReader(rc, maxIndexPart))
	var stack []string
	for len(sheets) <= maxSheets {
		tok, err := d.Token()
		if err == io.EOF {
			break
		} else if err != nil {
			return map[string]string{}, len(sheets)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			stack = append(stack, e.Name.Local)
			if len(stack) == 3 && stack[1] == "sheets" && e.Name.Local == "sheet" {
				s := sheet{name: attr(e, "name")}
				for _, a := range e.Attr {
					if a.Name.Local == "id" && a.Name.Space == "http://schemas.openxmlformats.org/officeDocument/2006/relationships" {
						s.rid = a.Value
					}
				}
				sheets = append(sheets, s)
			}
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	if len(sheets) > maxSheets {
		return out, len(sheets)
	}
	var rels relationships
	dir := path.Dir(wb)
	r := parts[relsOf(wb)]
	if r == nil || xml.Unmarshal(readPart(r, maxIndexPart), &rels) != nil {
		return out, len(sheets)
	}
	target := map[string]string{}
	for _, r := range rels.Rels {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join(dir, t)
		}
		target[r.ID] = strings.ToLower(t)
	}
	for _, s := range sheets {
		if t, ok := target[s.rid]; ok {
			out[t] = s.name
		}
	}
	return out, len(sheets)
}

// oleHasStream reports whether an OLE2 file names a stream, by looking for
// its UTF-16 name in the first megabyte, where the directory of a small
// file lies. A password-protected .xlsx has "EncryptionInfo"; an .xls has
// "Workbook" instead.
func oleHasStream(r io.ReaderAt, name string) bool {
	buf := make([]byte, 1<<20)
	n, err := r.ReadAt(buf, 0)
	if err != nil && !errors.Is(err, io.EOF) {
		return false
	}
	var want []byte
	for _, u := range utf16.Encode([]rune(name)) {
		want = append(want, byte(u), byte(u>>8))
	}
	return bytes.Contains(buf[:n], want)
}
