package tui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/trad-project/trad/segments"
)

// BenchmarkConfirmHuge is issue 10's goal of 50 ms a key on a 50 MB
// article: the Update and View of the Enter that confirms a typed
// translation on the one-line article (549,451 segments, every one the
// same sentence) and on the paragraphs one (the same sentence and another,
// 100,000 blocks), with its auto-filled repetitions (the editor's limit,
// 10,000 drafts) and the snapshot its save takes. The index of
// repetitions was prepared at open, as trad edit does; the commands (the
// save itself, QA) run off the UI goroutine and are not timed.
func BenchmarkConfirmHuge(b *testing.B) {
	s := "La souveraineté numérique de l’Europe reste un enjeu majeur pour les années à venir. "
	p := strings.Repeat(s+"Les États membres en discutent. ", 4) + "\n\n"
	for name, text := range map[string]string{"line50MB": strings.Repeat(s, 50<<20/len(s)), "paragraphs50MB": strings.Repeat(p, 50<<20/len(p))} {
		b.Run(name, func(b *testing.B) { benchConfirm(b, text) })
	}
}

func benchConfirm(b *testing.B, text string) {
	base, _, err := segments.Read(strings.NewReader(text), segments.ReadOptions{Tags: true, Lang: "fr", Target: "en"})
	if err != nil {
		b.Fatal(err)
	}
	tick := func(time.Duration, tea.Msg) tea.Cmd { return nil }
	noSave := func(*segments.Document) error { return nil }
	var confirm time.Duration
	b.StopTimer()
	for range b.N {
		doc := base.Clone()
		doc.PrepareRepetitions()
		doc.Repetitions(0) // waits for the index, as the first frame's time does
		m := New(doc, "/tmp/huge.trad.json", Options{Hits: newFakeFinder(), Memory: testMemory(), Save: noSave, Tick: tick})
		nm, cmd := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		_ = nm.View()
		m = runCmds(nm.(Model), cmd)
		nm, cmd = m.Update(tea.KeyMsg{Type: tea.KeyEnter})
		m = runCmds(nm.(Model), cmd)
		for _, r := range "Bonjour" {
			nm, _ = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
			m = nm.(Model)
		}
		t0 := time.Now()
		nm, _ = m.Update(tea.KeyMsg{Type: tea.KeyEnter})
		_ = nm.View()
		confirm += time.Since(t0)
		if got := nm.(Model).doc.Segments[2].Status; got != segments.StatusDraft {
			b.Fatalf("segment 3 is %v, not a filled repetition", got)
		}
	}
	b.ReportMetric(float64(confirm.Microseconds())/float64(b.N)/1e3, "confirm-ms")
	b.ReportMetric(float64(len(base.Segments)), "segments")
}
