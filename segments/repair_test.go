package segments

import (
	"strings"
	"testing"
)

// TestLoadRepairsControls loads a project whose texts carry escape
// sequences (as a hand-edited or hostile file could) and checks that Load
// removes them, keeps the offsets consistent and says so.
func TestLoadRepairsControls(t *testing.T) {
	dir := t.TempDir()
	doc, pp := newProject(t, dir, "Le chat dort. Le chien aboie.\n\nLa fin.\n", StatusTranslated, StatusDraft)
	if len(doc.Segments) != 3 {
		t.Fatalf("%d segments, want 3", len(doc.Segments))
	}
	const osc = "\x1b]0;pwned\x07"
	// Source: an escape in the first segment and in the gap before the
	// second one; the block text must stay consistent with the offsets.
	b := &doc.Blocks[0]
	b.Text = "U" + osc + "n. \u009b2J" + "Deux.\t!"
	doc.Segments[0].Source, doc.Segments[0].Start, doc.Segments[0].End = "U"+osc+"n.", 0, len("U"+osc+"n.")
	s1 := strings.Index(b.Text, "Deux")
	doc.Segments[1].Source, doc.Segments[1].Start, doc.Segments[1].End = "Deux.\t!", s1, len(b.Text)
	doc.Segments[0].Target = "One\x1b]52;c;aGk=\x1b\\."
	doc.Segments[2].Note = "n\u009d0;x\u009cote\r\n"
	doc.Blocks[1].Marker = "-\x1b[31m"
	doc.Orphans = []Segment{{Source: "o\x1b[1m", Target: "t\x07"}}
	doc.Segments[1].History = []Version{{Target: "Old\x1b[2J two", Note: "\x1b]8;;x\x07n", By: "trad\x07"}}
	doc.SourcePath = "" // keep the project's own text: the article is not read again
	if err := Save(pp, doc); err != nil {
		t.Fatal(err)
	}
	got, rep, err := Load(pp)
	if err != nil {
		t.Fatal(err)
	}
	if err := got.Check(); err != nil {
		t.Fatalf("repaired document is inconsistent: %v", err)
	}
	want := map[string]string{
		"block 0":  got.Blocks[0].Text,
		"source 0": got.Segments[0].Source, "source 1": got.Segments[1].Source,
		"target 0": got.Segments[0].Target, "note 2": got.Segments[2].Note,
		"marker 1": got.Blocks[1].Marker, "orphan": got.Orphans[0].Source + "|" + got.Orphans[0].Target,
		"history 1": got.Segments[1].History[0].Target + "|" + got.Segments[1].History[0].Note + "|" + got.Segments[1].History[0].By,
	}
	for k, w := range map[string]string{
		"block 0": "Un. Deux. !", "source 0": "Un.", "source 1": "Deux. !", "target 0": "One.",
		"note 2": "note\n", "marker 1": "-", "orphan": "o|t", "history 1": "Old two|n|trad",
	} {
		if want[k] != w {
			t.Errorf("%s = %q, want %q", k, want[k], w)
		}
	}
	if len(rep.Warnings) != 1 || !strings.Contains(rep.Warnings[0].String(), pp+": removed control characters") ||
		!strings.Contains(rep.Warnings[0].Msg, "segments 1, 2 and 3") {
		t.Errorf("warnings %v", rep.Warnings)
	}
	// A clean project loads without a warning.
	if err := Save(pp, got); err != nil {
		t.Fatal(err)
	}
	if _, rep, err := Load(pp); err != nil || len(rep.Warnings) != 0 {
		t.Errorf("reload of the repaired project: %v, %v", rep.Warnings, err)
	}
}

func TestRepairOverlappingSegmentsDoesNotPanic(t *testing.T) {
	d := &Document{Blocks: []Block{{Kind: KindParagraph, Text: "ab\x1bc", Count: 2}},
		Segments: []Segment{{Index: 0, Start: 0, End: 3, Source: "ab\x1b"}, {Index: 1, Start: 1, End: 2, Source: "b"}}}
	if w := repairProject("p", d); len(w) != 1 {
		t.Errorf("warnings %v", w)
	}
}
