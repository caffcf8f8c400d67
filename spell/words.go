package spell

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Word is a word of a text to check, with its byte span.
type Word struct {
	Start, End int
	Word       string
}

// Words returns the words of text worth checking: runs of letters that may
// hold apostrophes ("aujourd'hui", "l'Union", "don’t") and hyphens (each
// part of "well-known" is a word); not words with digits, acronyms in
// capitals ("NATO", "UE"), single letters, nor the words of URLs, e-mail
// addresses and @handles.
func Words(text string) []Word {
	var out []Word
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			if r == '@' || strings.HasPrefix(text[i:], "://") {
				i = skipToken(text, i)
				continue
			}
			i += size
			continue
		}
		start := i
		end := wordEnd(text, i)
		tok := text[start:end]
		if strings.HasPrefix(text[end:], "://") || hasPrefixFold(text[start:], "www.") ||
			strings.HasPrefix(text[end:], "@") || looksLikeDomain(text, end) {
			i = skipToken(text, start)
			continue
		}
		for _, part := range splitHyphens(tok, start) {
			if keep(part.Word) {
				out = append(out, part)
			}
		}
		i = end
	}
	return out
}

// wordEnd returns the end of the word starting at i: letters, digits,
// marks, and apostrophes or hyphens between letters.
func wordEnd(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			i += size
		case r == '\'' || r == '’' || r == '-' || r == '‑':
			n, _ := utf8.DecodeRuneInString(text[i+size:])
			if !unicode.IsLetter(n) {
				return i
			}
			i += size
		default:
			return i
		}
	}
	return i
}

// skipToken returns the end of the non-space run at i (a URL, an address).
func skipToken(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			return i
		}
		i += size
	}
	return i
}

// looksLikeDomain reports whether text at end continues a domain name:
// labels of lower-case ASCII after dots, then a path or a last label of 2
// to 4 letters ("example.org/path", "trad.example.com."). "ended.Then"
// is a missing space, not a domain.
func looksLikeDomain(text string, end int) bool {
	labels, last := 0, 0
	i := end
	for i+1 < len(text) && text[i] == '.' {
		j := i + 1
		for j < len(text) && (text[j] >= 'a' && text[j] <= 'z' || text[j] >= '0' && text[j] <= '9' || text[j] == '-') {
			j++
		}
		if j == i+1 {
			break
		}
		labels, last, i = labels+1, j-i-1, j
	}
	if labels == 0 {
		return false
	}
	if i < len(text) && text[i] == '/' {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return last >= 2 && last <= 4 && !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

func hasPrefixFold(s, p string) bool {
	return len(s) >= len(p) && strings.EqualFold(s[:len(p)], p)
}

func splitHyphens(tok string, start int) []Word {
	if !strings.ContainsAny(tok, "-‑") {
		return []Word{{start, start + len(tok), tok}}
	}
	var out []Word
	s := 0
	for i, r := range tok {
		if r == '-' || r == '‑' {
			out = append(out, Word{start + s, start + i, tok[s:i]})
			s = i + utf8.RuneLen(r)
		}
	}
	return append(out, Word{start + s, start + len(tok), tok[s:]})
}

// keep reports whether w is to be checked.
func keep(w string) bool {
	if utf8.RuneCountInString(w) < 2 || strings.ContainsFunc(w, unicode.IsDigit) {
		return false
	}
	upper := 0
	for _, r := range w {
		if unicode.IsUpper(r) {
			upper++
		}
	}
	// "NATO", "UE", "PhD", "iPhone": capitals inside a word mark an acronym
	// or a brand. An elided article does not count: "l'Union".
	if i := strings.LastIndexAny(w, "'’"); i >= 0 {
		w = w[i+utf8.RuneLen([]rune(w[i:])[0]):]
	}
	first, _ := utf8.DecodeRuneInString(w)
	return upper == 0 || upper == 1 && unicode.IsUpper(first)
}
