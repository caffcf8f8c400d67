package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
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
	st     *Styles
	help   help.Model
	width  int
	msg    string
	isErr  bool
	sticky bool // errors stay until replaced
	// seg is the segment a message is about (-1: none); it is cleared
	// when the cursor leaves that segment.
	seg     int
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
	return statusBar{st: st, help: h, project: project, seg: -1, cache: &helpCache{views: map[string][]string{}}}
}

func (s *statusBar) setSize(w int) {
	s.width = max(w, 0)
	s.help.Width = s.width
}

// set shows a transient message and returns the id its clear message must carry.
func (s *statusBar) set(msg string, isErr bool) int {
	s.id++
	s.msg, s.isErr, s.sticky = sanitizeLine(msg), isErr, isErr
	s.seg = -1
	return s.id
}

// about ties the message shown to segment seg: it goes when the cursor
// leaves it.
func (s *statusBar) about(seg int) { s.seg = seg }

// clearText clears the message if it is text.
func (s *statusBar) clearText(text string) {
	if s.msg == text {
		s.msg = ""
	}
}

// toggleHelp switches between the short and the full key help.
func (s *statusBar) toggleHelp() { s.help.ShowAll = !s.help.ShowAll }

// showAll reports whether the full key help is on.
func (s *statusBar) showAll() bool { return s.help.ShowAll }

// leave clears a message about a segment other than cur.
func (s *statusBar) leave(cur int) {
	if s.seg >= 0 && s.seg != cur && !s.sticky {
		s.msg, s.seg = "", -1
	}
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
	var lines []string
	if s.help.ShowAll {
		lines = s.fullHelp(k.FullHelp())
	} else {
		lines = []string{fit(s.help.ShortHelpView(k.ShortHelp()), s.width)}
	}
	s.cache.views[key] = lines
	return lines
}

// helpColumnGap separates the columns of the full help.
const helpColumnGap = 3

// fullHelp lays the groups of bindings out as columns, side by side while
// they fit in the width and in further bands of rows below when they do
// not, so a narrow window still shows every key.
func (s *statusBar) fullHelp(groups [][]key.Binding) []string {
	type column struct {
		lines []string
		width int
	}
	var cols []column
	for _, g := range groups {
		kw := 0
		var shown []key.Binding
		for _, b := range g {
			if b.Enabled() {
				shown = append(shown, b)
				kw = max(kw, lipgloss.Width(b.Help().Key))
			}
		}
		var c column
		for _, b := range shown {
			h := b.Help()
			line := s.help.Styles.FullKey.Render(fit(h.Key, kw)) + " " + s.help.Styles.FullDesc.Render(h.Desc)
			c.lines = append(c.lines, line)
			c.width = max(c.width, lipgloss.Width(line))
		}
		if len(c.lines) > 0 {
			cols = append(cols, column{c.lines, min(c.width, s.width)})
		}
	}
	var out []string
	for i := 0; i < len(cols); {
		j, w := i+1, cols[i].width
		for j < len(cols) && w+helpColumnGap+cols[j].width <= s.width {
			w += helpColumnGap + cols[j].width
			j++
		}
		rows := 0
		for _, c := range cols[i:j] {
			rows = max(rows, len(c.lines))
		}
		for r := 0; r < rows; r++ {
			var b strings.Builder
			for k, c := range cols[i:j] {
				if k > 0 {
					b.WriteString(strings.Repeat(" ", helpColumnGap))
				}
				cell := ""
				if r < len(c.lines) {
					cell = c.lines[r]
				}
				b.WriteString(fit(cell, c.width))
			}
			out = append(out, fit(b.String(), s.width))
		}
		i = j
	}
	return out
}
