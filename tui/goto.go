package tui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
)

// prompt is a one-line input shown in the status line while active; the
// ":" and "/" prompts are built on it. It owns its text input, its width
// and its two keys: enter submits, esc cancels (both close it).
type prompt struct {
	input          textinput.Model
	active         bool
	width          int
	submit, cancel key.Binding
}

func newPrompt(st *Styles, sign, placeholder, submit string) prompt {
	ti := textinput.New()
	ti.Prompt = sign
	ti.PromptStyle = st.Prompt
	ti.Placeholder = placeholder
	ti.Cursor.SetMode(cursor.CursorStatic)
	return prompt{
		input:  ti,
		submit: binding([]string{"enter"}, "enter", submit),
		cancel: binding([]string{"esc"}, "esc", "cancel"),
	}
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
	switch {
	case key.Matches(msg, p.cancel):
		p.close()
		return "", promptCancelled, nil
	case key.Matches(msg, p.submit):
		v := p.input.Value()
		p.close()
		return v, promptSubmitted, nil
	}
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	return "", promptEditing, cmd
}

// View renders the prompt on one line of its width.
func (p *prompt) View() string {
	p.input.Width = max(p.width-2, 1)
	return fit(p.input.View(), p.width)
}

// submitted is the Update of a prompt that asks the root for then(text)
// on enter and closes on esc.
func (p *prompt) submitted(msg tea.Msg, then func(string) tea.Msg) (tea.Msg, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil, nil
	}
	v, res, cmd := p.handle(k)
	switch res {
	case promptCancelled:
		return closeIntent{}, nil
	case promptSubmitted:
		return closeIntent{then(v)}, nil
	}
	return nil, cmd
}

// SetSize sets the prompt's width; it is one line high.
func (p *prompt) SetSize(w, _ int) { p.width = max(w, 0) }

func (p *prompt) ShortHelp() []key.Binding  { return []key.Binding{p.submit, p.cancel} }
func (p *prompt) FullHelp() [][]key.Binding { return [][]key.Binding{p.ShortHelp()} }

// gotoPrompt is the ":" prompt asking for a segment number. It owns the
// text typed; on enter it asks the root to move there.
type gotoPrompt struct{ prompt }

func newGoto(st *Styles) gotoPrompt {
	g := gotoPrompt{newPrompt(st, ":", "segment number", "go to")}
	g.input.CharLimit = 9
	return g
}

// Update implements component.
func (g *gotoPrompt) Update(msg tea.Msg) (tea.Msg, tea.Cmd) {
	return g.submitted(msg, func(v string) tea.Msg {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil {
			return flashIntent{"go to: type a segment number"}
		}
		// Numbers are 1-based; the root clamps to the document.
		return moveIntent{max(n, 1) - 1}
	})
}
