package textfold

import (
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// class is what a letter says about the combining marks after it.
type class uint8

const (
	classNone   class = iota // marks stay
	classLatin               // Latin or Greek: every mark is optional
	classArabic              // harakat are optional
	classHebrew              // points and cantillation are optional
	classYe                  // Cyrillic е: its diaeresis (ё) is optional
)

// dropped reports whether mark r after a letter of class c is optional.
func dropped(c class, r rune) bool {
	switch c {
	case classLatin:
		return true
	case classArabic:
		return r >= 0x64B && r <= 0x65F || r == 0x670
	case classHebrew:
		return r >= 0x591 && r <= 0x5C7
	case classYe:
		return r == 0x308
	}
	return false
}

func classOf(r rune) class {
	switch {
	case r == 'е' || r == 'Е':
		return classYe
	case unicode.Is(unicode.Latin, r) || unicode.Is(unicode.Greek, r):
		return classLatin
	case unicode.Is(unicode.Arabic, r):
		return classArabic
	case unicode.Is(unicode.Hebrew, r):
		return classHebrew
	}
	return classNone
}

// entry is what the keys make of one non-ASCII rune on its own.
type entry struct {
	unaccent, loose string
	// class and looseClass are the classes of the last letter of
	// unaccent and loose, which the marks after the rune attach to.
	class, looseClass class
	mark              bool // a nonspacing mark (Mn)
	foldsToLetter     bool // a mark that case folding makes a letter (U+0345)
	// nfcCheck: a text holding the rune may not be NFC (a combining
	// character, or one NFC replaces); text without one is NFC.
	nfcCheck bool
}

// pages holds the entries of the runes from U+0080 up, 256 to a page,
// built on first use: a key then costs a load per rune, whatever the
// script, and only the pages a text uses take memory.
var pages [(unicode.MaxRune + 1) >> 8]atomic.Pointer[[256]entry]

func lookup(r rune) *entry {
	if r < 0 || r > unicode.MaxRune {
		r = utf8.RuneError
	}
	p := pages[r>>8].Load()
	if p == nil {
		p = buildPage(r >> 8)
		pages[r>>8].Store(p) // a race builds the same page twice, no harm
	}
	return &p[r&0xFF]
}

func buildPage(n rune) *[256]entry {
	p := new([256]entry)
	fold := cases.Fold()
	for k := range p {
		r := n<<8 | rune(k)
		if r < utf8.RuneSelf || r > unicode.MaxRune || r >= 0xD800 && r <= 0xDFFF {
			p[k] = entry{unaccent: string(utf8.RuneError), loose: string(utf8.RuneError)}
			continue
		}
		s := string(r)
		f := apostrophes.Replace(caseFold(&fold, s))
		un, lo := strip(norm.NFD.String(s)), strip(norm.NFD.String(f))
		p[k] = entry{
			unaccent:      un,
			loose:         lo,
			class:         lastClass(un),
			looseClass:    lastClass(lo),
			mark:          unicode.Is(unicode.Mn, r),
			foldsToLetter: unicode.Is(unicode.Mn, r) && f != s,
			nfcCheck:      !norm.NFC.PropertiesString(s).BoundaryBefore() || norm.NFC.QuickSpanString(s) != len(s),
		}
	}
	return p
}

// lastClass is the class of the last rune of s that is not a mark.
func lastClass(s string) class {
	for s != "" {
		r, n := utf8.DecodeLastRuneInString(s)
		if !unicode.Is(unicode.Mn, r) {
			return classOf(r)
		}
		s = s[:len(s)-n]
	}
	return classNone
}

// strip removes the optional marks from d (NFD) and spells out the
// ligatures œ and æ; the result is NFC.
func strip(d string) string {
	var b strings.Builder
	c := classNone
	for _, r := range d {
		if unicode.Is(unicode.Mn, r) {
			if !dropped(c, r) {
				b.WriteRune(r)
			}
			continue
		}
		c = classOf(r)
		switch r {
		case 'œ':
			b.WriteString("oe")
		case 'Œ':
			b.WriteString("OE")
		case 'æ':
			b.WriteString("ae")
		case 'Æ':
			b.WriteString("AE")
		default:
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}
