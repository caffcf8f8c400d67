package segments

import "slices"

// snapTrack is what a document's next Snapshot builds on, so that the
// editor's snapshot at each save costs the segments changed since the last
// one, not a read of the whole segment array (892,400 segments of 256
// bytes for a 50 MB article of paragraphs: 42 ms). It holds the last
// snapshot's spans (shared with it: a segBase's spans are never written),
// which segments had a record then, their Revs, and the indexes the
// document's mutators changed since (touch). Anything that changes the
// segmentation drops it (dropReps), and Snapshot checks that the segment
// array and the blocks' ranges are still those it was taken over.
type snapTrack struct {
	first  *Segment // &Segments[0] when taken
	n      int
	ranges []int // each block's First and Count when taken
	spans  []span32
	blocks []Block  // the last snapshot's copy of the blocks (shared with it)
	recs   []int32  // the segments with a record, ascending
	revs   []segRev // Revs other than 0, by index (not shared)
	dirty  []int32  // changed since, in any order, repeats allowed
}

// touch records that segment i's work (or Rev) changed, for the next
// Snapshot. Every mutator of a segment's fields calls it; code outside the
// package that writes a segment in place calls MarkChanged.
func (d *Document) touch(i int) {
	t := d.snaps
	if t == nil {
		return
	}
	if i < 0 || i >= t.n || len(t.dirty) > t.n/2 {
		// A rebuild reads the array once: cheaper than a list this long.
		d.snaps = nil
		return
	}
	t.dirty = append(t.dirty, int32(i))
}

// MarkChanged records that segment i was changed by a write in place (not
// through the Document's methods, which record their changes themselves):
// the next Snapshot must read it again.
func (d *Document) MarkChanged(i int) { d.touch(i) }

// blockRanges returns each block's First and Count.
func blockRanges(blocks []Block) []int {
	out := make([]int, 0, 2*len(blocks))
	for i := range blocks {
		out = append(out, blocks[i].First, blocks[i].Count)
	}
	return out
}

// valid reports whether t was taken over d's present segmentation.
func (t *snapTrack) valid(d *Document) bool {
	if t == nil || len(d.Segments) != t.n || t.n == 0 || &d.Segments[0] != t.first || len(d.Blocks)*2 != len(t.ranges) {
		return false
	}
	for i := range d.Blocks {
		if d.Blocks[i].First != t.ranges[2*i] || d.Blocks[i].Count != t.ranges[2*i+1] {
			return false
		}
	}
	return true
}

// snapSegments returns d's segments as a segBase over blocks (see
// newSegBase) and keeps what the next call builds on: from the last one
// and the segments changed since when it can (tracked: d.snaps.valid),
// else by reading them all.
func (d *Document) snapSegments(blocks []Block, tracked bool) *segBase {
	t := d.snaps
	if !tracked {
		b, recs := buildSegBase(d, blocks, true)
		d.trackFrom(b, recs, slices.Clone(b.revs))
		return b
	}
	slices.Sort(t.dirty)
	dirty := slices.Compact(t.dirty)
	recs := make([]int32, 0, len(t.recs)+len(dirty))
	revs := make([]segRev, 0, len(t.revs)+len(dirty))
	for j, k, r := 0, 0, 0; j < len(t.recs) || k < len(dirty) || r < len(t.revs); {
		i := int32(t.n)
		if j < len(t.recs) {
			i = t.recs[j]
		}
		if k < len(dirty) {
			i = min(i, dirty[k])
		}
		if r < len(t.revs) {
			i = min(i, int32(t.revs[r].i))
		}
		was := j < len(t.recs) && t.recs[j] == i
		if k < len(dirty) && dirty[k] == i {
			s := &d.Segments[i]
			if needsRecord(s) || isWide(s, blocks) {
				recs = append(recs, i)
			}
			if s.Rev != 0 {
				revs = append(revs, segRev{int(i), s.Rev})
			}
			k++
		} else {
			if was {
				recs = append(recs, i)
			}
			if r < len(t.revs) && t.revs[r].i == int(i) {
				revs = append(revs, t.revs[r])
			}
		}
		if was {
			j++
		}
		if r < len(t.revs) && t.revs[r].i == int(i) {
			r++
		}
	}
	t.recs, t.revs, t.dirty, t.blocks = recs, revs, dirty[:0], blocks
	b := &segBase{blocks: blocks, spans: t.spans, recs: make([]Segment, len(recs)), revs: slices.Clone(revs), withRevs: true}
	for k, i := range recs {
		b.recs[k] = d.Segments[i]
	}
	return b
}

// trackFrom makes b, a segBase of d as it is, with the segments recs
// holding a record and the Revs revs, what the next Snapshot builds on.
func (d *Document) trackFrom(b *segBase, recs []int32, revs []segRev) {
	d.snaps = nil
	if len(d.Segments) > 0 {
		d.snaps = &snapTrack{first: &d.Segments[0], n: len(d.Segments), ranges: blockRanges(d.Blocks),
			spans: b.spans, blocks: b.blocks, recs: recs, revs: revs}
	}
}

// PrepareSnapshots reads d's segments once now, so that its first
// Snapshot already costs only what changed since (an editor calls it at
// open; a document loaded by a Store already is prepared). It does
// nothing when d is prepared.
func (d *Document) PrepareSnapshots() {
	if !d.snaps.valid(d) {
		b, recs := buildSegBase(d, slices.Clone(d.Blocks), true)
		d.trackFrom(b, recs, b.revs)
	}
}

// trackLoaded makes base, the segBase a Store keeps of d as loaded (the
// file's, or one taken of d: see Store.Load), what d's first Snapshot
// builds on, so that it does not read the whole array: no Revs yet, and
// the records those of the segments that need one (a file may hold a
// record a segment does not need; a snapshot taken anew would not).
func (d *Document) trackLoaded(base *segBase) {
	if base.len() != len(d.Segments) || len(base.blocks) != len(d.Blocks) {
		return
	}
	recs := make([]int32, 0, len(base.recs))
	for k := range base.recs {
		i := base.recs[k].Index
		if i < 0 || i >= len(d.Segments) || (k > 0 && i <= base.recs[k-1].Index) {
			return // not a base of d: the first Snapshot reads it all
		}
		if s := &d.Segments[i]; needsRecord(s) || isWide(s, d.Blocks) {
			recs = append(recs, int32(i))
		}
	}
	d.trackFrom(base, recs, nil)
}

// snapBlocks returns a copy of d's blocks for a snapshot: the last
// snapshot's when no block changed since (a copy of 100,000 blocks is
// 14 MB to allocate and for the collector to scan at every save), a new
// one otherwise. A block's slices are compared by backing array, as a copy
// shares them too (their elements are never written in place). tracked
// is d.snaps.valid(d).
func (d *Document) snapBlocks(tracked bool) []Block {
	if t := d.snaps; tracked && len(t.blocks) == len(d.Blocks) {
		same := true
		for i := range d.Blocks {
			if !sameBlockFields(&d.Blocks[i], &t.blocks[i]) {
				same = false
				break
			}
		}
		if same {
			return t.blocks
		}
	}
	return slices.Clone(d.Blocks)
}

// sameBlockFields reports whether b is a copy of a not changed since.
func sameBlockFields(a, b *Block) bool {
	return a.Kind == b.Kind && a.Level == b.Level && a.Marker == b.Marker && a.Info == b.Info &&
		a.Text == b.Text && a.First == b.First && a.Count == b.Count && a.Plain == b.Plain &&
		sameBacking(a.Codes, b.Codes) && sameBacking(a.Overrides, b.Overrides)
}

func sameBacking[T any](a, b []T) bool { return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0]) }

// isWide reports whether s is in a block too long for span32 offsets.
func isWide(s *Segment, blocks []Block) bool {
	return s.Block >= 0 && s.Block < len(blocks) && wideBlock(&blocks[s.Block])
}
