package tui

import (
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/internal/safetext"
	"github.com/trad-project/trad/internal/textfold"
	"github.com/trad-project/trad/tm"
)

// The concordance (ctrl+k): a prompt for the words to look for, prefilled
// with the word under the editor's cursor (tab puts the current source's
// words in, one after the other); the search runs in a command over the
// memory (the user's memory, the --tm files and the project's confirmed
// segments, which the editor's memory holds) and every glossary entry;
// its keyword-in-context lines take the table's place, best first, and
// enter inserts the chosen target at the editor's cursor.

// Most hits shown from the memory and from the glossaries.
const (
	concordMemMax  = 40
	concordGlosMax = 20
)

// concHit is one concordance line.
type concHit struct {
	source, target, origin string
	changed                time.Time
	start, end             int    // the keyword in source (bytes)
	glossary               bool   // from a glossary (else the memory)
	note                   string // a glossary entry's note
	entry                  *glossary.Entry
}

// concordMsg is the result of concordCmd, with the glossary's folded
// index for the next search.
type concordMsg struct {
	gen   int
	query string
	hits  []concHit
	idx   *glossIndex
}

// glossIndex is a glossary's source terms folded as the search folds
// them, built by the first concordance search over that glossary and
// reused by the next ones (folding 100,000 terms costs more than all the
// rest of a search). It is not changed once built.
type glossIndex struct {
	g     *glossary.Glossary
	src   string
	keys  []string // folded terms
	entry []int    // their entry
	term  []string // the terms as written
}

func newGlossIndex(g *glossary.Glossary, src string) *glossIndex {
	x := &glossIndex{g: g, src: src}
	for k, e := range g.Entries() {
		for _, t := range e.Terms.Get(src) {
			x.keys = append(x.keys, textfold.Loose(t))
			x.entry = append(x.entry, k)
			x.term = append(x.term, t)
		}
	}
	return x
}

// concordQuery is what a concordance search reads: the memory, the
// glossary (with its index from an earlier search, or nil) and the
// glossary matcher, all safe for concurrent reads.
type concordQuery struct {
	gen               int
	query             string
	mem               *tm.Memory
	g                 *glossary.Glossary
	idx               *glossIndex
	finder            HitFinder
	src, tgt, project string
}

// concordCmd runs q off the UI goroutine. Best first: the glossary
// entries the query is (or inflects: the matcher finds "réseau social" in
// "réseaux sociaux"), the memory's hits in tm's order (exact accents,
// shorter sources, recent), then the entries containing the query.
func concordCmd(q concordQuery) tea.Cmd {
	return func() tea.Msg {
		var same, memHits, within []concHit
		if q.mem != nil {
			for _, h := range q.mem.Concordance(q.query, concordMemMax) {
				memHits = append(memHits, concHit{source: h.Source, target: h.Target, origin: unitOrigin(h.Origin, q.project),
					changed: h.Changed, start: h.Start, end: h.End})
			}
		}
		idx := q.idx
		if q.g != nil {
			if idx == nil || idx.g != q.g || idx.src != glossary.BaseLang(q.src) {
				idx = newGlossIndex(q.g, glossary.BaseLang(q.src))
			}
			same, within = idx.search(q.query, glossary.BaseLang(q.tgt))
		}
		if q.finder != nil {
			same = append(matchedHits(q.finder, q.query), same...)
		}
		hits := dedupHits(append(append(same, memHits...), within...))
		return concordMsg{gen: q.gen, query: q.query, hits: hits, idx: idx}
	}
}

// matchedHits are the glossary hits the matcher finds in query, as
// concordance lines (the keyword is the hit's text in the query).
func matchedHits(finder HitFinder, query string) []concHit {
	var out []concHit
	for _, h := range finder.Match(query) {
		if len(h.Targets) == 0 {
			continue
		}
		c := concHit{source: h.Term, target: h.Targets[0], glossary: true, end: len(h.Term)}
		if h.Entry != nil {
			c.origin, c.note, c.entry = shortOrigin(h.Entry.Origin.File, h.Entry.Origin.Line), h.Entry.Note, h.Entry
		}
		if len(h.Targets) > 1 {
			c.origin = "also " + strings.Join(h.Targets[1:], ", ") + " · " + c.origin
		}
		out = append(out, c)
	}
	return out
}

// dedupHits keeps the first line of each glossary entry (the matcher's
// and the index's may name the same one) and of each memory pair.
func dedupHits(hits []concHit) []concHit {
	seenE := map[*glossary.Entry]bool{}
	seenU := map[[2]string]bool{}
	out := hits[:0]
	for _, h := range hits {
		switch {
		case h.entry != nil && seenE[h.entry]:
		case h.entry == nil && seenU[[2]string{h.source, h.target}]:
		default:
			seenE[h.entry] = h.entry != nil
			seenU[[2]string{h.source, h.target}] = h.entry == nil
			out = append(out, h)
		}
	}
	return out
}

// search returns the entries whose source term is query (folded as the
// search folds) and those whose term contains it, with a translation in
// tgt.
func (x *glossIndex) search(query, tgt string) (same, within []concHit) {
	hl := &highlighter{}
	hl.setQuery(query)
	if hl.q == "" {
		return nil, nil
	}
	entries := x.g.Entries()
	last := -1
	for k, key := range x.keys {
		if x.entry[k] == last || !strings.Contains(key, hl.q) {
			continue
		}
		e := entries[x.entry[k]]
		ts := e.Terms.Get(tgt)
		sp := hl.spans(x.term[k])
		if len(ts) == 0 || len(sp) == 0 {
			continue
		}
		last = x.entry[k] // one line per entry
		h := concHit{source: x.term[k], target: ts[0], origin: shortOrigin(e.Origin.File, e.Origin.Line),
			start: sp[0].start, end: sp[0].end, glossary: true, note: e.Note, entry: e}
		if len(ts) > 1 {
			h.origin = "also " + strings.Join(ts[1:], ", ") + " · " + h.origin
		}
		if key == hl.q {
			same = append(same, h)
		} else if len(within) < concordGlosMax {
			within = append(within, h)
		}
	}
	// Shorter terms are the closer ones.
	sort.SliceStable(within, func(a, b int) bool { return len(within[a].source) < len(within[b].source) })
	return same, within
}

// concordance is the concordance component: the query prompt, then the
// list of hits. It owns the query, the hits and the selection; the root
// gives it the memory and glossary to search and inserts what it chooses.
type concordance struct {
	prompt
	st      *Styles
	keys    *PromptKeys
	typing  bool // the prompt has the keys (else the list)
	gen     int
	query   string
	hits    []concHit
	sel     int
	waiting bool
	// pending is set while the search waits for the memory to load.
	pending bool
	// words are the current source's words, for tab.
	words wordFeed
	// lw and lh are the list's size (the table's).
	lw, lh int
	// idx is the glossary's folded index, kept between searches.
	idx *glossIndex
	// part is set while the prompt holds a target to cut down to the
	// part to insert (e).
	part bool
}

func newConcordance(st *Styles, keys *PromptKeys) *concordance {
	return &concordance{prompt: newPrompt(st, "concordance: ", "words to look for (tab: the source's words)", "search"), st: st, keys: keys}
}

// start opens the prompt with text in it; source's words are offered by tab.
func (c *concordance) start(text, source string) {
	c.edit("concordance: ", text, false)
	c.words = newWordFeed(source)
}

// The concordance's intents.
type (
	// concordSearchIntent asks the root to search for query.
	concordSearchIntent struct{ query string }
	// concordInsertIntent inserts text at the editor's cursor.
	concordInsertIntent struct{ text string }
	// concordCloseIntent goes back to the mode the concordance came from.
	concordCloseIntent struct{}
)

// Update implements component.
func (c *concordance) Update(msg tea.Msg) (tea.Msg, tea.Cmd) {
	switch msg := msg.(type) {
	case concordMsg:
		if msg.gen != c.gen {
			return nil, nil
		}
		c.waiting, c.query, c.hits, c.sel = false, msg.query, msg.hits, 0
		c.idx = msg.idx
		return nil, nil
	case tea.KeyMsg:
		if c.typing {
			return c.typeKey(msg)
		}
		return c.listKey(msg), nil
	}
	return nil, nil
}

// typeKey edits the query: tab adds the source's next word, enter
// searches, esc closes.
func (c *concordance) typeKey(km tea.KeyMsg) (tea.Msg, tea.Cmd) {
	if c.part {
		return c.partKey(km)
	}
	if km.Type == tea.KeyTab {
		c.words.feed(&c.input)
		return nil, nil
	}
	q, res, cmd := c.handle(km)
	switch res {
	case promptCancelled:
		return concordCloseIntent{}, nil
	case promptSubmitted:
		if q = strings.TrimSpace(q); q == "" {
			return concordCloseIntent{}, nil
		}
		c.typing, c.waiting, c.query = false, true, q
		c.gen++
		return concordSearchIntent{q}, nil
	}
	return nil, cmd
}

// listKey moves in the hits, inserts the chosen one, goes back to the
// query or closes.
func (c *concordance) listKey(km tea.KeyMsg) tea.Msg {
	k := c.keys
	switch s := km.String(); {
	case s == "/" || s == "ctrl+k" || km.Type == tea.KeyBackspace:
		c.edit("concordance: ", c.query, false)
	case s == "e" && c.sel < len(c.hits):
		// Insert a part: the target in a field, to cut down to what is
		// wanted.
		c.edit("insert part: ", c.hits[c.sel].target, true)
	case key.Matches(km, k.Cancel):
		return concordCloseIntent{}
	case key.Matches(km, k.Prev):
		c.sel = max(c.sel-1, 0)
	case key.Matches(km, k.Next):
		c.sel = min(c.sel+1, max(len(c.hits)-1, 0))
	case key.Matches(km, k.Choose) && c.sel < len(c.hits):
		return concordInsertIntent{c.hits[c.sel].target}
	case len(s) == 1 && s[0] >= '1' && s[0] <= '9' && int(s[0]-'1') < len(c.hits):
		return concordInsertIntent{c.hits[s[0]-'1'].target}
	}
	return nil
}

// edit opens the prompt with prompt and text: the words (part false) or
// the part of a target to insert.
func (c *concordance) edit(prompt, text string, part bool) {
	c.open()
	c.input.Prompt = prompt
	c.typing, c.part = true, part
	c.input.SetValue(sanitizeLine(text))
	c.input.CursorEnd()
}

// partKey edits the part of a target to insert: enter inserts it, esc
// goes back to the list.
func (c *concordance) partKey(km tea.KeyMsg) (tea.Msg, tea.Cmd) {
	v, res, cmd := c.handle(km)
	switch res {
	case promptCancelled:
		c.typing, c.part = false, false
	case promptSubmitted:
		c.typing, c.part = false, false
		if v != "" {
			return concordInsertIntent{v}, nil
		}
	}
	return nil, cmd
}

// View implements component: the status line, the prompt while typing.
func (c *concordance) View() string {
	if c.typing {
		return c.prompt.View()
	}
	var s string
	switch {
	case c.waiting && c.pending:
		s = fmt.Sprintf("concordance %q: waiting for the memory and glossaries to load…", c.query)
	case c.waiting:
		s = fmt.Sprintf("concordance %q: searching…", c.query)
	case len(c.hits) == 0:
		s = fmt.Sprintf("concordance %q: nothing found in the memory nor the glossaries", c.query)
	default:
		s = fmt.Sprintf("concordance %q: %d hit%s", c.query, len(c.hits), plural(len(c.hits)))
	}
	return fit(c.st.Prompt.Render(sanitizeLine(s)), c.width)
}

func (c *concordance) ShortHelp() []key.Binding {
	if c.part {
		return []key.Binding{binding([]string{"enter"}, "enter", "insert this part"), binding([]string{"esc"}, "esc", "back to the list")}
	}
	if c.typing {
		tab := binding([]string{"tab"}, "tab", "source word")
		return append(c.prompt.ShortHelp(), tab)
	}
	k := c.keys
	ins := key.NewBinding(key.WithKeys(k.Choose.Keys()...), key.WithHelp(k.Choose.Help().Key, "insert target"))
	again := binding([]string{"/"}, "/", "new search")
	num := binding([]string{"1"}, "1…9", "insert hit N")
	part := binding([]string{"e"}, "e", "insert a part")
	return []key.Binding{k.Prev, k.Next, ins, num, part, again, k.Cancel}
}

func (c *concordance) FullHelp() [][]key.Binding { return [][]key.Binding{c.ShortHelp()} }

// list renders the hits in the table's place, two lines each: the source
// with the keyword in context, then the target, origin and date.
func (c *concordance) list() []string {
	w, h := c.lw, c.lh
	out := make([]string, 0, h)
	for i := firstItem(c.sel, h, 2); i < len(c.hits) && len(out)+2 <= h; i++ {
		out = append(out, c.kwicLines(i, w)...)
	}
	for len(out) < h {
		out = append(out, fit("", w))
	}
	return out
}

// kwicLines are hit i's two lines.
func (c *concordance) kwicLines(i, w int) []string {
	x := &c.hits[i]
	num := fmt.Sprintf("%2d ", i+1)
	mark := " "
	if i == c.sel {
		mark = c.st.Marker.Render(c.st.CurrentGlyph)
	}
	inner := max(w-len(num)-1, 1)
	src := sanitizeLine(x.source[:x.start])
	kw := sanitizeLine(x.source[x.start:x.end])
	right := sanitizeLine(x.source[x.end:])
	// The keyword at a third of the width: the left context is cut on its
	// left, the right one on its right.
	lw := inner / 3
	if sw := ansi.StringWidth(src); sw > lw {
		src = "…" + ansi.TruncateLeft(src, sw-lw+1, "")
	}
	line := src + c.st.SearchMatch.Render(kw) + right
	meta := x.origin
	if !x.changed.IsZero() {
		meta += " · " + x.changed.Local().Format("2006-01-02")
	}
	if x.glossary {
		meta = "glossary · " + meta
		if x.note != "" {
			meta += " · " + x.note
		}
	} else {
		meta = "memory · " + meta
	}
	meta = sanitizeLine(meta)
	tgt := "→ " + sanitizeLine(x.target)
	tw := max(inner-ansi.StringWidth(meta)-2, inner/2)
	second := fit(c.st.PaneTarget.Render(fit(tgt, tw))+"  "+c.st.PaneMeta.Render(meta), inner)
	return []string{
		mark + c.st.PaneNum.Render(num) + fit(line, inner),
		" " + strings.Repeat(" ", len(num)) + second,
	}
}

// concordOpenIntent opens the concordance (ctrl+k).
type concordOpenIntent struct{}

// openConcordance opens the prompt, with the word under the editor's
// cursor when editing (the draft is kept in the document meanwhile).
func (m *Model) openConcordance() tea.Cmd {
	if len(m.doc.Segments) == 0 {
		return nil
	}
	text := ""
	m.concFrom = m.mode
	if m.editing() {
		m.commitDraft()
		text = m.wordAtCursor()
	}
	m.conc.start(text, m.doc.Segments[m.cur].Source)
	m.conc.query, m.conc.hits = "", nil
	m.concPending, m.conc.pending = "", false
	m.mode = modeConcord
	return nil
}

// applyConcord carries out the concordance's intents; it reports false
// for other intents.
func (m *Model) applyConcord(intent tea.Msg) (tea.Cmd, bool) {
	switch it := intent.(type) {
	case concordOpenIntent:
		return m.openConcordance(), true
	case concordSearchIntent:
		var mem *tm.Memory
		if m.matches.hasMemory() {
			mem = m.matches.mem
		}
		if mem == nil && m.qx.glossary == nil && m.loading {
			// Searching nothing would say "nothing found": wait for them
			// (onResources runs it), the list saying so.
			m.concPending, m.conc.pending = it.query, true
			return nil, true
		}
		m.concPending, m.conc.pending = "", false
		return concordCmd(concordQuery{gen: m.conc.gen, query: it.query, mem: mem, g: m.qx.glossary, idx: m.conc.idx, finder: m.finder,
			src: m.doc.SourceLang.String(), tgt: m.doc.TargetLang.String(), project: m.projectPath}), true
	case concordCloseIntent:
		m.conc.close()
		m.mode = m.concFrom
		m.concPending, m.conc.pending = "", false
		return nil, true
	case concordInsertIntent:
		m.conc.close()
		m.mode = m.concFrom
		var cmd tea.Cmd
		if !m.editing() {
			cmd = m.startEdit(m.cur)
		}
		if !m.editing() {
			return cmd, true // the editor did not open (a huge target): it said why
		}
		m.editor.insert(untagged(safetext.Display(it.text)))
		return tea.Batch(cmd, m.typed(), m.flash("concordance target inserted")), true
	}
	return nil, false
}

// glossIndexMsg delivers a glossary's index built in the background.
type glossIndexMsg struct{ idx *glossIndex }

// indexGlossaryCmd builds g's concordance index in a command, so that the
// first ctrl+k does not pay for it.
func indexGlossaryCmd(g *glossary.Glossary, src string) tea.Cmd {
	if g == nil {
		return nil
	}
	return func() tea.Msg { return glossIndexMsg{newGlossIndex(g, glossary.BaseLang(src))} }
}

// firstItem is the first item a list of items lines high each shows in
// h lines so that item sel is on screen.
func firstItem(sel, h, lines int) int {
	if per := max(h/lines, 1); sel >= per {
		return sel - per + 1
	}
	return 0
}

// wordFeed holds the words of a source, in order, that tab (concordance)
// and ctrl+n (add a term) add to a field one after the other.
type wordFeed struct {
	words []string
	next  int
}

func newWordFeed(source string) wordFeed {
	return wordFeed{words: strings.FieldsFunc(source, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\'' && r != '’'
	})}
}

// feed appends the next word to the field's text, after a space, and
// puts the cursor at the end (back to the first word after the last).
func (w *wordFeed) feed(in *textinput.Model) {
	if len(w.words) == 0 {
		return
	}
	v := strings.TrimSpace(in.Value())
	if v != "" {
		v += " "
	}
	in.SetValue(v + w.words[w.next%len(w.words)])
	in.CursorEnd()
	w.next++
}
