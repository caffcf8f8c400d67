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
	// main indexes every term by the word keys of its words (see wordKey):
	// matching costs one or two map lookups a word whatever the glossary's
	// size.
	main trie
	// alt indexes the terms having an accented letter by accentKey, for
	// text that writes capitals without their accents ("Etats-Unis" for
	// "États-Unis"). It is only walked near a word with one of the
	// capitals in caps, and matchAt accepts a missing accent only on an
	// upper-case letter.
	alt trie
	// caps has bit c-'A' set for each ASCII capital c that stands for an
	// accented letter of a term in alt ('E' for "é", 'O' for "œ").
	caps  uint32
	terms int
}

// trie is an index of terms by word keys: roots holds the first words,
// edges the next ones; ends[n] are the terms whose last word leads to node
// n, each verified by matchAt.
type trie struct {
	roots map[string]int32
	edges map[edge]int32
	ends  [][]*cterm
	// maxWords is the number of words of the longest term indexed.
	maxWords int
}

func newTrie() trie {
	return trie{roots: make(map[string]int32), edges: make(map[edge]int32), ends: make([][]*cterm, 1)}
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
	// capital is set for a word starting with a capital, not all in
	// capitals ("Orange", "Vingt-Sept"): a name, which a text word
	// written all in lower case ("orange", "vingt-sept") does not match.
	capital bool
}

// cterm is one distinct source term with every entry giving it, in
// priority order.
type cterm struct {
	term    string
	toks    []ctok
	entries []*Entry
	targets []string
	// guards holds the compiled guard of each entry (nil: none), or is
	// nil when no entry has one.
	guards []*cguard
}

// MaxTermWords is the longest term, in words, the matcher looks for:
// longer ones (which readers warn about) are left out, so matching stays
// linear in the text whatever the glossary holds.
const MaxTermWords = 32

// NewMatcher compiles the source-language terms of g for matching text in
// language src, with targets in language tgt (both BCP 47; compared by base
// language). Entries of g that give the same term are kept together: the
// first one (highest priority) is the hit's Entry, and the hit's Targets
// list the target terms of all of them, the first entry's first.
func NewMatcher(g *Glossary, src, tgt string) *Matcher {
	m := &Matcher{a: NewAnalyzer(src), src: baseLang(src), tgt: baseLang(tgt), main: newTrie(), alt: newTrie()}
	byKey := make(map[string]*cterm)
	guards := make(map[string]*cguard)
	var key strings.Builder
	for _, e := range g.Entries() {
		guard, ok := guards[e.Guard]
		if !ok {
			guard = m.compileGuard(e.Guard)
			guards[e.Guard] = guard
		}
		for _, s := range e.Source(m.src) {
			toks := m.a.appendTokens(nil, s)
			if len(toks) == 0 || len(toks) > MaxTermWords {
				continue
			}
			for i := range toks {
				toks[i].Stem = m.a.stemUncached(toks[i].Fold)
			}
			key.Reset()
			for _, t := range toks {
				switch {
				case AllCaps(t.Text):
					key.WriteString(normWord(t.Text))
				case startsUpper(t.Text):
					// "Internet" and "internet" match different texts.
					key.WriteByte('^')
					key.WriteString(t.Fold)
				default:
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
			if guard != nil && ct.guards == nil {
				ct.guards = make([]*cguard, len(ct.entries))
			}
			ct.entries = append(ct.entries, e)
			if ct.guards != nil {
				ct.guards = append(ct.guards, guard)
			}
			for _, t := range e.Target(m.tgt) {
				if !contains(ct.targets, t) {
					ct.targets = append(ct.targets, t)
				}
			}
		}
	}
	return m
}

// insert adds ct to the main trie under its words' stem keys, and to the
// alt trie under their accent keys when one of them has an accent.
func (m *Matcher) insert(ct *cterm) {
	keys := make([]string, len(ct.toks))
	for i := range ct.toks {
		keys[i] = wordKey(ct.toks[i].stem)
	}
	m.main.insert(keys, ct)
	accented := false
	for i := range ct.toks {
		keys[i] = accentKey(ct.toks[i].fold)
		accented = accented || keys[i] != lightKey(ct.toks[i].fold)
	}
	if !accented {
		return
	}
	m.alt.insert(keys, ct)
	for _, t := range ct.toks {
		for _, r := range t.fold {
			if base := baseLetters[r]; base != "" && 'a' <= base[0] && base[0] <= 'z' {
				m.caps |= 1 << (base[0] - 'a')
			}
		}
	}
}

// insert adds ct under the word keys.
func (t *trie) insert(keys []string, ct *cterm) {
	n := int32(0)
	for _, k := range keys {
		n = t.child(n, k)
	}
	if !containsTerm(t.ends[n], ct) {
		t.ends[n] = append(t.ends[n], ct)
	}
	t.maxWords = max(t.maxWords, len(keys))
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
func (t *trie) child(n int32, key string) int32 {
	if c, ok := t.next(n, key); ok {
		return c
	}
	c := int32(len(t.ends))
	t.ends = append(t.ends, nil)
	if n == 0 {
		t.roots[key] = c
	} else {
		t.edges[edge{n, key}] = c
	}
	return c
}

// next returns the node reached from n through key.
func (t *trie) next(n int32, key string) (int32, bool) {
	if n == 0 {
		c, ok := t.roots[key]
		return c, ok
	}
	c, ok := t.edges[edge{n, key}]
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
		c := ctok{text: normWord(t.Text), fold: t.Fold, stem: t.Stem, caps: AllCaps(t.Text)}
		c.capital = !c.caps && startsUpper(t.Text)
		if i > 0 {
			c.gap = term[toks[i-1].End:t.Start]
		}
		fw := m.a.funcs[t.Fold]
		if fw {
			c.kind = kindFixed
		} else {
			c.kind = m.a.para.kindFor(pos, t.Fold, i == 0, afterFunc)
		}
		// A function word hyphenated to the next word is part of a
		// compound ("câble sous-marin", "arc-en-ciel"), not a
		// preposition: the words after it still agree in number.
		compound := i+1 < len(toks) && strings.IndexFunc(term[t.End:toks[i+1].Start], isHyphen) >= 0
		afterFunc = afterFunc || (fw && i > 0 && !compound)
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
	e    int // index in ct.entries of the hit's entry (the first whose guard holds)
}

type matchBuf struct {
	toks []Token
	// keys caches each token's stem and accentKey ("" until needed).
	keys  []tokKeys
	found []found
	used  []bool
	// words indexes the segment's words for guards (nil until needed).
	words map[string][]string
}

// tokKeys caches a token's keys: its stem, its accentKey, and the stem of
// its form without a final "nt" for words in "-ent" ("" until needed; "-"
// when there is none).
type tokKeys struct{ stem, accent, ent string }

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
	b.keys = b.keys[:0]
	for range toks {
		b.keys = append(b.keys, tokKeys{})
	}
	b.found = b.found[:0]
	b.words = nil
	// capAt is the first token from i with a capital that may lack an
	// accent: the alt trie is only walked from i when it is near enough
	// for a term starting at i to reach it.
	capAt := -1
	for i := range toks {
		best := found{}
		m.walk(b, text, i, &m.main, false, 0, 0, &best)
		if m.caps != 0 {
			if capAt < i {
				capAt = i
				for capAt < len(toks) && !m.unaccentedCap(toks[capAt].Text) {
					capAt++
				}
			}
			if capAt < i+m.alt.maxWords {
				m.walk(b, text, i, &m.alt, true, 0, 0, &best)
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
		hits[k] = Hit{Start: s, End: e, Text: text[s:e], Term: f.ct.term, Targets: m.targets(b, f.ct, f.e), How: f.how, Entry: f.ct.entries[f.e]}
	}
	return hits
}

// unaccentedCap reports whether s has an ASCII capital that may stand for
// an accented letter of a term ('E' for "É", not 'L').
func (m *Matcher) unaccentedCap(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' && m.caps&(1<<(c-'A')) != 0 {
			return true
		}
	}
	return false
}

// walk follows trie t from node n with the word at i+depth and keeps in
// best the longest (then strictest) verified term. In the alt trie words
// are looked up by accentKey, and a term must use a capital without its
// accent to match (others are the main trie's).
func (m *Matcher) walk(b *matchBuf, text string, i int, t *trie, alt bool, n int32, depth int, best *found) {
	j := i + depth
	if j >= len(b.toks) {
		return
	}
	if alt {
		k := &b.keys[j]
		if k.accent == "" {
			k.accent = accentKey(b.toks[j].Fold)
		}
		m.step(b, text, i, t, alt, n, depth, k.accent, best)
		return
	}
	key := wordKey(m.stemAt(b, j))
	m.step(b, text, i, t, alt, n, depth, key, best)
	if ent := m.entKey(b, j); ent != "" && ent != key {
		m.step(b, text, i, t, alt, n, depth, ent, best)
	}
}

// step follows trie t from node n through key (the word at i+depth) and
// goes on walking from there.
func (m *Matcher) step(b *matchBuf, text string, i int, t *trie, alt bool, n int32, depth int, key string, best *found) {
	c, ok := t.next(n, key)
	if !ok {
		return
	}
	if depth+1 >= best.n {
		for _, ct := range t.ends[c] {
			how, unaccented, ok := m.matchAt(b, text, i, ct)
			if !ok || (alt && !unaccented) || (depth+1 == best.n && howRank(how) >= howRank(best.how)) {
				continue
			}
			if e := m.pick(b, ct); e >= 0 {
				*best = found{i: i, n: depth + 1, how: how, ct: ct, e: e}
			}
		}
	}
	m.walk(b, text, i, t, alt, c, depth+1, best)
}

// entKey returns the index key of the word at j without its final "nt"
// when it ends in "-ent" ("votent" → the key of "vote"): Snowball leaves
// "-ent" on French verbs, so "votent" and "voter" have different stems.
// matchAt still checks that the two are forms of one verb, which keeps
// nouns in "-ent" ("gouvernement") from matching verbs.
func (m *Matcher) entKey(b *matchBuf, j int) string {
	k := &b.keys[j]
	if k.ent == "" {
		k.ent = "-"
		if f := b.toks[j].Fold; m.a.lang == "fr" && len(f) > 5 && strings.HasSuffix(f, "ent") {
			k.ent = wordKey(m.a.Stem(f[:len(f)-2]))
		}
	}
	if k.ent == "-" {
		return ""
	}
	return k.ent
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
	if b.keys[i].stem == "" {
		b.keys[i].stem = m.a.Stem(b.toks[i].Fold)
	}
	return b.keys[i].stem
}

// matchAt reports whether term ct matches the tokens from i, how, and
// whether a capital of the text stands for an accented letter of the term.
func (m *Matcher) matchAt(b *matchBuf, text string, i int, ct *cterm) (how How, unaccented, ok bool) {
	how = HowExact
	for j := range ct.toks {
		c := &ct.toks[j]
		t := &b.toks[i+j]
		if j > 0 {
			if g := text[b.toks[i+j-1].End:t.Start]; g != c.gap && !joinsWords(g) {
				return "", false, false
			}
		}
		switch {
		case c.capital && !hasUpper(t.Text):
			// "orange" is not "Orange", nor "vingt-sept" "Vingt-Sept".
			return "", false, false
		case c.caps:
			if w := normWord(t.Text); w != c.text {
				if r, ok := reaccent(w, c.text); ok && r == c.text {
					unaccented = true
				} else if !m.pressForm(text, t, c) {
					return "", false, false
				}
				if how == HowExact {
					how = HowFolded
				}
			}
		case t.Fold == c.fold:
			if how == HowExact && normWord(t.Text) != c.text {
				how = HowFolded
			}
		case m.a.para.sameWord(c.fold, t.Fold, m.kindAt(b, text, i+j, c.kind)):
			// The trie already required equal word keys.
			how = HowStemmed
		default:
			// "Etat" for "État": only a capital may lack its accent.
			if !m.unaccentedCap(t.Text) {
				return "", false, false
			}
			r, ok := reaccent(normWord(t.Text), c.fold)
			if !ok {
				return "", false, false
			}
			switch f := fold(r); {
			case f == c.fold:
				if how == HowExact {
					how = HowFolded
				}
			case m.a.para.sameWord(c.fold, f, m.kindAt(b, text, i+j, c.kind)):
				how = HowStemmed
			default:
				return "", false, false
			}
			unaccented = true
		}
	}
	return how, unaccented, true
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
