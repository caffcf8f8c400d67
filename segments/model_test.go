package segments

import (
	"testing"
	"time"
)

func TestCloneIntoIsIndependentAndReusesMemory(t *testing.T) {
	doc := &Document{
		Blocks:   []Block{{Kind: KindParagraph, Text: "Un. Deux.", Count: 2}},
		Segments: []Segment{{Index: 0, Source: "Un."}, {Index: 1, Source: "Deux.", Start: 4, End: 9}},
		Cursor:   1,
	}
	first := doc.CloneInto(nil)
	doc.SetTarget(0, "One.", StatusTranslated, time.Now())
	if first.Segments[0].Target != "" {
		t.Fatal("a change to the document reached its snapshot")
	}
	backing := &first.Segments[0]
	second := doc.CloneInto(first)
	if second != first || &second.Segments[0] != backing {
		t.Error("CloneInto did not reuse the snapshot's memory")
	}
	if second.Segments[0].Target != "One." || second.Cursor != 1 || len(second.Blocks) != 1 {
		t.Errorf("snapshot = %+v, want the document's current state", second)
	}
	second.Segments[1].Target = "Two."
	if doc.Segments[1].Target != "" {
		t.Error("a change to the snapshot reached the document")
	}
}
