package tui

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/trad-project/trad/spell"
)

// BenchmarkKeystroke10kSpell is BenchmarkKeystroke10k with spelling on:
// the real hunspell checker for English, its timers fired at once (outside
// the timed section, as commands run off the UI goroutine), so each timed
// frame draws the underlines of the last check.
func BenchmarkKeystroke10kSpell(b *testing.B) {
	sp, err := spell.New("en")
	if err != nil {
		b.Skipf("no English spell checker: %v", err)
	}
	defer sp.Close()
	tick := func(_ time.Duration, msg tea.Msg) tea.Cmd {
		if _, ok := msg.(spellTickMsg); ok {
			return func() tea.Msg { return msg }
		}
		return nil
	}
	benchKeystrokes(b, Options{Tick: tick, Spell: sp})
}
