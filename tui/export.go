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
// the choice, its width and its keys (the prompt section of keys.json);
// on a choice it asks the root to run the export (exportIntent).
type exportPicker struct {
	st    *Styles
	keys  *PromptKeys
	items []Exporter
	sel   int
	width int
	// what is being exported, when not the whole document ("12 of 120
	// filtered segments").
	what string
}

// exportIntent asks the root to write the document in format e.
type exportIntent struct{ e Exporter }

func newExportPicker(st *Styles, keys *PromptKeys, items []Exporter) exportPicker {
	return exportPicker{st: st, keys: keys, items: items}
}

// open resets the choice; it reports false when there is nothing to choose.
func (p *exportPicker) open() bool {
	p.sel = 0
	return len(p.items) > 0
}

// View implements component: the formats, the chosen one framed.
func (p *exportPicker) View() string {
	var b strings.Builder
	if p.what != "" {
		b.WriteString(p.st.Prompt.Render("export " + p.what + ": "))
	} else {
		b.WriteString(p.st.Prompt.Render("export: "))
	}
	for i, it := range p.items {
		label := fmt.Sprintf("%d %s", i+1, it.Name)
		if i == p.sel {
			b.WriteString(p.st.NumberCur.Render("[" + label + "]"))
		} else {
			b.WriteString(" " + label + " ")
		}
		b.WriteString(" ")
	}
	return fit(b.String(), p.width)
}

// SetSize implements component; the picker is one line high.
func (p *exportPicker) SetSize(w, _ int) { p.width = max(w, 0) }

func (p *exportPicker) ShortHelp() []key.Binding {
	k := p.keys
	return []key.Binding{k.Prev, k.Next, k.Choose, k.Cancel}
}

func (p *exportPicker) FullHelp() [][]key.Binding { return [][]key.Binding{p.ShortHelp()} }

// Update implements component: the keys move the choice; choosing (or a
// digit) closes the picker and asks for the export, cancelling closes it.
func (p *exportPicker) Update(msg tea.Msg) (tea.Msg, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil, nil
	}
	k := p.keys
	switch s := km.String(); {
	case key.Matches(km, k.Cancel):
		return closeIntent{}, nil
	case key.Matches(km, k.Prev):
		p.sel = (p.sel - 1 + len(p.items)) % len(p.items)
	case key.Matches(km, k.Next):
		p.sel = (p.sel + 1) % len(p.items)
	case key.Matches(km, k.Choose):
		return closeIntent{exportIntent{p.items[p.sel]}}, nil
	case len(s) == 1 && s[0] >= '1' && s[0] <= '9' && int(s[0]-'1') < len(p.items):
		p.sel = int(s[0] - '1')
		return closeIntent{exportIntent{p.items[p.sel]}}, nil
	}
	return nil, nil
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
	var snap *segments.Document
	ext := e.Ext
	if m.flt.active {
		// With a filter on, the export is of the filtered segments, in a
		// file of its own: article.fr.filtered.tmx.
		snap, ext = filteredDoc(m.doc, m.table.rows), "filtered."+ext
	} else {
		snap = m.doc.Clone()
	}
	path := m.exportPath(ext)
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
