package opendata

import (
	"bufio"
	"bytes"
	"io"
)

// The tests look at downloads in memory; the generator streams them
// (Stream) and needs none of what follows.

// File is one download, its path relative to the downloads folder.
type File struct {
	Path string
	Data []byte
}

// Files is every file Stream writes, the ZIP last.
func Files(meta Meta, tables []Table) ([]File, error) {
	var files []File
	var z bytes.Buffer
	err := Stream(meta, tables, &z, func(path string) (io.WriteCloser, error) {
		return &memFile{path: path, files: &files}, nil
	})
	if err != nil {
		return nil, err
	}
	return append(files, File{ZipFile, z.Bytes()}), nil
}

// memFile collects a file Stream writes, for Files.
type memFile struct {
	bytes.Buffer
	path  string
	files *[]File
}

func (m *memFile) Close() error {
	*m.files = append(*m.files, File{m.path, m.Bytes()})
	return nil
}

// CSV is one table as CSV (see writeCSV).
func CSV(t Table, sep rune, decimalComma bool) []byte {
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	writeCSV(w, t, sep, decimalComma)
	w.Flush() // a bytes.Buffer does not fail
	return b.Bytes()
}

// JSON is one table as JSON (see writeJSON).
func JSON(t Table) []byte {
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	writeJSON(w, t)
	w.Flush() // a bytes.Buffer does not fail
	return b.Bytes()
}
