package workbook

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"slices"
	"testing"
)

// TestParallelZip: parts of several chunks, of one and of none read back
// as written, sorted by name with [Content_Types].xml first, and the same
// parts give the same bytes.
func TestParallelZip(t *testing.T) {
	var big bytes.Buffer
	for i := 0; big.Len() < 2*zipChunk+12345; i++ {
		fmt.Fprintf(&big, `<row r="%d"><c r="A%d"><v>%d</v></c></row>`, i, i, i*i%977)
	}
	type part struct {
		name string
		data []byte
	}
	parts := []part{
		{"xl/worksheets/sheet2.xml", big.Bytes()},
		{"[Content_Types].xml", []byte("<Types/>")},
		{"xl/empty.xml", nil},
		{"docProps/app.xml", bytes.Repeat([]byte("x"), zipChunk)}, // exactly one chunk
	}
	write := func() []byte {
		var out bytes.Buffer
		z := newParallelZip(&out)
		for _, p := range parts {
			w, err := z.Create(p.name)
			if err != nil {
				t.Fatal(err)
			}
			// In uneven pieces, as excelize copies a streamed sheet.
			for rest := p.data; len(rest) > 0; {
				n := min(len(rest), 70000)
				if _, err := w.Write(rest[:n]); err != nil {
					t.Fatal(err)
				}
				rest = rest[n:]
			}
		}
		if err := z.Close(); err != nil {
			t.Fatal(err)
		}
		return out.Bytes()
	}
	a, b := write(), write()
	if !bytes.Equal(a, b) {
		t.Error("the same parts gave different bytes")
	}
	r, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range r.File {
		names = append(names, f.Name)
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(rc) // checks the CRC and the size
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		i := slices.IndexFunc(parts, func(p part) bool { return p.name == f.Name })
		if i < 0 || !bytes.Equal(got, parts[i].data) {
			t.Errorf("%s: %d bytes read back differ from the %d written", f.Name, len(got), len(parts[max(i, 0)].data))
		}
	}
	want := []string{"[Content_Types].xml", "docProps/app.xml", "xl/empty.xml", "xl/worksheets/sheet2.xml"}
	if !slices.Equal(names, want) {
		t.Errorf("parts %q, want %q", names, want)
	}
}
