package segments

import (
	"slices"
	"time"
)

// This file brings the three versions a Store merges (the caller's
// document, the file and their bases) to one segmentation before their
// segments are merged one by one: a split or merge in one process shifts
// every index after it, so pairing by index would put one segment's work
// on another or leave it out.
//
// The blocks' overrides are merged three-way, block by block: a block
// whose overrides only one side changed takes that side's segmentation;
// when both changed it, the file's new overrides are made again on the
// caller's document (and the ones the file took out are undone). Then
// every version's work is projected onto the merged segmentation by
// position in the block (projectBlock): the work of segments merged is
// joined, that of a segment split goes to the first part as a draft, as
// MergeNext and SplitSegment do. Nothing is dropped.

// sameOverrides reports whether a and b are the same overrides (as saved:
// op, texts and rank).
func sameOverrides(a, b []Override) bool {
	return slices.EqualFunc(a, b, func(x, y Override) bool {
		return x.Op == y.Op && x.Left == y.Left && x.Right == y.Right && x.Nth == y.Nth
	})
}

// hasOverride reports whether list holds ov (as sameOverrides compares).
func hasOverride(list []Override, ov Override) bool {
	return slices.ContainsFunc(list, func(x Override) bool {
		return x.Op == ov.Op && x.Left == ov.Left && x.Right == ov.Right && x.Nth == ov.Nth
	})
}

// blockOverrides returns the overrides of each block of d.
func blockOverrides(d *Document) [][]Override {
	out := make([][]Override, len(d.Blocks))
	for bi := range d.Blocks {
		out[bi] = d.Blocks[bi].Overrides
	}
	return out
}

// sameArticle reports whether the documents (nil ones left out) segment
// the same article: same blocks, same texts. Only then can their
// segmentations be compared by position.
func sameArticle(doc *Document, others ...*Document) bool {
	for _, o := range others {
		if o == nil {
			continue
		}
		if o.SourceHash != doc.SourceHash || len(o.Blocks) != len(doc.Blocks) {
			return false
		}
		for bi := range o.Blocks {
			if o.Blocks[bi].Text != doc.Blocks[bi].Text {
				return false
			}
		}
	}
	return true
}

// mergeSegmentation merges the overrides of theirs (the file, its
// segments t) into doc, block by block, base being the file as this Store
// last knew it (nil for none) and mineOv the caller's overrides as last handed to Save (nil when
// unknown). It changes doc's segmentation where needed and reports
// whether it did.
func mergeSegmentation(doc, theirs *Document, t *segBase, base *Document, mineOv [][]Override, now time.Time) bool {
	changed := false
	tc := t.cursor()
	for bi := range doc.Blocks {
		o, tov := doc.Blocks[bi].Overrides, theirs.Blocks[bi].Overrides
		if sameOverrides(o, tov) {
			continue
		}
		var b []Override
		if base != nil {
			b = base.Blocks[bi].Overrides
		}
		m := b
		if bi < len(mineOv) {
			m = mineOv[bi]
		}
		oursChanged := !sameOverrides(o, m) && !sameOverrides(o, b)
		switch {
		case !oursChanged:
			changed = doc.adoptBlock(bi, tov, tc.block(bi)) || changed
		case !sameOverrides(tov, b):
			changed = doc.replayNew(bi, tov, b, now) || changed
		}
	}
	return changed
}

// adoptBlock gives block bi of d the segmentation theirs and overrides
// fromOv of another version of the block, d's work projected onto it. It
// reports whether the segmentation changed.
func (d *Document) adoptBlock(bi int, fromOv []Override, theirs []Segment) bool {
	ovs := make([]Override, len(fromOv))
	for k, ov := range fromOv {
		ovs[k] = Override{Op: ov.Op, Left: ov.Left, Right: ov.Right, Nth: ov.Nth}
	}
	if len(ovs) == 0 {
		ovs = nil
	}
	d.Blocks[bi].Overrides = ovs
	b := d.Blocks[bi]
	mine := d.Segments[b.First : b.First+b.Count]
	if sameSpans(mine, theirs) || b.Count == 0 || len(theirs) == 0 {
		return false
	}
	spans := make([]Span, len(theirs))
	for k := range theirs {
		spans[k] = Span{theirs[k].Start, theirs[k].End}
	}
	parts := d.resegment(b.First, b.Count, spans)
	projectBlock(parts, mine, Joiner(d.TargetLang))
	d.replace(b.First, b.Count, parts)
	d.placeStandIns(bi)
	return true
}

// replayNew makes again on block bi of d the overrides of t (the file's)
// that base b did not have, and undoes those of b that t took out, where
// their sentences are. It reports whether d's segmentation changed.
func (d *Document) replayNew(bi int, t, b []Override, now time.Time) bool {
	changed := false
	for _, ov := range b {
		if hasOverride(t, ov) {
			continue
		}
		inv := ov
		inv.Op = OverrideMerge
		if ov.Op == OverrideMerge {
			inv.Op = OverrideSplit
		}
		if j := d.findOverride(inv, bi, bi+1); j >= 0 && d.applyAt(inv, j, now) == nil {
			changed = true
		}
	}
	for _, ov := range t {
		if hasOverride(b, ov) || hasOverride(d.Blocks[bi].Overrides, ov) {
			continue
		}
		if j := d.findOverride(ov, bi, bi+1); j >= 0 && d.applyAt(ov, j, now) == nil {
			changed = true
		}
	}
	return changed
}

// applyAt makes override ov at segment j, stamping changed work with now.
func (d *Document) applyAt(ov Override, j int, now time.Time) error {
	if ov.Op == OverrideSplit {
		return d.split(j, len(ov.Left), now)
	}
	return d.merge(j, now)
}

// sameSpans reports whether a and b cut their block at the same places.
func sameSpans(a, b []Segment) bool {
	return slices.EqualFunc(a, b, func(x, y Segment) bool { return x.Start == y.Start && x.End == y.End })
}

// clearWork takes the translator's work out of s, keeping its source.
func (s *Segment) clearWork() {
	s.Target, s.TargetTags, s.Status, s.Origin, s.MTEngine = "", nil, StatusNew, "", ""
	s.Note, s.Changed, s.History, s.QAIgnored = "", time.Time{}, nil, nil
}

// projectBlock puts onto tmpl, the segments of a block in a new
// segmentation, the work of from, the same block's segments in another
// one. Segments that overlap make a group: the work of a group's segments
// of from is joined (as MergeNext joins it) and goes to its first segment
// of tmpl, as a draft when the group splits it (as SplitSegment keeps it).
// A segment of from past the last of tmpl joins the last group. The result
// depends only on its inputs (no clock), so that equal versions project
// to equal versions.
func projectBlock(tmpl, from []Segment, joiner string) {
	for k := range tmpl {
		tmpl[k].clearWork()
	}
	j := 0
	for k := 0; k < len(tmpl); {
		end, last := tmpl[k].End, k
		lo := j
		for grew := true; grew; {
			grew = false
			for j < len(from) && (from[j].Start < end || last == len(tmpl)-1) {
				end = max(end, from[j].End)
				j++
				grew = true
			}
			for last+1 < len(tmpl) && tmpl[last+1].Start < end {
				last++
				end = max(end, tmpl[last].End)
				grew = true
			}
		}
		if lo < j {
			putWork(&tmpl[k], from[lo:j], last > k, joiner)
		}
		k = last + 1
	}
}

// putWork gives s the work of parts joined; split says s is the first of
// several segments the parts' text now makes.
func putWork(s *Segment, parts []Segment, split bool, joiner string) {
	acc := parts[0]
	for p := 1; p < len(parts); p++ {
		var m Segment
		mergeWork(&m, &acc, &parts[p], joiner, latest(acc.Changed, parts[p].Changed))
		acc = m
	}
	rev := s.Rev
	for p := range parts {
		rev = max(rev, parts[p].Rev)
	}
	if !acc.hasWork() && acc.History == nil && acc.QAIgnored == nil {
		return
	}
	s.Target, s.Status, s.Note, s.Origin, s.MTEngine = acc.Target, acc.Status, acc.Note, acc.Origin, acc.MTEngine
	s.Changed, s.History, s.QAIgnored = acc.Changed, acc.History, acc.QAIgnored
	s.TargetTags = dropWrap(FullTags(acc.TargetTags, acc.Wrap, len(acc.Target)), s.Wrap)
	if split && s.Target != "" && s.Status != StatusDraft {
		// The target now translates more than its source: a draft to check.
		s.History = pushVersion(acc.History, acc.version())
		s.Status = StatusDraft
	}
	s.Rev = rev + 1
}

func latest(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
