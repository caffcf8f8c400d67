package tui

import (
	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
)

// component is one mode of the editor (the browse table, the target
// editor, the one-line prompts: search, go-to, export, the quit question)
// or a side pane (glossary, matches, QA). Model keeps one per mode and
// gives the current one the keys (see Model.active); the panes see the
// keys they own first (withPanes).
//
// A component changes only its own state. What it wants from the root (move
// the cursor, confirm a segment, save, close the prompt) it returns as an
// intent: a message Model.apply carries out at once, in the same Update,
// so the keys of one batch ("/gouv") keep their order. Work off the UI
// goroutine (a search) comes back as a command, as usual.
type component interface {
	Update(msg tea.Msg) (intent tea.Msg, cmd tea.Cmd)
	// View renders the component: a prompt's line, the editor's text
	// lines, the table's rows.
	View() string
	SetSize(width, height int)
	// The key map, for the help line.
	help.KeyMap
}

// Intents shared by several components; the others are next to the
// component that returns them.
type (
	// quitIntent saves and quits (q, ctrl+c).
	quitIntent struct{}
	// saveIntent saves now and says so (ctrl+s).
	saveIntent struct{}
	// helpIntent shows or hides the full key help (?).
	helpIntent struct{}
	// paneIntent toggles a side pane.
	paneIntent struct{ pane paneID }
	// flashIntent shows a transient message.
	flashIntent struct{ text string }
	// moveIntent makes segment to current (clamped to the document).
	moveIntent struct{ to int }
	// closeIntent closes a prompt, back to browsing, and then carries out
	// then (nil for nothing).
	closeIntent struct{ then tea.Msg }
)

// paneID names a pane setting a key toggles.
type paneID int

const (
	paneAll paneID = iota
	paneGlossary
	paneMatches
	paneQA
	paneHistory
	paneNotes
)
