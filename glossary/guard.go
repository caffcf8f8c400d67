package glossary

import (
	"fmt"
	"strings"
)

// A guard keeps an ambiguous term (a homograph) to the contexts where it has
// the entry's sense. It extends the matcher's other guards (capitals: a name
// does not match a lower-case word; all-caps words match only as written)
// with words of the segment:
//
//	near: fonderie | puce | semi-conducteur
//	not: marché | lit
//	near: salaire | salarié; not: fonderie
//
// A "near" clause needs a form of one of its words somewhere in the
// segment, a "not" clause none of its words. Clauses are separated by ";"
// and all must hold. Words are single words of the source language,
// compared as the matcher compares a term's words (case, accents of
// capitals aside, and inflection: "puce" accepts "puces").
//
// When several entries give the same source term, the hit belongs to the
// first guarded one whose guard holds, else to the first unguarded one
// (the default sense); its targets are those of the entries of the same
// kind: "SMIC" is the foundry near "fonderie", the minimum wage elsewhere.

// Guard is a parsed guard.
type Guard struct {
	Near [][]string // each clause: one of its words must be in the segment
	Not  []string   // none of these may be
}

// ParseGuard reads the guard syntax above. The empty string is no guard.
func ParseGuard(s string) (Guard, error) {
	var g Guard
	for _, clause := range strings.Split(s, ";") {
		clause = strings.TrimSpace(clause)
		if clause == "" {
			continue
		}
		kind, list, ok := strings.Cut(clause, ":")
		if !ok {
			return g, fmt.Errorf("guard clause %q: want \"near: w1 | w2\" or \"not: w1 | w2\"", clause)
		}
		var words []string
		for _, w := range strings.Split(list, "|") {
			w = strings.TrimSpace(w)
			if w == "" {
				continue
			}
			if strings.ContainsFunc(w, func(r rune) bool { return r == ' ' || r == '\t' || isHyphen(r) }) {
				return g, fmt.Errorf("guard word %q: guard words are single words (of a compound, write one part)", w)
			}
			words = append(words, cleanTerm(w))
		}
		if len(words) == 0 {
			return g, fmt.Errorf("guard clause %q has no word", clause)
		}
		switch strings.ToLower(strings.TrimSpace(kind)) {
		case "near":
			g.Near = append(g.Near, words)
		case "not":
			g.Not = append(g.Not, words...)
		default:
			return g, fmt.Errorf("guard clause %q: unknown kind %q (want near or not)", clause, strings.TrimSpace(kind))
		}
	}
	return g, nil
}

// cguard is a guard compiled for one analyzer: each word as its fold and
// index key.
type cguard struct {
	near [][]gword
	not  []gword
}

// gword is a guard word: its fold, and the index keys of its forms (as a
// noun, adjective or verb: "turc" finds "turques").
type gword struct {
	fold string
	keys []string
}

func (m *Matcher) compileGuard(s string, stemOf func(string) string) *cguard {
	if s == "" {
		return nil
	}
	g, err := ParseGuard(s)
	if err != nil {
		// Readers warn about a bad guard; an entry built in code with
		// one matches nowhere rather than everywhere.
		return &cguard{near: [][]gword{nil}}
	}
	word := func(w string) gword {
		f := fold(w)
		g := gword{fold: f}
		for _, k := range []wordKind{kindAdj, kindNounVerb} {
			for _, key := range m.formKeys(f, stemOf(f), k, false, stemOf) {
				if !contains(g.keys, key) {
					g.keys = append(g.keys, key)
				}
			}
		}
		return g
	}
	cg := &cguard{}
	for _, clause := range g.Near {
		var ws []gword
		for _, w := range clause {
			ws = append(ws, word(w))
		}
		cg.near = append(cg.near, ws)
	}
	for _, w := range g.Not {
		cg.not = append(cg.not, word(w))
	}
	return cg
}

// segWords indexes the words of the segment being matched by key, built
// on the first guard checked.
func (m *Matcher) segWords(b *matchBuf) map[string][]string {
	if b.words != nil {
		return b.words
	}
	b.words = make(map[string][]string, len(b.toks))
	for j := range b.toks {
		k := wordKey(m.stemAt(b, j))
		b.words[k] = append(b.words[k], b.toks[j].Fold)
	}
	return b.words
}

// has reports whether the segment holds a form of w.
func (m *Matcher) has(b *matchBuf, w gword) bool {
	words := m.segWords(b)
	for _, key := range w.keys {
		for _, f := range words[key] {
			if f == w.fold || m.a.para.sameWord(w.fold, f, kindAdj) || m.a.para.sameWord(w.fold, f, kindNounVerb) {
				return true
			}
		}
	}
	return false
}

// holds reports whether guard g (nil: none) holds in the segment.
func (m *Matcher) holds(b *matchBuf, g *cguard) bool {
	if g == nil {
		return true
	}
	for _, w := range g.not {
		if m.has(b, w) {
			return false
		}
	}
	for _, clause := range g.near {
		ok := false
		for _, w := range clause {
			if m.has(b, w) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// pick returns the index of the hit's entry among ct's: the first
// guarded entry whose guard holds, else the first unguarded one (-1:
// none). An unguarded entry is the default sense of a homograph, which a
// guarded sense replaces where its context is found.
func (m *Matcher) pick(b *matchBuf, ct *cterm) int {
	if ct.x == 0 || m.extra[ct.x-1].guards == nil {
		return 0
	}
	def := -1
	for k, g := range m.extra[ct.x-1].guards {
		switch {
		case g == nil:
			if def < 0 {
				def = k
			}
		case m.holds(b, g):
			return k
		}
	}
	return def
}

// entryAt returns the index in m.ents of the k-th entry giving ct.
func (m *Matcher) entryAt(ct *cterm, k int) int32 {
	if ct.x == 0 {
		return ct.entry
	}
	return m.extra[ct.x-1].entries[k]
}

// targets returns the targets of the hit whose entry is ct's k-th: those
// of every entry of the same kind (guarded and holding, or unguarded), in
// priority order.
func (m *Matcher) targets(b *matchBuf, ct *cterm, k int) []string {
	if ct.x == 0 {
		// A term of one entry keeps no copy of its targets.
		return m.ents[ct.entry].targetIn(m.tgt)
	}
	x := &m.extra[ct.x-1]
	if x.guards == nil {
		return x.targets
	}
	guarded := x.guards[k] != nil
	var out []string
	for j, en := range x.entries {
		if g := x.guards[j]; (g != nil) != guarded || g != nil && !m.holds(b, g) {
			continue
		}
		for _, t := range m.ents[en].targetIn(m.tgt) {
			if !contains(out, t) {
				out = append(out, t)
			}
		}
	}
	return out
}
