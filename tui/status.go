package tui

import (
	"strings"
	"time"
)

// messageTTL is how long a transient status message stays.
const messageTTL = 4 * time.Second

// clearStatusMsg clears the transient message with the given id, unless a
// newer message replaced it.
type clearStatusMsg struct{ id int }

// statusBar is the transient message line (saved, errors, search results),
// showing the project path when there is nothing to say. It owns the
// message, how long it stays (an id for its clear timer, the segment it is
// about) and its width.
type statusBar struct {
	st     *Styles
	width  int
	msg    string
	isErr  bool
	sticky bool // errors stay until replaced
	// seg is the segment a message is about (-1: none); it is cleared
	// when the cursor leaves that segment.
	seg     int
	id      int
	project string
}

func newStatusBar(st *Styles, project string) statusBar {
	return statusBar{st: st, project: project, seg: -1}
}

func (s *statusBar) setSize(w int) { s.width = max(w, 0) }

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
