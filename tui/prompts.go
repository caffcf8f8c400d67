package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// quitPrompt is the question after a save failed while quitting: quit and
// lose the unsaved work, keep editing, or retry the save. It owns its
// width and answers with the prompt section of the key map.
type quitPrompt struct {
	st    *Styles
	keys  *PromptKeys
	width int
}

// quitNowIntent ends the program without saving (the save failed).
type quitNowIntent struct{}

// retryQuitIntent saves again and quits once the save succeeds.
type retryQuitIntent struct{}

// Update implements component.
func (p *quitPrompt) Update(msg tea.Msg) (tea.Msg, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil, nil
	}
	switch k := p.keys; {
	case key.Matches(km, k.Yes):
		return quitNowIntent{}, nil
	case key.Matches(km, k.No):
		return closeIntent{}, nil
	case key.Matches(km, k.Retry):
		return closeIntent{retryQuitIntent{}}, nil
	}
	return nil, nil
}

// View implements component: the question.
func (p *quitPrompt) View() string {
	return fit(p.st.Error.Render("Saving failed. Quit and lose unsaved changes?"), p.width)
}

// SetSize implements component; the question is one line high.
func (p *quitPrompt) SetSize(w, _ int) { p.width = max(w, 0) }

// ShortHelp names the answers, with the keys of the user's key map.
func (p *quitPrompt) ShortHelp() []key.Binding {
	k := p.keys
	answer := func(b key.Binding, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(b.Help().Key, desc))
	}
	return []key.Binding{answer(k.Yes, "quit"), answer(k.No, "keep editing"), answer(k.Retry, "retry")}
}

func (p *quitPrompt) FullHelp() [][]key.Binding { return [][]key.Binding{p.ShortHelp()} }
