package analyze

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/trad-project/trad/segments"
)

// Words counts the words of a segment's source as memoQ and Trados Studio
// count them for an analysis: as segments.WordCount (trad stats) does —
// a word is a run of letters and digits, an apostrophe between letters
// ("l'homme") and a decimal or thousands separator between digits
// ("1.2", "3,5", "10 000") do not break it, a number is a word, symbols
// and punctuation alone ("%", "—") are not, each Han, kana or Hangul
// character is one — except that a hyphen between two word characters
// does not break a word either: "up-to-date", "peut-être" and "COVID-19"
// count one, as in both tools (trad stats counts them as OmegaT does,
// two or three). A slash does break: "he/she" is two words. Inline tags
// are not in the text, so they are never words (Count.Tags counts them).
func Words(s string) int {
	if !strings.ContainsFunc(s, isHyphen) {
		return segments.WordCount(s)
	}
	return segments.WordCount(joinHyphens(s))
}

// isHyphen reports whether r is a hyphen that joins the parts of a
// compound word (not a dash).
func isHyphen(r rune) bool {
	return r == '-' || r == '\u2010' || r == '\u2011'
}

// joinHyphens replaces each hyphen between two letters or digits by a
// letter, so that WordCount sees one word.
func joinHyphens(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	var prev rune
	for i, r := range s {
		if isHyphen(r) && isWordRune(prev) {
			if next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):]); isWordRune(next) {
				b.WriteByte('x')
				prev = 'x'
				continue
			}
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// isWordRune reports whether r is a letter or digit of a word that a
// hyphen may join ("Han-zi" yes, "中-国" no: each ideograph is a word).
func isWordRune(r rune) bool {
	return (unicode.IsLetter(r) || unicode.IsDigit(r)) &&
		!unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}
