package workbook

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// maxParts is the most entries a workbook's ZIP archive may hold. Excel
// writes a dozen for the benchmark's sheets, a few more per sheet, picture
// or comment; archive/zip would hold every entry of the directory in
// memory, and excelize then compares sheets with relationships pairwise.
const maxParts = 10000

// errTooManyParts is an archive with more than maxParts entries.
var errTooManyParts = fmt.Errorf("more than %d parts", maxParts)

// openZip opens a workbook's ZIP archive after counting the entries of
// its central directory, header by header, so that a directory of a
// million entries costs a read, not a list of a million files.
func openZip(r io.ReaderAt, size int64) (*zip.Reader, error) {
	if n, ok := zipEntries(r, size, maxParts); ok && n > maxParts {
		return nil, errTooManyParts
	}
	return zip.NewReader(r, size)
}

// zipEntries counts the central directory's entries, up to limit+1; ok is
// false when the directory cannot be found, and archive/zip then names the
// problem. It finds the directory as archive/zip does: the end record in the
// last 65 KB (its zip64 form where the end record says so), and an offset
// relative to the archive's start, or to the file's when data precedes the
// archive.
func zipEntries(r io.ReaderAt, size int64, limit int) (n int, ok bool) {
	const endLen = 22 // the end of central directory record without comment
	tail := min(size, 65*1024)
	buf := make([]byte, tail)
	if _, err := r.ReadAt(buf, size-tail); err != nil && !errors.Is(err, io.EOF) {
		return 0, false
	}
	p := -1
	for i := len(buf) - endLen; i >= 0; i-- {
		if bytes.HasPrefix(buf[i:], []byte("PK\x05\x06")) &&
			i+endLen+int(binary.LittleEndian.Uint16(buf[i+20:])) <= len(buf) {
			p = i
			break
		}
	}
	if p < 0 {
		return 0, false
	}
	end := size - tail + int64(p)
	le := binary.LittleEndian
	records, dirSize, dirOffset := uint64(le.Uint16(buf[p+10:])), uint64(le.Uint32(buf[p+12:])), uint64(le.Uint32(buf[p+16:]))
	if records == 0xffff || dirSize == 0xffff || dirOffset == 0xffffffff {
		// zip64: a locator just before the end record points at the
		// zip64 end record, which holds the real size and offset.
		loc := make([]byte, 20)
		if end < 20 {
			return 0, false
		}
		if _, err := r.ReadAt(loc, end-20); err == nil && bytes.HasPrefix(loc, []byte("PK\x06\x07")) {
			at := int64(le.Uint64(loc[8:]))
			rec := make([]byte, 56)
			if at < 0 || at > size-56 {
				return 0, false
			}
			if _, err := r.ReadAt(rec, at); err != nil || !bytes.HasPrefix(rec, []byte("PK\x06\x06")) {
				return 0, false
			}
			end, dirSize, dirOffset = at, le.Uint64(rec[40:]), le.Uint64(rec[48:])
		}
	}
	if dirSize > 1<<62 || dirOffset > 1<<62 {
		return 0, false
	}
	start := end - int64(dirSize) // the directory's start in the file
	if start < 0 || start >= size {
		return 0, false
	}
	if base := start - int64(dirOffset); base > 0 && isDirectoryHeader(r, int64(dirOffset)) {
		start = int64(dirOffset)
	}
	br := bufio.NewReader(io.NewSectionReader(r, start, size-start))
	head := make([]byte, 46)
	for n <= limit {
		if _, err := io.ReadFull(br, head); err != nil || !bytes.HasPrefix(head, []byte("PK\x01\x02")) {
			return n, true
		}
		n++
		skip := int(le.Uint16(head[28:])) + int(le.Uint16(head[30:])) + int(le.Uint16(head[32:]))
		if _, err := br.Discard(skip); err != nil {
			return n, true
		}
	}
	return n, true
}

func isDirectoryHeader(r io.ReaderAt, at int64) bool {
	sig := make([]byte, 4)
	_, err := r.ReadAt(sig, at)
	return err == nil && bytes.Equal(sig, []byte("PK\x01\x02"))
}
