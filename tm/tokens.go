package tm

import (
	"strings"

	"github.com/trad-project/trad/segments"
)

// token is one word of a segment as the memory compares it. Words come from
// the glossary's Analyzer (Fold: NFC, case-folded, apostrophes unified,
// elision stripped; Stem: snowball stem of Fold); numbers are merged into
// one token each, with Fold "#" plus their canonical value and Stem "#", so
// two numbers align as an inflection-like difference.
type token struct {
	Start, End int
	Fold, Stem string
	num        bool
}

// tokenizer splits a text into words. Production code uses the glossary's
// Analyzer for the memory's source language.
type tokenizer func(text string) []token

// analysis is a text prepared for matching.
type analysis struct {
	toks []token
	nums []number
	// fold is the folded words joined by spaces, the string compared by
	// the character-level similarity.
	fold string
}

func analyze(text, lang string, tok tokenizer) analysis {
	nums := findNumbers(text, lang)
	words := tok(text)
	toks := make([]token, 0, len(words)+len(nums))
	ni := 0
	for _, w := range words {
		for ni < len(nums) && nums[ni].End <= w.Start {
			toks = append(toks, numToken(text, nums[ni]))
			ni++
		}
		if ni < len(nums) && w.Start < nums[ni].End && w.End > nums[ni].Start {
			continue // part of a number the analyzer split ("3", "5" of 3,5)
		}
		toks = append(toks, w)
	}
	for ; ni < len(nums); ni++ {
		toks = append(toks, numToken(text, nums[ni]))
	}
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Fold)
	}
	return analysis{toks: toks, nums: nums, fold: b.String()}
}

func numToken(text string, n number) token {
	return token{Start: n.Start, End: n.End, Fold: "#" + n.Value, Stem: "#", num: true}
}

// collapseSpace trims s and replaces every run of white space by one space.
func collapseSpace(s string) string { return segments.CollapseSpace(s) }

// normKey is the form two sources must share to be an exact match: NFC with
// white space collapsed. Case and punctuation count.
func normKey(s string) string { return segments.SourceKey(s) }
