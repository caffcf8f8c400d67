package tui

import (
	"bytes"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"golang.org/x/text/language"

	"github.com/trad-project/trad/bitext"
	"github.com/trad-project/trad/qa"
	"github.com/trad-project/trad/segments"
)

// tagDoc reads a small Markdown article with inline codes.
func tagDoc(t *testing.T) *segments.Document {
	t.Helper()
	md := "Le **gros** chat.\n\nVoir [le site](https://example.org/a_b) et `go build`.\n"
	doc, _, err := segments.Read(strings.NewReader(md), segments.ReadOptions{Name: "chat.fr.md", Format: segments.FormatMarkdown, Tags: true, Lang: "fr"})
	if err != nil {
		t.Fatal(err)
	}
	doc.SourceLang, doc.TargetLang = language.French, language.English
	return doc
}

func exportTarget(t *testing.T, doc *segments.Document) string {
	t.Helper()
	if errs := qa.TagErrors(doc); len(errs) > 0 {
		t.Fatalf("tag errors: %v", errs)
	}
	var b bytes.Buffer
	if err := bitext.WriteTarget(&b, doc, bitext.Options{}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestEncodeDecodeTags(t *testing.T) {
	tags := []segments.Tag{{At: 0, ID: 1, Kind: segments.TagOpen}, {At: 3, ID: 1, Kind: segments.TagClose}, {At: 3, ID: 2, Kind: segments.TagPlaceholder}, {At: 7, ID: 3, Kind: segments.TagOpen}}
	v := encodeTags("big cat", tags)
	if n := strings.Count(v, "") - 1; n != len("big cat")+4 {
		t.Fatalf("encoded %q has %d runes", v, n)
	}
	got := decodeTags(v)
	if got.Text != "big cat" || len(got.Tags) != len(tags) {
		t.Fatalf("decoded %+v", got)
	}
	for i := range tags {
		if got.Tags[i] != tags[i] {
			t.Errorf("tag %d = %+v, want %+v", i, got.Tags[i], tags[i])
		}
	}
}

func TestTaggedSegmentSession(t *testing.T) {
	h := started(t, tagDoc(t))
	view := h.view()
	for _, want := range []string{"‹b1›gros‹/b1›", "‹a1›le site‹/a1›", "‹c2›"} {
		if !strings.Contains(view, want) {
			t.Errorf("source column lacks %q:\n%s", want, view)
		}
	}
	h.press("enter") // edit segment 1: Le ‹b1›gros‹/b1› chat.
	h.typeText("The ")
	h.press("ctrl+t") // ‹b1›
	h.typeText("big")
	h.press("ctrl+t") // ‹/b1›
	h.typeText(" cat.")
	if v := h.view(); !strings.Contains(v, "The ‹b1›big‹/b1› cat.") {
		t.Errorf("editor does not show the tags:\n%s", v)
	}
	// Cursor over the closing tag in one step: left ×5 passes " cat.",
	// one more passes ‹/b1›; backspace then deletes "g", not a tag.
	h.press("left", "left", "left", "left", "left", "left", "backspace")
	h.typeText("g")
	if got := decodeTags(h.m.editor.value()); got.Text != "The big cat." || len(got.Tags) != 2 {
		t.Fatalf("after moving over a tag: %+v", got)
	}
	// One backspace right after ‹b1› deletes the whole tag.
	h.press("home", "right", "right", "right", "right", "right", "backspace")
	if got := decodeTags(h.m.editor.value()); got.Text != "The big cat." || len(got.Tags) != 1 {
		t.Fatalf("backspace after a tag: %+v", got)
	}
	h.press("ctrl+t") // the missing ‹b1› back, at the cursor
	h.press("enter")
	s := h.m.doc.Segments[0]
	if s.Target != "The big cat." || s.Status != segments.StatusTranslated {
		t.Fatalf("segment 1 = %q %s", s.Target, s.Status)
	}
	// Segment 2 opened: alt+t inserts all missing tags, a typed < is text.
	h.typeText("See <")
	h.press("alt+t")
	h.typeText("the site")
	h.press("enter")
	got := exportTarget(t, h.m.doc)
	if !strings.Contains(got, "The **big** cat.") {
		t.Errorf("export lacks the bold:\n%s", got)
	}
	if !strings.Contains(got, "See <[](https://example.org/a_b)`go build`the site") {
		t.Errorf("export of segment 2:\n%s", got)
	}
}

func TestCopySourceWithTagsAndStatusHint(t *testing.T) {
	h := started(t, tagDoc(t))
	h.press("down", "enter")
	h.press("ctrl+r", "home", "right", "right", "right", "right", "right")
	if v := h.view(); !strings.Contains(v, "https://example.org/a_b") {
		t.Errorf("status line does not show the link's URL:\n%s", v)
	}
	h.press("enter")
	if got := exportTarget(t, h.m.doc); !strings.Contains(got, "Voir [le site](https://example.org/a_b) et `go build`.") {
		t.Errorf("export after ctrl+r:\n%s", got)
	}
}

func TestQAReportsMissingTagsOnConfirm(t *testing.T) {
	h := started(t, tagDoc(t))
	h.press("enter")
	h.typeText("The big cat.")
	h.press("enter")
	var tagIssues []string
	for _, is := range h.m.issues.get(0) {
		if is.Check == "tags" {
			tagIssues = append(tagIssues, is.Message)
		}
	}
	// The block's codes name the tags as the columns show them.
	if !strings.Contains(strings.Join(tagIssues, "\n"), "‹b1›") {
		t.Fatalf("tags issues after confirming without the tags: %q", tagIssues)
	}
	if v := h.view(); !strings.Contains(v, "QA") {
		t.Errorf("the QA finding is not on screen:\n%s", v)
	}
}

func TestSpellUnderlineWithTags(t *testing.T) {
	sp := newFakeSpeller("goverment")
	h := newHarness(t, tagDoc(t), Options{Load: func(*segments.Document) Resources {
		return Resources{Spell: sp}
	}})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.run(h.m.Init())
	h.press("enter")
	h.ticks = nil
	h.press("ctrl+t")
	h.typeText("goverment")
	h.press("ctrl+t")
	h.fireTicks()
	v := h.view()
	if !strings.Contains(v, "‹b1›") {
		t.Fatalf("no tag drawn:\n%s", v)
	}
	if !strings.Contains(v, "\x1b[4mgoverment\x1b[24m") && !strings.Contains(v, "\x1b[4mgovermen") {
		t.Fatalf("the misspelt word between tags is not underlined:\n%q", v)
	}
}

func TestDraftKeepsTagsAndLinesFit(t *testing.T) {
	h := newHarness(t, tagDoc(t), Options{})
	h.send(tea.WindowSizeMsg{Width: 40, Height: 20})
	h.press("down", "enter")
	h.typeText("Voyez ")
	h.press("alt+t")
	h.typeText(" un texte assez long pour passer à la ligne plusieurs fois")
	for i, l := range strings.Split(h.view(), "\n") {
		if w := ansi.StringWidth(l); w > 40 {
			t.Errorf("line %d is %d cells wide: %q", i, w, l)
		}
	}
	h.press("esc")
	s := h.m.doc.Segments[1]
	if s.Status != segments.StatusDraft || len(s.TargetTags) != 3 || !strings.HasPrefix(s.Target, "Voyez  un texte") {
		t.Fatalf("draft = %q %v %s", s.Target, s.TargetTags, s.Status)
	}
	// Opened again, the draft's tags are in the editor.
	h.press("enter")
	if got := decodeTags(h.m.editor.value()); len(got.Tags) != 3 || got.Text != s.Target {
		t.Fatalf("reopened draft: %+v", got)
	}
}

// A machine translation replacing a tagged target and confirmed unchanged
// is saved as the editor showed it: without the old target's tags.
func TestMTConfirmedReplacesTaggedTarget(t *testing.T) {
	doc := tagDoc(t)
	doc.Segments[0].Target, doc.Segments[0].TargetTags = "The big cat.", []segments.Tag{{At: 4, ID: 1, Kind: segments.TagOpen}, {At: 7, ID: 1, Kind: segments.TagClose}}
	doc.Segments[0].Status = segments.StatusDraft
	h := newHarness(t, doc, Options{MT: &fakeMT{}})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.press("f4")
	if got := decodeTags(h.m.editor.value()); len(got.Tags) != 0 || !strings.HasPrefix(got.Text, "[mt]") {
		t.Fatalf("f4 gave %+v", got)
	}
	h.press("enter")
	s := h.m.doc.Segments[0]
	if s.Origin != segments.OriginMT || len(s.TargetTags) != 0 {
		t.Fatalf("confirmed MT: origin %q, tags %v", s.Origin, s.TargetTags)
	}
}

func TestUpDownFollowDrawnRowsWithTags(t *testing.T) {
	md := "Le **chat** et **le chien** et **la souris** et **le rat** et **la puce** dorment tous ensemble **ici** et **là** sans bruit.\n"
	doc, _, err := segments.Read(strings.NewReader(md), segments.ReadOptions{Name: "b.fr.md", Format: segments.FormatMarkdown, Tags: true, Lang: "fr"})
	if err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, doc, Options{})
	h.send(tea.WindowSizeMsg{Width: 40, Height: 30})
	h.press("enter", "ctrl+r") // the source with its 14 tags
	ed := h.m.editor
	last := ed.rows() - 1
	if last < 3 {
		t.Fatalf("the target takes %d rows, want 4 or more", last+1)
	}
	if r := ed.cursorRow(); r != last {
		t.Fatalf("cursor on row %d, want %d", r, last)
	}
	for want := last - 1; want >= 0; want-- {
		h.press("up")
		if r := ed.cursorRow(); r != want {
			t.Fatalf("after up: row %d, want %d", r, want)
		}
	}
	for want := 1; want <= last; want++ {
		h.press("down")
		if r := ed.cursorRow(); r != want {
			t.Fatalf("after down: row %d, want %d", r, want)
		}
	}
}
