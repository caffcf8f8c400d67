package tui

import (
	"fmt"
	"regexp"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/trad-project/trad/internal/textfold"
	"github.com/trad-project/trad/qa"
	"github.com/trad-project/trad/segments"
)

// The row filter (f): which segments the table shows. A filter is typed in
// a one-line prompt as words: status names (new, draft, translated,
// reviewed), QA results (errors, warnings), rep (repetitions), changed
// (sentence edited in the article since the last session), notes; the
// first other word starts a text that runs to the end of the line, plain
// (folded like the search) or /a regexp/, in the source or the target, or
// only the source (src:) or the target (tgt:). Words of one kind are
// alternatives; kinds combine (draft errors = drafts with an error).
//
// The rows are computed once, in a command, when the filter is applied:
// a segment that stops matching while the translator works on it stays
// on screen until the filter is applied again.

// filterSpec is a parsed filter.
type filterSpec struct {
	label    string         // as typed, trimmed: shown in the header
	statuses [4]bool        // by segments.Status; all false: any
	anyState bool           // some status was named
	errors   bool           // segments with a QA error
	warnings bool           // segments with a QA warning (or info)
	reps     bool           // segments whose source repeats
	changed  bool           // sentence edited since the last session
	notes    bool           // segments with a note
	field    string         // "", "src" or "tgt"
	plain    string         // the text, not folded yet
	re       *regexp.Regexp // the text as a regexp
}

// filterWords are the filter's keywords.
var filterWords = map[string]func(*filterSpec){
	"new":         func(f *filterSpec) { f.statuses[segments.StatusNew], f.anyState = true, true },
	"draft":       func(f *filterSpec) { f.statuses[segments.StatusDraft], f.anyState = true, true },
	"translated":  func(f *filterSpec) { f.statuses[segments.StatusTranslated], f.anyState = true, true },
	"reviewed":    func(f *filterSpec) { f.statuses[segments.StatusReviewed], f.anyState = true, true },
	"errors":      func(f *filterSpec) { f.errors = true },
	"error":       func(f *filterSpec) { f.errors = true },
	"warnings":    func(f *filterSpec) { f.warnings = true },
	"warning":     func(f *filterSpec) { f.warnings = true },
	"rep":         func(f *filterSpec) { f.reps = true },
	"repetitions": func(f *filterSpec) { f.reps = true },
	"changed":     func(f *filterSpec) { f.changed = true },
	"notes":       func(f *filterSpec) { f.notes = true },
	"note":        func(f *filterSpec) { f.notes = true },
}

// parseFilter reads a filter as typed in the prompt.
func parseFilter(s string) (filterSpec, error) {
	f := filterSpec{label: strings.TrimSpace(s)}
	rest := f.label
	for rest != "" {
		word, after, _ := strings.Cut(rest, " ")
		if set, ok := filterWords[strings.ToLower(word)]; ok {
			set(&f)
			rest = strings.TrimSpace(after)
			continue
		}
		return f, f.setText(rest)
	}
	return f, nil
}

// setText sets the filter's text: "src:" or "tgt:" first limits it to one
// side; /…/ is a regular expression.
func (f *filterSpec) setText(t string) error {
	for _, p := range []string{"src:", "tgt:"} {
		if strings.HasPrefix(strings.ToLower(t), p) {
			f.field, t = p[:3], strings.TrimSpace(t[len(p):])
		}
	}
	re, err := slashRegexp(t)
	if err != nil {
		return fmt.Errorf("filter: %w", err)
	}
	if re != nil {
		f.re = re
		return nil
	}
	f.plain = t
	return nil
}

// slashRegexp compiles s when it is written /regexp/ (the filter's and
// search-and-replace's way of asking for one), and returns nil otherwise.
func slashRegexp(s string) (*regexp.Regexp, error) {
	if len(s) < 2 || s[0] != '/' || s[len(s)-1] != '/' {
		return nil, nil
	}
	re, err := regexp.Compile(s[1 : len(s)-1])
	if err != nil {
		return nil, fmt.Errorf("bad regular expression %s: %w", s, err)
	}
	return re, nil
}

// filterRow is what the filter reads of one segment, copied on the UI
// goroutine so the command never touches the document.
type filterRow struct {
	src, tgt, note string
	status         segments.Status
	qa             uint8 // qaHasError | qaHasWarning
}

const (
	qaHasError uint8 = 1 << iota
	qaHasWarning
)

// filterMsg is the result of filterCmd: the segments shown.
type filterMsg struct {
	gen  int
	spec filterSpec
	rows []int
}

// filterCmd evaluates spec on rows, a snapshot; changed lists the
// segments whose sentence changed since the last session (sorted).
func filterCmd(gen int, spec filterSpec, rows []filterRow, changed []int) tea.Cmd {
	return func() tea.Msg {
		return filterMsg{gen: gen, spec: spec, rows: evalFilter(spec, rows, changed)}
	}
}

// evalFilter returns the indexes of the rows spec keeps.
func evalFilter(spec filterSpec, rows []filterRow, changed []int) []int {
	var repeated map[string]int
	var keys []string
	if spec.reps {
		repeated, keys = make(map[string]int, len(rows)), make([]string, len(rows))
		for i := range rows {
			keys[i] = segments.SourceKey(rows[i].src)
			repeated[keys[i]]++
		}
	}
	isChanged := make(map[int]bool, len(changed))
	for _, i := range changed {
		isChanged[i] = true
	}
	q := ""
	if spec.plain != "" {
		q = textfold.Loose(spec.plain)
	}
	var out []int
	for i := range rows {
		r := &rows[i]
		switch {
		case spec.anyState && !spec.statuses[min(max(int(r.status), 0), 3)]:
			continue
		case (spec.errors || spec.warnings) && !(spec.errors && r.qa&qaHasError != 0 || spec.warnings && r.qa&qaHasWarning != 0):
			continue
		case spec.reps && (keys[i] == "" || repeated[keys[i]] < 2):
			continue
		case spec.changed && !isChanged[i]:
			continue
		case spec.notes && strings.TrimSpace(r.note) == "":
			continue
		case !spec.textMatches(q, r):
			continue
		}
		out = append(out, i)
	}
	return out
}

// textMatches reports whether r's source or target (or the side the
// filter names) has the filter's text; q is the plain text folded.
func (spec *filterSpec) textMatches(q string, r *filterRow) bool {
	if spec.re == nil && q == "" {
		return true
	}
	has := func(s string) bool {
		if s == "" {
			return false
		}
		if spec.re != nil {
			return spec.re.MatchString(s)
		}
		return strings.Contains(textfold.Loose(s), q)
	}
	return spec.field != "tgt" && has(r.src) || spec.field != "src" && has(r.tgt)
}

// filterRows copies what the filter reads of the document, with the QA
// results of the issue store (ignored issues do not count).
func filterRows(doc *segments.Document, issues *issueStore) []filterRow {
	rows := make([]filterRow, len(doc.Segments))
	for i := range doc.Segments {
		s := &doc.Segments[i]
		rows[i] = filterRow{src: s.Source, tgt: s.Target, note: s.Note, status: s.Status}
	}
	for i, is := range issues.issues {
		if i < 0 || i >= len(rows) {
			continue
		}
		for _, x := range is {
			switch {
			case x.Ignored != nil:
			case x.Severity >= qa.Error:
				rows[i].qa |= qaHasError
			default:
				rows[i].qa |= qaHasWarning
			}
		}
	}
	return rows
}

// filterState is the filter in force: its label and the number of rows
// shown (the header reads it), and the generation of the last request.
type filterState struct {
	label     string
	shown, of int
	gen       int
	active    bool
}

// filterPrompt is the "f" prompt: it opens with the filter in force, so
// enter applies it again (rows that stopped matching go).
type filterPrompt struct{ prompt }

func newFilterPrompt(st *Styles) filterPrompt {
	return filterPrompt{newPrompt(st, "filter: ", "new draft translated reviewed errors warnings rep changed notes, then text, src:/tgt:, /regexp/", "filter")}
}

// filterIntent asks the root to apply a filter ("" clears it).
type filterIntent struct{ text string }

// Update implements component.
func (p *filterPrompt) Update(msg tea.Msg) (tea.Msg, tea.Cmd) {
	return p.submitted(msg, func(v string) tea.Msg { return filterIntent{v} })
}

// clearFilterIntent asks the root to show every row again (F).
type clearFilterIntent struct{}

// applyFilter parses text and starts computing its rows; "" clears the
// filter.
func (m *Model) applyFilter(text string) tea.Cmd {
	if strings.TrimSpace(text) == "" {
		return m.clearFilter()
	}
	spec, err := parseFilter(text)
	if err != nil {
		return m.flash(err.Error())
	}
	m.flt.gen++
	return filterCmd(m.flt.gen, spec, filterRows(m.doc, m.issues), append([]int(nil), m.changed...))
}

// onFilter shows the rows a filter kept; a filter that keeps none is not
// applied (the table would be empty) and the status line says so.
func (m *Model) onFilter(msg filterMsg) tea.Cmd {
	if msg.gen != m.flt.gen {
		return nil
	}
	if len(msg.rows) == 0 {
		return m.flash(fmt.Sprintf("filter %q: no segment matches; the rows shown are unchanged", msg.spec.label))
	}
	*m.flt = filterState{label: msg.spec.label, shown: len(msg.rows), of: len(m.doc.Segments), gen: m.flt.gen, active: true}
	m.table.setRows(msg.rows)
	cmd := m.moveTo(m.cur) // onto a shown row
	return tea.Batch(cmd, m.flash(fmt.Sprintf("filter %q: %d of %d segments; %s clears it", msg.spec.label, len(msg.rows), len(m.doc.Segments), m.keys.Browse.ClearFilter.Help().Key)))
}

// clearFilter shows every row again.
func (m *Model) clearFilter() tea.Cmd {
	if !m.flt.active {
		return m.flash("no filter to clear")
	}
	m.dropFilter()
	return m.flash("filter cleared: every segment is shown")
}

// dropFilter shows every row again; a filter still being computed is
// dropped.
func (m *Model) dropFilter() {
	m.flt.gen++
	*m.flt = filterState{gen: m.flt.gen}
	m.table.setRows(nil)
}

// filteredDoc is the document an export of the filtered segments writes:
// the shown segments only, each run of consecutive ones in a block kept
// together as a block of its own (so the text between them is the
// source's own), in document order.
func filteredDoc(doc *segments.Document, rows []int) *segments.Document {
	// A copy of the document without its blocks, segments and orphans:
	// only the filtered ones go in.
	bare := *doc
	bare.Blocks, bare.Segments, bare.Orphans = nil, nil, nil
	out := bare.Clone()
	out.Segments = make([]segments.Segment, 0, len(rows))
	for k, i := range rows {
		s := doc.Segments[i]
		if s.Block < 0 || s.Block >= len(doc.Blocks) {
			continue // no block to write it in (never in a loaded project)
		}
		runs := k > 0 && rows[k-1] == i-1 && doc.Segments[i-1].Block == s.Block
		if !runs {
			b := doc.Blocks[s.Block]
			b.First, b.Count = len(out.Segments), 0
			out.Blocks = append(out.Blocks, b)
		}
		s.Index, s.Block = len(out.Segments), len(out.Blocks)-1
		out.Blocks[s.Block].Count++
		out.Segments = append(out.Segments, s)
	}
	out.Cursor = 0
	return out
}
