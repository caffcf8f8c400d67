package glossary

// entryBlocks hands out entries and their terms from blocks, for the
// TSV/CSV and TBX readers: a million entries made three million small
// allocations, and a map each (see Terms).
type entryBlocks struct {
	ents  []Entry
	cells []string
	// terms gathers the terms of the entry being read, for takeTerms;
	// intern shares the entries' language descriptions.
	terms  termsBuilder
	intern map[string]string
}

// slabSize is the number of entries or cells allocated at once.
const slabSize = 512

// newEntry returns a new entry read at line of file, and forgets the
// terms of an entry that was not finished (a TBX file cut short).
func (b *entryBlocks) newEntry(file string, line int) *Entry {
	if len(b.ents) == 0 {
		b.ents = make([]Entry, slabSize)
	}
	e := &b.ents[0]
	b.ents = b.ents[1:]
	e.Origin = Origin{File: file, Line: line}
	b.terms.reset()
	return e
}

// addTerm adds term in lang to the entry being read.
func (b *entryBlocks) addTerm(lang, term string) { b.terms.add(lang, term) }

// takeTerms returns the terms added since newEntry, laid out in a block.
func (b *entryBlocks) takeTerms() Terms {
	if b.intern == nil {
		b.intern = make(map[string]string)
	}
	n := b.terms.count
	if n > len(b.cells) {
		if n > slabSize/8 {
			return b.terms.take(make([]string, 0, n), b.intern)
		}
		b.cells = make([]string, slabSize)
	}
	terms := b.cells[:0:n]
	b.cells = b.cells[n:]
	return b.terms.take(terms, b.intern)
}
