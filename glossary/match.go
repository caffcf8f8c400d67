package glossary

import (
	"sort"
	"strings"
	"sync"
	"unicode"
)

// Matcher finds the terms of a glossary in source segments. Build it once
// per glossary and language pair; a Matcher is safe for concurrent use.
type Matcher struct {
	a     *Analyzer
	src   string
	tgt   string
	index map[string][]*cterm // first-word key -> terms, most words first
	terms int
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
	m := &Matcher{a: NewAnalyzer(src), src: baseLang(src), tgt: baseLang(tgt), index: make(map[string][]*cterm)}
	byKey := make(map[string]*cterm)
	var key strings.Builder
	for _, e := range g.Entries() {
		for _, s := range e.Source(m.src) {
			toks := m.a.Tokens(s)
			if len(toks) == 0 {
				continue
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
				t0 := ct.toks[0]
				m.add(t0.fold, ct)
				if t0.stem != t0.fold {
					m.add(t0.stem, ct)
				}
				if l := lightKey(t0.fold); l != t0.fold && l != t0.stem {
					m.add(l, ct)
				}
			}
			ct.entries = append(ct.entries, e)
			for _, t := range e.Target(m.tgt) {
				if !contains(ct.targets, t) {
					ct.targets = append(ct.targets, t)
				}
			}
		}
	}
	for _, cs := range m.index {
		sort.SliceStable(cs, func(i, j int) bool { return len(cs[i].toks) > len(cs[j].toks) })
	}
	return m
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func (m *Matcher) add(key string, ct *cterm) {
	m.index[key] = append(m.index[key], ct)
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

var howRank = map[How]int{HowExact: 0, HowFolded: 1, HowStemmed: 2}

// Match returns the glossary terms found in text: longest terms first (in
// words), never overlapping, sorted by Start. Spans are byte offsets in text.
func (m *Matcher) Match(text string) []Hit {
	if m == nil || len(m.index) == 0 {
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
	var keys [3]string
	for i := range toks {
		f := toks[i].Fold
		keys[0], keys[1], keys[2] = f, m.stemAt(b, i), lightKey(f)
		best := found{n: 0}
		for k, key := range keys {
			if (k == 1 && key == keys[0]) || (k == 2 && (key == keys[0] || key == keys[1])) {
				continue
			}
			for _, ct := range m.index[key] {
				n := len(ct.toks)
				if n < best.n {
					break
				}
				if i+n > len(toks) {
					continue
				}
				how, ok := m.matchAt(b, text, i, ct)
				if ok && (n > best.n || howRank[how] < howRank[best.how]) {
					best = found{i: i, n: n, how: how, ct: ct}
				}
			}
		}
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
		sort.SliceStable(fs, func(x, y int) bool { return fs[x].n > fs[y].n })
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
		sort.Slice(fs, func(x, y int) bool { return fs[x].i < fs[y].i })
	}
	hits := make([]Hit, len(fs))
	for k, f := range fs {
		s, e := b.toks[f.i].Start, b.toks[f.i+f.n-1].End
		hits[k] = Hit{Start: s, End: e, Text: text[s:e], Term: f.ct.term, Targets: f.ct.targets, How: f.how, Entry: f.ct.entries[0]}
	}
	return hits
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
		case c.kind != kindFixed &&
			(m.stemAt(b, i+j) == c.stem || lightKey(t.Fold) == lightKey(c.fold)) &&
			m.a.para.sameWord(c.fold, t.Fold, c.kind):
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
