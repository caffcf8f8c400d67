package mt

import (
	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/qa"
	"github.com/trad-project/trad/segments"
)

// glossaryOnly runs qa's glossary check and nothing else.
var glossaryOnly = func() *qa.Config {
	c := &qa.Config{}
	for _, id := range qa.CheckIDs() {
		if id != qa.CheckGlossary {
			c.Disable = append(c.Disable, id)
		}
	}
	return c
}()

// Ignored returns the hits of r whose target terms text does not use: the
// glossary compliance of a suggestion. It is qa's glossary check (stems,
// currency signs, numbers with scale words), run hit by hit so that each
// ignored term can be shown on its own.
func Ignored(r Request, text string) []glossary.Hit {
	var out []glossary.Hit
	seg := segments.Segment{Source: r.Source, Target: text, Status: segments.StatusTranslated}
	for _, h := range r.Hits {
		if len(h.Targets) == 0 {
			continue
		}
		issues := qa.Check(seg, qa.Context{SourceLang: r.From, TargetLang: r.To, Hits: []glossary.Hit{h}, Config: glossaryOnly})
		for _, is := range issues {
			if is.Check == qa.CheckGlossary {
				out = append(out, h)
				break
			}
		}
	}
	return out
}
