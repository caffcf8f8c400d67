package glossary

import (
	"bytes"
	"fmt"
	"hash/maphash"

	"github.com/trad-project/trad/internal/script"
)

// Duplicates reports the source terms (in language from) that two entries
// of one file give: `trad glossary check` warns about them. Terms are
// compared by their words as written (case kept, an elided article dropped,
// spaces, hyphens and punctuation between words ignored: "chef-d'œuvre" and
// "chef d'œuvre" are one term). Each repeat is a warning at the repeating
// entry's line naming the first one's.
func Duplicates(g *Glossary, from string) []Warning {
	seed := maphash.MakeSeed()
	return duplicates(g, from, func(b []byte) uint64 { return maphash.Bytes(seed, b) })
}

// duplicates is Duplicates with a given hash (tests make every key collide).
func duplicates(g *Glossary, from string, hash func([]byte) uint64) []Warning {
	if g == nil {
		return nil
	}
	d := dupFinder{a: NewAnalyzer(from), from: from, ents: g.Entries(), hash: hash}
	// The first occurrence of each term is kept as a hash and a
	// reference to it, not as a string key: at a million terms the
	// string-keyed map held 150 MB the collector scanned.
	d.seen = make(map[uint64]termRef, g.Len())
	var warns []Warning
	for i, e := range d.ents {
		for j, t := range e.Source(from) {
			ref := termRef{entry: int32(i), term: int32(j)}
			if prev, ok := d.first(ref); ok && prev != e.Origin.Line {
				warns = append(warns, Warning{File: e.Origin.File, Line: e.Origin.Line,
					Msg: fmt.Sprintf("source term %q already defined on line %d", t, prev)})
			}
		}
	}
	return warns
}

// termRef is source term term of entry entry.
type termRef struct{ entry, term int32 }

type dupFinder struct {
	a    *Analyzer
	from string
	ents []*Entry
	hash func([]byte) uint64
	seen map[uint64]termRef
	// exact holds, by key (which starts with the file), the terms whose
	// hash another key already had (nil until a collision, which is rare).
	exact map[string]int
	toks  []Token
	key   []byte
	other []byte
}

// first returns the line of the first entry of the same file giving
// ref's term, recording ref when it is the first.
func (d *dupFinder) first(ref termRef) (int, bool) {
	e := d.ents[ref.entry]
	d.key = d.appendKey(d.key[:0], e, ref.term)
	h := d.hash(d.key)
	prev, ok := d.seen[h]
	if !ok {
		d.seen[h] = ref
		return 0, false
	}
	pe := d.ents[prev.entry]
	d.other = d.appendKey(d.other[:0], pe, prev.term)
	if bytes.Equal(d.key, d.other) {
		return pe.Origin.Line, true
	}
	// Another term with the same hash: compare by strings.
	if d.exact == nil {
		d.exact = make(map[string]int)
	}
	k := string(d.key)
	if line, ok := d.exact[k]; ok {
		return line, true
	}
	d.exact[k] = e.Origin.Line
	return 0, false
}

// appendKey appends the comparison key of term j of e: its file, then
// its words as written separated by spaces.
func (d *dupFinder) appendKey(dst []byte, e *Entry, j int32) []byte {
	dst = append(dst, e.Origin.File...)
	dst = append(dst, 0)
	term := e.Source(d.from)[j]
	if plainWords(term) {
		return append(dst, term...) // its words as they are
	}
	// Only the words' texts are compared: tokens without stems
	// (stemming a million terms took most of the check's time).
	d.toks = d.a.appendTokens(d.toks[:0], term)
	for i, tk := range d.toks {
		if i > 0 {
			dst = append(dst, ' ')
		}
		dst = append(dst, tk.Text...)
	}
	return dst
}

// plainWords reports whether s is words (of no ideograph) separated by
// single spaces: the tokens' texts joined by spaces are then s itself,
// and most terms need no tokenizing.
func plainWords(s string) bool {
	space := true // before the first word, as after a space
	for _, r := range s {
		switch {
		case r == ' ':
			if space {
				return false
			}
			space = true
		case isWordRune(r) && !script.IsIdeograph(r):
			space = false
		default:
			return false
		}
	}
	return !space
}
