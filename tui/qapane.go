package tui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/trad-project/trad/qa"
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

func (s *issueStore) hasError(i int) bool {
	for _, is := range s.issues[i] {
		if is.Severity >= qa.Error {
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
// check that found something, once.
func issueSummary(is []qa.Issue) string {
	var checks []string
	seen := map[string]bool{}
	for _, x := range is {
		if !seen[x.Check] {
			seen[x.Check] = true
			checks = append(checks, x.Check)
		}
	}
	return countSummary(is) + ": " + strings.Join(checks, ", ")
}

// countSummary is "1 error, 2 warnings".
func countSummary(is []qa.Issue) string {
	e, w := issueCounts(is)
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

// qaPane lists the current segment's findings under the glossary pane.
type qaPane struct{ paneBox }

// view renders is as exactly height lines of width cells. It is cheap
// (a few lines) and drawn only when the segment has findings.
func (p *qaPane) view(is []qa.Issue) []string {
	if p.width <= 0 || p.height <= 0 {
		return nil
	}
	border, inner := paneBorder(p.st, p.width, p.right)
	lines := []string{paneTitle(p.st, "QA: "+countSummary(is), inner, p.right)}
	for i, x := range is {
		if len(lines) == p.height-1 && i < len(is)-1 {
			lines = append(lines, p.st.PaneMeta.Render(fmt.Sprintf("… %d more (trad qa)", len(is)-i)))
			break
		}
		g, st := p.st.QAWarnGlyph, p.st.QAWarn
		if x.Severity >= qa.Error {
			g, st = p.st.QAErrorGlyph, p.st.QAError
		}
		lines = append(lines, st.Render(g+" "+x.Check)+" "+sanitizeLine(x.Message))
	}
	return paneFrame(lines, p.width, p.height, border, inner)
}
