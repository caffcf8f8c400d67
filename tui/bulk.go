package tui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/trad-project/trad/segments"
)

// bulkChange is the last change made to many segments at once (a
// replace in targets, the fill of a confirmed segment's repetitions):
// U puts every one of them back as it was, in one step. A segment
// changed again since (its Rev moved on) is left as it is.
type bulkChange struct {
	what   string             // "replace", "repetition fill": for the status line
	segs   []int              // the segments changed
	before []segments.Segment // each one before the change
	revs   []uint64           // each one's Rev just after the change
}

// add records that segment i, which was before, has just been changed.
func (b *bulkChange) add(i int, before segments.Segment, rev uint64) {
	b.segs = append(b.segs, i)
	b.before = append(b.before, before)
	b.revs = append(b.revs, rev)
}

// undoBulkIntent asks the root to undo the last bulk change (U).
type undoBulkIntent struct{}

// undoBulk puts the segments of the last bulk change back as they were.
func (m *Model) undoBulk() tea.Cmd {
	b := m.bulk
	if b == nil || len(b.segs) == 0 {
		return m.flash("nothing to undo: no replace or repetition fill since the editor opened (ctrl+z undoes a confirm)")
	}
	m.bulk = nil
	if m.editing() {
		m.commitDraft()
	}
	now := m.now()
	undone, kept := 0, 0
	for k, i := range b.segs {
		if i >= len(m.doc.Segments) || m.doc.Segments[i].Rev != b.revs[k] {
			kept++
			continue
		}
		before := b.before[k]
		if m.editing() && m.editor.segment() == i {
			kept++ // being edited: the translator's text wins
			continue
		}
		m.change(i, func(d *segments.Document) bool {
			rev := d.Segments[i].Rev
			d.Segments[i] = before
			d.Segments[i].Rev = rev + 1
			// Stamped now, so a merge with another process's save takes
			// this version, not the one undone.
			d.Segments[i].Changed = now.UTC()
			return true
		})
		undone++
	}
	msg := fmt.Sprintf("undid the %s: %d segment%s back as they were", b.what, undone, plural(undone))
	if kept > 0 {
		msg += fmt.Sprintf(" (%d changed since: kept)", kept)
	}
	return tea.Batch(m.save(false), m.flash(msg))
}
