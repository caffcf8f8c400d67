package tm

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/trad-project/trad/segments"
)

// taggedDoc reads a Markdown article with its inline formatting as tags.
func taggedDoc(t *testing.T, md string) *segments.Document {
	t.Helper()
	doc, _, err := segments.Read(strings.NewReader(md), segments.ReadOptions{Lang: "fr", Target: "en", Format: segments.FormatMarkdown, Tags: true})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// lookupSegment looks segment i of doc up with its tags.
func lookupSegment(m *Memory, doc *segments.Document, i int) []Match {
	tags, codes := SegmentTags(doc, i)
	return m.LookupTagged(doc.Segments[i].Source, tags, codes, SegmentContext(doc, i), 50, 3)
}

// A level-2 TMX memory keeps its units' tags: a lookup gives them back,
// scores compare them, and MatchTags maps them onto a segment's codes.
func TestLevel2MemoryKeepsTags(t *testing.T) {
	m := newTestMemory()
	if w := m.LoadFile("testdata/level2.tmx"); len(w) > 0 {
		t.Fatalf("warnings: %v", w)
	}
	got := m.Lookup("Le chat noir dort sur le tapis.", Context{}, 50, 1)
	if len(got) != 1 || got[0].Score != 100 {
		t.Fatalf("plain lookup: %+v", got)
	}
	mt := got[0]
	if r := segments.RenderTagged(mt.Source, mt.SourceTags, mt.Codes); r != `Le <b>chat noir</b> dort sur le <a href="https://e.org/tapis">tapis</a>.` {
		t.Errorf("source with its tags: %s", r)
	}
	if r := segments.RenderTagged(mt.Target, mt.TargetTags, mt.Codes); r != `The <b>black cat</b> sleeps on the <a href="https://e.org/tapis">mat</a>.` {
		t.Errorf("target with its tags: %s", r)
	}

	plain := func(src string) int {
		ms := m.Lookup(src, Context{}, 50, 1)
		if len(ms) == 0 {
			t.Fatalf("%q: no match", src)
		}
		return ms[0].Score
	}
	tests := []struct {
		name, md string
		want     int
	}{
		{"same text, same tags (other markup)", "Le **chat noir** dort sur le [tapis](https://e.org/tapis).\n", 100},
		{"same text, other tags", "Le chat noir dort sur le **tapis**.\n", 99},
		{"same text, no tags", "Le chat noir dort sur le tapis.\n", 99},
		{"same text, tags where the unit has none", "Une phrase **sans** balise du tout.\n", 99},
		{"fuzzy, link pair missing", "Le **chat gris** dort sur le tapis.\n", plain("Le chat gris dort sur le tapis.") - 2},
		{"fuzzy, same tags", "Le **chat gris** dort sur le [tapis](https://e.org/tapis).\n", plain("Le chat gris dort sur le tapis.")},
		{"placeholder", "Voir l'image ![](a.png) ci-dessous.\n", 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := taggedDoc(t, tt.md)
			ms := lookupSegment(m, doc, 0)
			if len(ms) == 0 || ms[0].Score != tt.want {
				t.Fatalf("%q: got %+v, want score %d", doc.Segments[0].Source, ms, tt.want)
			}
		})
	}

	// Inserting the match maps its tags onto the segment's own codes.
	doc := taggedDoc(t, "Le **chat noir** dort sur le [tapis](https://e.org/tapis).\n")
	ms := lookupSegment(m, doc, 0)
	tags := MatchTags(doc, 0, ms[0])
	if r := segments.RenderTagged(ms[0].Target, tags, doc.Blocks[0].Codes); r != "The **black cat** sleeps on the [mat](https://e.org/tapis)." {
		t.Errorf("mapped target: %s", r)
	}
}

// The LISA TMX compliance kit's level-2 import test keeps its tags.
func TestLISAImportKeepsTags(t *testing.T) {
	// ../shared beside the repository (the main checkout), or /work/shared
	// from a worktree.
	var path string
	for _, dir := range []string{"../../shared", "/work/shared"} {
		if p := filepath.Join(dir, "formats/samples/articles/lisa-tmx-ImportTest2A.tmx"); path == "" {
			if _, err := os.Stat(p); err == nil {
				path = p
			}
		}
	}
	if path == "" {
		t.Skip("LISA TMX kit (../shared/formats/samples/articles) not available")
	}
	m := New("en", "fr")
	if w := m.LoadFile(path); len(w) > 0 {
		t.Fatalf("warnings: %v", w)
	}
	ms := m.Lookup("The big black cat sleeps.", Context{}, 100, 1)
	if len(ms) != 1 {
		t.Fatalf("no match: %v", ms)
	}
	// The pairs swap places in the French: x ties them to the English.
	if r := segments.RenderTagged(ms[0].Target, ms[0].TargetTags, ms[0].Codes); r != "Le gros <u>chat</u> <b>noir</b> dors." {
		t.Errorf("target: %s", r)
	}
	if got := segments.LabelTagged(ms[0].Target, ms[0].TargetTags, ms[0].Codes); got != "Le gros ‹x2›chat‹/x2› ‹b1›noir‹/b1› dors." {
		t.Errorf("target labels: %s", got)
	}
	ms = m.Lookup("Picture:", Context{}, 100, 1)
	if len(ms) != 1 || len(ms[0].TargetTags) != 1 || ms[0].Codes[0].Type != segments.CodeImage {
		t.Errorf("placeholder: %+v", ms)
	}
}

// Confirmed tagged segments keep their tags in the user memory: in the
// journal, and in the TMX file (level 2) after compaction.
func TestUserMemoryKeepsTags(t *testing.T) {
	dir := t.TempDir()
	project := filepath.Join(t.TempDir(), "article.trad.json")
	doc := taggedDoc(t, "Le **chat noir** dort sur le [tapis](https://e.org/tapis).\n\n**Tout en gras.**\n")
	now := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	target := "The black cat sleeps on the mat."
	tags := []segments.Tag{{At: 4, ID: 1, Kind: segments.TagOpen}, {At: 13, ID: 1, Kind: segments.TagClose},
		{At: 28, ID: 2, Kind: segments.TagOpen}, {At: 31, ID: 2, Kind: segments.TagClose}}
	doc.ConfirmTagged(0, target, tags, "", now)
	if len(doc.Segments[1].Wrap) != 1 {
		t.Fatalf("segment 2 should be wrapped in its bold pair: %+v", doc.Segments[1])
	}
	doc.Confirm(1, "All bold.", "", now)

	w := NewUserWriter(dir, project)
	if err := w.Save(doc); err != nil {
		t.Fatal(err)
	}
	check := func(stage string) {
		t.Helper()
		m, warns, err := Open(Options{UserDir: dir})
		if err != nil || len(warns) > 0 {
			t.Fatalf("%s: %v %v", stage, err, warns)
		}
		fresh := taggedDoc(t, "Le **chat noir** dort sur le [tapis](https://e.org/tapis).\n\n**Tout en gras.**\n")
		ms := lookupSegment(m, fresh, 0)
		if len(ms) == 0 || ms[0].Score < 100 {
			t.Fatalf("%s: %+v", stage, ms)
		}
		if r := segments.RenderTagged(ms[0].Target, MatchTags(fresh, 0, ms[0]), fresh.Blocks[0].Codes); r != "The **black cat** sleeps on the [mat](https://e.org/tapis)." {
			t.Errorf("%s: target %s", stage, r)
		}
		ms = lookupSegment(m, fresh, 1)
		if len(ms) == 0 || ms[0].Score < 100 || MatchTags(fresh, 1, ms[0]) != nil {
			t.Errorf("%s: wrapped segment: %+v (its wrapping pair stays outside the text)", stage, ms)
		}
		if got := m.Lookup("Tout en gras.", Context{}, 50, 1); len(got) == 0 || !slices.Equal(got[0].TargetTags, []segments.Tag{{At: 0, ID: 1, Kind: segments.TagOpen}, {At: 9, ID: 1, Kind: segments.TagClose}}) {
			t.Errorf("%s: the unit keeps the wrapping pair: %+v", stage, got)
		}
	}
	check("journal")
	if err := Compact(w.File()); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(w.File())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `<bpt i="2" x="2" type="link">[</bpt>`) {
		t.Errorf("compacted TMX lacks the link pair:\n%s", data)
	}
	if fi, err := os.Stat(JournalFile(w.File())); err != nil || fi.Size() != 0 {
		t.Fatalf("journal not emptied: %v", err)
	}
	check("compacted TMX")
}
