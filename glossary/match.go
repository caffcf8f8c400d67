package glossary

import (
	"slices"
	"strings"
	"sync"
	"unicode"
)

// Matcher finds the terms of a glossary in source segments. Build it once
// per glossary and language pair; a Matcher is safe for concurrent use.
type Matcher struct {
	a   *Analyzer
	src string
	tgt string
	// The index is a trie over word keys (see wordKey): matching costs one
	// or two map lookups a word whatever the glossary's size. roots holds
	// the first words, edges the next ones; ends[n] are the terms whose last
	// word leads to node n, each verified by matchAt.
	roots map[string]int32
	edges map[edge]int32
	ends  [][]*cterm
	terms int
}

// wordKey is the index key of a folded word and its stem: the stem without
// a final plural s or x. Two forms of one paradigm almost always share it
// (Snowball stems "loi" and "lois" apart, but not their keys); matchAt then
// checks that they really are forms of one word.
func wordKey(stem string) string {
	return lightKey(stem)
}

// edge is a trie edge: from node parent through a word key.
type edge struct {
	parent int32
	key    string
}

// ctok is one word of a compiled term.
type ctok struct {
	text string   // NFC, apostrophes unified: what "exact" compares
	fold string   // Token.Fold
	stem string   // Token.Stem
	gap  string   // the term's own text between the previous word and this one
	caps bool     // written in capitals: matches only as written
	kind wordKind // how it may inflect
}

// cterm is one distinct source term with every entry giving it, in
// priority order.
type cterm struct {
	term    string
	toks    []ctok
	entries []*Entry
	targets []string
}

// NewMatcher compiles the source-language terms of g for matching text in
// language src, with targets in language tgt (both BCP 47; compared by base
// language). Entries of g that give the same term are kept together: the
// first one (highest priority) is the hit's Entry, and the hit's Targets
// list the target terms of all of them, the first entry's first.
func NewMatcher(g *Glossary, src, tgt string) *Matcher {
	m := &Matcher{a: NewAnalyzer(src), src: baseLang(src), tgt: baseLang(tgt), roots: make(map[string]int32), edges: make(map[edge]int32), ends: make([][]*cterm, 1)}
	byKey := make(map[string]*cterm)
	var key strings.Builder
	for _, e := range g.Entries() {
		for _, s := range e.Source(m.src) {
			toks := m.a.appendTokens(nil, s)
			if len(toks) == 0 {
				continue
			}
			for i := range toks {
				toks[i].Stem = m.a.stemUncached(toks[i].Fold)
			}
			key.Reset()
			for _, t := range toks {
				if allCaps(t.Text) {
					key.WriteString(normWord(t.Text))
				} else {
					key.WriteString(t.Fold)
				}
				key.WriteByte(' ')
			}
			ct := byKey[key.String()]
			if ct == nil {
				ct = m.compile(s, toks, e.POS)
				byKey[key.String()] = ct
				m.terms++
				m.insert(ct)
			}
			ct.entries = append(ct.entries, e)
			for _, t := range e.Target(m.tgt) {
				if !contains(ct.targets, t) {
					ct.targets = append(ct.targets, t)
				}
			}
		}
	}
	return m
}

// insert adds ct to the trie.
func (m *Matcher) insert(ct *cterm) {
	n := int32(0)
	for i := range ct.toks {
		n = m.child(n, wordKey(ct.toks[i].stem))
	}
	if !containsTerm(m.ends[n], ct) {
		m.ends[n] = append(m.ends[n], ct)
	}
}

func containsTerm(cs []*cterm, ct *cterm) bool {
	for _, c := range cs {
		if c == ct {
			return true
		}
	}
	return false
}

// child returns the node reached from n through key, creating it.
func (m *Matcher) child(n int32, key string) int32 {
	if c, ok := m.next(n, key); ok {
		return c
	}
	c := int32(len(m.ends))
	m.ends = append(m.ends, nil)
	if n == 0 {
		m.roots[key] = c
	} else {
		m.edges[edge{n, key}] = c
	}
	return c
}

// next returns the node reached from n through key.
func (m *Matcher) next(n int32, key string) (int32, bool) {
	if n == 0 {
		c, ok := m.roots[key]
		return c, ok
	}
	c, ok := m.edges[edge{n, key}]
	return c, ok
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func (m *Matcher) compile(term string, toks []Token, pos string) *cterm {
	ct := &cterm{term: term, toks: make([]ctok, len(toks))}
	afterFunc := false
	for i, t := range toks {
		c := ctok{text: normWord(t.Text), fold: t.Fold, stem: t.Stem, caps: allCaps(t.Text)}
		if i > 0 {
			c.gap = term[toks[i-1].End:t.Start]
		}
		fw := m.a.funcs[t.Fold]
		if fw {
			c.kind = kindFixed
		} else {
			c.kind = m.a.para.kindFor(pos, t.Fold, i == 0, afterFunc)
		}
		afterFunc = afterFunc || (fw && i > 0)
		ct.toks[i] = c
	}
	return ct
}

// lightKey is a folded word without a final plural s or x: a third index
// key for pairs Snowball stems apart ("loi", "lois").
func lightKey(f string) string {
	if n := len(f); n > 3 && (f[n-1] == 's' || f[n-1] == 'x') {
		return f[:n-1]
	}
	return f
}

// Terms returns the number of distinct source terms the matcher knows.
func (m *Matcher) Terms() int { return m.terms }

// Analyzer returns the matcher's source-language analyzer.
func (m *Matcher) Analyzer() *Analyzer { return m.a }

// found is a candidate hit: term ct at tokens [i, i+n).
type found struct {
	i, n int
	how  How
	ct   *cterm
}

type matchBuf struct {
	toks  []Token
	stems []string
	found []found
	used  []bool
}

var matchBufs = sync.Pool{New: func() any { return new(matchBuf) }}

// Match returns the glossary terms found in text: longest terms first (in
// words), never overlapping, sorted by Start. Spans are byte offsets in text.
func (m *Matcher) Match(text string) []Hit {
	if m == nil || m.terms == 0 {
		return nil
	}
	b := matchBufs.Get().(*matchBuf)
	defer matchBufs.Put(b)
	b.toks = m.a.appendTokens(b.toks[:0], text)
	toks := b.toks
	b.stems = b.stems[:0]
	for range toks {
		b.stems = append(b.stems, "")
	}
	b.found = b.found[:0]
	for i := range toks {
		best := found{}
		m.walk(b, text, i, 0, 0, &best)
		if best.n > 0 {
			b.found = append(b.found, best)
		}
	}
	if len(b.found) == 0 {
		return nil
	}
	return m.choose(b, text)
}

// choose keeps the longest candidates that do not overlap, earlier first
// among equals, and returns them as hits sorted by position.
func (m *Matcher) choose(b *matchBuf, text string) []Hit {
	fs := b.found
	sorted := true
	for k := 1; k < len(fs); k++ {
		if fs[k].i < fs[k-1].i+fs[k-1].n {
			sorted = false // some overlap: pick by length
			break
		}
	}
	if !sorted {
		slices.SortStableFunc(fs, func(x, y found) int { return y.n - x.n })
		b.used = b.used[:0]
		for range b.toks {
			b.used = append(b.used, false)
		}
		keep := fs[:0]
		for _, f := range fs {
			free := true
			for t := f.i; t < f.i+f.n; t++ {
				if b.used[t] {
					free = false
					break
				}
			}
			if !free {
				continue
			}
			for t := f.i; t < f.i+f.n; t++ {
				b.used[t] = true
			}
			keep = append(keep, f)
		}
		fs = keep
		slices.SortFunc(fs, func(x, y found) int { return x.i - y.i })
	}
	hits := make([]Hit, len(fs))
	for k, f := range fs {
		s, e := b.toks[f.i].Start, b.toks[f.i+f.n-1].End
		hits[k] = Hit{Start: s, End: e, Text: text[s:e], Term: f.ct.term, Targets: f.ct.targets, How: f.how, Entry: f.ct.entries[0]}
	}
	return hits
}

// walk follows the trie from node n with the word at i+depth and keeps in
// best the longest (then strictest) verified term.
func (m *Matcher) walk(b *matchBuf, text string, i int, n int32, depth int, best *found) {
	if i+depth >= len(b.toks) {
		return
	}
	c, ok := m.next(n, wordKey(m.stemAt(b, i+depth)))
	if !ok {
		return
	}
	if depth+1 >= best.n {
		for _, ct := range m.ends[c] {
			how, ok := m.matchAt(b, text, i, ct)
			if ok && (depth+1 > best.n || howRank(how) < howRank(best.how)) {
				*best = found{i: i, n: depth + 1, how: how, ct: ct}
			}
		}
	}
	m.walk(b, text, i, c, depth+1, best)
}

func howRank(h How) int {
	switch h {
	case HowExact:
		return 0
	case HowFolded:
		return 1
	}
	return 2
}

func (m *Matcher) stemAt(b *matchBuf, i int) string {
	if b.stems[i] == "" {
		b.stems[i] = m.a.Stem(b.toks[i].Fold)
	}
	return b.stems[i]
}

// matchAt reports whether term ct matches the tokens from i, and how.
func (m *Matcher) matchAt(b *matchBuf, text string, i int, ct *cterm) (How, bool) {
	how := HowExact
	for j := range ct.toks {
		c := &ct.toks[j]
		t := &b.toks[i+j]
		if j > 0 {
			if g := text[b.toks[i+j-1].End:t.Start]; g != c.gap && !joinsWords(g) {
				return "", false
			}
		}
		switch {
		case c.caps:
			if normWord(t.Text) != c.text {
				return "", false
			}
		case t.Fold == c.fold:
			if how == HowExact && normWord(t.Text) != c.text {
				how = HowFolded
			}
		case c.kind != kindFixed && m.a.para.sameWord(c.fold, t.Fold, c.kind):
			// The trie already required equal word keys.
			how = HowStemmed
		default:
			return "", false
		}
	}
	return how, true
}

// joinsWords reports whether the text between two words keeps them in one
// term: spaces, hyphens, and elided words ("chef d'État").
func joinsWords(gap string) bool {
	for _, r := range gap {
		if !(unicode.IsSpace(r) || isHyphen(r) || isApostrophe(r) || unicode.IsLetter(r)) {
			return false
		}
	}
	return true
}
