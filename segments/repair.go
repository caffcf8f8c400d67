package segments

import (
	"fmt"
	"strings"

	"github.com/trad-project/trad/internal/safetext"
)

// repairProject removes escape sequences and control characters (the
// safetext.Text rules: LF kept, TAB made a space, CR made LF) from every
// text of a loaded project — block texts, sources, targets, notes, markers,
// orphans — keeping the segments' offsets consistent with their block's
// text. trad never writes such characters, so they come from a file edited
// by hand or by another tool; they must not reach the terminal or the
// exports. It returns one warning naming the file and the first segments
// repaired, or nil when the project was clean. It does not renormalise to
// NFC: that is not a safety matter, and the translator's text stays as typed.
func repairProject(path string, d *Document) []Warning {
	var fixed []int // indexes of the segments whose text changed
	other := 0      // other fields changed (markers, orphans…)
	for bi := range d.Blocks {
		b := &d.Blocks[bi]
		if changed := repairBlock(b, d.Segments[b.First:b.First+b.Count]); changed {
			if b.Count == 0 {
				other++
			}
			for i := b.First; i < b.First+b.Count; i++ {
				fixed = append(fixed, i)
			}
		}
		other += cleanFields(&b.Marker, &b.Info)
	}
	for i := range d.Segments {
		s := &d.Segments[i]
		if cleanFields(&s.Target, &s.Note, &s.Origin) > 0 && (len(fixed) == 0 || fixed[len(fixed)-1] < i) {
			fixed = append(fixed, i)
		}
		// Earlier versions reach the screen too (the history pane, undo).
		for h := range s.History {
			v := &s.History[h]
			other += cleanFields(&v.Target, &v.Note, &v.Origin, &v.By)
		}
	}
	for i := range d.Orphans {
		o := &d.Orphans[i]
		other += cleanFields(&o.Source, &o.Target, &o.Note, &o.Origin)
	}
	var warns []Warning
	if tags := repairTargetTags(d); len(tags) > 0 {
		warns = append(warns, Warning{File: path, Msg: fmt.Sprintf(
			"target tags of segment%s %s did not fit their text or block: dropped or moved; saving the project keeps the repair", plural(len(tags)), segmentList(tags))})
	}
	if len(fixed) == 0 && other == 0 {
		return warns
	}
	msg := "removed control characters or escape sequences (not written by trad)"
	if len(fixed) > 0 {
		msg += " from segment" + plural(len(fixed)) + " " + segmentList(fixed)
	}
	if other > 0 {
		msg += fmt.Sprintf("; %d other fields repaired", other)
	}
	return append([]Warning{{File: path, Msg: msg + "; saving the project keeps the repair"}}, warns...)
}

// cleanFields applies safetext.Text to each string and returns how many
// changed.
func cleanFields(ps ...*string) int {
	n := 0
	for _, p := range ps {
		if c := safetext.Text(*p); c != *p {
			*p = c
			n++
		}
	}
	return n
}

// repairBlock cleans b's text piece by piece — the gaps between segments
// and each segment's source — so that every segment's Start and End still
// index its source in the new text. It reports whether anything changed.
func repairBlock(b *Block, segs []Segment) bool {
	if safetext.Text(b.Text) == b.Text {
		return false
	}
	var t strings.Builder
	t.Grow(len(b.Text))
	prev := 0
	for i := range segs {
		s := &segs[i]
		if s.Start >= prev { // Check allows overlapping segments: never panic on them
			t.WriteString(safetext.Text(b.Text[prev:s.Start]))
		}
		if clean := safetext.Text(s.Source); clean != s.Source {
			s.Source, s.SourceTags = clean, FitTags(s.SourceTags, clean)
		}
		prev = max(prev, s.End)
		s.Start = t.Len()
		t.WriteString(s.Source)
		s.End = t.Len()
	}
	t.WriteString(safetext.Text(b.Text[prev:]))
	b.Text = t.String()
	return true
}
