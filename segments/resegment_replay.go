package segments

import (
	"slices"
	"strings"
	"time"
)

// This file makes the translator's splits and merges (Block.Overrides)
// again on a new segmentation of an edited article (Reattach).

// reapplyOverrides applies to d, a new segmentation of an edited article,
// the overrides of old's blocks, block by block and in order. A block's
// overrides go to the block of d with the same text (the Nth of those as
// in old), each to the Nth place with its texts. Failing that, or when its
// text changed, each goes to the first block from the previous one's on
// (then from the start) that has its texts at its Nth place among the
// blocks of d whose text no block of old had (an edited or new paragraph):
// a paragraph the article still has as it was keeps exactly its own
// overrides, never another one's. Candidates are looked up by text, not
// scanned, and at most maxCandidates are tried per override, so that the
// cost stays linear whatever the file holds. It returns how many applied
// and how many found no such place (their sentences changed): those are
// dropped, the sentences keeping the splitter's segmentation.
//
// Each block changed is worked on apart (a one-block document) and the
// segments are put back together once: a split in place shifts every
// segment after it, which a thousand overrides on a large document would
// pay a thousand times.
func (d *Document) reapplyOverrides(old *Document) (applied, dropped int) {
	r := replay{d: d, subs: map[int]*Document{}}
	oldTexts := make(map[string]bool, len(old.Blocks))
	for obi := range old.Blocks {
		oldTexts[old.Blocks[obi].Text] = true
	}
	hint := 0                // a block of d
	seen := map[string]int{} // texts of old's blocks so far → how many
	for obi := range old.Blocks {
		text := old.Blocks[obi].Text
		nth := seen[text]
		seen[text]++
		ovs := old.Blocks[obi].Overrides
		if len(ovs) == 0 {
			continue
		}
		same := r.sameBlock(text, nth)
		for _, ov := range ovs {
			j := -1
			if same >= 0 {
				j = r.find(ov, same, same+1)
			}
			if j < 0 {
				j = r.fallback(ov, hint, oldTexts)
			}
			if j < 0 {
				dropped++
				continue
			}
			bi := r.blockAt
			if r.sub(bi).apply(ov, j) != nil {
				dropped++
				continue
			}
			if r.index != nil && !oldTexts[r.d.Blocks[bi].Text] {
				r.indexSegs(bi, j-1, j+2)
			}
			applied++
			hint = bi
		}
	}
	r.splice()
	return applied, dropped
}

// maxCandidates bounds the blocks tried for an override whose own block
// was edited (see reapplyOverrides).
const maxCandidates = 64

// fallback finds ov's place in the blocks of d new in the edited article
// (no block of old had their text), from block hint on, then from the
// start; it returns the place as find does, or -1.
func (r *replay) fallback(ov Override, hint int, oldTexts map[string]bool) int {
	if r.index == nil {
		r.index = map[string][]int{}
		for bi := range r.d.Blocks {
			if !oldTexts[r.d.Blocks[bi].Text] {
				r.indexSegs(bi, 0, r.d.Blocks[bi].Count)
			}
		}
	}
	cands := r.index[overrideKey(ov)]
	k, _ := slices.BinarySearch(cands, hint)
	tried := 0
	for _, part := range [][]int{cands[k:], cands[:k]} {
		for _, bi := range part {
			if tried++; tried > maxCandidates {
				return -1
			}
			if j := r.find(ov, bi, bi+1); j >= 0 {
				return j
			}
		}
	}
	return -1
}

// overrideKey is the key of the index of candidate blocks under which ov
// is looked up: a split by its texts without white space (the segment it
// splits has them with some white space between), a merge by its two
// texts.
func overrideKey(ov Override) string {
	if ov.Op == OverrideSplit {
		return "s\x00" + noSpace(ov.Left+ov.Right)
	}
	return "m\x00" + ov.Left + "\x00" + ov.Right
}

// noSpace is s without white space.
func noSpace(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// indexSegs adds block bi (as it is now) to the index under the keys of
// its segments lo…hi-1 (places in the block, clamped): the split each
// could take and the merge with the next.
func (r *replay) indexSegs(bi, lo, hi int) {
	doc, vb := r.view(bi)
	b := doc.Blocks[vb]
	segs := doc.Segments[b.First : b.First+b.Count]
	lo, hi = max(lo, 0), min(hi, len(segs))
	add := func(key string) {
		list := r.index[key]
		if k, found := slices.BinarySearch(list, bi); !found {
			r.index[key] = slices.Insert(list, k, bi)
		}
	}
	for k := lo; k < hi; k++ {
		add("s\x00" + noSpace(segs[k].Source))
		if k+1 < len(segs) {
			add("m\x00" + segs[k].Source + "\x00" + segs[k+1].Source)
		}
	}
}

// replay is reapplyOverrides' state: the blocks changed so far, each as a
// document of its own.
type replay struct {
	d      *Document
	subs   map[int]*Document // block of d → its one-block document
	byText map[string][]int  // block text → blocks of d, built on first use
	// index maps overrideKey → the blocks of d new in the edited article
	// that may have the override's texts (sorted), built on first use.
	index   map[string][]int
	blockAt int // the block of the last find
}

// sub returns block bi of d as a document of one block (made on first
// use), whose segments are the block's.
func (r *replay) sub(bi int) *Document {
	if s := r.subs[bi]; s != nil {
		return s
	}
	b := r.d.Blocks[bi]
	s := &Document{SourceLang: r.d.SourceLang, TargetLang: r.d.TargetLang, Format: r.d.Format}
	s.Segments = append([]Segment(nil), r.d.BlockSegments(bi)...)
	for k := range s.Segments {
		s.Segments[k].Index, s.Segments[k].Block = k, 0
	}
	b.First = 0
	s.Blocks = []Block{b}
	r.subs[bi] = s
	return s
}

// view returns the document holding block bi as it is now, and the
// block's index in it.
func (r *replay) view(bi int) (*Document, int) {
	if s := r.subs[bi]; s != nil {
		return s, 0
	}
	return r.d, bi
}

// find returns the place in its block (0 for the block's first segment)
// of the segment ov applies to in the first of the blocks lo…hi-1 that has
// its texts at its Nth place (setting blockAt to that block), or -1.
func (r *replay) find(ov Override, lo, hi int) int {
	for bi := lo; bi < hi; bi++ {
		doc, vb := r.view(bi)
		if j := doc.findOverride(ov, vb, vb+1); j >= 0 {
			r.blockAt = bi
			return j - doc.Blocks[vb].First
		}
	}
	return -1
}

// sameBlock returns the nth block of d whose text is text, or -1.
func (r *replay) sameBlock(text string, nth int) int {
	if r.byText == nil {
		r.byText = make(map[string][]int, len(r.d.Blocks))
		for bi := range r.d.Blocks {
			r.byText[r.d.Blocks[bi].Text] = append(r.byText[r.d.Blocks[bi].Text], bi)
		}
	}
	if bs := r.byText[text]; nth < len(bs) {
		return bs[nth]
	}
	return -1
}

// splice puts the changed blocks back into d, renumbering the segments
// once.
func (r *replay) splice() {
	if len(r.subs) == 0 {
		return
	}
	d := r.d
	segs := make([]Segment, 0, len(d.Segments)+len(r.subs))
	for bi := range d.Blocks {
		b := &d.Blocks[bi]
		part := d.Segments[b.First : b.First+b.Count]
		if s := r.subs[bi]; s != nil {
			part = s.Segments
			b.Text, b.Overrides, b.Codes = s.Blocks[0].Text, s.Blocks[0].Overrides, s.Blocks[0].Codes
		}
		b.First, b.Count = len(segs), len(part)
		for _, sg := range part {
			sg.Index, sg.Block = len(segs), bi
			segs = append(segs, sg)
		}
	}
	d.Segments = segs
	d.dropReps()
}

// apply makes override ov at segment j.
func (d *Document) apply(ov Override, j int) error {
	if ov.Op == OverrideSplit {
		return d.split(j, len(ov.Left), time.Time{})
	}
	return d.merge(j, time.Time{})
}
