package glossary

import (
	"encoding/binary"
	"iter"
	"maps"
	"slices"
)

// Terms holds an entry's terms by language, languages in the order they
// were added. It replaces a map[string][]string, which cost about 400
// bytes an entry (a Go map of two keys takes a whole 8-slot group): two
// thirds of what a glossary of a million entries held (issue 15). Terms
// keeps every language's terms in one slice and describes the languages
// in a short string that the readers share between entries ("fr" 1 term,
// "en" 2 terms), so a two-language entry costs 40 bytes and its terms'
// string headers. An entry has a handful of languages: reading the
// description is as fast as hashing. The zero value is empty.
//
// Get returns a slice of the terms themselves, capped so that appending
// to it copies; Set and Add never write where an earlier Get or a copy of
// the Entry can see, so a copied Entry's Terms is independent.
type Terms struct {
	// terms holds the terms of each language in turn.
	terms []string
	// index describes the languages in order: for each, its length
	// (uvarint), its name, and how many terms it has (uvarint).
	index string
}

// langSpan is one language of an index: its name and its terms'
// positions in Terms.terms.
type langSpan struct {
	lang       string
	start, end int
}

// spans yields the languages of t in order.
func (t Terms) spans() iter.Seq[langSpan] {
	return func(yield func(langSpan) bool) {
		start := 0
		for p := 0; p < len(t.index); {
			n, q := uvarint(t.index, p)
			lang := t.index[q : q+n]
			count, r := uvarint(t.index, q+n)
			if !yield(langSpan{lang, start, start + count}) {
				return
			}
			start += count
			p = r
		}
	}
}

// uvarint decodes the unsigned varint (as binary.AppendUvarint writes
// it) at s[p:] and returns it and the position after it. binary.Uvarint
// reads a []byte, which the index is not.
func uvarint(s string, p int) (int, int) {
	v, shift := 0, 0
	for {
		b := s[p]
		p++
		v |= int(b&0x7f) << shift
		if b < 0x80 {
			return v, p
		}
		shift += 7
	}
}

// appendLang appends the description of lang with count terms to index.
func appendLang(index []byte, lang string, count int) []byte {
	index = binary.AppendUvarint(index, uint64(len(lang)))
	index = append(index, lang...)
	return binary.AppendUvarint(index, uint64(count))
}

// find returns the span of lang.
func (t Terms) find(lang string) (langSpan, bool) {
	for s := range t.spans() {
		if s.lang == lang {
			return s, true
		}
	}
	return langSpan{}, false
}

// Get returns the terms in lang, compared exactly (Entry.Lang compares
// base languages), or nil when it has none.
func (t Terms) Get(lang string) []string {
	if s, ok := t.find(lang); ok && s.end > s.start {
		return t.terms[s.start:s.end:s.end]
	}
	return nil
}

// Has reports whether lang was given, even with no term.
func (t Terms) Has(lang string) bool {
	_, ok := t.find(lang)
	return ok
}

// Len returns the number of languages.
func (t Terms) Len() int {
	n := 0
	for range t.spans() {
		n++
	}
	return n
}

// Langs returns the languages in the order they were added.
func (t Terms) Langs() []string {
	var out []string
	for s := range t.spans() {
		out = append(out, s.lang)
	}
	return out
}

// All yields each language and its terms, in the order of Langs.
func (t Terms) All() iter.Seq2[string, []string] {
	return func(yield func(string, []string) bool) {
		for s := range t.spans() {
			var ts []string
			if s.end > s.start {
				ts = t.terms[s.start:s.end:s.end]
			}
			if !yield(s.lang, ts) {
				return
			}
		}
	}
}

// Set makes a copy of ts the terms in lang, replacing any it had; a new
// language comes after the others.
func (t *Terms) Set(lang string, ts []string) { t.update(lang, ts, true) }

// Add appends term to the terms in lang.
func (t *Terms) Add(lang, term string) { t.update(lang, []string{term}, false) }

// update rebuilds t, in new memory, with ts replacing (or, unless
// replace, following) the terms of lang.
func (t *Terms) update(lang string, ts []string, replace bool) {
	var b termsBuilder
	for s := range t.spans() {
		if replace && s.lang == lang {
			b.add(lang) // keeps its place
		} else {
			b.add(s.lang, t.terms[s.start:s.end]...)
		}
	}
	b.add(lang, ts...)
	*t = b.take(make([]string, 0, b.count), nil)
}

// NewTerms returns the terms of m, languages in sorted order so that a
// literal always gives the same Terms (and writers the same output).
func NewTerms(m map[string][]string) Terms {
	var b termsBuilder
	for _, lang := range slices.Sorted(maps.Keys(m)) {
		b.add(lang, m[lang]...)
	}
	return b.take(make([]string, 0, b.count), nil)
}

// termsBuilder gathers an entry's terms by language, in any order, for
// take to lay out as a Terms. The readers keep one and reuse its memory
// from entry to entry.
type termsBuilder struct {
	langs []langTerms
	n     int // languages in use
	count int // terms in all
	index []byte
}

// langTerms is the terms of one language, preferred term first.
type langTerms struct {
	lang  string
	terms []string
}

// add appends ts to the terms of lang (and gives lang, even when ts is
// empty).
func (b *termsBuilder) add(lang string, ts ...string) {
	b.count += len(ts)
	for i := range b.langs[:b.n] {
		if b.langs[i].lang == lang {
			b.langs[i].terms = append(b.langs[i].terms, ts...)
			return
		}
	}
	if b.n == len(b.langs) {
		b.langs = append(b.langs, langTerms{})
	}
	l := &b.langs[b.n]
	l.lang, l.terms = lang, append(l.terms[:0], ts...)
	b.n++
}

// take returns the gathered terms, copied to terms (whose capacity must
// hold them), and empties b. The index is looked up in intern, when not
// nil, and added to it, so that entries share it.
func (b *termsBuilder) take(terms []string, intern map[string]string) Terms {
	b.index = b.index[:0]
	for _, l := range b.langs[:b.n] {
		terms = append(terms, l.terms...)
		b.index = appendLang(b.index, l.lang, len(l.terms))
	}
	b.reset()
	if len(b.index) == 0 {
		return Terms{}
	}
	index, ok := intern[string(b.index)]
	if !ok {
		index = string(b.index)
		if intern != nil && len(intern) < maxInterned {
			intern[index] = index
		}
	}
	return Terms{terms: slices.Clip(terms), index: index}
}

// reset empties b.
func (b *termsBuilder) reset() {
	for i := range b.langs[:b.n] {
		clear(b.langs[i].terms) // let the strings go
		b.langs[i].terms = b.langs[i].terms[:0]
	}
	b.n, b.count = 0, 0
}

// maxInterned bounds the distinct language descriptions a reader shares:
// a file has a few, a hostile one may have a new one on every line.
const maxInterned = 1024
