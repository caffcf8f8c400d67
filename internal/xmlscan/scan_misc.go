package xmlscan

import (
	"bytes"
	"encoding/xml"
	"io"
	"unicode/utf8"
)

// The scanner's markup other than elements: processing instructions,
// comments, DOCTYPE and CDATA sections (scan.go scans elements and text).

// procInst skips a processing instruction. The XML declaration is checked
// by encoding/xml itself (version, encoding); one that names an encoding
// other than UTF-8 hands the stream over.
func (s *scanner) procInst(b []byte) int {
	j, st := scanName(b, 2)
	if st != tokOK {
		return st
	}
	i := skipSpace(b, j)
	k := bytes.Index(b[i:], []byte("?>"))
	if k < 0 {
		return tokMore
	}
	n := i + k + 2
	if string(b[2:j]) == "xml" {
		d := xml.NewDecoder(bytes.NewReader(b[:n]))
		d.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) {
			if s.h.utf8 {
				return in, nil
			}
			return nil, errDeclaredCharset
		}
		if _, err := d.RawToken(); err != nil {
			return tokBad
		}
	}
	s.pos += n
	return tokOK
}

// bang skips a comment or a directive (<!DOCTYPE …>, internal subset
// included) and passes a CDATA section's text on.
func (s *scanner) bang(b []byte) int {
	switch b[2] {
	case '-':
		if len(b) < 4 {
			return tokMore
		}
		if b[3] != '-' {
			return tokBad
		}
		k := bytes.Index(b[4:], []byte("--"))
		if k < 0 || 4+k+2 == len(b) {
			return tokMore
		}
		if b[4+k+2] != '>' {
			return tokBad // "--" inside a comment
		}
		s.pos += 4 + k + 3
		return tokOK
	case '[':
		const open = "<![CDATA["
		if len(b) < len(open) {
			if string(b) != open[:len(b)] {
				return tokBad
			}
			return tokMore
		}
		if string(b[:len(open)]) != open {
			return tokBad
		}
		k := bytes.Index(b[len(open):], []byte("]]>"))
		if k < 0 {
			return tokMore
		}
		return s.cdata(b[len(open):len(open)+k], len(open)+k+3)
	}
	// A directive, scanned as encoding/xml does: quotes hide '<' and '>',
	// nested <…> count, comments inside are skipped; its first byte is
	// taken as is.
	var inq byte
	depth := 0
	i := 3
	for {
		if i >= len(b) {
			return tokMore
		}
		c := b[i]
		i++
		if inq == 0 && c == '>' && depth == 0 {
			break
		}
		for again := true; again; {
			again = false
			switch {
			case c == inq:
				inq = 0
			case inq != 0:
			case c == '\'' || c == '"':
				inq = c
			case c == '>':
				depth--
			case c == '<':
				k := 0
				for ; k < 3; k++ {
					if i >= len(b) {
						return tokMore
					}
					c = b[i]
					i++
					if c != "!--"[k] {
						break
					}
				}
				if k < 3 {
					depth++
					again = true // the byte that broke "<!--" is handled in turn
					continue
				}
				e := bytes.Index(b[i:], []byte("-->"))
				if e < 0 {
					return tokMore
				}
				i += e + 3
			}
		}
	}
	s.pos += i
	return tokOK
}

// cdata passes the text of a CDATA section on (n is the section's length
// in the buffer): no references, but "\r" handling and character checks
// as in any text.
func (s *scanner) cdata(t []byte, n int) int {
	out := s.tbuf[:0]
	copied := false
	for i := 0; i < len(t); {
		c := t[i]
		switch {
		case c >= utf8.RuneSelf:
			r, m := utf8.DecodeRune(t[i:])
			if r == utf8.RuneError && m == 1 || !IsChar(r) {
				return tokBad
			}
			if copied {
				out = append(out, t[i:i+m]...)
			}
			i += m
			continue
		case c == '\r':
			if !copied {
				out, copied = append(out, t[:i]...), true
			}
			out = append(out, '\n')
			if i+1 < len(t) && t[i+1] == '\n' {
				i++
			}
		case c < 0x20 && c != '\t' && c != '\n':
			return tokBad
		default:
			if copied {
				out = append(out, c)
			}
		}
		i++
	}
	s.tbuf = out[:0]
	return s.emit(pick(copied, out, t), n, tokOK)
}
