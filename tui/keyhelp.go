package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// keyHelp is the key help under the status line: one line of the active
// component's main keys, or (?, f12) every key in columns. It owns the
// bubbles help model, whether the full help is on, its size and a cache of
// what it drew. The keys it shows are the active component's key map,
// which the root hands it (setKeys); it has no keys of its own.
type keyHelp struct {
	st            *Styles
	help          help.Model
	width, height int
	keys          help.KeyMap
	mode          int
	// cache of the rendered help, keyed by what changes it; a pointer so
	// View, which works on a copy of the model, can fill it.
	cache *helpCache
}

type helpCache struct{ views map[string][]string }

// layoutIntent asks the root to lay the screen out again.
type layoutIntent struct{}

func newKeyHelp(st *Styles) keyHelp {
	h := help.New()
	h.Styles = st.Help
	h.ShortSeparator = " · "
	return keyHelp{st: st, help: h, cache: &helpCache{views: map[string][]string{}}}
}

// Update toggles the full help on a helpIntent; the screen is laid out
// again, since the help's height changes.
func (s *keyHelp) Update(msg tea.Msg) (tea.Msg, tea.Cmd) {
	if _, ok := msg.(helpIntent); ok {
		s.help.ShowAll = !s.help.ShowAll
		return layoutIntent{}, nil
	}
	return nil, nil
}

// SetSize sets the help's width and the rows layout gives it.
func (s *keyHelp) SetSize(w, h int) {
	s.width, s.height = max(w, 0), max(h, 0)
	s.help.Width = s.width
}

// setKeys sets the key map shown: the active component's, mode telling
// the cache which one it is.
func (s *keyHelp) setKeys(k help.KeyMap, mode int) { s.keys, s.mode = k, mode }

// showAll reports whether the full key help is on.
func (s *keyHelp) showAll() bool { return s.help.ShowAll }

// View is the key help, cut to the rows layout gave it; when cut, its
// last row says where the rest is.
func (s *keyHelp) View() string {
	if s.keys == nil || s.height == 0 {
		return ""
	}
	hl := s.lines(s.keys, s.mode)
	out := make([]string, s.height)
	for i := range out {
		out[i] = fit("", s.width)
		if i < len(hl) {
			out[i] = hl[i]
		}
	}
	if len(hl) > s.height && s.height > 1 {
		out[s.height-1] = fit(s.st.HeaderDim.Render("… more keys: make the window taller, or see docs/keys.md"), s.width)
	}
	return strings.Join(out, "\n")
}

// lines renders the key help for k, short or full, as lines of width
// cells. The result is cached and shared: callers must not modify it.
func (s *keyHelp) lines(k help.KeyMap, mode int) []string {
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
func (s *keyHelp) fullHelp(groups [][]key.Binding) []string {
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
