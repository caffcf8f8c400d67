package tui

import (
	"reflect"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/trad-project/trad/segments"
)

// replaceDoc is testDoc with more targets to replace in.
func replaceDoc() *segments.Document {
	doc := testDoc()
	doc.Segments[3].Target, doc.Segments[3].Status = "Digital sovereignty is a priority for the State.", segments.StatusTranslated
	doc.Segments[4].Target, doc.Segments[4].Status = "Chips remain rare.", segments.StatusDraft
	return doc
}

// TestReplaceSession: R, text, replacement, the preview of each change,
// y replaces one, n skips one, a replaces the rest, U undoes them all.
func TestReplaceSession(t *testing.T) {
	doc := replaceDoc()
	orig := doc.Clone()
	h := started(t, doc)
	h.press("R")
	h.typeText("State\r")
	h.typeText("state\r")
	if got := len(h.m.repl.items); got != 2 {
		t.Fatalf("%d changes listed, want 2 (segments 1 and 4)", got)
	}
	v := h.view()
	for _, want := range []string{"Artificial intelligence and the State", "→ Artificial intelligence and the state", "replace State: 2 targets to change, 0 replaced"} {
		if !strings.Contains(v, want) {
			t.Errorf("preview lacks %q:\n%s", want, v)
		}
	}
	checkFrame(t, v, 120, 40)
	h.press("n", "y")
	if got := h.m.doc.Segments[0].Target; got != orig.Segments[0].Target {
		t.Errorf("n changed segment 1: %q", got)
	}
	if got := h.m.doc.Segments[3]; got.Target != "Digital sovereignty is a priority for the state." || got.Status != segments.StatusTranslated {
		t.Errorf("y: segment 4 = %q %v", got.Target, got.Status)
	}
	if got := h.lastSave().Segments[3].Target; got != h.m.doc.Segments[3].Target {
		t.Errorf("the replace was not saved: %q", got)
	}
	h.press("esc")
	if h.m.mode != modeBrowse || !strings.Contains(h.m.status.msg, "replaced in 1 target; U undoes it") {
		t.Errorf("after esc: mode %v, status %q", h.m.mode, h.m.status.msg)
	}
	// A regexp, all at once, then one undo restores every target.
	h.press("R", "ctrl+a", "ctrl+k")
	h.typeText(`/(\w+) (remain|is)/` + "\r")
	h.typeText("$2 $1\r")
	h.press("a")
	want := []string{"Artificial intelligence and the State", "The government published a report on artificial intelligence on Tuesday.",
		"According to this document, data centres", "Digital is sovereignty a priority for the state.", "remain Chips rare."}
	for i, w := range want {
		if got := h.m.doc.Segments[i].Target; got != w {
			t.Errorf("after a: segment %d = %q, want %q", i+1, got, w)
		}
	}
	h.press("esc", "U")
	for i := range want {
		got, was := h.m.doc.Segments[i], orig.Segments[i]
		if i == 3 {
			was.Target = "Digital sovereignty is a priority for the state." // the first replace stays
		}
		if got.Target != was.Target || got.Status != was.Status || got.Origin != was.Origin {
			t.Errorf("after U: segment %d = %q %v, want %q %v", i+1, got.Target, got.Status, was.Target, was.Status)
		}
	}
	if !strings.Contains(h.m.status.msg, "undid the replace: 2 segments") {
		t.Errorf("status after U: %q", h.m.status.msg)
	}
	h.press("U")
	if !strings.Contains(h.m.status.msg, "nothing to undo") {
		t.Errorf("a second U: %q", h.m.status.msg)
	}
}

// TestReplaceFollowsFilter: only the filtered segments are listed.
func TestReplaceFollowsFilter(t *testing.T) {
	h := started(t, replaceDoc())
	typeFilter(h, "translated")
	h.press("R")
	h.typeText("e\r")
	h.typeText("E\r")
	var segs []int
	for _, it := range h.m.repl.items {
		segs = append(segs, it.seg)
	}
	if !reflect.DeepEqual(segs, []int{0, 3}) {
		t.Errorf("listed %v, want the translated segments [0 3]", segs)
	}
}

// TestUndoRepetitionFill: after a confirm fills repetitions, the status
// line says how many and U empties them again; a repetition edited since
// is kept.
func TestUndoRepetitionFill(t *testing.T) {
	doc := testDoc()
	doc.Segments[6].Source = doc.Segments[4].Source
	doc.Segments[7].Source = doc.Segments[4].Source
	h := newHarness(t, doc, Options{})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.press("down", "down", "down", "down", "enter")
	h.typeText("Chips remain scarce.\r")
	if !strings.Contains(h.m.status.msg, "2 repetitions filled as drafts") || !strings.Contains(h.m.status.msg, "U undoes the fill") {
		t.Fatalf("status after the fill: %q", h.m.status.msg)
	}
	// Segment 8 is edited by hand: it is the translator's now.
	h.press("esc", "G", "enter", "ctrl+a", "alt+k")
	h.typeText("Chips are still scarce.\r")
	h.press("U")
	if s := h.m.doc.Segments[6]; s.Target != "" || s.Status != segments.StatusNew || s.Origin != "" {
		t.Errorf("segment 7 after U: %+v", s)
	}
	if s := h.m.doc.Segments[7]; s.Target != "Chips are still scarce." {
		t.Errorf("the edited repetition was undone: %q", s.Target)
	}
	if s := h.m.doc.Segments[4]; s.Target != "Chips remain scarce." || s.Status != segments.StatusTranslated {
		t.Errorf("U undid the confirm itself: %+v", s)
	}
	if !strings.Contains(h.m.status.msg, "1 segment back as they were (1 changed since: kept)") {
		t.Errorf("status: %q", h.m.status.msg)
	}
	if h.m.prog.doneSegs != 4 {
		t.Errorf("progress %d segments done, want 4", h.m.prog.doneSegs)
	}
}

// TestToolHelpFollowsStep: the help line shows the keys of the step the
// replace and the concordance are at (it was cached by mode).
func TestToolHelpFollowsStep(t *testing.T) {
	h := started(t, replaceDoc())
	h.press("R")
	h.typeText("State\r")
	h.typeText("state\r")
	if v := h.view(); !strings.Contains(v, "a replace all") {
		t.Errorf("replace list help:\n%s", v)
	}
	h.press("esc", "ctrl+k")
	if v := h.view(); !strings.Contains(v, "tab source word") {
		t.Errorf("concordance prompt help:\n%s", v)
	}
	h.typeText("puces\r")
	if v := h.view(); !strings.Contains(v, "insert target") {
		t.Errorf("concordance list help:\n%s", v)
	}
}
