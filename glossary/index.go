package glossary

import "strings"

// Building the matcher's index: the tries of terms by word keys, and the
// keys of each term word's forms.

// buildStem stems a word of a term while NewMatcher runs: terms share
// many words, and forms many stems.
func (m *Matcher) buildStem(f string) string {
	s, ok := m.stemCache[f]
	if !ok {
		s = m.a.stemUncached(f)
		m.stemCache[f] = s
	}
	return s
}

// trie is an index of terms by word keys: roots holds the first words,
// edges the next ones; ends[n] are the terms whose last word leads to node
// n, each verified by matchAt.
type trie struct {
	roots map[string]root
	edges map[edge]int32
	ends  [][]*cterm
	// maxWords is the number of words of the longest term indexed.
	maxWords int
}

func newTrie() trie {
	return trie{roots: make(map[string]root), edges: make(map[edge]int32), ends: make([][]*cterm, 1)}
}

// wordKey is the index key of a folded word and its stem: the stem without
// a final plural s or x. Two forms of one paradigm almost always share it
// (Snowball stems "loi" and "lois" apart, but not their keys); matchAt then
// checks that they really are forms of one word.
func wordKey(stem string) string {
	return lightKey(stem)
}

// root is the trie entry of a first word's key: its node (0: none) and
// the keys it is an alias of (see wordKeys), kept together so that
// a text word costs one map lookup.
type root struct {
	node    int32
	aliases []string
}

// edge is a trie edge: from node parent through a word key.
type edge struct {
	parent int32
	key    string
}

// addTerm adds entry e (with its compiled guard) under the spelling sp of
// its source term s: s itself, or the other spelling of a prefixed
// compound ("antimissile" for "anti-missile", see prefixVariant).
func (m *Matcher) addTerm(byKey map[string]*cterm, sp, s string, e *Entry, guard *cguard) {
	toks := m.a.appendTokens(nil, sp)
	if len(toks) == 0 || len(toks) > MaxTermWords {
		return
	}
	for i := range toks {
		toks[i].Stem = m.buildStem(toks[i].Fold)
	}
	var key strings.Builder
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
	tail := plusTail(sp, toks[len(toks)-1].End)
	key.WriteString(tail)
	ct := byKey[key.String()]
	if ct == nil {
		ct = m.compile(sp, toks, e.POS)
		ct.term, ct.tail, ct.variant = s, tail, sp != s
		byKey[key.String()] = ct
		m.terms++
		m.insert(ct)
	} else if ct.variant && sp == s {
		// A term of its own, not only another's variant.
		ct.term, ct.variant = s, false
	}
	if n := len(ct.entries); n > 0 && ct.entries[n-1] == e {
		return // both spellings given by e
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

// plusTail returns the run of "+" right after byte end of term s: "OPEP+"
// (OPEC+) is another term than "OPEP", and matches only before a "+".
func plusTail(s string, end int) string {
	n := end
	for n < len(s) && s[n] == '+' {
		n++
	}
	return s[end:n]
}

// insert adds ct to the main trie under its words' stem keys (the keys of
// every form of each word, see wordKeys), and to the alt trie under their
// accent keys when one of them has an accent.
func (m *Matcher) insert(ct *cterm) {
	keys := make([]string, len(ct.toks))
	for i := range ct.toks {
		ks := m.wordKeys(&ct.toks[i])
		for _, k := range ks[1:] {
			if r := m.main.roots[k]; !contains(r.aliases, ks[0]) {
				r.aliases = append(r.aliases, ks[0])
				m.main.roots[k] = r
			}
		}
		keys[i] = ks[0]
	}
	m.main.insert(keys, ct)
	accented := false
	for i := range ct.toks {
		k := accentKey(ct.toks[i].fold)
		keys[i] = k
		accented = accented || k != lightKey(ct.toks[i].fold)
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

// wordKeys returns the distinct index keys of the forms of term word c,
// its own first: Snowball stems some forms of one paradigm apart ("turc"
// and "turques", "voter" and "votent"). The trie holds the term under its
// own keys; the others are aliases of them in its roots: a text word is
// looked up under its key and that key's aliases, rather than the trie
// holding a path for each combination of forms.
func (m *Matcher) wordKeys(c *ctok) []string {
	ck := formsKey{c.fold, c.kind, c.name}
	if keys, ok := m.keyCache[ck]; ok {
		return keys
	}
	keys := m.formKeys(c)
	m.keyCache[ck] = keys
	return keys
}

// formsKey identifies what wordKeys computes for a term word.
type formsKey struct {
	fold string
	kind wordKind
	name bool
}

func (m *Matcher) formKeys(c *ctok) []string {
	keys := []string{wordKey(c.stem)}
	forms := m.a.para.forms(c.fold, c.kind)[1:] // the word itself first
	if c.name {
		forms = append(forms, c.fold+"s")
	}
	for _, f := range forms {
		if k := wordKey(m.buildStem(f)); !contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return keys
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
		r := t.roots[key]
		r.node = c
		t.roots[key] = r
	} else {
		t.edges[edge{n, key}] = c
	}
	return c
}

// next returns the node reached from n through key.
func (t *trie) next(n int32, key string) (int32, bool) {
	if n == 0 {
		r := t.roots[key]
		return r.node, r.node != 0
	}
	c, ok := t.edges[edge{n, key}]
	return c, ok
}
