package spell

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/trad-project/trad/internal/links"
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
// addresses, @handles and bare domains (internal/links finds them).
func Words(text string) []Word {
	var out []Word
	ls := links.Find(text)
	for i := 0; i < len(text); {
		if len(ls) > 0 && i >= ls[0].Start {
			if i < ls[0].End {
				i = ls[0].End
			}
			ls = ls[1:]
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += size
			continue
		}
		start := i
		end := wordEnd(text, i)
		if len(ls) > 0 && end > ls[0].Start {
			// A word running into a link ("voir:https://…"): only its
			// part before the link is a word.
			end = ls[0].Start
		}
		for _, part := range splitHyphens(text[start:end], start) {
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
