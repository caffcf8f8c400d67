package tui

import (
	"fmt"
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/trad-project/trad/align"
)

// AlignOptions configure the alignment review view.
type AlignOptions struct {
	// Src and Tgt are the sentences the links index.
	Src, Tgt []string
	Links    []align.Link
	// Rescore sets the confidence of every link after an edit.
	Rescore func([]align.Link)
	// Save writes the project made from the links (the confirm key).
	Save func([]align.Link) error
	// Export writes the TMX made from the links and returns its path.
	Export func([]align.Link) (string, error)
	// Title names the pair in the header.
	Title   string
	NoColor bool
}

// AlignModel is the alignment review view: the links of an alignment with
// their confidence, which the translator joins, splits and adjusts before
// confirming. It is a tea.Model of its own, separate from the editor.
type AlignModel struct {
	o        AlignOptions
	links    []align.Link
	order    []int // the links in display order
	byConf   bool  // lowest confidence first
	cur      int   // position in order
	top      int   // first displayed position
	w, h     int
	dirty    bool
	quitting bool // q pressed once with unsaved changes
	status   string
	st       alignStyles
}

type alignStyles struct {
	cur, low, dim, head lipgloss.Style
}

// NewAlign returns the review view of o.Links.
func NewAlign(o AlignOptions) AlignModel {
	m := AlignModel{o: o, links: slices.Clone(o.Links), w: 80, h: 24}
	if o.NoColor {
		m.st = alignStyles{cur: lipgloss.NewStyle().Reverse(true), low: lipgloss.NewStyle().Bold(true),
			dim: lipgloss.NewStyle(), head: lipgloss.NewStyle().Bold(true)}
	} else {
		m.st = alignStyles{cur: lipgloss.NewStyle().Reverse(true), low: lipgloss.NewStyle().Foreground(lipgloss.Color("1")).Bold(true),
			dim: lipgloss.NewStyle().Faint(true), head: lipgloss.NewStyle().Bold(true)}
	}
	m.reorder(0)
	return m
}

// Links returns the links as edited.
func (m AlignModel) Links() []align.Link { return slices.Clone(m.links) }

// Unsaved reports whether edits were made since the last confirmation.
func (m AlignModel) Unsaved() bool { return m.dirty }

// Init implements tea.Model.
func (m AlignModel) Init() tea.Cmd { return nil }

// alignSavedMsg and alignExportedMsg report the end of a write.
type alignSavedMsg struct{ err error }

type alignExportedMsg struct {
	path string
	err  error
}

// Update implements tea.Model.
func (m AlignModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
		m.scroll()
	case alignSavedMsg:
		if msg.err != nil {
			m.status = "not saved: " + msg.err.Error()
		} else {
			m.dirty, m.status = false, "project written"
		}
	case alignExportedMsg:
		if msg.err != nil {
			m.status = "not exported: " + msg.err.Error()
		} else {
			m.status = "wrote " + msg.path
		}
	case tea.KeyMsg:
		if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Alt {
			// Keys typed faster than the program reads arrive together
			// ("Gs"): the view has no text to type, so each is a command.
			var cmds []tea.Cmd
			for _, r := range msg.Runes {
				next, cmd := m.key(string(r))
				m = next.(AlignModel)
				if cmd != nil {
					cmds = append(cmds, cmd)
				}
			}
			if len(cmds) == 0 {
				return m, nil
			}
			return m, tea.Sequence(cmds...)
		}
		return m.key(msg.String())
	}
	return m, nil
}

func (m AlignModel) key(k string) (tea.Model, tea.Cmd) {
	if k != "q" {
		m.quitting = false
	}
	switch k {
	case "q", "ctrl+c":
		if m.dirty && !m.quitting && k == "q" {
			m.quitting, m.status = true, "unsaved changes: q again quits without writing, enter writes the project"
			return m, nil
		}
		return m, tea.Quit
	case "down", "j":
		m.cur = min(m.cur+1, len(m.order)-1)
	case "up", "k":
		m.cur = max(m.cur-1, 0)
	case "pgdown":
		m.cur = min(m.cur+max(1, m.h/4), len(m.order)-1)
	case "pgup":
		m.cur = max(m.cur-max(1, m.h/4), 0)
	case "home", "g":
		m.cur = 0
	case "end", "G":
		m.cur = len(m.order) - 1
	case "o":
		m.byConf = !m.byConf
		m.reorder(m.current())
	case "J":
		m.edit(align.Join, "joined with the next link")
	case "s":
		m.edit(align.Split, "split")
	case "]", "[", "}", "{":
		m.moveBoundary(k)
	case "enter", "ctrl+s":
		if m.o.Save == nil {
			return m, nil
		}
		links, save := m.Links(), m.o.Save
		m.status = "writing the project…"
		return m, func() tea.Msg { return alignSavedMsg{save(links)} }
	case "x":
		if m.o.Export == nil {
			return m, nil
		}
		links, export := m.Links(), m.o.Export
		m.status = "exporting…"
		return m, func() tea.Msg {
			p, err := export(links)
			return alignExportedMsg{p, err}
		}
	}
	m.scroll()
	return m, nil
}

// current returns the index in links of the link under the cursor.
func (m AlignModel) current() int {
	if len(m.order) == 0 {
		return 0
	}
	return m.order[m.cur]
}

// edit applies op to the current link and keeps the cursor on it.
func (m *AlignModel) edit(op func([]align.Link, int) ([]align.Link, bool), what string) {
	k := m.current()
	links, ok := op(m.links, k)
	if !ok {
		m.status = "nothing to do here"
		return
	}
	m.changed(links, k, what)
}

// moveBoundary moves the boundary between the current link and the next:
// "]" and "}" take the next link's first source or target sentence, "["
// and "{" give the current link's last one to the next link.
func (m *AlignModel) moveBoundary(k string) {
	dir, op, side := 1, align.MoveSource, "source"
	if k == "[" || k == "{" {
		dir = -1
	}
	if k == "{" || k == "}" {
		op, side = align.MoveTarget, "target"
	}
	cur := m.current()
	links, ok := op(m.links, cur, dir)
	if !ok {
		m.status = "no " + side + " sentence to move there"
		return
	}
	m.changed(links, min(cur, len(links)-1), side+" boundary moved")
}

func (m *AlignModel) changed(links []align.Link, k int, what string) {
	if m.o.Rescore != nil {
		m.o.Rescore(links)
	}
	m.links, m.dirty, m.status = links, true, what
	m.reorder(k)
}

// reorder rebuilds the display order and puts the cursor on link k.
func (m *AlignModel) reorder(k int) {
	m.order = m.order[:0]
	for i := range m.links {
		m.order = append(m.order, i)
	}
	if m.byConf {
		slices.SortStableFunc(m.order, func(a, b int) int {
			switch ca, cb := m.links[a].Conf, m.links[b].Conf; {
			case ca < cb:
				return -1
			case ca > cb:
				return 1
			}
			return 0
		})
	}
	m.cur = max(0, slices.Index(m.order, k))
	m.scroll()
}

// linkHeight is the number of lines link i takes.
func (m AlignModel) linkHeight(i int, cur bool) int {
	left, right := m.columns(i, cur)
	return 1 + max(len(left), len(right))
}

// scroll keeps the cursor's link inside the body.
func (m *AlignModel) scroll() {
	body := max(1, m.h-3)
	if m.cur < m.top {
		m.top = m.cur
	}
	for m.top < m.cur {
		h := 0
		for p := m.top; p <= m.cur; p++ {
			h += m.linkHeight(m.order[p], p == m.cur)
		}
		if h <= body {
			break
		}
		m.top++
	}
}

// View implements tea.Model.
func (m AlignModel) View() string {
	var b strings.Builder
	low := 0
	for _, l := range m.links {
		if l.Conf < align.LowConfidence {
			low++
		}
	}
	order := "document order"
	if m.byConf {
		order = "lowest confidence first"
	}
	mark := ""
	if m.dirty {
		mark = " · unsaved"
	}
	head := fmt.Sprintf("Alignment %s · %d links · %d under %.1f · %s%s", sanitizeLine(m.o.Title), len(m.links), low, align.LowConfidence, order, mark)
	b.WriteString(m.st.head.Render(fit(head, m.w)) + "\n")
	body := max(1, m.h-3)
	used := 0
	for p := m.top; p < len(m.order) && used < body; p++ {
		lines := m.renderLink(m.order[p], p == m.cur)
		if used+len(lines) > body {
			lines = lines[:body-used]
		}
		for _, ln := range lines {
			b.WriteString(ln + "\n")
		}
		used += len(lines)
	}
	for ; used < body; used++ {
		b.WriteString("\n")
	}
	b.WriteString(fit(sanitizeLine(m.status), m.w) + "\n")
	b.WriteString(m.st.dim.Render(fit("↑↓ move · o lowest first · J join next · s split · [ ] source boundary · { } target boundary · enter write project · x export TMX · q quit", m.w)))
	return b.String()
}

// renderLink returns the lines of link i: a header with its number,
// shape and confidence, then its sentences side by side.
func (m AlignModel) renderLink(i int, cur bool) []string {
	l := m.links[i]
	shape := fmt.Sprintf("%d:%d", len(l.Src), len(l.Tgt))
	head := fmt.Sprintf("%4d  %-4s %.2f", i+1, shape, l.Conf)
	style := m.st.dim
	if l.Conf < align.LowConfidence {
		style = m.st.low
	}
	if cur {
		style = m.st.cur
	}
	lines := []string{style.Render(fit(head, m.w))}
	left, right := m.columns(i, cur)
	col := m.colWidth()
	for r := 0; r < max(len(left), len(right)); r++ {
		var a, b string
		if r < len(left) {
			a = left[r]
		}
		if r < len(right) {
			b = right[r]
		}
		lines = append(lines, fit(a, col)+" │ "+fit(b, col))
	}
	return lines
}

func (m AlignModel) colWidth() int { return max(1, (m.w-3)/2) }

// columns returns the lines of link i's source and target sides: one per
// sentence, cut to the column, or for the cursor's link (cur) the whole
// sentences wrapped, so the translator can read what they judge.
func (m AlignModel) columns(i int, cur bool) (left, right []string) {
	l := m.links[i]
	side := func(ss []string, ix []int) []string {
		if len(ix) == 0 {
			return []string{"—"}
		}
		var out []string
		for _, k := range ix {
			s := m.sentence(ss, k)
			if !cur {
				out = append(out, s)
				continue
			}
			for _, sp := range wrapText(s, m.colWidth()) {
				out = append(out, s[sp.start:sp.end])
			}
		}
		return out
	}
	return side(m.o.Src, l.Src), side(m.o.Tgt, l.Tgt)
}

func (m AlignModel) sentence(ss []string, i int) string {
	if i < 0 || i >= len(ss) {
		return "?"
	}
	return sanitizeLine(ss[i])
}
