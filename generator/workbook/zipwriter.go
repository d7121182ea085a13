package workbook

import (
	"archive/zip"
	"bytes"
	"cmp"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"io/fs"
	"runtime"
	"slices"
	"sync"
)

// zipLevel is the level archive/zip compresses with, and so excelize's
// own writer: the workbooks are as small as theirs.
const zipLevel = 5

// zipChunk is how much of a part one goroutine compresses at a time.
const zipChunk = 1 << 20

// parallelZip is the excelize.ZipWriter of exported workbooks. It
// compresses each part in chunks on every core, as pigz does: every chunk
// but a part's last ends with a sync flush, so the chunks joined are one
// deflate stream (each starts without the previous chunk's window, which
// costs well under 1 % in size). At national scale the workbook is
// hundreds of megabytes of XML, which one core compressed while the other
// had nothing left to do. Close writes the parts sorted by name,
// [Content_Types].xml first as Office writes it: excelize writes streamed
// sheets in map order, so the same data would give different bytes.
type parallelZip struct {
	w     io.Writer
	parts []*zipPart
	cur   *zipPart
	slots chan struct{} // one per core: chunks being compressed
	wg    sync.WaitGroup
	pool  sync.Pool // *flate.Writer
}

type zipPart struct {
	name    string
	crc     uint32
	size    uint64
	pending []byte      // not yet handed to a goroutine
	chunks  []*zipBlock // in order
}

type zipBlock struct {
	data []byte
	err  error
}

func newParallelZip(w io.Writer) *parallelZip {
	return &parallelZip{w: w, slots: make(chan struct{}, runtime.GOMAXPROCS(0))}
}

// Create starts the next part; what was written to the one before is
// complete.
func (z *parallelZip) Create(name string) (io.Writer, error) {
	z.finish()
	z.cur = &zipPart{name: name}
	z.parts = append(z.parts, z.cur)
	return z, nil
}

// Write adds to the current part.
func (z *parallelZip) Write(p []byte) (int, error) {
	if z.cur == nil {
		return 0, errors.New("zip: write before Create")
	}
	part := z.cur
	part.crc = crc32.Update(part.crc, crc32.IEEETable, p)
	part.size += uint64(len(p))
	n := len(p)
	for len(p) > 0 {
		take := min(len(p), zipChunk-len(part.pending))
		part.pending = append(part.pending, p[:take]...)
		p = p[take:]
		if len(part.pending) == zipChunk {
			z.compress(part, false)
		}
	}
	return n, nil
}

// AddFS is part of excelize.ZipWriter; excelize does not call it.
func (z *parallelZip) AddFS(fs.FS) error {
	return errors.New("zip: AddFS not supported")
}

// finish hands the current part's last chunk to a goroutine.
func (z *parallelZip) finish() {
	if z.cur != nil {
		z.compress(z.cur, true)
		z.cur = nil
	}
}

// compress hands part's pending bytes to a goroutine once a core is free;
// last ends the part's deflate stream.
func (z *parallelZip) compress(part *zipPart, last bool) {
	data := part.pending
	part.pending = nil
	block := &zipBlock{}
	part.chunks = append(part.chunks, block)
	z.slots <- struct{}{}
	z.wg.Add(1)
	go func() {
		defer func() { <-z.slots; z.wg.Done() }()
		var buf bytes.Buffer
		fw, _ := z.pool.Get().(*flate.Writer)
		if fw == nil {
			fw, block.err = flate.NewWriter(&buf, zipLevel)
			if block.err != nil {
				return
			}
		} else {
			fw.Reset(&buf)
		}
		defer z.pool.Put(fw)
		if _, block.err = fw.Write(data); block.err != nil {
			return
		}
		if last {
			block.err = fw.Close()
		} else {
			block.err = fw.Flush()
		}
		block.data = buf.Bytes()
	}()
}

// Close waits for every chunk and writes the archive.
func (z *parallelZip) Close() error {
	z.finish()
	z.wg.Wait()
	rank := func(name string) string {
		if name == "[Content_Types].xml" {
			return ""
		}
		return name
	}
	slices.SortStableFunc(z.parts, func(a, b *zipPart) int { return cmp.Compare(rank(a.name), rank(b.name)) })
	zw := zip.NewWriter(z.w)
	for _, part := range z.parts {
		var compressed uint64
		for _, c := range part.chunks {
			if c.err != nil {
				return c.err
			}
			compressed += uint64(len(c.data))
		}
		dst, err := zw.CreateRaw(&zip.FileHeader{Name: part.name, Method: zip.Deflate,
			CRC32: part.crc, CompressedSize64: compressed, UncompressedSize64: part.size})
		if err != nil {
			return err
		}
		for _, c := range part.chunks {
			if _, err := dst.Write(c.data); err != nil {
				return err
			}
			c.data = nil
		}
	}
	return zw.Close()
}
