package tm

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/trad-project/trad/bitext"
	"github.com/trad-project/trad/internal/cputime"
	"github.com/trad-project/trad/segments"
	"golang.org/x/text/language"
)

var (
	bench100kOnce sync.Once
	bench100k     *Memory
	bench100kHeap uint64
)

func memory100k(b *testing.B) *Memory {
	bench100kOnce.Do(func() {
		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		units := genUnits(100_000, 1)
		m := newTestMemory()
		m.Add(units...)
		units = nil
		runtime.GC()
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		bench100k, bench100kHeap = m, after.HeapAlloc-min(after.HeapAlloc, before.HeapAlloc)
	})
	return bench100k
}

// benchQueries mixes sentences close to memory units (one word changed or
// numbers changed), new sentences from the same templates, and short ones.
func benchQueries(n int) []string {
	r := rand.New(rand.NewPCG(99, 3))
	mem := genUnits(2000, 1)
	qs := make([]string, n)
	for i := range qs {
		switch i % 4 {
		case 0:
			w := strings.Fields(mem[r.IntN(len(mem))].Source)
			w[r.IntN(len(w))] = "nouvelle"
			qs[i] = strings.Join(w, " ")
		case 1:
			qs[i] = mem[r.IntN(len(mem))].Source
		default:
			fr, _ := genPair(r)
			qs[i] = fr
		}
	}
	return qs
}

// BenchmarkLookup100k looks up generated sentences in a 100,000-unit
// memory and reports the latency percentiles and the heap in use.
func BenchmarkLookup100k(b *testing.B) {
	m := memory100k(b)
	qs := benchQueries(1000)
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		t0 := time.Now()
		m.Lookup(qs[i%len(qs)], Context{}, DefaultMin, 3)
		lat = append(lat, time.Since(t0))
	}
	b.StopTimer()
	reportLatencies(b, lat)
	b.ReportMetric(float64(lat[len(lat)-1].Microseconds())/1000, "max-ms")
	b.ReportMetric(float64(bench100kHeap)/(1<<20), "heap-MB")
}

// tmx100k writes a TMX file of 100,000 generated units with bitext's
// writer, once per benchmark run.
func tmx100k(b *testing.B) string {
	path := filepath.Join(b.TempDir(), "100k.tmx")
	units := genUnits(100_000, 1)
	doc := &segments.Document{SourceLang: language.French, TargetLang: language.English}
	for i, u := range units {
		doc.Segments = append(doc.Segments, segments.Segment{Index: i, Source: u.Source, Target: u.Target, Status: segments.StatusTranslated})
	}
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	if err := bitext.WriteTMX(f, doc, bitext.Options{}); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkLoadTMX100k loads a 100,000-unit TMX file into an empty memory
// and reports the heap the memory holds (HeapAlloc after a GC, minus the
// heap before loading) and the CPU time used (reading is
// one goroutine, analysis runs on all CPUs).
func BenchmarkLoadTMX100k(b *testing.B) {
	path := tmx100k(b)
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	var m *Memory
	var cpu time.Duration
	for b.Loop() {
		c0 := cputime.Used()
		m = New("fr", "en")
		if w := m.LoadFile(path); len(w) > 0 {
			b.Fatal(w)
		}
		cpu += cputime.Used() - c0
	}
	b.StopTimer()
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	if m.Len() != 100_000 {
		b.Fatalf("Len = %d", m.Len())
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapAlloc-min(ms.HeapAlloc, before.HeapAlloc))/(1<<20), "heap-MB")
	runtime.KeepAlive(m)
}
