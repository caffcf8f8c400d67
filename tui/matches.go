package tui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/segments"
	"github.com/trad-project/trad/tm"
)

// maxShownMatches is how many translation-memory matches the pane shows and
// the f1…f3 keys reach.
const maxShownMatches = 3

// Resources are what the editor loads after its first frame: the glossary
// matcher and the translation memory. Options.Load returns them from a
// command, off the UI path.
type Resources struct {
	Hits   HitFinder
	Memory *tm.Memory
	// Glossary is the merged glossary Hits matches, for the QA project
	// context (qa.NewProject); Spell the target's spell checker (nil: off,
	// with a notice among Notices).
	Glossary *glossary.Glossary
	Spell    Speller
	Notices  []string
}

// resourcesMsg delivers Resources.
type resourcesMsg struct{ res Resources }

// matchesMsg carries the matches of one segment. ver is the memory version
// the lookup ran against: a result older than the memory is dropped.
type matchesMsg struct {
	seg, ver int
	matches  []tm.Match
}

type matchEntry struct {
	ver     int
	matches []tm.Match
}

// matchStore caches look-ups per segment. The cache is keyed by the memory
// version, which changes whenever a confirmed segment is added.
type matchStore struct {
	mem     *tm.Memory
	ver     int
	entries map[int]matchEntry
	pending map[int]int // segment -> version requested
	// units are segments confirmed before the memory arrived, added to it
	// when it does.
	units []tm.Unit
}

func newMatchStore(mem *tm.Memory) *matchStore {
	return &matchStore{mem: mem, entries: map[int]matchEntry{}, pending: map[int]int{}}
}

// known reports whether segment i's matches are up to date.
func (s *matchStore) known(i int) bool {
	e, ok := s.entries[i]
	return ok && e.ver == s.ver
}

func (s *matchStore) get(i int) []tm.Match {
	if e, ok := s.entries[i]; ok && e.ver == s.ver {
		return e.matches
	}
	return nil
}

// add puts units into the memory (or keeps them until it arrives) and
// invalidates the cached look-ups.
func (s *matchStore) add(units ...tm.Unit) {
	if len(units) == 0 {
		return
	}
	if s.mem == nil {
		s.units = append(s.units, units...)
		return
	}
	s.mem.Add(units...)
	s.ver++
}

// setMemory installs the loaded memory, with the units confirmed meanwhile.
func (s *matchStore) setMemory(mem *tm.Memory) {
	s.mem = mem
	s.ver++
	s.entries = map[int]matchEntry{}
	s.pending = map[int]int{}
	if mem != nil && len(s.units) > 0 {
		mem.Add(s.units...)
	}
	s.units = nil
}

// request returns a command looking segment seg up, or nil when its matches
// are known or on their way.
func (s *matchStore) request(seg int, src string, tags []segments.Tag, codes []segments.Code, ctx tm.Context, minScore int) tea.Cmd {
	if s.mem == nil || s.known(seg) {
		return nil
	}
	if len(src) > lookupMax {
		s.entries[seg] = matchEntry{ver: s.ver}
		return nil
	}
	if v, ok := s.pending[seg]; ok && v == s.ver {
		return nil
	}
	s.pending[seg] = s.ver
	mem, ver := s.mem, s.ver
	// One more than shown: a match equal to the segment's own translation
	// is hidden (see shownMatches).
	return func() tea.Msg {
		if len(tags) > 0 {
			return matchesMsg{seg: seg, ver: ver, matches: mem.LookupTagged(src, tags, codes, ctx, minScore, maxShownMatches+1)}
		}
		return matchesMsg{seg: seg, ver: ver, matches: mem.Lookup(src, ctx, minScore, maxShownMatches+1)}
	}
}

// store records msg; it reports false for a stale result.
func (s *matchStore) store(msg matchesMsg) bool {
	if v, ok := s.pending[msg.seg]; ok && v == msg.ver {
		delete(s.pending, msg.seg)
	}
	if msg.ver != s.ver {
		return false
	}
	s.entries[msg.seg] = matchEntry{ver: msg.ver, matches: msg.matches}
	return true
}

// shownMatches keeps the best three matches of segment i. A match equal to
// the segment's current translation stays (the pane marks it), so its diff
// is still there to check: a 98% match confirmed unchanged can carry a
// wrong date. Only the segment's own unit, which this project's memory
// holds once it is confirmed, is left out: it is not a match, it is the
// segment.
func (m *Model) shownMatches(i int) []tm.Match {
	seg := m.doc.Segments[i]
	all := m.matches.get(i)
	out := make([]tm.Match, 0, maxShownMatches)
	for _, x := range all {
		if len(out) == maxShownMatches {
			break
		}
		own := x.Origin == m.projectPath && x.Source == seg.Source && x.Target == seg.Target
		if !own || seg.Target == "" {
			out = append(out, x)
		}
	}
	return out
}

// hasMemory reports whether a memory is installed (it may still be loading).
func (s *matchStore) hasMemory() bool { return s.mem != nil }

// version changes whenever the memory does, for the pane cache.
func (s *matchStore) version() int { return s.ver }
