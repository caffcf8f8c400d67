package xmlscan

import "unicode/utf8"

// Byte-level lexing for the scanner (scan.go): references, names and
// XML's character classes, each with encoding/xml's rules.

// scanRef decodes the reference at b (b[0] == '&'): one of XML's five
// predefined entities or a character reference, with encoding/xml's
// rules. Anything else (an unknown entity, a malformed reference) is
// tokBad, for encoding/xml to report.
func scanRef(b []byte, eof bool) (r rune, n int, st int) {
	more := tokMore
	if eof {
		more = tokBad
	}
	if len(b) < 2 {
		return 0, 0, more
	}
	if b[1] != '#' {
		for _, e := range predefined {
			if len(b) >= len(e.ref) && string(b[:len(e.ref)]) == e.ref {
				return e.r, len(e.ref), tokOK
			}
		}
		if len(b) < len("&quot;") {
			return 0, 0, more
		}
		return 0, 0, tokBad
	}
	i, base := 2, rune(10)
	if i < len(b) && b[i] == 'x' { // lower case only, as in encoding/xml
		i, base = 3, 16
	}
	start := i
	var v rune
	for ; i < len(b); i++ {
		d := digitVal(b[i])
		if d >= base {
			break
		}
		if i-start == 8 {
			return 0, 0, tokBad // encoding/xml decides about long references
		}
		v = v*base + d
	}
	if i == len(b) {
		return 0, 0, more
	}
	if b[i] != ';' || i == start || v > utf8.MaxRune {
		return 0, 0, tokBad
	}
	if v >= 0xD800 && v <= 0xDFFF {
		v = utf8.RuneError // string(rune(n)) in encoding/xml
	}
	if !IsChar(v) {
		return 0, 0, tokBad
	}
	return v, i + 1, tokOK
}

func digitVal(c byte) rune {
	switch {
	case '0' <= c && c <= '9':
		return rune(c - '0')
	case 'a' <= c && c <= 'f':
		return rune(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return rune(c-'A') + 10
	}
	return 99
}

var predefined = [...]struct {
	ref string
	r   rune
}{{"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}, {"&apos;", '\''}, {"&quot;", '"'}}

// IsChar reports whether r may appear in an XML 1.0 document (encoding/xml's
// isInCharacterRange): the scanner checks what it reads with it, and
// bitext's writers drop what fails it.
func IsChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// textPlain marks the bytes text scanning copies as they are.
var textPlain, nameByte [256]bool

func init() {
	for c := 0x20; c < 0x80; c++ {
		textPlain[c] = c != '<' && c != '&' && c != ']'
	}
	textPlain['\t'], textPlain['\n'] = true, true
	for c := 0; c < 0x80; c++ {
		nameByte[c] = 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
			c == '_' || c == ':' || c == '.' || c == '-'
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\r' || c == '\n' || c == '\t' }

func skipSpace(b []byte, i int) int {
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	return i
}

// scanName scans an ASCII XML name at b[i:] and returns its end. Names
// with other characters are left to encoding/xml.
func scanName(b []byte, i int) (int, int) {
	j := i
	for j < len(b) && nameByte[b[j]] {
		j++
	}
	switch {
	case j == len(b):
		return j, tokMore
	case b[j] >= utf8.RuneSelf, j == i:
		return j, tokBad
	}
	if c := b[i]; !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || c == '_' || c == ':') {
		return j, tokBad
	}
	return j, tokOK
}
