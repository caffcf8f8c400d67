package segments

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// dirty marks the bytes that may start something Normalize changes: C0
// controls other than LF, DEL, and the lead bytes of C1 controls (C2),
// U+2028/U+2029 (E2) and U+FEFF (EF). Everything else passes through.
var dirty = func() (t [256]bool) {
	for b := 0; b < 0x20; b++ {
		t[b] = b != '\n'
	}
	t[0x7F] = true
	t[0xC2] = true
	t[0xE2] = true
	t[0xEF] = true
	return t
}()

// Normalize returns s cleaned for display and storage: invalid UTF-8 bytes
// become U+FFFD, CRLF and CR (and U+0085, U+2028, U+2029) become LF, tab
// becomes a space, ANSI/VT escape sequences (CSI, OSC, DCS…) and the other
// C0/C1 control characters are removed, U+FEFF is dropped, and the result is
// NFC. Text that needs none of this is returned as is, without allocating.
func Normalize(s string) string {
	if !utf8.ValidString(s) {
		s = clean(s, 0)
	} else if i := firstDirty(s); i >= 0 {
		s = clean(s, i)
	}
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

// firstDirty returns the offset of the first byte Normalize would change
// (ignoring invalid UTF-8 and NFC), or -1.
func firstDirty(s string) int {
	for i := 0; i < len(s); i++ {
		if !dirty[s[i]] {
			continue
		}
		if changes(s, i) {
			return i
		}
	}
	return -1
}

// changes reports whether the dirty-table byte at s[i] really starts
// something to rewrite (the multi-byte lead bytes are mostly harmless).
func changes(s string, i int) bool {
	switch s[i] {
	case 0xC2:
		return i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9F
	case 0xE2:
		return i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9)
	case 0xEF:
		return i+2 < len(s) && s[i+1] == 0xBB && s[i+2] == 0xBF
	}
	return true
}

// clean rewrites s from offset i on (s[:i] is known clean).
func clean(s string, i int) string {
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\r':
				b.WriteByte('\n')
				i++
				if i < len(s) && s[i] == '\n' {
					i++
				}
			case c == '\t':
				b.WriteByte(' ')
				i++
			case c == 0x1B:
				i = skipEscape(s, i+1)
			case c < 0x20 && c != '\n', c == 0x7F:
				i++
			default:
				b.WriteByte(c)
				i++
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteRune(utf8.RuneError)
		case r == 0x85, r == 0x2028, r == 0x2029:
			b.WriteByte('\n')
		case r == 0x9B: // C1 CSI: same grammar as ESC [
			i = skipCSI(s, i+n)
			continue
		case r == 0x90, r == 0x98, r == 0x9D, r == 0x9E, r == 0x9F: // C1 DCS, SOS, OSC, PM, APC
			i = skipString(s, i+n)
			continue
		case r >= 0x80 && r <= 0x9F, r == 0xFEFF:
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// skipEscape returns the offset after the escape sequence whose ESC ends
// just before i.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch c := s[i]; {
	case c == '[':
		return skipCSI(s, i+1)
	case c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_':
		return skipString(s, i+1)
	case c >= 0x20 && c <= 0x2F: // intermediates, then one final byte: ESC ( B
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2F {
			i++
		}
		if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7E {
			i++
		}
		return i
	case c >= 0x30 && c <= 0x7E: // two-byte sequence: ESC 7, ESC c…
		return i + 1
	}
	return i
}

// skipCSI skips the parameter, intermediate and final bytes of a control
// sequence starting at i. A malformed sequence stops at the first byte that
// does not fit, which is kept.
func skipCSI(s string, i int) int {
	for i < len(s) && s[i] >= 0x30 && s[i] <= 0x3F {
		i++
	}
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2F {
		i++
	}
	if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7E {
		i++
	}
	return i
}

// skipString skips an OSC/DCS-style string up to its terminator (BEL, ESC \
// or C1 ST). An unterminated string stops at the end of the line, so a
// stray ESC ] cannot swallow the rest of a document.
func skipString(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == 0x1B && i+1 < len(s) && s[i+1] == '\\':
			return i + 2
		case s[i] == 0xC2 && i+1 < len(s) && s[i+1] == 0x9C:
			return i + 2
		case s[i] == '\n' || s[i] == '\r':
			return i
		}
		i++
	}
	return i
}
