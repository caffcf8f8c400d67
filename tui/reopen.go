package tui

import (
	"fmt"
	"sort"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/trad-project/trad/segments"
)

// articleChanged returns what the start-up status says when the article
// changed since the project was saved, and keeps the segments whose
// sentence was edited for the next-changed key; "" when it did not change.
func (m *Model) articleChanged(rep *segments.LoadReport) string {
	if rep == nil || !rep.SourceChanged {
		return ""
	}
	for _, i := range rep.Changed {
		if i >= 0 && i < len(m.doc.Segments) {
			m.changed = append(m.changed, i)
		}
	}
	sort.Ints(m.changed)
	parts := []string{fmt.Sprintf("%d re-attached", rep.Reattached)}
	if n := len(m.changed); n > 0 {
		parts = append(parts, fmt.Sprintf("%d changed (drafts; %s: next)", n, m.keys.Browse.NextChanged.Help().Key))
	}
	if rep.Orphaned > 0 {
		parts = append(parts, fmt.Sprintf("%d orphaned (kept)", rep.Orphaned))
	}
	if rep.New > 0 {
		parts = append(parts, fmt.Sprintf("%d new", rep.New))
	}
	if rep.DroppedOverrides > 0 {
		parts = append(parts, fmt.Sprintf("%d split/merge dropped", rep.DroppedOverrides))
	}
	return "article changed since last session: " + strings.Join(parts, ", ")
}

// nextChanged moves to the next segment whose sentence was edited since
// the last session, wrapping around.
func (m *Model) nextChanged() tea.Cmd {
	changed := m.changed
	if m.table.filtered() {
		changed = shownOf(m.table, changed)
	}
	if len(changed) == 0 {
		return m.flash("no changed segment: the article's sentences are as they were last session")
	}
	k := sort.SearchInts(changed, m.cur+1) % len(changed)
	i := changed[k]
	return tea.Batch(m.moveTo(i), m.flashHere(fmt.Sprintf("changed segment %d/%d: its sentence was edited since the last session", k+1, len(changed))))
}
