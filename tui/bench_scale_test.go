package tui

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/segments"
	"github.com/trad-project/trad/tm"
)

// Issue 15's scale for the editor: a keystroke must stay under 2 ms (p99)
// with a 1,000,000-unit memory and a 1,000,000-term glossary loaded. Both
// are generated here: what they cost a keystroke is mostly the collector's
// work on their live heap (the look-ups run off the UI goroutine).

// scaleWords is a vocabulary of made-up French-looking words whose use
// follows Zipf's law, so a few words are everywhere and most are rare.
type scaleWords struct {
	r     *rand.Rand
	zipf  *rand.Zipf
	words []string
}

func newScaleWords(seed uint64, n int) *scaleWords {
	r := rand.New(rand.NewPCG(seed, 15))
	syl := []string{"ba", "cro", "di", "fen", "ga", "lu", "mar", "né", "po", "ri", "sé", "ta", "vin", "zo", "tion", "ment", "ler", "chau", "pré", "gon"}
	w := &scaleWords{r: r, zipf: rand.NewZipf(r, 1.07, 2, uint64(n-1))}
	seen := make(map[string]bool, n)
	for len(w.words) < n {
		var b strings.Builder
		// Frequent words are short, as function words are (the first 300
		// of one or two syllables: 420 such words exist).
		for k := 1 + min(len(w.words)/300, 2) + r.IntN(2); k > 0; k-- {
			b.WriteString(syl[r.IntN(len(syl))])
		}
		if s := b.String(); !seen[s] {
			seen[s] = true
			w.words = append(w.words, s)
		}
	}
	return w
}

func (w *scaleWords) word() string { return w.words[w.zipf.Uint64()] }

// sentence returns a sentence of 10 to 40 words, most near 20 (news
// lengths), one in four with a number.
func (w *scaleWords) sentence() string {
	n := 10 + w.r.IntN(11) + w.r.IntN(11) + w.r.IntN(10)
	parts := make([]string, n)
	for i := range parts {
		parts[i] = w.word()
	}
	if w.r.IntN(4) == 0 {
		parts[w.r.IntN(n)] = fmt.Sprintf("%d,%d", w.r.IntN(1000), w.r.IntN(10))
	}
	s := strings.Join(parts, " ")
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

var (
	scaleOnce    sync.Once
	scaleMem     *tm.Memory
	scaleMatcher *glossary.Matcher
	scaleErr     error
)

// scaleSetup returns a memory of 1,000,000 units, the bench document's
// sentences with a word and a number added among them (so segments have matches), and
// a matcher over a 1,000,000-term glossary: terms of one to three words of
// the vocabulary, a tenth of them with one of the document's words, so
// segments meet candidates and hits.
func scaleSetup(doc *segments.Document) (*tm.Memory, *glossary.Matcher, error) {
	scaleOnce.Do(func() {
		const units, terms = 1_000_000, 1_000_000
		w := newScaleWords(1, 60_000)
		mem := tm.New("fr", "en")
		// The document's near matches first, then generated sentences,
		// added in batches on every CPU (Add analyses outside its lock).
		batches := make(chan []tm.Unit, 4)
		var wg sync.WaitGroup
		for range runtime.GOMAXPROCS(0) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for b := range batches {
					mem.Add(b...)
				}
			}()
		}
		batch, sent := make([]tm.Unit, 0, 10_000), 0
		send := func(u tm.Unit) {
			sent++
			if batch = append(batch, u); len(batch) == cap(batch) {
				batches <- batch
				batch = make([]tm.Unit, 0, 10_000)
			}
		}
		var docWords []string
		an := glossary.NewAnalyzer("fr")
		seen := map[string]bool{}
		for i, s := range doc.Segments {
			if i < 20_000 {
				send(tm.Unit{Source: fmt.Sprintf("%s %s %d", s.Source, w.word(), i), Target: "EN " + s.Source, Origin: "/mem/scale.tmx"})
			}
			for _, t := range an.Tokens(s.Source) {
				if len(t.Fold) > 3 && !seen[t.Fold] {
					seen[t.Fold] = true
					docWords = append(docWords, t.Fold)
				}
			}
		}
		for i := sent; i < units; i++ {
			send(tm.Unit{Source: w.sentence(), Target: fmt.Sprintf("EN %d", i), Origin: "/mem/scale.tmx"})
		}
		batches <- batch
		close(batches)
		wg.Wait()
		// Add replaces a unit of the same origin and source: make up for
		// the sentences drawn twice.
		for i := units; mem.Len() < units; i++ {
			mem.Add(tm.Unit{Source: w.sentence(), Target: fmt.Sprintf("EN %d", i), Origin: "/mem/scale.tmx"})
		}

		var buf bytes.Buffer
		buf.WriteString("fr\ten\tdomain\tpos\tnote\n")
		have := make(map[string]bool, terms)
		for len(have) < terms {
			ws := make([]string, 1+w.r.IntN(2)+w.r.IntN(2))
			for i := range ws {
				ws[i] = w.word()
			}
			if w.r.IntN(10) == 0 {
				ws[w.r.IntN(len(ws))] = docWords[w.r.IntN(len(docWords))]
			}
			t := strings.Join(ws, " ")
			if !have[t] {
				have[t] = true
				fmt.Fprintf(&buf, "%s\t%s term\tgenerated\tnoun\t\n", t, strings.ToUpper(ws[0]))
			}
		}
		g, _, err := glossary.Read(&buf, "scale.tsv", glossary.FormatTSV)
		if err != nil {
			scaleErr = fmt.Errorf("reading the generated glossary: %w", err)
			return
		}
		scaleMem, scaleMatcher = mem, glossary.NewMatcher(g, "fr", "en")
	})
	return scaleMem, scaleMatcher, scaleErr
}

// BenchmarkKeystrokeScale is BenchmarkKeystroke10k with a 1,000,000-unit
// memory and a 1,000,000-term glossary (issue 15: p99 ≤ 2 ms). Setting
// them up takes about a minute of CPU; -short skips it.
func BenchmarkKeystrokeScale(b *testing.B) {
	if testing.Short() {
		b.Skip("builds a 1,000,000-unit memory and a 1,000,000-term glossary")
	}
	doc, _ := benchSetup(b)
	t0 := time.Now()
	mem, matcher, err := scaleSetup(doc)
	if err != nil {
		b.Fatal(err)
	}
	if mem.Len() != 1_000_000 {
		b.Fatalf("memory of %d units, want 1,000,000", mem.Len())
	}
	b.Logf("memory and glossary built in %v", time.Since(t0))
	tick := func(time.Duration, tea.Msg) tea.Cmd { return nil }
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	benchKeystrokesOn(b, Options{Tick: tick, Memory: mem}, doc, matcher)
	runtime.ReadMemStats(&after)
	// Whether collections ran during the session (the look-ups between
	// keystrokes allocate), and over how large a heap.
	b.ReportMetric(float64(after.NumGC-before.NumGC), "gc-cycles")
	b.ReportMetric(float64(after.HeapAlloc)/(1<<20), "heap-MB")
	runtime.KeepAlive(mem)
}
