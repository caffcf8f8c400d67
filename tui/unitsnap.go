package tui

import "github.com/trad-project/trad/segments"

// unitsSnapshot returns what tm.DocumentUnits reads of doc, copied so that
// the editor may go on changing doc while a command reads it: the snapshot
// of Options.Load and Options.SaveMemory, which only turn the confirmed
// segments into memory units. It holds the languages, the blocks (for
// their codes; nil when no segment is confirmed) and each run of confirmed
// segments with the segments just before and after it, those two holding
// only their source: DocumentUnits gives the same units for it as for doc
// (a unit reads its segment, its block's codes and its neighbours'
// sources), while a project with little work copies a few segments instead
// of the whole array (a 50 MB article has half a million segments of 256
// bytes each). It is for DocumentUnits only: Segment.Index keeps each
// segment's place in doc, which is not its place in the snapshot, and
// Orphans are left out.
func unitsSnapshot(doc *segments.Document) *segments.Document {
	snap := *doc
	snap.Blocks, snap.Segments, snap.Orphans = nil, nil, nil
	segs := doc.Segments
	last := -1 // the place in doc of the last segment copied
	for i := 0; i < len(segs); {
		if !segs[i].Status.Confirmed() {
			i++
			continue
		}
		end := i + 1
		for end < len(segs) && segs[end].Status.Confirmed() {
			end++
		}
		// The neighbour before the run: none for the first segment (the
		// unit's Prev is "" then, as with an empty source), nor when it is
		// already there as the previous run's neighbour after.
		if i > 0 && last != i-1 {
			snap.Segments = append(snap.Segments, sourceOnly(segs[i-1]))
		}
		snap.Segments = append(snap.Segments, segs[i:end]...)
		last = end - 1
		if end < len(segs) {
			snap.Segments = append(snap.Segments, sourceOnly(segs[end]))
			last = end
		}
		i = end
	}
	if len(snap.Segments) > 0 {
		snap.Blocks = append([]segments.Block(nil), doc.Blocks...)
	}
	return &snap
}

// sourceOnly is s without its work: a neighbour in unitsSnapshot, which
// gives a unit its context and must not become a unit itself.
func sourceOnly(s segments.Segment) segments.Segment {
	return segments.Segment{Index: s.Index, Block: s.Block, Start: s.Start, End: s.End, Source: s.Source}
}

// targetsSnapshot returns copies of the segments of doc that have a
// target, for qa.NewProjectOf, which reads nothing else: the QA project
// context is rebuilt in a command every few confirms, and a whole copy of
// a 50 MB article's segments (134–218 MiB) made the editor's heap peak
// there. Segment.Index keeps each one's place in doc.
func targetsSnapshot(doc *segments.Document) []segments.Segment {
	var out []segments.Segment
	for i := range doc.Segments {
		if doc.Segments[i].Target != "" {
			out = append(out, doc.Segments[i])
		}
	}
	return out
}
