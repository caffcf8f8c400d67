package tui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/trad-project/trad/glossary"
)

// The root's side of the add-term form (termform.go): opening it
// prefilled, checking for clashes and appending, both in commands, and
// matching the new entry at once.

// openTermForm opens the form: the source prefilled with the text the
// last search highlights in the current source, the target with the word
// under the editor's cursor (the draft is kept in the document
// meanwhile).
func (m *Model) openTermForm() tea.Cmd {
	if len(m.doc.Segments) == 0 {
		return nil
	}
	if m.opts.NoUser {
		return m.flash("adding a term is off in a --no-user session: it would write to your glossary folder")
	}
	m.termFrom = m.mode
	src, tgt := "", ""
	source := m.doc.Segments[m.cur].Source
	if sp := m.table.hl.spans(source); len(sp) > 0 {
		src = source[sp[0].start:sp[0].end]
	}
	if m.editing() {
		m.commitDraft()
		tgt = m.wordAtCursor()
	}
	m.termF.open(sanitizeLine(src), sanitizeLine(untagged(tgt)), source)
	m.mode = modeTerm
	return nil
}

// applyTerm carries out the form's intents; it reports false for others.
func (m *Model) applyTerm(intent tea.Msg) (tea.Cmd, bool) {
	switch it := intent.(type) {
	case termOpenIntent:
		return m.openTermForm(), true
	case termCloseIntent:
		m.mode = m.termFrom
		return nil, true
	case termSubmitIntent:
		f := m.termF
		e := f.entry(m.doc.SourceLang.String(), m.doc.TargetLang.String())
		f.busy, f.err = true, ""
		if it.force {
			return m.appendTermCmd(e, true), true
		}
		g, src, tgt := m.qx.glossary, m.doc.SourceLang.String(), m.doc.TargetLang.String()
		return func() tea.Msg {
			var cl []glossary.Clash
			if g != nil {
				cl = glossary.Clashes(g, e, src, tgt)
			}
			return termCheckedMsg{entry: &e, clashes: cl}
		}, true
	}
	return nil, false
}

// appendTermCmd appends e to the user glossary (the config file's
// glossary.user_file, else the user folder's first glossary) and builds
// the glossary with it, in a command (the matcher follows in another:
// matcherCmd). Unless force, the
// clash check is made again under the file's lock against the file as it
// is now (another trad may have added the term since this one loaded its
// glossaries): a clash found then goes back to the form.
func (m *Model) appendTermCmd(e glossary.Entry, force bool) tea.Cmd {
	g, src, tgt, conf := m.qx.glossary, m.doc.SourceLang.String(), m.doc.TargetLang.String(), m.cfg.Glossary.UserFile
	return func() tea.Msg {
		path, err := glossary.UserGlossaryPath(conf)
		if err != nil {
			return termAddedMsg{err: err}
		}
		existing := func() (*glossary.Glossary, error) {
			if _, err := os.Stat(path); err != nil {
				return g, nil
			}
			fresh, _, err := glossary.Open(path)
			if err != nil {
				return nil, err
			}
			if g == nil {
				return fresh, nil
			}
			return glossary.Merge(fresh, g), nil
		}
		ne, clashes, err := glossary.AppendEntryChecked(path, e, src, tgt, glossary.AppendOptions{Existing: existing, Force: force})
		if errors.Is(err, glossary.ErrClash) {
			return termCheckedMsg{entry: &e, clashes: clashes}
		}
		if err != nil {
			return termAddedMsg{path: path, err: err}
		}
		// The new entry first: it is the translator's latest word.
		g2 := glossary.New(append([]*glossary.Entry{ne}, g.Entries()...)...)
		return termAddedMsg{entry: ne, path: path, g: g2}
	}
}

// matcherCmd builds the matcher of g for the term added last (gen): the
// form closes and the translator goes on while it builds, which takes
// seconds for a glossary of a million terms; until then the hits are the
// previous matcher's.
func matcherCmd(g *glossary.Glossary, src, tgt string, gen int) tea.Cmd {
	return func() tea.Msg {
		return matcherBuiltMsg{gen: gen, matcher: glossary.NewMatcher(g, src, tgt)}
	}
}

// termUpdate handles the form's command results; it reports false for
// other messages.
func (m *Model) termUpdate(msg tea.Msg) (tea.Cmd, bool) {
	f := m.termF
	switch msg := msg.(type) {
	case termCheckedMsg:
		if m.mode != modeTerm {
			return nil, true
		}
		if len(msg.clashes) == 0 {
			return m.appendTermCmd(*msg.entry, false), true
		}
		f.busy, f.checked, f.clashes = false, msg.entry, msg.clashes
		return nil, true
	case termAddedMsg:
		f.busy = false
		if msg.err != nil {
			f.err = msg.err.Error()
			if m.mode != modeTerm {
				m.status.set(f.err, true)
			}
			return nil, true
		}
		if m.mode == modeTerm {
			m.mode = m.termFrom
		}
		m.qx.glossary = msg.g
		m.termGen++
		e := msg.entry
		return tea.Batch(indexGlossaryCmd(msg.g, m.doc.SourceLang.String()),
			matcherCmd(msg.g, m.doc.SourceLang.String(), m.doc.TargetLang.String(), m.termGen), m.flash(fmt.Sprintf("added to %s:%d: %s → %s", filepath.Base(msg.path), e.Origin.Line,
				sanitizeLine(firstOf(e.Source(m.doc.SourceLang.String()))), sanitizeLine(firstOf(e.Target(m.doc.TargetLang.String())))))), true
	case matcherBuiltMsg:
		if msg.gen == m.termGen { // else a later term's build follows
			m.finder = msg.matcher
			m.hits.reset()
			m.table.touchAll()
		}
		return nil, true
	}
	return nil, false
}

// firstOf is the first of ss, "" when there is none.
func firstOf(ss []string) string {
	if len(ss) == 0 {
		return ""
	}
	return ss[0]
}
