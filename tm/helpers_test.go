package tm

import (
	"strings"
	"unicode"
)

// wordTokenizer is a stand-in analyzer for tests of the matching machinery
// that do not depend on the glossary's stemmer: words are runs of letters
// and digits, folded to lower case, a French elision (l', d', qu') is
// stripped and the stem is the fold without a final "s".
func wordTokenizer(text string) []token {
	var out []token
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := text[start:end]
		fold := strings.ToLower(strings.ReplaceAll(w, "’", "'"))
		off := 0
		if i := strings.IndexByte(fold, '\''); i > 0 && i <= 3 {
			fold = fold[i+1:]
			off = i + 1
		}
		stem := strings.TrimSuffix(fold, "s")
		out = append(out, token{Start: start + off, End: end, Fold: fold, Stem: stem})
		start = -1
	}
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || (start >= 0 && (r == '\'' || r == '’')) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(text))
	return out
}

// newTestMemory returns an empty fr→en memory with the test tokenizer.
func newTestMemory() *Memory { return newMemory("fr", "en", wordTokenizer) }
