package glossary

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gobuffalo/flect"
	"golang.org/x/text/cases"
	"golang.org/x/text/language"
)

// AdaptTarget returns target (one of hit.Targets) as it should be
// inserted in a translation in language tgtLang:
//
//   - in the plural when hit.Plural and the entry is a noun (POS "noun" or
//     unknown): English targets pluralise their head noun (the last word
//     before a preposition: "export control" → "export controls", "chief
//     of staff" → "chiefs of staff") with github.com/gobuffalo/flect, which
//     knows irregular and invariable nouns ("child" → "children", "news").
//     Other target languages are left unchanged: trad has no rule for them
//     it could trust on multi-word terms, whose adjectives agree too.
//   - with its first letter in title case when atSentenceStart, by the
//     rules of tgtLang (x/text/cases); the rest is kept as written, and a
//     first word already in mixed case ("iPhone", "eBay") is left alone.
func AdaptTarget(hit Hit, target string, atSentenceStart bool, tgtLang string) string {
	if hit.Plural && baseLang(tgtLang) == "en" && (hit.Entry == nil || hit.Entry.POS == "" || hit.Entry.POS == "noun") {
		target = pluralEnglish(target)
	}
	if atSentenceStart {
		target = capitalFirst(target, tgtLang)
	}
	return target
}

// SentenceStart reports whether text inserted at byte offset at of text
// (a translation being typed) starts a sentence, for AdaptTarget's
// atSentenceStart: only spaces, quotes, brackets and dashes lie between at
// and the start of text or a ".", "!", "?" or "…". A colon does not start
// a sentence in the target languages trad writes.
func SentenceStart(text string, at int) bool {
	if at < 0 || at > len(text) {
		return false
	}
	return sentenceStart(text, at, ".!?…")
}

// pluralEnglish returns the plural of English noun phrase s by
// pluralising its head word; words in capitals of two letters or less
// ("US", "EU") and phrases without a head are kept as they are.
func pluralEnglish(s string) string {
	start, end := -1, -1
words:
	for i := 0; i < len(s); {
		j := len(s)
		if k := strings.IndexByte(s[i:], ' '); k >= 0 {
			j = i + k
		}
		switch w := s[i:j]; {
		case w == "":
		case englishPrepositions[strings.ToLower(w)] || w[0] == '(' || w[0] == '[':
			// "chief of staff", "cloud (computing)": the head is before.
			if start >= 0 {
				break words
			}
		default:
			start, end = i, j
		}
		i = j + 1
	}
	if start < 0 {
		return s
	}
	w := s[start:end]
	if utf8.RuneCountInString(w) <= 2 && !strings.ContainsFunc(w, unicode.IsLower) {
		return s
	}
	return s[:start] + flect.Pluralize(w) + s[end:]
}

// englishPrepositions end an English noun phrase's head ("chief of
// staff", "freedom of the press").
var englishPrepositions = setOf("of", "in", "for", "to", "on", "with", "by", "from", "at", "under", "over", "against", "between", "without")

// capitalFirst puts the first letter of s in title case for lang, unless
// its first word has a capital after its first letter.
func capitalFirst(s, lang string) string {
	i := strings.IndexFunc(s, unicode.IsLetter)
	if i < 0 {
		return s
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if unicode.IsUpper(r) || unicode.IsTitle(r) {
		return s
	}
	word := s[i+size:]
	if k := strings.IndexFunc(word, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsMark(r) }); k >= 0 {
		word = word[:k]
	}
	if strings.ContainsFunc(word, unicode.IsUpper) {
		return s // "iPhone", "eBay"
	}
	// A combining mark after the letter belongs to it.
	end := i + size
	for end < len(s) {
		m, n := utf8.DecodeRuneInString(s[end:])
		if !unicode.IsMark(m) {
			break
		}
		end += n
	}
	tag, _ := language.Parse(lang)
	return s[:i] + cases.Title(tag).String(s[i:end]) + s[end:]
}
