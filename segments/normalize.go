package segments

import (
	"unicode/utf8"

	"github.com/trad-project/trad/internal/safetext"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns s cleaned for display and storage: invalid UTF-8 bytes
// become U+FFFD, CRLF and CR (and U+0085, U+2028, U+2029) become LF, tab
// becomes a space, ANSI/VT escape sequences (CSI, OSC, DCS…) and the other
// C0/C1 control characters are removed, U+FEFF is dropped (the rules of
// internal/safetext.Text), and the result is NFC. Text that needs none of
// this is returned as is, without allocating. Every reader of outside text
// (articles, projects, TMX, XLIFF, glossaries) passes it through Normalize.
func Normalize(s string) string {
	s = safetext.Text(s)
	if isNFC(s) {
		return s
	}
	return norm.NFC.String(s)
}

// nfcSafe marks the runes below U+0800 and in U+2000–U+20FF (General
// Punctuation, currency signs: ’ … « » € and the no-break spaces of French
// text) that are in NFC and never combine with the rune before them, so a
// string made only of them and ASCII is NFC without asking norm.
var nfcSafe = func() (t [0x900]bool) {
	for r := rune(0x80); r < 0x800; r++ {
		t[r] = safeNFC(r)
	}
	for r := rune(0x2000); r < 0x2100; r++ {
		t[r-0x2000+0x800] = safeNFC(r)
	}
	return t
}()

func safeNFC(r rune) bool {
	s := string(r)
	return norm.NFC.PropertiesString(s).BoundaryBefore() && norm.NFC.IsNormalString(s)
}

// isNFC reports whether valid UTF-8 s is in NFC. It skips ASCII and the
// nfcSafe runes itself, which covers most European text, and hands the rest
// to norm from the rune before the first other one.
func isNFC(s string) bool {
	prev := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			prev = i
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r < 0x800 && nfcSafe[r], r >= 0x2000 && r < 0x2100 && nfcSafe[r-0x2000+0x800]:
			prev = i
			i += n
		default:
			return norm.NFC.IsNormalString(s[prev:])
		}
	}
	return true
}
