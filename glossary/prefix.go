package glossary

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// French writes many prefixed compounds both solid and hyphenated
// ("antimissile" and "anti-missile", "cyberattaque" and "cyber-attaque",
// "néonazi" and "néo-nazi"). The matcher indexes a term with such a word
// under both spellings, so a glossary lists one of them.

// frenchPrefixes are the prefixes whose compounds French writes either
// way. Longer ones are tried first ("contre" before "co").
var frenchPrefixes = []string{
	"contre", "crypto", "hydro", "inter", "intra", "macro", "micro", "multi", "super", "supra",
	"trans", "ultra", "agro", "anti", "auto", "cyber", "euro", "hyper", "méga", "mini", "mono",
	"nano", "para", "poly", "post", "semi", "bio", "éco", "géo", "néo", "pan", "pré", "pro", "co",
}

func init() {
	// Longest first, so that "contre" wins over "co".
	for i := 1; i < len(frenchPrefixes); i++ {
		for j := i; j > 0 && utf8.RuneCountInString(frenchPrefixes[j]) > utf8.RuneCountInString(frenchPrefixes[j-1]); j-- {
			frenchPrefixes[j], frenchPrefixes[j-1] = frenchPrefixes[j-1], frenchPrefixes[j]
		}
	}
}

// minPrefixRest is the fewest letters a solid compound has after its
// prefix to be split ("antidrone", not "antre").
const minPrefixRest = 3

// prefixVariant returns French term s, of words toks, with each prefixed
// compound written the other way ("anti-missile" → "antimissile",
// "cyberattaque" → "cyber-attaque"), or "" when s has none. info(i) is
// prefixInfo of toks[i].Fold (the matcher's builder keeps it by word). A
// split that is no French word ("co-mmerce" for "commerce") is harmless:
// no text writes it.
func prefixVariant(s string, toks []Token, info func(i int) uint8) string {
	var b strings.Builder
	last := 0 // s[:last] is written
	for i, t := range toks {
		in := info(i)
		if i+1 < len(toks) && in&wholePrefix != 0 {
			if r, size := utf8.DecodeRuneInString(s[t.End:]); isHyphen(r) && t.End+size == toks[i+1].Start {
				b.WriteString(s[last:t.End])
				last = toks[i+1].Start
				continue
			}
		}
		if i > 0 && last == t.Start {
			continue // the second part of a compound just joined
		}
		if n := int(in &^ wholePrefix); n > 0 {
			cut := t.Start
			for k := 0; k < n && cut < t.End; k++ {
				_, size := utf8.DecodeRuneInString(s[cut:])
				cut += size
			}
			if cut >= t.End || !isPrefix(fold(s[t.Start:cut])) {
				continue // folding changed the letters ("ﬀ")
			}
			b.WriteString(s[last:cut])
			b.WriteByte('-')
			last = cut
		}
	}
	if last == 0 {
		return ""
	}
	b.WriteString(s[last:])
	return b.String()
}

// wholePrefix is the bit of prefixInfo set for a word that is a prefix.
const wholePrefix = 0x80

// prefixInfo says whether folded word f is a prefix (wholePrefix) and the
// length in runes of the prefix it starts with (prefixLen).
func prefixInfo(f string) uint8 {
	in := uint8(prefixLen(f))
	if isPrefix(f) {
		in |= wholePrefix
	}
	return in
}

func isPrefix(f string) bool {
	for _, p := range frenchPrefixes {
		if f == p {
			return true
		}
	}
	return false
}

// prefixLen returns the length in runes of the prefix folded word f
// starts with when the rest is a word of at least minPrefixRest letters,
// else 0.
func prefixLen(f string) int {
	for _, p := range frenchPrefixes {
		rest, ok := strings.CutPrefix(f, p)
		if !ok || utf8.RuneCountInString(rest) < minPrefixRest {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(rest); unicode.IsLetter(r) {
			return utf8.RuneCountInString(p)
		}
	}
	return 0
}
