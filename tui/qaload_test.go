package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/trad-project/trad/qa"
	"github.com/trad-project/trad/segments"
)

// reopenedProject writes an article, translates it (segment 2's target
// lacks the source's number, segment 3 is right), saves the project and
// opens it again, as a new session would.
func reopenedProject(t *testing.T) *segments.Document {
	t.Helper()
	dir := t.TempDir()
	art := filepath.Join(dir, "budget.fr.md")
	text := "# Le budget\n\nLe projet coûte 50 milliards d'euros. La souveraineté numérique devient une priorité.\n\nLes puces restent rares.\n"
	if err := os.WriteFile(art, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	op, err := segments.OpenProject(art, segments.OpenOptions{Target: "en"})
	doc, proj := op.Doc, op.Path()
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Segments) != 4 {
		t.Fatalf("want 4 segments, got %d", len(doc.Segments))
	}
	doc.Segments[1].Target, doc.Segments[1].Status = "The project costs billions of euros.", segments.StatusTranslated
	doc.Segments[2].Target, doc.Segments[2].Status = "Digital sovereignty is becoming a priority.", segments.StatusReviewed
	doc.Segments[3].Target, doc.Segments[3].Status = "Semiconductors remain scarce", segments.StatusDraft
	if err := segments.Save(proj, doc); err != nil {
		t.Fatal(err)
	}
	op, err = segments.OpenProject(proj, segments.OpenOptions{})
	again := op.Doc
	if err != nil {
		t.Fatal(err)
	}
	return again
}

func TestQAOnReopen(t *testing.T) {
	for _, tc := range []struct {
		name string
		load bool // glossary through Options.Load (as trad edit) or at New
	}{
		{"glossary loaded after the first frame", true},
		{"glossary given at start", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opts := Options{}
			if tc.load {
				opts.Load = func(*segments.Document) Resources { return Resources{Hits: newFakeFinder()} }
			}
			h := newHarness(t, reopenedProject(t), opts)
			h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
			if strings.Contains(h.view(), "2 ✓!") {
				t.Fatal("findings before any check ran")
			}
			h.run(h.m.Init()) // no key pressed
			is := h.m.issues.get(1)
			if len(is) == 0 || is[0].Check != qa.CheckNumbers || is[0].Severity != qa.Error || is[0].Segment != 1 {
				t.Fatalf("segment 2's findings = %+v, want a numbers error", is)
			}
			if got := h.m.issues.get(2); len(got) != 0 {
				t.Errorf("a correct segment has findings: %+v", got)
			}
			if got := h.m.issues.get(3); len(got) != 0 {
				t.Errorf("a draft was checked: %+v", got)
			}
			v := h.view()
			if !strings.Contains(v, "2 ✓!") {
				t.Fatalf("row 2 lacks the error glyph:\n%s", v)
			}
			if !strings.Contains(v, "QA: 1 error in 2 segments") {
				t.Fatalf("status line lacks the count:\n%s", v)
			}
			// The glossary hits the run computed are cached.
			if !h.m.hits.known(2) || len(h.m.hits.get(2)) == 0 {
				t.Error("the run's hits were not kept")
			}
			h.press("down")
			if v := h.view(); !strings.Contains(v, "! numbers") {
				t.Fatalf("the QA pane does not list the finding:\n%s", v)
			}
		})
	}
}

// TestQAOnReopenStale checks that a run's results do not override what
// happened while it ran: a newer run, or a segment edited meanwhile.
func TestQAOnReopenStale(t *testing.T) {
	h := newHarness(t, reopenedProject(t), Options{})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	run := h.m.Init() // snapshot taken now
	h.press("down", "enter", "ctrl+a", "alt+k")
	h.typeText("The project costs 50 billion euros.\r")
	if len(h.m.issues.get(1)) != 0 {
		t.Fatalf("the fixed segment has findings: %+v", h.m.issues.get(1))
	}
	h.run(run)
	if is := h.m.issues.get(1); len(is) != 0 {
		t.Fatalf("the run's findings for the old text replaced the new ones: %+v", is)
	}

	h2 := newHarness(t, reopenedProject(t), Options{})
	h2.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	old := h2.m.Init()
	h2.m.qaGen++ // as a newer finder does
	h2.run(old)
	if is := h2.m.issues.get(1); len(is) != 0 {
		t.Fatalf("a stale run's findings were kept: %+v", is)
	}
}
