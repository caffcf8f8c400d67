package tui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/trad-project/trad/qa"
	"github.com/trad-project/trad/segments"
)

// issueStore keeps the quality-check findings of the segments checked on
// confirm, and of those confirmed earlier (checkConfirmed). A segment's
// findings are dropped when its target changes.
type issueStore struct {
	issues map[int][]qa.Issue
	ver    int // changes with every set and drop, for the pane cache
}

func newIssueStore() *issueStore { return &issueStore{issues: map[int][]qa.Issue{}} }

func (s *issueStore) get(i int) []qa.Issue { return s.issues[i] }

// version changes with every set and drop, for the pane cache.
func (s *issueStore) version() int { return s.ver }

func (s *issueStore) set(i int, is []qa.Issue) {
	s.ver++
	if len(is) == 0 {
		delete(s.issues, i)
		return
	}
	s.issues[i] = is
}

// drop forgets segment i's findings; it reports whether there were any.
func (s *issueStore) drop(i int) bool {
	_, ok := s.issues[i]
	if ok {
		s.ver++
	}
	delete(s.issues, i)
	return ok
}

// hasError reports whether segment i has an error-level finding that is
// not ignored.
func (s *issueStore) hasError(i int) bool {
	for _, is := range s.issues[i] {
		if is.Severity >= qa.Error && is.Ignored == nil {
			return true
		}
	}
	return false
}

// issueCounts returns the error and warning (or info) counts of is.
func issueCounts(is []qa.Issue) (errs, warns int) {
	for _, x := range is {
		if x.Severity >= qa.Error {
			errs++
		} else {
			warns++
		}
	}
	return errs, warns
}

// issueSummary is "1 error, 2 warnings: numbers, links", naming every
// check that found something, once; ignored issues are only counted
// ("1 warning: glossary · 1 ignored").
func issueSummary(all []qa.Issue) string {
	is := qa.Standing(all)
	ign := ""
	if n := len(all) - len(is); n > 0 {
		ign = fmt.Sprintf("%d ignored", n)
		if len(is) == 0 {
			return ign
		}
		ign = " · " + ign
	}
	var checks []string
	seen := map[string]bool{}
	for _, x := range is {
		if !seen[x.Check] {
			seen[x.Check] = true
			checks = append(checks, x.Check)
		}
	}
	return countSummary(is) + ": " + strings.Join(checks, ", ") + ign
}

// countSummary is "1 error, 2 warnings", not counting ignored issues.
func countSummary(is []qa.Issue) string {
	e, w := issueCounts(qa.Standing(is))
	var parts []string
	plural := func(n int, s string) string {
		if n == 1 {
			return "1 " + s
		}
		return strconv.Itoa(n) + " " + s + "s"
	}
	if e > 0 {
		parts = append(parts, plural(e, "error"))
	}
	if w > 0 {
		parts = append(parts, plural(w, "warning"))
	}
	return strings.Join(parts, ", ")
}

// qaPane is the QA pane component: it lists the current segment's
// findings (from the issue store; the cursor is read from the document)
// under the glossary pane, each message in full (wrapped), the selected one
// marked; when they do not fit, the list scrolls to keep the selection in
// view. It owns the selection, whether ignored findings are listed, its
// size and the QA keys of browsing (select, ignore, un-ignore, show
// ignored). Ignoring changes the document, so it asks the root
// (qaIgnoreIntent), which records it and saves.
type qaPane struct {
	paneBox
	keys   *BrowseKeys
	issues *issueStore
	doc    *segments.Document
	// sel is the selected finding (an index into shown) of segment seg;
	// showIgnored lists the ignored ones too. ver changes with both, for
	// the pane cache.
	sel, seg    int
	showIgnored bool
	ver         int
}

// qaIgnoreIntent ignores (undo: un-ignores) finding check/key of segment
// seg, recording who and when in the project, and saves.
type qaIgnoreIntent struct {
	seg        int
	check, key string
	undo       bool
}

func newQAPane(st *Styles, keys *BrowseKeys, issues *issueStore, doc *segments.Document) *qaPane {
	return &qaPane{paneBox: paneBox{st: st}, keys: keys, issues: issues, doc: doc}
}

// follow keeps the selection on segment cur: it starts at the first
// finding of each segment.
func (p *qaPane) follow(cur int) {
	if p.seg != cur {
		p.seg, p.sel = cur, 0
	}
}

// shown are the current segment's findings as the pane lists them.
func (p *qaPane) shown() []qa.Issue {
	is := p.issues.get(p.doc.Cursor)
	if p.showIgnored {
		return is
	}
	return qa.Standing(is)
}

// clamp keeps the selection on a listed finding once one is ignored.
func (p *qaPane) clamp() {
	if !p.showIgnored {
		p.sel = min(p.sel, max(len(p.shown())-1, 0))
	}
	p.ver++
}

func (p *qaPane) version() int { return p.ver }

// Update implements component: the QA keys.
func (p *qaPane) Update(msg tea.Msg) (tea.Msg, tea.Cmd) { return takeUpdate(p.takeKey, msg) }

// takeKey handles the QA keys; it reports false for other keys.
func (p *qaPane) takeKey(km tea.KeyMsg) (tea.Msg, bool) {
	k := p.keys
	switch {
	case key.Matches(km, k.QANext):
		return p.selectBy(1), true
	case key.Matches(km, k.QAPrev):
		return p.selectBy(-1), true
	case key.Matches(km, k.QAIgnore):
		return p.ignore(false), true
	case key.Matches(km, k.QAUnignore):
		return p.ignore(true), true
	case key.Matches(km, k.QAShowIgnored):
		return p.toggleIgnored(), true
	}
	return nil, false
}

// selectBy moves the selection by d, wrapping around.
func (p *qaPane) selectBy(d int) tea.Msg {
	n := len(p.shown())
	if n == 0 {
		return flashIntent{"no QA issue in this segment"}
	}
	p.sel = ((p.sel+d)%n + n) % n
	p.ver++
	return nil
}

// ignore asks to ignore (or, with undo, un-ignore) the selected finding.
func (p *qaPane) ignore(undo bool) tea.Msg {
	shown := p.shown()
	if len(shown) == 0 {
		if !undo && len(p.issues.get(p.doc.Cursor)) > 0 {
			return flashIntent{"every QA issue of this segment is ignored; " + p.keys.QAShowIgnored.Help().Key + " shows them"}
		}
		return flashIntent{"no QA issue in this segment"}
	}
	x := shown[min(p.sel, len(shown)-1)]
	return qaIgnoreIntent{seg: p.doc.Cursor, check: x.Check, key: x.Key, undo: undo}
}

// toggleIgnored shows or hides the ignored findings.
func (p *qaPane) toggleIgnored() tea.Msg {
	p.showIgnored = !p.showIgnored
	p.sel = 0
	p.ver++
	all := p.issues.get(p.doc.Cursor)
	if p.showIgnored {
		return flashIntent{fmt.Sprintf("QA pane: ignored issues shown (%d here)", len(all)-len(qa.Standing(all)))}
	}
	return flashIntent{"QA pane: ignored issues hidden"}
}

// title is the pane's title: what stands, and how many are ignored.
func (p *qaPane) title() string {
	all := p.issues.get(p.doc.Cursor)
	t := countSummary(all)
	if n := len(all) - len(qa.Standing(all)); n > 0 {
		if t != "" {
			t += " · "
		}
		t += fmt.Sprintf("%d ignored", n)
	}
	return t
}

func (p *qaPane) ShortHelp() []key.Binding {
	k := p.keys
	return []key.Binding{k.QANext, k.QAPrev, k.QAIgnore, k.QAUnignore, k.QAShowIgnored}
}

func (p *qaPane) FullHelp() [][]key.Binding { return [][]key.Binding{p.ShortHelp()} }

// View implements component.
func (p *qaPane) View() string { return strings.Join(p.lines(), "\n") }

// issueLines renders the findings at inner width, and says on which line
// each begins.
func (p *qaPane) issueLines(is []qa.Issue, sel, inner int, compact bool) (lines []string, first []int) {
	for k, x := range is {
		first = append(first, len(lines))
		g, st := p.st.QAWarnGlyph, p.st.QAWarn
		if x.Severity >= qa.Error {
			g, st = p.st.QAErrorGlyph, p.st.QAError
		}
		mark := "  "
		if k == sel {
			mark = p.st.PaneNum.Render("› ")
		}
		head := x.Check + " "
		text := sanitizeLine(x.Message)
		if x.Ignored != nil {
			st = p.st.PaneMeta
			text += " (" + ignoredNote(x.Ignored) + ")"
		}
		w := max(inner-2, 1)
		full := g + " " + head + text
		if compact && k != sel {
			// One line each; the selected issue shows in full.
			lines = append(lines, mark+st.Render(g+" "+x.Check)+" "+ansi.Truncate(text, max(w-ansi.StringWidth(g+" "+head), 1), "…"))
			continue
		}
		for j, ls := range wrapText(full, w) {
			part := full[ls.start:ls.end]
			lead := mark
			if j > 0 {
				lead = "    "
				part = sanitizeLine(part)
			} else if len(part) >= len(g)+1+len(head) {
				part = st.Render(g+" "+x.Check) + " " + part[len(g)+1+len(head):]
			}
			lines = append(lines, lead+part)
		}
	}
	return lines, first
}

// need is how many rows the pane needs to show its findings in full at
// width w.
func (p *qaPane) need(w int) int {
	is := p.shown()
	if len(is) == 0 {
		return 0
	}
	_, inner := paneBorder(p.st, w, p.right)
	lines, _ := p.issueLines(is, -1, inner, false)
	return len(lines) + 1
}

// lines renders the findings as exactly height lines of width cells; the
// title counts what stands (hidden ignored issues included in the count).
func (p *qaPane) lines() []string {
	is, title, sel := p.shown(), p.title(), p.sel
	if p.width <= 0 || p.height <= 0 {
		return nil
	}
	border, inner := paneBorder(p.st, p.width, p.right)
	room := p.height - 1
	body, first := p.issueLines(is, sel, inner, false)
	if len(body) > room {
		body, first = p.issueLines(is, sel, inner, true)
	}
	top := 0
	if len(body) > room && sel >= 0 && sel < len(first) {
		// Scroll so the selected issue starts in view, as far down as it goes.
		top = min(first[sel], max(len(body)-room, 0))
	}
	body = body[top:]
	if len(body) > room && room > 0 {
		body = append(body[:room-1:room-1], p.st.PaneMeta.Render(fmt.Sprintf("  … %d more lines", len(body)-room+1)))
	}
	lines := append([]string{paneTitle(p.st, "QA: "+title, inner, p.right)}, body...)
	return paneFrame(lines, p.width, p.height, border, inner)
}
