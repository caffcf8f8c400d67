// Package textfold is trad's one home for the keys text is compared by.
// Every key is NFC and idempotent (a key's key is itself).
//
//   - Norm: NFC with the apostrophes ’ ‘ ʼ made "'". What "exact" compares
//     (the glossary's exact matches).
//   - Fold: the case-insensitive key, Norm then Unicode full case folding
//     (cases.Fold, not Turkic: "I" folds to "i", "İ" to "i̇", "ß" to "ss").
//     The glossary's Token.Fold, hence its matcher, clash and guard checks,
//     and the translation memory's concordance tokens.
//   - Unaccent: the marks a script writes optionally removed, case kept:
//     the glossary's accent-tolerant capitals ("Etat" for "État"), and,
//     over Fold, the memory's concordance key (glossary.Deaccent).
//   - Loose: the case- and accent-insensitive key, Unaccent(Fold(s)): the
//     editor's search, filter and concordance, and align's word cues.
//
// Which marks are optional: every combining mark on a Latin or Greek
// letter ("é", "ą", "ệ", "ά", and the dot of "İ" once folded), Arabic
// harakat and Hebrew points, and the diaeresis of Cyrillic "ё" (Russian
// writes "е" for it). The marks that make another letter of the alphabet
// stay: Cyrillic "й", "ї", "ў", kana with (han)dakuten ("が" is not "か"),
// Indic vowel signs and viramas, Hangul. Letters without a decomposition
// keep their form ("ø", "ł", "đ", "ı"); the ligatures "œ" and "æ" are
// spelled "oe" and "ae" by Unaccent (and so by Loose), not by Fold.
package textfold

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Norm returns s in NFC with the apostrophes ’ ‘ ʼ unified to "'".
func Norm(s string) string {
	if isASCII(s) {
		return s
	}
	s = nfc(s)
	if strings.ContainsAny(s, "\u2019\u02BC\u2018") {
		s = apostrophes.Replace(s)
	}
	return s
}

var apostrophes = strings.NewReplacer("\u2019", "'", "\u02BC", "'", "\u2018", "'")

// foldCasers pools case folders: a cases.Caser keeps state and is not
// safe for concurrent use.
var foldCasers = sync.Pool{New: func() any { c := cases.Fold(); return &c }}

// Fold returns the case-insensitive key of s (see the package comment).
// ASCII lower-case words and lower-case Latin words, the glossary's common
// case, are returned without allocating.
func Fold(s string) string {
	if isASCII(s) {
		for i := 0; i < len(s); i++ {
			if c := s[i]; 'A' <= c && c <= 'Z' {
				return strings.ToLower(s)
			}
		}
		return s
	}
	if foldsToItself(s) {
		return s
	}
	c := foldCasers.Get().(*cases.Caser)
	f := caseFold(c, s)
	foldCasers.Put(c)
	// After folding: "ΐ" folds to ι and two marks, "ŉ" to "ʼn".
	return Norm(f)
}

// caseFold is c.String(s) with Cherokee folded as Unicode folds it, to
// its capitals: x/text swaps the two cases ("Ꮀ" → "ꮀ" → "Ꮀ"), which no
// key may do.
func caseFold(c *cases.Caser, s string) string {
	f := c.String(s)
	if strings.IndexFunc(f, isCherokee) < 0 {
		return f
	}
	return strings.Map(func(r rune) rune {
		if isCherokee(r) {
			return unicode.ToUpper(r)
		}
		return r
	}, f)
}

func isCherokee(r rune) bool {
	return r >= 0x13A0 && r <= 0x13FF || r >= 0xAB70 && r <= 0xABBF
}

// foldsToItself reports whether s is made of lower-case Latin letters (and
// other characters of Latin-1 and Latin Extended-A) that are already NFC
// and case-folded, such as most French words: Fold can skip x/text for it.
func foldsToItself(s string) bool {
	for _, r := range s {
		switch {
		case r < 0x80:
			if 'A' <= r && r <= 'Z' {
				return false
			}
		case r >= 0x180 || r == 0xB5 || r == 0xDF || r == 0x149 || r == 0x17F || unicode.IsUpper(r):
			// µ, ß, ŉ and ſ fold to other letters; ’ (U+2019) is past
			// 0x180 and goes through Norm.
			return false
		}
	}
	return true
}

// Unaccent returns s in NFC without its optional marks, "œ" and "æ"
// spelled out, case kept: "État" → "Etat", "Cœur" → "Coeur". Text that
// needs no change is returned without allocating.
func Unaccent(s string) string { return apply(s, false) }

// Loose returns the case- and accent-insensitive key of s, equal to
// Unaccent(Fold(s)) and computed in one pass: "L’État" → "l'etat",
// "STRASSE" and "Straße" → "strasse".
func Loose(s string) string {
	if isASCII(s) {
		return Fold(s)
	}
	return apply(s, true)
}

// apply maps s rune by rune through the table, Loose or Unaccent, dropping
// the optional marks that follow a letter as combining characters.
func apply(s string, loose bool) string {
	if isASCII(s) {
		return s
	}
	// Most text is NFC and has no rune that could make it otherwise: the
	// table says so rune by rune, cheaper than the NFC quick check.
	if out, ok := applyNFC(s, loose, true); ok {
		return out
	}
	if loose {
		// Folding can reorder and compose marks ("\u0345\u0301" is
		// "ί" folded): fold the whole text first.
		s = Fold(s)
	}
	out, _ := applyNFC(nfc(s), false, false)
	return out
}

// applyNFC is apply on s, which is NFC unless check is set; with check it
// gives up (false) at the first rune that needs an NFC check.
func applyNFC(s string, loose, check bool) (string, bool) {
	var b strings.Builder
	changed := false
	base := classNone // the class of the letter marks attach to
	keptMark := false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		var out string
		keep := true
		switch {
		case r < utf8.RuneSelf:
			c := byte(r)
			base = classNone
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
				base = classLatin
			}
			if loose && 'A' <= c && c <= 'Z' {
				out, keep = asciiLower[c-'A':c-'A'+1], false
			}
		default:
			e := lookup(r)
			if check && e.nfcCheck {
				return "", false
			}
			if e.mark && !(loose && e.foldsToLetter) {
				if dropped(base, r) {
					out, keep = "", false
				} else {
					keptMark = true
				}
				break
			}
			base, out = e.class, e.unaccent
			if loose {
				base, out = e.looseClass, e.loose
			}
			keep = out == s[i:i+n]
		}
		if keep {
			if changed {
				b.WriteString(s[i : i+n])
			}
		} else {
			if !changed {
				changed = true
				b.Grow(len(s))
				b.WriteString(s[:i])
			}
			b.WriteString(out)
		}
		i += n
	}
	if !changed {
		return s, true
	}
	out := b.String()
	if keptMark {
		out = nfc(out)
	}
	return out, true
}

// nfc returns s in NFC; the quick check, unlike IsNormalString, does not
// allocate.
func nfc(s string) string {
	if norm.NFC.QuickSpanString(s) == len(s) {
		return s
	}
	return norm.NFC.String(s)
}

const asciiLower = "abcdefghijklmnopqrstuvwxyz"

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
