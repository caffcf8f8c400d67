package segments

import "slices"

// ReattachResult counts what Reattach did.
type ReattachResult struct {
	Reattached int // translations put on a new segment (by text or position)
	ByPosition int // of which matched by position only (set back to draft)
	Orphaned   int // translations left in Orphans
	// Changed lists the new segments that got a translation by position,
	// in order: their source sentence was edited (the editor steps
	// through them).
	Changed []int
	// New counts the segments of the new text matched to no old one.
	New int
	// Overrides counts the translator's splits and merges applied again
	// to the new segmentation; DroppedOverrides those whose sentences are
	// gone (see reapplyOverrides).
	Overrides, DroppedOverrides int
}

// hasWork reports whether s carries anything of the translator's.
func (s *Segment) hasWork() bool {
	return s.Target != "" || s.Note != "" || s.Status != StatusNew
}

// carryWork copies the translator's fields of from onto s, whose block is
// b (nil when unknown).
func (s *Segment) carryWork(from *Segment, b *Block) {
	s.Target, s.Status, s.Note, s.Origin, s.Changed = from.Target, from.Status, from.Note, from.Origin, from.Changed
	s.MTEngine = from.MTEngine
	// Tag IDs are numbers in the old block: they mean the same codes only
	// when the source carries the same tags. A segment without tags (a
	// schema 1 project: Markdown in the text) has its target's markup read
	// onto the new codes. Otherwise the target keeps its text and the QA
	// tags check reports the tags to put back.
	s.TargetTags = nil
	switch {
	case tagsKey(s.SourceTags) == tagsKey(from.SourceTags) && slices.Equal(s.Wrap, from.Wrap):
		s.TargetTags = from.TargetTags
	case len(from.SourceTags) == 0 && len(from.Wrap) == 0 && len(from.TargetTags) == 0 && b != nil:
		if text, tags, ok := b.ParseTargetMarkup(s, from.Target); ok {
			s.Target, s.TargetTags = text, tags
		}
	}
}

// markupKey is what re-attachment compares sources by: the source with its
// inline markup, so that a schema 1 segment (Markdown in the text) finds
// the same sentence read with tags.
func (d *Document) markupKey(s *Segment) string {
	if s.Block >= 0 && s.Block < len(d.Blocks) {
		return d.Blocks[s.Block].SourceMarkup(s)
	}
	return s.Source
}

// blockOf returns s's block in d, or nil.
func (d *Document) blockOf(s *Segment) *Block {
	if s.Block >= 0 && s.Block < len(d.Blocks) {
		return &d.Blocks[s.Block]
	}
	return nil
}

// Reattach moves the translations of old onto nd, a new segmentation of an
// edited source, and returns the counts. Rules, in order:
//
//  1. By text: each segment of nd takes the work of the first unused segment
//     of old with exactly the same source text (orphans of old included).
//  2. By position: a segment of old with work whose text is gone, lying
//     right after (or before) a segment matched in step 1 or 2, goes to the
//     segment right after (or before) that one's match, if still free; when
//     both documents have as many segments, same index. Its status drops to
//     draft (translated and reviewed alike), as its source changed.
//  3. Every other segment of old with work is appended to nd.Orphans, as are
//     the orphans of old not re-attached. Nothing is dropped.
//
// Before matching, the splits and merges the translator made in old
// (Block.Overrides) are made again in nd where their sentences still are,
// so that the work finds the same segments. The cursor follows its
// segment when it can.
func Reattach(old, nd *Document) ReattachResult {
	var res ReattachResult
	res.Overrides, res.DroppedOverrides = nd.reapplyOverrides(old)
	oldToNew := make([]int, len(old.Segments))
	for i := range oldToNew {
		oldToNew[i] = -1
	}
	taken := make([]bool, len(nd.Segments))

	// 1. By text, among old segments then old orphans.
	byText := make(map[string][]int, len(old.Segments))
	for i := range old.Segments {
		k := old.markupKey(&old.Segments[i])
		byText[k] = append(byText[k], i)
	}
	orphanByText := make(map[string][]int, len(old.Orphans))
	for i := range old.Orphans {
		orphanByText[old.Orphans[i].Source] = append(orphanByText[old.Orphans[i].Source], i)
	}
	orphanUsed := make([]bool, len(old.Orphans))
	for n := range nd.Segments {
		ns := &nd.Segments[n]
		key := nd.markupKey(ns)
		if q := byText[key]; len(q) > 0 {
			o := q[0]
			byText[key] = q[1:]
			oldToNew[o] = n
			taken[n] = true
			if old.Segments[o].hasWork() {
				ns.carryWork(&old.Segments[o], nd.blockOf(ns))
				res.Reattached++
			}
			continue
		}
		for _, src := range []string{key, ns.Source} {
			if q := orphanByText[src]; len(q) > 0 {
				o := q[0]
				orphanByText[src] = q[1:]
				orphanUsed[o] = true
				taken[n] = true
				ns.carryWork(&old.Orphans[o], nd.blockOf(ns))
				res.Reattached++
				break
			}
		}
	}

	// 2. By position, anchored on the neighbours' matches.
	sameCount := len(old.Segments) == len(nd.Segments)
	for o := range old.Segments {
		if oldToNew[o] >= 0 {
			continue
		}
		cand := -1
		switch {
		case o > 0 && oldToNew[o-1] >= 0:
			cand = oldToNew[o-1] + 1
		case o+1 < len(old.Segments) && oldToNew[o+1] >= 0:
			cand = oldToNew[o+1] - 1
		case sameCount:
			cand = o
		}
		if cand < 0 || cand >= len(nd.Segments) || taken[cand] {
			continue
		}
		oldToNew[o] = cand
		taken[cand] = true
		if s := &old.Segments[o]; s.hasWork() {
			t := &nd.Segments[cand]
			t.carryWork(s, nd.blockOf(t))
			if t.Status != StatusNew {
				t.Status = StatusDraft
			}
			res.Reattached++
			res.ByPosition++
			res.Changed = append(res.Changed, cand)
		}
	}

	for _, t := range taken {
		if !t {
			res.New++
		}
	}

	// 3. Orphans.
	nd.Orphans = nil
	for o := range old.Segments {
		if oldToNew[o] < 0 && old.Segments[o].hasWork() {
			nd.Orphans = append(nd.Orphans, old.Segments[o])
		}
	}
	for o := range old.Orphans {
		if !orphanUsed[o] {
			nd.Orphans = append(nd.Orphans, old.Orphans[o])
		}
	}
	res.Orphaned = len(nd.Orphans)

	nd.NoMT = old.NoMT
	nd.Cursor = 0
	if c := old.Cursor; c >= 0 && c < len(oldToNew) && oldToNew[c] >= 0 {
		nd.Cursor = oldToNew[c]
	} else {
		nd.Cursor = min(max(old.Cursor, 0), max(len(nd.Segments)-1, 0))
	}
	return res
}
