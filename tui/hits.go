package tui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/trad-project/trad/glossary"
)

// HitFinder finds glossary terms in a segment's source. *glossary.Matcher
// implements it; it must be safe for concurrent use because hits are
// computed in commands, off the UI goroutine.
type HitFinder interface {
	Match(text string) []glossary.Hit
}

// hitsMsg carries the hits of some segments, computed by hitsCmd. gen tags
// the finder they came from so results of a replaced finder are dropped.
type hitsMsg struct {
	gen  int
	hits map[int][]glossary.Hit
}

// hitStore caches hits per segment. Sources never change while editing, so
// an entry stays valid until the finder changes.
type hitStore struct {
	gen     int
	hits    map[int][]glossary.Hit
	pending map[int]bool
}

func newHitStore() *hitStore {
	return &hitStore{hits: map[int][]glossary.Hit{}, pending: map[int]bool{}}
}

// reset forgets every hit, for a new finder; results of the old one still
// on their way are dropped.
func (h *hitStore) reset() {
	h.gen++
	h.hits = map[int][]glossary.Hit{}
	h.pending = map[int]bool{}
}

func (h *hitStore) get(i int) []glossary.Hit { return h.hits[i] }

func (h *hitStore) known(i int) bool {
	_, ok := h.hits[i]
	return ok
}

// request returns a command computing the hits of the segments in want that
// are neither cached nor already requested, or nil.
func (h *hitStore) request(f HitFinder, sources map[int]string) tea.Cmd {
	if f == nil || len(sources) == 0 {
		return nil
	}
	todo := map[int]string{}
	for i, s := range sources {
		if h.pending[i] || h.known(i) {
			continue
		}
		if len(s) > lookupMax {
			// Not a sentence: no look-up, whose cost and hits would grow
			// with it.
			h.hits[i] = nil
			continue
		}
		h.pending[i] = true
		todo[i] = s
	}
	if len(todo) == 0 {
		return nil
	}
	gen := h.gen
	return func() tea.Msg {
		out := make(map[int][]glossary.Hit, len(todo))
		for i, s := range todo {
			out[i] = validHits(f.Match(s), len(s))
		}
		return hitsMsg{gen: gen, hits: out}
	}
}

// store records msg's hits and returns the segments it changed; stale
// messages are dropped.
func (h *hitStore) store(msg hitsMsg) []int {
	if msg.gen != h.gen {
		return nil
	}
	var changed []int
	for i, hs := range msg.hits {
		delete(h.pending, i)
		h.hits[i] = hs
		if len(hs) > 0 {
			changed = append(changed, i)
		}
	}
	return changed
}

// validHits keeps the hits whose spans fit the text, in order and without
// overlap, so a misbehaving finder cannot make rendering slice out of range.
func validHits(hs []glossary.Hit, n int) []glossary.Hit {
	out := hs[:0:0]
	last := 0
	for _, h := range hs {
		if h.Start < last || h.End > n || h.Start >= h.End {
			continue
		}
		out = append(out, h)
		last = h.End
	}
	return out
}
