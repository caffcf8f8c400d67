package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/trad-project/trad/segments"
)

// TestChangedArticleIsReported: reopening after the article changed says
// what happened, and c steps through the segments whose sentence changed.
func TestChangedArticleIsReported(t *testing.T) {
	rep := &segments.LoadReport{SourceChanged: true, Reattached: 3, ByPosition: 2, Changed: []int{5, 2}, Orphaned: 1, New: 4}
	h := newHarness(t, testDoc(), Options{Report: rep})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	v := h.view()
	for _, want := range []string{"article changed since last session", "3 re-attached", "2 changed (drafts; c: next)", "1 orphaned", "4 new"} {
		if !strings.Contains(v, want) {
			t.Errorf("start-up status lacks %q:\n%s", want, v)
		}
	}
	for _, want := range []int{2, 5, 2} {
		h.press("c")
		if h.m.cur != want {
			t.Fatalf("c went to segment %d, want %d", h.m.cur+1, want+1)
		}
	}
	if !strings.Contains(h.view(), "changed segment 1/2") {
		t.Fatalf("no position message:\n%s", h.view())
	}
	// Unchanged article: nothing said, c says there is nothing to step to.
	h = newHarness(t, testDoc(), Options{Report: &segments.LoadReport{}})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	if strings.Contains(h.view(), "article changed") {
		t.Fatal("an unchanged article is reported as changed")
	}
	h.press("c")
	if !strings.Contains(h.view(), "no changed segment") {
		t.Fatalf("c on an unchanged article:\n%s", h.view())
	}
}
