package tui

import (
	"runtime"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"golang.org/x/text/language"

	"github.com/trad-project/trad/segments"
)

// hugeDoc is a document whose second segment has a source (or a target)
// of n bytes on one line, between two ordinary segments.
func hugeDoc(n int, inTarget bool) *segments.Document {
	long := strings.Repeat("souveraineté numérique ", n/len("souveraineté numérique ")+1)[:n]
	doc := &segments.Document{SourceLang: language.French, TargetLang: language.English, Format: "text"}
	srcs := []string{"Premier.", long, "Dernier."}
	if inTarget {
		srcs[1] = "Un paragraphe."
	}
	for i, s := range srcs {
		doc.Blocks = append(doc.Blocks, segments.Block{Kind: segments.KindParagraph, Text: s, First: i, Count: 1})
		doc.Segments = append(doc.Segments, segments.Segment{Index: i, Block: i, End: len(s), Source: s})
	}
	if inTarget {
		doc.Segments[1].Target, doc.Segments[1].Status = long, segments.StatusDraft
	}
	return doc
}

// BenchmarkHugeSegment opens a document with a 50 MB segment (its source,
// or its target), moves onto it, opens the editor on it and types: the
// first frame, the move, each key (Update and View) and the memory the Go
// runtime holds afterwards (Sys, an upper bound of what it asked the OS
// for) are reported. Commands run outside the timed sections, as they do
// off the UI goroutine.
func BenchmarkHugeSegment(b *testing.B) {
	for _, tc := range []struct {
		name     string
		inTarget bool
	}{{"source50MB", false}, {"target50MB", true}} {
		b.Run(tc.name, func(b *testing.B) {
			tick := func(time.Duration, tea.Msg) tea.Cmd { return nil }
			noSave := func(*segments.Document) error { return nil }
			var first, move, key time.Duration
			for i := 0; i < b.N; i++ {
				doc := hugeDoc(50<<20, tc.inTarget)
				t0 := time.Now()
				m := New(doc, "/tmp/huge.trad.json", Options{Hits: newFakeFinder(), Memory: testMemory(), Save: noSave, Tick: tick})
				nm, cmd := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
				_ = nm.View()
				first += time.Since(t0)
				m = runCmds(nm.(Model), cmd)

				t0 = time.Now()
				nm, cmd = m.Update(tea.KeyMsg{Type: tea.KeyDown})
				_ = nm.View()
				move += time.Since(t0)
				m = runCmds(nm.(Model), cmd)

				nm, cmd = m.Update(tea.KeyMsg{Type: tea.KeyEnter})
				m = runCmds(nm.(Model), cmd)
				const keys = 5
				t0 = time.Now()
				for k := 0; k < keys; k++ {
					nm, cmd = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'x'}})
					_ = nm.View()
					m = nm.(Model)
				}
				key += time.Since(t0) / keys
				_ = runCmds(m, cmd)
			}
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			n := time.Duration(b.N)
			b.ReportMetric(float64(first/n)/1e6, "first-frame-ms")
			b.ReportMetric(float64(move/n)/1e6, "move-ms")
			b.ReportMetric(float64(key/n)/1e6, "key-ms")
			b.ReportMetric(float64(ms.Sys)/(1<<20), "sys-MB")
		})
	}
}
