package qa

import (
	"iter"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/segments"
)

// HitFinder finds glossary terms in a source text; *glossary.Matcher is one.
type HitFinder interface {
	Match(text string) []glossary.Hit
}

// Project is what the checks know beyond one segment: the glossary's
// longer entries, the glossary's target words (never misspelt), and how
// the translator rendered each glossary term in the project's other
// segments. Build it with NewProject; it is not changed afterwards and is
// safe for concurrent use. Rebuild it when many targets changed (the
// editor can do so in a command after a confirm).
type Project struct {
	src, tgt string
	hits     [][]glossary.Hit
	// longer indexes the glossary's multi-word source terms by the stems
	// of their content words.
	longer map[string][]*longTerm
	// words holds the folds of every word of the glossary's target terms.
	words map[string]bool
	// stems are the content-word stems of each segment's target; df
	// counts the targets holding each stem.
	stems []map[string]bool
	df    map[string]int
	// missing lists, per glossary term, the segments whose target has
	// none of the term's glossary translations.
	missing map[string][]int
}

type longTerm struct {
	stems   []string // content-word stems of the source term
	targets []string
}

// NewProject indexes glossary g (nil: none) for src → tgt and, when doc is
// not nil, finds the glossary terms of its translated segments with f (nil:
// none). Hits returns them.
func NewProject(src, tgt string, g *glossary.Glossary, f HitFinder, doc *segments.Document) *Project {
	if doc == nil {
		return NewProjectOf(src, tgt, g, f, 0, nil)
	}
	return newProject(src, tgt, g, f, len(doc.Segments), func(yield func(int, *segments.Segment) bool) {
		for i := range doc.Segments {
			if !yield(i, &doc.Segments[i]) {
				return
			}
		}
	})
}

// NewProjectOf is NewProject for a document of n segments of which segs
// are the translated ones, each at its Index: what an editor copies of a
// large document for a command (only the few segments with a target, not
// half a million). The other segments of segs are skipped as NewProject
// skips them.
func NewProjectOf(src, tgt string, g *glossary.Glossary, f HitFinder, n int, segs []segments.Segment) *Project {
	return newProject(src, tgt, g, f, n, func(yield func(int, *segments.Segment) bool) {
		for k := range segs {
			if i := segs[k].Index; i >= 0 && i < n && !yield(i, &segs[k]) {
				return
			}
		}
	})
}

func newProject(src, tgt string, g *glossary.Glossary, f HitFinder, n int, segs iter.Seq2[int, *segments.Segment]) *Project {
	p := &Project{src: baseLang(src), tgt: baseLang(tgt), longer: map[string][]*longTerm{}, words: map[string]bool{},
		df: map[string]int{}, missing: map[string][]int{}}
	if g != nil {
		ix := glossaryIndexOf(g, p.src, p.tgt)
		p.longer, p.words = ix.longer, ix.words
	}
	if segs == nil || n == 0 {
		return p
	}
	p.hits = make([][]glossary.Hit, n)
	p.stems = make([]map[string]bool, n)
	ta := analyzer(p.tgt)
	for i, seg := range segs {
		if strings.TrimSpace(seg.Target) == "" {
			continue
		}
		toks := ta.Tokens(seg.Target)
		p.stems[i] = contentStems(toks)
		for st := range p.stems[i] {
			p.df[st]++
		}
		if f == nil {
			continue
		}
		p.hits[i] = f.Match(seg.Source)
		for _, h := range p.hits[i] {
			if len(h.Targets) > 0 && !hasAnyTerm(toks, p.tgt, h.Targets) {
				k := hitKey(h)
				p.missing[k] = append(p.missing[k], i)
			}
		}
	}
	return p
}

// glossIndex is what a Project needs of the glossary alone: its
// multi-word source terms by content stem, and its target words.
type glossIndex struct {
	longer map[string][]*longTerm
	words  map[string]bool
}

// lastIndex keeps the index of the last glossary and language pair: the
// editor builds a Project again after confirms, with the same glossary,
// and indexing a glossary of a million terms takes seconds.
var lastIndex struct {
	sync.Mutex
	g        *glossary.Glossary
	src, tgt string
	ix       *glossIndex
}

// glossaryIndexOf returns the index of g for src → tgt, built once.
func glossaryIndexOf(g *glossary.Glossary, src, tgt string) *glossIndex {
	lastIndex.Lock()
	defer lastIndex.Unlock()
	if lastIndex.g != g || lastIndex.src != src || lastIndex.tgt != tgt {
		lastIndex.g, lastIndex.src, lastIndex.tgt, lastIndex.ix = g, src, tgt, indexGlossary(g, src, tgt)
	}
	return lastIndex.ix
}

// indexGlossary indexes the entries of g with a source and a target term.
// Words are stemmed only where needed (the content words of multi-word
// source terms), and without filling the analyzer's cache.
func indexGlossary(g *glossary.Glossary, src, tgt string) *glossIndex {
	ix := &glossIndex{longer: map[string][]*longTerm{}, words: map[string]bool{}}
	sa, ta := analyzer(src), analyzer(tgt)
	var toks []glossary.Token
	// Terms share their words: each is stemmed once, in a cache of this
	// index's own.
	stems := map[string]string{}
	for _, e := range g.Entries() {
		tgts := e.Target(tgt)
		if len(tgts) == 0 || len(e.Source(src)) == 0 {
			continue
		}
		for _, t := range tgts {
			toks = ta.AppendWords(toks[:0], t)
			for _, tok := range toks {
				ix.words[tok.Fold] = true
			}
		}
		for _, s := range e.Source(src) {
			toks = sa.AppendWords(toks[:0], s)
			if len(toks) < 2 {
				continue
			}
			for i := range toks {
				if f := toks[i].Fold; contentWord(f) {
					st, ok := stems[f]
					if !ok {
						st = sa.StemTerm(f)
						stems[f] = st
					}
					toks[i].Stem = st
				}
			}
			lt := &longTerm{targets: tgts}
			for st := range contentStems(toks) {
				lt.stems = append(lt.stems, st)
			}
			for _, st := range lt.stems {
				ix.longer[st] = append(ix.longer[st], lt)
			}
		}
	}
	return ix
}

// Hits returns the glossary hits of segment i found by NewProject.
func (p *Project) Hits(i int) []glossary.Hit {
	if p == nil || i < 0 || i >= len(p.hits) {
		return nil
	}
	return p.hits[i]
}

// GlossaryWord reports whether fold is a word of a glossary target term.
func (p *Project) GlossaryWord(fold string) bool { return p != nil && p.words[fold] }

// hitKey identifies a hit's glossary term across segments.
func hitKey(h glossary.Hit) string { return h.Term + "\x00" + strings.Join(h.Targets, "\x00") }

// contentStems returns the stems of the words of toks long enough to carry
// meaning (4 letters or more, no digits): "the", "les", "sur" say nothing
// about a rendering.
func contentStems(toks []glossary.Token) map[string]bool {
	m := make(map[string]bool, len(toks))
	for _, t := range toks {
		if contentWord(t.Fold) {
			m[t.Stem] = true
		}
	}
	return m
}

// contentWord reports whether folded word f is long enough to carry
// meaning (see contentStems).
func contentWord(f string) bool {
	return utf8.RuneCountInString(f) >= 4 && !strings.ContainsAny(f, "0123456789")
}

// hasAnyTerm reports whether toks hold one of terms (in language lang).
func hasAnyTerm(toks []glossary.Token, lang string, terms []string) bool {
	for _, term := range terms {
		if hasTerm(lang, toks, tokensOfTerm(lang, term)) {
			return true
		}
	}
	return false
}

// coveredByLonger reports whether a longer glossary entry holding hit h's
// words, whose other content words are all in the source too, has its
// translation in the target: "règlement européen sur les puces" rendered
// "European Chips Act" satisfies "règlement" and "puces" through the
// entry "règlement sur les puces" → "Chips Act".
func (p *Project) coveredByLonger(h glossary.Hit, srcStems map[string]bool, toks []glossary.Token) bool {
	if p == nil || len(p.longer) == 0 {
		return false
	}
	hs := contentStems(analyzer(p.src).Tokens(h.Text))
	for st := range hs {
	next:
		for _, lt := range p.longer[st] {
			if len(lt.stems) <= len(hs) {
				continue
			}
			for _, s := range lt.stems {
				if !srcStems[s] {
					continue next
				}
			}
			if hasAnyTerm(toks, p.tgt, lt.targets) {
				return true
			}
		}
		break // every longer entry holding h holds its first stem
	}
	return false
}

// usedElsewhere reports whether the target of segment i shares a word with
// the target of another segment whose source has the same glossary term
// and whose target also lacks the glossary's translations: the translator
// rendered the term the same way twice. A word common in targets without
// the term ("government", "said") is no evidence.
func (p *Project) usedElsewhere(h glossary.Hit, i int, toks []glossary.Token) bool {
	if p == nil {
		return false
	}
	others := p.missing[hitKey(h)]
	if len(others) == 0 {
		return false
	}
	for st := range contentStems(toks) {
		with := 0
		for _, j := range others {
			if j != i && j < len(p.stems) && p.stems[j][st] {
				with++
			}
		}
		if with == 0 {
			continue
		}
		// df counts segment i too when it is part of the project.
		self := 0
		if i >= 0 && i < len(p.stems) && p.stems[i][st] {
			self = 1
		}
		if without := p.df[st] - with - self; without < with {
			return true
		}
	}
	return false
}
