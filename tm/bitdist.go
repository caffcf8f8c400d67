package tm

// A bit-parallel lower bound of the word distance, to reject most
// candidates of a lookup before the quadratic word distance.
//
// The stem distance is the Levenshtein distance over word stems (same
// stem: free; any other substitution, insertion or deletion: one).
// wordDistance charges each of those at least as much in quarter-words
// (same stem, other form: 1 quarter instead of 0; others: 4 quarters), so
// costWord × stem distance never exceeds it. Myers' bit-vector algorithm
// (Hyyrö's formulation for a global distance) computes the stem distance
// in one pass over the unit's words for a query of up to 64 words.

// stemPattern is a query's stems as bit masks: bit i of mask[s] is set when
// query word i has stem s.
type stemPattern struct {
	mask []uint64 // indexed by stem ID, all zero outside the query's stems
	ids  []uint32 // stems set in mask, to clear it
	n    int      // query words; 0 when the query is too long for the bound
}

// set prepares p for the query's tokens, clearing the previous query's.
func (p *stemPattern) set(q []tid, stems int) {
	p.clear()
	if len(q) == 0 || len(q) > 64 {
		p.n = 0
		return
	}
	if len(p.mask) < stems {
		p.mask = make([]uint64, stems+stems/4)
	}
	for i, t := range q {
		if t.stem != 0 {
			if p.mask[t.stem] == 0 {
				p.ids = append(p.ids, t.stem)
			}
			p.mask[t.stem] |= 1 << i
		}
	}
	p.n = len(q)
}

func (p *stemPattern) clear() {
	for _, s := range p.ids {
		p.mask[s] = 0
	}
	p.ids = p.ids[:0]
}

// distance returns the stem distance between the query and toks.
func (p *stemPattern) distance(toks []tid) int {
	m := p.n
	last := uint64(1) << (m - 1)
	pv, mv := ^uint64(0)>>(64-m), uint64(0)
	score := m
	for _, t := range toks {
		var eq uint64
		if int(t.stem) < len(p.mask) {
			eq = p.mask[t.stem]
		}
		xv := eq | mv
		xh := (((eq & pv) + pv) ^ pv) | eq
		ph := mv | ^(xh | pv)
		mh := pv & xh
		if ph&last != 0 {
			score++
		} else if mh&last != 0 {
			score--
		}
		ph = ph<<1 | 1 // row 0 of a global distance grows by one a word
		mh <<= 1
		pv = mh | ^(xv | ph)
		mv = ph & xv
	}
	return score
}
