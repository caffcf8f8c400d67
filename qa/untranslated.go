package qa

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// minCopiedWords is how many lower-case words of the source, left in the
// target and unknown to the target language's dictionary, make a target
// partly untranslated: one or two may be a quoted term ("laïcité").
const minCopiedWords = 3

// checkCopiedWords reports a target that keeps several lower-case words of
// the source the target language does not have ("The government announced
// un plan de soutien aux agriculteurs"): a sentence partly left
// untranslated. Names (capitalised) and words the target dictionary
// accepts ("plan", "restaurant") do not count. Needs the speller.
func (c *checker) checkCopiedWords() {
	src := map[string]bool{}
	for _, t := range analyzer(c.src).Tokens(c.source) {
		if lowerWord(t.Text) {
			src[t.Fold] = true
		}
	}
	var copied []string
	seen := map[string]bool{}
	for _, t := range c.targetTokens() {
		if src[t.Fold] && lowerWord(t.Text) && !seen[t.Fold] {
			seen[t.Fold] = true
			copied = append(copied, t.Text)
		}
	}
	if len(copied) < minCopiedWords {
		return
	}
	ctx := c.ctx.Ctx
	if ctx == nil {
		ctx = context.Background()
	}
	spans, err := c.ctx.Spell.CheckSkip(ctx, strings.Join(copied, " "), nil)
	if err != nil || len(spans) < minCopiedWords {
		return
	}
	words := make([]string, len(spans))
	for i, sp := range spans {
		words[i] = sp.Word
	}
	c.add(CheckCopiedWords, fmt.Sprintf("%d words of the source left untranslated: %s", len(words), quote(strings.Join(words, " "))), 0, 0)
}

// lowerWord reports whether w is a lower-case word of two letters or more.
func lowerWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return utf8.RuneCountInString(w) >= 2 && unicode.IsLower(r) && !strings.ContainsFunc(w, unicode.IsDigit)
}
