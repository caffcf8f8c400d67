package glossary

import (
	"iter"
	"sort"
)

// Terms holds an entry's terms by language, languages in the order they
// were added. It replaces a map[string][]string: a Go map of two keys
// takes a whole 8-slot group, about 400 bytes, which was two thirds of what
// a glossary of a million entries held (issue 15); a slice of two
// LangTerms takes 80 bytes and the readers hand those out from blocks.
// An entry has a handful of languages, so a linear search is as fast as
// hashing. The zero value is empty and ready to use.
//
// Like the map it replaces, a Terms copied with its Entry shares the terms
// with the original: copy an entry's Terms before changing one of them.
type Terms struct {
	l []LangTerms
}

// LangTerms is the terms of one language, preferred term first.
type LangTerms struct {
	// Lang is a BCP 47 base language ("fr", "en", "zh"), or LangSource or
	// LangTarget for the unnamed columns of OmegaT's two-column layout.
	Lang  string
	Terms []string
}

// NewTerms returns the terms of m, languages in sorted order so that
// a literal always gives the same Terms (and writers the same output).
func NewTerms(m map[string][]string) Terms {
	if len(m) == 0 {
		return Terms{}
	}
	l := make([]LangTerms, 0, len(m))
	for lang, ts := range m {
		l = append(l, LangTerms{Lang: lang, Terms: ts})
	}
	sort.Slice(l, func(i, j int) bool { return l[i].Lang < l[j].Lang })
	return Terms{l: l}
}

// find returns the index of lang, or -1.
func (t Terms) find(lang string) int {
	for i := range t.l {
		if t.l[i].Lang == lang {
			return i
		}
	}
	return -1
}

// Get returns the terms in lang, compared exactly (see Entry.Lang for
// base-language lookup); nil when there are none.
func (t Terms) Get(lang string) []string {
	if i := t.find(lang); i >= 0 {
		return t.l[i].Terms
	}
	return nil
}

// Has reports whether lang was set, even to no term.
func (t Terms) Has(lang string) bool { return t.find(lang) >= 0 }

// Set makes ts the terms in lang, replacing any it had; a new language
// comes after the others.
func (t *Terms) Set(lang string, ts []string) {
	if i := t.find(lang); i >= 0 {
		t.l[i].Terms = ts
		return
	}
	t.l = append(t.l, LangTerms{Lang: lang, Terms: ts})
}

// Add appends term to the terms in lang.
func (t *Terms) Add(lang, term string) {
	if i := t.find(lang); i >= 0 {
		t.l[i].Terms = append(t.l[i].Terms, term)
		return
	}
	t.l = append(t.l, LangTerms{Lang: lang, Terms: []string{term}})
}

// Len returns the number of languages.
func (t Terms) Len() int { return len(t.l) }

// Langs returns the languages in the order they were added.
func (t Terms) Langs() []string {
	out := make([]string, len(t.l))
	for i := range t.l {
		out[i] = t.l[i].Lang
	}
	return out
}

// All yields each language and its terms, in the order of Langs.
func (t Terms) All() iter.Seq2[string, []string] {
	return func(yield func(string, []string) bool) {
		for _, lt := range t.l {
			if !yield(lt.Lang, lt.Terms) {
				return
			}
		}
	}
}
