package align

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// benchPair makes n source sentences and their "translation": the words
// mapped through a fixed substitution, with merges, splits and drops.
func benchPair(n int) (src, tgt []string) {
	r := rand.New(rand.NewPCG(7, 11))
	words := strings.Fields("montagne glacier sommet vallée expédition porteurs cordée arête paroi neige tempête camp refuge guide altitude descente matin soir journée rocher")
	sentence := func() string {
		k := 6 + r.IntN(25)
		var b strings.Builder
		for i := range k {
			if i > 0 {
				b.WriteByte(' ')
			}
			if r.IntN(12) == 0 {
				fmt.Fprintf(&b, "%d", r.IntN(9000))
			} else {
				b.WriteString(words[r.IntN(len(words))])
			}
		}
		b.WriteByte('.')
		return b.String()
	}
	for len(src) < n {
		s := sentence()
		src = append(src, s)
		switch r.IntN(20) {
		case 0: // dropped
		case 1: // merged with the previous target sentence
			if len(tgt) > 0 {
				tgt[len(tgt)-1] += " " + strings.ToUpper(s[:1]) + s[1:]
			}
		case 2: // split
			h := strings.Fields(s)
			tgt = append(tgt, strings.Join(h[:len(h)/2], " ")+".", strings.Join(h[len(h)/2:], " "))
		default:
			tgt = append(tgt, strings.ToUpper(s[:1])+s[1:])
		}
	}
	return src, tgt[:min(len(tgt), n)]
}

// BenchmarkSentences1000 aligns 1,000 × 1,000 sentences, cues included.
// Goal: ≤ 1 s per operation on one core.
func BenchmarkSentences1000(b *testing.B) {
	src, tgt := benchPair(1000)
	a := New(DefaultGlossary(), "fr", "en")
	b.ResetTimer()
	for b.Loop() {
		links := a.Sentences(src, tgt)
		if len(links) == 0 {
			b.Fatal("no links")
		}
	}
}

// BenchmarkSentences20000 aligns a book-length pair, 20,000 × 20,000
// sentences: the band is capped, so time and memory stay linear.
func BenchmarkSentences20000(b *testing.B) {
	src, tgt := benchPair(20000)
	a := New(DefaultGlossary(), "fr", "en")
	b.ResetTimer()
	for b.Loop() {
		if links := a.Sentences(src, tgt); !Check(links, len(src), len(tgt)) {
			b.Fatal("bad links")
		}
	}
}

// BenchmarkNewDict builds the fr→en dictionary of the built-in glossary and
// the core vocabulary: what `trad align` pays once before aligning.
func BenchmarkNewDict(b *testing.B) {
	g := DefaultGlossary()
	for b.Loop() {
		if NewDict(g, "fr", "en").Len() == 0 {
			b.Fatal("empty dictionary")
		}
	}
}
