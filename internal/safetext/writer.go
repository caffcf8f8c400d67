package safetext

import (
	"bytes"
	"io"
	"unicode/utf8"
)

// Writer passes what is written to it on to another writer, cleaned by the
// package rules in writer mode (TAB and LF kept). The escape-sequence state
// and an incomplete UTF-8 sequence carry over from one Write to the next,
// so a sequence split across writes is still removed whole. Clean chunks
// are passed on without copying. A Writer is not safe for concurrent use.
type Writer struct {
	w    io.Writer
	m    machine
	held []byte // the start of a rune cut by the end of the last Write
	buf  bytes.Buffer
}

// NewWriter returns a Writer writing to w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w, m: machine{mode: modeWriter}} }

// Unwrap returns the writer the cleaned text goes to.
func (w *Writer) Unwrap() io.Writer { return w.w }

// Write cleans p and writes the result. It returns len(p) when the
// underlying write succeeds, whatever was removed.
func (w *Writer) Write(p []byte) (int, error) {
	n := len(p)
	data := p
	if len(w.held) > 0 {
		data = append(w.held, p...)
		w.held = nil
	}
	cut := len(data) - incompleteTail(data)
	if cut < len(data) {
		w.held = append([]byte(nil), data[cut:]...)
	}
	data = data[:cut]
	if w.m.state == ground && utf8.Valid(data) && firstDirty(data, modeWriter) < 0 {
		if _, err := w.w.Write(data); err != nil {
			return 0, err
		}
		return n, nil
	}
	w.buf.Reset()
	for i := 0; i < len(data); {
		if w.m.state == ground {
			j := asciiRun(data, i, modeWriter)
			w.buf.Write(data[i:j])
			if i = j; i == len(data) {
				break
			}
		}
		r, size := utf8.DecodeRune(data[i:])
		w.m.step(&w.buf, r, string(data[i:i+size]))
		i += size
	}
	if _, err := w.w.Write(w.buf.Bytes()); err != nil {
		return 0, err
	}
	return n, nil
}

// Flush writes an incomplete UTF-8 sequence still held as U+FFFD. Call it
// when nothing more will be written.
func (w *Writer) Flush() error {
	if len(w.held) == 0 {
		return nil
	}
	w.held = nil
	if w.m.state != ground {
		return nil
	}
	_, err := w.w.Write([]byte(string(utf8.RuneError)))
	return err
}

// incompleteTail returns how many bytes at the end of p are the start of a
// UTF-8 sequence that more bytes could complete.
func incompleteTail(p []byte) int {
	for k := 1; k <= utf8.UTFMax-1 && k <= len(p); k++ {
		c := p[len(p)-k]
		if c < 0x80 {
			return 0
		}
		if utf8.RuneStart(c) {
			if !utf8.FullRune(p[len(p)-k:]) {
				return k
			}
			return 0
		}
	}
	return 0
}
