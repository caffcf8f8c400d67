// Package safetext is trad's one implementation of the rules that keep text
// from outside (articles, projects, TMX, XLIFF, glossaries, file names) from
// driving a terminal. segments.Normalize uses Text at every reader's
// boundary, the editor uses Display (and DisplayMap for byte spans), and
// cmd/trad wraps its standard output and error in a Writer.
//
// The rules, the same in every mode:
//
//   - ANSI/ECMA-48 escape sequences are removed whole: CSI (ESC [ or C1
//     U+009B: parameter bytes 0x30–0x3F, intermediates 0x20–0x2F, one final
//     byte 0x40–0x7E); command strings (ESC ] P X ^ _ or C1 OSC, DCS, SOS,
//     PM, APC) up to their terminator (BEL, ESC \ or C1 ST); ESC with
//     intermediates and a final byte (ESC ( B); two-byte escapes (ESC 7).
//   - A malformed CSI ends at the first byte that does not fit; that byte is
//     then read as ordinary text. An unterminated command string ends at the
//     end of the line (the CR or LF is kept), so a stray ESC ] cannot
//     swallow the rest of a document. A lone ESC is removed.
//   - Every other C0 control, DEL and every C1 control (U+0080–U+009F) is
//     removed, except LF, which is kept, and TAB and CR (see the modes).
//   - Invalid UTF-8 bytes become U+FFFD.
//
// The modes differ only in TAB, CR and the Unicode line separators:
//
//   - Text (storage): CR LF, CR, NEL (U+0085), LS (U+2028) and PS (U+2029)
//     become LF; TAB becomes a space (trad's segments hold no tabs); the
//     byte order mark U+FEFF is dropped.
//   - Display (one screen cell per character): TAB becomes a space, CR is
//     removed.
//   - Writer (CLI output): TAB is kept (TSV, aligned tables), CR is removed
//     (it could overwrite what a line showed).
package safetext

import (
	"strings"
	"unicode/utf8"
)

// mode selects the TAB/CR/line-separator rules (see the package comment).
type mode uint8

const (
	modeText mode = iota
	modeDisplay
	modeWriter
)

// state is where the machine is inside an escape sequence.
type state uint8

const (
	ground   state = iota
	esc            // after ESC
	escInter       // ESC and intermediate bytes, waiting for the final byte
	csiParam       // CSI parameter bytes
	csiInter       // CSI intermediate bytes
	str            // inside a command string (OSC, DCS…)
	strEsc         // ESC inside a command string: ST if '\' follows
	afterCR        // Text mode: CR seen, a following LF is part of it
)

// machine is the escape-sequence state machine, fed one rune at a time.
type machine struct {
	mode  mode
	state state
}

// out is where the machine writes kept text.
type out interface {
	WriteRune(rune) (int, error)
	WriteString(string) (int, error)
	WriteByte(byte) error
}

// step feeds r (raw: s[i:i+n], RuneError of size 1 for an invalid byte)
// to the machine and writes what is kept to b.
func (m *machine) step(b out, r rune, raw string) {
	for {
		switch m.state {
		case afterCR:
			m.state = ground
			if r == '\n' {
				return
			}
			continue
		case esc:
			switch {
			case r == '[':
				m.state = csiParam
			case r == ']' || r == 'P' || r == 'X' || r == '^' || r == '_':
				m.state = str
			case r >= 0x20 && r <= 0x2F:
				m.state = escInter
			case r >= 0x30 && r <= 0x7E:
				m.state = ground
			default: // ESC before a control or non-ASCII: drop the ESC only
				m.state = ground
				continue
			}
			return
		case escInter:
			switch {
			case r >= 0x20 && r <= 0x2F:
			case r >= 0x30 && r <= 0x7E:
				m.state = ground
			default:
				m.state = ground
				continue
			}
			return
		case csiParam, csiInter:
			switch {
			case m.state == csiParam && r >= 0x30 && r <= 0x3F:
			case r >= 0x20 && r <= 0x2F:
				m.state = csiInter
			case r >= 0x40 && r <= 0x7E:
				m.state = ground
			default: // malformed: the odd rune is text again
				m.state = ground
				continue
			}
			return
		case str, strEsc:
			switch {
			case r == 0x07 || r == 0x9C || (m.state == strEsc && r == '\\'):
				m.state = ground
			case r == '\n' || r == '\r': // unterminated: ends at the line's end
				m.state = ground
				continue
			case r == 0x1B:
				m.state = strEsc
			default:
				m.state = str
			}
			return
		}
		m.ground(b, r, raw)
		return
	}
}

// ground handles a rune outside any escape sequence.
func (m *machine) ground(b out, r rune, raw string) {
	switch {
	case r == 0x1B:
		m.state = esc
	case r == 0x9B:
		m.state = csiParam
	case r == 0x90 || r == 0x98 || r == 0x9D || r == 0x9E || r == 0x9F:
		m.state = str
	case r == '\n':
		_ = b.WriteByte('\n')
	case r == '\t':
		if m.mode == modeWriter {
			_ = b.WriteByte('\t')
		} else {
			_ = b.WriteByte(' ')
		}
	case r == '\r':
		if m.mode == modeText {
			_ = b.WriteByte('\n')
			m.state = afterCR
		}
	case m.mode == modeText && (r == 0x85 || r == 0x2028 || r == 0x2029):
		_ = b.WriteByte('\n')
	case m.mode == modeText && r == 0xFEFF:
	case r < 0x20 || (r >= 0x7F && r <= 0x9F):
	case r == utf8.RuneError && len(raw) == 1:
		_, _ = b.WriteRune(utf8.RuneError)
	default:
		_, _ = b.WriteString(raw)
	}
}

// dirty marks, per mode, the bytes that may start something the mode
// changes: C0 controls other than LF (TAB too, except for the Writer), DEL,
// and the lead bytes of the C1 controls (C2) and, for Text, of U+2028,
// U+2029 (E2) and U+FEFF (EF). A table keeps the scan of clean text fast.
var dirty = func() (t [3][256]bool) {
	for m := range t {
		for c := 0; c < 0x20; c++ {
			t[m][c] = c != '\n' && (c != '\t' || mode(m) != modeWriter)
		}
		t[m][0x7F] = true
		t[m][0xC2] = true
	}
	t[modeText][0xE2] = true
	t[modeText][0xEF] = true
	return t
}()

// firstDirty returns the offset of the first byte of valid UTF-8 s that
// mode m may change, or -1 when s passes through as is.
func firstDirty[T string | []byte](s T, m mode) int {
	tbl := &dirty[m]
	for i := 0; i < len(s); i++ {
		if !tbl[s[i]] {
			continue
		}
		switch s[i] {
		case 0xC2: // U+0080–U+009F
			if i+1 < len(s) && s[i+1] <= 0x9F {
				return i
			}
		case 0xE2: // U+2028, U+2029
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9) {
				return i
			}
		case 0xEF: // U+FEFF
			if i+2 < len(s) && s[i+1] == 0xBB && s[i+2] == 0xBF {
				return i
			}
		default:
			return i
		}
	}
	return -1
}

// clean applies mode m to s; text that needs no change is returned as is,
// without allocating.
func clean(s string, m mode) string {
	from := 0
	if utf8.ValidString(s) {
		if from = firstDirty(s, m); from < 0 {
			return s
		}
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:from])
	mc := machine{mode: m}
	for i := from; i < len(s); {
		if mc.state == ground {
			j := asciiRun(s, i, m)
			b.WriteString(s[i:j])
			if i = j; i == len(s) {
				break
			}
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		mc.step(&b, r, s[i:i+n])
		i += n
	}
	return b.String()
}

// asciiRun returns the end of the run of printable ASCII (and what else
// mode m keeps as is among ASCII) starting at s[i]: outside an escape
// sequence it is copied in one piece.
func asciiRun[T string | []byte](s T, i int, m mode) int {
	tbl := &dirty[m]
	for i < len(s) && s[i] < utf8.RuneSelf && !tbl[s[i]] {
		i++
	}
	return i
}

// Text cleans s for storage: the escape and control rules of the package
// comment, with line ends made LF, TAB made a space and U+FEFF dropped.
// It does not normalise to NFC (segments.Normalize does, after Text).
func Text(s string) string { return clean(s, modeText) }

// Display cleans s for drawing in a terminal cell grid: TAB becomes a
// space, CR and every other control and escape sequence are removed, LF is
// kept.
func Display(s string) string { return clean(s, modeDisplay) }

// DisplayMap is Display that also returns, when s changed, the offset in
// the result of every byte offset of s (len(s)+1 entries), so byte spans
// such as glossary hits can follow the text. The map is nil when s is
// returned unchanged.
func DisplayMap(s string) (string, []int) {
	from := 0
	if utf8.ValidString(s) {
		if from = firstDirty(s, modeDisplay); from < 0 {
			return s, nil
		}
	}
	idx := make([]int, len(s)+1)
	for i := range from {
		idx[i] = i
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:from])
	mc := machine{mode: modeDisplay}
	for i := from; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		start := b.Len()
		mc.step(&b, r, s[i:i+n])
		for j := i; j < i+n; j++ {
			idx[j] = start
		}
		i += n
	}
	idx[len(s)] = b.Len()
	return b.String(), idx
}

// Safe reports whether s would pass through the Writer unchanged.
func Safe(s string) bool { return utf8.ValidString(s) && firstDirty(s, modeWriter) < 0 }
