package office

import (
	"bytes"
	"io"
	"runtime"
	"testing"

	"github.com/trad-project/trad/bitext"
	"github.com/trad-project/trad/segments"
)

// pages100 is the number of generated paragraphs (about 30 words each,
// with 13 runs) of a 100-page document: 1,700 paragraphs, 51,000 words.
const pages100 = 1700

// readDoc reads data as trad does (through segments: reading, splitting,
// tags).
func readDoc(b testing.TB, data []byte, format string) *segments.Document {
	Register(Options{})
	doc, _, err := segments.Read(bytes.NewReader(data), segments.ReadOptions{Format: format, Target: "en", Tags: true, MaxBytes: -1})
	if err != nil {
		b.Fatal(err)
	}
	return doc
}

func benchOpen(b *testing.B, data []byte, format string) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		readDoc(b, data, format)
	}
}

func benchWrite(b *testing.B, data []byte, format string) {
	doc := readDoc(b, data, format)
	translate(doc, nil)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteTarget(io.Discard, doc, data, bitext.Options{}, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpen100PagesDOCX: open a 100-page .docx (goal ≤ 1 s).
func BenchmarkOpen100PagesDOCX(b *testing.B) {
	benchOpen(b, genDOCX(b, docxSpec{paras: pages100}), FormatDOCX)
}

// BenchmarkWrite100PagesDOCX: write its translation (goal ≤ 1 s).
func BenchmarkWrite100PagesDOCX(b *testing.B) {
	benchWrite(b, genDOCX(b, docxSpec{paras: pages100}), FormatDOCX)
}

func BenchmarkOpen100PagesODT(b *testing.B)  { benchOpen(b, genODT(b, pages100, ""), FormatODT) }
func BenchmarkWrite100PagesODT(b *testing.B) { benchWrite(b, genODT(b, pages100, ""), FormatODT) }

// BenchmarkReadWrite5MB and BenchmarkReadWrite50MB read and write a
// document of 5 and 50 MB of XML: the time per byte must stay the same
// (linear), the peak heap a small multiple of the document.
func BenchmarkReadWrite5MB(b *testing.B)  { benchReadWrite(b, 5<<20) }
func BenchmarkReadWrite50MB(b *testing.B) { benchReadWrite(b, 50<<20) }

func benchReadWrite(b *testing.B, size int) {
	paras := size / 3000 // a generated paragraph is about 3 KB of XML
	data := genDOCX(b, docxSpec{paras: paras})
	b.SetBytes(int64(paras * 3000))
	b.ReportAllocs()
	var peak uint64
	for b.Loop() {
		runtime.GC()
		doc := readDoc(b, data, FormatDOCX)
		translate(doc, nil)
		if err := WriteTarget(io.Discard, doc, data, bitext.Options{}, Options{}); err != nil {
			b.Fatal(err)
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		peak = max(peak, ms.HeapInuse)
	}
	b.ReportMetric(float64(peak)/float64(paras*3000), "heap/xml-byte")
	b.ReportMetric(float64(len(data))/(1<<20), "zip-MB")
}
