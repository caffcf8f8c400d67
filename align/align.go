// Package align pairs the sentences of a text with those of its
// translation: a banded dynamic programme over links of every shape (1:1,
// 1:2, 2:1, 2:2, 1:3, 3:1, 2:3, 3:2, and 1:0 / 0:1 for sentences without
// counterpart), scored with Gale and Church's length model and lexical
// cues: numbers in any locale form, cognates and names (shared word
// prefixes), punctuation, and a bilingual dictionary made of glossaries.
// No neural model is involved.
package align

import (
	"fmt"
	"math"
	"strings"

	"github.com/trad-project/trad/segments"

	"github.com/trad-project/trad/glossary"
)

// Origin is the segments.Segment.Origin of targets filled by alignment.
const Origin = segments.OriginAlign

// Link pairs source sentences with target sentences (0-based indices,
// ascending and consecutive). One side is empty for a sentence without
// counterpart. Conf is the aligner's confidence in the link, in [0, 1].
type Link struct {
	Src  []int
	Tgt  []int
	Conf float64
}

// String formats the link as vecalign does, with the confidence:
// "[1, 2]:[1]:0.83".
func (l Link) String() string {
	return fmt.Sprintf("%s:%s:%.3f", indexList(l.Src), indexList(l.Tgt), l.Conf)
}

func indexList(ix []int) string {
	var b strings.Builder
	b.WriteByte('[')
	for k, i := range ix {
		if k > 0 {
			b.WriteString(", ")
		}
		fmt.Fprint(&b, i)
	}
	b.WriteByte(']')
	return b.String()
}

// Aligner aligns texts from one language to another. It is safe for
// concurrent use.
type Aligner struct {
	dict *Dict
	p    params
}

// New returns an aligner from language src to tgt (BCP 47) that uses the
// entries of g having both languages as its dictionary (g may be nil).
func New(g *glossary.Glossary, src, tgt string) *Aligner {
	return &Aligner{dict: NewDict(g, src, tgt), p: defaultParams}
}

// Dict returns the aligner's dictionary.
func (a *Aligner) Dict() *Dict { return a.dict }

// Sentences aligns the sentences src with their translation tgt. The links
// are in order and cover every sentence of both sides exactly once.
func (a *Aligner) Sentences(src, tgt []string) []Link {
	return a.Prepare(src, tgt).Align()
}

// Pair is a text and its translation, sentence by sentence, with their cues
// computed once: it aligns them and scores links a translator edits.
type Pair struct {
	a                *Aligner
	src, tgt         []sentence
	srcText, tgtText []string
	pr               *problem
}

// Prepare computes the cues of src and tgt.
func (a *Aligner) Prepare(src, tgt []string) *Pair {
	s, t := a.cues(src, sourceSide), a.cues(tgt, targetSide)
	return &Pair{a: a, src: s, tgt: t, srcText: src, tgtText: tgt, pr: newProblem(s, t, a.p)}
}

// Align aligns the whole pair.
func (p *Pair) Align() []Link { return p.a.solve(p.src, p.tgt, p.a.p) }

// Confidence sets the Conf of every link (links must cover the pair in
// order, as Align's do).
func (p *Pair) Confidence(links []Link) { p.pr.confidence(links) }

// initialBand is the band's half-width before any widening: wide enough for
// the runs of dropped captions and notes that real documents have.
func initialBand(n, m int) int {
	w := 16 + min(max(n, m)/25, 60)
	if n > 0 && m > 0 {
		w = max(w, m/n+2*maxSpan, n/m+2*maxSpan)
	}
	return w
}

// maxBandCells bounds the table of the programme (about 9 bytes a cell):
// the band stops widening there, and the path keeps to it.
const maxBandCells = 30_000_000

// solve aligns two sides' cues, widening the band until the best path keeps
// off its edges (or the table would grow past maxBandCells).
func (a *Aligner) solve(src, tgt []sentence, p params) []Link {
	n, m := len(src), len(tgt)
	pr := newProblem(src, tgt, p)
	w := initialBand(n, m)
	for {
		pr.setBand(w)
		links, edge, ok := pr.solve()
		wider := (n + 1) * (4*w + 1)
		if ok && (!edge || w >= max(n, m) || wider > maxBandCells) {
			pr.confidence(links)
			return links
		}
		w *= 2
	}
}

func logistic(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

func (a *Aligner) cues(texts []string, sd side) []sentence {
	f := newFolder()
	out := make([]sentence, len(texts))
	for i, t := range texts {
		out[i] = f.features(t, a.dict, sd)
	}
	weigh(out)
	return out
}

// Source returns the pair's source sentences.
func (p *Pair) Source() []string { return p.srcText }

// Target returns the pair's target sentences.
func (p *Pair) Target() []string { return p.tgtText }
