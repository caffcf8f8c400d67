package tm

import "sync"

// A lookup takes the stems in over half the memory's units ("de", "la") as
// shared by every unit rather than read their long postings (candidates);
// planDense also asks bitmaps of stems in over 1/32 of them, so the cache
// holds those too.
// That bound is loose: a query with five such words credits every unit
// with five shared stems, and thousands of units then pass the candidate
// filter only to be rejected by exact scoring. So each such stem also has a
// bitmap of its units, which the filter reads (one bit, in 125 KB for a
// million units) for the few units that pass the cheaper tests, to count
// the stem only where it is.

// commonBits holds the bitmaps, made when a lookup first needs them and
// brought up to date by later ones.
type commonBits struct {
	mu   sync.Mutex
	bits map[uint32]*stemBits
}

type stemBits struct {
	words []uint64 // bit id of word id/64 set when unit id has the stem
	n     int      // postings the bits cover
}

// stemBits returns the bitmap of stem s over the memory's units. The caller
// holds m.mu for reading: the postings do not change meanwhile, so the
// first lookup to ask brings the bitmap up to date and the others only read
// it.
func (m *Memory) stemBits(s uint32) []uint64 {
	c := &m.common
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.bits == nil {
		c.bits = map[uint32]*stemBits{}
	}
	b := c.bits[s]
	if b == nil {
		b = &stemBits{}
		c.bits[s] = b
	}
	pl := m.postings[s]
	if len(pl) < b.n {
		b.words, b.n = nil, 0 // not after truncate, which drops the bitmaps; kept safe anyway
	}
	if need := (m.count + 63) / 64; len(b.words) < need {
		b.words = append(b.words, make([]uint64, need-len(b.words))...)
	}
	for _, id := range pl[b.n:] {
		b.words[id/64] |= 1 << (id % 64)
	}
	b.n = len(pl)
	return b.words
}

// dropStemBits forgets the bitmaps. The caller holds m.mu for writing.
func (m *Memory) dropStemBits() {
	m.common.mu.Lock()
	m.common.bits = nil
	m.common.mu.Unlock()
}

// commonStem is a stem of the query taken as shared without reading its
// postings: k of the query's tokens have it, bits says which units do.
type commonStem struct {
	k    int
	bits []uint64
}

// sharedCommon returns how many of the query's tokens with common stems
// unit id shares.
func sharedCommon(cs []commonStem, id uint32) int {
	n := 0
	for _, c := range cs {
		if c.bits[id/64]&(1<<(id%64)) != 0 {
			n += c.k
		}
	}
	return n
}

// anyBit reports whether unit id has one of the stems.
func anyBit(cs []commonStem, id uint32) bool {
	for _, c := range cs {
		if c.bits[id/64]&(1<<(id%64)) != 0 {
			return true
		}
	}
	return false
}
