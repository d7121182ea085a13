package workbook

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"golang.org/x/net/html/charset"
)

// maxStyles is the most cell formats a workbook may define: Excel's own
// limit. excelize holds every one in memory when it opens a file, and a
// styles part of a few megabytes can declare millions.
const maxStyles = 64000

// stylesPart is the (lower-case) name of the workbook's styles part, from
// the workbook's relationships; xl/styles.xml where every writer puts it.
func stylesPart(parts map[string]*zip.File, wb string) string {
	dir := path.Dir(wb)
	var rels relationships
	if r := parts[path.Join(dir, "_rels", path.Base(wb)+".rels")]; r != nil && xml.Unmarshal(readPart(r, 1<<20), &rels) == nil {
		for _, r := range rels.Rels {
			if strings.HasSuffix(r.Type, "/styles") {
				if strings.HasPrefix(r.Target, "/") {
					return strings.ToLower(strings.TrimPrefix(r.Target, "/"))
				}
				return strings.ToLower(path.Join(dir, r.Target))
			}
		}
	}
	return path.Join(dir, "styles.xml")
}

// readStyles reads, streaming, how each cell format (the index a cell's s
// attribute names) shows a number. No styles part means every number shows
// as a number.
func readStyles(p *zip.File) ([]cellKind, error) {
	if p == nil {
		return nil, nil
	}
	rc, err := p.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	d.CharsetReader = charset.NewReaderLabel
	codes := map[int]string{} // custom number formats by ID
	var formats []int         // the number format of each cell format
	numFmts := 0              // numFmt elements, each of which excelize holds, whatever its ID
	inCellXfs := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		} else if err != nil {
			return nil, err
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "numFmt":
				if numFmts++; numFmts > maxStyles {
					return nil, fmt.Errorf("more than %d number formats", maxStyles)
				}
				id, _ := strconv.Atoi(attr(e, "numFmtId"))
				codes[id] = attr(e, "formatCode")
			case "cellXfs":
				inCellXfs = true
			case "xf":
				if !inCellXfs {
					continue
				}
				if len(formats) >= maxStyles {
					return nil, fmt.Errorf("more than %d cell formats", maxStyles)
				}
				id, _ := strconv.Atoi(attr(e, "numFmtId"))
				formats = append(formats, id)
			}
		case xml.EndElement:
			if e.Name.Local == "cellXfs" {
				inCellXfs = false
			}
		}
	}
	kinds := make([]cellKind, len(formats))
	for i, id := range formats {
		kinds[i] = numberFormat(id, codes[id])
	}
	return kinds, nil
}

// kindOf is what an .xlsx cell shows, from its type (t) and cell format (s)
// attributes.
func kindOf(typ, style string, styles []cellKind) cellKind {
	switch typ {
	case "s", "inlineStr", "str":
		return kindText
	case "b":
		return kindBool
	case "e":
		return kindError
	case "d":
		return kindDate
	}
	if style == "" {
		return kindNumber
	}
	i, err := strconv.Atoi(style)
	if err != nil || i < 0 || i >= len(styles) {
		return kindNumber
	}
	return styles[i]
}
