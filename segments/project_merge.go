package segments

import (
	"slices"
	"strconv"
	"time"
)

// This file holds the merge a Store runs when another process saved the
// project since this one last read or wrote it. A segment's work is two
// parts merged on their own: the translation (target, status, origin) and
// the note. For each part:
//
//   - the caller changed it when its value is neither what the caller
//     handed in last time nor what the file held then (so an editor that
//     did not apply the previous merge is not taken to undo it);
//   - the file changed it when its value differs from what the file held
//     when this Store last read or wrote it;
//   - the caller did not change it: the file's value stands; only the
//     caller changed it: the caller's wins; both, to the same value: nothing
//     to do; both, differently: the later Changed wins (the caller on a tie)
//     and the loser's version goes to History with Conflict set.
//
// The segmentations are merged first, block by block (see
// project_merge_seg.go), so that index i is the same place in every
// version. When the caller and the file segment different articles, the
// caller's segmentation, cursor and article win: translations of the file
// that have no segment with the same index and source in the caller's
// document, and the file's orphans, join doc.Orphans unless already there:
// nothing is dropped. A version of the file that the caller replaced
// without having seen it goes to History like any replaced version.

// workState is the translation part of a segment's work.
// The target's tags are part of it: text and tags are merged as one unit.
type workState struct {
	target string
	tags   string // tagsKey(TargetTags)
	status Status
	origin string
}

func (s *Segment) state() workState {
	return workState{s.Target, tagsKey(s.TargetTags), s.Status, s.Origin}
}

// mergeInto merges the file's content theirs (compacted) into doc, the
// caller's document, whose segments as handed in are pre; s.mine and
// s.file are the bases. It returns what came in.
func (s *Store) mergeInto(doc *Document, theirs fileState, pre *segBase) SaveResult {
	res := SaveResult{By: theirs.by}
	if theirs.doc == nil {
		return res
	}
	t, mine, base := theirs.base, s.mine, s.file.base
	if sameArticle(doc, theirs.doc, s.file.doc) {
		// Bring every version to one segmentation first (see
		// project_merge_seg.go): then index i is one place in all of them.
		res.resegmented = mergeSegmentation(doc, theirs.doc, t, s.file.doc, s.mineOv, time.Now())
		blocks := slices.Clone(doc.Blocks)
		t, mine, base = alignBase(doc, t, blocks), alignBase(doc, mine, blocks), alignBase(doc, base, blocks)
	}
	var revs [2][]uint64
	tc, mc, bc := t.cursor(), mine.cursor(), base.cursor()
	for i := range doc.Segments {
		m := &doc.Segments[i]
		if i >= t.len() || tc.place(i).Source != m.Source {
			continue
		}
		conflict, took := s.mergeSegment(m, tc.at(i, m.Source), mc.at(i, m.Source), bc.at(i, m.Source), theirs.by)
		res.count(i, m, conflict, took, &revs)
	}
	// The order ApplySaved reads revs in: Updated, then Conflicts.
	res.revs = append(revs[0], revs[1]...)
	if res.resegmented {
		res.revs = preRevs(doc, pre, append(slices.Clone(res.Updated), res.Conflicts...))
	}
	res.Orphans = mergeOrphans(doc, theirs.doc, t, base)
	// The "no machine translation" flag: the caller's value when it changed
	// it since it read the file, the file's otherwise; with no base, either
	// one's "no", as a confidential job must stay confidential.
	switch {
	case s.file.doc == nil:
		doc.NoMT = doc.NoMT || theirs.doc.NoMT
	case doc.NoMT == s.file.doc.NoMT:
		doc.NoMT = theirs.doc.NoMT
	}
	return res
}

// count records the outcome of merging segment i (m): an update or a
// conflict, with m's Rev before the merge (revs: updates, conflicts), and
// bumps m's Rev so that views redraw it.
func (r *SaveResult) count(i int, m *Segment, conflict, took bool, revs *[2][]uint64) {
	switch {
	case conflict:
		r.Conflicts = append(r.Conflicts, i)
		revs[1] = append(revs[1], m.Rev)
	case took:
		r.Updated = append(r.Updated, i)
		revs[0] = append(revs[0], m.Rev)
	default:
		return
	}
	m.Rev++
}

// mergeSegment merges the file's version t into the caller's m, mb and fb
// being the caller's and the file's bases. It reports whether the two
// conflicted and whether m took anything from t.
func (s *Store) mergeSegment(m, t, mb, fb *Segment, theirsBy string) (conflict, took bool) {
	mw, tw := m.state(), t.state()
	mineW := mw != mb.state() && mw != fb.state()
	mineN := m.Note != mb.Note && m.Note != fb.Note
	// The caller did not change a part: the file's value stands (even when
	// the file did not change it either, the caller's value may be a stale
	// one it never applied).
	takeW := !mineW && mw != tw
	takeN := !mineN && m.Note != t.Note
	conflictW := mineW && tw != fb.state() && mw != tw
	conflictN := mineN && t.Note != fb.Note && m.Note != t.Note
	history := mergeHistory(m.History, t.History, mb.History, fb.History)
	if mineW && !conflictW && fb.state() != mb.state() && (fb.Target != "" || fb.Status != StatusNew) {
		// The caller replaced a version another process saved and the caller
		// never applied (an import's draft): keep it, as an edit would.
		v := fb.version()
		v.By = theirsBy
		history = pushVersion(history, v)
	}
	newHistory := !sameHistory(history, m.History)
	ignores, newIgnores := mergeQAIgnores(m.QAIgnored, t.QAIgnored, mb.QAIgnored, fb.QAIgnored)
	m.QAIgnored = ignores
	if !conflictW && !conflictN && !takeW && !takeN && !newHistory && !newIgnores {
		return false, false
	}
	loser := *t
	loserBy := theirsBy
	if conflictW || conflictN {
		if t.Changed.After(m.Changed) {
			loser, loserBy = *m, s.by
			takeW, takeN = takeW || conflictW, takeN || conflictN
		}
	}
	if takeW {
		m.Target, m.TargetTags, m.Status, m.Origin, m.MTEngine = t.Target, t.TargetTags, t.Status, t.Origin, t.MTEngine
	}
	if takeN {
		m.Note = t.Note
	}
	if t.Changed.After(m.Changed) {
		m.Changed = t.Changed
	}
	if conflictW || conflictN {
		v := loser.version()
		v.Conflict, v.By = true, loserBy
		history = pushVersion(history, v)
	}
	m.History = history
	return conflictW || conflictN, takeW || takeN || newHistory || newIgnores
}

// sameHistory reports whether a and b hold the same versions in the same
// order (as versionKey tells them apart), without building keys. Every
// version is compared: histories brought to another segmentation (a split
// or merge carries them) can have the same length and last version and
// still differ, and a merge deciding they are the same would drop a
// version (found by FuzzMergeSegmentations).
func sameHistory(a, b []Version) bool {
	return slices.EqualFunc(a, b, func(x, y Version) bool {
		return x.Target == y.Target && x.Status == y.Status && x.Origin == y.Origin && x.Note == y.Note &&
			x.Changed.Equal(y.Changed) && x.Conflict == y.Conflict && slices.Equal(x.TargetTags, y.TargetTags)
	})
}

func versionKey(v Version) string {
	return v.Target + "\x00" + tagsKey(v.TargetTags) + "\x00" + v.Status.String() + "\x00" + v.Origin + "\x00" + v.Note + "\x00" +
		strconv.FormatInt(v.Changed.UnixNano(), 10) + "\x00" + strconv.FormatBool(v.Conflict)
}

// mergeHistory merges the histories m and t of a segment, mb and fb being
// the caller's and the file's bases: the versions of either, each once,
// oldest first, but for those one side took out (by Restore) since its
// base. It never writes into its arguments.
func mergeHistory(m, t, mb, fb []Version) []Version {
	if sameHistory(m, t) {
		return m
	}
	keys := func(h []Version) map[string]bool {
		k := make(map[string]bool, len(h))
		for _, v := range h {
			k[versionKey(v)] = true
		}
		return k
	}
	inM, inT := keys(m), keys(t)
	drop := map[string]bool{}
	for _, side := range []struct {
		base []Version
		now  map[string]bool
	}{{fb, inT}, {mb, inM}} {
		for _, v := range side.base {
			if k := versionKey(v); !side.now[k] {
				drop[k] = true
			}
		}
	}
	out := make([]Version, 0, len(m)+len(t))
	for _, h := range [][]Version{m, t} {
		for _, v := range h {
			if k := versionKey(v); !drop[k] {
				drop[k] = true // once
				out = append(out, v)
			}
		}
	}
	slices.SortStableFunc(out, func(x, y Version) int { return x.Changed.Compare(y.Changed) })
	return trimHistory(out)
}

// mergeOrphans adds to doc.Orphans the work of theirs (segments t, the
// file's, and its orphans) that doc has no place for: segments of t with
// no segment of the same index and source in doc whose work is not what
// base held, and theirs' orphans; each unless doc already holds the same
// translation. It returns how many it added.
func mergeOrphans(doc, theirs *Document, t, base *segBase) int {
	var cands []Segment
	bc := base.cursor()
	if t != nil {
		for k := range t.recs {
			r := &t.recs[k]
			j := r.Index
			if j < len(doc.Segments) && doc.Segments[j].Source == r.Source || !r.hasWork() {
				continue
			}
			if b := bc.at(j, r.Source); b.state() != r.state() || b.Note != r.Note {
				cands = append(cands, *r)
			}
		}
	}
	cands = append(cands, theirs.Orphans...)
	if len(cands) == 0 {
		return 0
	}
	key := func(s *Segment) string { return s.Source + "\x00" + s.Target + "\x00" + s.Note }
	have := make(map[string]bool, len(doc.Orphans))
	for i := range doc.Orphans {
		have[key(&doc.Orphans[i])] = true
	}
	for i := range doc.Segments {
		if doc.Segments[i].hasWork() {
			have[key(&doc.Segments[i])] = true
		}
	}
	n := 0
	for i := range cands {
		if k := key(&cands[i]); !have[k] {
			have[k] = true
			doc.Orphans = append(doc.Orphans, cands[i])
			n++
		}
	}
	return n
}

// differs reports whether saving doc would change the file st holds.
func differs(doc *Document, st fileState) bool {
	t := st.doc
	if doc.SourceHash != t.SourceHash || doc.Cursor != t.Cursor || doc.NoMT != t.NoMT ||
		len(doc.Segments) != st.base.len() || len(doc.Orphans) != len(t.Orphans) || len(doc.Blocks) != len(t.Blocks) {
		return true
	}
	for bi := range doc.Blocks {
		if !sameOverrides(doc.Blocks[bi].Overrides, t.Blocks[bi].Overrides) {
			return true
		}
	}
	c := st.base.cursor()
	for i := range doc.Segments {
		if !sameWork(&doc.Segments[i], c.place(i)) {
			return true
		}
	}
	return false
}

// sameWork reports whether a and b are the same sentence with the same
// work as a merge reads it (a save need not write one over the other).
func sameWork(a, b *Segment) bool {
	return a.Source == b.Source && a.state() == b.state() && a.Note == b.Note &&
		a.Changed.Equal(b.Changed) && sameHistory(a.History, b.History) &&
		sameQAIgnores(a.QAIgnored, b.QAIgnored)
}

// preRevs returns, for each segment idx of doc (after a merge that
// changed its segmentation), the Rev of the same segment (same block and
// span) in pre, the caller's segments as handed in: ApplySaved applies a
// segment only when the live one still has it. A segment the merge made (a
// segmentation that came in) has none: noRev.
func preRevs(doc *Document, pre *segBase, idx []int) []uint64 {
	revs := make([]uint64, 0, len(idx))
	type place struct{ block, start, end int }
	at := make(map[place]uint64, len(idx))
	want := make(map[place]bool, len(idx))
	for _, i := range idx {
		s := &doc.Segments[i]
		want[place{s.Block, s.Start, s.End}] = true
	}
	c := pre.cursor()
	for k := range pre.len() {
		p := c.place(k)
		if pl := (place{p.Block, p.Start, p.End}); want[pl] {
			at[pl] = pre.rev(k)
		}
	}
	for _, i := range idx {
		s := &doc.Segments[i]
		r, ok := at[place{s.Block, s.Start, s.End}]
		if !ok {
			r = noRev
		}
		revs = append(revs, r)
	}
	return revs
}

// noRev is a Rev no live segment has (see preRevs).
const noRev = ^uint64(0)
