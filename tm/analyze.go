package tm

import "github.com/trad-project/trad/glossary"

// analyzerTokenizer adapts the glossary's Analyzer, the one text analysis
// trad shares between the glossary matcher, the memory and QA.
func analyzerTokenizer(lang string) tokenizer {
	a := glossary.NewAnalyzer(lang)
	return func(text string) []token {
		gt := a.Tokens(text)
		out := make([]token, len(gt))
		for i, t := range gt {
			out[i] = token{Start: t.Start, End: t.End, Fold: t.Fold, Stem: t.Stem}
		}
		return out
	}
}
