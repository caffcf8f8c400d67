package segments

import (
	"reflect"
	"slices"
	"testing"
	"time"
)

// A Snapshot stands for the document as it was when taken, whatever the
// document does after, and what is made of it never reaches the document.
func TestSnapshotIsIndependent(t *testing.T) {
	doc, _ := newProject(t, t.TempDir(), baseArticle)
	doc.Confirm(1, "Un.", OriginTyped, when)
	doc.Segments[1].Rev = 7
	doc.Cursor = 2
	want := doc.Clone()
	want.Segments = slices.Clone(doc.Segments)
	sn := doc.Snapshot()
	doc.SetTarget(0, "Zero.", StatusTranslated, time.Now())
	doc.SetNote(1, "changed", time.Now())
	if p, ok := NearestSplit(doc.Segments[3].Source, len(doc.Segments[3].Source)/2); ok {
		if err := doc.SplitSegment(3, p, time.Now()); err != nil {
			t.Fatal(err)
		}
	}
	doc.Cursor = 5
	got := sn.Document()
	if sn.Cursor() != 2 || !reflect.DeepEqual(got.Segments, want.Segments) || !reflect.DeepEqual(got.Blocks, want.Blocks) {
		t.Fatalf("the snapshot changed with the document:\n got %+v\nwant %+v", got.Segments, want.Segments)
	}
	got.Segments[2].Target = "Two."
	got.Blocks[0].Text = "x"
	if doc.Segments[2].Target != "" || doc.Blocks[0].Text == "x" {
		t.Error("a change to the snapshot's document reached the document")
	}
}
