package align

import (
	"fmt"
	"strings"
	"time"

	"github.com/trad-project/trad/segments"
)

// Documents aligns two segmented articles: their blocks (paragraphs,
// headings, list items) first, then the sentences inside each group of
// aligned blocks. The links index src.Segments and tgt.Segments; their
// confidences are set.
func (a *Aligner) Documents(src, tgt *segments.Document) (*Pair, []Link) {
	pair := a.Prepare(segmentTexts(src), segmentTexts(tgt))
	sb, tb := textBlocks(src), textBlocks(tgt)
	if !similarBlocks(len(sb), len(tb)) {
		// The translation was laid out differently (a sentence per line,
		// paragraphs merged): blocks would mislead, align sentences alone.
		links := pair.Align()
		return pair, links
	}
	blocks := a.solve(a.blockCues(src, sb, sourceSide), a.blockCues(tgt, tb, targetSide), a.p)
	var links []Link
	for _, bl := range blocks {
		ss, ts := blockSegments(src, sb, bl.Src), blockSegments(tgt, tb, bl.Tgt)
		switch {
		case len(ss) == 0:
			for _, j := range ts {
				links = append(links, Link{Src: []int{}, Tgt: []int{j}})
			}
		case len(ts) == 0:
			for _, i := range ss {
				links = append(links, Link{Src: []int{i}, Tgt: []int{}})
			}
		default:
			sub := a.solve(pair.src[ss[0]:ss[0]+len(ss)], pair.tgt[ts[0]:ts[0]+len(ts)], a.p)
			for _, l := range sub {
				links = append(links, Link{Src: shift(l.Src, ss[0]), Tgt: shift(l.Tgt, ts[0])})
			}
		}
	}
	pair.Confidence(links)
	return pair, links
}

// similarBlocks reports whether two documents of n and m text blocks are
// laid out alike enough for their blocks to be aligned first.
func similarBlocks(n, m int) bool {
	lo, hi := min(n, m), max(n, m)
	return float64(hi) <= 1.5*float64(lo)+2
}

func segmentTexts(d *segments.Document) []string {
	out := make([]string, len(d.Segments))
	for i, s := range d.Segments {
		out[i] = s.Source
	}
	return out
}

// textBlocks returns the indices of the blocks that have segments (code
// blocks have none and are not aligned).
func textBlocks(d *segments.Document) []int {
	var out []int
	for i, b := range d.Blocks {
		if b.Count > 0 {
			out = append(out, i)
		}
	}
	return out
}

func (a *Aligner) blockCues(d *segments.Document, blocks []int, sd side) []sentence {
	f := newFolder()
	out := make([]sentence, len(blocks))
	for k, b := range blocks {
		out[k] = f.features(d.Blocks[b].Text, a.dict, sd)
	}
	weigh(out)
	return out
}

// blockSegments returns the segment indices of the blocks ks (indices into
// blocks), in order.
func blockSegments(d *segments.Document, blocks []int, ks []int) []int {
	var out []int
	for _, k := range ks {
		b := d.Blocks[blocks[k]]
		for i := b.First; i < b.First+b.Count; i++ {
			out = append(out, i)
		}
	}
	return out
}

func shift(ix []int, by int) []int {
	out := make([]int, len(ix))
	for k, i := range ix {
		out[k] = i + by
	}
	return out
}

// LowConfidence is the confidence under which Apply notes a link for review.
const LowConfidence = 0.7

// ApplyResult counts what Apply did.
type ApplyResult struct {
	Filled  int // segments given a target
	Merged  int // source segments merged into the one before them (n:m links)
	Added   int // target sentences without a source sentence, kept in a note
	Dropped int // target sentences left out: the source has no segment to note them on
	Low     int // targets noted as low-confidence
}

// AddedPrefix starts the note that keeps the translated sentences without
// a source sentence.
const AddedPrefix = "added in translation: "

// Apply returns a copy of src with the aligned target sentences as drafts
// of origin "align". The source segments of a link with several are merged
// into one segment when they are in one block, so that the pair stays one
// translation unit; across blocks, the first gets the target and the
// others a note. Target sentences without source (0:1 links) are not
// translations of anything, so they stay out of the targets, but they are
// not lost: they go, in a note starting with AddedPrefix, on the segment
// of the nearest link before them that has a target (after them when none
// does), which a TMX export keeps as the unit's note. Targets of links
// under LowConfidence get a note saying so.
func Apply(src, tgt *segments.Document, links []Link, now time.Time) (*segments.Document, ApplyResult) {
	var res ApplyResult
	doc := src.Clone()
	joiner := segments.Joiner(tgt.TargetLang)
	first := make([]int, len(src.Segments)) // source segment → the link's first source segment
	target := map[int]Link{}
	for i := range first {
		first[i] = i
	}
	for _, l := range links {
		if len(l.Src) == 0 {
			continue
		}
		for _, i := range l.Src {
			first[i] = l.Src[0]
		}
		if len(l.Tgt) > 0 {
			target[l.Src[0]] = l
		}
	}
	added := addedNotes(links, func(j int) string { return tgt.Segments[j].Source })
	res.Dropped = len(added[-1])
	var segs []segments.Segment
	for bi := range doc.Blocks {
		b := &doc.Blocks[bi]
		start := len(segs)
		for i := b.First; i < b.First+b.Count; i++ {
			s := src.Segments[i]
			if f := first[i]; f != i && src.Segments[f].Block == s.Block {
				last := &segs[len(segs)-1]
				last.End = s.End
				last.Source = b.Text[last.Start:last.End]
				res.Merged++
				continue
			} else if f != i {
				s.Note = fmt.Sprintf("aligned with segment %d", f+1)
			}
			if l, ok := target[i]; ok {
				texts := make([]string, len(l.Tgt))
				for k, j := range l.Tgt {
					texts[k] = tgt.Segments[j].Source
				}
				s.Target, s.Status, s.Origin, s.Changed = strings.Join(texts, joiner), segments.StatusDraft, Origin, now.UTC()
				res.Filled++
				if l.Conf < LowConfidence {
					s.Note = fmt.Sprintf("alignment confidence %.2f: check", l.Conf)
					res.Low++
				}
			}
			if ts, ok := added[i]; ok {
				s.Note = joinNote(s.Note, AddedPrefix+strings.Join(ts, joiner))
				res.Added += len(ts)
			}
			s.Index = len(segs)
			segs = append(segs, s)
		}
		b.First, b.Count = start, len(segs)-start
	}
	doc.Segments = segs
	doc.TargetLang = tgt.SourceLang
	doc.Cursor = 0
	return doc, res
}

// addedNotes gathers the target sentences of 0:1 links by the source
// segment whose note keeps them: the first source segment of the nearest
// link before them with both sides, else of the nearest after them with
// both sides, else of the nearest link with a source (the alignment has no
// pair at all), or -1 when no link has a source sentence. text gives a
// target sentence's text.
func addedNotes(links []Link, text func(int) string) map[int][]string {
	out := map[int][]string{}
	prevPair, nextPair := nearest(links, func(l Link) bool { return len(l.Src) > 0 && len(l.Tgt) > 0 })
	prevSrc, nextSrc := nearest(links, func(l Link) bool { return len(l.Src) > 0 })
	for k, l := range links {
		if len(l.Src) > 0 {
			continue
		}
		seg := -1
		for _, at := range []int{prevPair[k], nextPair[k], prevSrc[k], nextSrc[k]} {
			if at >= 0 {
				seg = links[at].Src[0]
				break
			}
		}
		for _, j := range l.Tgt {
			out[seg] = append(out[seg], text(j))
		}
	}
	return out
}

// nearest returns, for every link k, the index of the last link before k
// and of the first after k for which ok holds (-1 when there is none).
func nearest(links []Link, ok func(Link) bool) (prev, next []int) {
	prev, next = make([]int, len(links)), make([]int, len(links))
	last := -1
	for k, l := range links {
		prev[k] = last
		if ok(l) {
			last = k
		}
	}
	last = -1
	for k := len(links) - 1; k >= 0; k-- {
		next[k] = last
		if ok(links[k]) {
			last = k
		}
	}
	return prev, next
}

// joinNote appends note to a segment's existing note, a line each.
func joinNote(old, note string) string {
	if old == "" {
		return note
	}
	return old + "\n" + note
}
