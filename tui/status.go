package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
)

// messageTTL is how long a transient status message stays.
const messageTTL = 4 * time.Second

// clearStatusMsg clears the transient message with the given id, unless a
// newer message replaced it.
type clearStatusMsg struct{ id int }

// statusBar is the transient message line (saved, errors, search results),
// showing the project path when there is nothing to say, and the key help
// under it.
type statusBar struct {
	st      *Styles
	help    help.Model
	width   int
	msg     string
	isErr   bool
	sticky  bool // errors stay until replaced
	id      int
	project string
	// cache of the rendered help, keyed by what changes it; a pointer so
	// View, which works on a copy of the model, can fill it.
	cache *helpCache
}

type helpCache struct{ views map[string][]string }

func newStatusBar(st *Styles, project string) statusBar {
	h := help.New()
	h.Styles = st.Help
	h.ShortSeparator = " · "
	return statusBar{st: st, help: h, project: project, cache: &helpCache{views: map[string][]string{}}}
}

func (s *statusBar) setSize(w int) {
	s.width = max(w, 0)
	s.help.Width = s.width
}

// set shows a transient message and returns the id its clear message must carry.
func (s *statusBar) set(msg string, isErr bool) int {
	s.id++
	s.msg, s.isErr, s.sticky = sanitizeLine(msg), isErr, isErr
	return s.id
}

func (s *statusBar) clear(id int) {
	if id == s.id && !s.sticky {
		s.msg = ""
	}
}

// clearSticky removes an error message once its cause is gone.
func (s *statusBar) clearSticky() {
	if s.sticky {
		s.msg, s.sticky = "", false
	}
}

// line renders the status line; note (the current segment's QA summary)
// shows when there is no message.
func (s *statusBar) line(note string) string {
	switch {
	case s.msg != "" && s.isErr:
		return fit(s.st.Error.Render(s.msg), s.width)
	case s.msg != "":
		return fit(s.st.Message.Render(s.msg), s.width)
	case note != "" && s.project != "":
		return fit(s.st.QAError.Render(note)+s.st.HeaderDim.Render(" · project: "+sanitizeLine(s.project)), s.width)
	case note != "":
		return fit(s.st.QAError.Render(note), s.width)
	case s.project != "":
		return fit(s.st.HeaderDim.Render("project: "+sanitizeLine(s.project)), s.width)
	}
	return strings.Repeat(" ", s.width)
}

// helpLines renders the key help for k, short or full, as lines of width
// cells. The result is cached and shared: callers must not modify it.
func (s *statusBar) helpLines(k help.KeyMap, mode int) []string {
	key := fmt.Sprint(mode, "|", s.width, "|", s.help.ShowAll)
	if lines, ok := s.cache.views[key]; ok {
		return lines
	}
	lines := strings.Split(s.help.View(k), "\n")
	for i := range lines {
		lines[i] = fit(lines[i], s.width)
	}
	s.cache.views[key] = lines
	return lines
}
