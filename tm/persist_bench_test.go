package tm

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/trad-project/trad/internal/safefile"
)

// BenchmarkPersistUnit1M measures what confirming one segment costs on
// disk: UserWriter.Save of a 200-segment document with one segment
// changed, its user memory folder already holding a 1,000,000-unit TMX
// file. The journal append is one fsync'd write, whatever the memory size.
func BenchmarkPersistUnit1M(b *testing.B) {
	dir := b.TempDir()
	proj := filepath.Join(b.TempDir(), "article.trad.json")
	w := NewUserWriter(dir, proj)
	units := zipfUnits(1_000_000, 3)
	for i := range units {
		units[i].Changed = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if err := safefile.Write(w.File(), func(out io.Writer) error { return writeUserTMX(out, "fr", units) }, safefile.Options{}); err != nil {
		b.Fatal(err)
	}
	fi, _ := os.Stat(w.File())
	pairs := make([][3]string, 200)
	for i := range pairs {
		pairs[i] = [3]string{units[i].Source, units[i].Target, "translated"}
	}
	units = nil
	doc := testDoc(pairs...)
	if err := w.Save(doc); err != nil {
		b.Fatal(err)
	}
	lat := make([]time.Duration, 0, 1000)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		s := &doc.Segments[i%len(doc.Segments)]
		s.Target = fmt.Sprintf("Revised translation %d.", i)
		t0 := time.Now()
		if err := w.Save(doc); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t0))
	}
	b.StopTimer()
	reportLatencies(b, lat)
	b.ReportMetric(float64(fi.Size())/(1<<20), "tmx-MB")
	if err := w.Wait(); err != nil {
		b.Fatal(err)
	}
}
