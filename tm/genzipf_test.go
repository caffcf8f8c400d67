package tm

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// The generator below makes memories at the scale of a translator's
// lifetime memory or a public one (DGT-TM): sentences of 10 to 40 words
// (news lengths, most around 20) drawn from a vocabulary of 60,000 words
// whose frequencies follow Zipf's law, so a few function words are in
// every sentence and most words are rare, as in real text. About one unit
// in eight is a revision of an earlier one (a word or two changed), as
// memories hold many near-duplicates. Everything is deterministic.

const zipfVocab = 60_000

// zipfWords returns a vocabulary of pseudo-words built from syllables
// (with French accents), the most frequent first; rank 0..40 are short
// function-like words. The English side maps each rank to its own word.
func zipfWords(seed uint64, accents bool) []string {
	r := rand.New(rand.NewPCG(seed, 11))
	onsets := []string{"b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "ch", "tr", "pr", "gr", "pl", "br", "st"}
	vowels := []string{"a", "e", "i", "o", "u", "ou", "ai", "an", "on", "in"}
	if accents {
		vowels = append(vowels, "é", "è", "ê", "â", "ô", "î")
	}
	codas := []string{"", "", "", "n", "r", "s", "l", "t", "x"}
	seen := map[string]bool{}
	words := make([]string, 0, zipfVocab)
	for len(words) < zipfVocab {
		n := 1 + min(len(words)/2000, 3) + r.IntN(2) // frequent words are short
		var b strings.Builder
		for range n {
			b.WriteString(onsets[r.IntN(len(onsets))])
			b.WriteString(vowels[r.IntN(len(vowels))])
		}
		b.WriteString(codas[r.IntN(len(codas))])
		w := b.String()
		if !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	return words
}

// zipfGen draws sentence pairs.
type zipfGen struct {
	r      *rand.Rand
	z      *rand.Zipf
	fr, en []string
	prev   [][]int // recent sentences as word ranks, for revisions
}

func newZipfGen(seed uint64) *zipfGen {
	r := rand.New(rand.NewPCG(seed, 5))
	return &zipfGen{
		r:  r,
		z:  rand.NewZipf(r, 1.07, 2, zipfVocab-1),
		fr: zipfWords(1, true),
		en: zipfWords(2, false),
	}
}

// sentenceLen draws a length of 10 to 40 words, peaking around 20.
func (g *zipfGen) sentenceLen() int {
	n := 10 + g.r.IntN(16) + g.r.IntN(16)
	return min(n, 40)
}

func (g *zipfGen) ranks() []int {
	if len(g.prev) > 0 && g.r.IntN(8) == 0 {
		// A revision of a recent sentence: one or two words changed.
		old := g.prev[g.r.IntN(len(g.prev))]
		ws := append([]int(nil), old...)
		for range 1 + g.r.IntN(2) {
			ws[g.r.IntN(len(ws))] = int(g.z.Uint64())
		}
		return ws
	}
	ws := make([]int, g.sentenceLen())
	for i := range ws {
		ws[i] = int(g.z.Uint64())
	}
	if len(g.prev) < 4096 {
		g.prev = append(g.prev, ws)
	} else {
		g.prev[g.r.IntN(len(g.prev))] = ws
	}
	return ws
}

// render writes ranks as a sentence: capital first letter, a comma now
// and then, sometimes a number, a full stop.
func render(words []string, ranks []int, num int) string {
	var b strings.Builder
	for i, k := range ranks {
		if i > 0 {
			b.WriteByte(' ')
		}
		w := words[k]
		if i == 0 {
			w = upperFirst(w)
		}
		b.WriteString(w)
		if i == len(ranks)/2 && num >= 0 {
			b.WriteByte(' ')
			b.WriteString(strconv.Itoa(num))
		}
		if i%9 == 8 && i != len(ranks)-1 {
			b.WriteByte(',')
		}
	}
	b.WriteByte('.')
	return b.String()
}

func (g *zipfGen) pair() (fr, en string) {
	ranks := g.ranks()
	num := -1
	if g.r.IntN(4) == 0 {
		num = g.r.IntN(5000)
	}
	return render(g.fr, ranks, num), render(g.en, ranks, num)
}

// zipfUnits returns n units from seed.
func zipfUnits(n int, seed uint64) []Unit {
	g := newZipfGen(seed)
	units := make([]Unit, n)
	for i := range units {
		fr, en := g.pair()
		units[i] = Unit{Source: fr, Target: en, SourceLang: "fr", TargetLang: "en", Origin: "dgt.tmx"}
	}
	return units
}

// zipfQueries returns n looked-up sentences: a third are memory units
// with a word changed (the fuzzy matches a translator gets), a third are
// units as they are, a third new sentences.
func zipfQueries(mem []Unit, n int) []string {
	g := newZipfGen(424242)
	qs := make([]string, n)
	for i := range qs {
		u := mem[g.r.IntN(len(mem))].Source
		switch i % 3 {
		case 0:
			w := strings.Fields(u)
			w[g.r.IntN(len(w))] = g.fr[int(g.z.Uint64())]
			qs[i] = strings.Join(w, " ")
		case 1:
			qs[i] = u
		default:
			qs[i], _ = g.pair()
		}
	}
	return qs
}
