package align

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"

	"github.com/trad-project/trad/glossary"
)

// Dict is a bilingual dictionary reduced to word keys: the key of a source
// word (its folded five-letter prefix, see wordKey) gives the keys of its
// translations' words. Multi-word terms give each of their words, so
// "droit de douane" → "customs duty" links "droit" and "douane" to
// "custom" and "duty": a loose link, but one that only counts when the
// target sentence has the word.
type Dict struct {
	tr    map[uint32][]uint32
	vocab map[uint32]bool // target keys the dictionary produces
}

// NewDict builds the dictionary of glossary g from language src to tgt
// (BCP 47; compared by base language). Entries lacking either language are
// skipped. A nil or empty glossary gives an empty dictionary.
func NewDict(g *glossary.Glossary, src, tgt string) *Dict {
	d := &Dict{tr: map[uint32][]uint32{}, vocab: map[uint32]bool{}}
	f := newFolder()
	for _, e := range g.Entries() {
		ss, ts := e.Lang(src), e.Lang(tgt)
		if len(ss) == 0 || len(ts) == 0 {
			continue
		}
		var tkeys []uint32
		for _, t := range ts {
			tkeys = append(tkeys, termKeys(f, t)...)
		}
		for _, s := range ss {
			for _, k := range termKeys(f, s) {
				d.tr[k] = append(d.tr[k], tkeys...)
			}
		}
		for _, k := range tkeys {
			d.vocab[k] = true
		}
	}
	for k, v := range d.tr {
		d.tr[k] = sortedSet(v)
	}
	return d
}

// termKeys returns the keys of a term's words; the short words of a
// multi-word term ("de" in "droit de douane") are left out, as they would
// link every small word to every term.
func termKeys(f *folder, term string) []uint32 {
	toks := tokens(term, nil)
	var ks []uint32
	for _, t := range toks {
		if t.num {
			continue
		}
		k, long := wordKey(f.word(t.text))
		if long || len(toks) == 1 {
			ks = append(ks, k)
		}
	}
	return ks
}

// Len returns the number of source keys the dictionary translates.
func (d *Dict) Len() int {
	if d == nil {
		return 0
	}
	return len(d.tr)
}

func (d *Dict) lookup(k uint32) []uint32 {
	if d == nil {
		return nil
	}
	return d.tr[k]
}

func (d *Dict) produces(k uint32) bool { return d != nil && d.vocab[k] }

// coreTSV is the aligner's core vocabulary: frequent and function words of
// French, English and German, which the terminology glossaries lack and
// which every sentence has.
//
//go:embed data/core.tsv
var coreTSV []byte

// CoreName is the Origin.File of the core vocabulary's entries.
const CoreName = "align-core"

var core = sync.OnceValue(func() *glossary.Glossary {
	g, warns, err := glossary.Read(bytes.NewReader(coreTSV), CoreName, glossary.FormatTSVMulti)
	if err != nil || len(warns) > 0 {
		// The file is embedded and tested: this is a build defect.
		panic(fmt.Sprintf("align: core vocabulary: %v %v", err, warns))
	}
	return g
})

// WithCore returns g (which may be nil) followed by the aligner's core
// vocabulary: the dictionary the CLI builds from the loaded glossaries.
func WithCore(g *glossary.Glossary) *glossary.Glossary {
	return glossary.Merge(g, core())
}

// DefaultGlossary returns the built-in glossary with the core vocabulary.
func DefaultGlossary() *glossary.Glossary {
	return WithCore(glossary.Default())
}
