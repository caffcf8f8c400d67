package qa

import (
	"context"
	"fmt"

	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/spell"
)

// Speller finds the misspelt words of a text; *spell.Checker is one. skip
// leaves words out (names copied from the source, glossary words).
type Speller interface {
	CheckSkip(ctx context.Context, text string, skip func(word string) bool) ([]spell.Span, error)
}

// SpellSkip returns the words the spelling check leaves out for a target
// of source (in language srcLang) with glossary hits: capitalised words of
// the source (names, codes copied as they are; a lower-case word copied
// from the source is more likely left untranslated), words of the hits'
// translations and of the project's glossary (p may be nil). The editor passes it to
// spell.Checker.CheckSkip so its underlines agree with `trad qa`.
func SpellSkip(source, srcLang, tgtLang string, hits []glossary.Hit, p *Project) func(word string) bool {
	src, tgt := baseLang(srcLang), baseLang(tgtLang)
	known := map[string]bool{}
	for _, t := range analyzer(src).Tokens(source) {
		if !lowerWord(t.Text) {
			known[t.Fold] = true
		}
	}
	for _, h := range hits {
		for _, term := range h.Targets {
			for _, t := range tokensOfTerm(tgt, term) {
				known[t.Fold] = true
			}
		}
	}
	a := analyzer(tgt)
	// The target analyzer takes off elided articles and possessives:
	// "l'Union" is "union", "Macron's" is "macron".
	return func(w string) bool {
		toks := a.Tokens(w)
		for _, t := range toks {
			if !known[t.Fold] && !p.GlossaryWord(t.Fold) {
				return false
			}
		}
		return len(toks) > 0
	}
}

// checkSpelling reports the target's misspelt words but those SpellSkip
// leaves out. A speller that fails (hunspell gone) reports nothing:
// spelling is a help, not a gate.
func (c *checker) checkSpelling() {
	skip := SpellSkip(c.source, c.src, c.tgt, c.hits, c.ctx.Project)
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
