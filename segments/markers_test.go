package segments

import (
	"reflect"
	"testing"
	"time"
)

func markerDoc(format string) *Document {
	d := &Document{Format: format}
	blocks := []struct {
		kind   BlockKind
		level  int
		marker string
		src    []string
	}{
		{KindHeading, 1, "", []string{"La guerre des puces"}},
		{KindParagraph, 0, "", []string{"Premier.", "Second."}},
		{KindListItem, 1, "-", []string{"Les puces.", "Encore."}},
		{KindListItem, 1, "2.", []string{"Le cloud."}},
		{KindQuote, 0, "", []string{"Citation."}},
	}
	for bi, b := range blocks {
		d.Blocks = append(d.Blocks, Block{Kind: b.kind, Level: b.level, Marker: b.marker, First: len(d.Segments), Count: len(b.src)})
		for _, s := range b.src {
			d.Segments = append(d.Segments, Segment{Index: len(d.Segments), Block: bi, Source: s})
		}
	}
	return d
}

func TestStripMarker(t *testing.T) {
	md, txt := markerDoc("markdown"), markerDoc("text")
	for _, tc := range []struct {
		doc  *Document
		i    int
		in   string
		want string
	}{
		{md, 0, "# The chip war", "The chip war"},
		{md, 0, "## The chip war", "The chip war"},
		{md, 0, "#hashtag war", "#hashtag war"}, // no space: not a marker
		{md, 0, "# ", "# "},                     // only a marker: kept
		{txt, 0, "# The chip war", "# The chip war"},
		{md, 1, "# First.", "# First."}, // paragraphs have no marker
		{md, 3, "- Chips.", "Chips."},
		{md, 3, "* Chips.", "Chips."},
		{md, 4, "- Again.", "- Again."}, // not the block's first segment
		{md, 5, "2. The cloud.", "The cloud."},
		{md, 5, "- The cloud.", "- The cloud."},
		{md, 6, "> Quote.", "Quote."},
		{txt, 6, "> Quote.", "> Quote."},
		{md, 3, "-5 % this year.", "-5 % this year."},
	} {
		if got, _ := tc.doc.StripMarker(tc.i, tc.in); got != tc.want {
			t.Errorf("%s segment %d: StripMarker(%q) = %q, want %q", tc.doc.Format, tc.i, tc.in, got, tc.want)
		}
	}
}

func TestCleanMarkersKeepsHistory(t *testing.T) {
	d := markerDoc("markdown")
	now := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	d.Confirm(0, "# The chip war", OriginTyped, now)
	d.Confirm(3, "- Chips.", OriginTyped, now)
	d.Confirm(1, "First.", OriginTyped, now)
	got := d.CleanMarkers(now)
	if !reflect.DeepEqual(got, []int{0, 3}) {
		t.Fatalf("cleaned %v, want [0 3]", got)
	}
	s := d.Segments[0]
	if s.Target != "The chip war" || s.Status != StatusTranslated || len(s.History) != 1 || s.History[0].Target != "# The chip war" {
		t.Fatalf("segment 1 after cleaning: %+v", s)
	}
	if again := d.CleanMarkers(now); len(again) != 0 {
		t.Fatalf("a second pass changed %v", again)
	}
}
