package glossary

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// xmlScanner is a small XML tokenizer for TBX files: encoding/xml reads
// about 20 MB/s, too slow for a 100,000-entry TBX in the 1.5 s budget. It
// handles what TBX files hold (elements, attributes, text, the five
// predefined entities and character references, CDATA, comments,
// processing instructions, a DOCTYPE with an internal subset) and reports
// malformed input as an error with a line number. Namespace prefixes are
// dropped from names: TBX readers match local names.
type xmlScanner struct {
	data    []byte
	pos     int
	line    int // line of linePos
	linePos int
}

type xmlAttr struct{ name, value string }

// xmlKind is the kind of event next returns.
type xmlKind uint8

const (
	evEOF xmlKind = iota
	evStart
	evEnd
	evText // raw text (entities not decoded) or CDATA (cdata true)
)

type xmlEvent struct {
	kind        xmlKind
	name        string
	attrs       []xmlAttr
	selfClosing bool
	text        []byte
	cdata       bool
	at          int // byte offset of the event
}

func newXMLScanner(data []byte) *xmlScanner {
	return &xmlScanner{data: data, line: 1}
}

// lineAt returns the 1-based line of byte offset p; offsets must not
// decrease between calls.
func (s *xmlScanner) lineAt(p int) int {
	if p > len(s.data) {
		p = len(s.data)
	}
	if p > s.linePos {
		s.line += bytes.Count(s.data[s.linePos:p], []byte{'\n'})
		s.linePos = p
	}
	return s.line
}

func (s *xmlScanner) errf(p int, format string, args ...any) error {
	return fmt.Errorf("%d: %s", s.lineAt(p), fmt.Sprintf(format, args...))
}

func localName(n string) string {
	if i := strings.LastIndexByte(n, ':'); i >= 0 {
		return n[i+1:]
	}
	return n
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func isNameByte(c byte) bool {
	return c >= 0x80 || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '_' || c == ':' || c == '-' || c == '.'
}

// next returns the next event. Comments, processing instructions and the
// DOCTYPE are skipped.
func (s *xmlScanner) next(ev *xmlEvent) error {
	d := s.data
	for {
		p := s.pos
		ev.at = p
		if p >= len(d) {
			ev.kind = evEOF
			return nil
		}
		if d[p] != '<' {
			end := bytes.IndexByte(d[p:], '<')
			if end < 0 {
				end = len(d)
			} else {
				end += p
			}
			ev.kind, ev.text, ev.cdata = evText, d[p:end], false
			s.pos = end
			return nil
		}
		rest := d[p:]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			i := bytes.Index(rest[4:], []byte("-->"))
			if i < 0 {
				return s.errf(p, "unterminated comment")
			}
			s.pos = p + 4 + i + 3
			continue
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			i := bytes.Index(rest[9:], []byte("]]>"))
			if i < 0 {
				return s.errf(p, "unterminated CDATA section")
			}
			ev.kind, ev.text, ev.cdata = evText, rest[9:9+i], true
			s.pos = p + 9 + i + 3
			return nil
		case bytes.HasPrefix(rest, []byte("<?")):
			i := bytes.Index(rest[2:], []byte("?>"))
			if i < 0 {
				return s.errf(p, "unterminated processing instruction")
			}
			s.pos = p + 2 + i + 2
			continue
		case bytes.HasPrefix(rest, []byte("<!")):
			end, err := s.skipDecl(p)
			if err != nil {
				return err
			}
			s.pos = end
			continue
		case bytes.HasPrefix(rest, []byte("</")):
			q := p + 2
			for q < len(d) && isNameByte(d[q]) {
				q++
			}
			name := string(d[p+2 : q])
			for q < len(d) && isXMLSpace(d[q]) {
				q++
			}
			if name == "" || q >= len(d) || d[q] != '>' {
				return s.errf(p, "malformed end tag")
			}
			ev.kind, ev.name = evEnd, localName(name)
			s.pos = q + 1
			return nil
		}
		return s.startTag(p, ev)
	}
}

// skipDecl skips a <!DOCTYPE …> (with its [internal subset]) or another
// markup declaration and returns the offset after it.
func (s *xmlScanner) skipDecl(p int) (int, error) {
	d := s.data
	depth := 0
	var quote byte
	for q := p + 2; q < len(d); q++ {
		c := d[q]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '[':
			depth++
		case c == ']':
			depth--
		case c == '>' && depth <= 0:
			return q + 1, nil
		}
	}
	return 0, s.errf(p, "unterminated <! declaration")
}

func (s *xmlScanner) startTag(p int, ev *xmlEvent) error {
	d := s.data
	q := p + 1
	for q < len(d) && isNameByte(d[q]) {
		q++
	}
	if q == p+1 {
		return s.errf(p, "'<' not followed by a name")
	}
	ev.kind, ev.name, ev.attrs, ev.selfClosing = evStart, localName(string(d[p+1:q])), ev.attrs[:0], false
	for {
		sp := q
		for q < len(d) && isXMLSpace(d[q]) {
			q++
		}
		if q >= len(d) {
			return s.errf(p, "unterminated start tag <%s>", ev.name)
		}
		switch d[q] {
		case '>':
			s.pos = q + 1
			return nil
		case '/':
			if q+1 < len(d) && d[q+1] == '>' {
				ev.selfClosing = true
				s.pos = q + 2
				return nil
			}
			return s.errf(q, "expected '>' after '/' in <%s>", ev.name)
		}
		if sp == q {
			return s.errf(q, "expected space or '>' in <%s>", ev.name)
		}
		ns := q
		for q < len(d) && isNameByte(d[q]) {
			q++
		}
		if ns == q {
			return s.errf(q, "invalid character %q in <%s>", d[q], ev.name)
		}
		an := string(d[ns:q])
		for q < len(d) && isXMLSpace(d[q]) {
			q++
		}
		if q >= len(d) || d[q] != '=' {
			return s.errf(q, "attribute %s without a value", an)
		}
		q++
		for q < len(d) && isXMLSpace(d[q]) {
			q++
		}
		if q >= len(d) || (d[q] != '"' && d[q] != '\'') {
			return s.errf(q, "unquoted value for attribute %s", an)
		}
		quote := d[q]
		end := bytes.IndexByte(d[q+1:], quote)
		if end < 0 {
			return s.errf(q, "unterminated value for attribute %s", an)
		}
		raw := d[q+1 : q+1+end]
		if bytes.IndexByte(raw, '<') >= 0 {
			return s.errf(q, "'<' in the value of attribute %s", an)
		}
		var b strings.Builder
		if err := s.unescape(&b, raw, q); err != nil {
			return err
		}
		ev.attrs = append(ev.attrs, xmlAttr{localName(an), b.String()})
		q += end + 2
	}
}

// unescape appends raw text to b with entity and character references
// decoded; at is raw's offset, for errors.
func (s *xmlScanner) unescape(b *strings.Builder, raw []byte, at int) error {
	for len(raw) > 0 {
		i := bytes.IndexByte(raw, '&')
		if i < 0 {
			b.Write(raw)
			return nil
		}
		b.Write(raw[:i])
		raw = raw[i:]
		j := bytes.IndexByte(raw, ';')
		if j < 0 || j > 12 {
			return s.errf(at, "'&' without a valid entity reference")
		}
		ref := string(raw[1:j])
		switch ref {
		case "lt":
			b.WriteByte('<')
		case "gt":
			b.WriteByte('>')
		case "amp":
			b.WriteByte('&')
		case "quot":
			b.WriteByte('"')
		case "apos":
			b.WriteByte('\'')
		default:
			if !strings.HasPrefix(ref, "#") {
				return s.errf(at, "unknown entity &%s;", ref)
			}
			var (
				n   uint64
				err error
			)
			if strings.HasPrefix(ref, "#x") {
				n, err = strconv.ParseUint(ref[2:], 16, 32)
			} else {
				n, err = strconv.ParseUint(ref[1:], 10, 32)
			}
			if err != nil || !isXMLChar(rune(n)) {
				return s.errf(at, "invalid character reference &%s;", ref)
			}
			b.WriteRune(rune(n))
		}
		raw = raw[j+1:]
	}
	return nil
}

// isXMLChar reports whether r may appear in an XML 1.0 document.
func isXMLChar(r rune) bool {
	return r == 0x9 || r == 0xA || r == 0xD || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// validText reports whether text has only XML characters.
func validText(text []byte) bool {
	for i := 0; i < len(text); {
		c := text[i]
		if c < 0x80 {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(text[i:])
		if (r == utf8.RuneError && n == 1) || !isXMLChar(r) {
			return false
		}
		i += n
	}
	return true
}
