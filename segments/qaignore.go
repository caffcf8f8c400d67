package segments

import (
	"slices"
	"time"
)

// QAIgnore records that a QA issue of a segment was ignored: which one, by
// whom and when. The qa package computes Key, stable across runs for the
// same finding, so an ignored issue stays ignored until what it is about
// changes.
type QAIgnore struct {
	Check string    `json:"check"`
	Key   string    `json:"key"`
	Who   string    `json:"who,omitempty"`
	When  time.Time `json:"when,omitzero"`
}

// QAIgnores are a segment's ignored QA issues. Segment holds them through a
// pointer and never changes a list in place: a Document clone (a save's
// snapshot) may share it.
type QAIgnores []QAIgnore

// IgnoredQA returns the record of the ignored issue check/key, or nil.
func (s *Segment) IgnoredQA(check, key string) *QAIgnore {
	if s.QAIgnored == nil {
		return nil
	}
	for i := range *s.QAIgnored {
		if r := &(*s.QAIgnored)[i]; r.Check == check && r.Key == key {
			return r
		}
	}
	return nil
}

// IgnoreQA records issue check/key as ignored by who at now (UTC). It
// reports false when it was already ignored (the first record is kept).
func (s *Segment) IgnoreQA(check, key, who string, now time.Time) bool {
	if s.IgnoredQA(check, key) != nil {
		return false
	}
	var old QAIgnores
	if s.QAIgnored != nil {
		old = *s.QAIgnored
	}
	l := append(slices.Clip(old), QAIgnore{Check: check, Key: key, Who: who, When: now.UTC()})
	s.QAIgnored = &l
	return true
}

// UnignoreQA forgets that issue check/key was ignored and reports whether it
// was.
func (s *Segment) UnignoreQA(check, key string) bool {
	if s.QAIgnored == nil {
		return false
	}
	old := *s.QAIgnored
	for i, r := range old {
		if r.Check == check && r.Key == key {
			if len(old) == 1 {
				s.QAIgnored = nil
				return true
			}
			l := slices.Delete(slices.Clone(old), i, i+1)
			s.QAIgnored = &l
			return true
		}
	}
	return false
}

// mergeQAIgnores merges the ignored issues of two sides of a segment, each
// with its own base: an ignore added on either side is kept, one removed on
// either side since its base is dropped. It reports whether the result
// differs from mine.
func mergeQAIgnores(mine, theirs, mineBase, theirsBase *QAIgnores) (*QAIgnores, bool) {
	list := func(p *QAIgnores) QAIgnores {
		if p == nil {
			return nil
		}
		return *p
	}
	has := func(l QAIgnores, r QAIgnore) bool {
		return slices.ContainsFunc(l, func(x QAIgnore) bool { return x.Check == r.Check && x.Key == r.Key })
	}
	m, t, mb, tb := list(mine), list(theirs), list(mineBase), list(theirsBase)
	var out QAIgnores
	keep := func(r QAIgnore) {
		removedByMe := has(mb, r) && !has(m, r)
		removedByThem := has(tb, r) && !has(t, r)
		if !removedByMe && !removedByThem && !has(out, r) {
			out = append(out, r)
		}
	}
	for _, r := range m {
		keep(r)
	}
	for _, r := range t {
		keep(r)
	}
	changed := len(out) != len(m)
	for _, r := range out {
		if !has(m, r) {
			changed = true
		}
	}
	if !changed {
		return mine, false
	}
	if len(out) == 0 {
		return nil, true
	}
	return &out, true
}

// sameQAIgnores reports whether a and b ignore the same issues.
func sameQAIgnores(a, b *QAIgnores) bool {
	if a == nil || b == nil {
		return (a == nil || len(*a) == 0) && (b == nil || len(*b) == 0)
	}
	return slices.EqualFunc(*a, *b, func(x, y QAIgnore) bool { return x.Check == y.Check && x.Key == y.Key })
}
