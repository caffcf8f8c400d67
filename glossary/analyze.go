package glossary

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/trad-project/trad/internal/memo"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/french"
	"github.com/kljensen/snowball/spanish"
	"github.com/trad-project/trad/internal/script"
	"github.com/trad-project/trad/internal/textfold"
)

// Token is one word of a text as the matcher, the translation memory and QA
// see it.
type Token struct {
	// Start and End are byte offsets of the word in the analysed text. An
	// elided article or pronoun before it ("l'", "qu'") is not part of it.
	Start, End int
	// Text is text[Start:End].
	Text string
	// Fold is Text in NFC, case-folded, with apostrophes unified to "'".
	Fold string
	// Stem is the stem of Fold by the language's Snowball stemmer (Fold
	// itself for languages without one).
	Stem string
}

// Analyzer splits text into tokens for one language: words are runs of
// letters, digits and combining marks; hyphens and other punctuation
// separate them; an apostrophe inside a word is kept ("aujourd'hui") unless
// what precedes it is an elision of the language ("l'", "d'", "jusqu'"),
// which is dropped; each Han, Hiragana, Katakana or Hangul character is a
// token of its own. An Analyzer is safe for concurrent use.
type Analyzer struct {
	lang     string
	elisions map[string]bool
	stemFn   func(string, bool) string
	// stems caches Fold -> Stem: Snowball takes microseconds a word.
	stems memo.Bounded[string]
	para  *paradigm
	funcs map[string]bool // function words, never inflected in terms
}

var elisionsByLang = map[string][]string{
	"fr": {"l", "d", "j", "m", "n", "s", "t", "c", "ç", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"},
	"it": {"l", "d", "un", "dell", "dall", "nell", "sull", "all", "quell", "dev", "c", "s", "n", "m", "t", "v"},
	"ca": {"l", "d", "s", "m", "t", "n"},
}

var functionWords = map[string][]string{
	"fr": {"de", "du", "des", "la", "le", "les", "un", "une", "à", "au", "aux", "en", "et", "ou", "pour", "par", "sur", "sous", "avec", "sans", "dans", "entre", "contre", "vers", "chez"},
	"en": {"of", "the", "a", "an", "and", "or", "for", "to", "in", "on", "with", "by", "from", "at"},
	"es": {"de", "del", "la", "el", "los", "las", "un", "una", "a", "al", "en", "y", "o", "para", "por", "con", "sin", "entre", "contra"},
}

// NewAnalyzer returns the analyzer for a BCP 47 language ("fr", "fr-CA").
// Languages without a Snowball stemmer in trad (all but French, English and
// Spanish) get tokens whose Stem is their Fold, so their terms match exactly
// or folded but not inflected.
func NewAnalyzer(lang string) *Analyzer {
	b := baseLang(lang)
	a := &Analyzer{lang: b}
	if el := elisionsByLang[b]; el != nil {
		a.elisions = make(map[string]bool, len(el))
		for _, e := range el {
			a.elisions[e] = true
		}
	}
	switch b {
	case "fr":
		a.stemFn = french.Stem
	case "en":
		a.stemFn = english.Stem
	case "es":
		a.stemFn = spanish.Stem
	}
	a.para = paradigms[b]
	a.funcs = make(map[string]bool)
	for _, w := range functionWords[b] {
		a.funcs[w] = true
	}
	return a
}

// Lang returns the analyzer's base language.
func (a *Analyzer) Lang() string { return a.lang }

// Tokens returns the tokens of text in order.
func (a *Analyzer) Tokens(text string) []Token {
	toks := a.appendTokens(make([]Token, 0, len(text)/6+1), text)
	for i := range toks {
		toks[i].Stem = a.Stem(toks[i].Fold)
	}
	return toks
}

// AppendWords appends the tokens of text to dst without their stems (Stem
// is empty): what indexes the words of a whole glossary need, where
// stemming every word would be most of the time.
func (a *Analyzer) AppendWords(dst []Token, text string) []Token {
	return a.appendTokens(dst, text)
}

// StemTerm stems a folded word of a glossary term without touching the
// cache: glossary terms are stemmed once, and caching them would crowd
// out the words of the texts, which recur.
func (a *Analyzer) StemTerm(fold string) string {
	if a.stemFn == nil || len(fold) <= 2 {
		return fold
	}
	if v, ok := a.stems.Load(fold); ok {
		return v
	}
	return a.stemFn(fold, false)
}

// Stem returns the stem of a folded word (a Token's Fold).
func (a *Analyzer) Stem(fold string) string {
	if a.stemFn == nil || len(fold) <= 2 {
		return fold
	}
	if v, ok := a.stems.Load(fold); ok {
		return v
	}
	s := a.stemFn(fold, false)
	if s == fold {
		s = fold // keep one copy
	}
	a.stems.Store(fold, s)
	return s
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '\u2019' || r == '\u02BC' || r == '\u2018'
}

// isHyphen reports whether r joins the parts of a compound ("porte-parole").
func isHyphen(r rune) bool {
	return r == '-' || r == '\u2010' || r == '\u2011'
}

func isWordRune(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return utf8.RuneError, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// appendTokens appends the tokens of text to dst with Start, End, Text and
// Fold set (not Stem).
func (a *Analyzer) appendTokens(dst []Token, text string) []Token {
	i := 0
	for i < len(text) {
		r, size := runeAt(text, i)
		if !isWordRune(r) {
			i += size
			continue
		}
		if script.IsIdeograph(r) {
			dst = append(dst, a.token(text, i, i+size))
			i += size
			continue
		}
		start, j := i, i+size
		skip := 0
		prevDigit := unicode.IsDigit(r)
	scan:
		for j < len(text) {
			r, sz := runeAt(text, j)
			switch {
			case isWordRune(r) && !script.IsIdeograph(r):
				prevDigit = unicode.IsDigit(r)
				j += sz
				continue
			case isApostrophe(r):
				nr, nsz := runeAt(text, j+sz)
				if nsz == 0 || !unicode.IsLetter(nr) {
					break scan
				}
				if a.elisions != nil && a.isElision(text[start:j]) && !a.nameApostrophe(text, start, j, j+sz) {
					start = j + sz
					j = start + nsz
					prevDigit = false
					continue
				}
				if a.lang == "en" && (nr == 's' || nr == 'S') {
					if r2, _ := runeAt(text, j+sz+nsz); !isWordRune(r2) {
						skip = sz + nsz // possessive "'s" is not part of the word
						break scan
					}
				}
				j += sz + nsz
				prevDigit = false
				continue
			case (r == '.' || r == ',') && prevDigit:
				// 3,5 and 1.000 are one token.
				if nr, nsz := runeAt(text, j+sz); nsz > 0 && '0' <= nr && nr <= '9' {
					j += sz
					continue
				}
			}
			break
		}
		dst = append(dst, a.token(text, start, j))
		i = j + skip
	}
	return dst
}

// isElision reports whether w (the letters before an apostrophe) is an
// elided word of the language.
func (a *Analyzer) isElision(w string) bool {
	if len(w) > 6 {
		return false
	}
	if isASCII(w) {
		var buf [6]byte
		for i := 0; i < len(w); i++ {
			c := w[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		return a.elisions[string(buf[:len(w)])]
	}
	return a.elisions[strings.ToLower(w)]
}

// pronounElisions are the French elided pronouns and "ne", which come
// before a verb: in lower case, or in capitals in a headline ("N'EST").
var pronounElisions = setOf("J", "M", "N", "S", "T", "C", "Ç")

// nameApostrophe reports whether the apostrophe at text[apos:next] after
// the word text[start:apos] belongs to a name rather than an elision: in
// French, a capital pronoun letter before a capital, in a word not written
// all in capitals ("N'Djamena", "N'Golo", "M'Bappé", not "N'EST").
func (a *Analyzer) nameApostrophe(text string, start, apos, next int) bool {
	if a.lang != "fr" || !pronounElisions[text[start:apos]] {
		return false
	}
	r, size := runeAt(text, next)
	if !unicode.IsUpper(r) {
		return false
	}
	for i := next + size; i < len(text); {
		r, size := runeAt(text, i)
		if !isWordRune(r) {
			break
		}
		if unicode.IsLower(r) {
			return true
		}
		i += size
	}
	return false
}

func (a *Analyzer) token(text string, start, end int) Token {
	s := text[start:end]
	return Token{Start: start, End: end, Text: s, Fold: fold(s)}
}

// fold is the glossary's case-insensitive key, Token.Fold: textfold.Fold
// (NFC, apostrophes unified, case folded; lower-case words without
// allocating).
func fold(s string) string { return textfold.Fold(s) }

// normWord returns s in NFC with apostrophes unified to "'": what "exact"
// compares (textfold.Norm).
func normWord(s string) string { return textfold.Norm(s) }

// AllCaps reports whether a word is written in capitals (it has letters and
// none in lower case: IA, UE, 5G, X). The matcher, and the QA glossary check
// on the target side, compare such words only as written.
func AllCaps(s string) bool {
	letters := false
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters = true
		}
	}
	return letters
}

// startsUpper reports whether s starts with an upper-case letter.
func startsUpper(s string) bool {
	r, _ := runeAt(s, 0)
	return unicode.IsUpper(r)
}

// hasUpper reports whether s has an upper-case letter: a word with none is
// written all in lower case and cannot be a capitalised name.
func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			for _, r := range s[i:] {
				if unicode.IsUpper(r) || unicode.IsTitle(r) {
					return true
				}
			}
			return false
		}
		if 'A' <= c && c <= 'Z' {
			return true
		}
	}
	return false
}
