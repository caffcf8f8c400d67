package qa

import (
	"context"
	"fmt"

	"github.com/trad-project/trad/spell"
)

// Speller finds the misspelt words of a text; *spell.Checker is one. skip
// leaves words out (names copied from the source, glossary words).
type Speller interface {
	CheckSkip(ctx context.Context, text string, skip func(word string) bool) ([]spell.Span, error)
}

// checkSpelling reports the target's misspelt words, except words of the
// source (names, codes copied as they are) and words of the segment's
// glossary translations or of the glossary. A speller that fails (hunspell
// gone) reports nothing: spelling is a help, not a gate.
func (c *checker) checkSpelling() {
	srcWords := map[string]bool{}
	for _, t := range analyzer(c.src).Tokens(c.source) {
		srcWords[t.Fold] = true
	}
	for _, h := range c.hits {
		for _, term := range h.Targets {
			for _, t := range tokensOfTerm(c.tgt, term) {
				srcWords[t.Fold] = true
			}
		}
	}
	a := analyzer(c.tgt)
	// The target analyzer takes off elided articles and possessives:
	// "l'Union" is "union", "Macron's" is "macron".
	skip := func(w string) bool {
		toks := a.Tokens(w)
		for _, t := range toks {
			if !srcWords[t.Fold] && !c.ctx.Project.GlossaryWord(t.Fold) {
				return false
			}
		}
		return len(toks) > 0
	}
	ctx := c.ctx.Ctx
	if ctx == nil {
		ctx = context.Background()
	}
	spans, err := c.ctx.Spell.CheckSkip(ctx, c.target, skip)
	if err != nil {
		return
	}
	for _, sp := range spans {
		c.add(CheckSpelling, fmt.Sprintf("%s is not in the dictionary", quote(sp.Word)), sp.Start, sp.End)
	}
}
