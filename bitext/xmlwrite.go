package bitext

import (
	"bufio"
	"io"

	"github.com/trad-project/trad/internal/xmlscan"
)

// xmlWriter writes escaped XML through a bufio.Writer, dropping characters
// XML 1.0 forbids and counting them. Write errors are sticky: the first one
// is kept and returned by flush, so callers need not check every call.
type xmlWriter struct {
	w       *bufio.Writer
	removed int // illegal characters dropped since the last take
	err     error
}

func newXMLWriter(w io.Writer) *xmlWriter {
	return &xmlWriter{w: bufio.NewWriterSize(w, 64<<10)}
}

// raw writes s unescaped: markup the writer itself produces.
func (x *xmlWriter) raw(s string) {
	if x.err == nil {
		_, x.err = x.w.WriteString(s)
	}
}

// text writes s as character data.
func (x *xmlWriter) text(s string) { x.escape(s, false) }

// attr writes s as an attribute value (to go between double quotes).
func (x *xmlWriter) attr(s string) { x.escape(s, true) }

// escape writes s through xmlscan.Escape, counting what it drops.
func (x *xmlWriter) escape(s string, inAttr bool) {
	if x.err != nil {
		return
	}
	n, err := xmlscan.Escape(x.w, s, inAttr)
	x.removed += n
	x.err = err
}

// takeRemoved returns and resets the count of dropped characters.
func (x *xmlWriter) takeRemoved() int {
	n := x.removed
	x.removed = 0
	return n
}

func (x *xmlWriter) flush() error {
	if x.err != nil {
		return x.err
	}
	return x.w.Flush()
}
