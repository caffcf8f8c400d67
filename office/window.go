package office

import (
	"bufio"
	"errors"
	"fmt"
	"io"
)

// window reads a text part from its zip entry and keeps only the bytes
// from base on: the readers forget each paragraph once read and the writer
// once written, so a part is never held whole (issue 19: bounded memory
// for large documents). It is the decoder's io.ByteReader, so that the
// bytes it holds are exactly those the decoder's offsets count.
type window struct {
	r    *bufio.Reader
	buf  []byte // bytes [base, base+len(buf)) of the part
	base int
}

func newWindow(r io.Reader) *window {
	return &window{r: bufio.NewReaderSize(r, 64<<10)}
}

// ReadByte reads the next byte of the part and keeps it.
func (w *window) ReadByte() (byte, error) {
	c, err := w.r.ReadByte()
	if err == nil {
		w.buf = append(w.buf, c)
	}
	return c, err
}

// Read reads the next bytes of the part and keeps them (io.Reader, which
// xml.NewDecoder wants; it uses ReadByte).
func (w *window) Read(p []byte) (int, error) {
	n, err := w.r.Read(p)
	w.buf = append(w.buf, p[:n]...)
	return n, err
}

// bytes returns bytes [lo, hi) of the part: they must have been read and
// not dropped.
func (w *window) bytes(lo, hi int) []byte {
	return w.buf[lo-w.base : hi-w.base]
}

// ensure reads the part up to offset hi (io.ErrUnexpectedEOF if it is
// shorter).
func (w *window) ensure(hi int) error {
	have := w.base + len(w.buf)
	if hi <= have {
		return nil
	}
	n := len(w.buf)
	w.buf = append(w.buf, make([]byte, hi-have)...)
	if _, err := io.ReadFull(w.r, w.buf[n:]); err != nil {
		w.buf = w.buf[:n]
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return err
	}
	return nil
}

// drop forgets the bytes before offset off, reading up to it first.
func (w *window) drop(off int) error {
	if err := w.ensure(off); err != nil {
		return err
	}
	n := off - w.base
	if n <= 0 {
		return nil
	}
	w.buf = w.buf[:copy(w.buf, w.buf[n:])]
	w.base = off
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
