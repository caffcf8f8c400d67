package segments

import (
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// This file holds the operations that change a segment's work. Each one
// stamps Changed, keeps the previous version in History when the target or
// status changes, and bumps Rev, so that every caller (editor, CLI, imports)
// follows the same rules.

// HistoryLimit is how many plain previous versions a segment keeps; as many
// conflict versions are kept besides, so that a burst of edits does not push
// a version lost in a merge out of sight.
const HistoryLimit = 10

// Update sets segment i's target, status and origin and reports whether
// anything changed. When the target or status changes and the segment had
// work, its previous version goes to History. Changed is stamped with now
// (UTC) and Rev is bumped. It is the one primitive behind Confirm, SetDraft
// and MarkReviewed. The target's tags are kept (moved by FitTags to fit a
// changed text); callers that edit tags use UpdateTagged.
func (d *Document) Update(i int, target string, st Status, origin string, now time.Time) bool {
	s := &d.Segments[i]
	tags := s.TargetTags
	if target != s.Target {
		tags = FitTags(tags, target)
	}
	return d.UpdateTagged(i, target, tags, st, origin, now)
}

// UpdateTagged is Update with the target's tags: the target text and its
// tags are one unit (a change of tags alone is a change of the target).
// tags must fit target (see Check); the slice is kept, not copied.
func (d *Document) UpdateTagged(i int, target string, tags []Tag, st Status, origin string, now time.Time) bool {
	s := &d.Segments[i]
	sameTarget := s.Target == target && tagsKey(s.TargetTags) == tagsKey(tags)
	if sameTarget && s.Status == st && s.Origin == origin {
		return false
	}
	if !sameTarget || s.Status != st {
		if s.Target != "" || s.Status != StatusNew {
			s.History = pushVersion(s.History, s.version())
		}
	}
	if len(tags) == 0 {
		tags = nil
	}
	s.Target, s.TargetTags, s.Status, s.Origin = target, tags, st, origin
	if origin != OriginMT {
		s.MTEngine = ""
	}
	s.Changed = now.UTC()
	s.Rev++
	d.touch(i)
	return true
}

// Confirm makes target segment i's approved translation: status translated
// (reviewed stays reviewed when the text is unchanged), or new when target
// is empty. origin says where the text came from; for an unchanged text an
// empty origin keeps the one it had (a memory draft confirmed as it is stays
// OriginTM). It reports whether anything changed.
func (d *Document) Confirm(i int, target, origin string, now time.Time) bool {
	st, origin := d.confirmStatus(i, target, origin)
	return d.Update(i, target, st, origin, now)
}

// ConfirmTagged is Confirm with the target's tags (the editor's).
func (d *Document) ConfirmTagged(i int, target string, tags []Tag, origin string, now time.Time) bool {
	st, origin := d.confirmStatus(i, target, origin)
	return d.UpdateTagged(i, target, tags, st, origin, now)
}

// confirmStatus is the status and origin Confirm gives segment i.
func (d *Document) confirmStatus(i int, target, origin string) (Status, string) {
	s := &d.Segments[i]
	st := StatusTranslated
	switch {
	case target == "":
		st, origin = StatusNew, OriginTyped
	case target == s.Target:
		if s.Status == StatusReviewed {
			st = StatusReviewed
		}
		if origin == OriginTyped {
			origin = s.Origin
		}
	}
	return st, origin
}

// SetDraft puts target in segment i as a draft (new when target is empty),
// with the given origin. It reports whether anything changed.
func (d *Document) SetDraft(i int, target, origin string, now time.Time) bool {
	if target == "" {
		return d.Update(i, "", StatusNew, OriginTyped, now)
	}
	return d.Update(i, target, StatusDraft, origin, now)
}

// SetDraftTagged is SetDraft with the target's tags (the editor's).
func (d *Document) SetDraftTagged(i int, target string, tags []Tag, origin string, now time.Time) bool {
	if target == "" && len(tags) == 0 {
		return d.Update(i, "", StatusNew, OriginTyped, now)
	}
	return d.UpdateTagged(i, target, tags, StatusDraft, origin, now)
}

// SetMTDraft puts a machine translation by engine in segment i as a draft
// with OriginMT. It reports whether anything changed.
func (d *Document) SetMTDraft(i int, target, engine string, now time.Time) bool {
	changed := d.SetDraft(i, target, OriginMT, now)
	if s := &d.Segments[i]; target != "" && s.MTEngine != engine {
		s.MTEngine = engine
		changed = true
		d.touch(i)
	}
	return changed
}

// ConfirmMT confirms target, a machine translation by engine taken
// unchanged, as segment i's translation (origin mt, engine recorded). It
// reports whether anything changed.
func (d *Document) ConfirmMT(i int, target, engine string, now time.Time) bool {
	s := &d.Segments[i]
	return d.ConfirmMTTagged(i, target, FitTags(s.TargetTags, target), engine, now)
}

// ConfirmMTTagged is ConfirmMT with the target's tags (the editor's: a
// suggestion the translator confirmed, tags and all).
func (d *Document) ConfirmMTTagged(i int, target string, tags []Tag, engine string, now time.Time) bool {
	changed := d.ConfirmTagged(i, target, tags, OriginMT, now)
	if s := &d.Segments[i]; s.Origin == OriginMT && s.MTEngine != engine {
		s.MTEngine = engine
		changed = true
		d.touch(i)
	}
	return changed
}

// MarkReviewed sets segment i's status to reviewed. A segment without a
// target cannot be reviewed: it returns false and changes nothing.
func (d *Document) MarkReviewed(i int, now time.Time) bool {
	s := &d.Segments[i]
	if s.Target == "" {
		return false
	}
	return d.Update(i, s.Target, StatusReviewed, s.Origin, now)
}

// Restore puts segment i back to its last previous version (undo), taking
// that version out of History; the current version is not kept. It returns
// false, changing nothing, when History is empty.
func (d *Document) Restore(i int, now time.Time) bool {
	s := &d.Segments[i]
	n := len(s.History)
	if n == 0 {
		return false
	}
	v := s.History[n-1]
	// A new slice: snapshots (Clone) share the old backing array.
	s.History = append([]Version(nil), s.History[:n-1]...)
	if len(s.History) == 0 {
		s.History = nil
	}
	s.Target, s.Status, s.Origin = v.Target, v.Status, v.Origin
	s.TargetTags = nil
	if s.Block >= 0 && s.Block < len(d.Blocks) {
		s.TargetTags = validTags(&d.Blocks[s.Block], v.Target, v.TargetTags)
	}
	if v.Note != "" {
		s.Note = v.Note
	}
	s.Changed = now.UTC()
	s.Rev++
	d.touch(i)
	return true
}

// SetNote replaces segment i's note and reports whether it changed.
func (d *Document) SetNote(i int, note string, now time.Time) bool {
	s := &d.Segments[i]
	if s.Note == note {
		return false
	}
	s.Note = note
	s.Changed = now.UTC()
	s.Rev++
	d.touch(i)
	return true
}

// ReplaceNote is SetNote for a note that comes from outside (an import):
// a different note the segment had is kept in History first, as a target
// replaced is, so that the translator can see and restore it.
func (d *Document) ReplaceNote(i int, note string, now time.Time) bool {
	s := &d.Segments[i]
	if s.Note == note {
		return false
	}
	if s.Note != "" {
		s.History = pushVersion(s.History, s.version()) // SetNote marks the segment changed
	}
	return d.SetNote(i, note, now)
}

// version is s's current work as a Version.
func (s *Segment) version() Version {
	return Version{Target: s.Target, TargetTags: s.TargetTags, Status: s.Status, Origin: s.Origin, Note: s.Note, Changed: s.Changed}
}

// pushVersion returns h with v appended, trimmed by trimHistory. It never
// writes into h's backing array, which snapshots of the document may share.
func pushVersion(h []Version, v Version) []Version {
	return trimHistory(append(h[:len(h):len(h)], v))
}

// trimHistory drops the oldest versions of h beyond HistoryLimit plain and
// HistoryLimit conflict ones, into a new slice when it drops any.
func trimHistory(h []Version) []Version {
	plain, conflicts := 0, 0
	for _, x := range h {
		if x.Conflict {
			conflicts++
		} else {
			plain++
		}
	}
	if plain <= HistoryLimit && conflicts <= HistoryLimit {
		return h
	}
	out := make([]Version, 0, min(len(h), 2*HistoryLimit))
	for _, x := range h {
		switch {
		case x.Conflict && conflicts > HistoryLimit:
			conflicts--
		case !x.Conflict && plain > HistoryLimit:
			plain--
		default:
			out = append(out, x)
		}
	}
	return out
}

// SourceKey is the form two sources must share to be repetitions of each
// other (and exact memory matches): NFC with white space collapsed. Case and
// punctuation count.
func SourceKey(s string) string {
	if !isNFC(s) { // normalize.go's allocation-free check
		s = norm.NFC.String(s)
	}
	return CollapseSpace(s)
}

// CollapseSpace trims s and replaces every run of white space by one space;
// it returns s itself (no copy) when there is nothing to change.
func CollapseSpace(s string) string {
	if !needsCollapse(s) {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// needsCollapse reports whether s has white space other than single spaces
// between words.
func needsCollapse(s string) bool {
	prevSpace := true
	for _, r := range s {
		sp := unicode.IsSpace(r)
		if sp && (prevSpace || r != ' ') {
			return true
		}
		prevSpace = sp
	}
	return prevSpace && s != ""
}

// Repetitions returns the other segments whose source is segment i's (as
// SourceKey compares them), in document order.
func (d *Document) Repetitions(i int) []int {
	g := d.group(i)
	if g == nil {
		return nil
	}
	out := make([]int, 0, len(g)-1)
	for _, j := range g {
		if int(j) != i {
			out = append(out, int(j))
		}
	}
	return out
}

// FillRepetitions gives segment i's target, as drafts with OriginRepetition,
// to the segments with the same source that have no work yet (no target, no
// note, status new), and returns their indexes. It fills at most limit
// segments (limit ≤ 0: no limit), so that one confirm on a document of a
// million identical paragraphs costs what the caller allows. The index of
// sources is built once per document and filling allocates nothing per
// segment, so a call costs the size of the group, not of the document.
// Nothing is filled when segment i has no target. A segment with the same
// text but other inline tags (another link target, bold elsewhere) is not
// a repetition to fill: it is the memory's 99 % match, never inserted
// without the translator; one with the same tags gets the target's tags
// mapped onto its own codes.
func (d *Document) FillRepetitions(i int, now time.Time, limit int) []int {
	filled, _ := d.FillRepetitionsUndo(i, now, limit)
	return filled
}

// FillRepetitionsUndo is FillRepetitions that also returns each filled
// segment as it was before (before[k] for filled[k]), for an undo: only
// this loop knows which repetitions it filled.
func (d *Document) FillRepetitionsUndo(i int, now time.Time, limit int) (filled []int, before []Segment) {
	src := &d.Segments[i]
	target := src.Target
	if target == "" {
		return nil, nil
	}
	for _, j := range d.group(i) {
		if limit > 0 && len(filled) >= limit {
			break
		}
		if int(j) == i || d.Segments[j].hasWork() || !d.sameTags(i, int(j)) {
			continue
		}
		var tags []Tag
		if len(src.TargetTags) > 0 {
			dst := &d.Segments[j]
			tags = MapTags(target, src.TargetTags, src.SourceTags, d.blockCodes(i), dst.SourceTags, d.blockCodes(int(j)))
		}
		before = append(before, d.Segments[j])
		d.UpdateTagged(int(j), target, tags, StatusDraft, OriginRepetition, now)
		filled = append(filled, int(j))
	}
	return filled, before
}

// blockCodes returns the codes of segment i's block (nil without blocks).
func (d *Document) blockCodes(i int) []Code {
	if b := d.Segments[i].Block; b >= 0 && b < len(d.Blocks) {
		return d.Blocks[b].Codes
	}
	return nil
}

// sameTags reports whether segments i and j carry the same inline codes at
// the same places: tags and wrapping pairs of the same type and markup.
func (d *Document) sameTags(i, j int) bool {
	a, b := &d.Segments[i], &d.Segments[j]
	if len(a.SourceTags) != len(b.SourceTags) || len(a.Wrap) != len(b.Wrap) {
		return false
	}
	if len(a.SourceTags) == 0 && len(a.Wrap) == 0 {
		return true
	}
	ba, bb := Block{Codes: d.blockCodes(i)}, Block{Codes: d.blockCodes(j)}
	same := func(ida, idb int, k TagKind) bool {
		ca, _ := ba.CodeByID(ida)
		cb, _ := bb.CodeByID(idb)
		return ca.Type == cb.Type && ca.Markup(k) == cb.Markup(k)
	}
	for k, ta := range a.SourceTags {
		tb := b.SourceTags[k]
		if ta.At != tb.At || ta.Kind != tb.Kind || !same(ta.ID, tb.ID, ta.Kind) {
			return false
		}
	}
	for k := range a.Wrap {
		if !same(a.Wrap[k], b.Wrap[k], TagOpen) || !same(a.Wrap[k], b.Wrap[k], TagClose) {
			return false
		}
	}
	return true
}
