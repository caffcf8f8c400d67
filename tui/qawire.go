package tui

import (
	"context"
	"fmt"
	"os"
	"os/user"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/qa"
	"github.com/trad-project/trad/segments"
	"github.com/trad-project/trad/spell"
)

// This file wires the quality checks into the editor: the project context
// (qa.Project, rebuilt in a command now and then), the spell checker, the
// check of a confirmed segment (in a command: with a spell checker it may
// wait on hunspell), and ignoring issues from the QA pane.

// Speller is the spell checker the editor uses: *spell.Checker.
type Speller interface {
	CheckSkip(ctx context.Context, text string, skip func(word string) bool) ([]spell.Span, error)
	Suggest(ctx context.Context, word string) ([]string, error)
	Add(word string) error
}

// projectEvery is how many confirms make the QA project context stale
// enough to be rebuilt (it learns how the translator rendered terms).
const projectEvery = 5

// qaState is the editor's QA context.
type qaState struct {
	glossary *glossary.Glossary
	project  *qa.Project
	spell    Speller
	// building is set while a qa.NewProject command runs; stale counts
	// the confirms since the last build.
	building bool
	stale    int
	// who stamps ignore records ($USER).
	who string
}

func newQAState(sp Speller) *qaState {
	who := os.Getenv("USER")
	if u, err := user.Current(); who == "" && err == nil {
		who = u.Username
	}
	if who == "" {
		who = "unknown"
	}
	return &qaState{spell: sp, who: who}
}

// projectMsg delivers a rebuilt qa.Project.
type projectMsg struct{ p *qa.Project }

// qaOneMsg carries the findings of one segment checked on confirm; target
// is the text checked, to drop a result the translator has overtaken.
type qaOneMsg struct {
	seg    int
	target string
	issues []qa.Issue
}

// qaContext is the checks' context for segment i, without its hits.
func (m *Model) qaContext(i int) qa.Context {
	c := qa.Context{SourceLang: m.doc.SourceLang.String(), TargetLang: m.doc.TargetLang.String(),
		Config: m.cfg.QA, Project: m.qx.project}
	if b := m.doc.Segments[i].Block; b >= 0 && b < len(m.doc.Blocks) {
		c.Block, c.Codes = m.doc.Blocks[b].Kind, m.doc.Blocks[b].Codes
	}
	if m.qx.spell != nil {
		c.Spell = m.qx.spell
	}
	return c
}

// buildProject returns a command building the QA project context from a
// snapshot, or nil when one is being built or there is no glossary finder.
func (m *Model) buildProject() tea.Cmd {
	if m.qx.building || m.finder == nil {
		return nil
	}
	m.qx.building, m.qx.stale = true, 0
	src, tgt, g, f := m.doc.SourceLang.String(), m.doc.TargetLang.String(), m.qx.glossary, m.finder
	n, segs := len(m.doc.Segments), targetsSnapshot(m.doc)
	return func() tea.Msg { return projectMsg{p: qa.NewProjectOf(src, tgt, g, f, n, segs)} }
}

// onProject installs a rebuilt context and checks the confirmed segments
// with it.
func (m *Model) onProject(msg projectMsg) tea.Cmd {
	m.qx.building = false
	m.qx.project = msg.p
	m.qaGen++
	return m.checkConfirmed(m.qaGen)
}

// checkCmd returns a command checking segment i as it is now.
func (m *Model) checkCmd(i int) tea.Cmd {
	seg := m.doc.Segments[i]
	c := m.qaContext(i)
	c.Hits = m.hits.get(i)
	m.qx.stale++
	var rebuild tea.Cmd
	if m.qx.stale >= projectEvery {
		rebuild = m.buildProject()
	}
	check := func() tea.Msg {
		is := qa.Check(seg, c)
		for k := range is {
			is[k].Segment = i
		}
		return qaOneMsg{seg: i, target: seg.Target, issues: is}
	}
	return tea.Batch(check, rebuild)
}

// onQAOne records one segment's findings, marks the ignored ones and says
// what stands.
func (m *Model) onQAOne(msg qaOneMsg) tea.Cmd {
	i := msg.seg
	if i >= len(m.doc.Segments) || m.doc.Segments[i].Target != msg.target {
		return nil
	}
	qa.MarkIgnored(m.doc, msg.issues)
	had := m.issues.hasError(i)
	m.issues.set(i, msg.issues)
	if had != m.issues.hasError(i) {
		m.table.touch(i)
	}
	if len(qa.Standing(msg.issues)) == 0 {
		return nil
	}
	note := "QA: " + issueSummary(msg.issues)
	if m.status.addSticky(note, " · ") {
		// A save error or a start-up notice stays in view.
		return nil
	}
	// Joined to what the confirm said of the segment, and gone, as that
	// is, when the cursor moves.
	prefix := fmt.Sprintf("segment %d: ", i+1)
	switch shown := m.status.text(); {
	case strings.HasPrefix(shown, prefix):
		return m.flashKeep(shown + " · " + note)
	case shown != "":
		// Another message (the memory not saved) stays in view.
		return m.flashKeep(shown + " · " + prefix + note)
	}
	return m.flashKeep(prefix + note)
}

// flashKeep is a flash that goes when the cursor leaves the segment it is
// on now, as the confirm's own message does.
func (m *Model) flashKeep(s string) tea.Cmd {
	seg := m.status.seg
	if seg < 0 {
		seg = m.cur
	}
	cmd := m.flash(s)
	m.status.seg = seg
	return cmd
}

// ignoreIssue carries out a qaIgnoreIntent: it ignores (or, with undo,
// un-ignores) the finding, records it in the project with who and when,
// and saves.
func (m *Model) ignoreIssue(it qaIgnoreIntent) tea.Cmd {
	all := m.issues.get(it.seg)
	k := -1
	for j := range all {
		if all[j].Check == it.check && all[j].Key == it.key {
			k = j
			break
		}
	}
	if k < 0 {
		return nil
	}
	is := &all[k]
	var changed bool
	if it.undo {
		changed = qa.Unignore(m.doc, is)
	} else {
		changed = qa.Ignore(m.doc, is, m.qx.who, m.now())
	}
	if !changed {
		if it.undo {
			return m.flash("this issue is not ignored")
		}
		return m.flash("this issue is already ignored")
	}
	m.version++
	m.issues.set(it.seg, all)
	m.table.touch(it.seg)
	m.qpane.clamp()
	verb := "ignored"
	if it.undo {
		verb = "no longer ignored"
	}
	return tea.Batch(m.save(false), m.flash(fmt.Sprintf("QA %s %s: %s", is.Check, verb, sanitizeLine(is.Message))))
}

// ignoredNote is how the QA pane marks an ignored issue.
func ignoredNote(r *segments.QAIgnore) string {
	s := "ignored"
	if r.Who != "" {
		s += " by " + r.Who
	}
	if !r.When.IsZero() {
		s += " " + r.When.UTC().Format(time.DateOnly)
	}
	return s
}
