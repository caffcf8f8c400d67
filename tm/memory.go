// Package tm is trad's translation memory: units read from TMX files, the
// user's memory folder and the current project, an inverted index on word
// stems, and fuzzy lookup with number substitution and word diffs.
package tm

import (
	"hash/fnv"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/trad-project/trad/segments"
)

// Unit is one translation unit: a source sentence and its translation.
type Unit struct {
	Source, Target string
	// SourceLang and TargetLang are BCP 47 tags as read ("fr", "en-GB").
	SourceLang, TargetLang string
	// Origin is where the unit comes from: a TMX file path, or the project
	// file for segments confirmed in the current project.
	Origin           string
	Created, Changed time.Time
	// Prev and Next are the source texts of the neighbouring segments (""
	// at the start or end of a document). They are meaningful only when
	// HasContext is set: TMX units without OmegaT's prev/next properties
	// have no known context and never make context matches.
	Prev, Next string
	HasContext bool
	// SourceTags and TargetTags place inline codes in Source and Target
	// (a TMX level-2 unit, a tagged segment), on Codes, named by ID. They
	// do not count in the text scores; LookupTagged compares them.
	SourceTags, TargetTags []segments.Tag
	Codes                  []segments.Code
}

// Context is the neighbourhood of the segment being looked up: the source
// texts of the segments before and after it ("" at the document's ends).
type Context struct {
	Prev, Next string
}

func keyHash(key string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(key))
	return h.Sum64()
}

func contextHash(prev, next string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(normKey(prev)))
	h.Write([]byte{0})
	h.Write([]byte(normKey(next)))
	return h.Sum64()
}

// Match is one memory unit found for a looked-up text.
type Match struct {
	// Score is the similarity in percent: 100 for the same source (NFC,
	// white space collapsed), 101 for the same source with the same
	// neighbours (Context), 99 when only numbers differ, otherwise the
	// blend of word and character similarity, at most 99.
	Score   int
	Context bool
	// Source and Target are the unit's texts. When NumbersSubstituted is
	// set, Target has had the unit's numbers replaced by the looked-up
	// text's numbers, written in the target language's format.
	Source, Target     string
	Origin             string
	NumbersSubstituted bool
	Changed            time.Time
	// Diff is the word diff between the looked-up text and Source.
	Diff []DiffOp
	// SourceTags and TargetTags are the unit's inline tags in Source and
	// Target (TargetTags moved with a number substitution), on Codes.
	// MatchTags maps them onto a segment's codes.
	SourceTags, TargetTags []segments.Tag
	Codes                  []segments.Code
}

// entry is a unit as the memory keeps it.
type entry struct {
	src, tgt string
	origin   string
	changed  time.Time // the creation date when the unit has no change date
	ctx      uint64
	hasCtx   bool
	// toks are the source's words; its folded text, which the character
	// similarity compares, is their folds joined by spaces (foldRunes): not
	// kept, as it would be a third copy of the source.
	toks    []tid
	nRunes  int32
	keyHash uint64 // hash of normKey(src), to rule out exact matches cheaply
	tags    *entryTags
}

// Memory is an indexed translation memory for one language pair. Lookups
// are safe for concurrent use with each other and with Add.
type Memory struct {
	src, tgt string
	tok      tokenizer

	mu sync.RWMutex
	// entries are stored in fixed-size chunks so that growing the memory
	// never copies it; entry(id) finds one.
	chunks [][]entry
	count  int
	// nToks and nRunes repeat each entry's token and folded rune counts
	// in compact arrays: the candidate filter reads them for thousands of
	// entries per lookup and must not miss the cache on each entry.
	nToks    []uint16
	nToks8   []uint8 // nToks saturated at 255: what candidates reads first
	nRunes   []uint16
	folds    map[string]uint32
	stems    map[string]uint32
	postings [][]uint32 // stem ID -> entries holding it, ascending, once each
	// foldNames and foldStem give each fold ID its text and its stem's ID,
	// for the concordance's accent-insensitive word lookup.
	foldNames []string
	foldStem  []uint32
	conc      concordanceIndex
	common    commonBits // bitmaps of common stems (see commonBits)
	byKey     map[string]int
	pool      sync.Pool // *scratch
	// stemNames gives each stem ID its text, built when an index is
	// written (the stems map is the other way round).
	stemNames []string
	stemMu    sync.Mutex
	indexDir  string // where LoadFile keeps indexes; "" for none
}

func newMemory(src, tgt string, tok tokenizer) *Memory {
	return &Memory{
		src: src, tgt: tgt, tok: tok,
		folds:     map[string]uint32{"": 0},
		foldNames: []string{""}, foldStem: []uint32{0},
		stems:    map[string]uint32{"": 0},
		postings: [][]uint32{nil},
		byKey:    map[string]int{},
	}
}

// SourceLang returns the memory's source language.
func (m *Memory) SourceLang() string { return m.src }

// TargetLang returns the memory's target language.
func (m *Memory) TargetLang() string { return m.tgt }

// Len returns the number of units in the memory.
func (m *Memory) Len() int {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return m.count
}

const chunkSize = 4096

// entry returns the entry with the given ID. The caller holds m.mu.
func (m *Memory) entry(id uint32) *entry {
	return &m.chunks[id/chunkSize][id%chunkSize]
}

// prepared is a unit analysed outside the lock, ready to be indexed.
type prepared struct {
	u       Unit
	a       analysis
	key     string // normKey(u.Source)
	keyHash uint64
	nRunes  int
}

func (m *Memory) prepare(u Unit) prepared {
	p := prepared{u: u, a: analyze(u.Source, m.src, m.tok), key: normKey(u.Source)}
	p.keyHash = keyHash(p.key)
	p.nRunes = runeLen(p.a.fold)
	return p
}

func intern(tab map[string]uint32, s string) uint32 {
	if id, ok := tab[s]; ok {
		return id
	}
	id := uint32(len(tab))
	tab[s] = id
	return id
}

// insert indexes p. With replace, a unit with the same origin, source and
// context takes the place of the earlier one (a segment confirmed again).
// The caller holds m.mu for writing.
func (m *Memory) insert(p prepared, replace bool) {
	u := p.u
	e := entry{
		src: u.Source, tgt: u.Target, origin: u.Origin,
		changed: u.Changed, hasCtx: u.HasContext,
		nRunes: int32(p.nRunes), keyHash: p.keyHash, tags: newEntryTags(u),
	}
	if e.changed.IsZero() {
		e.changed = u.Created
	}
	if u.HasContext {
		e.ctx = contextHash(u.Prev, u.Next)
	}
	key := "" // the identity Add replaces on: origin, source, context
	if replace {
		key = u.Origin + "\x00" + p.key + "\x00-"
		if u.HasContext {
			key += strconv.FormatUint(e.ctx, 16)
		}
		if i, ok := m.byKey[key]; ok {
			old := m.entry(uint32(i))
			old.tgt, old.changed, old.tags = e.tgt, e.changed, e.tags
			return
		}
		m.byKey[key] = m.count
	}
	e.toks = make([]tid, len(p.a.toks))
	for i, t := range p.a.toks {
		e.toks[i] = m.internToken(t.Fold, t.Stem)
	}
	m.insertEntry(e)
}

// internToken returns the IDs of a word's fold and stem, giving new ones
// the next IDs. The caller holds m.mu for writing.
func (m *Memory) internToken(fold, stem string) tid {
	t := tid{fold: intern(m.folds, fold), stem: intern(m.stems, stem)}
	if int(t.fold) == len(m.foldStem) {
		m.foldNames = append(m.foldNames, fold)
		m.foldStem = append(m.foldStem, t.stem)
	}
	if int(t.stem) >= len(m.postings) {
		m.postings = append(m.postings, nil)
	}
	return t
}

// insertEntry stores e, whose tokens are interned, under the next ID and
// lists it in the postings of its stems. The caller holds m.mu for
// writing.
func (m *Memory) insertEntry(e entry) {
	id := uint32(m.count)
	if len(e.toks) == 0 {
		// Sources without words ("!", "—") are listed under stem 0 so an
		// identical query still finds them.
		m.postings[0] = append(m.postings[0], id)
	}
	for _, t := range e.toks {
		if pl := m.postings[t.stem]; len(pl) == 0 || pl[len(pl)-1] != id {
			m.postings[t.stem] = append(pl, id)
		}
	}
	if m.count%chunkSize == 0 {
		m.chunks = append(m.chunks, make([]entry, 0, chunkSize))
	}
	last := len(m.chunks) - 1
	m.chunks[last] = append(m.chunks[last], e)
	m.count++
	m.nToks = append(m.nToks, uint16(min(len(e.toks), 65535)))
	m.nToks8 = append(m.nToks8, uint8(min(len(e.toks), 255)))
	m.nRunes = append(m.nRunes, uint16(min(e.nRunes, 65535)))
}

// Add puts units in the memory, for example segments the translator has
// just confirmed. A unit with the same origin, source and context as one
// added earlier replaces its target, so confirming a segment again does not
// pile up versions.
func (m *Memory) Add(units ...Unit) {
	ps := make([]prepared, len(units))
	for i, u := range units {
		ps[i] = m.prepare(u)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, p := range ps {
		m.insert(p, true)
	}
}

// scratch is per-lookup working memory, pooled.
type scratch struct {
	acc    []uint16       // shared counts of queries of over 255 tokens
	acc8   []uint8        // the same for the others
	parts  [2]partScratch // the halves of a candidate scan
	sorted []cand
	row    []int
	ra, rb []rune
	crow   []int
	pat    stemPattern
	need   []uint16 // needShared's table for the current query
}

// DefaultMin is the default lowest score Lookup returns.
const DefaultMin = 50

// maxEvaluated caps how many candidates one lookup scores exactly; it only
// matters for memories full of near-identical long sentences, where the
// best matches are found long before.
const maxEvaluated = 5000

// Lookup returns the best matches for src, at most maxMatches of them,
// with a score of at least minScore (DefaultMin when minScore <= 0), best
// first; among equal scores the most recent unit comes first. One match is
// kept per distinct (source, target) pair. ctx is src's neighbourhood, used
// to flag context matches. Lookup is safe for concurrent use.
//
// Candidates come from the stem index and are scored exactly in order of
// an upper bound on their score, so no unit scoring at least minScore is
// missed as long as minScore >= 50 (a unit sharing no word stem with src
// scores below 50 by construction: its word similarity is 0 and the
// character weight is at most one half) and no more than 5,000 candidates
// reach the bound (a memory of thousands of near-identical sentences).
// Below 50, units sharing no stem with src are not found.
func (m *Memory) Lookup(src string, ctx Context, minScore, maxMatches int) []Match {
	return m.lookup(m.newQuery(src, ctx), minScore, maxMatches)
}

// LookupTagged is Lookup for a segment with inline tags: tags placed in
// src, on codes named by ID (SegmentTags gives a segment's). Scores are
// computed on the text, then adjusted for the tags (TagScore): a unit with
// the same text and other tags, or none where src has some, scores 99, so
// it is never taken as an exact match; a fuzzy match loses a point per tag
// one side has and the other lacks. Lookup, which knows no tags, does not
// compare them.
func (m *Memory) LookupTagged(src string, tags []segments.Tag, codes []segments.Code, ctx Context, minScore, maxMatches int) []Match {
	q := m.newQuery(src, ctx)
	q.tagged, q.sig = true, TagSignature(src, fitTags(src, tags, codes), codes)
	return m.lookup(q, minScore, maxMatches)
}

func (m *Memory) lookup(q *query, minScore, maxMatches int) []Match {
	if minScore <= 0 {
		minScore = DefaultMin
	}
	if maxMatches <= 0 {
		return nil
	}

	m.mu.RLock()
	defer m.mu.RUnlock()
	sc, _ := m.pool.Get().(*scratch)
	if sc == nil {
		sc = &scratch{}
	}
	defer m.pool.Put(sc)
	stemCount := m.bindQuery(q)
	sc.pat.set(q.ids, len(m.postings))
	defer sc.pat.clear()
	if cap(sc.row) < 64 {
		sc.row = make([]int, 64)
	}
	cands := m.candidates(sc, stemCount, len(q.ids), q.nRunes, minScore)
	best := m.evaluate(sc, q, cands, minScore, maxMatches)

	out := make([]Match, len(best))
	for i, f := range best {
		e := m.entry(f.id)
		ma := analyze(e.src, m.src, m.tok)
		out[i] = Match{
			Score: f.score, Context: f.score == 101,
			Source: e.src, Target: f.target, Origin: e.origin,
			NumbersSubstituted: f.subst, Changed: e.changed,
			Diff: wordDiff(q.a.toks, ma.toks, q.ids, e.toks),
		}
		if e.tags != nil {
			out[i].SourceTags, out[i].TargetTags, out[i].Codes = e.tags.src, e.tags.tgt, e.tags.codes
			if f.subst {
				out[i].TargetTags = f.tgtTags
			}
		}
	}
	return out
}

// evaluate scores candidates exactly, best bound first, and returns the
// best maxMatches of those scoring at least minScore. The caller holds
// m.mu.
func (m *Memory) evaluate(sc *scratch, q *query, cands []cand, minScore, maxMatches int) []found {
	var best []found
	cutoff := minScore
	for ci, c := range cands {
		if ci >= maxEvaluated || c.ub < cutoff {
			break
		}
		e := m.entry(c.id)
		f, ok := m.score(sc, e, q, cutoff)
		if !ok {
			continue
		}
		f.id = c.id
		best = addFound(best, f, maxMatches)
		if len(best) == maxMatches {
			// Once the list is full a fuzzy match must beat the worst one;
			// ties are kept only among exact matches (cheap to find, and
			// the most recent should win), not among the thousands of
			// 99 % or 80 % ties a repetitive memory can hold.
			cutoff = best[len(best)-1].score
			if cutoff < 100 {
				cutoff++
			}
		}
	}
	return best
}

type found struct {
	id      uint32
	score   int
	target  string
	tgtTags []segments.Tag // the target's tags after a number substitution
	subst   bool
	src     string
	origin  string
	when    time.Time
}

// better orders found matches: higher score, then more recent, then origin
// and source for a stable order.
func better(a, b found) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	if !a.when.Equal(b.when) {
		return a.when.After(b.when)
	}
	if a.origin != b.origin {
		return a.origin < b.origin
	}
	return a.id < b.id
}

// addFound inserts f in the sorted list, keeping one match per distinct
// (source, target) pair and at most max matches.
func addFound(list []found, f found, max int) []found {
	for i, g := range list {
		if g.src == f.src && g.target == f.target {
			if better(f, g) {
				list = slices.Delete(list, i, i+1)
				break
			}
			return list
		}
	}
	i := 0
	for i < len(list) && better(list[i], f) {
		i++
	}
	if i >= max {
		return list
	}
	list = slices.Insert(list, i, f)
	if len(list) > max {
		list = list[:max]
	}
	return list
}

// score computes e's exact score against the query, its tags compared
// when the query has them (TagScore only lowers a score, so the text
// score's early cut-offs stay valid). ok is false when it is below cutoff.
func (m *Memory) score(sc *scratch, e *entry, q *query, cutoff int) (found, bool) {
	f, ok := m.scoreText(sc, e, q, cutoff)
	if !ok || !q.tagged {
		return f, ok
	}
	var sig []string
	if e.tags != nil {
		sig = e.tags.sig
	}
	f.score = TagScore(f.score, q.sig, sig)
	return f, f.score >= cutoff
}

// scoreText computes e's score on the texts alone.
func (m *Memory) scoreText(sc *scratch, e *entry, q *query, cutoff int) (found, bool) {
	f := found{src: e.src, target: e.tgt, origin: e.origin, when: e.changed}
	if e.keyHash == q.keyHash && normKey(e.src) == q.key {
		f.score = 100
		if e.hasCtx && e.ctx == q.ctx {
			f.score = 101
		}
		return f, f.score >= cutoff
	}
	if cutoff >= 100 {
		return f, false // only exact matches qualify
	}
	if q.mask != "" && q.sameWordsBut(e.toks) {
		if s, ok := m.numbersOnly(e, q); ok {
			f.target, f.subst, f.tgtTags = s.target, s.subst, s.tags
			f.score = 99
			return f, f.score >= cutoff
		}
	}
	l := max(len(q.ids), len(e.toks))
	if l == 0 {
		// No words on either side: compare the texts themselves.
		sc.ra = appendRunes(sc.ra[:0], q.key)
		sc.rb = appendRunes(sc.rb[:0], normKey(e.src))
		d := boundedLevenshtein(sc.ra, sc.rb, max(len(sc.ra), len(sc.rb)), &sc.crow)
		f.score = min(99, percent(similarity(d, max(len(sc.ra), len(sc.rb)))))
		return f, f.score >= cutoff
	}
	if cap(sc.row) < len(e.toks)+1 {
		sc.row = make([]int, len(e.toks)+1)
	}
	longer := max(q.nRunes, int(e.nRunes))
	lr := 1.0
	if longer > 0 {
		lr = float64(min(q.nRunes, int(e.nRunes))) / float64(longer)
	}
	// The word distance beyond which the score is below cutoff even with
	// the best character similarity the lengths allow (plus a margin for
	// rounding).
	wc := charWeight(l)
	wsMin := (float64(cutoff)/100 - wc*lr) / (1 - wc)
	kw := costScale * l
	if wsMin > 0 {
		kw = min(kw, int((1-wsMin)*float64(costScale*l)+1e-6))
	}
	if sc.pat.n > 0 && costWord*sc.pat.distance(e.toks) > kw {
		return f, false // rejected by the bit-parallel bound, in one pass
	}
	dist := boundedWordDistance(q.ids, e.toks, kw, sc.row)
	if dist > kw {
		return f, false
	}
	ws := wordSimilarity(dist, len(q.ids), len(e.toks))
	if percent(blend(ws, lr, l)) < cutoff {
		return f, false
	}
	// The character distance that would still reach cutoff, plus one for
	// rounding: beyond it the score is below cutoff whatever it is.
	csMin := (float64(cutoff)/100 - (1-wc)*ws) / wc
	k := longer
	if csMin > 0 {
		k = min(longer, int((1-csMin)*float64(longer))+1)
	}
	sc.ra = appendRunes(sc.ra[:0], q.fold)
	sc.rb = m.foldRunes(sc.rb[:0], e.toks)
	d := boundedLevenshtein(sc.ra, sc.rb, k, &sc.crow)
	if d > k {
		return f, false
	}
	f.score = min(99, percent(blend(ws, similarity(d, longer), l)))
	return f, f.score >= cutoff
}

// foldRunes appends the runes of an entry's folded text, its words' folds
// joined by spaces, as analyze builds a query's. The caller holds m.mu.
func (m *Memory) foldRunes(dst []rune, toks []tid) []rune {
	for i, t := range toks {
		if i > 0 {
			dst = append(dst, ' ')
		}
		dst = appendRunes(dst, m.foldNames[t.fold])
	}
	return dst
}
