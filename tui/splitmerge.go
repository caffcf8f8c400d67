package tui

import (
	"errors"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/trad-project/trad/qa"
	"github.com/trad-project/trad/segments"
)

// Split and merge (S, J): S opens a one-line picker on the current
// source with a split point (│) that ←/→ move from one allowed point to
// the next (between words; segments.NearestSplit says where); enter
// splits there (segments.Document.SplitSegment). J merges the current
// segment with the next one of its block (Document.MergeNext). Both are
// stored in the project as segmentation overrides, so re-opening and
// re-segmenting a changed article keep them (docs/project-format.md).
// Every index-keyed state of the editor is then rebuilt (resegmented).

// splitMax bounds the sources the picker works on: each move looks for
// the next allowed point character by character.
const splitMax = 64 << 10

// splitPicker is the split component. It owns the segment, its source
// and the point.
type splitPicker struct {
	st     *Styles
	keys   *PromptKeys
	seg    int
	source string
	at     int
	width  int
}

// The split picker's intents.
type (
	// splitOpenIntent opens the picker on the current segment (S).
	splitOpenIntent struct{}
	// splitIntent splits segment seg at byte at of its source.
	splitIntent struct{ seg, at int }
	// mergeIntent merges the current segment with the next (J).
	mergeIntent struct{}
)

// open starts the picker on segment seg; it reports false, with why,
// when the source has no allowed point.
func (p *splitPicker) open(seg int, source string) (bool, string) {
	if len(source) > splitMax {
		return false, fmt.Sprintf("segment %d is too long to split here (%s); edit the article", seg+1, byteSize(len(source)))
	}
	at, ok := segments.NearestSplit(source, len(source)/2)
	if !ok {
		return false, fmt.Sprintf("segment %d cannot be split: no point between two words", seg+1)
	}
	p.seg, p.source, p.at = seg, source, at
	return true, ""
}

// step moves the point to the next allowed one in direction dir.
func (p *splitPicker) step(dir int) {
	for q := p.at + dir; q > 0 && q < len(p.source); q += dir {
		if n, ok := segments.NearestSplit(p.source, q); ok && n == q {
			p.at = q
			return
		}
	}
}

// Update implements component.
func (p *splitPicker) Update(msg tea.Msg) (tea.Msg, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil, nil
	}
	k := p.keys
	switch {
	case key.Matches(km, k.Cancel):
		return closeIntent{}, nil
	case key.Matches(km, k.Choose):
		return closeIntent{splitIntent{p.seg, p.at}}, nil
	case key.Matches(km, k.Prev):
		p.step(-1)
	case key.Matches(km, k.Next):
		p.step(1)
	}
	return nil, nil
}

// View implements component: the source around the point.
func (p *splitPicker) View() string {
	label := p.st.Prompt.Render(fmt.Sprintf("split %d: ", p.seg+1))
	room := max(p.width-ansi.StringWidth(label)-1, 4)
	left := sanitizeLine(p.source[:p.at])
	right := sanitizeLine(p.source[p.at:])
	// The point in the middle of what fits.
	if lw := ansi.StringWidth(left); lw > room/2 {
		left = "…" + ansi.TruncateLeft(left, lw-room/2+1, "")
	}
	return fit(label+left+p.st.Marker.Render("│")+right, p.width)
}

// SetSize implements component; the picker is one line high.
func (p *splitPicker) SetSize(w, _ int) { p.width = max(w, 0) }

func (p *splitPicker) ShortHelp() []key.Binding {
	k := p.keys
	return []key.Binding{k.Prev, k.Next, key.NewBinding(key.WithKeys(k.Choose.Keys()...), key.WithHelp(k.Choose.Help().Key, "split here")), k.Cancel}
}

func (p *splitPicker) FullHelp() [][]key.Binding { return [][]key.Binding{p.ShortHelp()} }

// applySplit carries out the split and merge intents; it reports false
// for other intents.
func (m *Model) applySplit(intent tea.Msg) (tea.Cmd, bool) {
	switch it := intent.(type) {
	case splitOpenIntent:
		if ok, why := m.splitP.open(m.cur, m.doc.Segments[m.cur].Source); !ok {
			return m.flash(why), true
		}
		m.mode = modeSplit
		return nil, true
	case splitIntent:
		return m.resegment(it.seg, 1, func(d *segments.Document) error { return d.SplitSegment(it.seg, it.at, m.now()) }), true
	case mergeIntent:
		i := m.cur
		return m.resegment(i, -1, func(d *segments.Document) error { return d.MergeNext(i, m.now()) }), true
	}
	return nil, false
}

// resegment runs op, a split (delta 1) or merge (-1) at segment i, and
// rebuilds what the editor keeps by segment index.
func (m *Model) resegment(i, delta int, op func(*segments.Document) error) tea.Cmd {
	if m.editing() {
		return nil // S and J are browse keys
	}
	before := m.doc.Segments[i].Status
	if err := op(m.doc); err != nil {
		what := "split"
		if delta < 0 {
			what = "merge"
		}
		return m.flash(fmt.Sprintf("%s segment %d: %s", what, i+1, errText(err)))
	}
	m.version++
	cmd := m.resegmented(i, delta)
	note := fmt.Sprintf("segment %d split in two", i+1)
	if delta < 0 {
		note = fmt.Sprintf("segments %d and %d merged", i+1, i+2)
	}
	if s := m.doc.Segments[i]; s.Target != "" && s.Status != before {
		note += fmt.Sprintf("; its translation is a %s now", s.Status)
	}
	return tea.Batch(cmd, m.save(false), m.flashHere(note+" (kept in the project; re-opening keeps it)"))
}

// errText is err's message without the package's prefix.
func errText(err error) string {
	if errors.Is(err, segments.ErrSplitInWord) {
		return "not inside a word"
	}
	return strings.TrimPrefix(err.Error(), "segments: ")
}

// resegmented rebuilds the index-keyed state after segments from i on
// moved by delta (1: i was split, -1: i+1 was merged into i): rows and
// their cache, progress, hits, matches, MT, findings (moved), the changed
// list (moved), and drops what cannot follow (filter, search matches,
// the bulk undo, glossary cycling), then checks the confirmed segments
// again.
func (m *Model) resegmented(i, delta int) tea.Cmd {
	n := len(m.doc.Segments)
	t := m.table
	t.ver = make([]int, n)
	t.cache.rows, t.cache.cur = map[int]*rowEntry{}, nil
	if m.flt.active {
		m.dropFilter()
	}
	*m.prog = newProgress(m.doc, m.opts.WordCount)
	m.hits.reset()
	m.matches.setMemory(m.matches.mem)
	m.mtx.entries, m.mtx.asked = map[int]mtEntry{}, -1
	m.mtx.ver++
	m.issues.shift(i, delta)
	m.changed = shiftIndexes(m.changed, i, delta)
	m.search.gen++
	m.search.matches = nil
	m.bulk, m.lastHit = nil, nil
	m.paneCache = &paneCache{}
	m.cur = min(m.cur, n-1)
	m.doc.Cursor = m.cur
	m.qaGen++
	return m.checkConfirmed(m.qaGen)
}

// shiftIndexes moves the indexes of list (sorted) after segment i by
// delta: a split at i adds one; a merge of i+1 into i drops i+1.
func shiftIndexes(list []int, i, delta int) []int {
	out := list[:0:0]
	for _, j := range list {
		switch {
		case j <= i:
			out = append(out, j)
		case delta < 0 && j == i+1:
		default:
			out = append(out, j+delta)
		}
	}
	return out
}

// shift moves the findings after segment i by delta, and drops those of
// the segments that changed (i, and i+1 on a merge).
func (s *issueStore) shift(i, delta int) {
	moved := make(map[int][]qa.Issue, len(s.issues))
	for j, is := range s.issues {
		switch {
		case j < i:
			moved[j] = is
		case j == i || delta < 0 && j == i+1:
		default:
			// A finding names its segment (ignoring it records where).
			c := append([]qa.Issue(nil), is...)
			for k := range c {
				c[k].Segment = j + delta
			}
			moved[j+delta] = c
		}
	}
	s.issues = moved
	s.ver++
}
