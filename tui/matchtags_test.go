package tui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/trad-project/trad/segments"
	"github.com/trad-project/trad/tm"
)

// TestMatchTagsMapped (issue 18): a memory match's tags come into the
// editor mapped onto the segment's own codes (the match's bold is the
// segment's bold), so the confirmed target exports with its markup.
func TestMatchTagsMapped(t *testing.T) {
	doc := tagDoc(t) // "Le **gros** chat."
	mem := tm.New("fr", "en")
	bold := segments.Code{ID: 7, Type: segments.CodeBold, Pair: true, Open: "**", Close: "**"}
	at := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	mem.Add(tm.Unit{Source: "Le petit chat.", Target: "The small cat.", SourceLang: "fr", TargetLang: "en", Origin: "/mem/cats.tmx", Created: at,
		SourceTags: []segments.Tag{{At: 3, ID: 7, Kind: segments.TagOpen}, {At: 8, ID: 7, Kind: segments.TagClose}},
		TargetTags: []segments.Tag{{At: 4, ID: 7, Kind: segments.TagOpen}, {At: 9, ID: 7, Kind: segments.TagClose}},
		Codes:      []segments.Code{bold}})
	h := newHarness(t, doc, Options{Memory: mem})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	if ms := h.m.shownMatches(0); len(ms) == 0 {
		t.Fatal("no match for segment 1")
	}
	h.press("f1")
	v := h.m.editor.value()
	if got := decodeTags(v); got.Text != "The small cat." || len(got.Tags) != 2 || got.Tags[0].At != 4 || got.Tags[1].At != 9 {
		t.Fatalf("editor after f1: %q (%+v)", v, got)
	}
	h.press("enter")
	s := h.m.doc.Segments[0]
	src := s.SourceTags
	if len(s.TargetTags) != 2 || len(src) != 2 || s.TargetTags[0].ID != src[0].ID {
		t.Fatalf("confirmed tags %+v, source tags %+v", s.TargetTags, src)
	}
	if out := exportTarget(t, h.m.doc); !strings.Contains(out, "The **small** cat.") {
		t.Errorf("export:\n%s", out)
	}
	if s.Origin != segments.OriginTM {
		t.Errorf("origin %q, want tm (inserted unchanged)", s.Origin)
	}
}
