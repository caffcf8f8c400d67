package tui

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/trad-project/trad/glossary"
)

// Inserting a glossary hit (alt+1…9): the translation is adapted to the
// sentence (glossary.AdaptTarget: capitalised at the start of a sentence,
// in the plural when the source's hit was plural), and pressing the same
// key again, before typing anything else, replaces it with the entry's
// next translation (one undo step each). The status line shows the
// translations, the one inserted marked, with the entry's note.

// hitCycle remembers the last insertion of a hit, so the same key again
// cycles through the entry's translations.
type hitCycle struct {
	seg, n, k int    // segment, hit, translation inserted
	after     string // the editor's text after the insertion
}

// insertHit inserts glossary hit n's next translation at the cursor:
// the first, or the one after the last inserted when the key is pressed
// again at once.
func (m *Model) insertHit(n int) tea.Cmd {
	hits := m.hits.get(m.cur)
	if n >= len(hits) {
		return m.flash(fmt.Sprintf("no glossary hit %d in this segment", n+1))
	}
	h := hits[n]
	if len(h.Targets) == 0 {
		return m.flash(fmt.Sprintf("%q has no %s translation in the glossary", h.Text, m.doc.TargetLang))
	}
	k := 0
	if c := m.lastHit; c != nil && c.seg == m.cur && c.n == n && c.after == m.editor.value() && m.editor.undoStep() {
		// The same key again: take the insertion back, put the next one.
		k = (c.k + 1) % len(h.Targets)
	}
	text := glossary.AdaptTarget(h, sanitizeLine(h.Targets[k]), m.atSentenceStart(), m.doc.TargetLang.String())
	m.editor.insert(text)
	m.lastHit = &hitCycle{seg: m.cur, n: n, k: k, after: m.editor.value()}
	return tea.Batch(m.typed(), m.flashHere(hitChoices(h, k, n, m.keys.Edit.InsertHit[n].Help().Key)))
}

// hitChoices is the status line after inserting translation k of hit h
// (key names the key that cycles): the translations, the inserted one in
// brackets, and the entry's note.
func hitChoices(h glossary.Hit, k, n int, key string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "term %d %s: ", n+1, sanitizeLine(h.Text))
	for i, t := range h.Targets {
		if i > 0 {
			b.WriteString(", ")
		}
		if i == k {
			b.WriteString("[" + sanitizeLine(t) + "]")
		} else {
			b.WriteString(sanitizeLine(t))
		}
	}
	if h.Plural {
		b.WriteString(" (plural)")
	}
	if len(h.Targets) > 1 {
		fmt.Fprintf(&b, " · %s again: next", key)
	}
	if h.Entry != nil && h.Entry.Note != "" {
		b.WriteString(" · note: " + sanitizeLine(h.Entry.Note))
	}
	return b.String()
}

// atSentenceStart reports whether the editor's cursor is at the start of
// a sentence, by glossary.SentenceStart (the rule AdaptTarget is written
// for) on the text before the cursor, its tags left out: spaces, quotes,
// brackets and dashes back to ". ! ? …" or the start of the target.
func (m *Model) atSentenceStart() bool {
	st := m.editor.state()
	lines := strings.Split(st.value, "\n")
	row := min(st.row, len(lines)-1)
	rs := []rune(lines[row])
	before := strings.Join(append(lines[:row:row], string(rs[:min(st.col, len(rs))])), "\n")
	before = untagged(before)
	return glossary.SentenceStart(before, len(before))
}
