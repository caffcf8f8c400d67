package tm

import (
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
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
		m := newTestMemory()
		m.Add(genUnits(100_000, 1)...)
		runtime.GC()
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		bench100k, bench100kHeap = m, after.HeapAlloc
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
// memory and reports the 95th percentile latency and the heap in use.
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
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds())/1000, "p95-ms")
	b.ReportMetric(float64(lat[len(lat)-1].Microseconds())/1000, "max-ms")
	b.ReportMetric(float64(bench100kHeap)/(1<<20), "heap-MB")
}
