package tui

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/trad-project/trad/segments"
)

// Search and replace in targets (R): a prompt for what to find (plain
// text, case-sensitive, or /regexp/ with $1 in the replacement), one for
// the replacement, then the list of changes in the table's place, each
// target before and after: y replaces the selected one, n skips it, a
// replaces all that are left, esc closes. Only the rows shown count
// (with a filter on, the filtered segments). Every replace of one session
// is one bulk change: U puts all those targets back.

// replItem is one target the replace would change.
type replItem struct {
	seg         int
	before, now string // the target, and what it becomes
	state       int    // replPending, replDone or replSkipped
}

const (
	replPending = iota
	replDone
	replSkipped
)

// replacer is the replace component. It owns the two prompts' text, the
// list of changes and the selection; the root computes the list (it
// reads the document) and makes the changes.
type replacer struct {
	prompt
	st    *Styles
	keys  *PromptKeys
	step  int // 0: find, 1: with, 2: the list
	find  string
	re    *regexp.Regexp
	items []replItem
	sel   int
	lw    int
	lh    int
	// bulk records this session's replaces, for U (bulk.go).
	bulk *bulkChange
}

func newReplacer(st *Styles, keys *PromptKeys) *replacer {
	return &replacer{prompt: newPrompt(st, "replace in targets: ", "text, or /regexp/", "next"), st: st, keys: keys}
}

// start opens the find prompt with the last text found.
func (r *replacer) start() {
	r.step, r.items, r.sel = 0, nil, 0
	r.open()
	r.input.Prompt = "replace in targets: "
	r.input.Placeholder = "text (case-sensitive), or /regexp/"
	r.input.SetValue(r.find)
	r.input.CursorEnd()
}

// The replacer's intents.
type (
	// replaceListIntent asks the root to list the changes of replacing
	// re (or find) with with.
	replaceListIntent struct {
		find, with string
		re         *regexp.Regexp
	}
	// replaceIntent replaces items k (all pending ones when all).
	replaceIntent struct {
		k   int
		all bool
	}
	// replaceCloseIntent closes the replace.
	replaceCloseIntent struct{}
)

// apply returns text with every match replaced.
func replaceText(text, find, with string, re *regexp.Regexp) string {
	if re != nil {
		return re.ReplaceAllString(text, with)
	}
	return strings.ReplaceAll(text, find, with)
}

// Update implements component.
func (r *replacer) Update(msg tea.Msg) (tea.Msg, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil, nil
	}
	if r.step == 2 {
		return r.listKey(km), nil
	}
	v, res, cmd := r.handle(km)
	switch res {
	case promptCancelled:
		return replaceCloseIntent{}, nil
	case promptSubmitted:
		return r.submit(v), nil
	}
	return nil, cmd
}

// submit takes what a prompt gave: the text to find, then the
// replacement.
func (r *replacer) submit(v string) tea.Msg {
	if r.step == 0 {
		if v == "" {
			return replaceCloseIntent{}
		}
		r.find, r.re = v, nil
		re, err := slashRegexp(v)
		if err != nil {
			return closeIntent{flashIntent{"replace: " + err.Error()}}
		}
		r.re = re
		r.step = 1
		r.open()
		r.input.Prompt = "replace " + sanitizeLine(v) + " with: "
		r.input.Placeholder = "the replacement (empty: delete)"
		if r.re != nil {
			r.input.Placeholder = "the replacement ($1 for a group)"
		}
		return nil
	}
	r.step = 2
	return replaceListIntent{find: r.find, with: v, re: r.re}
}

// listKey moves in the list of changes and asks for them.
func (r *replacer) listKey(km tea.KeyMsg) tea.Msg {
	k := r.keys
	switch s := km.String(); {
	case key.Matches(km, k.Cancel):
		return replaceCloseIntent{}
	case s == "a" || s == "A":
		return replaceIntent{all: true}
	case s == "y" || s == "Y" || key.Matches(km, k.Choose):
		if r.sel < len(r.items) && r.items[r.sel].state == replPending {
			return replaceIntent{k: r.sel}
		}
	case s == "n" || s == "N":
		if r.sel < len(r.items) && r.items[r.sel].state == replPending {
			r.items[r.sel].state = replSkipped
		}
		r.nextPending()
	case key.Matches(km, k.Prev):
		r.sel = max(r.sel-1, 0)
	case key.Matches(km, k.Next):
		r.sel = min(r.sel+1, max(len(r.items)-1, 0))
	}
	return nil
}

// nextPending selects the next change not done nor skipped, if any.
func (r *replacer) nextPending() {
	for k := r.sel + 1; k < len(r.items); k++ {
		if r.items[k].state == replPending {
			r.sel = k
			return
		}
	}
}

// counts returns how many changes are pending and done.
func (r *replacer) counts() (pending, done int) {
	for _, it := range r.items {
		switch it.state {
		case replPending:
			pending++
		case replDone:
			done++
		}
	}
	return pending, done
}

// View implements component: the prompt, or the list's summary.
func (r *replacer) View() string {
	if r.step < 2 {
		return r.prompt.View()
	}
	p, d := r.counts()
	s := fmt.Sprintf("replace %s: %d target%s to change, %d replaced", r.find, p, plural(p), d)
	return fit(r.st.Prompt.Render(sanitizeLine(s)), r.width)
}

func (r *replacer) ShortHelp() []key.Binding {
	if r.step < 2 {
		return r.prompt.ShortHelp()
	}
	k := r.keys
	return []key.Binding{binding([]string{"y"}, "y/enter", "replace"), binding([]string{"n"}, "n", "skip"),
		binding([]string{"a"}, "a", "replace all"), k.Prev, k.Next, k.Cancel}
}

func (r *replacer) FullHelp() [][]key.Binding { return [][]key.Binding{r.ShortHelp()} }

// list renders the changes in the table's place: each target before,
// then after, the selected one marked.
func (r *replacer) list() []string {
	w, h := r.lw, r.lh
	out := make([]string, 0, h)
	first := firstItem(r.sel, h, 2)
	if len(r.items) == 0 {
		out = append(out, fit("  no target contains "+sanitizeLine(r.find), w))
	}
	for k := first; k < len(r.items) && len(out)+2 <= h; k++ {
		it := &r.items[k]
		mark := " "
		if k == r.sel {
			mark = r.st.Marker.Render(r.st.CurrentGlyph)
		}
		num := fmt.Sprintf("%5d ", it.seg+1)
		state := [...]string{"  ", "✓ ", "– "}[it.state]
		out = append(out, mark+r.st.Number.Render(num)+state+fit(sanitizeLine(it.before), max(w-len(num)-3, 1)))
		out = append(out, " "+strings.Repeat(" ", len(num))+"→ "+fit(r.st.Target.Render(sanitizeLine(it.now)), max(w-len(num)-3, 1)))
	}
	for len(out) < h {
		out = append(out, fit("", w))
	}
	return out
}

// replaceOpenIntent opens the replace (R).
type replaceOpenIntent struct{}

// applyReplace carries out the replacer's intents; it reports false for
// other intents.
func (m *Model) applyReplace(intent tea.Msg) (tea.Cmd, bool) {
	switch it := intent.(type) {
	case replaceOpenIntent:
		m.repl.start()
		m.mode = modeReplace
		return nil, true
	case replaceListIntent:
		m.repl.items = m.replaceItems(it.find, it.with, it.re)
		m.repl.sel = 0
		m.repl.bulk = &bulkChange{what: "replace"}
		return nil, true
	case replaceIntent:
		return m.replaceTargets(it), true
	case replaceCloseIntent:
		m.repl.close()
		m.mode = modeBrowse
		if it := m.repl; it.step == 2 {
			if _, d := it.counts(); d > 0 {
				return m.flash(fmt.Sprintf("replaced in %d target%s; %s undoes it", d, plural(d), m.keys.Browse.UndoBulk.Help().Key)), true
			}
		}
		return nil, true
	}
	return nil, false
}

// replaceItems lists the shown targets the replace changes.
func (m *Model) replaceItems(find, with string, re *regexp.Regexp) []replItem {
	var out []replItem
	for i := range m.doc.Segments {
		if !m.table.shown(i) {
			continue
		}
		t := m.doc.Segments[i].Target
		if t == "" || re == nil && !strings.Contains(t, find) || re != nil && !re.MatchString(t) {
			continue
		}
		if nt := segments.Normalize(replaceText(t, find, with, re)); nt != t {
			out = append(out, replItem{seg: i, before: t, now: nt})
		}
	}
	return out
}

// replaceTargets makes the asked changes, each one recorded in the bulk
// change U undoes. A target changed since the list was made is skipped.
func (m *Model) replaceTargets(it replaceIntent) tea.Cmd {
	r, now := m.repl, m.now()
	ks := []int{it.k}
	if it.all {
		ks = ks[:0]
		for k := range r.items {
			if r.items[k].state == replPending {
				ks = append(ks, k)
			}
		}
	}
	for _, k := range ks {
		x := &r.items[k]
		i := x.seg
		s := m.doc.Segments[i]
		if s.Target != x.before {
			x.state = replSkipped
			continue
		}
		if m.change(i, func(d *segments.Document) bool { return d.Update(i, x.now, s.Status, s.Origin, now) }) {
			r.bulk.add(i, s, m.doc.Segments[i].Rev)
			m.bulk = r.bulk
			x.state = replDone
		}
	}
	r.nextPending()
	return m.save(false)
}
