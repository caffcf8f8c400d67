package tui

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/trad-project/trad/qa"
	"github.com/trad-project/trad/segments"
	"github.com/trad-project/trad/tm"
)

// withMemory starts a 120×40 editor on testDoc with testMemory loaded
// through Options.Load, as cmd/trad does, and the user-memory writes
// recorded.
func withMemory(t *testing.T, cfg *Config) (*harness, *[]*segments.Document) {
	t.Helper()
	var mu sync.Mutex
	var memSaves []*segments.Document
	h := newHarness(t, testDoc(), Options{
		Load: func(*segments.Document) Resources {
			return Resources{Hits: newFakeFinder(), Memory: testMemory()}
		},
		SaveMemory: func(d *segments.Document) error {
			mu.Lock()
			defer mu.Unlock()
			memSaves = append(memSaves, d)
			return nil
		},
		Config: cfg,
	})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	if !strings.Contains(h.view(), "loading memory…") {
		t.Fatalf("before the memory arrives the screen should say so:\n%s", h.view())
	}
	h.run(h.m.Init())
	if h.m.matches.mem == nil || h.m.loading {
		t.Fatal("Init's command did not deliver the memory")
	}
	return h, &memSaves
}

func TestInsertMatchSession(t *testing.T) {
	h, memSaves := withMemory(t, nil)
	h.press("down", "down", "down") // segment 4: two fuzzy matches
	if !strings.Contains(h.view(), "Digital sovereignty is a priority.") {
		t.Fatalf("the matches pane lacks the best match:\n%s", h.view())
	}
	h.press("f1") // browse: open the editor with match 1
	if !h.m.editing() || h.m.editor.value() != "Digital sovereignty is a priority." {
		t.Fatalf("f1 in browse mode: editing %v, text %q", h.m.editing(), h.m.editor.value())
	}
	h.press("f2") // edit: replace with match 2
	if v := h.m.editor.value(); v != "Digital sovereignty is becoming urgent." {
		t.Fatalf("f2 replaced the text with %q", v)
	}
	h.press("ctrl+z") // one undo step per insertion
	if v := h.m.editor.value(); v != "Digital sovereignty is a priority." {
		t.Fatalf("undo after f2 gives %q", v)
	}
	h.press("ctrl+a", "alt+k")
	h.typeText("Now: ")
	h.press("shift+f1") // insert at the cursor
	if v := h.m.editor.value(); v != "Now: Digital sovereignty is a priority." {
		t.Fatalf("shift+f1 inserted: %q", v)
	}
	h.press("f3")
	if v := h.m.editor.value(); v != "Now: Digital sovereignty is a priority." || !strings.Contains(h.view(), "no match 3") {
		t.Fatalf("f3 without a third match changed the text to %q or said nothing", v)
	}
	h.press("f1", "enter")
	s := h.m.doc.Segments[3]
	if s.Target != "Digital sovereignty is a priority." || s.Status != segments.StatusTranslated || s.Origin != segments.OriginTM {
		t.Fatalf("segment 4 after f1, enter: %+v", s)
	}
	if got := h.lastSave().Segments[3]; got.Target != s.Target || got.Origin != segments.OriginTM {
		t.Fatalf("the confirm was not saved: %+v", got)
	}
	// The confirmed segment feeds the memory (an exact, context match now)
	// and the user's memory file.
	ms := h.m.matches.mem.Lookup(s.Source, tm.SegmentContext(h.m.doc, 3), 50, 3)
	if len(ms) == 0 || ms[0].Score != 101 || ms[0].Target != s.Target || ms[0].Origin != h.m.projectPath {
		t.Fatalf("memory after confirm: %+v", ms)
	}
	if len(*memSaves) != 1 {
		t.Fatalf("user memory writes: %d", len(*memSaves))
	}
	// The write gets the confirmed segment as a unit with its context.
	want := tm.SegmentContext(h.m.doc, 3)
	found := false
	for _, u := range tm.DocumentUnits((*memSaves)[0], "p") {
		found = found || u.Source == s.Source && u.Target == s.Target && u.Prev == want.Prev && u.Next == want.Next
	}
	if !found {
		t.Fatalf("user memory write lacks segment 4 with its context: %+v", tm.DocumentUnits((*memSaves)[0], "p"))
	}
}

func TestEnterNeverAutoInserts(t *testing.T) {
	for _, auto := range []bool{false, true} {
		cfg := DefaultConfig()
		cfg.TM.AutoInsertExact = auto
		h, _ := withMemory(t, &cfg)
		h.press("down", "down", "down", "down", "enter") // segment 5 has a 100 % match
		got := h.m.editor.value()
		if !auto && got != "" {
			t.Fatalf("auto-insert off: enter on an empty segment put %q in it", got)
		}
		if auto && got != "Chips remain scarce." {
			t.Fatalf("auto-insert on: the editor holds %q, want the exact match", got)
		}
		// A fuzzy best match is never auto-inserted.
		h.press("esc", "up", "enter")
		if v := h.m.editor.value(); v != "" {
			t.Fatalf("auto=%v: a fuzzy match was inserted: %q", auto, v)
		}
	}
}

func TestStaleMatchesDropped(t *testing.T) {
	h, _ := withMemory(t, nil)
	h.press("down", "down", "down")
	old := h.m.matches.ver
	h.m.matches.add(tm.Unit{Source: "x", Target: "y"}) // memory changed
	h.send(matchesMsg{seg: 3, ver: old, matches: []tm.Match{{Score: 90, Source: "stale", Target: "stale"}}})
	for _, m := range h.m.matches.get(3) {
		if m.Target == "stale" {
			t.Fatal("a result tagged with an older memory version was kept")
		}
	}
}

func TestRepetitionsFilled(t *testing.T) {
	for _, autofill := range []bool{true, false} {
		doc := testDoc()
		// Segments 7 and 8 repeat segment 5's source.
		doc.Segments[6].Source = doc.Segments[4].Source
		doc.Segments[7].Source = doc.Segments[4].Source
		doc.Segments[7].Target, doc.Segments[7].Status = "kept", segments.StatusDraft
		cfg := DefaultConfig()
		cfg.Repetitions.Autofill = autofill
		h := newHarness(t, doc, Options{Config: &cfg})
		h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
		h.press("down", "down", "down", "down", "enter")
		h.typeText("Chips remain scarce.\r")
		s7, s8 := h.m.doc.Segments[6], h.m.doc.Segments[7]
		if !autofill {
			if s7.Target != "" {
				t.Fatalf("autofill off filled segment 7: %+v", s7)
			}
			continue
		}
		if s7.Target != "Chips remain scarce." || s7.Status != segments.StatusDraft || s7.Origin != segments.OriginRepetition {
			t.Fatalf("repetition not filled as a marked draft: %+v", s7)
		}
		if s8.Target != "kept" {
			t.Fatalf("a repetition that had a target was overwritten: %+v", s8)
		}
		if v := h.view(); !strings.Contains(v, "1 repetition filled") || !strings.Contains(v, "7 ✎=") {
			t.Fatalf("status or row marker missing:\n%s", v)
		}
		if got := h.lastSave().Segments[6]; got.Origin != segments.OriginRepetition {
			t.Fatalf("the filled repetition was not saved: %+v", got)
		}
		// Editing the repetition makes it the translator's own.
		h.press("esc", "down", "enter", "ctrl+a", "alt+k")
		h.typeText("Chips are scarce.\r")
		if s := h.m.doc.Segments[6]; s.Origin != "" || s.Status != segments.StatusTranslated {
			t.Fatalf("edited repetition: %+v", s)
		}
	}
}

func TestQAOnConfirm(t *testing.T) {
	cfg := DefaultConfig()
	// Glossary compliance is a warning by default (issue 13); raised to an
	// error here to see how errors show.
	cfg.QA = &qa.Config{Disable: []string{qa.CheckFinalPunct}, Severity: map[string]qa.Severity{qa.CheckGlossary: qa.Error}}
	h := newHarness(t, testDoc(), Options{Config: &cfg})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.press("down", "down", "down", "down", "enter")
	h.typeText("Semiconductors remain scarce\r") // no "chips": glossary error
	if h.m.doc.Segments[4].Status != segments.StatusTranslated || h.m.cur != 5 || !h.m.editing() {
		t.Fatal("QA blocked the flow: the segment must be confirmed and the next one opened")
	}
	is := h.m.issues.get(4)
	if len(is) != 1 || is[0].Check != qa.CheckGlossary || is[0].Severity != qa.Error {
		t.Fatalf("issues = %+v, want one glossary error (final-punct disabled)", is)
	}
	if v := h.view(); !strings.Contains(v, "segment 5: QA: 1 error: glossary") || !strings.Contains(v, "5 ✓!") {
		t.Fatalf("status line or row glyph missing:\n%s", v)
	}
	h.press("esc", "down")
	if v := h.view(); strings.Contains(v, "segment 5: QA") {
		t.Fatalf("the finding of segment 5 stays in the status line on segment 7:\n%s", v)
	}
	h.press("up", "up")
	if v := h.view(); !strings.Contains(v, `! glossary "puces"`) || !strings.Contains(v, "QA: 1 error: glossary") {
		t.Fatalf("the QA list is not in the pane or the status line:\n%s", v)
	}
	// Fixing the text clears the finding.
	h.press("enter", "ctrl+a", "alt+k")
	h.typeText("Chips remain scarce\r")
	if is := h.m.issues.get(4); len(is) != 0 {
		t.Fatalf("issues after the fix: %+v", is)
	}
	if strings.Contains(h.view(), "5 ✓!") {
		t.Fatal("the row still carries the error glyph")
	}
}

func TestUserMemoryErrorIsShown(t *testing.T) {
	h := newHarness(t, testDoc(), Options{
		Memory:     testMemory(),
		SaveMemory: func(*segments.Document) error { return errors.New("disk full") },
	})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.press("down", "down", "down", "enter")
	h.typeText("x\r")
	if !strings.Contains(h.view(), "user memory not updated: disk full") {
		t.Fatalf("no message:\n%s", h.view())
	}
}

func TestBatchedRunesAreKeys(t *testing.T) {
	h := started(t, testDoc())
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("jj")})
	if h.m.cur != 2 {
		t.Fatalf("\"jj\" in one message moved to %d, want 2", h.m.cur)
	}
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("jq")})
	if h.m.cur != 3 || !h.quit {
		t.Fatalf("\"jq\": cur %d, quit %v", h.m.cur, h.quit)
	}
	if got := h.lastSave().Cursor; got != 3 {
		t.Fatalf("saved cursor %d, want 3", got)
	}
}

func TestTallSegmentKeepsCursorVisible(t *testing.T) {
	doc := testDoc()
	var long []string
	for i := 0; i < 30; i++ {
		long = append(long, "ligne")
	}
	doc.Segments[3].Target = strings.Join(long, "\n")
	for _, w := range []int{80, 120} {
		h := newHarness(t, doc.Clone(), Options{})
		h.send(tea.WindowSizeMsg{Width: w, Height: 24})
		h.press("down", "down", "down", "enter")
		h.press("ctrl+a", "alt+k") // the last line emptied: the cursor is at the bottom
		h.typeText("FIN")
		v := h.view()
		if !strings.Contains(v, "FIN") {
			t.Fatalf("%d columns: the cursor line is off screen:\n%s", w, v)
		}
		for range 40 {
			h.press("up")
		}
		h.typeText("DEBUT")
		if v := h.view(); !strings.Contains(v, "DEBUT") {
			t.Fatalf("%d columns: after moving up the cursor line is off screen:\n%s", w, v)
		}
		checkFrame(t, h.view(), w, 24)
	}
}

func TestSearchHighlightSpans(t *testing.T) {
	hl := &highlighter{}
	tests := []struct {
		q, text string
		want    []string
	}{
		{"etat", "L'intelligence artificielle et l'État", []string{"État"}},
		{"coeur", "Au cœur du Cœur", []string{"cœur", "Cœur"}},
		{"ss", "Straße strasse", []string{"ß", "ss"}},
		{"x", "abc", nil},
		{"", "abc", nil},
	}
	for _, tt := range tests {
		hl.setQuery(tt.q)
		var got []string
		for _, s := range hl.spans(tt.text) {
			got = append(got, tt.text[s.start:s.end])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q in %q: %q, want %q", tt.q, tt.text, got, tt.want)
		}
	}
}

func TestOverlaySpans(t *testing.T) {
	a, b := span{start: 0}, span{start: 1}
	a.st = a.st.Bold(true)
	under := []span{{0, 10, a.st}, {20, 30, a.st}}
	top := []span{{5, 8, b.st}, {12, 14, b.st}, {25, 40, b.st}}
	var got []string
	for _, s := range overlay(under, top) {
		got = append(got, fmt.Sprintf("%d-%d", s.start, s.end))
	}
	want := "0-5 5-8 8-10 12-14 20-25 25-40"
	if strings.Join(got, " ") != want {
		t.Fatalf("overlay = %s, want %s", strings.Join(got, " "), want)
	}
}

// TestSearchMatchesHighlighted renders with a real ANSI profile: the search
// match is drawn in reverse video in its row.
func TestSearchMatchesHighlighted(t *testing.T) {
	r := lipgloss.DefaultRenderer()
	old := r.ColorProfile()
	lipgloss.SetColorProfile(termenv.ANSI256)
	defer lipgloss.SetColorProfile(old)
	for _, noColor := range []bool{false, true} {
		h := newHarness(t, testDoc(), Options{NoColor: noColor})
		h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
		h.press("G", "/")
		h.typeText("etat\r")
		rev := func(word string) *regexp.Regexp { return regexp.MustCompile(`\x1b\[7(;[0-9;]*)?m` + word) }
		if v := h.view(); !rev("État").MatchString(v) {
			t.Fatalf("NO_COLOR=%v: État is not highlighted:\n%q", noColor, v)
		}
		h.press("/")
		h.typeText("puces\r")
		if v := h.view(); rev("État").MatchString(v) || !rev("puces").MatchString(v) {
			t.Fatalf("NO_COLOR=%v: a new search did not move the highlight", noColor)
		}
	}
}

// TestTypeAheadGoesToOpenedField: keys read in one batch after the key that
// opens a field are typed into that field, not dropped.
func TestTypeAheadGoesToOpenedField(t *testing.T) {
	h := started(t, testDoc())
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/gouv")})
	if h.m.mode != modeSearch || h.m.search.input.Value() != "gouv" {
		t.Fatalf("\"/gouv\" in one message: mode %v, search field %q", h.m.mode, h.m.search.input.Value())
	}
	h.press("enter")
	if h.m.cur != 1 {
		t.Fatalf("search for gouv went to segment %d, want 2", h.m.cur+1)
	}
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(":5")})
	if h.m.mode != modeGoto || h.m.gotoP.input.Value() != "5" {
		t.Fatalf("\":5\": mode %v, field %q", h.m.mode, h.m.gotoP.input.Value())
	}
	h.press("enter")
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("jiChips")})
	if h.m.cur != 5 || !h.m.editing() || h.m.editor.value() != "Chips" {
		t.Fatalf("\"jiChips\": cur %d editing %v text %q", h.m.cur, h.m.editing(), h.m.editor.value())
	}
}

// TestMatchEqualToTargetStays: a fuzzy match confirmed unchanged is still
// shown, marked as the current text, with its source diff.
func TestMatchEqualToTargetStays(t *testing.T) {
	h := newHarness(t, testDoc(), Options{Memory: testMemory()})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.press("down", "down", "f1", "enter", "esc", "up")
	if got := h.m.doc.Segments[2].Target; got != "According to this document, data centres use a lot of electricity." {
		t.Fatalf("f1, enter gave %q", got)
	}
	v := h.view()
	if strings.Contains(v, "no match in the memory") || !strings.Contains(v, "= current") || !strings.Contains(v, "beaucoup") {
		t.Fatalf("the match equal to the target is hidden or unmarked:\n%s", v)
	}
}

// TestSearchEnterGoesFromCursor: enter goes to the first match at or after
// the cursor, wrapping around, as docs/keys.md says.
func TestSearchEnterGoesFromCursor(t *testing.T) {
	h := started(t, testDoc())
	h.press("down", "down", "down") // segment 4
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/intelligence")})
	h.press("enter") // matches 1 and 2 only: wraps to 1
	if h.m.cur != 0 {
		t.Fatalf("went to %d, want 1 (wrapped)", h.m.cur+1)
	}
	h.press("down", "down", "down", "down")
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/puces")})
	h.press("enter") // cursor on 5, which matches: stays
	if h.m.cur != 4 {
		t.Fatalf("went to %d, want 5 (the match under the cursor)", h.m.cur+1)
	}
}

// TestBurstWordIsText: Bubble Tea reports the runes it reads together as
// one message, up to a space: a word typed faster than the terminal is
// read ("enter", "end", "up") arrives as one message whose String() is the
// name of a key. It is text in a field, never that key: "to enter into
// force" typed fast confirmed the segment at "enter" and the rest went
// into the next one.
func TestBurstWordIsText(t *testing.T) {
	h := started(t, testDoc())
	h.press("i")
	before := h.m.editor.value() // the cursor at its end
	words := []string{"to", "enter", "into", "force", "at", "the", "end", "up", "down", "left", "right", "home", "tab", "esc", "delete", "backspace", "space"}
	for k, w := range words {
		if k > 0 {
			h.send(tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}})
		}
		h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(w)})
	}
	want := before + strings.Join(words, " ")
	if !h.m.editing() || h.m.cur != 0 || h.m.editor.value() != want {
		t.Fatalf("typed in bursts: editing %v, segment %d, text %q; want %q in segment 1", h.m.editing(), h.m.cur+1, h.m.editor.value(), want)
	}
	h.press("esc", "/")
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("down")})
	if h.m.mode != modeSearch || h.m.search.input.Value() != "down" {
		t.Fatalf("\"down\" in the search field: mode %v, field %q", h.m.mode, h.m.search.input.Value())
	}
	h.press("esc")
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("jienter")})
	if !h.m.editing() || h.m.cur != 1 || !strings.HasSuffix(h.m.editor.value(), "Tuesday.enter") {
		t.Fatalf("\"jienter\": editing %v, segment %d, text %q", h.m.editing(), h.m.cur+1, h.m.editor.value())
	}
}
