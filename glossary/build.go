package glossary

import (
	"slices"
	"strings"
)

// Building the matcher: each distinct word of the terms once (mword),
// each term as a run of small word references (ctok) in one array, the
// tries of terms by word keys, and what entries give each term.

// builder holds what NewMatcher needs only while it runs.
type builder struct {
	m *Matcher
	// wordIDs finds a word by its text; info holds by word what the
	// build needs of it.
	wordIDs map[string]int32
	info    []wordInfo
	gapIDs  map[string]int32
	// nameKeys are the key ids of the words of one-word names, by word
	// and kind (see wordKeys).
	nameKeys map[[2]int32]int32
	toks     []Token
	ids      []int32
	words    []int32
}

// wordInfo is what the build keeps of a word.
type wordInfo struct {
	stem string
	// keyIDs caches the main-trie key id of the word's forms (wordKeys)
	// by kind (0: not yet).
	keyIDs [5]int32
	// ownKey is the main-trie key id of its own stem (0: not yet), where
	// a term with the word is found.
	ownKey int32
	prefix uint8 // prefixInfo (French only)
	// accent is 0 until known, then 1 for a word without an accented
	// letter, 2 for one with; altKey is its alt-trie key id (0: not yet).
	accent uint8
	altKey int32
}

// grow makes room in s for one more element, doubling: the runtime grows
// a large slice by a quarter, which at a million terms allocated five
// times the arrays' final size.
func grow[T any](s []T) []T {
	if len(s) < cap(s) {
		return s
	}
	return slices.Grow(s, max(len(s), 64))
}

func newBuilder(m *Matcher) *builder {
	return &builder{m: m, wordIDs: make(map[string]int32), gapIDs: map[string]int32{"": 0},
		nameKeys: make(map[[2]int32]int32)}
}

// stem stems a word of a term or one of its forms, without a cache: each
// word is stemmed once (word), each form once a word and kind (wordKeys),
// and forms seldom recur (a cache of them held 56 MB at a million terms
// and saved no time).
func (bd *builder) stem(f string) string {
	return bd.m.a.StemTerm(f)
}

// word returns the id of the word of token t, adding it.
func (bd *builder) word(t Token) int32 {
	if id, ok := bd.wordIDs[t.Text]; ok {
		return id
	}
	m := bd.m
	id := int32(len(m.words))
	w := mword{text: normWord(t.Text), fold: t.Fold, caps: AllCaps(t.Text)}
	w.capital = !w.caps && startsUpper(t.Text)
	m.words = append(grow(m.words), w)
	wi := wordInfo{stem: bd.stem(t.Fold)}
	if m.a.lang == "fr" {
		wi.prefix = prefixInfo(t.Fold)
	}
	bd.info = append(grow(bd.info), wi)
	bd.wordIDs[t.Text] = id
	return id
}

func (bd *builder) gap(s string) int32 {
	id, ok := bd.gapIDs[s]
	if !ok {
		id = int32(len(bd.m.gaps))
		bd.m.gaps = append(bd.m.gaps, s)
		bd.gapIDs[s] = id
	}
	return id
}

// keyPart is what a term word contributes to the term's identity:
// "Internet" and "internet" match different texts, and a word in capitals
// matches only as written.
func keyPart(w *mword) (byte, string) {
	switch {
	case w.caps:
		return 'C', w.text
	case w.capital:
		return '^', w.fold
	}
	return 'f', w.fold
}

// sameKey reports whether term ct has the key of words and tail.
func (bd *builder) sameKey(ct *cterm, words []int32, tail int) bool {
	m := bd.m
	if int(ct.ntok) != len(words) || int(ct.tail) != tail {
		return false
	}
	for j, c := range m.termToks(ct) {
		if c.word == words[j] {
			continue
		}
		c1, s1 := keyPart(&m.words[c.word])
		c2, s2 := keyPart(&m.words[words[j]])
		if c1 != c2 || s1 != s2 {
			return false
		}
	}
	return true
}

// addTerm adds entry e (its index in Matcher.ents, with its compiled
// guard) under the spelling sp of its source term s: s itself, or the
// other spelling of a prefixed compound ("antimissile" for
// "anti-missile", see prefixVariant).
func (bd *builder) addTerm(sp, s string, e int32, guard *cguard) {
	m := bd.m
	bd.toks = m.a.appendTokens(bd.toks[:0], sp)
	toks := bd.toks
	bd.words = bd.words[:0]
	for _, t := range toks {
		bd.words = append(bd.words, bd.word(t))
	}
	if len(toks) == 0 || len(toks) > MaxTermWords {
		return
	}
	tail := len(plusTail(sp, toks[len(toks)-1].End))
	// A term with the same key is at the node of its words' own keys.
	bd.ids = bd.ids[:0]
	for _, w := range bd.words {
		bd.ids = append(bd.ids, bd.ownKey(w))
	}
	node := m.main.path(bd.ids)
	for x := m.main.ends[node]; x != 0; x = m.terms[x-1].next[0] {
		ct := &m.terms[x-1]
		if bd.sameKey(ct, bd.words, tail) {
			if ct.variant && sp == s {
				// A term of its own, not only another's variant.
				ct.term, ct.variant = s, false
			}
			m.addEntry(x-1, e, guard, false)
			return
		}
	}
	ct := bd.compile(sp, s, toks, e, tail)
	m.main.link(node, ct, m.terms)
	bd.insertAlt(ct)
	m.addEntry(ct, e, guard, true)
}

// ownKey returns the main-trie key id of word w's own stem.
func (bd *builder) ownKey(w int32) int32 {
	wi := &bd.info[w]
	if wi.ownKey == 0 {
		mw := &bd.m.words[w]
		wi.ownKey = bd.m.main.intern(wordKey(wi.stem), mw.caps || mw.capital)
	}
	return wi.ownKey
}

// addTerms adds entry e's source term s, and its other spelling when it
// has a prefixed compound (see prefixVariant).
func (bd *builder) addTerms(s string, e int32, guard *cguard) {
	bd.addTerm(s, s, e, guard)
	if bd.m.a.lang != "fr" {
		return
	}
	if v := prefixVariant(s, bd.toks, func(i int) uint8 { return bd.info[bd.words[i]].prefix }); v != "" {
		bd.addTerm(v, s, e, guard)
	}
}

// compile appends the term sp (spelled s in its entry e) with its words
// toks to the matcher's terms and returns its index.
func (bd *builder) compile(sp, s string, toks []Token, e int32, tail int) int32 {
	m := bd.m
	ct := cterm{term: s, tok0: int32(len(m.toks)), ntok: uint8(len(toks)), tail: uint8(tail),
		variant: sp != s, entry: e}
	pos := m.ents[e].POS
	after := -1 // words since the last preposition (-1: none yet)
	for i, t := range toks {
		w := &m.words[bd.words[i]]
		c := ctok{word: bd.words[i]}
		c.name = len(toks) == 1 && !w.caps && (w.capital || pos == "propn") && !m.a.funcs[t.Fold]
		if i > 0 {
			c.gap = bd.gap(sp[toks[i-1].End:t.Start])
		}
		fw := m.a.funcs[t.Fold]
		if fw {
			c.kind = kindFixed
		} else {
			c.kind = m.a.para.kindFor(pos, t.Fold, i == 0, after)
			if after >= 0 {
				after++
			}
		}
		// A function word hyphenated to the next word is part of a
		// compound ("câble sous-marin", "arc-en-ciel"), not a
		// preposition: the words after it still agree in number.
		compound := i+1 < len(toks) && strings.IndexFunc(sp[t.End:toks[i+1].Start], isHyphen) >= 0
		if fw && i > 0 && !compound {
			after = 0
		}
		m.toks = append(m.toks, c)
	}
	m.terms = append(m.terms, ct)
	// The keys of the words' other forms, aliases of their own.
	for _, c := range m.toks[ct.tok0:] {
		bd.wordKeys(c)
	}
	return int32(len(m.terms) - 1)
}

// addEntry records that entry e (with its guard) gives term ct; first is
// set for the entry that created the term.
func (m *Matcher) addEntry(ct, e int32, guard *cguard, first bool) {
	t := &m.terms[ct]
	var x *termExtra
	if t.x > 0 {
		x = &m.extra[t.x-1]
	}
	if !first {
		if x == nil && t.entry == e || x != nil && x.entries[len(x.entries)-1] == e {
			return // both spellings given by e
		}
	}
	ts := m.ents[e].targetIn(m.tgt)
	if first && guard == nil && !hasRepeat(ts) {
		return // one entry: its targets are its own (see Matcher.targets)
	}
	if x == nil {
		m.extra = append(m.extra, termExtra{entries: []int32{t.entry}})
		t.x = int32(len(m.extra))
		x = &m.extra[t.x-1]
		x.targets = appendNew(nil, m.ents[t.entry].targetIn(m.tgt))
		if first {
			if guard != nil {
				x.guards = []*cguard{guard}
			}
			return
		}
	}
	if guard != nil && x.guards == nil {
		x.guards = make([]*cguard, len(x.entries))
	}
	x.entries = append(x.entries, e)
	if x.guards != nil {
		x.guards = append(x.guards, guard)
	}
	x.targets = appendNew(x.targets, ts)
}

// appendNew appends the strings of ts not yet in dst.
func appendNew(dst, ts []string) []string {
	for _, t := range ts {
		if !slices.Contains(dst, t) {
			dst = append(dst, t)
		}
	}
	return dst
}

func hasRepeat(ts []string) bool {
	for i, t := range ts {
		if slices.Contains(ts[:i], t) {
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

// insertAlt adds term ct to the alt trie under its words' accent keys
// when one of them has an accent.
func (bd *builder) insertAlt(ct int32) {
	m := bd.m
	toks := m.termToks(&m.terms[ct])
	accented := false
	for _, c := range toks {
		accented = bd.accented(c.word) || accented
	}
	if !accented {
		return
	}
	bd.ids = bd.ids[:0]
	for _, c := range toks {
		wi := &bd.info[c.word]
		if wi.altKey == 0 {
			wi.altKey = m.alt.intern(accentKey(m.words[c.word].fold), false)
		}
		bd.ids = append(bd.ids, wi.altKey)
	}
	m.alt.link(m.alt.path(bd.ids), ct, m.terms)
}

// accented reports whether word w has an accented letter, once a word,
// noting the capitals that stand for its accented letters in
// Matcher.caps and capsFirst.
func (bd *builder) accented(w int32) bool {
	wi := &bd.info[w]
	if wi.accent == 0 {
		m := bd.m
		f := m.words[w].fold
		wi.accent = 1
		if accentKey(f) != lightKey(f) {
			wi.accent = 2
			for i, r := range f {
				if base := baseLetters[r]; base != "" && 'a' <= base[0] && base[0] <= 'z' {
					m.caps |= 1 << (base[0] - 'a')
					if i == 0 {
						m.capsFirst |= 1 << (base[0] - 'a')
					}
				}
			}
		}
	}
	return wi.accent == 2
}

// wordKeys returns the main-trie key id of term word c and registers the
// keys of its other forms as aliases of it: Snowball stems some forms of
// one paradigm apart ("turc" and "turques", "voter" and "votent"). The
// trie holds the term under its own keys; a text word is looked up under
// its key and that key's aliases, rather than the trie holding a path for
// each combination of forms.
func (bd *builder) wordKeys(c ctok) int32 {
	cache := &bd.info[c.word].keyIDs[c.kind]
	if c.name {
		cache = nil
		if id, ok := bd.nameKeys[[2]int32{c.word, int32(c.kind)}]; ok {
			return id
		}
	} else if *cache != 0 {
		return *cache
	}
	m := bd.m
	w := &m.words[c.word]
	keys := m.formKeys(w.fold, bd.info[c.word].stem, c.kind, c.name, bd.stem)
	capital := w.caps || w.capital
	id := m.main.intern(keys[0], capital)
	// Once for each word, not for each term holding it.
	for _, k := range keys[1:] {
		m.main.addAlias(m.main.intern(k, capital), id)
	}
	if cache != nil {
		*cache = id
	} else {
		bd.nameKeys[[2]int32{c.word, int32(c.kind)}] = id
	}
	return id
}

// formKeys returns the distinct index keys of the forms of a word (folded,
// with its stem), its own first.
func (m *Matcher) formKeys(fold, stem string, kind wordKind, name bool, stemOf func(string) string) []string {
	keys := []string{wordKey(stem)}
	forms := m.a.para.forms(fold, kind)[1:] // the word itself first
	if name {
		forms = append(forms, fold+"s")
	}
	for _, f := range forms {
		if k := wordKey(stemOf(f)); !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return keys
}

// wordKey is the index key of a folded word and its stem: the stem without
// a final plural s or x. Two forms of one paradigm almost always share it
// (Snowball stems "loi" and "lois" apart, but not their keys); matchAt then
// checks that they really are forms of one word.
func wordKey(stem string) string {
	return lightKey(stem)
}
