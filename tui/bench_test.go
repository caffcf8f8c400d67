package tui

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/trad-project/trad/examples"
	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/segments"
	"github.com/trad-project/trad/tm"
)

// sampleMarkdown returns the bundled article repeated until it is at least
// n bytes long.
func sampleMarkdown(n int) string {
	_, data := examples.Article()
	var b strings.Builder
	for b.Len() < n {
		b.Write(data)
		b.WriteString("\n\n")
	}
	return b.String()
}

var (
	benchOnce     sync.Once
	benchDoc      *segments.Document
	benchMatcher  *glossary.Matcher
	benchGlossary *glossary.Glossary // the matcher's glossary
	benchMemOnce  sync.Once
	benchMem      *tm.Memory
)

// benchMemory returns a memory of about 20,000 units: the bench document's
// sentences with a word changed, so every segment has fuzzy matches.
func benchMemory(doc *segments.Document) *tm.Memory {
	benchMemOnce.Do(func() {
		benchMem = tm.New("fr", "en")
		var units []tm.Unit
		for i, s := range doc.Segments {
			if i%2 == 0 || len(units) < 20000 {
				units = append(units, tm.Unit{Source: s.Source + " en " + strconv.Itoa(i%97), Target: "EN " + s.Source, Origin: "/mem/bench.tmx"})
			}
			if len(units) >= 20000 {
				break
			}
		}
		benchMem.Add(units...)
	})
	return benchMem
}

// benchSetup builds a document of at least 10,000 segments and a matcher
// over a generated 100,000-term glossary made of the article's words and
// invented ones, so segments meet many candidates and some hits.
func benchSetup(b *testing.B) (*segments.Document, *glossary.Matcher) {
	benchOnce.Do(func() {
		md := sampleMarkdown(1)
		doc, _, err := segments.Read(strings.NewReader(md), segments.ReadOptions{Format: "markdown"})
		if err != nil {
			b.Fatal(err)
		}
		per := len(doc.Segments)
		big, _, err := segments.Read(strings.NewReader(sampleMarkdown(len(md)*(10000/per+1))), segments.ReadOptions{Format: "markdown"})
		if err != nil {
			b.Fatal(err)
		}
		benchDoc = big

		r := rand.New(rand.NewSource(1))
		var real []string
		seen := map[string]bool{}
		an := glossary.NewAnalyzer("fr")
		for _, s := range doc.Segments {
			for _, t := range an.Tokens(s.Source) {
				if len(t.Fold) > 3 && !seen[t.Fold] {
					seen[t.Fold] = true
					real = append(real, t.Fold)
				}
			}
		}
		syll := []string{"ba", "cro", "di", "fen", "ga", "lu", "mar", "né", "po", "ri", "sé", "ta", "vin", "zo", "tion", "ment"}
		word := func() string {
			if r.Intn(3) == 0 {
				return real[r.Intn(len(real))]
			}
			var w strings.Builder
			for n := 2 + r.Intn(3); n > 0; n-- {
				w.WriteString(syll[r.Intn(len(syll))])
			}
			return w.String()
		}
		var buf bytes.Buffer
		buf.WriteString("fr\ten\tdomain\tpos\tnote\n")
		terms := map[string]bool{}
		for len(terms) < 100000 {
			ws := make([]string, 1+r.Intn(3))
			for i := range ws {
				ws[i] = word()
			}
			t := strings.Join(ws, " ")
			if !terms[t] {
				terms[t] = true
				fmt.Fprintf(&buf, "%s\t%s term\tgenerated\tnoun\t\n", t, strings.ToUpper(ws[0]))
			}
		}
		g, _, err := glossary.Read(&buf, "gen.tsv", glossary.FormatTSV)
		if err != nil {
			b.Fatal(err)
		}
		benchMatcher = glossary.NewMatcher(g, "fr", "en")
		benchGlossary = g
	})
	return benchDoc.Clone(), benchMatcher
}

// runCmds runs the commands an Update returned, as the runtime would on
// other goroutines, and feeds their messages back; timers are dropped.
func runCmds(m Model, cmd tea.Cmd) Model {
	if cmd == nil {
		return m
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			m = runCmds(m, c)
		}
	case nil, tea.QuitMsg:
	default:
		nm, next := m.Update(msg)
		m = runCmds(nm.(Model), next)
	}
	return m
}

func p99(d []time.Duration) float64 {
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	return float64(d[len(d)*99/100]) / float64(time.Millisecond)
}

// BenchmarkKeystroke10k measures one keystroke in edit mode and one cursor
// move in browse mode, each Update plus View, on a 10,000-segment document
// with a 100,000-term glossary and a 20,000-unit translation memory (the
// matches pane on screen). Commands (saves, glossary and memory look-ups)
// run outside the timed section, as they run off the UI goroutine.
func BenchmarkKeystroke10k(b *testing.B) {
	tick := func(time.Duration, tea.Msg) tea.Cmd { return nil }
	benchKeystrokes(b, Options{Tick: tick})
}

// BenchmarkKeystroke10kTags is BenchmarkKeystroke10k on the document
// with every segment's source and target tagged (a bold pair and a code
// span each), so the editor draws its value with the tag labels.
func BenchmarkKeystroke10kTags(b *testing.B) {
	tick := func(time.Duration, tea.Msg) tea.Cmd { return nil }
	doc, matcher := benchSetup(b)
	benchKeystrokesOn(b, Options{Tick: tick}, tagEverySegment(doc), matcher)
}

// BenchmarkKeystroke10kFilter is BenchmarkKeystroke10k with a row filter
// on (the sources starting with "L", about a third of the rows), so
// moving, drawing and confirming walk the filtered rows.
func BenchmarkKeystroke10kFilter(b *testing.B) {
	tick := func(time.Duration, tea.Msg) tea.Cmd { return nil }
	doc, matcher := benchSetup(b)
	benchKeystrokesOn(b, Options{Tick: tick}, doc, matcher, "src:/^L/")
}

// tagEverySegment returns a copy of doc where every segment has a bold
// pair around its second word and a code span at its end, in its source
// and in its target (a copy of the source, draft).
func tagEverySegment(doc *segments.Document) *segments.Document {
	d := doc.Clone()
	for bi := range d.Blocks {
		d.Blocks[bi].Codes = nil
	}
	for i := range d.Segments {
		s := &d.Segments[i]
		blk := &d.Blocks[s.Block]
		id := len(blk.Codes) + 1
		blk.Codes = append(blk.Codes,
			segments.Code{ID: id, Type: segments.CodeBold, Pair: true, Open: "**", Close: "**"},
			segments.Code{ID: id + 1, Type: segments.CodeCode, Open: "`x`"})
		open := strings.IndexByte(s.Source, ' ') + 1
		end := strings.IndexByte(s.Source[open:], ' ')
		if end < 0 {
			end = len(s.Source) - open
		}
		s.SourceTags = []segments.Tag{{At: open, ID: id, Kind: segments.TagOpen},
			{At: open + end, ID: id, Kind: segments.TagClose}, {At: len(s.Source), ID: id + 1, Kind: segments.TagPlaceholder}}
		s.Target, s.TargetTags, s.Status = s.Source, s.SourceTags, segments.StatusDraft
	}
	return d
}

// benchKeystrokes is BenchmarkKeystroke10k with opts (Tick, Spell).
func benchKeystrokes(b *testing.B, opts Options) {
	doc, matcher := benchSetup(b)
	benchKeystrokesOn(b, opts, doc, matcher)
}

// benchKeystrokesOn is benchKeystrokes on doc.
func benchKeystrokesOn(b *testing.B, opts Options, doc *segments.Document, matcher *glossary.Matcher, filter ...string) {
	// Measure the editor as trad edit runs it.
	defer TuneGC()()
	noSave := func(*segments.Document) error { return nil }
	opts.Hits, opts.Save, opts.WordCount = matcher, noSave, segments.WordCount
	if opts.Memory == nil { // BenchmarkKeystrokeScale brings its own
		opts.Memory = benchMemory(doc)
	}
	m := New(doc, "/tmp/bench.trad.json", opts)
	nm, cmd := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m = runCmds(nm.(Model), cmd)
	_ = m.View()
	// Start in the middle of the document.
	m.cur = len(doc.Segments) / 2
	m.doc.Cursor = m.cur
	for _, f := range filter {
		m = runCmds(m, m.applyFilter(f))
		if !m.flt.active || m.flt.shown == m.flt.of || !m.table.shown(m.cur) {
			b.Fatalf("filter %q: active %v, %d of %d rows, cursor on a shown row %v", f, m.flt.active, m.flt.shown, m.flt.of, m.table.shown(m.cur))
		}
	}

	keys := make([]time.Duration, 0, b.N)
	moves := make([]time.Duration, 0, b.N)
	letters := []rune("la souveraineté numérique ")
	// One iteration is one keystroke in edit mode and one cursor move in
	// browse mode, timed separately. Every 60 keystrokes the segment is
	// confirmed (untimed: that saves a snapshot, as a translator's enter
	// does), so targets stay sentence-sized.
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		nm, cmd = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'i'}})
		m = runCmds(nm.(Model), cmd)
		b.StartTimer()
		r := letters[i%len(letters)]
		k := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}}
		if r == ' ' {
			k = tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
		}
		t0 := time.Now()
		nm, cmd = m.Update(k)
		m = nm.(Model)
		_ = m.View()
		keys = append(keys, time.Since(t0))
		b.StopTimer()
		m = runCmds(m, cmd)
		if i%60 == 59 {
			nm, cmd = m.Update(tea.KeyMsg{Type: tea.KeyEnter})
			m = runCmds(nm.(Model), cmd)
		}
		// Back to browse mode, keeping the text (a draft).
		nm, cmd = m.Update(tea.KeyMsg{Type: tea.KeyEsc})
		m = runCmds(nm.(Model), cmd)
		b.StartTimer()

		k = tea.KeyMsg{Type: tea.KeyDown}
		if i%2 == 1 {
			k = tea.KeyMsg{Type: tea.KeyUp}
		}
		t0 = time.Now()
		nm, cmd = m.Update(k)
		m = nm.(Model)
		_ = m.View()
		moves = append(moves, time.Since(t0))
		b.StopTimer()
		m = runCmds(m, cmd)
		b.StartTimer()
	}
	b.StopTimer()
	if len(keys) > 0 {
		b.ReportMetric(p99(keys), "key-p99-ms")
		b.ReportMetric(p99(moves), "move-p99-ms")
		all := append(append([]time.Duration(nil), keys...), moves...)
		b.ReportMetric(p99(all), "p99-ms")
	}
	if m.flt.active {
		b.ReportMetric(float64(m.flt.shown), "rows-shown")
	}
}

// BenchmarkOpen1MB measures opening a 1 MB article to the first frame:
// read and segment the file, New, the first WindowSizeMsg and View.
func BenchmarkOpen1MB(b *testing.B) {
	path := filepath.Join(b.TempDir(), "big.fr.md")
	if err := os.WriteFile(path, []byte(sampleMarkdown(1<<20)), 0o644); err != nil {
		b.Fatal(err)
	}
	noSave := func(*segments.Document) error { return nil }
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		doc, _, err := segments.ReadFile(path, segments.ReadOptions{})
		if err != nil {
			b.Fatal(err)
		}
		m := New(doc, path+".trad.json", Options{Save: noSave, WordCount: segments.WordCount})
		nm, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		if v := nm.View(); v == "" {
			b.Fatal("empty first frame")
		}
	}
}
