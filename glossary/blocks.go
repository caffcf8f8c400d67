package glossary

// entryBlocks hands out entries, language lists and one-term slices from
// blocks, for the TSV/CSV and TBX readers: a million entries made three
// million small allocations, and a map each (see Terms).
type entryBlocks struct {
	ents  []Entry
	langs []LangTerms
	cells []string
}

// slabSize is the number of entries or cells allocated at once.
const slabSize = 512

// newEntry returns a new entry read at line of file.
func (b *entryBlocks) newEntry(file string, line int) *Entry {
	if len(b.ents) == 0 {
		b.ents = make([]Entry, slabSize)
	}
	e := &b.ents[0]
	b.ents = b.ents[1:]
	e.Origin = Origin{File: file, Line: line}
	return e
}

// one returns a slice holding s, its capacity 1 so that an append (a
// synonym) copies it rather than writing over the next slice.
func (b *entryBlocks) one(s string) []string {
	if len(b.cells) == 0 {
		b.cells = make([]string, slabSize)
	}
	c := b.cells[:1:1]
	b.cells = b.cells[1:]
	c[0] = s
	return c
}

// addTerm appends term to e's terms in lang. An entry's first language
// comes with room for a second (most entries are a source and a target
// term), taken from a block; a third language copies them out.
func (b *entryBlocks) addTerm(e *Entry, lang, term string) {
	l := e.Terms.l
	if i := e.Terms.find(lang); i >= 0 {
		l[i].Terms = append(l[i].Terms, term)
		return
	}
	if l == nil {
		if len(b.langs) < 2 {
			b.langs = make([]LangTerms, 2*slabSize)
		}
		l = b.langs[:0:2]
		b.langs = b.langs[2:]
	}
	e.Terms.l = append(l, LangTerms{Lang: lang, Terms: b.one(term)})
}
