package segments

import (
	"fmt"
	"math"
	"slices"
)

// segBase is a version of a document's segments as a Store keeps it for
// its three-way merges (the caller's segments as last handed in, the file
// as last read or written): the place of every segment and a copy of only
// the segments that hold more than their place (needsRecord: work, tags),
// as a schema 3 file stores them. Sources never change, so a blank segment
// is its place: a 50 MB article's half a million segments cost 8 bytes
// each here instead of a 256-byte copy. A segBase is not changed once
// built, so Stores share them freely, except a Snapshot's own, which
// SaveSnapshot merges into once (never shared). nil is a version without
// any work.
type segBase struct {
	// blocks are the blocks as when taken (texts, First, Count): a copy
	// of the document's slice, the texts shared.
	blocks []Block
	// spans are each segment's bytes in its block's text.
	spans []span32
	// recs are copies of the segments that need a record, by Index, and
	// of every segment of a block whose text does not fit span32.
	recs []Segment
	// revs are the segments' Revs other than 0, by index, kept only for
	// the caller's version handed to a Save (withRevs): ApplySaved and
	// ApplySegmentation compare them with the live segments'.
	revs     []segRev
	withRevs bool
}

type span32 struct{ start, end uint32 }

type segRev struct {
	i   int
	rev uint64
}

// wideBlock reports whether a block text is too long for span32 offsets.
func wideBlock(b *Block) bool { return uint64(len(b.Text)) > math.MaxUint32 }

// newSegBase takes doc's segments as a base over blocks (a copy of
// doc.Blocks the caller no longer changes); withRevs keeps their Revs. It
// reads the segment array once (the editor takes one at each save: half a
// million segments of 256 bytes for a 50 MB article) and copies the
// records once they are counted.
func newSegBase(doc *Document, blocks []Block, withRevs bool) *segBase {
	b, _ := buildSegBase(doc, blocks, withRevs)
	return b
}

// buildSegBase is newSegBase, also returning the indexes of the segments
// with a record (for Snapshot's snapTrack).
func buildSegBase(doc *Document, blocks []Block, withRevs bool) (*segBase, []int32) {
	b := &segBase{blocks: blocks, spans: make([]span32, len(doc.Segments)), withRevs: withRevs}
	var rec []int32
	for i := range doc.Segments {
		s := &doc.Segments[i]
		wide := isWide(s, blocks)
		if !wide {
			b.spans[i] = span32{uint32(s.Start), uint32(s.End)}
		}
		if wide || needsRecord(s) {
			rec = append(rec, int32(i))
		}
		if withRevs && s.Rev != 0 {
			b.revs = append(b.revs, segRev{i, s.Rev})
		}
	}
	b.recs = make([]Segment, len(rec))
	for k, i := range rec {
		b.recs[k] = doc.Segments[i]
	}
	return b, rec
}

// rev returns segment i's Rev (b has them).
func (b *segBase) rev(i int) uint64 {
	if k, ok := slices.BinarySearchFunc(b.revs, i, func(r segRev, i int) int { return r.i - i }); ok {
		return b.revs[k].rev
	}
	return 0
}

// setRev sets segment i's Rev (b has them).
func (b *segBase) setRev(i int, rev uint64) {
	k, ok := slices.BinarySearchFunc(b.revs, i, func(r segRev, i int) int { return r.i - i })
	if ok {
		b.revs[k].rev = rev
	} else {
		b.revs = slices.Insert(b.revs, k, segRev{i, rev})
	}
}

// len returns the number of segments.
func (b *segBase) len() int {
	if b == nil {
		return 0
	}
	return len(b.spans)
}

// withoutRevs returns b without its Revs (the same data otherwise).
func (b *segBase) withoutRevs() *segBase {
	if b == nil || !b.withRevs {
		return b
	}
	c := *b
	c.revs, c.withRevs = nil, false
	return &c
}

// segments returns the whole segment array b stands for.
func (b *segBase) segments() []Segment {
	out := make([]Segment, b.len())
	c := b.cursor()
	for i := range out {
		out[i] = *c.place(i)
	}
	return out
}

// block returns the segments of block bi whole (as segments does).
// Blocks must not decrease from one call to the next.
func (c *baseCursor) block(bi int) []Segment {
	bl := c.b.blocks[bi]
	out := make([]Segment, bl.Count)
	for k := range out {
		out[k] = *c.place(bl.First + k)
	}
	return out
}

// sameSegmentation reports whether b's segments are doc's: same blocks,
// same places.
func (b *segBase) sameSegmentation(doc *Document) bool {
	if b.len() != len(doc.Segments) {
		return false
	}
	c := b.cursor()
	for i := range doc.Segments {
		s, p := &doc.Segments[i], c.place(i)
		if s.Block != p.Block || s.Start != p.Start || s.End != p.End {
			return false
		}
	}
	return true
}

// baseCursor reads a segBase in increasing order of index, each look-up
// in constant time (a binary search per segment would cost a merge of a
// large article 20 steps each).
type baseCursor struct {
	b  *segBase
	bi int // the block of the last index asked
	k  int // the first record not below the last index asked
	// seg is the segment place and at return for an index without a
	// record: valid until the next call.
	seg Segment
}

func (b *segBase) cursor() *baseCursor { return &baseCursor{b: b} }

// rec returns the record of segment i, or nil. Indexes must not decrease
// from one call to the next.
func (c *baseCursor) rec(i int) *Segment {
	if c.b == nil {
		return nil
	}
	recs := c.b.recs
	for c.k < len(recs) && recs[c.k].Index < i {
		c.k++
	}
	if c.k < len(recs) && recs[c.k].Index == i {
		return &recs[c.k]
	}
	return nil
}

// place returns segment i whole: its record, or its place without work.
func (c *baseCursor) place(i int) *Segment {
	if r := c.rec(i); r != nil {
		return r
	}
	blocks := c.b.blocks
	for c.bi < len(blocks)-1 && blocks[c.bi].First+blocks[c.bi].Count <= i {
		c.bi++
	}
	sp := c.b.spans[i]
	c.seg = Segment{Index: i, Block: c.bi, Start: int(sp.start), End: int(sp.end)}
	if c.bi < len(blocks) && int(sp.end) <= len(blocks[c.bi].Text) {
		c.seg.Source = blocks[c.bi].Text[sp.start:sp.end]
	}
	return &c.seg
}

// at is segAt for a segBase: segment i when it has the given source, else
// a segment without work.
func (c *baseCursor) at(i int, source string) *Segment {
	if r := c.rec(i); r != nil && r.Source == source {
		return r
	}
	c.seg = Segment{Source: source}
	return &c.seg
}

// alignBase is alignTo for a segBase: b brought to doc's segmentation,
// block by block, only the blocks cut differently projected (see
// projectBlock), so that a split costs the size of its block, not of the
// article. blocks is the copy of doc.Blocks the result keeps.
func alignBase(doc *Document, b *segBase, blocks []Block) *segBase {
	if b == nil || b.sameSegmentation(doc) {
		return b
	}
	out := &segBase{blocks: blocks, spans: make([]span32, len(doc.Segments))}
	for i := range doc.Segments {
		s := &doc.Segments[i]
		out.spans[i] = span32{uint32(s.Start), uint32(s.End)}
	}
	joiner := Joiner(doc.TargetLang)
	c := b.cursor()
	for bi := range doc.Blocks {
		bl := doc.Blocks[bi]
		tmpl := doc.Segments[bl.First : bl.First+bl.Count]
		var from []Segment
		if bi < len(b.blocks) {
			from = c.block(bi)
		}
		if sameSpans(tmpl, from) {
			for n := range from {
				if needsRecord(&from[n]) || wideBlock(&bl) {
					from[n].Index = bl.First + n
					out.recs = append(out.recs, from[n])
				}
			}
			continue
		}
		tmpl = slices.Clone(tmpl) // sources, spans, tags; the work is replaced
		projectBlock(tmpl, from, joiner)
		for n := range tmpl {
			if wideBlock(&bl) || needsRecord(&tmpl[n]) {
				out.recs = append(out.recs, tmpl[n])
			}
		}
	}
	return out
}

// sameBlock reports whether block bi of the cursor's segBase (which has
// Revs) holds live's segments: same places, same Revs. Blocks must not
// decrease from one call to the next.
func (c *baseCursor) sameBlock(bi int, live []Segment) bool {
	bl := c.b.blocks[bi]
	if bl.Count != len(live) || !c.b.withRevs {
		return false
	}
	for k := range live {
		p := c.place(bl.First + k)
		if p.Start != live[k].Start || p.End != live[k].End || c.b.rev(bl.First+k) != live[k].Rev {
			return false
		}
	}
	return true
}

// blockSpans appends block bi's spans to spans as a schema 3 file writes
// them (see blockRecord). Blocks must not decrease from one call to the
// next.
func (c *baseCursor) blockSpans(spans []int, bi int) ([]int, error) {
	if bi >= len(c.b.blocks) {
		return nil, fmt.Errorf("block %d of %d", bi, len(c.b.blocks))
	}
	bl := c.b.blocks[bi]
	if bl.First < 0 || bl.Count < 0 || bl.First+bl.Count > c.b.len() {
		return nil, fmt.Errorf("block %d: segments %d..%d of %d", bi, bl.First, bl.First+bl.Count, c.b.len())
	}
	spans = slices.Grow(spans, 2*bl.Count)
	end := 0
	for i := bl.First; i < bl.First+bl.Count; i++ {
		p := c.place(i)
		spans = append(spans, p.Start-end, p.End-p.Start)
		end = p.End
	}
	return spans, nil
}
