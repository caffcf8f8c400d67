package tui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/qa"
	"github.com/trad-project/trad/segments"
)

// Findings are kept in memory only, so a reopened project would show no
// `!` until each segment is confirmed again. checkConfirmed checks every
// confirmed segment once the glossary is known, in a command.

// qaAllMsg carries the findings of checkConfirmed's run. gen tags the run so
// the results of an older one (an earlier finder) are dropped; targets are
// the texts checked, so a segment changed while the command ran keeps the
// findings of its new text. hits are the glossary hits the run had to
// compute, for the hit cache when hitGen is still current.
type qaAllMsg struct {
	gen     int
	targets map[int]string
	issues  map[int][]qa.Issue
	hitGen  int
	hits    map[int][]glossary.Hit
}

// checkConfirmed returns a command running the quality checks on a snapshot
// of the confirmed segments, with their glossary hits (from the cache, or
// computed in the command: the finder is safe for concurrent use), or nil
// when no segment is confirmed. gen tags the result.
func (m *Model) checkConfirmed(gen int) tea.Cmd {
	var segs []segments.Segment
	var idx []int
	known := map[int][]glossary.Hit{}
	for i := range m.doc.Segments {
		s := &m.doc.Segments[i]
		if !s.Status.Confirmed() {
			continue
		}
		segs, idx = append(segs, *s), append(idx, i)
		if m.hits.known(i) {
			known[i] = m.hits.get(i)
		}
	}
	if len(segs) == 0 {
		return nil
	}
	f, hitGen := m.finder, m.hits.gen
	ctx := qa.Context{SourceLang: m.doc.SourceLang.String(), TargetLang: m.doc.TargetLang.String(), Config: m.cfg.QA}
	return func() tea.Msg {
		msg := qaAllMsg{gen: gen, hitGen: hitGen, targets: make(map[int]string, len(segs)),
			issues: map[int][]qa.Issue{}, hits: map[int][]glossary.Hit{}}
		for k, s := range segs {
			i := idx[k]
			hs, ok := known[i]
			if !ok && f != nil {
				hs = validHits(f.Match(s.Source), len(s.Source))
				msg.hits[i] = hs
			}
			c := ctx
			c.Hits = hs
			is := qa.Check(s, c)
			for j := range is {
				is[j].Segment = i
			}
			msg.targets[i] = s.Target
			if len(is) > 0 {
				msg.issues[i] = is
			}
		}
		return msg
	}
}

// onQAAll records a checkConfirmed run's findings and says once, in the
// status line, how many there are.
func (m *Model) onQAAll(msg qaAllMsg) tea.Cmd {
	if msg.gen != m.qaGen {
		return nil
	}
	if len(msg.hits) > 0 {
		for _, i := range m.hits.store(hitsMsg{gen: msg.hitGen, hits: msg.hits}) {
			m.table.touch(i)
		}
	}
	var all []qa.Issue
	for i, t := range msg.targets {
		if i >= len(m.doc.Segments) {
			continue
		}
		s := &m.doc.Segments[i]
		if s.Target != t || !s.Status.Confirmed() {
			// Changed since the snapshot: confirm checked the new text,
			// or it is no longer confirmed.
			continue
		}
		is := msg.issues[i]
		had := m.issues.hasError(i)
		m.issues.set(i, is)
		if had != m.issues.hasError(i) {
			m.table.touch(i)
		}
		all = append(all, is...)
	}
	if len(all) == 0 {
		return nil
	}
	note := fmt.Sprintf("QA: %s in %d segment%s", countSummary(all), len(msg.targets), plural(len(msg.targets)))
	if m.status.sticky && m.status.msg != "" {
		// Keep start-up notices and save errors in view.
		m.status.set(m.status.msg+" · "+note, true)
		return nil
	}
	return m.flash(note)
}
