package tm

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/trad-project/trad/internal/cputime"
	"github.com/trad-project/trad/internal/safefile"
)

// BenchmarkOpen1M opens a 1,000,000-unit TMX file in fresh processes (a
// helper run of this test binary) with an index folder: the first open
// reads the TMX file and writes its index (cold-*), the second reads the
// index (the figures without a prefix: what every later open costs). It
// reports the time until the memory is complete, the time until a first
// lookup is answered, and the process's peak RSS (VmHWM).
//
// $TM_OPEN1M_FILE names where the TMX file is kept between runs (written
// when missing): writing it takes longer than a warm open.
func BenchmarkOpen1M(b *testing.B) {
	path := os.Getenv("TM_OPEN1M_FILE")
	if path == "" {
		path = filepath.Join(b.TempDir(), "1m.tmx")
	}
	if _, err := os.Stat(path); err != nil {
		units := zipfUnits(1_000_000, 1)
		if err := safefile.Write(path, func(w io.Writer) error { return writeUserTMX(w, "fr", units) }, safefile.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		dir := b.TempDir()
		cold := openHelper(b, path, dir)
		warm := openHelper(b, path, dir)
		b.ReportMetric(cold["open-s"], "cold-open-s")
		b.ReportMetric(cold["rss-mb"], "cold-peak-RSS-MB")
		b.ReportMetric(warm["first-s"], "first-lookup-s")
		b.ReportMetric(warm["open-s"], "open-s")
		b.ReportMetric(warm["cpu-s"], "open-cpu-s")
		b.ReportMetric(warm["rss-mb"], "peak-RSS-MB")
		b.ReportMetric(warm["heap-mb"], "live-heap-MB")
	}
}

// openHelper runs TestOpenHelper on path with the index folder dir and
// returns its figures.
func openHelper(b *testing.B, path, dir string) map[string]float64 {
	vals, out, err := cputime.ChildFigures("TestOpenHelper", "TM_OPEN_HELPER="+path, "TM_INDEX_DIR="+dir)
	if err != nil {
		b.Fatalf("%v\n%s", err, out)
	}
	if vals["units"] != 1_000_000 {
		b.Fatalf("helper output:\n%s", out)
	}
	return vals
}

// TestOpenHelper is not a test: BenchmarkOpen1M runs it in a process of
// its own to open $TM_OPEN_HELPER, with the index folder $TM_INDEX_DIR.
func TestOpenHelper(t *testing.T) {
	path := os.Getenv("TM_OPEN_HELPER")
	if path == "" {
		t.Skip("helper process only")
	}
	t0, c0 := time.Now(), cputime.Used()
	m := New("fr", "en")
	m.SetIndexDir(os.Getenv("TM_INDEX_DIR"))
	first := make(chan time.Duration, 1)
	go func() {
		for m.Len() == 0 {
			time.Sleep(time.Millisecond)
		}
		m.Lookup("Le marché a reculé.", Context{}, DefaultMin, 3)
		first <- time.Since(t0)
	}()
	if w := m.LoadFile(path); len(w) > 0 {
		t.Fatal(w)
	}
	open, cpu := time.Since(t0), cputime.Used()-c0
	rss := peakRSSMB()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("units=%d\nfirst-s=%.2f\nopen-s=%.2f\ncpu-s=%.2f\nrss-mb=%.0f\nheap-mb=%.0f\n", m.Len(), (<-first).Seconds(), open.Seconds(), cpu.Seconds(), rss, float64(ms.HeapAlloc)/(1<<20))
}

// peakRSSMB is the process's peak resident set (VmHWM) in MiB, 0 where
// /proc is missing.
func peakRSSMB() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
			return kb / 1024
		}
	}
	return 0
}
