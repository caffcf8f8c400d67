package office

import (
	"errors"
	"fmt"
	"io"
	"slices"
)

// window reads a text part from its zip entry and keeps only the bytes
// from base on: the readers forget each paragraph once read and the writer
// once written, so a part is never held whole (issue 19: bounded memory
// for large documents). It is the decoder's io.ByteReader, so that the
// bytes it holds are exactly those the decoder's offsets count.
type window struct {
	r    io.Reader
	buf  []byte // bytes [base, base+len(buf)) of the part, read ahead by chunks
	base int
	next int // offset of the next byte ReadByte gives
	err  error
	peak int // the most bytes held (tests: the part is not held whole)
}

const windowChunk = 32 << 10

func newWindow(r io.Reader) *window { return &window{r: r} }

// fill reads the next chunk of the part.
func (w *window) fill() error {
	if w.err != nil {
		return w.err
	}
	n := len(w.buf)
	w.buf = slices.Grow(w.buf, windowChunk)[:n+windowChunk]
	m, err := io.ReadAtLeast(w.r, w.buf[n:], 1)
	w.buf = w.buf[:n+m]
	w.peak = max(w.peak, len(w.buf))
	if err != nil && m == 0 {
		w.err = err
		return err
	}
	return nil
}

// ReadByte gives the decoder the next byte of the part.
func (w *window) ReadByte() (byte, error) {
	for w.next-w.base >= len(w.buf) {
		if err := w.fill(); err != nil {
			return 0, err
		}
	}
	c := w.buf[w.next-w.base]
	w.next++
	return c, nil
}

// Read is io.Reader, which xml.NewDecoder wants (it uses ReadByte).
func (w *window) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	c, err := w.ReadByte()
	if err != nil {
		return 0, err
	}
	p[0] = c
	return 1, nil
}

// bytes returns bytes [lo, hi) of the part: they must have been read and
// not dropped.
func (w *window) bytes(lo, hi int) []byte {
	return w.buf[lo-w.base : hi-w.base]
}

// ensure reads the part up to offset hi (io.ErrUnexpectedEOF if it is
// shorter).
func (w *window) ensure(hi int) error {
	for w.base+len(w.buf) < hi {
		if err := w.fill(); err != nil {
			if errors.Is(err, io.EOF) {
				err = io.ErrUnexpectedEOF
			}
			return err
		}
	}
	return nil
}

// drop forgets the bytes before offset off, reading up to it first. It
// moves the bytes kept only once the forgotten ones are a chunk and half
// the buffer or more: the readers call it after every token outside
// paragraphs.
func (w *window) drop(off int) error {
	if err := w.ensure(off); err != nil {
		return err
	}
	n := off - w.base
	if n < windowChunk || 2*n < len(w.buf) {
		return nil
	}
	w.buf = w.buf[:copy(w.buf, w.buf[n:])]
	w.base = off
	w.next = max(w.next, off)
	return nil
}

// errTooLarge is the error of a part larger than maxPartBytes.
var errTooLarge = fmt.Errorf("larger than trad reads (%d bytes uncompressed)", maxPartBytes)

// limited fails with errTooLarge after maxPartBytes bytes, so that a zip
// bomb fails with a message instead of exhausting memory or time.
type limited struct {
	r io.Reader
	n int64
}

func (l *limited) Read(p []byte) (int, error) {
	if l.n <= 0 {
		return 0, errTooLarge
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	if l.n <= 0 && err == nil {
		// One byte more tells a part of exactly the limit from a larger one.
		var one [1]byte
		if m, _ := l.r.Read(one[:]); m > 0 {
			err = errTooLarge
		}
	}
	return n, err
}
