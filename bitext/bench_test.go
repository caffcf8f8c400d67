package bitext

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"github.com/trad-project/trad/internal/cputime"
	"github.com/trad-project/trad/segments"
)

// bigDoc builds a document of n translated segments, ten per block, with
// sentences of article length and characters that need escaping.
func bigDoc(n int) *segments.Document {
	doc := buildDoc("text")
	for b := 0; b*10 < n; b++ {
		bl := segments.Block{Kind: segments.KindParagraph, First: len(doc.Segments)}
		for i := 0; i < 10 && len(doc.Segments) < n; i++ {
			src := fmt.Sprintf("La phrase n° %d parle de souveraineté numérique & de « cloud » <européen>.", len(doc.Segments))
			if len(bl.Text) > 0 {
				bl.Text += " "
			}
			s := segments.Segment{Index: len(doc.Segments), Block: b, Start: len(bl.Text), Source: src,
				Target: fmt.Sprintf("Sentence no. %d is about digital sovereignty & the \"European\" cloud.", len(doc.Segments)),
				Status: segments.StatusTranslated, Changed: t0}
			bl.Text += src
			s.End = len(bl.Text)
			doc.Segments = append(doc.Segments, s)
			bl.Count++
		}
		doc.Blocks = append(doc.Blocks, bl)
	}
	return doc
}

// BenchmarkWriteTMX100k writes 100,000 units to io.Discard: allocations
// per op must stay small and flat (streaming, no DOM).
func BenchmarkWriteTMX100k(b *testing.B) {
	doc := bigDoc(100_000)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteTMX(io.Discard, doc, Options{Now: t0}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteXLIFF100k(b *testing.B) {
	doc := bigDoc(100_000)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteXLIFF(io.Discard, doc, Options{Now: t0}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadTMX100k reads a 100,000-unit TMX held in memory.
func BenchmarkReadTMX100k(b *testing.B) {
	benchRead(b, WriteTMX, func(r io.Reader, n *int) error {
		return ReadTMX(r, func(TU) error { *n++; return nil })
	})
}

// BenchmarkReadXLIFF100k reads a 100,000-segment XLIFF 2.1 file held in
// memory.
func BenchmarkReadXLIFF100k(b *testing.B) {
	benchRead(b, WriteXLIFF, func(r io.Reader, n *int) error {
		return ReadXLIFF(r, func(XLIFFSegment) error { *n++; return nil })
	})
}

// benchRead writes 100,000 segments with write and reads them with read,
// which counts the units in n.
func benchRead(b *testing.B, write func(io.Writer, *segments.Document, Options) error, read func(io.Reader, *int) error) {
	var buf bytes.Buffer
	if err := write(&buf, bigDoc(100_000), Options{Now: t0}); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	cpu0, loops := cputime.Used(), 0
	for b.Loop() {
		n := 0
		if err := read(bytes.NewReader(data), &n); err != nil {
			b.Fatal(err)
		}
		if n != 100_000 {
			b.Fatalf("%d units", n)
		}
		loops++
	}
	// CPU time per read: on a shared machine wall time is mostly waiting.
	if d := cputime.Used() - cpu0; cpu0 > 0 && d > 0 {
		b.ReportMetric(float64(d.Milliseconds())/float64(loops), "cpu-ms/op")
	}
}
