package tui

import (
	"context"
	"strings"
	"sync"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/trad-project/trad/qa"
	"github.com/trad-project/trad/segments"
	"github.com/trad-project/trad/spell"
)

// fakeSpeller flags the words in bad, records its calls and added words.
type fakeSpeller struct {
	mu    sync.Mutex
	bad   map[string]bool
	calls int
	added []string
}

func newFakeSpeller(bad ...string) *fakeSpeller {
	f := &fakeSpeller{bad: map[string]bool{}}
	for _, w := range bad {
		f.bad[w] = true
	}
	return f
}

func (f *fakeSpeller) CheckSkip(_ context.Context, text string, skip func(string) bool) ([]spell.Span, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	var out []spell.Span
	for _, w := range spell.Words(text) {
		if f.bad[w.Word] && (skip == nil || !skip(w.Word)) {
			out = append(out, spell.Span(w))
		}
	}
	return out, nil
}

func (f *fakeSpeller) Suggest(_ context.Context, w string) ([]string, error) {
	return []string{strings.Replace(w, "verm", "vernm", 1)}, nil
}

func (f *fakeSpeller) Add(w string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.added = append(f.added, w)
	delete(f.bad, w)
	return nil
}

func loadedHarness(t *testing.T, sp Speller) *harness {
	t.Helper()
	h := newHarness(t, testDoc(), Options{Load: func(*segments.Document) Resources {
		return Resources{Hits: newFakeFinder(), Spell: sp}
	}})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.run(h.m.Init())
	return h
}

func TestQAInEditorUsesContext(t *testing.T) {
	sp := newFakeSpeller("goverment")
	h := loadedHarness(t, sp)
	if h.m.qx.project == nil {
		t.Fatal("no QA project context was built")
	}
	if c := h.m.qaContext(4); c.Block != segments.KindListItem || c.Project == nil || c.Spell == nil {
		t.Fatalf("context: block %q, project %v, spell %v", c.Block, c.Project != nil, c.Spell != nil)
	}
	h.press("down", "down", "down", "enter")
	h.typeText("Digital sovereignty is the goverment priority.\r")
	is := h.m.issues.get(3)
	var spelling *qa.Issue
	for k := range is {
		if is[k].Check == qa.CheckSpelling {
			spelling = &is[k]
		}
	}
	if spelling == nil || !strings.Contains(spelling.Message, "goverment") {
		t.Fatalf("no spelling issue for goverment: %+v", is)
	}
}

func TestQAIgnoreFromPane(t *testing.T) {
	h := loadedHarness(t, nil)
	h.press("down", "down", "down", "down", "enter")
	// No "chips" (glossary warning) and no final full stop: two warnings.
	h.typeText("Semiconductors remain scarce\r")
	h.press("esc", "up")
	if n := len(h.m.issues.get(4)); n != 2 {
		t.Fatalf("want 2 issues, got %+v", h.m.issues.get(4))
	}
	v := h.view()
	if !strings.Contains(v, "QA: 2 warnings") || !strings.Contains(v, `› ⚠ glossary "puces": expected "chips" in target`) {
		t.Fatalf("pane:\n%s", v)
	}
	// The second message is shown in full, not cut.
	if !strings.Contains(v, "no final punctuation") {
		t.Fatalf("message cut:\n%s", v)
	}
	saves := len(h.saves)
	h.press("tab", "x") // ignore the second one (final-punct)
	rec := ignores(h.m.doc.Segments[4])
	if len(rec) != 1 || rec[0].Check != qa.CheckFinalPunct || rec[0].Who == "" || !rec[0].When.Equal(h.now) {
		t.Fatalf("ignore record: %+v", rec)
	}
	if len(h.saves) == saves || len(ignores(h.lastSave().Segments[4])) != 1 {
		t.Fatal("the ignore was not saved")
	}
	if v := h.view(); !strings.Contains(v, "QA final-punct ignored: source ends with") {
		t.Fatalf("no flash:\n%s", v)
	}
	h.fireTicks() // the flash goes
	v = h.view()
	if !strings.Contains(v, "QA: 1 warning · 1 ignored") || strings.Contains(v, "no final punctuation") {
		t.Fatalf("after ignoring:\n%s", v)
	}
	if !strings.Contains(v, "QA: 1 warning: glossary · 1 ignored") {
		t.Fatalf("status line count:\n%s", v)
	}
	// Shown on request, marked.
	h.press("I")
	if v := h.view(); !strings.Contains(v, "(ignored by "+rec[0].Who) {
		t.Fatalf("ignored issue not shown on request:\n%s", v)
	}
	// Un-ignore it.
	h.press("tab", "X")
	if got := ignores(h.m.doc.Segments[4]); len(got) != 0 {
		t.Fatalf("un-ignore left %+v", got)
	}
	// Ignoring every issue takes the error mark off the row.
	h.press("I", "x", "x")
	h.fireTicks()
	if v := h.view(); strings.Contains(v, "QA: 2 warnings") || !strings.Contains(v, "2 ignored") {
		t.Fatalf("after ignoring both:\n%s", v)
	}
	// A reopened session marks them ignored again (MarkIgnored).
	again := newHarness(t, h.lastSave().Clone(), Options{})
	again.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	again.run(again.m.Init())
	if is := again.m.issues.get(4); len(is) != 2 || len(qa.Standing(is)) != 0 {
		t.Fatalf("reopened: %+v", is)
	}
}

func ignores(s segments.Segment) segments.QAIgnores {
	if s.QAIgnored == nil {
		return nil
	}
	return *s.QAIgnored
}

func TestQAIgnoreKeyRemappable(t *testing.T) {
	k := DefaultKeyMap()
	if _, err := k.apply(strings.NewReader(`{"browse": {"qa-ignore": ["ctrl+x"], "qa-show-ignored": ["v"]}}`), "keys.json"); err != nil {
		t.Fatal(err)
	}
	if got := k.Browse.QAIgnore.Keys(); len(got) != 1 || got[0] != "ctrl+x" {
		t.Fatalf("qa-ignore = %v", got)
	}
	var found bool
	for _, col := range (browseHelp{&k.Browse, &k.Edit}).FullHelp() {
		for _, b := range col {
			found = found || b.Help().Key == "ctrl+x" && b.Help().Desc == "ignore QA issue"
		}
	}
	if !found {
		t.Fatal("the ? help does not show the remapped key")
	}
}

func TestSpellUnderlineOffTheUIPath(t *testing.T) {
	sp := newFakeSpeller("goverment")
	h := loadedHarness(t, sp)
	h.press("down", "down", "down", "enter")
	h.ticks = nil
	before := sp.calls
	h.typeText("the goverment")
	if sp.calls != before {
		t.Fatalf("a keystroke waited for the spell checker (%d calls)", sp.calls-before)
	}
	h.fireTicks() // the pause in typing: only the last tick checks
	if sp.calls != before+1 {
		t.Fatalf("want one check after the pause, got %d", sp.calls-before)
	}
	if v := h.view(); !strings.Contains(v, "\x1b[4mgoverment\x1b[24m") && !strings.Contains(v, "\x1b[4mgovermen") {
		t.Fatalf("the misspelt word is not underlined:\n%q", v)
	}
	// A stale result is dropped: the text changed since.
	h.send(spellMsg{seg: 3, text: "old text", spans: []spell.Span{{Start: 0, End: 3, Word: "old"}}})
	if h.m.editor.marksText != "the goverment" {
		t.Fatalf("a stale result replaced the underlines: %q", h.m.editor.marksText)
	}
	// alt+a adds the word under the cursor and checks again.
	h.press("alt+a")
	if len(sp.added) != 1 || sp.added[0] != "goverment" {
		t.Fatalf("added %q", sp.added)
	}
	if strings.Contains(h.view(), "\x1b[4m") {
		t.Fatal("the added word is still underlined")
	}
	h.press("alt+s")
	if !strings.Contains(h.view(), "goverment → govern") {
		t.Fatalf("no suggestions:\n%s", h.view())
	}
}

func TestUnderlineCols(t *testing.T) {
	for _, tc := range []struct {
		line string
		rs   [][2]int
		want string
	}{
		{"the goverment", [][2]int{{4, 13}}, "the \x1b[4mgoverment\x1b[24m"},
		{"a \x1b[7mb\x1b[0mcd e", [][2]int{{2, 4}}, "a \x1b[7m\x1b[4mb\x1b[0m\x1b[4mc\x1b[24md e"},
		{"日本 語", [][2]int{{5, 7}}, "日本 \x1b[4m語\x1b[24m"},
	} {
		if got := underlineCols(tc.line, tc.rs); got != tc.want {
			t.Errorf("underlineCols(%q) = %q, want %q", tc.line, got, tc.want)
		}
	}
}

// TestStartNoticesKeptWhenLoaded: the notices of loading (a memory
// warning) join the start-up ones (spelling off) rather than replace them.
func TestStartNoticesKeptWhenLoaded(t *testing.T) {
	h := newHarness(t, testDoc(), Options{
		Notices: []string{"spelling off: no en dictionary"},
		Load: func(*segments.Document) Resources {
			return Resources{Hits: newFakeFinder(), Notices: []string{"team.tmx: 1 unit skipped"}}
		},
	})
	h.send(tea.WindowSizeMsg{Width: 160, Height: 40})
	h.run(h.m.Init())
	if v := h.view(); !strings.Contains(v, "spelling off: no en dictionary; team.tmx: 1 unit skipped") {
		t.Fatalf("a notice was lost:\n%s", v)
	}
}

// TestAddWordIsTheCheckedWord: alt+a adds the word spelling checks
// (spell.Words), so a misspelt part of a hyphenated word is the word
// added, not the whole compound whose underline would never go away.
func TestAddWordIsTheCheckedWord(t *testing.T) {
	sp := newFakeSpeller("knwn")
	h := loadedHarness(t, sp)
	h.press("down", "down", "down", "enter")
	h.typeText("a well-knwn fact")
	h.press("left", "left", "left", "left", "left", "left") // inside "knwn"
	h.press("alt+a")
	if len(sp.added) != 1 || sp.added[0] != "knwn" {
		t.Fatalf("added %q, want [knwn]", sp.added)
	}
}
