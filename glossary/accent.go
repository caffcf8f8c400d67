package glossary

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/trad-project/trad/internal/textfold"
)

// French (and Spanish, Portuguese…) often write capitals without their
// accents: "Etats-Unis", "ECOLE", "A partir de". The matcher accepts a
// capital of the text lacking an accent of the term's letter, never a
// lower-case letter: "etat" does not match "État", nor "eleve" "élève".

// baseLetters maps an accented Latin letter (Latin-1, Latin Extended-A and
// -B, Latin Extended Additional) to its letters without marks, by
// textfold's rule: 'é' → "e", 'Ç' → "C", 'œ' → "oe", 'ệ' → "e".
var baseLetters = func() map[rune]string {
	m := map[rune]string{}
	for _, rg := range [][2]rune{{0xC0, 0x250}, {0x1E00, 0x1F00}} {
		for r := rg[0]; r < rg[1]; r++ {
			if b := textfold.Unaccent(string(r)); b != string(r) && isASCII(b) {
				m[r] = b
			}
		}
	}
	return m
}()

// deaccent returns s with its optional marks removed and the ligatures œ
// and æ spelled out, case kept (textfold.Unaccent).
func deaccent(s string) string { return textfold.Unaccent(s) }

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

// Deaccent returns s with its optional marks removed and the ligatures œ
// and æ spelled out ("État" → "Etat", "cœur" → "coeur"; textfold.Unaccent,
// whose package comment says which marks). Over Token.Fold it is the
// accent- and case-insensitive key of the translation memory's
// concordance search (textfold.Loose).
func Deaccent(s string) string { return textfold.Unaccent(s) }
