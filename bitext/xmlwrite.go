package bitext

import (
	"bufio"
	"io"
	"unicode/utf8"

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

// escape writes s with &, <, > escaped, plus " and whitespace other than
// space in attributes (so attribute value normalisation cannot change them),
// and carriage returns everywhere (a literal CR would be read back as LF).
func (x *xmlWriter) escape(s string, inAttr bool) {
	if x.err != nil {
		return
	}
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		var esc string
		n := 1
		if c < utf8.RuneSelf {
			switch {
			case c == '&':
				esc = "&amp;"
			case c == '<':
				esc = "&lt;"
			case c == '>':
				esc = "&gt;"
			case c == '\r':
				esc = "&#xD;"
			case inAttr && c == '"':
				esc = "&quot;"
			case inAttr && c == '\n':
				esc = "&#xA;"
			case inAttr && c == '\t':
				esc = "&#x9;"
			case c < 0x20 && c != '\n' && c != '\t':
				esc = "" // illegal control character: dropped
				x.removed++
			default:
				i++
				continue
			}
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			n = size
			if (r != utf8.RuneError || size > 1) && xmlscan.IsChar(r) {
				i += size
				continue
			}
			esc = ""
			x.removed++
		}
		x.w.WriteString(s[last:i])
		x.w.WriteString(esc)
		i += n
		last = i
	}
	_, x.err = x.w.WriteString(s[last:])
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
