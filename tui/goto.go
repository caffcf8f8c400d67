package tui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
)

// gotoPrompt is the ":" prompt asking for a segment number.
type gotoPrompt struct {
	input  textinput.Model
	active bool
}

func newGoto(st *Styles) gotoPrompt {
	ti := textinput.New()
	ti.Prompt = ":"
	ti.PromptStyle = st.Prompt
	ti.Placeholder = "segment number"
	ti.CharLimit = 9
	ti.Cursor.SetMode(cursor.CursorStatic)
	return gotoPrompt{input: ti}
}

func (g *gotoPrompt) open() {
	g.active = true
	g.input.SetValue("")
	g.input.Focus()
}

func (g *gotoPrompt) close() {
	g.active = false
	g.input.Blur()
}

func (g *gotoPrompt) update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	g.input, cmd = g.input.Update(msg)
	return cmd
}

// target returns the 0-based segment index typed, clamped to n segments,
// and false if nothing usable was typed.
func (g *gotoPrompt) target(n int) (int, bool) {
	v, err := strconv.Atoi(strings.TrimSpace(g.input.Value()))
	if err != nil || n == 0 {
		return 0, false
	}
	return min(max(v, 1), n) - 1, true
}

func (g *gotoPrompt) view(width int) string {
	g.input.Width = max(width-2, 1)
	return fit(g.input.View(), width)
}
