package glossary

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/trad-project/trad/internal/cputime"
)

// newsText is French news prose: the project's sample article.
func newsText(tb testing.TB) []string {
	data, err := os.ReadFile("../examples/article.fr.md")
	if err != nil {
		tb.Fatal(err)
	}
	var paras []string
	for _, p := range strings.Split(string(data), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	return paras
}

var (
	genOnce sync.Once
	genTSV  []byte
	genTBX  []byte
	genG    *Glossary
)

// generated returns a 100,000-term French–English glossary (as TSV, TBX and
// parsed), made of the sample article's words and invented ones so that
// news text meets many candidates and some hits.
func generated(tb testing.TB) ([]byte, []byte, *Glossary) {
	genOnce.Do(func() {
		r := rand.New(rand.NewSource(1))
		var real []string
		seen := map[string]bool{}
		for _, p := range newsText(tb) {
			for _, t := range NewAnalyzer("fr").Tokens(p) {
				if len(t.Fold) > 3 && !seen[t.Fold] {
					seen[t.Fold] = true
					real = append(real, t.Fold)
				}
			}
		}
		syll := []string{"ba", "cro", "di", "fen", "ga", "lu", "mar", "né", "po", "ri", "sé", "ta", "vin", "zo", "tion", "ment", "eur", "ique"}
		word := func() string {
			if r.Intn(3) == 0 {
				return real[r.Intn(len(real))]
			}
			var b strings.Builder
			for n := 2 + r.Intn(3); n > 0; n-- {
				b.WriteString(syll[r.Intn(len(syll))])
			}
			return b.String()
		}
		var buf bytes.Buffer
		buf.WriteString("fr\ten\tdomain\tpos\tnote\n")
		terms := map[string]bool{}
		for len(terms) < 100000 {
			n := 1 + r.Intn(3)
			ws := make([]string, n)
			for i := range ws {
				ws[i] = word()
			}
			t := strings.Join(ws, " ")
			if terms[t] {
				continue
			}
			terms[t] = true
			fmt.Fprintf(&buf, "%s\t%s term %d\tgenerated\tnoun\t\n", t, strings.ToUpper(ws[0]), len(terms))
		}
		genTSV = buf.Bytes()
		g, _, err := Read(bytes.NewReader(genTSV), "gen.tsv", FormatTSV)
		if err != nil {
			tb.Fatal(err)
		}
		genG = g
		var tbx bytes.Buffer
		if _, err := Write(&tbx, g, FormatTBX, WriteOptions{}); err != nil {
			tb.Fatal(err)
		}
		genTBX = tbx.Bytes()
	})
	return genTSV, genTBX, genG
}

// reportCPU reports work per CPU second since cpu0 (see cputime.Used).
func reportCPU(b *testing.B, cpu0 time.Duration, work float64, unit string) {
	if d := cputime.Used() - cpu0; cpu0 > 0 && d > 0 {
		b.ReportMetric(work/d.Seconds(), unit)
	}
}

func heapMB() float64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return float64(ms.HeapAlloc) / (1 << 20)
}

// BenchmarkMatch100k matches French news text against a 100,000-term
// glossary; heap-MB is the heap held by the glossary and its matcher.
func BenchmarkMatch100k(b *testing.B) {
	tsv, _, _ := generated(b)
	paras := newsText(b)
	before := heapMB()
	g, _, err := Read(bytes.NewReader(tsv), "gen.tsv", FormatTSV)
	if err != nil {
		b.Fatal(err)
	}
	m := NewMatcher(g, "fr", "en")
	heap := heapMB() - before
	benchMatch(b, m, paras)
	b.ReportMetric(heap, "heap-MB")
	runtime.KeepAlive(m)
}

// benchMatch times matching paras with m (MB/s of text, and cpu-MB/s)
// and returns the hits found in them.
func benchMatch(b *testing.B, m *Matcher, paras []string) int {
	n, hits := 0, 0
	for _, p := range paras {
		n += len(p)
		hits += len(m.Match(p))
	}
	if hits == 0 {
		b.Fatal("no hits: the benchmark measures nothing")
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	cpu0 := cputime.Used()
	for b.Loop() {
		for _, p := range paras {
			m.Match(p)
		}
	}
	reportCPU(b, cpu0, float64(n)*float64(b.N)/(1<<20), "cpu-MB/s")
	return hits
}

func BenchmarkLoadTSV100k(b *testing.B) {
	tsv, _, _ := generated(b)
	benchLoad(b, tsv, "gen.tsv", FormatTSV)
}

func BenchmarkLoadTBX100k(b *testing.B) {
	_, tbx, _ := generated(b)
	benchLoad(b, tbx, "gen.tbx", FormatTBX)
}

// benchLoad times reading the generated 100,000-entry glossary data, and
// reports CPU time per load and the heap the loaded glossary holds.
func benchLoad(b *testing.B, data []byte, name string, format Format) {
	var g *Glossary
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	cpu0 := cputime.Used()
	for i := 0; i < b.N; i++ {
		var err error
		g, _, err = Read(bytes.NewReader(data), name, format)
		if err != nil || g.Len() != 100000 {
			b.Fatal(err, g.Len())
		}
	}
	b.StopTimer()
	if d := cputime.Used() - cpu0; cpu0 > 0 {
		b.ReportMetric(float64(d.Milliseconds())/float64(b.N), "cpu-ms/op")
	}
	g = nil
	before := heapMB()
	g, _, _ = Read(bytes.NewReader(data), name, format)
	b.ReportMetric(heapMB()-before, "heap-MB")
	runtime.KeepAlive(g)
}

// BenchmarkLoadBuiltin parses the embedded glossary (every data file) and
// builds its French–English matcher: what a command pays at start-up.
func BenchmarkLoadBuiltin(b *testing.B) {
	b.ReportAllocs()
	n := 0
	cpu0 := cputime.Used()
	for i := 0; i < b.N; i++ {
		g, warns := loadBuiltin()
		if len(warns) > 0 || g.Len() == 0 {
			b.Fatal(warns)
		}
		m := NewMatcher(g, "fr", "en")
		n = g.Len()
		runtime.KeepAlive(m)
	}
	if d := cputime.Used() - cpu0; cpu0 > 0 {
		b.ReportMetric(float64(d.Microseconds())/1000/float64(b.N), "cpu-ms/op")
	}
	b.ReportMetric(float64(n), "concepts")
}

// BenchmarkMatchLongTerm is the pathological case of issue 10: a glossary
// term of words words matched against a text of 4×words words repeating
// them. Terms longer than MaxTermWords are not matched, so the time per
// text word (ns/word) stays flat as words grows; without the limit it grew
// with the term's length (8,000 × 32,000 words: 30 s).
func BenchmarkMatchLongTerm(b *testing.B) {
	for _, words := range []int{1000, 2000, 8000} {
		b.Run(fmt.Sprint(words), func(b *testing.B) {
			term := strings.TrimSpace(strings.Repeat("mot ", words))
			g := New(&Entry{Terms: NewTerms(map[string][]string{"fr": {term, "mot mot"}, "en": {"x"}})})
			m := NewMatcher(g, "fr", "en")
			text := strings.Repeat("mot ", 4*words)
			b.SetBytes(int64(len(text)))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if len(m.Match(text)) != 2*words {
					b.Fatal("unexpected hits")
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(4*words), "ns/word")
		})
	}
}

// BenchmarkAppendTBXHostile adds a term to a TBX of 4,000 comments
// holding "</body>" and 4,000 taken ids after its body (review F8: 2.7 s
// per add when each candidate was tried with a new parse).
func BenchmarkAppendTBXHostile(b *testing.B) {
	data := hostileTBX(4000)
	path := filepath.Join(b.TempDir(), "h.tbx")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			b.Fatal(err)
		}
		if _, err := AppendEntry(path, newEntry("b", "c", "", ""), "fr", "en"); err != nil {
			b.Fatal(err)
		}
	}
}
