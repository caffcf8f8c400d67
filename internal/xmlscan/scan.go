package xmlscan

import (
	"bytes"
	"errors"
	"io"
	"unicode/utf8"

	"github.com/trad-project/trad/internal/diag"
)

// The scanner below reads UTF-8 XML about ten times faster than
// encoding/xml's RawToken (no per-byte reader calls, no token allocations,
// text and attribute values decoded only when they hold a reference or a
// carriage return). It mirrors encoding/xml's rules token by token, and
// whenever a token is anything it does not fully handle — a non-ASCII
// name, an encoding declaration, any syntax error — it hands the stream,
// from the start of that token, to encoding/xml: the scanner never decides
// alone that a token is malformed, and a document it accepts is one
// encoding/xml accepts with the same tokens (FuzzEquivalent).

// Token outcomes.
const (
	tokOK   = iota
	tokMore // the token may continue past the buffered bytes
	tokBad  // not handled here: encoding/xml takes over at this token
	tokErr  // the handler failed (bad nesting, or the caller's error)
)

type scanner struct {
	r        io.Reader
	buf      []byte
	pos, end int   // unread bytes are buf[pos:end]
	base     int64 // the input's offset of buf[0]
	eof      bool
	rerr     error // read error other than io.EOF
	line     int   // line number at buf[lineAt]
	lineAt   int
	h        *doc
	herr     error
	names    map[string]string // interned names
	attrs    []Attr
	spans    []attrSpan
	tbuf     []byte // decoded text
	abuf     []byte // decoded attribute values
}

// attrSpan locates a decoded attribute value in abuf (while abuf may still
// move) or says the raw bytes are the value.
type attrSpan struct {
	decoded bool
	lo, hi  int
}

// scan reads r with a buffer of size bytes (0: DefaultBufSize).
func scan(r io.Reader, h *doc, size int) error {
	if size <= 0 {
		size = DefaultBufSize
	}
	s := &scanner{r: r, buf: make([]byte, max(size, 4)), line: 1, h: h}
	for s.end < 3 && s.fill() {
	}
	head := s.buf[:s.end]
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		dec, _ := h.newDecoder(s.rest())
		return h.feedStd(dec, 0, 0) // UTF-16: offsets in the decoded text
	}
	if bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}) {
		s.pos, s.lineAt = 3, 3
	}
	for {
		if s.pos == s.end {
			if !s.fill() {
				if s.rerr != nil {
					return s.readError()
				}
				return nil
			}
			continue
		}
		var st int
		if s.buf[s.pos] == '<' {
			st = s.markup(s.buf[s.pos:s.end])
		} else {
			st = s.text(s.buf[s.pos:s.end])
		}
		switch st {
		case tokMore:
			if s.eof {
				if s.rerr != nil {
					return s.readError()
				}
				return s.fallback()
			}
			s.fill()
		case tokBad:
			return s.fallback()
		case tokErr:
			return s.herr
		}
	}
}

// fill moves the unread bytes to the front of the buffer (growing it when
// a token fills it) and reads until the buffer is full or the input ends.
// It reports whether new bytes arrived.
func (s *scanner) fill() bool {
	if s.eof {
		return false
	}
	s.lineTo(s.pos)
	if s.pos > 0 {
		s.base += int64(s.pos)
		s.end = copy(s.buf, s.buf[s.pos:s.end])
		s.pos, s.lineAt = 0, 0
	}
	if s.end == len(s.buf) {
		s.buf = append(s.buf, make([]byte, len(s.buf))...)
	}
	// Fill the buffer: a token cut by its end is scanned again from its
	// start, which must not happen after every short read.
	start := s.end
	for s.end < len(s.buf) {
		n, err := s.r.Read(s.buf[s.end:])
		s.end += n
		if err != nil {
			s.eof = true
			if err != io.EOF {
				s.rerr = err
			}
			break
		}
	}
	return s.end > start
}

// lineTo advances the line count to buf[p].
func (s *scanner) lineTo(p int) {
	s.line += bytes.Count(s.buf[s.lineAt:p], []byte{'\n'})
	s.lineAt = p
}

func (s *scanner) readError() error {
	s.lineTo(s.pos)
	return diag.AtLine(s.line, s.rerr)
}

// rest is the unread input: the buffered bytes, then the reader.
func (s *scanner) rest() io.Reader {
	b := bytes.NewReader(s.buf[s.pos:s.end])
	if s.eof {
		return b
	}
	return io.MultiReader(b, s.r)
}

// fallback reads the rest of the input, from the current token, with
// encoding/xml.
func (s *scanner) fallback() error {
	s.h.fellBack = true
	s.lineTo(s.pos)
	return s.h.feedStd(s.h.newDecoderAt(s.rest(), false), s.line-1, s.base+int64(s.pos))
}

// text scans character data at b (up to '<'), as encoding/xml's text does:
// references decoded, "\r\n" and "\r" turned into "\n", "]]>" and
// characters outside XML's range refused.
func (s *scanner) text(b []byte) int {
	out := s.tbuf[:0]
	copied := false // out holds the decoding of b[:i]; else b[:i] is its own
	i := 0
scan:
	for i < len(b) {
		c := b[i]
		if textPlain[c] {
			j := i + 1
			for j < len(b) && textPlain[b[j]] {
				j++
			}
			if copied {
				out = append(out, b[i:j]...)
			}
			i = j
			continue
		}
		switch {
		case c == '<':
			break scan
		case c >= utf8.RuneSelf:
			if !utf8.FullRune(b[i:]) {
				if s.eof {
					return tokBad
				}
				return s.textMore(b, i, out, copied)
			}
			r, n := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && n == 1 || !IsChar(r) {
				return tokBad
			}
			if copied {
				out = append(out, b[i:i+n]...)
			}
			i += n
		case c == '&':
			r, n, st := scanRef(b[i:], s.eof)
			if st == tokMore {
				return s.textMore(b, i, out, copied)
			}
			if st != tokOK {
				return st
			}
			if !copied {
				out, copied = append(out, b[:i]...), true
			}
			out = utf8.AppendRune(out, r)
			i += n
		case c == ']':
			if i+2 >= len(b) && !s.eof {
				return s.textMore(b, i, out, copied)
			}
			if i+2 < len(b) && b[i+1] == ']' && b[i+2] == '>' {
				return tokBad // "]]>" outside CDATA
			}
			if copied {
				out = append(out, c)
			}
			i++
		case c == '\r':
			if i+1 >= len(b) && !s.eof {
				return s.textMore(b, i, out, copied)
			}
			if !copied {
				out, copied = append(out, b[:i]...), true
			}
			out = append(out, '\n')
			i++
			if i < len(b) && b[i] == '\n' {
				i++
			}
		default:
			return tokBad // a control character
		}
	}
	if i == len(b) && !s.eof {
		return s.textMore(b, i, out, copied)
	}
	s.tbuf = out[:0]
	return s.emit(pick(copied, out, b[:i]), i, tokOK)
}

// textMore handles text that reaches the end of the buffer at b[i]. Short
// texts are simply scanned again once more bytes are in; a long one passes
// what it has so far to the handler, so that the buffer does not grow
// with it. The cut never falls after a ']' ("]]>" must be seen whole).
func (s *scanner) textMore(b []byte, i int, out []byte, copied bool) int {
	s.tbuf = out[:0]
	if i < len(s.buf)/2 || len(s.h.open) == 0 {
		// Text outside the root element is not cut: an error about it
		// names the line where it ends, as encoding/xml's does.
		return tokMore
	}
	k := i
	for k > 0 && b[k-1] == ']' {
		k--
	}
	if k == 0 {
		return tokMore
	}
	if copied {
		return s.emit(out[:len(out)-(i-k)], k, tokMore)
	}
	return s.emit(b[:k], k, tokMore)
}

// emit passes text b on and moves past its source, the n bytes at s.pos;
// it returns st, or tokErr when the document rules refuse the text.
func (s *scanner) emit(b []byte, n, st int) int {
	if len(s.h.open) > 0 { // the usual case, without the document rules' call
		s.pos += n
		s.h.h.Text(b)
		return st
	}
	s.lineTo(s.pos + n) // only an error outside the root needs the line
	s.pos += n
	if err := s.h.text(b, s.line); err != nil {
		s.herr = err
		return tokErr
	}
	return st
}

// pick returns decoded when the scanner copied the text (it held a
// reference or a carriage return), else raw, the bytes as they are.
func pick(copied bool, decoded, raw []byte) []byte {
	if copied {
		return decoded
	}
	return raw
}

// nsname splits a name at its colon as encoding/xml's nsname does.
func (s *scanner) nsname(n []byte) (space, local string, ok bool) {
	if known := knownName(n); known != "" {
		return "", known, true
	}
	if string(n) == "xml:lang" { // on every TMX <tuv>, TBX <langSet>
		return "xml", "lang", true
	}
	k := bytes.IndexByte(n, ':')
	switch {
	case k < 0:
		return "", s.intern(n), true
	case bytes.IndexByte(n[k+1:], ':') >= 0:
		return "", "", false
	case k == 0 || k == len(n)-1:
		return "", s.intern(n), true
	}
	return s.intern(n[:k]), s.intern(n[k+1:]), true
}

// knownName returns the names of every TMX unit, XLIFF segment and TBX
// term without a table lookup.
func knownName(n []byte) string {
	switch string(n) {
	case "tu":
		return "tu"
	case "tuv":
		return "tuv"
	case "seg":
		return "seg"
	case "prop":
		return "prop"
	case "note":
		return "note"
	case "type":
		return "type"
	case "tuid":
		return "tuid"
	case "creationdate":
		return "creationdate"
	case "changedate":
		return "changedate"
	case "segment":
		return "segment"
	case "source":
		return "source"
	case "target":
		return "target"
	case "id":
		return "id"
	case "state":
		return "state"
	case "term":
		return "term"
	}
	return ""
}

// intern returns b as a string, shared with earlier equal ones while the
// table is small: element and attribute names repeat in every unit.
func (s *scanner) intern(b []byte) string {
	if v, ok := s.names[string(b)]; ok {
		return v
	}
	v := string(b)
	if s.names == nil {
		s.names = make(map[string]string)
	}
	if len(s.names) < 1024 { // bounded: memory never grows with the file
		s.names[v] = v
	}
	return v
}

// markup scans a token starting with '<' at b.
func (s *scanner) markup(b []byte) int {
	if len(b) < 3 {
		return tokMore
	}
	switch b[1] {
	case '/':
		return s.endTag(b)
	case '?':
		return s.procInst(b)
	case '!':
		return s.bang(b)
	}
	return s.startTag(b)
}

// elemName scans the element name at b[at:] and returns its local name
// and end.
func (s *scanner) elemName(b []byte, at int) (string, int, int) {
	j, st := scanName(b, at)
	if st != tokOK {
		return "", j, st
	}
	_, name, ok := s.nsname(b[at:j])
	if !ok {
		return "", j, tokBad
	}
	return name, j, tokOK
}

func (s *scanner) startTag(b []byte) int {
	name, j, st := s.elemName(b, 1)
	if st != tokOK {
		return st
	}
	s.attrs, s.spans, s.abuf = s.attrs[:0], s.spans[:0], s.abuf[:0]
	i, empty := j, false
	for {
		i = skipSpace(b, i)
		if i == len(b) {
			return tokMore
		}
		if b[i] == '/' {
			if i+1 == len(b) {
				return tokMore
			}
			if b[i+1] != '>' {
				return tokBad
			}
			i, empty = i+2, true
			break
		}
		if b[i] == '>' {
			i++
			break
		}
		k, st := scanName(b, i)
		if st != tokOK {
			return st
		}
		space, local, ok := s.nsname(b[i:k])
		if !ok {
			return tokBad
		}
		if i = skipSpace(b, k); i == len(b) {
			return tokMore
		}
		if b[i] != '=' {
			return tokBad
		}
		if i = skipSpace(b, i+1); i == len(b) {
			return tokMore
		}
		if q := b[i]; q != '"' && q != '\'' {
			return tokBad
		}
		n, sp, st := s.attrValue(b[i+1:], b[i])
		if st != tokOK {
			return st
		}
		if !sp.decoded {
			sp.lo, sp.hi = i+1, i+1+n-1
		}
		s.attrs = append(s.attrs, Attr{Space: space, Local: local})
		s.spans = append(s.spans, sp)
		i += 1 + n
	}
	for k, sp := range s.spans {
		if sp.decoded {
			s.attrs[k].Value = s.abuf[sp.lo:sp.hi]
		} else {
			s.attrs[k].Value = b[sp.lo:sp.hi]
		}
	}
	s.lineTo(s.pos + i)
	line := s.line
	s.pos += i
	if err := s.h.start(name, s.attrs, line); err != nil {
		s.herr = err
		return tokErr
	}
	if empty {
		at := s.base + int64(s.pos)
		if err := s.h.end(name, line, at, at); err != nil {
			s.herr = err
			return tokErr
		}
	}
	return tokOK
}

// attrValue scans a quoted value at b, after its opening quote q, as
// encoding/xml's text(quote) does. It returns the length up to and with
// the closing quote, and where the value is: b itself when it holds no
// reference nor carriage return, else a span of s.abuf.
func (s *scanner) attrValue(b []byte, q byte) (int, attrSpan, int) {
	lo := len(s.abuf)
	copied := false
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c == q:
			if copied {
				return i + 1, attrSpan{decoded: true, lo: lo, hi: len(s.abuf)}, tokOK
			}
			return i + 1, attrSpan{}, tokOK
		case c == '<':
			return 0, attrSpan{}, tokBad
		case c >= utf8.RuneSelf:
			if !utf8.FullRune(b[i:]) {
				return 0, attrSpan{}, tokMore
			}
			r, n := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && n == 1 || !IsChar(r) {
				return 0, attrSpan{}, tokBad
			}
			if copied {
				s.abuf = append(s.abuf, b[i:i+n]...)
			}
			i += n
			continue
		case c == '&':
			r, n, st := scanRef(b[i:], false)
			if st != tokOK {
				return 0, attrSpan{}, st
			}
			if !copied {
				s.abuf, copied = append(s.abuf, b[:i]...), true
			}
			s.abuf = utf8.AppendRune(s.abuf, r)
			i += n
			continue
		case c == '\r':
			if i+1 == len(b) {
				return 0, attrSpan{}, tokMore
			}
			if !copied {
				s.abuf, copied = append(s.abuf, b[:i]...), true
			}
			s.abuf = append(s.abuf, '\n')
			i++
			if b[i] == '\n' {
				i++
			}
			continue
		case c < 0x20 && c != '\t' && c != '\n':
			return 0, attrSpan{}, tokBad
		}
		if copied {
			s.abuf = append(s.abuf, c)
		}
		i++
	}
	return 0, attrSpan{}, tokMore
}

func (s *scanner) endTag(b []byte) int {
	name, j, st := s.elemName(b, 2)
	if st != tokOK {
		return st
	}
	i := skipSpace(b, j)
	if i == len(b) {
		return tokMore
	}
	if b[i] != '>' {
		return tokBad
	}
	s.lineTo(s.pos + i + 1)
	at := s.base + int64(s.pos)
	s.pos += i + 1
	if err := s.h.end(name, s.line, at, at+int64(i+1)); err != nil {
		s.herr = err
		return tokErr
	}
	return tokOK
}

var errDeclaredCharset = errors.New("declared charset")
