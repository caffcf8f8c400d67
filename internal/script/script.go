// Package script answers questions about a character's writing system
// that several of trad's packages ask. IsIdeograph is the one test for
// "a character that is a word, or a syllable, by itself": segments counts
// each as a word (as CAT tools do), glossary tokenizes them one by one,
// and numfmt reads digits glued to them as numbers (Chinese and Japanese
// write no space before a number). segments' sentence splitter has its own
// narrower set on purpose (split_text.go isCJK: Korean separates its
// sentences with spaces).
package script

import "unicode"

// IsIdeograph reports whether r is a Han character, kana or Hangul.
func IsIdeograph(r rune) bool {
	return r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r))
}
