package glossary

import (
	"slices"
	"sync"
	"unicode"

	"github.com/trad-project/trad/internal/memo"
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
	caps uint32
	// capsFirst is caps for the first letters of the terms' words: a word
	// with one capital, its first ("Etats"), can only stand for a term
	// word whose first letter has the accent ("États").
	capsFirst uint32
	// ents are the glossary's entries; terms, toks, words and gaps the
	// compiled terms: flat arrays of small values rather than an object
	// a term, which at a million terms cost half a gigabyte and the
	// collector's time.
	ents  []*Entry
	terms []cterm
	toks  []ctok
	words []mword
	gaps  []string
	// extra holds what few terms need: several entries, guards or
	// targets of their own (cterm.x).
	extra []termExtra
	// keys caches the keys of text words by fold: a word's stem and the
	// lookups of its keys, once.
	keys memo.Bounded[textKeys]
}

// mword is a distinct word of the terms.
type mword struct {
	text string // NFC, apostrophes unified: what "exact" compares
	fold string // Token.Fold
	caps bool   // written in capitals: matches only as written
	// capital is set for a word starting with a capital, not all in
	// capitals ("Orange", "Vingt-Sept"): a name, which a text word
	// written all in lower case ("orange", "vingt-sept") does not match.
	capital bool
}

// ctok is one word of a compiled term.
type ctok struct {
	word int32    // index in Matcher.words
	gap  int32    // index in Matcher.gaps: the term's own text between the previous word and this one
	kind wordKind // how it may inflect
	// name is set for the word of a one-word name term ("Shebab",
	// "taliban" given as propn), which takes a plural -s after a plural
	// determiner ("les Shebabs", see namePlural).
	name bool
}

// cterm is one distinct source term: its words are
// Matcher.toks[tok0:tok0+ntok]; entry is the first (highest priority)
// entry giving it, and x (1 up, 0: none) its termExtra.
type cterm struct {
	term  string
	tok0  int32
	entry int32
	x     int32
	// next is 1 + the index of the next term ending at the same node of
	// the main (0) and alt (1) trie (see trie.nodes), 0 for none.
	next [2]int32
	ntok uint8
	// tail is the number of "+" the term has after its last word
	// ("OPEP+"): the text must have them too, and the hit includes them.
	tail uint8
	// variant is set when the term is indexed under another spelling of
	// term (a prefixed compound, see prefixVariant): such a hit is folded
	// at best.
	variant bool
}

// termExtra is what a term given by several entries, or with a guard or
// repeated targets, keeps.
type termExtra struct {
	entries []int32 // in priority order, the first cterm.entry
	// guards holds the compiled guard of each entry (nil: none), or is
	// nil when no entry has one.
	guards []*cguard
	// targets are the entries' target terms without repeats.
	targets []string
}

// termToks returns the words of term ct.
func (m *Matcher) termToks(ct *cterm) []ctok {
	return m.toks[ct.tok0 : ct.tok0+int32(ct.ntok)]
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
	m := &Matcher{a: NewAnalyzer(src), src: baseLang(src), tgt: baseLang(tgt), ents: g.Entries(), gaps: []string{""}}
	terms, words := sizeHint(m.ents, m.src)
	m.main, m.alt = newTrie(0, terms, words), newTrie(1, 0, 0)
	m.terms = make([]cterm, 0, terms+terms/16)
	m.toks = make([]ctok, 0, words+words/16)
	bd := newBuilder(m)
	guards := make(map[string]*cguard)
	for i, e := range m.ents {
		guard, ok := guards[e.Guard]
		if !ok {
			guard = m.compileGuard(e.Guard, bd.stem)
			guards[e.Guard] = guard
		}
		for _, s := range e.Source(m.src) {
			bd.addTerms(s, int32(i), guard)
		}
	}
	m.main.finish()
	m.alt.finish()
	m.terms = slices.Clip(m.terms)
	m.toks = slices.Clip(m.toks)
	m.words = slices.Clip(m.words)
	return m
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
func (m *Matcher) Terms() int { return len(m.terms) }

// sizeHint returns about how many terms in language src entries have, and
// how many words, counting a word a space, hyphen or apostrophe: the
// matcher's arrays and maps are made that size, since growing them left
// as much garbage as they hold.
func sizeHint(entries []*Entry, src string) (terms, words int) {
	for _, e := range entries {
		for _, s := range e.Source(src) {
			terms++
			words++
			for i := 0; i < len(s); i++ {
				switch s[i] {
				case ' ', '-', '\'', 0x99: // 0x99 ends "’"
					words++
				}
			}
		}
	}
	return terms, words
}

func contains(ss []string, s string) bool { return slices.Contains(ss, s) }

// Analyzer returns the matcher's source-language analyzer.
func (m *Matcher) Analyzer() *Analyzer { return m.a }

// found is a candidate hit: term ct at tokens [i, i+n).
type found struct {
	i, n  int
	how   How
	loose bool // see better
	near  int  // see nearness; -1 until better needs it
	ct    *cterm
	e     int // the hit's entry: the k-th of ct's (entryAt), the first whose guard holds
}

type matchBuf struct {
	toks []Token
	// capAt is the first token, from where the alt trie is walked, with
	// a capital that may lack an accent.
	capAt int
	// keys caches each token's stem and accentKey ("" until needed).
	keys  []tokKeys
	found []found
	used  []bool
	refs  []keyRef // the tokens' main-trie keys (see tokKeys)
	// words indexes the segment's words for guards (nil until needed).
	words map[string][]string
}

// tokKeys caches a token's keys: its stem ("" until needed), its key in
// the alt trie (once altSet), and its keys in the main trie, its own then
// the aliases and other spellings' (b.refs[from:to], once refsSet).
// Resolving each once a token spares a string-map lookup at every step.
type tokKeys struct {
	text     textKeys // the word's keys in both tries (once textSet)
	textSet  bool
	stem     string
	norm     string // normWord of the token ("" until needed)
	alt      keyRef
	altSet   bool
	from, to int32
	refsSet  bool
}

var matchBufs = sync.Pool{New: func() any { return new(matchBuf) }}

// Match returns the glossary terms found in text: longest terms first (in
// words), never overlapping, sorted by Start. Spans are byte offsets in text.
func (m *Matcher) Match(text string) []Hit {
	if m == nil || len(m.terms) == 0 {
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
	b.refs = b.refs[:0]
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
				b.capAt = capAt
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
		s, e := b.toks[f.i].Start, b.toks[f.i+f.n-1].End+int(f.ct.tail)
		hits[k] = Hit{Start: s, End: e, Text: text[s:e], Term: f.ct.term, Targets: m.targets(b, f.ct, f.e), How: f.how, Entry: m.ents[m.entryAt(f.ct, f.e)],
			Plural: m.plural(b, text, f)}
	}
	return hits
}

// unaccentedCap reports whether s has an ASCII capital that may stand for
// an accented letter of a term ('E' for "É", not 'L').
func (m *Matcher) unaccentedCap(s string) bool {
	if s != "" && 'A' <= s[0] && s[0] <= 'Z' && !hasUpper(s[1:]) {
		return m.capsFirst&(1<<(s[0]-'A')) != 0
	}
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
	k := &b.keys[j]
	if alt {
		if !k.altSet {
			k.altSet = true
			k.alt = m.textKeysAt(b, j).alt
		}
		m.step(b, text, i, t, alt, n, depth, k.alt, best)
		return
	}
	if !k.refsSet {
		k.refsSet = true
		k.from = int32(len(b.refs))
		m.addRefs(b, t, j)
		k.to = int32(len(b.refs))
	}
	for r := k.from; r < k.to; r++ {
		m.step(b, text, i, t, alt, n, depth, b.refs[r], best)
	}
}

// addRefs appends to b.refs the main-trie keys of the word at j: its
// key and that key's aliases, and for a word with a capital first the same
// as the key of a word with a capital, with the press spellings of an
// acronym (see trie.ids).
func (m *Matcher) addRefs(b *matchBuf, t *trie, j int) {
	rs := m.textKeysAt(b, j).main
	if tok := b.toks[j]; hasUpper(tok.Text) {
		m.addRef(b, t, rs[1])
		if num := m.acronymKey(tok); num != "" {
			b.refs = append(b.refs, t.refs(num)[1])
		}
		if ak := m.pressAccentKey(tok); ak != "" {
			b.refs = append(b.refs, t.refs(ak)[1])
		}
	}
	m.addRef(b, t, rs[0])
}

// textKeys are a text word's keys in the main trie (as a word in lower
// case and with a capital) and in the alt trie.
type textKeys struct {
	main keyRefs
	alt  keyRef
}

// textKeysAt returns the keys of the word at j: from the token once
// known, else from the matcher's cache, else looked up.
func (m *Matcher) textKeysAt(b *matchBuf, j int) textKeys {
	tk := &b.keys[j]
	if tk.textSet {
		return tk.text
	}
	fold := b.toks[j].Fold
	k, ok := m.keys.Load(fold)
	if !ok {
		k.main = m.main.refs(wordKey(m.stemAt(b, j)))
		if m.caps != 0 {
			k.alt = m.alt.refs(accentKey(fold))[0]
		}
		m.keys.Store(fold, k)
	}
	tk.text, tk.textSet = k, true
	return k
}

// addRef appends r and the keys r is an alias of.
func (m *Matcher) addRef(b *matchBuf, t *trie, r keyRef) {
	if r.id == 0 {
		return
	}
	b.refs = append(b.refs, r)
	for _, a := range t.aliasesOf(r.id) {
		b.refs = append(b.refs, t.refID(a))
	}
}

// acronymKey returns the key of the letters of an acronym fused to a
// number ("COP30", "Cop30" → the key of "cop"), or "".
func (m *Matcher) acronymKey(t Token) string {
	if c := t.Text[len(t.Text)-1]; c < '0' || c > '9' {
		return ""
	}
	if n := acronymLetters(t.Text); n > 0 {
		return wordKey(m.a.Stem(t.Fold[:n]))
	}
	return ""
}

// step follows trie t from node n through key (of the word at i+depth)
// and goes on walking from there.
func (m *Matcher) step(b *matchBuf, text string, i int, t *trie, alt bool, n int32, depth int, key keyRef, best *found) {
	if c, ok := t.follow(n, key); ok {
		m.stepTo(b, text, i, t, alt, c, depth, best)
	}
}

// stepTo goes on walking from node c (reached through the word at
// i+depth), then checks the terms ending at c: longer terms first, so
// that a shorter one is only verified when no longer one matched.
func (m *Matcher) stepTo(b *matchBuf, text string, i int, t *trie, alt bool, c int32, depth int, best *found) {
	if !t.leaf(c) {
		m.walk(b, text, i, t, alt, c, depth+1, best)
	}
	if depth+1 < best.n || alt && i+depth < b.capAt {
		return // shorter than best, or (alt) without the capital
	}
	for x := t.nodes[c].end; x != 0; x = m.terms[x-1].next[t.slot] {
		ct := &m.terms[x-1]
		how, unaccented, loose, ok := m.matchAt(b, text, i, ct)
		f := found{i: i, n: depth + 1, how: how, loose: loose || unaccented, near: -1, ct: ct}
		if !ok || (alt && !unaccented) || (depth+1 == best.n && !m.better(b, &f, best)) {
			continue
		}
		if f.e = m.pick(b, ct); f.e >= 0 {
			*best = f
		}
	}
}

// better reports whether candidate f is a better hit than best at the
// same place and length: "OPEP+" over "OPEP" before a "+", then the
// strictest match, then one whose words all match as written ("EPR2
// reactor" over "EPR reactor" for "EPR2 reactors"), then the nearer forms
// ("française" over "français" for "françaises"), then the term added
// first: the earlier entry's, and of one entry its first spelling (the
// glossary's priority, whichever key of the text word found the term).
func (m *Matcher) better(b *matchBuf, f, best *found) bool {
	switch {
	case f.ct.tail != best.ct.tail:
		return f.ct.tail > best.ct.tail
	case howRank(f.how) != howRank(best.how):
		return howRank(f.how) < howRank(best.how)
	case f.loose != best.loose:
		return !f.loose
	}
	if f.near < 0 {
		f.near = m.nearness(b, f)
	}
	if best.near < 0 {
		best.near = m.nearness(b, best)
	}
	if f.near != best.near {
		return f.near > best.near
	}
	return f.ct.tok0 < best.ct.tok0
}

// nearness is how near the folds of candidate f's words are to the
// text's: the bytes they begin with in common. Only ties need it.
func (m *Matcher) nearness(b *matchBuf, f *found) int {
	n := 0
	for j, c := range m.termToks(f.ct) {
		n += commonPrefix(b.toks[f.i+j].Fold, m.words[c.word].fold)
	}
	return n
}

// commonPrefix returns the number of bytes a and b begin with in common.
func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
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

// normAt returns normWord of the token at i, computed once a Match: a
// word is compared with every candidate term's.
func (m *Matcher) normAt(b *matchBuf, i int) string {
	if b.keys[i].norm == "" {
		b.keys[i].norm = normWord(b.toks[i].Text)
	}
	return b.keys[i].norm
}

func (m *Matcher) stemAt(b *matchBuf, i int) string {
	if b.keys[i].stem == "" {
		b.keys[i].stem = m.a.Stem(b.toks[i].Fold)
	}
	return b.keys[i].stem
}

// matchAt reports whether term ct matches the tokens from i, how, whether
// a capital of the text stands for an accented letter of the term, and
// whether a word matched only as the press writes an acronym ("Otan",
// "COP30"): see better.
func (m *Matcher) matchAt(b *matchBuf, text string, i int, ct *cterm) (how How, unaccented, loose, ok bool) {
	how = HowExact
	for j, c := range m.termToks(ct) {
		w := &m.words[c.word]
		t := &b.toks[i+j]
		if j > 0 {
			if g := text[b.toks[i+j-1].End:t.Start]; g != m.gaps[c.gap] && !joinsWords(g) {
				return "", false, false, false
			}
		}
		switch {
		case w.capital && !hasUpper(t.Text):
			// "orange" is not "Orange", nor "vingt-sept" "Vingt-Sept".
			return "", false, false, false
		case w.caps:
			if nw := m.normAt(b, i+j); nw != w.text {
				if r, ok := reaccent(nw, w.text); ok && r == w.text {
					unaccented = true
				} else if m.pressForm(text, t, w) || acronymNumberWord(t.Text, w.text, w.fold) {
					loose = true
				} else {
					return "", false, false, false
				}
				if how == HowExact {
					how = HowFolded
				}
			}
		case t.Fold == w.fold:
			if how == HowExact && m.normAt(b, i+j) != w.text {
				how = HowFolded
			}
		case m.a.para.sameWord(w.fold, t.Fold, m.kindAt(b, text, i+j, c.kind)), m.namePlural(b, text, i+j, c, w):
			// The trie already required equal word keys.
			how = HowStemmed
		default:
			// "Etat" for "État": only a capital may lack its accent.
			if !m.unaccentedCap(t.Text) {
				return "", false, false, false
			}
			r, ok := reaccent(m.normAt(b, i+j), w.fold)
			if !ok {
				return "", false, false, false
			}
			switch f := fold(r); {
			case f == w.fold:
				if how == HowExact {
					how = HowFolded
				}
			case m.a.para.sameWord(w.fold, f, m.kindAt(b, text, i+j, c.kind)):
				how = HowStemmed
			default:
				return "", false, false, false
			}
			unaccented = true
		}
	}
	if ct.tail != 0 && len(plusTail(text, b.toks[i+int(ct.ntok)-1].End)) < int(ct.tail) {
		return "", false, false, false
	}
	if ct.variant && how == HowExact {
		how = HowFolded
	}
	return how, unaccented, loose, true
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
