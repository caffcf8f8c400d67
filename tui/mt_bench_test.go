package tui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"golang.org/x/text/language"

	"github.com/trad-project/trad/mt"
	"github.com/trad-project/trad/segments"
)

// mtBenchDoc is a French article of n distinct 30-word sentences, each its
// own paragraph, so no suggestion is cached before it is asked for.
func mtBenchDoc(n int) *segments.Document {
	doc := &segments.Document{SourceLang: language.French, TargetLang: language.Spanish, Format: "text"}
	for i := 0; i < n; i++ {
		s := fmt.Sprintf("Le gouvernement a présenté mardi %d mesures pour protéger les entreprises européennes, "+
			"mais les syndicats estiment que le budget reste insuffisant face à la crise qui menace des milliers d'emplois.", i+2)
		doc.Blocks = append(doc.Blocks, segments.Block{Kind: segments.KindParagraph, Text: s, First: i, Count: 1})
		doc.Segments = append(doc.Segments, segments.Segment{Index: i, Block: i, End: len(s), Source: s})
	}
	return doc
}

// BenchmarkMTOpenApertium measures, through the editor's path, the time
// from the key that brings the cursor to a segment to the frame showing
// its Apertium suggestion: Update, the command asking the engine (here run
// at once, as the runtime runs it on another goroutine), the message's
// Update and View. "cold" segments were never asked; "prefetched" ones
// were prefetched when the cursor reached the segment before (the wait for
// the prefetch is not timed).
func BenchmarkMTOpenApertium(b *testing.B) {
	requireApertium(b)
	for _, prefetched := range []bool{false, true} {
		name := "cold"
		if prefetched {
			name = "prefetched"
		}
		b.Run(name, func(b *testing.B) {
			doc := mtBenchDoc(b.N + 2)
			if len(strings.Fields(doc.Segments[0].Source)) != 30 {
				b.Fatalf("want 30-word sentences: %q", doc.Segments[0].Source)
			}
			cfg := DefaultConfig()
			cfg.MT = &mt.Config{Prefetch: -1}
			if prefetched {
				cfg.MT.Prefetch = 1
			}
			svc, err := mt.New(mt.Options{Config: cfg.MT, CachePath: filepath.Join(b.TempDir(), "b.mtcache.json")})
			if err != nil {
				b.Fatal(err)
			}
			defer svc.Close()
			tick := func(time.Duration, tea.Msg) tea.Cmd { return nil }
			m := New(doc, filepath.Join(b.TempDir(), "b.trad.json"), Options{MT: svc, Config: &cfg, Tick: tick})
			nm, cmd := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
			m = runCmds(nm.(Model), cmd)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if prefetched {
					b.StopTimer()
					next := mt.RequestAt(m.doc, m.cur+1, nil)
					for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
						if _, ok := svc.Cached(next); ok {
							break
						}
					}
					b.StartTimer()
				}
				nm, cmd := m.Update(tea.KeyMsg{Type: tea.KeyDown})
				m = runCmds(nm.(Model), cmd)
				if v := m.View(); !strings.Contains(v, "MT · apertium") {
					b.Fatalf("no suggestion on screen:\n%s", v)
				}
				if e, ok := m.mtEntry(m.cur); !ok || e.err != nil || e.sg.Text == "" {
					b.Fatalf("segment %d: %+v", m.cur, e)
				}
			}
		})
	}
}
