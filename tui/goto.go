package tui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
)

// prompt is a one-line input shown in the status line while active; the
// ":" and "/" prompts are built on it.
type prompt struct {
	input  textinput.Model
	active bool
}

func newPrompt(st *Styles, sign, placeholder string) prompt {
	ti := textinput.New()
	ti.Prompt = sign
	ti.PromptStyle = st.Prompt
	ti.Placeholder = placeholder
	ti.Cursor.SetMode(cursor.CursorStatic)
	return prompt{input: ti}
}

func (p *prompt) open() {
	p.active = true
	p.input.SetValue("")
	p.input.Focus()
}

func (p *prompt) close() {
	p.active = false
	p.input.Blur()
}

func (p *prompt) update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	return cmd
}

// promptResult is what a key did to a prompt.
type promptResult int

const (
	promptEditing   promptResult = iota // the text changed, or nothing
	promptCancelled                     // esc: closed
	promptSubmitted                     // enter: closed, the value given
)

// handle is the prompt's update for a key: esc cancels, enter submits what
// was typed (both close the prompt); other keys edit the text.
func (p *prompt) handle(msg tea.KeyMsg) (string, promptResult, tea.Cmd) {
	switch msg.Type {
	case tea.KeyEsc:
		p.close()
		return "", promptCancelled, nil
	case tea.KeyEnter:
		v := p.input.Value()
		p.close()
		return v, promptSubmitted, nil
	}
	return "", promptEditing, p.update(msg)
}

// view renders the prompt on one line of width cells.
func (p *prompt) view(width int) string {
	p.input.Width = max(width-2, 1)
	return fit(p.input.View(), width)
}

// gotoPrompt is the ":" prompt asking for a segment number.
type gotoPrompt struct{ prompt }

func newGoto(st *Styles) gotoPrompt {
	g := gotoPrompt{newPrompt(st, ":", "segment number")}
	g.input.CharLimit = 9
	return g
}

// gotoTarget returns the 0-based segment index typed (v), clamped to n
// segments, and false if nothing usable was typed.
func gotoTarget(s string, n int) (int, bool) {
	v, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n == 0 {
		return 0, false
	}
	return min(max(v, 1), n) - 1, true
}
