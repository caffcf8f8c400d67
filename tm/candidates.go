package tm

import (
	"cmp"
	"encoding/binary"
	"math"
	"runtime"
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
// entry and on return. On a large memory the units are split into two
// halves by ID, scanned on two goroutines (their counts are disjoint parts
// of acc): the scan is memory-bound work a second core halves.
func candidatesIn[A uint8 | uint16](m *Memory, sc *scratch, acc []A, stemCount map[uint32]int, n, nRunes, minScore int) []cand {
	pl := m.planScan(stemCount, n, minScore)
	pl.need = needShared(sc, n, minScore)
	pl.n, pl.nRunes, pl.minScore = n, nRunes, minScore
	parts := 1
	if m.count >= parallelScanMin && runtime.GOMAXPROCS(0) > 1 {
		parts = 2
	}
	split := uint32(m.count / parts)
	if parts == 2 {
		done := make(chan struct{})
		go func() {
			scanPart(m, &sc.parts[1], acc, &pl, split, uint32(m.count))
			close(done)
		}()
		scanPart(m, &sc.parts[0], acc, &pl, 0, split)
		<-done
	} else {
		scanPart(m, &sc.parts[0], acc, &pl, 0, uint32(m.count))
	}
	// Counting sort on the bound, best first, stable (the first half's
	// candidates before the second's within a bound).
	var buckets [102]int
	total := 0
	for i := range parts {
		for b, c := range sc.parts[i].buckets {
			buckets[b] += c
			total += c
		}
	}
	for b, sum := 101, 0; b >= 0; b-- {
		c := buckets[b]
		buckets[b] = sum
		sum += c
	}
	sc.sorted = slices.Grow(sc.sorted[:0], total)[:total]
	for i := range parts {
		p := &sc.parts[i]
		for _, c := range p.cands {
			sc.sorted[buckets[c.ub]] = c
			buckets[c.ub]++
		}
		clear(p.buckets[:])
	}
	return sc.sorted
}

// parallelScanMin is the memory size from which candidates scans two
// halves at once (a variable for tests).
var parallelScanMin = 200_000

// scanPlan is what every part of a candidate scan shares: the query's
// stems split into the prefix (their postings make candidates), the rest
// (counted for candidates found) and those assumed shared.
type scanPlan struct {
	prefix, rest []qstem
	// assumed counts the tokens of common; a unit's count of them is read
	// from their bitmaps only once it has passed the tests with all.
	assumed int
	common  []commonStem
	// In a dense scan, the prefix stems found in many units (finders)
	// and all the others (counted) are read from their bitmaps in one
	// pass over the units instead of from their postings; prefix then
	// holds only the rarer prefix stems.
	dense     bool
	finders   []commonStem
	counted   []commonStem
	need      []uint16
	n, nRunes int
	minScore  int
}

// planScan sorts the query's stems by rarity and splits them (see
// candidates).
func (m *Memory) planScan(stemCount map[uint32]int, n, minScore int) scanPlan {
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
	pl := scanPlan{prefix: qs[:prefix]}
	if m.planDense(&pl, qs, prefix, n) {
		return pl
	}
	for _, q := range qs[prefix:] {
		if 2*len(m.postings[q.id]) > m.count {
			pl.assumed += q.k
			pl.common = append(pl.common, commonStem{q.k, m.stemBits(q.id)})
			continue
		}
		pl.rest = append(pl.rest, q)
	}
	return pl
}

// A stem in over 1/denseFrac of the units is dense: from denseScanMin
// units on, when the query's dense prefix stems have more postings than
// an eighth of the units, reading one bit a unit from each of its dense
// stems' bitmaps, eight units at a time, costs less than scattering their
// postings' counts (variables for tests).
var (
	denseFrac    = 32
	denseScanMin = 1 << 16
)

// planDense makes pl a dense scan when it pays (see denseFrac), given the
// query's stems sorted by rarity, of which the first prefix make
// candidates. Queries of over 255 tokens are never scanned this way (their
// counts take two bytes).
func (m *Memory) planDense(pl *scanPlan, qs []qstem, prefix, n int) bool {
	if n > 255 || m.count < denseScanMin {
		return false
	}
	first, postings := prefix, 0
	for first > 0 && len(m.postings[qs[first-1].id])*denseFrac > m.count {
		first--
		postings += len(m.postings[qs[first].id])
	}
	if postings*8 <= m.count {
		return false
	}
	// The stems after the prefix are at least as common as its last one:
	// dense too.
	pl.dense, pl.prefix = true, qs[:first]
	for i, q := range qs[first:] {
		c := commonStem{q.k, m.stemBits(q.id)}
		if first+i < prefix {
			pl.finders = append(pl.finders, c)
		} else {
			pl.counted = append(pl.counted, c)
		}
	}
	return true
}

// partScratch is one part's working memory in a candidate scan.
type partScratch struct {
	touched []uint32
	cands   []cand
	buckets [102]int
}

// inRange returns the part of a posting list (ascending IDs) in [lo, hi).
func inRange(pl []uint32, lo, hi uint32) []uint32 {
	i, _ := slices.BinarySearch(pl, lo)
	j, _ := slices.BinarySearch(pl[i:], hi)
	return pl[i : i+j]
}

// scanPart finds the candidates among units [lo, hi) into p.cands, with
// p.buckets counting them by bound. The caller holds m.mu.
func scanPart[A uint8 | uint16](m *Memory, p *partScratch, acc []A, pl *scanPlan, lo, hi uint32) {
	p.touched = p.touched[:0]
	if pl.n == 0 {
		for _, id := range inRange(m.postings[0], lo, hi) {
			acc[id] = 1
			p.touched = append(p.touched, id)
		}
	}
	// Units found are listed while they are few; past a sixteenth of the
	// memory, a sequential pass over the counts is cheaper than the list.
	listMax := max(int(hi-lo)/16, touchedListMin)
	overflow := pl.dense // a dense scan counts its rare stems without a list
	for _, q := range pl.prefix {
		ids := inRange(m.postings[q.id], lo, hi)
		k := A(min(q.k, int(^A(0))))
		if !overflow {
			ids, overflow = listNew(acc, ids, k, &p.touched, listMax)
		}
		for _, id := range ids {
			acc[id] += k
		}
	}
	for _, q := range pl.rest {
		k := A(min(q.k, int(^A(0))))
		for _, id := range inRange(m.postings[q.id], lo, hi) {
			// Without a branch (a conditional move): whether a unit was
			// found is a coin toss the predictor loses.
			a := acc[id]
			if a != 0 {
				a += k
			}
			acc[id] = a
		}
	}
	// least is the fewest stems a unit of any length needs: most units
	// found share one or two, and this test rules them out before their
	// lengths are read.
	least := needNever
	for _, c := range pl.need {
		least = min(least, int(c))
	}
	out := p.cands[:0]
	// keep finishes the tests of unit id, which shares shared of the
	// query's tokens (common stems included).
	keep := func(id uint32, shared int) {
		mt := int(m.nToks8[id])
		if mt == 255 {
			mt = int(m.nToks[id]) // saturated
		}
		if shared < int(pl.need[min(mt, len(pl.need)-1)]) {
			return // cannot reach minScore whatever its characters
		}
		ub := percent(scoreUpperBound(shared, pl.n, mt, pl.nRunes, int(m.nRunes[id])))
		if ub >= pl.minScore {
			out = append(out, cand{id, ub})
			p.buckets[ub]++
		}
	}
	// check is keep for a unit whose common stems are not counted yet:
	// they are assumed first, read from their bitmaps if that passes.
	check := func(id uint32) {
		shared := int(acc[id])
		acc[id] = 0
		if shared+pl.assumed < least {
			return
		}
		keep(id, shared+sharedCommon(pl.common, id))
	}
	if !overflow {
		for _, id := range p.touched {
			check(id)
		}
	} else if acc8, ok := any(acc).([]uint8); ok {
		counted := pl.common
		if pl.dense {
			counted = pl.counted
		}
		passCounts8(acc8, lo, hi, least, pl.finders, counted, keep)
	} else {
		for id, a := range acc[lo:hi] {
			if a != 0 {
				check(lo + uint32(id))
			}
		}
	}
	p.cands = out
}

// listNew adds k to the counts of ids while listing the units found for
// the first time in touched, until it holds listMax of them; it returns the
// ids not yet counted and whether the list overflowed.
func listNew[A uint8 | uint16](acc []A, ids []uint32, k A, touched *[]uint32, listMax int) ([]uint32, bool) {
	for j, id := range ids {
		if acc[id] == 0 {
			if len(*touched) == listMax {
				return ids[j:], true
			}
			*touched = append(*touched, id)
		}
		acc[id] += k
	}
	return nil, false
}

// passCounts8 calls keep for every unit of [lo, hi) found (a non-zero
// count, or a bit of a finder stem) whose count, with the bits of the
// finder and counted stems, may reach least, and clears the counts, eight
// units at a time: the stems' bits are added to a word of eight counts at
// once (no count exceeds the query's 255 tokens, so none carries into the
// next), and a word none of whose counts reaches least, the usual case,
// costs a few operations.
func passCounts8(acc []uint8, lo, hi uint32, least int, finders, counted []commonStem, keep func(uint32, int)) {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	// Bytes over t have their high bit set in (low7 + 127-t) | x, without
	// carries between bytes (t <= 127).
	t := uint64(min(max(least, 1)-1, 127))
	one := func(id uint32) {
		a := acc[id]
		acc[id] = 0
		if a == 0 && !anyBit(finders, id) {
			return
		}
		if shared := int(a) + sharedCommon(finders, id) + sharedCommon(counted, id); shared >= least {
			keep(id, shared)
		}
	}
	id := lo
	for ; id < hi && id%64 != 0; id++ {
		one(id)
	}
	// Blocks of 64 units: each stem's word of bits is read once, then
	// shifted through the block's eight words of counts.
	nf := len(finders)
	words := make([]uint64, nf+len(counted))
	weights := make([]uint64, nf+len(counted))
	for i, c := range append(finders[:nf:nf], counted...) {
		weights[i] = uint64(c.k)
	}
	for ; id+64 <= hi; id += 64 {
		var fany uint64
		for i, c := range finders {
			words[i] = c.bits[id/64]
			fany |= words[i]
		}
		for i, c := range counted {
			words[nf+i] = c.bits[id/64]
		}
		for g := uint32(0); g < 64; g += 8 {
			w := binary.LittleEndian.Uint64(acc[id+g:])
			fb := byte(fany >> g)
			if w == 0 && fb == 0 {
				continue
			}
			if w != 0 {
				binary.LittleEndian.PutUint64(acc[id+g:], 0)
			}
			found := ((w&^highs)+ones*127|w)&highs | bitBytes[fb]<<7 // high bit of each unit found
			for i, x := range words {
				w += bitBytes[byte(x>>g)] * weights[i]
			}
			if ((w&^highs)+ones*(127-t)|w)&highs&found == 0 {
				continue
			}
			for j := range uint32(8) {
				if found&(0x80<<(8*j)) != 0 {
					if shared := int(byte(w >> (8 * j))); shared >= least {
						keep(id+g+j, shared)
					}
				}
			}
		}
	}
	for ; id < hi; id++ {
		one(id)
	}
}

// bitBytes spreads the eight bits of its index over eight bytes: byte j
// is 1 when bit j is set.
var bitBytes = func() (t [256]uint64) {
	for b := range t {
		for j := range 8 {
			if b&(1<<j) != 0 {
				t[b] |= 1 << (8 * j)
			}
		}
	}
	return t
}()

// needShared returns, for each unit length in tokens (the last entry
// standing for all longer ones), the fewest stems a unit of that length
// must share with a query of n tokens to possibly reach minScore (needNever
// when none can): the integer test that rules out most units before the
// bound is computed.
func needShared(sc *scratch, n, minScore int) []uint16 {
	const maxLen = 256
	sc.need = slices.Grow(sc.need[:0], maxLen)[:maxLen]
	c := 0
	for mt := range maxLen {
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
		if c > min(n, mt) {
			// No unit of this length can reach minScore, however many
			// stems its count says it shares (assumed ones included).
			sc.need[mt] = needNever
		}
	}
	// The last entry stands for every longer unit. For a shorter query
	// the bound only falls as a unit grows past it (the word similarity
	// shrinks, the character weight is constant), so the count a unit of
	// maxLen-1 tokens needs holds for longer ones; otherwise no shortcut.
	if n >= maxLen-1 {
		sc.need[maxLen-1] = 0
	}
	return sc.need
}

// needNever marks a unit length needShared rules out altogether.
const needNever = math.MaxUint16

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
