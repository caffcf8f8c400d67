package glossary

import "fmt"

// Duplicates reports the source terms (in language from) that two entries
// of one file give: `trad glossary check` warns about them. Terms are
// compared by their words as written (case kept, an elided article dropped,
// spaces, hyphens and punctuation between words ignored: "chef-d'œuvre" and
// "chef d'œuvre" are one term). Each repeat is a warning at the repeating
// entry's line naming the first one's.
func Duplicates(g *Glossary, from string) []Warning {
	if g == nil {
		return nil
	}
	a := NewAnalyzer(from)
	type at struct {
		file string
		key  string
	}
	seen := make(map[at]int, g.Len())
	var (
		warns []Warning
		toks  []Token
		key   []byte
	)
	for _, e := range g.Entries() {
		for _, t := range e.Source(from) {
			// Only the words' texts are compared: tokens without stems
			// (stemming a million terms took most of the check's time).
			toks = a.appendTokens(toks[:0], t)
			key = key[:0]
			for i, tk := range toks {
				if i > 0 {
					key = append(key, ' ')
				}
				key = append(key, tk.Text...)
			}
			k := at{e.Origin.File, string(key)}
			if prev, ok := seen[k]; ok && prev != e.Origin.Line {
				warns = append(warns, Warning{File: e.Origin.File, Line: e.Origin.Line,
					Msg: fmt.Sprintf("source term %q already defined on line %d", t, prev)})
				continue
			}
			seen[k] = e.Origin.Line
		}
	}
	return warns
}
