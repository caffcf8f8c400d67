package office

import (
	"bytes"
	"io"
	"runtime"
	"runtime/metrics"
	"testing"
	"time"

	"github.com/trad-project/trad/bitext"
	"github.com/trad-project/trad/internal/cputime"
	"github.com/trad-project/trad/segments"
)

// pages100 is the number of generated paragraphs of a 100-page document:
// 2,800 paragraphs of about 18 words and 13 runs each make 50,000 words
// (500 a page, a dense page) and 2.9 MB of document.xml.
const pages100 = 2800

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

// reportCPU reports the CPU time per operation next to the wall time: on
// the shared machine wall time is mostly waiting for a core.
func reportCPU(b *testing.B, cpu0 time.Duration) {
	if d := cputime.Used() - cpu0; cpu0 > 0 && d > 0 {
		b.ReportMetric(float64(d.Milliseconds())/float64(b.N), "cpu-ms/op")
	}
}

func benchOpen(b *testing.B, data []byte, format string) {
	b.ReportAllocs()
	cpu0 := cputime.Used()
	for b.Loop() {
		readDoc(b, data, format)
	}
	reportCPU(b, cpu0)
}

func benchWrite(b *testing.B, data []byte, format string) {
	doc := readDoc(b, data, format)
	translate(doc, nil)
	b.ReportAllocs()
	cpu0 := cputime.Used()
	for b.Loop() {
		if err := WriteTarget(io.Discard, doc, data, bitext.Options{}, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu0)
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
	paras := size / 1050 // a generated paragraph is about 1,050 bytes of XML
	data := genDOCX(b, docxSpec{paras: paras})
	p, err := openPackage(data, "bench")
	if err != nil {
		b.Fatal(err)
	}
	xmlBytes := int(p.files["word/document.xml"].UncompressedSize64) // not read: the heap is measured
	b.SetBytes(int64(xmlBytes))
	b.ReportAllocs()
	stop := sampleHeap()
	cpu0 := cputime.Used()
	for b.Loop() {
		doc := readDoc(b, data, FormatDOCX)
		translate(doc, nil)
		if err := WriteTarget(io.Discard, doc, data, bitext.Options{}, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu0)
	live, inUse := stop()
	// live: the most the heap held after a collection (what the code keeps);
	// in use: the most it held at all, garbage not yet collected included
	// (about twice live with GOGC=100).
	b.ReportMetric(float64(live)/float64(xmlBytes), "live/xml-byte")
	b.ReportMetric(float64(inUse)/float64(xmlBytes), "heap/xml-byte")
	b.ReportMetric(float64(xmlBytes)/(1<<20), "xml-MB")
	b.ReportMetric(float64(len(data))/(1<<20), "zip-MB")
}

// sampleHeap samples the heap every millisecond until the function it
// returns is called, which returns the peak live heap (measured by each
// collection) and the peak heap in use (objects, garbage included).
func sampleHeap() func() (live, inUse uint64) {
	runtime.GC()
	samples := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/memory/classes/heap/objects:bytes"}}
	done := make(chan struct{})
	peaks := make(chan [2]uint64)
	go func() {
		var peak [2]uint64
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(samples)
			peak[0] = max(peak[0], samples[0].Value.Uint64())
			peak[1] = max(peak[1], samples[1].Value.Uint64())
			select {
			case <-done:
				peaks <- peak
				return
			case <-tick.C:
			}
		}
	}()
	return func() (uint64, uint64) {
		close(done)
		p := <-peaks
		return p[0], p[1]
	}
}
