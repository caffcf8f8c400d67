package tui

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/trad-project/trad/internal/textfold"
	"github.com/trad-project/trad/segments"
)

// searchMsg is the result of searchCmd: the segments whose source or target
// contains the query. gen tags the search so an older result is dropped.
type searchMsg struct {
	gen     int
	query   string
	matches []int
}

// searchCmd searches sources and targets off the UI goroutine; the slices
// are the caller's snapshot and are only read.
func searchCmd(gen int, query string, sources, targets []string) tea.Cmd {
	return func() tea.Msg {
		q := textfold.Loose(query)
		var out []int
		for i := range sources {
			if strings.Contains(textfold.Loose(sources[i]), q) || (targets[i] != "" && strings.Contains(textfold.Loose(targets[i]), q)) {
				out = append(out, i)
			}
		}
		return searchMsg{gen: gen, query: query, matches: out}
	}
}

// search is the "/" prompt and the list of its matches, walked with
// ctrl+n and ctrl+p. It owns the text typed, the search's generation (a
// newer search drops an older one's result), the last query and its
// matches, and the highlighter the table draws them with. It reads the
// document to search a snapshot of it, in a command.
type search struct {
	prompt
	doc     *segments.Document
	hl      *highlighter
	gen     int
	query   string
	matches []int
}

func newSearch(st *Styles, doc *segments.Document, hl *highlighter) search {
	return search{prompt: newPrompt(st, "/", "search source and target", "search"), doc: doc, hl: hl}
}

// foundIntent asks the root to redraw the rows whose highlights changed
// and to jump to the first match at or after the cursor.
type foundIntent struct{ redraw []int }

// Update implements component: keys edit the query, enter starts the
// search in a command, and its result (searchMsg) comes back here.
func (s *search) Update(msg tea.Msg) (tea.Msg, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		q, res, cmd := s.handle(msg)
		if res == promptEditing {
			return nil, cmd
		}
		if q = strings.TrimSpace(q); q == "" || res == promptCancelled {
			return closeIntent{}, nil
		}
		s.gen++
		n := len(s.doc.Segments)
		src, tgt := make([]string, n), make([]string, n)
		for i := range s.doc.Segments {
			src[i], tgt[i] = s.doc.Segments[i].Source, s.doc.Segments[i].Target
		}
		return closeIntent{}, searchCmd(s.gen, q, src, tgt)
	case searchMsg:
		if msg.gen != s.gen {
			return nil, nil
		}
		var redraw []int
		if s.hl.setQuery(msg.query) {
			// Rows drawn with the old query's highlights, and those that
			// get the new ones, must be drawn again.
			redraw = append(append(redraw, s.matches...), msg.matches...)
		}
		s.query, s.matches = msg.query, msg.matches
		return foundIntent{redraw}, nil
	}
	return nil, nil
}

// jump returns the match to go to from cur: the first at or after it
// (dir 0), the next after it (1) or the one before it (-1), wrapping
// around, and the message saying which; seg is -1 when there is none.
func (s *search) jump(cur, dir int, t *table) (seg int, note string) {
	if s.query == "" {
		return -1, "no search yet: press / to search"
	}
	ms := s.matches
	if t != nil && t.filtered() {
		// With a filter on, only the matches shown count.
		ms = shownOf(t, ms)
	}
	var pos int
	if dir == 0 {
		seg, pos = nextMatch(ms, cur-1, 1)
	} else {
		seg, pos = nextMatch(ms, cur, dir)
	}
	if seg < 0 {
		if len(ms) < len(s.matches) {
			return -1, fmt.Sprintf("no match for %q among the filtered segments", s.query)
		}
		return -1, fmt.Sprintf("no match for %q", s.query)
	}
	return seg, fmt.Sprintf("match %d/%d for %q", pos+1, len(ms), s.query)
}

// nextMatch returns the first of matches after cur (before it when dir < 0), wrapping
// around, and its position among the matches; -1 when there is none.
func nextMatch(matches []int, cur, dir int) (seg, pos int) {
	n := len(matches)
	if n == 0 {
		return -1, -1
	}
	if dir >= 0 {
		for i, m := range matches {
			if m > cur {
				return m, i
			}
		}
		return matches[0], 0
	}
	for i := n - 1; i >= 0; i-- {
		if matches[i] < cur {
			return matches[i], i
		}
	}
	return matches[n-1], n - 1
}

// highlighter finds the current search query in row texts, with the same
// key as the search (textfold.Loose), so the rows show what the search
// matched.
type highlighter struct {
	st lipgloss.Style
	q  string // folded query; "" highlights nothing
}

// setQuery changes the query; it reports whether it changed.
func (h *highlighter) setQuery(q string) bool {
	fq := ""
	if q != "" {
		fq = textfold.Loose(q)
	}
	if fq == h.q {
		return false
	}
	h.q = fq
	return true
}

// spans returns the byte spans of text matching the query.
func (h *highlighter) spans(text string) []span {
	if h == nil || h.q == "" || text == "" {
		return nil
	}
	// Fold a letter and its combining marks at a time, remembering where
	// each folded byte came from, so matches map back to the original text
	// whatever folding did to lengths.
	var folded strings.Builder
	var from []int // folded byte -> original byte offset of its letter
	var ends []int // folded byte -> original end of its letter and marks
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf && (i+1 == len(text) || text[i+1] < utf8.RuneSelf) {
			// ASCII without a combining mark after it: its key is
			// itself in lower case (textfold.Loose), without a call.
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			folded.WriteByte(c)
			from = append(from, i)
			ends = append(ends, i+1)
			i++
			continue
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		end := i + size
		for end < len(text) {
			r, n := utf8.DecodeRuneInString(text[end:])
			if !unicode.Is(unicode.Mn, r) {
				break
			}
			end += n
		}
		k := textfold.Loose(text[i:end])
		for range len(k) {
			from = append(from, i)
			ends = append(ends, end)
		}
		folded.WriteString(k)
		i = end
	}
	fs := folded.String()
	var out []span
	for pos := 0; pos < len(fs); {
		j := strings.Index(fs[pos:], h.q)
		if j < 0 {
			break
		}
		a, b := pos+j, pos+j+len(h.q)
		s, e := from[a], ends[b-1]
		if n := len(out); n > 0 && out[n-1].end > s {
			s = out[n-1].end
		}
		if s < e {
			out = append(out, span{s, e, h.st})
		}
		pos = b
	}
	return out
}
