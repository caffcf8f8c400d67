package analyze

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/trad-project/trad/internal/cputime"
	"github.com/trad-project/trad/segments"
	"github.com/trad-project/trad/tm"
)

// benchWords is a vocabulary of made-up French-looking words, drawn with
// a Zipf law as news text draws its words.
type benchWords struct {
	words []string
	zipf  *rand.Zipf
	r     *rand.Rand
}

func newBenchWords(seed uint64, n int) *benchWords {
	r := rand.New(rand.NewPCG(seed, 7))
	syl := []string{"ra", "lé", "mon", "tri", "ca", "pé", "vu", "sor", "gan", "ti", "bel", "ro", "chi", "dé", "men", "ta", "lu", "ver", "po", "ni"}
	w := &benchWords{r: r, zipf: rand.NewZipf(r, 1.1, 2, uint64(n-1))}
	seen := map[string]bool{}
	for len(w.words) < n {
		var b strings.Builder
		for k := 1 + r.IntN(4); k > 0; k-- {
			b.WriteString(syl[r.IntN(len(syl))])
		}
		if s := b.String(); !seen[s] {
			seen[s] = true
			w.words = append(w.words, s)
		}
	}
	return w
}

func (w *benchWords) sentence() string {
	n := 6 + w.r.IntN(20)
	parts := make([]string, n)
	for i := range parts {
		parts[i] = w.words[w.zipf.Uint64()]
	}
	if w.r.IntN(3) == 0 {
		parts[w.r.IntN(n)] = "2024"
	}
	return strings.ToUpper(parts[0][:1]) + strings.Join(parts, " ")[1:] + "."
}

// benchJob returns a memory of nUnits units and an article of nSegs
// segments: a tenth repeats memory sources, a fifth changes one or two
// words of one, the rest is new text.
func benchJob(nUnits, nSegs int) (*tm.Memory, *segments.Document) {
	w := newBenchWords(1, 20000)
	mem := tm.New("fr", "en")
	units := make([]tm.Unit, nUnits)
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range units {
		units[i] = tm.Unit{Source: w.sentence(), Target: "t", SourceLang: "fr", TargetLang: "en", Origin: "bench", Created: now, Changed: now}
	}
	mem.Add(units...)
	doc := &segments.Document{SourceLang: language.French, TargetLang: language.English}
	for i := range nSegs {
		var src string
		switch k := w.r.IntN(10); {
		case k == 0:
			src = units[w.r.IntN(nUnits)].Source
		case k <= 2:
			f := strings.Fields(units[w.r.IntN(nUnits)].Source)
			for range 1 + w.r.IntN(2) {
				f[w.r.IntN(len(f))] = w.words[w.r.IntN(len(w.words))]
			}
			src = strings.Join(f, " ")
		default:
			src = w.sentence()
		}
		doc.Segments = append(doc.Segments, segments.Segment{Index: i, Source: src})
	}
	return mem, doc
}

// BenchmarkAnalyze10k analyses a 10,000-segment article against a
// 100,000-unit memory (building them is not timed).
func BenchmarkAnalyze10k(b *testing.B) {
	mem, doc := benchJob(100_000, 10_000)
	var r Report
	cpu := cputime.Used()
	for b.Loop() {
		j := NewJob()
		j.Add("bench", doc, mem)
		r = j.Report()
	}
	b.StopTimer()
	// The machine is shared: CPU time says what the analysis costs when
	// wall time says how long others made it wait.
	b.ReportMetric((cputime.Used()-cpu).Seconds()/float64(b.N), "cpu-s/op")
	for band := Band(0); band < NumBands; band++ {
		b.ReportMetric(float64(r.Total.Bands[band].Segments), "seg-"+band.ID())
	}
}
