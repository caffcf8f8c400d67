package tm

import (
	"cmp"
	"slices"
	"sync"
	"time"

	"github.com/trad-project/trad/glossary"
)

// ConcordanceHit is one unit whose source contains the words searched by
// Concordance.
type ConcordanceHit struct {
	Source, Target string
	Origin         string
	Changed        time.Time
	// Start and End are the byte offsets in Source of the matched words,
	// from the first one's start to the last one's end: the keyword of a
	// keyword-in-context line.
	Start, End int
	// Exact is set when the matched words are the query's words with the
	// same accents (case aside); other hits differ in accents only.
	Exact bool
}

// concordanceIndex maps accent-free folds to the memory's fold IDs. It is
// extended lazily, by the first Concordance after new words were added.
type concordanceIndex struct {
	mu    sync.Mutex
	byKey map[string][]uint32
	built int // fold IDs indexed so far
}

// maxConcordanceChecks bounds the units one Concordance checks word by
// word: a query made of the most frequent words ("de la") has hundreds of
// thousands of candidates, of which the shortest are checked first.
const maxConcordanceChecks = 20_000

// Concordance returns the units whose source contains query's words in a
// row, case- and accent-insensitively ("etat" finds "État"; words are
// compared as the memory's analysis folds them, so "l'État" and "État"
// both match "état"), at most limit of them, best first: hits with the
// query's accents before others, then shorter sources (the most focused
// contexts), then the most recent. A (source, target) pair is returned
// once. Concordance is safe for concurrent use with Lookup and Add.
//
// Candidates are the intersection of the query words' postings; when it
// is very large, the shortest maxConcordanceChecks units are checked, so
// a longer unit may be missed for a query of only the most common words.
func (m *Memory) Concordance(query string, limit int) []ConcordanceHit {
	if limit <= 0 {
		return nil
	}
	qa := analyze(query, m.src, m.tok)
	if len(qa.toks) == 0 {
		return nil
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	variants, exact := m.concordanceWords(qa.toks)
	if variants == nil {
		return nil
	}
	cands := m.intersectPostings(variants)
	hits := m.checkCandidates(cands, variants, exact, limit)
	out := make([]ConcordanceHit, 0, min(limit, len(hits)))
	for _, h := range hits {
		e := m.entry(h.id)
		toks := analyze(e.src, m.src, m.tok).toks
		out = append(out, ConcordanceHit{
			Source: e.src, Target: e.tgt, Origin: e.origin, Changed: e.changed,
			Start: toks[h.pos].Start, End: toks[h.pos+len(variants)-1].End, Exact: h.exact,
		})
		if len(out) == limit {
			break
		}
	}
	return out
}

// concordanceWords returns, for each query token, the memory's fold IDs
// equal to it without accents, and the fold ID equal to it as written (0
// when none); nil when a token is in no unit. The caller holds m.mu.
func (m *Memory) concordanceWords(toks []token) (variants [][]uint32, exact []uint32) {
	c := &m.conc
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.byKey == nil {
		c.byKey = map[string][]uint32{}
	}
	for id := c.built; id < len(m.foldNames); id++ {
		if id > 0 {
			k := glossary.Deaccent(m.foldNames[id])
			c.byKey[k] = append(c.byKey[k], uint32(id))
		}
	}
	c.built = len(m.foldNames)
	variants = make([][]uint32, len(toks))
	exact = make([]uint32, len(toks))
	for i, t := range toks {
		variants[i] = c.byKey[glossary.Deaccent(t.Fold)]
		if len(variants[i]) == 0 {
			return nil, nil
		}
		exact[i] = m.folds[t.Fold]
	}
	return variants, exact
}

// intersectPostings returns the units holding a stem of every position's
// variants, ascending. The caller holds m.mu.
func (m *Memory) intersectPostings(variants [][]uint32) []uint32 {
	lists := make([][]uint32, 0, len(variants))
	for _, vs := range variants {
		var l []uint32
		var seen []uint32
		for _, f := range vs {
			s := m.foldStem[f]
			if slices.Contains(seen, s) {
				continue
			}
			seen = append(seen, s)
			l = unionSorted(l, m.postings[s])
		}
		lists = append(lists, l)
	}
	slices.SortFunc(lists, func(a, b []uint32) int { return cmp.Compare(len(a), len(b)) })
	out := slices.Clone(lists[0])
	for _, l := range lists[1:] {
		if len(out) == 0 {
			break
		}
		out = intersectSorted(out, l)
	}
	return out
}

// unionSorted merges two ascending lists without repeats.
func unionSorted(a, b []uint32) []uint32 {
	if len(a) == 0 {
		return b
	}
	out := make([]uint32, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			out = append(out, a[i])
			i++
		case a[i] > b[j]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i, j = i+1, j+1
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}

// intersectSorted keeps the IDs of small (ascending) that are in big
// (ascending), in place. It gallops through big, so a short list against
// a long one costs the short one's length times a logarithm.
func intersectSorted(small, big []uint32) []uint32 {
	out := small[:0]
	lo := 0
	for _, id := range small {
		// Exponential search for the first element >= id from lo.
		step, hi := 1, lo
		for hi < len(big) && big[hi] < id {
			lo = hi
			hi += step
			step *= 2
		}
		i, found := slices.BinarySearch(big[lo:min(hi+1, len(big))], id)
		lo += i
		if found {
			out = append(out, id)
		}
		if lo >= len(big) {
			break
		}
	}
	return out
}

type concHit struct {
	id    uint32
	pos   int // index of the first matched token
	exact bool
	n     uint16 // the unit's token count
}

// checkCandidates checks candidates word by word, shortest units first,
// and returns the hits in the order Concordance ranks them, one per
// (source, target) pair. It stops once
// limit exact hits are found (longer units cannot rank before them) or
// maxConcordanceChecks units are checked. The caller holds m.mu.
func (m *Memory) checkCandidates(cands []uint32, variants [][]uint32, exact []uint32, limit int) []concHit {
	// Counting sort by token count, capped: a stable order by length.
	const maxLen = 255
	var counts [maxLen + 2]int
	for _, id := range cands {
		counts[min(int(m.nToks[id]), maxLen)+1]++
	}
	for i := 1; i < len(counts); i++ {
		counts[i] += counts[i-1]
	}
	byLen := make([]uint32, len(cands))
	for _, id := range cands {
		l := min(int(m.nToks[id]), maxLen)
		byLen[counts[l]] = id
		counts[l]++
	}
	var hits []concHit
	pairs := map[[2]string]int{} // (source, target) -> index in hits
	nExact, checked, curLen := 0, 0, -1
	for _, id := range byLen {
		l := min(int(m.nToks[id]), maxLen)
		if l != curLen {
			if nExact >= limit || checked >= maxConcordanceChecks {
				break
			}
			curLen = l
		}
		checked++
		e := m.entry(id)
		pos, ex, ok := phraseAt(e.toks, variants, exact)
		if !ok {
			continue
		}
		h := concHit{id: id, pos: pos, exact: ex, n: m.nToks[id]}
		k := [2]string{e.src, e.tgt}
		if i, dup := pairs[k]; dup {
			// One hit per pair: the most recent unit's.
			if e.changed.After(m.entry(hits[i].id).changed) {
				hits[i] = h
			}
			continue
		}
		pairs[k] = len(hits)
		hits = append(hits, h)
		if ex {
			nExact++
		}
	}
	slices.SortStableFunc(hits, func(a, b concHit) int {
		if a.exact != b.exact {
			if a.exact {
				return -1
			}
			return 1
		}
		if c := cmp.Compare(a.n, b.n); c != 0 {
			return c
		}
		return m.entry(b.id).changed.Compare(m.entry(a.id).changed)
	})
	return hits
}

// phraseAt finds the query's words in a row in toks, preferring a place
// where they have the query's accents.
func phraseAt(toks []tid, variants [][]uint32, exact []uint32) (pos int, isExact, ok bool) {
	pos = -1
	for p := 0; p+len(variants) <= len(toks); p++ {
		match, ex := true, true
		for j, vs := range variants {
			f := toks[p+j].fold
			if !slices.Contains(vs, f) {
				match = false
				break
			}
			ex = ex && f == exact[j]
		}
		if !match {
			continue
		}
		if ex {
			return p, true, true
		}
		if pos < 0 {
			pos = p
		}
	}
	return pos, false, pos >= 0
}
