package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/trad-project/trad/internal/cputime"
	"github.com/trad-project/trad/segments"
	"github.com/trad-project/trad/tui"
)

// bigArticles are issue 10's large inputs, about 50 MB each: one line of
// sentences, one sentence of 50 MB, and ordinary paragraphs.
func bigArticles(size int) map[string]string {
	sentence := "La souveraineté numérique de l’Europe reste un enjeu majeur pour les années à venir. "
	para := strings.Repeat(sentence+"Les États membres en discutent. ", 4) + "\n\n"
	return map[string]string{
		"line50MB":       strings.Repeat(sentence, size/len(sentence)),
		"segment50MB":    strings.Repeat("souveraineté numérique ", size/len("souveraineté numérique ")),
		"paragraphs50MB": strings.Repeat(para, size/len(para)),
	}
}

// BenchmarkEditOpen is what `trad edit FILE` does before its first frame:
// prepareEdit (reading, segmenting or resuming the project), the editor's
// New, its first size message, Init and View. The article is new each time
// (no project file), except for target50MB, a project whose one segment's
// translation is 50 MB, and resume50MB, line50MB's project: both resumed. first-frame-cpu-ms is the CPU time of the
// whole process meanwhile (garbage collection included), steadier than the
// wall time on a loaded machine.
func BenchmarkEditOpen(b *testing.B) {
	dir := b.TempDir()
	b.Setenv("XDG_DATA_HOME", filepath.Join(dir, "data"))
	b.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	const size = 50 << 20
	cases := []string{"line50MB", "segment50MB", "paragraphs50MB", "target50MB", "resume50MB", "resumeParagraphs50MB"}
	arts := bigArticles(size)
	arts["target50MB"] = "Le gouvernement a publié un rapport.\n"
	arts["resume50MB"] = arts["line50MB"]
	arts["resumeParagraphs50MB"] = arts["paragraphs50MB"]
	for _, name := range cases {
		b.Run(name, func(b *testing.B) {
			path := filepath.Join(dir, name+".fr.txt")
			if err := os.WriteFile(path, []byte(arts[name]), 0o644); err != nil {
				b.Fatal(err)
			}
			project := segments.ProjectPath(path)
			resume := strings.HasPrefix(name, "resume") || name == "target50MB"
			if resume {
				op, err := segments.OpenProject(path, segments.OpenOptions{})
				doc := op.Doc
				if err != nil {
					b.Fatal(err)
				}
				if name == "target50MB" {
					doc.Segments[0].Target = strings.Repeat("digital sovereignty ", size/20)
				} else {
					doc.Segments[0].Target = "Europe's digital sovereignty remains a major issue."
				}
				doc.Segments[0].Status = segments.StatusDraft
				if err := segments.Save(project, doc); err != nil {
					b.Fatal(err)
				}
			}
			var prep, first, cpu time.Duration
			var live uint64
			for i := 0; i < b.N; i++ {
				if !resume {
					_ = os.Remove(project)
				}
				runtime.GC()
				t0, c0 := time.Now(), cputime.Used()
				ses, err := prepareEdit(&editOptions{File: path, NoUser: true})
				if err != nil {
					b.Fatal(err)
				}
				prep += time.Since(t0)
				m := tui.New(ses.doc, ses.projectPath, ses.options(false, true))
				initCmd := m.Init()
				nm, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
				_ = nm.View()
				first += time.Since(t0)
				cpu += cputime.Used() - c0
				// What stays live once the first frame is drawn: the editor,
				// the Store and the background load's snapshot (held by Init's
				// command until it runs).
				live = max(live, liveHeap())
				runtime.KeepAlive(initCmd)
				runtime.KeepAlive(nm)
			}
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			n := time.Duration(b.N)
			b.ReportMetric(float64(prep/n)/1e6, "prepare-ms")
			b.ReportMetric(float64(first/n)/1e6, "first-frame-ms")
			b.ReportMetric(float64(cpu/n)/1e6, "first-frame-cpu-ms")
			b.ReportMetric(float64(ms.Sys)/(1<<20), "sys-MB")
			b.ReportMetric(float64(live)/(1<<20), "live-MB")
		})
	}
}

// liveHeap returns the bytes of the heap still in use after a collection.
func liveHeap() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}
