package tm

import (
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/trad-project/trad/internal/cputime"
)

// The 1,000,000-unit benchmarks (issue 15's scale): generated once per
// process, with Zipf-distributed vocabulary (genzipf_test.go).

var (
	bench1MOnce  sync.Once
	bench1M      *Memory
	bench1MUnits []Unit
	bench1MBuild time.Duration
	bench1MHeap  uint64
)

func memory1M(b *testing.B) (*Memory, []Unit) {
	bench1MOnce.Do(func() {
		units := zipfUnits(1_000_000, 1)
		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		t0 := time.Now()
		m := newTestMemory()
		m.addParallel(units)
		bench1MBuild = time.Since(t0)
		runtime.GC()
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		bench1M, bench1MUnits = m, units
		bench1MHeap = after.HeapAlloc - min(after.HeapAlloc, before.HeapAlloc)
	})
	return bench1M, bench1MUnits
}

// reportLatencies reports the 50th, 95th and 99th percentiles of lat.
func reportLatencies(b *testing.B, lat []time.Duration) {
	slices.Sort(lat)
	at := func(p int) float64 { return float64(lat[(len(lat)-1)*p/100].Microseconds()) / 1000 }
	b.ReportMetric(at(50), "p50-ms")
	b.ReportMetric(at(95), "p95-ms")
	b.ReportMetric(at(99), "p99-ms")
}

// BenchmarkLookup1M looks up sentences in a 1,000,000-unit memory: a
// third close to a unit, a third identical, a third new.
func BenchmarkLookup1M(b *testing.B) {
	m, units := memory1M(b)
	qs := zipfQueries(units, 1000)
	lat := make([]time.Duration, 0, 1000)
	cpu := make([]time.Duration, 0, 1000)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		t0, c0 := time.Now(), cputime.Used()
		m.Lookup(qs[i%len(qs)], Context{}, DefaultMin, 3)
		lat = append(lat, time.Since(t0))
		cpu = append(cpu, cputime.Used()-c0)
	}
	b.StopTimer()
	reportLatencies(b, lat)
	// The process's CPU time per query (the collector included), which
	// other jobs on a shared machine disturb less than wall time.
	slices.Sort(cpu)
	b.ReportMetric(float64(cpu[len(cpu)/2].Microseconds())/1000, "cpu-p50-ms")
	b.ReportMetric(float64(cpu[(len(cpu)-1)*95/100].Microseconds())/1000, "cpu-p95-ms")
	b.ReportMetric(float64(bench1MHeap)/(1<<20), "heap-MB")
	b.ReportMetric(bench1MBuild.Seconds(), "build-s")
}

// concordanceQueries returns n searches: one to three words in a row
// taken from memory units, so most find something; the words are of every
// frequency, common ones included.
func concordanceQueries(units []Unit, n int) []string {
	g := newZipfGen(777)
	qs := make([]string, n)
	for i := range qs {
		w := strings.Fields(strings.Trim(units[g.r.IntN(len(units))].Source, "."))
		k := 1 + i%3
		at := g.r.IntN(max(1, len(w)-k))
		qs[i] = strings.Join(w[at:min(at+k, len(w))], " ")
	}
	return qs
}

func benchConcordance(b *testing.B, m *Memory, units []Unit) {
	qs := concordanceQueries(units, 1000)
	lat := make([]time.Duration, 0, 1000)
	hits := 0
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		t0 := time.Now()
		hits += len(m.Concordance(qs[i%len(qs)], 20))
		lat = append(lat, time.Since(t0))
	}
	b.StopTimer()
	reportLatencies(b, lat)
	b.ReportMetric(float64(hits)/float64(len(lat)), "hits/op")
}

// BenchmarkConcordance1M searches a 1,000,000-unit memory.
func BenchmarkConcordance1M(b *testing.B) {
	m, units := memory1M(b)
	benchConcordance(b, m, units)
}

var (
	zipf100kOnce  sync.Once
	zipf100k      *Memory
	zipf100kUnits []Unit
)

// BenchmarkConcordance100k searches a 100,000-unit memory (issue 12's
// figure).
func BenchmarkConcordance100k(b *testing.B) {
	zipf100kOnce.Do(func() {
		zipf100kUnits = zipfUnits(100_000, 1)
		zipf100k = newTestMemory()
		zipf100k.addParallel(zipf100kUnits)
	})
	benchConcordance(b, zipf100k, zipf100kUnits)
}

// addParallel indexes units in order, analysing them on all CPUs; it is
// Add without replacement, for loading.
func (m *Memory) addParallel(units []Unit) {
	ps := make([]prepared, len(units))
	var wg sync.WaitGroup
	n := max(1, runtime.GOMAXPROCS(0))
	for w := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(units); i += n {
				ps[i] = m.prepare(units[i])
			}
		}()
	}
	wg.Wait()
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, p := range ps {
		m.insert(p, false)
	}
}
