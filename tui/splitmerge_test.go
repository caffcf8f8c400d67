package tui

import (
	"reflect"
	"strings"
	"testing"

	"github.com/trad-project/trad/qa"
	"github.com/trad-project/trad/segments"
)

// TestSplitMergeSession: S opens the picker in the middle of the source,
// ←/→ move between words, enter splits (the translation stays on the
// first part, as a draft; saved with the override); J merges back.
func TestSplitMergeSession(t *testing.T) {
	h := started(t, testDoc())
	h.press("down", "S")
	if h.m.mode != modeSplit {
		t.Fatalf("S: mode %v", h.m.mode)
	}
	src := h.m.doc.Segments[1].Source
	at := h.m.splitP.at
	if at <= 0 || at >= len(src) || src[at-1] != ' ' && src[at] != ' ' {
		t.Fatalf("the point %d is not between words in %q", at, src)
	}
	// Move to the point after "mardi".
	want := strings.Index(src, " un rapport")
	for i := 0; i < 20 && h.m.splitP.at != want && h.m.splitP.at != want+1; i++ {
		if h.m.splitP.at < want {
			h.press("right")
		} else {
			h.press("left")
		}
	}
	if v := h.view(); !strings.Contains(v, "split 2:") || !strings.Contains(v, "mardi│") && !strings.Contains(v, "mardi │") {
		t.Fatalf("picker:\n%s", v)
	}
	h.press("enter")
	d := h.m.doc
	if len(d.Segments) != 9 || d.Segments[1].Source != "Le gouvernement a publié mardi" || d.Segments[2].Source != "un rapport sur l'intelligence artificielle." {
		t.Fatalf("after the split: %d segments, %q | %q", len(d.Segments), d.Segments[1].Source, d.Segments[2].Source)
	}
	if s := d.Segments[1]; s.Target == "" || s.Status != segments.StatusDraft {
		t.Errorf("the first part: %q %v, want the translation as a draft", s.Target, s.Status)
	}
	if len(d.Blocks[1].Overrides) != 1 || len(h.lastSave().Blocks[1].Overrides) != 1 {
		t.Errorf("override not recorded or saved: %+v", d.Blocks[1].Overrides)
	}
	if h.m.prog.doneSegs != 1 || len(h.m.table.ver) != 9 {
		t.Errorf("progress %d segments done (want 1), %d row versions", h.m.prog.doneSegs, len(h.m.table.ver))
	}
	if !strings.Contains(h.m.status.msg, "segment 2 split in two") {
		t.Errorf("status: %q", h.m.status.msg)
	}
	v := h.view()
	checkFrame(t, v, 120, 40)
	if !strings.Contains(v, "10 ·") && !strings.Contains(v, " 9 ·") {
		t.Errorf("the table does not show 9 rows:\n%s", v)
	}
	h.press("J")
	if len(d.Segments) != 8 || d.Segments[1].Source != "Le gouvernement a publié mardi un rapport sur l'intelligence artificielle." {
		t.Fatalf("after J: %d segments, %q", len(d.Segments), d.Segments[1].Source)
	}
	if len(d.Blocks[1].Overrides) != 0 {
		t.Errorf("merging the split back leaves overrides: %+v", d.Blocks[1].Overrides)
	}
	// The last segment of a block has no next one in it.
	h.press("down", "down", "J")
	if len(d.Segments) != 8 || !strings.Contains(h.m.status.msg, "merge segment 4") {
		t.Errorf("J across blocks: %d segments, status %q", len(d.Segments), h.m.status.msg)
	}
}

// TestSplitClearsFilter: a filter's rows are indexes; after a split it
// goes (the status line says the split).
func TestSplitClearsFilter(t *testing.T) {
	h := started(t, testDoc())
	typeFilter(h, "translated reviewed")
	h.press("down", "S", "enter")
	if h.m.flt.active || h.m.table.filtered() {
		t.Error("the filter survived a split")
	}
	if len(h.m.doc.Segments) != 9 {
		t.Errorf("%d segments", len(h.m.doc.Segments))
	}
}

func TestIssueStoreShift(t *testing.T) {
	mk := func(seg int) []qa.Issue { return []qa.Issue{{Segment: seg, Check: "x"}} }
	tests := []struct {
		i, delta int
		in       []int
		want     []int
	}{
		{2, 1, []int{0, 2, 3, 7}, []int{0, 4, 8}}, // split at 2: its findings go, later ones move down
		{2, -1, []int{0, 2, 3, 7}, []int{0, 6}},   // 3 merged into 2: both go
		{5, 1, []int{0, 2}, []int{0, 2}},          // nothing after
	}
	for _, tt := range tests {
		s := newIssueStore()
		for _, j := range tt.in {
			s.set(j, mk(j))
		}
		s.shift(tt.i, tt.delta)
		var got []int
		for j := range 10 {
			if is := s.get(j); len(is) > 0 {
				if is[0].Segment != j {
					t.Errorf("finding at %d names segment %d", j, is[0].Segment)
				}
				got = append(got, j)
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("shift(%d, %d) of %v = %v, want %v", tt.i, tt.delta, tt.in, got, tt.want)
		}
		if c := shiftIndexes(tt.in, tt.i, tt.delta); tt.delta > 0 && len(c) != len(tt.in) {
			t.Errorf("shiftIndexes dropped on a split: %v", c)
		}
	}
}
