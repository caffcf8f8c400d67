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
// translations' words.
//
// A glossary pairs terms, not words: which word of "énergie propre"
// translates which word of "clean energy" is not written down. Linking
// every word of a multi-word term to every word of its translation ("propre"
// → "energy", "européen" → "Commission", "élection", "preferred") gives the
// frequent words of a large glossary dozens of false translations, enough
// for two unrelated sentences to share words by chance. So word pairs are
// kept as a word aligner keeps them from a parallel corpus, here the
// glossary's entries: a pair is kept when one entry translates a one-word
// term by a one-word term, or when the two words occur in the same entries
// more than by chance (Dice association, see minAssoc). "énergie" and
// "energy" share dozens of entries and are kept; "propre" and "energy"
// share one of the energy entries' many and are not.
type Dict struct {
	tr    map[uint32][]uint32
	vocab map[uint32]bool // target keys the dictionary produces
}

// minAssoc is the least Dice association, over the glossary's entries, of
// a source and a target word that no entry gives as one-word terms:
// 2·entries(s and t) / (entries(s) + entries(t)). 0.5 keeps the words of a
// term found once on each side ("droit de douane" → "customs duty"), and
// words that always travel together; it drops a frequent word's
// partners in the terms it is merely part of.
const minAssoc = 0.4

// pairKey packs a source and a target key.
type pairKey struct{ s, t uint32 }

// NewDict builds the dictionary of glossary g from language src to tgt
// (BCP 47; compared by base language). Entries lacking either language are
// skipped. A nil or empty glossary gives an empty dictionary.
func NewDict(g *glossary.Glossary, src, tgt string) *Dict {
	d := &Dict{tr: map[uint32][]uint32{}, vocab: map[uint32]bool{}}
	f := newFolder()
	cs, ct := map[uint32]int{}, map[uint32]int{}
	co := map[pairKey]int{}
	direct := map[pairKey]bool{}
	for _, e := range g.Entries() {
		ss, ts := e.Lang(src), e.Lang(tgt)
		if len(ss) == 0 || len(ts) == 0 {
			continue
		}
		sk, sOne := entryKeys(f, ss)
		tk, tOne := entryKeys(f, ts)
		for _, s := range sOne {
			for _, t := range tOne {
				direct[pairKey{s, t}] = true
			}
		}
		for _, s := range sk {
			cs[s]++
			for _, t := range tk {
				co[pairKey{s, t}]++
			}
		}
		for _, t := range tk {
			ct[t]++
		}
	}
	for p, n := range co {
		if direct[p] || 2*float64(n)/float64(cs[p.s]+ct[p.t]) >= minAssoc {
			d.tr[p.s] = append(d.tr[p.s], p.t)
			d.vocab[p.t] = true
		}
	}
	for k, v := range d.tr {
		d.tr[k] = sortedSet(v)
	}
	return d
}

// entryKeys returns the distinct keys of the words of terms, and those of
// the terms that are one word.
func entryKeys(f *folder, terms []string) (all, single []uint32) {
	for _, t := range terms {
		ks := termKeys(f, t)
		all = append(all, ks...)
		if len(ks) == 1 {
			single = append(single, ks[0])
		}
	}
	return sortedSet(all), sortedSet(single)
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
