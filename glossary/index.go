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

// trie is an index of terms by word keys: roots holds every key (its id,
// and its node when it is a first word), edges the next words by parent
// node and key id; ends[n] is the first term whose last word leads to
// node n (the others follow through cterm.next[slot]), each verified by
// matchAt. Edges are keyed by numbers, not strings: at a
// million terms a string-keyed edge map was twice the size and the
// collector scanned all of it at every cycle.
type trie struct {
	roots map[string]root
	edges map[uint64]int32
	// ends holds one pointer a node rather than a slice: most nodes end
	// no term or one, and a million slices were 90 MB.
	ends []*cterm
	slot int // this trie's index in cterm.next
	// maxWords is the number of words of the longest term indexed.
	maxWords int
}

func newTrie(slot int) trie {
	return trie{roots: make(map[string]root), edges: make(map[uint64]int32), ends: make([]*cterm, 1), slot: slot}
}

// wordKey is the index key of a folded word and its stem: the stem without
// a final plural s or x. Two forms of one paradigm almost always share it
// (Snowball stems "loi" and "lois" apart, but not their keys); matchAt then
// checks that they really are forms of one word.
func wordKey(stem string) string {
	return lightKey(stem)
}

// root is the trie entry of a word key: its id (1 up, for edges), its
// node as a first word (0: none) and the keys it is an alias of (see
// wordKeys), kept together so that a text word costs one map lookup.
type root struct {
	id      int32
	node    int32
	aliases []string
}

// edgeKey is the edges key of the edge from node parent through the key
// whose id is id.
func edgeKey(parent, id int32) uint64 {
	return uint64(uint32(parent))<<32 | uint64(uint32(id))
}

// intern returns the root of key, creating it with a new id.
func (t *trie) intern(key string) root {
	r, ok := t.roots[key]
	if !ok {
		r.id = int32(len(t.roots) + 1)
		t.roots[key] = r
	}
	return r
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
	ts := e.Target(m.tgt)
	if len(ct.entries) == 1 && !hasRepeat(ts) {
		return // targets: the entry's own (see Matcher.targets)
	}
	if ct.targets == nil && len(ct.entries) > 1 {
		ct.targets = appendNew(nil, ct.entries[0].Target(m.tgt))
	}
	ct.targets = appendNew(ct.targets, ts)
}

// appendNew appends the strings of ts not yet in dst.
func appendNew(dst, ts []string) []string {
	for _, t := range ts {
		if !contains(dst, t) {
			dst = append(dst, t)
		}
	}
	return dst
}

func hasRepeat(ts []string) bool {
	for i, t := range ts {
		if contains(ts[:i], t) {
			return true
		}
	}
	return false
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
		keys[i] = m.wordKeys(&ct.toks[i])[0]
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
// its own first, and registers the others as aliases of the first: Snowball stems some forms of one paradigm apart ("turc"
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
	// Once for each word, not for each term holding it.
	for _, k := range keys[1:] {
		if r := m.main.intern(k); !contains(r.aliases, keys[0]) {
			r.aliases = append(r.aliases, keys[0])
			m.main.roots[k] = r
		}
	}
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
	t.maxWords = max(t.maxWords, len(keys))
	p := &t.ends[n]
	for *p != nil {
		if *p == ct {
			return
		}
		p = &(*p).next[t.slot]
	}
	*p = ct
}

// child returns the node reached from n through key, creating it.
func (t *trie) child(n int32, key string) int32 {
	r := t.intern(key)
	if n == 0 {
		if r.node == 0 {
			r.node = int32(len(t.ends))
			t.ends = append(t.ends, nil)
			t.roots[key] = r
		}
		return r.node
	}
	k := edgeKey(n, r.id)
	c, ok := t.edges[k]
	if !ok {
		c = int32(len(t.ends))
		t.ends = append(t.ends, nil)
		t.edges[k] = c
	}
	return c
}

// keyRef is a word key as found in a trie: its id (0: the trie has no
// such key) and its node as a first word (0: none).
type keyRef struct{ id, node int32 }

// ref looks key up.
func (t *trie) ref(key string) keyRef {
	r := t.roots[key]
	return keyRef{r.id, r.node}
}

// follow returns the node reached from n through key.
func (t *trie) follow(n int32, key keyRef) (int32, bool) {
	if key.id == 0 {
		return 0, false
	}
	if n == 0 {
		return key.node, key.node != 0
	}
	c, ok := t.edges[edgeKey(n, key.id)]
	return c, ok
}
