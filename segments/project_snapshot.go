package segments

import (
	"os"
	"slices"
)

// Snapshot is a document frozen for a save that runs on another goroutine
// while the document goes on changing (the editor's saves): the header,
// the blocks and orphans copied, and the segments as a segBase, so that it
// costs 8 bytes a segment plus a copy of the segments with work, not a
// copy of every 256-byte segment (134 MiB for a 50 MB article). Take it
// with Document.Snapshot; save it with Store.SaveSnapshot; use it once.
type Snapshot struct {
	doc  *Document // Segments nil
	segs *segBase  // with the Revs
}

// Snapshot returns a snapshot of d for Store.SaveSnapshot. After the first,
// it costs the segments changed since the last one (see snapTrack).
func (d *Document) Snapshot() *Snapshot {
	h := *d
	tracked := d.snaps.valid(d) // the tracking holds for this segmentation
	h.Blocks = d.snapBlocks(tracked)
	h.Segments = nil
	h.Orphans = slices.Clone(d.Orphans)
	h.snaps = nil
	return &Snapshot{doc: &h, segs: d.snapSegments(h.Blocks, tracked)}
}

// Cursor is the document's Cursor when the snapshot was taken.
func (sn *Snapshot) Cursor() int { return sn.doc.Cursor }

// Document returns the whole document the snapshot stands for, Revs
// included. It allocates every segment: SaveSnapshot calls it only when a
// merge needs the whole document.
func (sn *Snapshot) Document() *Document {
	d := *sn.doc
	d.Blocks = slices.Clone(sn.doc.Blocks)
	d.Orphans = slices.Clone(sn.doc.Orphans)
	d.Segments = sn.segs.segments()
	for _, r := range sn.segs.revs {
		d.Segments[r.i].Rev = r.rev
	}
	return &d
}

// SaveSnapshot is Save for a snapshot. When the project file is the one
// this Store last read or wrote and the caller's base is the file's (what
// an editor that applies what its saves bring in has between two outside
// changes), nothing can come in but the caller's own records, and the
// snapshot is merged and written as it is: the save costs memory for the
// work held, not for the article. Otherwise the whole document is made
// (Snapshot.Document) and saved as Save does. It returns, besides Save's
// result, the document saved when anything came in or the merge changed
// its segmentation (for ApplySaved and ApplySegmentation), else nil.
func (s *Store) SaveSnapshot(sn *Snapshot) (SaveResult, *Document, error) {
	var res SaveResult
	var saved *Document
	err := s.locked(func(real string, fi os.FileInfo) (err error) {
		if s.file.same(fi) && s.quiet(sn) {
			res, err = s.saveQuiet(real, sn)
			if err == nil && res.Merged() {
				saved = sn.Document()
			}
			return err
		}
		doc := sn.Document()
		if res, err = s.saveLocked(real, fi, doc); res.Merged() || res.resegmented {
			saved = doc
		}
		return err
	})
	if err != nil {
		return SaveResult{}, nil, err
	}
	return res, saved, nil
}

// quiet reports whether merging sn with the file this Store last read or
// wrote can change only sn's records: no file yet, or a file whose
// segments are the caller's base and whose segmentation and orphans sn
// has.
func (s *Store) quiet(sn *Snapshot) bool {
	f := s.file.doc
	if f == nil {
		return true
	}
	if s.file.base != s.mine || len(f.Blocks) != len(sn.doc.Blocks) || !sameArticle(sn.doc, f) ||
		!sameBacking(s.file.base.spans, sn.segs.spans) && !slices.Equal(s.file.base.spans, sn.segs.spans) {
		return false
	}
	for bi := range f.Blocks {
		a, b := &f.Blocks[bi], &sn.doc.Blocks[bi]
		if a.First != b.First || a.Count != b.Count || !sameOverrides(a.Overrides, b.Overrides) {
			return false
		}
	}
	// mergeOrphans would add the file's orphans sn does not have.
	key := func(o *Segment) string { return o.Source + "\x00" + o.Target + "\x00" + o.Note }
	have := make(map[string]bool, len(sn.doc.Orphans))
	for i := range sn.doc.Orphans {
		have[key(&sn.doc.Orphans[i])] = true
	}
	for i := range f.Orphans {
		if !have[key(&f.Orphans[i])] {
			return false
		}
	}
	return true
}

// saveQuiet is Save for a snapshot that quiet accepts: the file and both
// bases are one version, so each segment merges with it alone (mergeAt),
// and a segment without a record in sn stays without (its work is what
// the caller made of the base's). Only the records can change.
func (s *Store) saveQuiet(real string, sn *Snapshot) (SaveResult, error) {
	theirs := s.file
	res := SaveResult{By: theirs.by, Revision: theirs.rev}
	// What the caller handed in: the records are its only part a merge may
	// change, so only they are copied.
	pre := *sn.segs
	pre.recs, pre.revs, pre.withRevs = slices.Clone(sn.segs.recs), nil, false
	if theirs.doc != nil {
		var revs [2][]uint64
		tc, bc := theirs.base.cursor(), theirs.base.cursor()
		for k := range sn.segs.recs {
			m := &sn.segs.recs[k]
			t := tc.at(m.Index, m.Source)
			conflict, took := s.mergeSegment(m, t, bc.at(m.Index, m.Source), t, theirs.by)
			res.count(m.Index, m, conflict, took, &revs)
			if took || conflict {
				sn.segs.setRev(m.Index, m.Rev)
			}
		}
		res.revs = append(revs[0], revs[1]...)
		if !sn.differs(theirs) {
			mine := &pre
			if !res.Merged() {
				// The same work as the file's, as a merge reads it: keep
				// the one base, so that the next save is quiet too.
				mine = theirs.base
			}
			s.remember(theirs, mine, blockOverrides(sn.doc))
			return res, nil
		}
	}
	res.Revision++
	info, err := writeProject(real, sn.doc, sn.segs, res.Revision, s.by)
	if err != nil {
		return SaveResult{}, err
	}
	res.Wrote = true
	file := fileState{info: info, doc: header(sn.doc, sn.doc.Blocks), base: &pre, rev: res.Revision, by: s.by}
	if res.Merged() {
		file.base = sn.segs.withoutRevs()
	}
	s.remember(file, &pre, blockOverrides(sn.doc))
	return res, nil
}

// differs is differs for a snapshot that quiet accepts against the file
// st: same segmentation, so only the records can differ.
func (sn *Snapshot) differs(st fileState) bool {
	t := st.doc
	if sn.doc.SourceHash != t.SourceHash || sn.doc.Cursor != t.Cursor || sn.doc.NoMT != t.NoMT ||
		len(sn.doc.Orphans) != len(t.Orphans) {
		return true
	}
	mine, theirs := sn.segs.recs, st.base.recs
	mc, tc := sn.segs.cursor(), st.base.cursor()
	for j, k := 0, 0; j < len(mine) || k < len(theirs); {
		i := len(sn.segs.spans)
		if j < len(mine) {
			i = mine[j].Index
		}
		if k < len(theirs) {
			i = min(i, theirs[k].Index)
		}
		if !sameWork(mc.place(i), tc.place(i)) {
			return true
		}
		for j < len(mine) && mine[j].Index <= i {
			j++
		}
		for k < len(theirs) && theirs[k].Index <= i {
			k++
		}
	}
	return false
}
