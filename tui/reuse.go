package tui

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/trad-project/trad/internal/safetext"
	"github.com/trad-project/trad/segments"
	"github.com/trad-project/trad/tm"
)

// This file holds the root model's side of reuse: translation-memory
// matches (keys, auto-insert, feeding and saving the memory), repetitions
// and the quality checks run on confirm.

// onResources installs the glossary matcher and memory loaded by Options.Load.
func (m *Model) onResources(res Resources) tea.Cmd {
	m.loading = false
	if res.Hits != nil {
		m.finder = res.Hits
		m.termGen++ // a term's matcher built before this one is stale
		m.hits.reset()
		m.table.touchAll()
	}
	if res.Memory != nil {
		m.matches.setMemory(res.Memory)
	}
	if res.Spell != nil {
		m.qx.spell = res.Spell
	}
	m.qx.glossary = res.Glossary
	icmd := indexGlossaryCmd(res.Glossary, m.doc.SourceLang.String())
	// The glossary is known now: check the confirmed segments, which the
	// findings of an earlier session do not cover, with the project
	// context once it is built (or at once without a glossary).
	qcmd := m.buildProject()
	if qcmd == nil {
		m.qaGen++
		qcmd = m.checkConfirmed(m.qaGen)
	}
	if q := m.concPending; q != "" && m.mode == modeConcord {
		ccmd, _ := m.applyConcord(concordSearchIntent{q})
		qcmd = tea.Batch(qcmd, ccmd)
	}
	m.concPending = ""
	if len(res.Notices) > 0 {
		note := strings.Join(res.Notices, "; ")
		// The start-up notices (spelling off, MT) stay in view.
		if !m.status.addSticky(note, "; ") {
			m.status.set(note, true)
		}
		return tea.Batch(qcmd, icmd)
	}
	// Back to the project path; the matches pane shows the rest.
	m.status.clearText("loading memory…")
	return tea.Batch(qcmd, icmd)
}

// useMatch puts match n's target into the editor: replacing the text, or
// inserted at the cursor.
func (m *Model) useMatch(n int, replace bool) tea.Cmd {
	ms := m.shownMatches(m.cur)
	if n >= len(ms) {
		switch {
		case !m.matches.hasMemory() && m.loading:
			return m.flash("the memory is still loading")
		case !m.matches.hasMemory():
			return m.flash("no translation memory")
		case !m.matches.known(m.cur):
			return m.flash("looking up the memory…")
		}
		return m.flash(fmt.Sprintf("no match %d for this segment", n+1))
	}
	t := m.matchText(m.cur, ms[n])
	if replace {
		m.editor.replace(t)
	} else {
		m.editor.insert(t)
	}
	m.usedMatch = m.editor.value()
	return tea.Batch(m.typed(), m.flash(fmt.Sprintf("match %d (%s) inserted", n+1, scoreLabel(ms[n]))))
}

// useMatchBrowse opens the editor on the current segment with match n's
// target in it.
func (m *Model) useMatchBrowse(n int) tea.Cmd {
	ms := m.shownMatches(m.cur)
	if n >= len(ms) {
		return m.useMatch(n, true) // says why
	}
	return tea.Batch(m.startEdit(m.cur), m.useMatch(n, true))
}

// maybeAutoInsert fills the segment being edited with an exact match when
// the translator enabled tm.auto_insert_exact and has not typed yet.
func (m *Model) maybeAutoInsert(seg int) tea.Cmd {
	if m.autoFill != seg || !m.editing() || m.editor.segment() != seg || m.editor.value() != "" {
		return nil
	}
	ms := m.shownMatches(seg)
	if !m.matches.known(seg) {
		return nil
	}
	m.autoFill = -1
	if len(ms) == 0 || ms[0].Score < 100 {
		return nil
	}
	m.editor.replace(m.matchText(seg, ms[0]))
	m.usedMatch = m.editor.value()
	return tea.Batch(m.typed(), m.flash(fmt.Sprintf("exact match inserted (%s); ctrl+z removes it", scoreLabel(ms[0]))))
}

// afterConfirm runs when segment i has just been confirmed: it feeds the
// memory, checks the segment and fills its repetitions. It returns the
// commands to run and a status summary ("" for none).
func (m *Model) afterConfirm(i int) (tea.Cmd, string) {
	var cmds []tea.Cmd
	var notes []string
	if u, ok := tm.SegmentUnit(m.doc, i, m.projectPath); ok {
		m.matches.add(u)
		cmds = append(cmds, m.saveMemory())
	}
	// The checks run in a command (the spell checker may wait on
	// hunspell); their findings come back as a qaOneMsg.
	cmds = append(cmds, m.checkCmd(i))
	if n := m.fillRepetitions(i); n > 0 {
		notes = append(notes, fmt.Sprintf("%d repetition%s filled as draft%s (%s; %s undoes the fill)", n, plural(n), plural(n), m.st.RepetitionGlyph, m.keys.Browse.UndoBulk.Help().Key))
	}
	return tea.Batch(cmds...), strings.Join(notes, " · ")
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// repetitionLimit bounds how many repetitions one confirm fills, so one
// confirm in a document of a million identical paragraphs stays quick.
const repetitionLimit = 10000

// fillRepetitions gives the segments with segment i's source and no work
// yet its target, as drafts (segments.FillRepetitions). It returns how
// many it filled.
func (m *Model) fillRepetitions(i int) int {
	if !m.cfg.Repetitions.Autofill {
		return 0
	}
	// The filled segments as they were, for U (bulk.go).
	filled, before := m.doc.FillRepetitionsUndo(i, m.now(), repetitionLimit)
	b := &bulkChange{what: fmt.Sprintf("fill of segment %d's repetitions", i+1)}
	for k, j := range filled {
		m.prog.change(j, segments.StatusNew, m.doc.Segments[j].Status)
		b.add(j, before[k], m.doc.Segments[j].Rev)
	}
	if len(filled) > 0 {
		m.version++
		m.bulk = b
	}
	return len(filled)
}

// lookupUpdate handles the results of the look-ups run in commands
// (glossary hits, the loaded resources, memory matches, the background QA
// run) and reports false for other messages.
func (m *Model) lookupUpdate(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case hitsMsg:
		for _, i := range m.hits.store(msg) {
			m.table.touch(i)
		}
		return nil, true
	case resourcesMsg:
		return m.onResources(msg.res), true
	case qaAllMsg:
		return m.onQAAll(msg), true
	case filterMsg:
		return m.onFilter(msg), true
	case concordMsg:
		_, cmd := m.conc.Update(msg)
		return cmd, true
	case termCheckedMsg, termAddedMsg, matcherBuiltMsg:
		return m.termUpdate(msg)
	case glossIndexMsg:
		if msg.idx.g == m.qx.glossary {
			m.conc.idx = msg.idx
		}
		return nil, true
	case matchesMsg:
		if m.matches.store(msg) {
			return m.maybeAutoInsert(msg.seg), true
		}
		return nil, true
	}
	return m.wireUpdate(msg)
}

// matchText is match mt's target as the editor holds it for segment i:
// the match's tags mapped onto the segment's codes (tm.MatchTags: the
// second bold of the match is the segment's second bold), as tag runes;
// tags with no counterpart are left out (ctrl+t / alt+t insert the
// segment's). A target that cleaning for the screen changed goes in
// without tags (their offsets would be wrong).
func (m *Model) matchText(i int, mt tm.Match) string {
	t := untagged(safetext.Display(mt.Target))
	if t != mt.Target {
		return t
	}
	return encodeTags(t, tm.MatchTags(m.doc, i, mt))
}
