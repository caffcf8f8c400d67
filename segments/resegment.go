package segments

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/trad-project/trad/internal/script"
	"golang.org/x/text/language"
)

// This file holds the translator's changes to the segmentation: splitting
// a segment in two and merging a segment with the next one of its block.
// Each change is recorded in its block as an Override keyed on the source
// texts, not on indexes or offsets, so that re-segmenting a changed
// article (Reattach) applies it again wherever those sentences still are.
// See docs/project-format.md.

// Override is one change the translator made to a block's segmentation.
type Override struct {
	// Op is OverrideSplit or OverrideMerge.
	Op string `json:"op"`
	// Left and Right are the sources of the two segments concerned: after
	// a split, its two parts; before a merge, the two segments merged.
	Left  string `json:"left"`
	Right string `json:"right"`
	// Nth tells apart the places of a block with the same texts: the
	// override applies to the Nth of them (0 for the first).
	Nth int `json:"nth,omitempty"`
	// made is 1 + the place in the block (segment index minus the block's
	// First) where this process made it, 0 when unknown (read from a
	// file): record undoes it only when made at the same place.
	made int
	// undo, for a merge made in this process, is the work a split at the
	// same place gives back.
	undo *mergeUndo
}

// mergeUndo is what undoing a merge gives back: the two segments' work as
// it was, when the merged segment's work is still what the merge made.
type mergeUndo struct {
	parts  [2]Segment
	result string // workKey of the merged segment
}

// workKey is a comparable form of s's work.
func workKey(s *Segment) string {
	return s.Target + "\x00" + tagsKey(s.TargetTags) + "\x00" + s.Status.String() + "\x00" + s.Origin + "\x00" + s.Note
}

// The values of Override.Op, as written in project files.
const (
	OverrideSplit = "split"
	OverrideMerge = "merge"
)

// ErrSplitInWord is returned by SplitSegment for a point between two
// letters or digits of a word of a language written with spaces.
var ErrSplitInWord = errors.New("the point is inside a word")

// SplitSegment splits segment i in two at byte offset at of its source.
// The point must be inside the source, on a character boundary, leave text
// on both sides (white space around it is dropped), and not fall inside a
// word (ErrSplitInWord; between two CJK characters is allowed, as those
// languages write no spaces). The first part keeps the segment's work:
// its target (as a draft, the previous version going to History), note
// and history; the second part is new. Tags are shared out by position: a
// pair may then open in one part and close in the other. The split is
// recorded in the block's Overrides; when it undoes the block's last
// override (a merge at that place), that one is taken out instead.
// Nothing changes on error.
func (d *Document) SplitSegment(i, at int, now time.Time) error {
	if err := d.split(i, at, now); err != nil {
		return fmt.Errorf("split segment %d: %w", i+1, err)
	}
	return nil
}

// MergeNext merges segment i with segment i+1, which must be in the same
// block (segments never cross a paragraph, heading or list item) and not
// in another cell of a table row. The targets are joined (with a space, or
// none in Chinese and Japanese; see Joiner), their tags kept; the merged
// segment has the lower of the two statuses (draft at least when it has a
// target), the notes joined, and both previous versions in History. The
// merge is recorded in the block's Overrides; when it undoes the block's
// last override (a split at that place), that one is taken out instead.
// Nothing changes on error.
func (d *Document) MergeNext(i int, now time.Time) error {
	if err := d.merge(i, now); err != nil {
		return fmt.Errorf("merge segment %d with the next: %w", i+1, err)
	}
	return nil
}

// Joiner is what joins two sentences of a text in lang: a space, or
// nothing in Chinese and Japanese.
func Joiner(lang language.Tag) string {
	if b, _ := lang.Base(); b.String() == "zh" || b.String() == "ja" {
		return ""
	}
	return " "
}

// NearestSplit returns the point of source nearest to at (before it on a
// tie) where SplitSegment accepts to split, and false when there is none:
// an editor snaps its cursor to it.
func NearestSplit(source string, at int) (int, bool) {
	at = min(max(at, 0), len(source))
	for d := 0; d <= len(source); d++ {
		for _, p := range []int{at - d, at + d} {
			if p >= 0 && p <= len(source) {
				if _, _, err := splitPoint(source, p); err == nil {
					return p, true
				}
			}
		}
	}
	return 0, false
}

// splitPoint checks at as a split point of source and returns where the
// first part ends and the second starts (white space left out).
func splitPoint(source string, at int) (leftEnd, rightStart int, err error) {
	if at <= 0 || at >= len(source) {
		return 0, 0, fmt.Errorf("offset %d is not inside the source (1…%d)", at, len(source)-1)
	}
	if !utf8.RuneStart(source[at]) {
		return 0, 0, fmt.Errorf("offset %d is inside a character", at)
	}
	left := strings.TrimRightFunc(source[:at], unicode.IsSpace)
	right := strings.TrimLeftFunc(source[at:], unicode.IsSpace)
	if left == "" || right == "" {
		return 0, 0, fmt.Errorf("offset %d leaves nothing on one side", at)
	}
	if at == len(left) && at == len(source)-len(right) {
		a, _ := utf8.DecodeLastRuneInString(left)
		b, _ := utf8.DecodeRuneInString(right)
		if isWordRune(a) && isWordRune(b) && !script.IsIdeograph(a) && !script.IsIdeograph(b) {
			return 0, 0, ErrSplitInWord
		}
	}
	return len(left), len(source) - len(right), nil
}

func (d *Document) split(i, at int, now time.Time) error {
	if i < 0 || i >= len(d.Segments) {
		return fmt.Errorf("no such segment (the document has %d)", len(d.Segments))
	}
	s := d.Segments[i]
	leftEnd, rightStart, err := splitPoint(s.Source, at)
	if err != nil {
		return err
	}
	parts := d.resegment(i, 1, []Span{{s.Start, s.Start + leftEnd}, {s.Start + rightStart, s.End}})
	ov := Override{Op: OverrideSplit, Left: parts[0].Source, Right: parts[1].Source}
	ov.Nth = d.rank(ov, i)
	first, second := &parts[0], &parts[1]
	first.Target, first.Status, first.Note, first.Origin, first.MTEngine = s.Target, s.Status, s.Note, s.Origin, s.MTEngine
	first.Changed, first.History, first.QAIgnored = s.Changed, s.History, s.QAIgnored
	first.TargetTags = dropWrap(FullTags(s.TargetTags, s.Wrap, len(s.Target)), first.Wrap)
	if s.Target != "" && s.Status != StatusDraft {
		// The target now translates more than its source: a draft to check.
		first.History = pushVersion(s.History, s.version())
		first.Status = StatusDraft
		first.Changed = now.UTC()
	}
	first.Rev, second.Rev = s.Rev+1, s.Rev+1
	d.replace(i, 1, parts)
	d.placeStandIns(s.Block)
	if undone := d.record(i, ov); undone != nil && undone.undo != nil && undone.undo.result == workKey(&s) {
		// The merge undone, its segment unchanged since: the parts get
		// their work back as it was.
		for k := range 2 {
			p, was := &d.Segments[i+k], &undone.undo.parts[k]
			if p.Source == was.Source {
				p.carryWork(was, nil)
				p.TargetTags, p.History, p.QAIgnored = was.TargetTags, was.History, was.QAIgnored
			}
		}
	}
	return nil
}

// UndoMerge splits segment i back where MergeNext joined it, when that
// merge, made in this process, is the last change to the segmentation of
// i's block. The two segments get back their work as it was before the
// merge when the merged segment was not changed since (otherwise as
// SplitSegment shares it out).
func (d *Document) UndoMerge(i int, now time.Time) error {
	if i < 0 || i >= len(d.Segments) {
		return fmt.Errorf("undo merge at segment %d: no such segment (the document has %d)", i+1, len(d.Segments))
	}
	b := &d.Blocks[d.Segments[i].Block]
	n := len(b.Overrides)
	if n == 0 || b.Overrides[n-1].Op != OverrideMerge || b.Overrides[n-1].made != i-b.First+1 {
		return fmt.Errorf("undo merge at segment %d: its block's last change is no merge made there", i+1)
	}
	return d.SplitSegment(i, len(b.Overrides[n-1].Left), now)
}

func (d *Document) merge(i int, now time.Time) error {
	if i < 0 || i+1 >= len(d.Segments) {
		return fmt.Errorf("no next segment (the document has %d)", len(d.Segments))
	}
	a, b := d.Segments[i], d.Segments[i+1]
	if a.Block != b.Block {
		return errors.New("it is the last segment of its block, and segments never cross a block")
	}
	if a.End > b.Start {
		return fmt.Errorf("the segments overlap (bytes %d…%d and %d…%d of their block)", a.Start, a.End, b.Start, b.End)
	}
	if text := d.Blocks[a.Block].Text; strings.TrimSpace(text[a.End:b.Start]) != "" {
		return fmt.Errorf("%q stands between them (cells of a table row stay apart)", strings.TrimSpace(text[a.End:b.Start]))
	}
	ov := Override{Op: OverrideMerge, Left: a.Source, Right: b.Source}
	ov.Nth = d.rank(ov, i)
	parts := d.resegment(i, 2, []Span{{a.Start, b.End}})
	mergeWork(&parts[0], &a, &b, Joiner(d.TargetLang), now)
	ov.undo = &mergeUndo{parts: [2]Segment{a, b}, result: workKey(&parts[0])}
	d.replace(i, 2, parts)
	d.placeStandIns(a.Block)
	d.record(i, ov)
	return nil
}

// mergeWork gives m, the merge of a and b, their work joined.
func mergeWork(m, a, b *Segment, joiner string, now time.Time) {
	m.Rev = max(a.Rev, b.Rev) + 1
	m.QAIgnored = a.QAIgnored
	if m.QAIgnored == nil {
		m.QAIgnored = b.QAIgnored
	}
	sep := joiner
	if a.Target == "" || b.Target == "" || strings.HasSuffix(a.Target, " ") || strings.HasPrefix(b.Target, " ") {
		sep = ""
	}
	m.Target = a.Target + sep + b.Target
	tags := slices.Clone(FullTags(a.TargetTags, a.Wrap, len(a.Target)))
	for _, t := range FullTags(b.TargetTags, b.Wrap, len(b.Target)) {
		t.At += len(a.Target) + len(sep)
		tags = append(tags, t)
	}
	m.TargetTags = dropWrap(tags, m.Wrap)
	m.Status = min(a.Status, b.Status)
	if m.Target != "" && m.Status == StatusNew {
		m.Status = StatusDraft
	}
	m.Origin, m.MTEngine = joinOrigin(a, b)
	m.Note = strings.Trim(a.Note+"\n"+b.Note, "\n")
	h := append(slices.Clone(a.History), b.History...)
	slices.SortStableFunc(h, func(x, y Version) int { return x.Changed.Compare(y.Changed) })
	for _, p := range []*Segment{a, b} {
		// A part whose work is the merged one's is no previous version: so
		// that merging back a split gives, with one undo (Restore), the
		// segment as it was before the split.
		same := p.Target == m.Target && tagsKey(p.TargetTags) == tagsKey(m.TargetTags) && p.Status == m.Status && p.Origin == m.Origin
		if (p.Target != "" || p.Status != StatusNew) && !same {
			h = append(h, p.version())
		}
	}
	if len(h) > 0 {
		m.History = trimHistory(h)
	}
	if a.hasWork() || b.hasWork() {
		m.Changed = now.UTC()
	}
}

// joinOrigin is the origin (and engine) of a merged target: the parts'
// when all parts with a target share it, typed otherwise.
func joinOrigin(a, b *Segment) (string, string) {
	switch {
	case a.Target == "":
		return b.Origin, b.MTEngine
	case b.Target == "":
		return a.Origin, a.MTEngine
	case a.Origin == b.Origin && a.MTEngine == b.MTEngine:
		return a.Origin, a.MTEngine
	}
	return OriginTyped, ""
}

// dropWrap returns tags without one opening and one closing tag of each
// pair of wrap: those are written around the text, not in it.
func dropWrap(tags []Tag, wrap []int) []Tag {
	out := slices.Clone(tags)
	for _, id := range wrap {
		if k := slices.IndexFunc(out, func(t Tag) bool { return t.ID == id && t.Kind == TagOpen }); k >= 0 {
			out = slices.Delete(out, k, k+1)
		}
		for k := len(out) - 1; k >= 0; k-- {
			if out[k].ID == id && out[k].Kind == TagClose {
				out = slices.Delete(out, k, k+1)
				break
			}
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// resegment returns the segments of spans (offsets in the block's text),
// which replace the n segments from i, with the source tags of those
// segments shared out among them as reading shares them (segmentTags).
// The segments carry no work and are not yet in d.
func (d *Document) resegment(i, n int, spans []Span) []Segment {
	bi := d.Segments[i].Block
	text := d.Blocks[bi].Text
	var tags []Tag
	for _, s := range d.Segments[i : i+n] {
		for _, t := range FullTags(s.SourceTags, s.Wrap, len(s.Source)) {
			t.At += s.Start
			tags = append(tags, t)
		}
	}
	out := make([]Segment, len(spans))
	for k, sp := range spans {
		out[k] = Segment{Block: bi, Start: sp.Start, End: sp.End, Source: text[sp.Start:sp.End]}
	}
	segmentTags(out, tags, text, d.Blocks[bi].Codes)
	return out
}

// replace puts segs in place of the n segments from i and renumbers what
// follows: indexes, the blocks' ranges and the cursor.
func (d *Document) replace(i, n int, segs []Segment) {
	d.Segments = slices.Replace(d.Segments, i, i+n, segs...)
	delta := len(segs) - n
	for j := i; j < len(d.Segments); j++ {
		d.Segments[j].Index = j
	}
	bi := d.Segments[i].Block
	d.Blocks[bi].Count += delta
	for b := bi + 1; b < len(d.Blocks); b++ {
		d.Blocks[b].First += delta
	}
	switch {
	case d.Cursor >= i+n:
		d.Cursor += delta
	case d.Cursor >= i+len(segs):
		d.Cursor = i + len(segs) - 1
	}
	d.dropReps() // the sources changed
}

// record adds ov, just made at segment i, to the overrides of i's block,
// or takes out the block's last override when ov undoes it (a merge of the
// two parts of the last split, a split of the last merge) at the place it
// was made. Only the last one: replaying the list must give the current
// segmentation, and an earlier override may be what later ones were made on.
// It returns the override taken out, or nil.
func (d *Document) record(i int, ov Override) *Override {
	b := &d.Blocks[d.Segments[i].Block]
	ov.made = i - b.First + 1
	list := b.Overrides
	if n := len(list); n > 0 {
		last := list[n-1]
		// An override read from a file (made 0) is recognised by its rank.
		here := last.made == ov.made || last.made == 0 && last.Nth == ov.Nth
		if here && last.Op != ov.Op && last.Left == ov.Left && last.Right == ov.Right {
			b.Overrides = slices.Clip(list[:n-1])
			if n == 1 {
				b.Overrides = nil
			}
			return &last
		}
	}
	b.Overrides = append(slices.Clip(list), ov)
	return nil
}

// findOverride returns the segment ov applies to in the first of the
// blocks lo…hi-1 that has its texts at its Nth place, or -1.
func (d *Document) findOverride(ov Override, lo, hi int) int {
	for bi := lo; bi < hi; bi++ {
		b := &d.Blocks[bi]
		n := 0
		for j := b.First; j < b.First+b.Count; j++ {
			if !d.overrideAt(ov, j) {
				continue
			}
			if n == ov.Nth {
				return j
			}
			n++
		}
	}
	return -1
}

// rank is how many places of segment i's block before it ov would apply
// to: the Nth of the override made at i.
func (d *Document) rank(ov Override, i int) int {
	n := 0
	for j := d.Blocks[d.Segments[i].Block].First; j < i; j++ {
		if d.overrideAt(ov, j) {
			n++
		}
	}
	return n
}

// overrideAt reports whether ov applies at segment j: for a split, its
// source is the two texts with only white space between; for a merge, it
// and the next segment of its block are the two texts.
func (d *Document) overrideAt(ov Override, j int) bool {
	s := d.Segments[j].Source
	switch ov.Op {
	case OverrideSplit:
		return s == ov.Left+ov.Right || len(s) > len(ov.Left)+len(ov.Right) &&
			strings.HasPrefix(s, ov.Left) && strings.HasSuffix(s, ov.Right) &&
			strings.TrimSpace(s[len(ov.Left):len(s)-len(ov.Right)]) == ""
	case OverrideMerge:
		return s == ov.Left && j+1 < len(d.Segments) && d.Segments[j+1].Source == ov.Right &&
			d.Segments[j+1].Block == d.Segments[j].Block
	}
	return false
}
