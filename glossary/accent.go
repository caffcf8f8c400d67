package glossary

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// French (and Spanish, Portuguese…) often write capitals without their
// accents: "Etats-Unis", "ECOLE", "A partir de". The matcher accepts a
// capital of the text lacking an accent of the term's letter, never a
// lower-case letter: "etat" does not match "État", nor "eleve" "élève".

// baseLetters maps an accented Latin letter (Latin-1 and Latin Extended-A
// and -B) to its letters without marks: 'é' → "e", 'Ç' → "C", 'œ' → "oe".
var baseLetters = func() map[rune]string {
	m := map[rune]string{'œ': "oe", 'Œ': "OE", 'æ': "ae", 'Æ': "AE"}
	for r := rune(0xC0); r < 0x250; r++ {
		d := norm.NFD.String(string(r))
		b, size := utf8.DecodeRuneInString(d)
		if size == len(d) || b >= utf8.RuneSelf || !unicode.IsLetter(b) {
			continue
		}
		marks := true
		for _, c := range d[size:] {
			marks = marks && unicode.Is(unicode.Mn, c)
		}
		if marks {
			m[r] = string(b)
		}
	}
	return m
}()

// deaccent returns s with the accents of its Latin letters removed and
// the ligatures œ and æ spelled out.
func deaccent(s string) string {
	if isASCII(s) {
		return s
	}
	for i, r := range s {
		if _, ok := baseLetters[r]; !ok {
			continue
		}
		var b strings.Builder
		b.Grow(len(s) + 1)
		b.WriteString(s[:i])
		for _, r := range s[i:] {
			if base, ok := baseLetters[r]; ok {
				b.WriteString(base)
			} else {
				b.WriteRune(r)
			}
		}
		return b.String()
	}
	return s
}

// accentKey is the alt trie's key of a folded word: without accents and a
// final plural s or x, so "Etats" (folded "etats") finds "État".
func accentKey(f string) string {
	return lightKey(deaccent(f))
}

// reaccent returns word (NFC) with each upper-case ASCII letter that
// stands for an accented letter of term at the same place replaced by
// that letter in upper case ("Etats", "état" → "États"; "OEUVRE", "œuvre"
// → "ŒUVRE"), and whether it replaced any. Letters are aligned from the
// start, so an inflected word keeps its ending.
func reaccent(word, term string) (string, bool) {
	var b strings.Builder
	changed := false
	w, t := 0, 0
	for w < len(word) {
		r, size := utf8.DecodeRuneInString(word[w:])
		var tr rune
		tsize := 0
		if t < len(term) {
			tr, tsize = utf8.DecodeRuneInString(term[t:])
		}
		if 'A' <= r && r <= 'Z' && tsize > 0 {
			if base := baseLetters[tr]; base != "" && strings.EqualFold(word[w:min(w+len(base), len(word))], base) {
				if !changed {
					b.Grow(len(word) + 2)
					b.WriteString(word[:w])
					changed = true
				}
				b.WriteRune(unicode.ToUpper(tr))
				w += len(base)
				t += tsize
				continue
			}
		}
		if changed {
			b.WriteString(word[w : w+size])
		}
		w += size
		t += tsize
	}
	if !changed {
		return word, false
	}
	return b.String(), true
}

// Deaccent returns s with the accents of its Latin letters removed and the
// ligatures œ and æ spelled out ("État" → "Etat", "cœur" → "coeur"). With
// Token.Fold it is the accent- and case-insensitive key of the translation
// memory's concordance search.
func Deaccent(s string) string { return deaccent(s) }
