package tui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/trad-project/trad/internal/safetext"
	"github.com/trad-project/trad/mt"
	"github.com/trad-project/trad/segments"
)

// This file wires machine translation into the editor: the suggestion for
// the current segment is fetched in a command (the next few are
// prefetched), shown in the matches pane below the memory matches of 75 %
// and more, and inserted by a key. A "no machine translation" project
// never asks the service for anything.

// MTService is what the editor needs of *mt.Service.
type MTService interface {
	Cached(r mt.Request) (mt.Suggestion, bool)
	Suggest(ctx context.Context, r mt.Request) (mt.Suggestion, error)
	Prefetch(reqs ...mt.Request)
	Close() error
}

// mtAbove is the lowest memory score shown above the MT suggestion.
const mtAbove = 75

// mtEntry is what is known of one segment's suggestion; src is the source
// it was asked for (a changed source asks again).
type mtEntry struct {
	src string
	sg  mt.Suggestion
	err error
}

// mtState holds the suggestions and what the editor asked.
type mtState struct {
	svc       MTService
	cfg       *mt.Config
	forbidden bool
	entries   map[int]mtEntry
	ver       int // changes with every entry, for the pane cache
	// asked is the segment last requested, opened the segment last
	// opened in the editor (auto-insert), -1 for none.
	asked, opened int
	cancel        context.CancelFunc
	// noticed is set once an MT error was shown in the status line.
	noticed bool
	// used and usedSeg are the suggestion put into the editor, to confirm
	// it with origin mt when unchanged.
	used, usedEngine string
	usedSeg          int
}

func newMTState(svc MTService, cfg *mt.Config, doc *segments.Document) *mtState {
	return &mtState{svc: svc, cfg: cfg, forbidden: doc.NoMT, entries: map[int]mtEntry{}, asked: -1, opened: -1, usedSeg: -1}
}

// noMTMark is what the header adds to the languages of a confidential
// project.
const noMTMark = " · no MT (confidential)"

// markNoMT makes the header and the service follow the project's "no
// machine translation" mark, which a save may bring from another process.
func (m *Model) markNoMT() {
	x := m.mtx
	no := m.doc.NoMT
	if no != strings.HasSuffix(m.header.langs, noMTMark) {
		m.header.langs = strings.TrimSuffix(m.header.langs, noMTMark)
		if no {
			m.header.langs += noMTMark
		}
		m.header.cache[0] = "" // drawn again
	}
	if no == x.forbidden {
		return
	}
	x.forbidden = no
	x.ver++
	if f, ok := x.svc.(interface{ SetForbidden(bool) }); ok {
		f.SetForbidden(no)
	}
	if no && x.cancel != nil {
		x.cancel()
		x.cancel = nil
	}
}

// mtMsg carries a suggestion (or the error) for segment seg.
type mtMsg struct {
	seg int
	src string
	sg  mt.Suggestion
	err error
}

// off reports whether the editor must not ask for suggestions.
func (s *mtState) off() bool { return s.svc == nil || s.forbidden }

// get returns segment i's entry if it is for its current source.
func (m *Model) mtEntry(i int) (mtEntry, bool) {
	e, ok := m.mtx.entries[i]
	return e, ok && e.src == m.doc.Segments[i].Source
}

// mtRequest is the request for segment i, with its glossary hits when
// they are known (else the command finds them).
func (m *Model) mtRequest(i int) (mt.Request, bool) {
	r := mt.RequestAt(m.doc, i, nil)
	if m.hits.known(i) {
		r.Hits = m.hits.get(i)
		return r, true
	}
	return r, m.finder == nil
}

// mtWatch asks for the current segment's suggestion when the cursor comes
// to a segment, and prefetches the next ones. A cached suggestion is shown
// at once.
func (m *Model) mtWatch() tea.Cmd {
	x := m.mtx
	if x.off() || m.loading || len(m.doc.Segments) == 0 || m.cur == x.asked {
		return m.mtAutoInsert()
	}
	x.asked = m.cur
	if x.cancel != nil {
		x.cancel() // the cursor moved on: the older request is not needed
		x.cancel = nil
	}
	i := m.cur
	if _, ok := m.mtEntry(i); ok || len(m.doc.Segments[i].Source) > lookupMax {
		return m.mtAutoInsert()
	}
	r, full := m.mtRequest(i)
	if full {
		if sg, ok := x.svc.Cached(r); ok {
			m.storeMT(mtMsg{seg: i, src: r.Source, sg: sg})
			return tea.Batch(m.mtAutoInsert(), m.mtPrefetch(i))
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	x.cancel = cancel
	svc, f := x.svc, m.finder
	return tea.Batch(func() tea.Msg {
		if !full && f != nil {
			r.Hits = validHits(f.Match(r.Source), len(r.Source))
		}
		sg, err := svc.Suggest(ctx, r)
		return mtMsg{seg: i, src: r.Source, sg: sg, err: err}
	}, m.mtPrefetch(i))
}

// mtPrefetch returns a command prefetching the suggestions of the
// segments after i that have no target yet.
func (m *Model) mtPrefetch(i int) tea.Cmd {
	n := m.mtx.cfg.PrefetchCount()
	var reqs []mt.Request
	var need []bool
	for j := i + 1; j < len(m.doc.Segments) && len(reqs) < n; j++ {
		if _, ok := m.mtEntry(j); ok || m.doc.Segments[j].Target != "" || len(m.doc.Segments[j].Source) > lookupMax {
			continue
		}
		r, full := m.mtRequest(j)
		reqs, need = append(reqs, r), append(need, !full)
	}
	if len(reqs) == 0 {
		return nil
	}
	svc, f := m.mtx.svc, m.finder
	return func() tea.Msg {
		for k := range reqs {
			if need[k] && f != nil {
				reqs[k].Hits = validHits(f.Match(reqs[k].Source), len(reqs[k].Source))
			}
		}
		svc.Prefetch(reqs...) // returns at once; the batch runs in the background
		return nil
	}
}

// storeMT records a suggestion.
func (m *Model) storeMT(msg mtMsg) {
	m.mtx.entries[msg.seg] = mtEntry{src: msg.src, sg: msg.sg, err: msg.err}
	m.mtx.ver++
}

// onMT records a fetched suggestion; the first error is said once in the
// status line (offline, misconfigured), the pane shows it for the segment.
func (m *Model) onMT(msg mtMsg) tea.Cmd {
	if errors.Is(msg.err, context.Canceled) {
		if m.mtx.asked == msg.seg {
			m.mtx.asked = -1 // asked again when the cursor comes back
		}
		return nil
	}
	if msg.seg >= len(m.doc.Segments) || m.doc.Segments[msg.seg].Source != msg.src {
		return nil
	}
	m.storeMT(msg)
	if msg.err != nil && !m.mtx.noticed {
		m.mtx.noticed = true
		if m.mtx.cfg != nil { // configured: say it; by default the pane does
			m.status.set(mt.Notice(msg.err), true)
		}
		return nil
	}
	return m.mtAutoInsert()
}

// mtAutoInsert puts the suggestion into an empty segment just opened in
// the editor, as an MT draft, when the config says so (mt.auto_insert).
func (m *Model) mtAutoInsert() tea.Cmd {
	x := m.mtx
	if !m.editing() {
		x.opened = -1
		return nil
	}
	i := m.editor.seg
	if x.cfg == nil || !x.cfg.AutoInsert || x.off() || x.opened == i {
		return nil
	}
	e, ok := m.mtEntry(i)
	if !ok {
		return nil // not yet: tried again when it arrives
	}
	x.opened = i
	if e.err != nil || e.sg.Text == "" || m.editor.value() != "" || m.doc.Segments[i].Target != "" {
		return nil
	}
	text, engine, now := safetext.Display(e.sg.Text), e.sg.Engine, m.now()
	m.change(i, func(d *segments.Document) bool { return d.SetMTDraft(i, text, engine, now) })
	// The draft is where editing begins: leaving unchanged keeps it.
	m.orig = m.doc.Segments[i]
	m.editor.replace(text)
	x.used, x.usedEngine, x.usedSeg = m.editor.value(), engine, i
	return tea.Batch(m.typed(), m.flash("MT · "+engine+" inserted as a draft (mt.auto_insert); ctrl+z removes it"))
}

// useMT puts the current segment's suggestion into the editor (opening it
// from browsing), replacing its text.
func (m *Model) useMT() tea.Cmd {
	x := m.mtx
	if x.forbidden {
		return m.flash("no MT: this project is confidential")
	}
	if x.svc == nil {
		return m.flash("no machine translation engine")
	}
	e, ok := m.mtEntry(m.cur)
	switch {
	case !ok:
		return m.flash("machine translation on its way…")
	case e.err != nil:
		return m.flash(mt.Notice(e.err))
	case e.sg.Text == "":
		return m.flash("the engine gave no translation for this segment")
	}
	var cmds []tea.Cmd
	if !m.editing() {
		cmds = append(cmds, m.startEdit(m.cur))
		if !m.editing() {
			return tea.Batch(cmds...)
		}
	}
	m.editor.replace(safetext.Display(e.sg.Text))
	x.used, x.usedEngine, x.usedSeg = m.editor.value(), e.sg.Engine, m.cur
	return tea.Batch(append(cmds, m.typed(), m.flash("MT · "+e.sg.Engine+" inserted"))...)
}

// confirmOp is the operation confirming text v in segment i: ConfirmMT
// when v is the suggestion inserted unchanged (origin mt, engine kept),
// else Confirm with origin.
func (m *Model) confirmOp(i int, v, origin string, now time.Time) func(*segments.Document) bool {
	x := m.mtx
	if v != "" && x.usedSeg == i && v == x.used {
		engine := x.usedEngine
		t := decodeTags(v)
		return func(d *segments.Document) bool { return d.ConfirmMTTagged(i, t.Text, t.Tags, engine, now) }
	}
	t := decodeTags(v)
	return func(d *segments.Document) bool { return d.ConfirmTagged(i, t.Text, t.Tags, origin, now) }
}

// mtView is what the matches pane shows of the suggestion.
type mtView struct {
	on     bool   // show the MT entry at all
	status string // "" when text is there: "asking apertium…", an error
	sg     mt.Suggestion
}

// mtPaneView is the current segment's suggestion for the matches pane.
func (m *Model) mtPaneView() mtView {
	x := m.mtx
	switch {
	case x.forbidden:
		return mtView{on: true, status: "off: this project is confidential (no MT)"}
	case x.svc == nil:
		return mtView{}
	}
	e, ok := m.mtEntry(m.cur)
	switch {
	case !ok && m.loading:
		return mtView{on: true, status: "waiting for the glossary…"}
	case !ok:
		return mtView{on: true, status: "asking the engine…"}
	case e.err != nil:
		return mtView{on: true, status: strings.TrimPrefix(mt.Notice(e.err), "MT: ")}
	}
	return mtView{on: true, sg: e.sg}
}

func (v mtView) key() string {
	return fmt.Sprint(v.on, v.status, v.sg.Text, v.sg.Engine, len(v.sg.Ignored))
}

// mtLines draws the suggestion in the matches pane: "MT · apertium", the
// text (wrapped at levels 0 and 1, one line cut after), and the glossary
// terms it did not follow, highlighted.
func (p *matchPane) mtLines(v mtView, level, inner int) []string {
	if !v.on {
		return nil
	}
	head := p.st.PaneNum.Render("MT")
	if v.sg.Engine != "" {
		head += p.st.PaneMeta.Render(" · " + sanitizeLine(v.sg.Engine))
	}
	if v.status != "" {
		out := []string{head}
		st := sanitizeLine(v.status)
		for _, ls := range wrapText(st, max(inner-2, 1)) {
			out = append(out, "  "+p.st.PaneMeta.Render(st[ls.start:ls.end]))
		}
		return out
	}
	text := sanitizeLine(v.sg.Text)
	var out []string
	if level >= 2 {
		out = append(out, head+" "+p.st.PaneTarget.Render(text))
	} else {
		out = append(out, head)
		for j, ls := range wrapText(text, max(inner-4, 1)) {
			lead := "  → "
			if j > 0 {
				lead = "    "
			}
			out = append(out, p.st.PaneMeta.Render(lead)+p.st.PaneTarget.Render(text[ls.start:ls.end]))
		}
	}
	for _, h := range v.sg.Ignored {
		exp := ""
		if len(h.Targets) > 0 {
			exp = " → " + sanitizeLine(strings.Join(h.Targets, " | "))
		}
		out = append(out, "  "+p.st.QAWarn.Render(p.st.QAWarnGlyph+" not followed: ")+p.st.MatchDiff.Render(sanitizeLine(h.Text))+p.st.PaneMeta.Render(exp))
	}
	if len(v.sg.Unknown) > 0 && level < 2 {
		out = append(out, p.st.PaneMeta.Render("  unknown: "+sanitizeLine(strings.Join(v.sg.Unknown, ", "))))
	}
	return out
}
