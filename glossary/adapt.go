package glossary

import (
	"strings"
	"unicode"
	"unicode/utf8"

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

// capitalFirst puts the first word of s in title case for lang (its first
// letter, or the Dutch digraph: "IJsselmeer"), unless that word has a
// capital after its first letter ("iPhone", "eBay") or is the clitic of a
// name after an apostrophe ("'s-Hertogenbosch", "'t Hooft").
func capitalFirst(s, lang string) string {
	i := strings.IndexFunc(s, unicode.IsLetter)
	if i < 0 {
		return s
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if unicode.IsUpper(r) || unicode.IsTitle(r) {
		return s
	}
	// The word's letters, with the combining marks that belong to them.
	end := len(s)
	if k := strings.IndexFunc(s[i+size:], func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsMark(r) }); k >= 0 {
		end = i + size + k
	}
	word := s[i:end]
	if strings.ContainsFunc(word[size:], unicode.IsUpper) || apostropheClitic(s[:i], word, s[end:]) {
		return s
	}
	tag, _ := language.Parse(lang)
	return s[:i] + cases.Title(tag, cases.NoLower).String(word) + s[end:]
}

// apostropheClitic reports whether word, after before and followed by
// after, is the elided article of a name that stays in lower case at the
// start of a sentence: an apostrophe, one or two letters, then a hyphen or
// a space ("'s-Hertogenbosch", "'t Hooft").
func apostropheClitic(before, word, after string) bool {
	return (strings.HasSuffix(before, "'") || strings.HasSuffix(before, "’")) &&
		utf8.RuneCountInString(word) <= 2 && (strings.HasPrefix(after, "-") || strings.HasPrefix(after, " "))
}
