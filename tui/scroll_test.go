package tui

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/trad-project/trad/segments"
)

// ensureVisibleRef is the first-row search ensureVisible used to make, from
// the old top down: it measured every row between the old top and cur.
// TestEnsureVisibleMatchesReference holds the faster one to its result.
func ensureVisibleRef(t *table, cur, editRows int) int {
	top := min(max(t.top, 0), len(t.doc.Segments)-1)
	cur = min(max(cur, 0), len(t.doc.Segments)-1)
	if cur < top {
		return cur
	}
	saved := t.top
	defer func() { t.top = saved }()
	t.top = top
	sum := 0
	for i := t.top; i <= cur; i++ {
		er := 0
		if i == cur {
			er = editRows
		}
		sum += t.rowHeight(i, er)
	}
	for sum > t.height && t.top < cur {
		sum -= t.rowHeight(t.top, 0)
		t.top++
		if t.top <= cur && t.top > 0 && t.newBlock(t.top) {
			sum--
		}
	}
	return t.top
}

// scrollDoc builds n segments of random lengths in blocks of random kinds.
func scrollDoc(r *rand.Rand, n int) *segments.Document {
	doc := &segments.Document{}
	kinds := []segments.BlockKind{segments.KindParagraph, segments.KindHeading, segments.KindListItem, segments.KindQuote}
	for len(doc.Segments) < n {
		b := segments.Block{Kind: kinds[r.Intn(len(kinds))], Level: 1, Marker: "-", First: len(doc.Segments), Count: 1 + r.Intn(3)}
		for k := 0; k < b.Count && len(doc.Segments) < n; k++ {
			src := strings.Repeat("mot ", 1+r.Intn(60))
			tgt := ""
			if r.Intn(2) == 0 {
				tgt = strings.Repeat("word ", 1+r.Intn(80))
			}
			doc.Segments = append(doc.Segments, segments.Segment{Index: len(doc.Segments), Block: len(doc.Blocks), Source: src, Target: tgt})
		}
		doc.Blocks = append(doc.Blocks, b)
	}
	return doc
}

func TestEnsureVisibleMatchesReference(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	st := MonoStyles()
	for trial := 0; trial < 300; trial++ {
		n := 1 + r.Intn(80)
		tb := newTable(scrollDoc(r, n), &st, nil, nil)
		tb.setSize([]int{40, 80, 100, 160}[r.Intn(4)], 1+r.Intn(40))
		tb.top = r.Intn(n)
		cur := r.Intn(n)
		editRows := 0
		if r.Intn(3) == 0 {
			editRows = 1 + r.Intn(30)
		}
		want := ensureVisibleRef(tb, cur, editRows)
		name := fmt.Sprintf("trial %d: n=%d %dx%d top=%d cur=%d edit=%d", trial, n, tb.width, tb.height, tb.top, cur, editRows)
		tb.ensureVisible(cur, editRows, -1)
		if tb.top != want {
			t.Errorf("%s: top = %d, want %d", name, tb.top, want)
		}
	}
}

// BenchmarkJumpToEnd measures scrolling from the first segment of a
// 10,000-segment document to its last one with nothing rendered yet.
func BenchmarkJumpToEnd(b *testing.B) {
	st := MonoStyles()
	doc := scrollDoc(rand.New(rand.NewSource(1)), 10000)
	b.ReportAllocs()
	for b.Loop() {
		tb := newTable(doc, &st, nil, nil)
		tb.setSize(120, 40)
		tb.ensureVisible(len(doc.Segments)-1, 0, -1)
	}
}
