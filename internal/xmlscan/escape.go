package xmlscan

import (
	"io"
	"strings"
	"unicode/utf8"
)

// Escape writes s to w as XML character data, or as an attribute value
// between double quotes when inAttr is set, and returns how many
// characters it dropped: XML 1.0 cannot hold them (controls, U+FFFE,
// U+FFFF, invalid UTF-8) and writing U+FFFD instead would put a character
// in the file that the translator never wrote. It is the one XML escaper
// of trad's writers: bitext (TMX, XLIFF), glossary (TBX) and office
// (.docx, .odt).
//
// &, < and > are always escaped; in attributes also " and the white space
// other than space (attribute value normalisation would turn it into
// spaces); a carriage return everywhere (a literal CR is read back as LF).
func Escape(w io.StringWriter, s string, inAttr bool) (removed int, err error) {
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
				removed++ // illegal control character: dropped
			default:
				i++
				continue
			}
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			n = size
			if (r != utf8.RuneError || size > 1) && IsChar(r) {
				i += size
				continue
			}
			removed++
		}
		if _, err := w.WriteString(s[last:i]); err != nil {
			return removed, err
		}
		if _, err := w.WriteString(esc); err != nil {
			return removed, err
		}
		i += n
		last = i
	}
	_, err = w.WriteString(s[last:])
	return removed, err
}

// EscapeString is Escape into a string, for markup built in memory.
func EscapeString(s string, inAttr bool) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	Escape(&b, s, inAttr) // a strings.Builder does not fail
	return b.String()
}
