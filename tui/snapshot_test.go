package tui

import (
	"reflect"
	"testing"
)

// snapshotMisses returns the segments a snapshot of the live document
// gets wrong (work or Rev): a snapshot after the first builds on the last
// one and the segments marked changed since (segments.Document.
// MarkChanged), so a write in place the editor forgets to mark would show
// here, and in the project file.
func snapshotMisses(h *harness) []int {
	doc := h.m.doc
	got := doc.Snapshot().Document().Segments
	var miss []int
	for i := range doc.Segments {
		if i >= len(got) || !reflect.DeepEqual(got[i], doc.Segments[i]) {
			miss = append(miss, i)
		}
	}
	return miss
}

// TestSnapshotsSeeEditorWrites: the editor's own writes in place (the
// undo of a confirm, the undo of a replace in many targets) reach the
// save's snapshot.
func TestSnapshotsSeeEditorWrites(t *testing.T) {
	h := started(t, replaceDoc())
	check := func(step string) {
		t.Helper()
		if miss := snapshotMisses(h); len(miss) > 0 {
			t.Fatalf("after %s: the snapshot misses segments %v", step, miss)
		}
	}
	check("open")
	h.press("enter")
	h.typeText(" today\r")
	check("a confirm")
	h.press("k", "ctrl+z")
	check("ctrl+z")
	h.press("R")
	h.typeText("State\r")
	h.typeText("state\r")
	h.press("a")
	check("a replace in every target")
	h.press("esc", "U")
	check("U (the replace undone)")
}
