package tm

import (
	"cmp"
	"slices"
)

// candidates returns the units that may score at least minScore against a
// query of n tokens (nRunes folded runes) with the given stem counts,
// sorted by an upper bound of their score, best first.
//
// It uses prefix filtering: a unit sharing fewer than cMin stems with the
// query cannot reach minScore, so it must share one of the rarest stems
// that together make up n-cMin+1 of the query's tokens. Only those stems'
// postings make candidates; the others only add to the shared counts of
// units already found, and the most common of them (in over half the
// units, such as "de" or "la") are taken as shared by every unit rather
// than read: a slightly looser bound for far fewer memory reads.
func (m *Memory) candidates(sc *scratch, stemCount map[uint32]int, n, nRunes, minScore int) []cand {
	// The shared counts are at most n: one byte a unit for all but the
	// longest queries, so that the counts, read and written at random,
	// take half the cache.
	if n <= 255 {
		if len(sc.acc8) < m.count {
			sc.acc8 = make([]uint8, m.count+m.count/4)
		}
		return candidatesIn(m, sc, sc.acc8, stemCount, n, nRunes, minScore)
	}
	if len(sc.acc) < m.count {
		sc.acc = make([]uint16, m.count+m.count/4)
	}
	return candidatesIn(m, sc, sc.acc, stemCount, n, nRunes, minScore)
}

// candidatesIn is candidates with the shared counts in acc, all zero on
// entry and on return.
func candidatesIn[A uint8 | uint16](m *Memory, sc *scratch, acc []A, stemCount map[uint32]int, n, nRunes, minScore int) []cand {
	qs := make([]qstem, 0, len(stemCount))
	known := 0
	for s, k := range stemCount {
		qs = append(qs, qstem{s, k})
		known += k
	}
	slices.SortFunc(qs, func(a, b qstem) int {
		if c := cmp.Compare(len(m.postings[a.id]), len(m.postings[b.id])); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	cMin := minShared(n, minScore)
	covered := n - known // words the memory has never seen are never shared
	prefix := 0
	for prefix < len(qs) && covered < n-cMin+1 {
		covered += qs[prefix].k
		prefix++
	}
	sc.touched = sc.touched[:0]
	if n == 0 {
		for _, id := range m.postings[0] {
			acc[id] = 1
			sc.touched = append(sc.touched, id)
		}
	}
	// Units found are listed while they are few; past a sixteenth of the
	// memory, a sequential pass over the counts is cheaper than the list.
	listMax := max(m.count/16, touchedListMin)
	overflow := false
	for _, q := range qs[:prefix] {
		for _, id := range m.postings[q.id] {
			if acc[id] == 0 && !overflow {
				if len(sc.touched) == listMax {
					overflow = true
				} else {
					sc.touched = append(sc.touched, id)
				}
			}
			acc[id] += A(min(q.k, int(^A(0))))
		}
	}
	assumed := 0
	rest := qs[prefix:prefix] // filtered in place
	for _, q := range qs[prefix:] {
		pl := m.postings[q.id]
		if 2*len(pl) > m.count {
			assumed += q.k
			continue
		}
		rest = append(rest, q)
	}
	for _, q := range rest {
		for _, id := range m.postings[q.id] {
			if acc[id] != 0 {
				acc[id] += A(min(q.k, int(^A(0))))
			}
		}
	}
	need := needShared(sc, n, minScore)
	out := sc.cands[:0]
	check := func(id uint32) {
		shared := int(acc[id]) + assumed
		acc[id] = 0
		mt := int(m.nToks8[id])
		if mt == 255 {
			mt = int(m.nToks[id]) // saturated
		}
		if shared < int(need[min(mt, len(need)-1)]) {
			return // cannot reach minScore whatever its characters
		}
		ub := percent(scoreUpperBound(shared, n, mt, nRunes, int(m.nRunes[id])))
		if ub >= minScore {
			out = append(out, cand{id, ub})
			sc.buckets[ub]++
		}
	}
	if overflow {
		for id, a := range acc[:m.count] {
			if a != 0 {
				check(uint32(id))
			}
		}
	} else {
		for _, id := range sc.touched {
			check(id)
		}
	}
	// Counting sort on the bound, best first, stable.
	for b, total := 101, 0; b >= 0; b-- {
		c := sc.buckets[b]
		sc.buckets[b] = total
		total += c
	}
	sc.sorted = slices.Grow(sc.sorted[:0], len(out))[:len(out)]
	for _, c := range out {
		sc.sorted[sc.buckets[c.ub]] = c
		sc.buckets[c.ub]++
	}
	clear(sc.buckets[:])
	sc.cands = out
	return sc.sorted
}

// needShared returns, for each unit length in tokens (the last entry
// standing for all longer ones), the fewest stems a unit of that length
// must share with a query of n tokens to possibly reach minScore: the
// integer test that rules out most units before the bound is computed.
func needShared(sc *scratch, n, minScore int) []uint16 {
	const maxLen = 256
	sc.need = slices.Grow(sc.need[:0], maxLen)[:maxLen]
	c := 0
	for mt := range maxLen - 1 {
		// The bound grows with the shared count; the count needed is
		// found from the previous length's, going down when it fits.
		c = min(c, n, mt)
		for c > 0 && percent(scoreUpperBound(c-1, n, mt, 1, 1)) >= minScore {
			c--
		}
		for c <= min(n, mt) && percent(scoreUpperBound(c, n, mt, 1, 1)) < minScore {
			c++
		}
		sc.need[mt] = uint16(c)
	}
	sc.need[maxLen-1] = 0 // longer units: no shortcut
	return sc.need
}

// minShared is the fewest stems a unit must share with a query of n tokens
// to possibly score minScore: the bound is largest for a unit of n tokens
// with the same character length.
func minShared(n, minScore int) int {
	for c := 0; c < n; c++ {
		if percent(blend(float64(c)/float64(n), 1, n)) >= minScore {
			return c
		}
	}
	return n
}

// touchedListMin is the least number of units candidates lists before
// switching to a pass over the counts (a variable for tests).
var touchedListMin = 1024

// qstem is a stem of the query and how many of its tokens have it.
type qstem struct {
	id uint32
	k  int
}

type cand struct {
	id uint32
	ub int // upper bound of the score, in percent
}
