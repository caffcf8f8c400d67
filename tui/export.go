package tui

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/trad-project/trad/internal/safefile"
	"github.com/trad-project/trad/segments"
)

// Exporter is one format the export picker (ctrl+e) offers.
type Exporter struct {
	Name  string // shown in the picker: "TMX"
	Ext   string // file extension without the dot: "tmx"
	Write func(w io.Writer, doc *segments.Document) error
}

// exportedMsg reports the end of an export.
type exportedMsg struct {
	path string
	err  error
}

// exportPicker is the one-line format chooser opened by ctrl+e: it owns
// the choice and its keys; the root runs the export it returns.
type exportPicker struct {
	st    *Styles
	keys  *PromptKeys
	items []Exporter
	sel   int
}

func newExportPicker(st *Styles, keys *PromptKeys, items []Exporter) exportPicker {
	return exportPicker{st: st, keys: keys, items: items}
}

func (p *exportPicker) open() { p.sel = 0 }

func (p *exportPicker) view(width int) string {
	var b strings.Builder
	b.WriteString(p.st.Prompt.Render("export: "))
	for i, it := range p.items {
		label := fmt.Sprintf("%d %s", i+1, it.Name)
		if i == p.sel {
			b.WriteString(p.st.NumberCur.Render("[" + label + "]"))
		} else {
			b.WriteString(" " + label + " ")
		}
		b.WriteString(" ")
	}
	b.WriteString(p.st.HeaderDim.Render(fmt.Sprintf("%s/%s choose · %s write · %s cancel",
		p.keys.Prev.Help().Key, p.keys.Next.Help().Key, p.keys.Choose.Help().Key, p.keys.Cancel.Help().Key)))
	return fit(b.String(), width)
}

// update is the picker's key handling, with its own key map (the prompt
// section of keys.json): it moves the choice and returns the exporter
// chosen, or done without one when cancelled. done means the picker
// closes.
func (p *exportPicker) update(msg tea.KeyMsg) (chosen *Exporter, done bool) {
	k := p.keys
	switch s := msg.String(); {
	case key.Matches(msg, k.Cancel):
		return nil, true
	case key.Matches(msg, k.Prev):
		p.sel = (p.sel - 1 + len(p.items)) % len(p.items)
	case key.Matches(msg, k.Next):
		p.sel = (p.sel + 1) % len(p.items)
	case key.Matches(msg, k.Choose):
		return &p.items[p.sel], true
	case len(s) == 1 && s[0] >= '1' && s[0] <= '9' && int(s[0]-'1') < len(p.items):
		p.sel = int(s[0] - '1')
		return &p.items[p.sel], true
	}
	return nil, false
}

func (m *Model) exportKey(msg tea.KeyMsg) tea.Cmd {
	e, done := m.export.update(msg)
	if done {
		m.mode = modeBrowse
	}
	if e == nil {
		return nil
	}
	return m.exportCmd(*e)
}

// exportPath is where format ext is written: next to the project file,
// named after it ("article.fr.trad.json" -> "article.fr.tmx").
func (m *Model) exportPath(ext string) string {
	dir := m.opts.ExportDir
	base := filepath.Base(m.projectPath)
	if dir == "" {
		dir = filepath.Dir(m.projectPath)
	}
	base = strings.TrimSuffix(base, ".json")
	base = strings.TrimSuffix(base, ".trad")
	if base == "" || base == "." {
		base = "trad-export"
	}
	return filepath.Join(dir, base+"."+ext)
}

// exportCmd writes a snapshot of the document in format e, atomically
// (temporary file in the same folder, then rename).
func (m *Model) exportCmd(e Exporter) tea.Cmd {
	if m.editing() {
		m.commitDraft()
	}
	snap := m.doc.Clone()
	path := m.exportPath(e.Ext)
	if src := m.doc.SourcePath; src != "" && filepath.Clean(src) == filepath.Clean(path) {
		err := fmt.Errorf("export %s: that is the source article; not overwriting it", path)
		return func() tea.Msg { return exportedMsg{path: path, err: err} }
	}
	return func() tea.Msg {
		return exportedMsg{path: path, err: writeAtomic(path, func(w io.Writer) error { return e.Write(w, snap) })}
	}
}

func writeAtomic(path string, write func(io.Writer) error) error {
	if err := safefile.Write(path, write, safefile.Options{}); err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	return nil
}
