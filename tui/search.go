package tui

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/trad-project/trad/segments"
)

// folder folds text for search: case folded, diacritics removed, ligatures
// and apostrophes unified, so "Etat" finds "État" and "coeur" finds "cœur".
// A folder is not safe for concurrent use; make one per goroutine.
type folder struct {
	t    transform.Transformer
	fold cases.Caser
	// runes caches each non-ASCII rune's folded form: folding is done
	// rune by rune (none of its steps looks across characters), and the
	// transform chain is slow enough to dominate a filter or a
	// concordance index over a large document.
	runes map[rune]string
}

func newFolder() *folder {
	return &folder{
		t:    transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC),
		fold: cases.Fold(),
	}
}

var ligatures = strings.NewReplacer("œ", "oe", "Œ", "oe", "æ", "ae", "Æ", "ae", "’", "'", "‘", "'", "ʼ", "'")

func (f *folder) key(s string) string {
	if isASCII(s) {
		// Nothing to decompose, no ligature: folding is lower-casing.
		return strings.ToLower(s)
	}
	if f.runes == nil {
		f.runes = map[rune]string{}
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
			continue
		}
		k, ok := f.runes[r]
		if !ok {
			k = f.slowKey(string(r))
			if len(f.runes) < folderCacheMax {
				f.runes[r] = k
			}
		}
		b.WriteString(k)
	}
	return b.String()
}

// folderCacheMax bounds a folder's rune cache (a CJK text has thousands
// of distinct characters).
const folderCacheMax = 1 << 16

// slowKey folds s through the whole chain.
func (f *folder) slowKey(s string) string {
	s = ligatures.Replace(s)
	if r, _, err := transform.String(f.t, s); err == nil {
		s = r
	}
	return f.fold.String(s)
}

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
		f := newFolder()
		q := f.key(query)
		var out []int
		for i := range sources {
			if strings.Contains(f.key(sources[i]), q) || (targets[i] != "" && strings.Contains(f.key(targets[i]), q)) {
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
// folding as the search, so the rows show what the search matched. It is
// used on the UI goroutine only (its folder is not safe for concurrent use).
type highlighter struct {
	st lipgloss.Style
	f  *folder
	q  string // folded query; "" highlights nothing
}

// setQuery changes the query; it reports whether it changed.
func (h *highlighter) setQuery(q string) bool {
	if h.f == nil {
		h.f = newFolder()
	}
	fq := ""
	if q != "" {
		fq = h.f.key(q)
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
	// Fold rune by rune, remembering where each folded byte came from, so
	// matches map back to the original text whatever folding did to lengths.
	var folded strings.Builder
	var from []int // folded byte -> original byte offset of its rune
	var ends []int // folded byte -> original end of its rune
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		k := h.f.key(string(r))
		end := i + size
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

// isASCII reports whether s has only ASCII bytes.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
