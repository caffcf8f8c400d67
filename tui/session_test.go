package tui

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/segments"
)

func started(t *testing.T, doc *segments.Document) *harness {
	t.Helper()
	h := newHarness(t, doc, Options{})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	return h
}

func TestTypeConfirmOpensNext(t *testing.T) {
	h := started(t, testDoc())
	h.press("G", "enter") // last segment? no: go to 4 first
	h.press("esc", "g", "down", "down", "down", "i")
	h.typeText("La souveraineté ")
	h.press("ctrl+z") // typing is undone a word (and its spaces) at a time
	if v := h.m.editor.value(); v != "La " {
		t.Fatalf("after one undo the text is %q, want %q", v, "La ")
	}
	h.press("ctrl+z")
	if v := h.m.editor.value(); v != "" {
		t.Fatalf("after two undos the text is %q, want it empty", v)
	}
	h.press("ctrl+y", "ctrl+y")
	if v := h.m.editor.value(); v != "La souveraineté " {
		t.Fatalf("after two redos the text is %q", v)
	}
	h.press("ctrl+a", "alt+k") // textarea: delete before cursor
	h.typeText("Digital sovereignty is becoming a priority.")
	h.press("enter")

	s := h.m.doc.Segments[3]
	if s.Target != "Digital sovereignty is becoming a priority." || s.Status != segments.StatusTranslated {
		t.Fatalf("segment 4 = %q (%v), want the typed text, translated", s.Target, s.Status)
	}
	if !s.Changed.Equal(h.now) {
		t.Errorf("changed = %v, want %v", s.Changed, h.now)
	}
	saved := h.lastSave().Segments[3]
	if saved.Target != s.Target || saved.Status != segments.StatusTranslated {
		t.Fatalf("confirm did not save: saved segment 4 = %+v", saved)
	}
	if h.m.cur != 4 || !h.m.editing() || h.m.editor.seg != 4 {
		t.Fatalf("after confirm: cur %d, editing %v on %d; want editing segment 5", h.m.cur, h.m.editing(), h.m.editor.seg)
	}
	if h.m.prog.doneSegs != 3 {
		t.Errorf("progress says %d segments done, want 3", h.m.prog.doneSegs)
	}
}

func TestNewlineAndEscKeepsDraft(t *testing.T) {
	h := started(t, testDoc())
	h.press("down", "down", "down", "enter")
	h.typeText("Ligne un")
	h.press("alt+enter")
	h.typeText("deux")
	h.press("ctrl+j")
	h.typeText("trois")
	h.press("esc")
	s := h.m.doc.Segments[3]
	if s.Target != "Ligne un\ndeux\ntrois" || s.Status != segments.StatusDraft {
		t.Fatalf("after esc: %q (%v), want three lines, draft", s.Target, s.Status)
	}
	if h.m.editing() {
		t.Fatal("still editing after esc")
	}
	if got := h.lastSave().Segments[3].Target; got != s.Target {
		t.Fatalf("leaving edit mode did not save the draft: %q", got)
	}
}

func TestEscWithoutChangeLeavesSegmentUntouched(t *testing.T) {
	h := started(t, testDoc())
	before := h.m.doc.Segments[1]
	h.press("down", "enter")
	h.typeText("xyz")
	h.fireTicks() // the draft autosave runs meanwhile
	if h.m.doc.Segments[1].Status != segments.StatusDraft {
		t.Fatalf("autosave did not store the draft: %v", h.m.doc.Segments[1].Status)
	}
	h.press("backspace", "backspace", "backspace", "esc")
	got := h.m.doc.Segments[1]
	got.Rev = before.Rev // the revision moves on: the row is drawn again
	if !reflect.DeepEqual(got, before) {
		t.Fatalf("segment changed although the text came back to the original:\n got %+v\nwant %+v", got, before)
	}
}

func TestInsertGlossaryTermAndCopySource(t *testing.T) {
	h := started(t, testDoc())
	h.press("down", "down", "enter") // segment 3: hit "centres de données"
	h.press("ctrl+a", "alt+k")
	h.typeText("According to this document, ")
	h.press("alt+1")
	h.typeText(" use more and more electricity.")
	h.press("enter")
	if got := h.m.doc.Segments[2].Target; got != "According to this document, data centres use more and more electricity." {
		t.Fatalf("target = %q", got)
	}
	// Segment 4 is open now; alt+2 has no hit.
	h.press("alt+2")
	if !strings.Contains(h.m.status.msg, "no glossary hit 2") {
		t.Errorf("status after alt+2 = %q", h.m.status.msg)
	}
	h.press("ctrl+r")
	if got := h.m.editor.value(); got != h.m.doc.Segments[3].Source {
		t.Fatalf("ctrl+r gave %q", got)
	}
	h.press("ctrl+z")
	if got := h.m.editor.value(); got != "" {
		t.Fatalf("undo after ctrl+r gave %q", got)
	}
}

func TestSearchAccentAndCaseInsensitive(t *testing.T) {
	h := started(t, testDoc())
	h.press("/")
	h.typeText("SOUVERAIN")
	h.press("enter")
	if h.m.cur != 3 {
		t.Fatalf("search jumped to %d, want 3", h.m.cur)
	}
	if !strings.Contains(h.m.status.msg, "match 1/2") {
		t.Errorf("status = %q", h.m.status.msg)
	}
	h.press("ctrl+n")
	if h.m.cur != 5 {
		t.Fatalf("ctrl+n went to %d, want 5", h.m.cur)
	}
	h.press("ctrl+n")
	if h.m.cur != 3 {
		t.Fatalf("ctrl+n did not wrap: %d", h.m.cur)
	}
	h.press("ctrl+p")
	if h.m.cur != 5 {
		t.Fatalf("ctrl+p did not wrap back: %d", h.m.cur)
	}
	// Accents and ligatures are folded.
	h.press("/")
	h.typeText("REGLEMENTATION")
	h.press("enter")
	if h.m.cur != 6 {
		t.Fatalf("accent-insensitive search went to %d, want 6", h.m.cur)
	}
	// Targets are searched too.
	h.press("/")
	h.typeText("tuesday")
	h.press("enter")
	if h.m.cur != 1 {
		t.Fatalf("target search went to %d, want 1", h.m.cur)
	}
	h.press("/")
	h.typeText("introuvable")
	h.press("enter")
	if h.m.cur != 1 || !strings.Contains(h.m.status.msg, "no match") {
		t.Fatalf("failed search moved to %d, status %q", h.m.cur, h.m.status.msg)
	}
}

func TestBrowseKeys(t *testing.T) {
	h := started(t, testDoc())
	steps := []struct {
		keys []string
		want int
	}{
		{[]string{"j", "j"}, 2}, {[]string{"k"}, 1}, {[]string{"G"}, 7}, {[]string{"g"}, 0},
		{[]string{"end"}, 7}, {[]string{"home"}, 0}, {[]string{"n"}, 2}, {[]string{"n"}, 3},
		{[]string{"N"}, 2}, {[]string{"N"}, 7}, {[]string{":", "5", "enter"}, 4}, {[]string{":", "9", "9", "enter"}, 7},
		{[]string{"pgup"}, 0}, {[]string{"up"}, 0}, {[]string{"pgdown"}, 7},
	}
	for _, s := range steps {
		h.press(s.keys...)
		if h.m.cur != s.want {
			t.Fatalf("after %q: cursor %d, want %d", s.keys, h.m.cur, s.want)
		}
	}
	if h.m.doc.Cursor != 7 {
		t.Errorf("document cursor %d, want 7", h.m.doc.Cursor)
	}
	h.press("g", "r")
	if h.m.doc.Segments[0].Status != segments.StatusReviewed {
		t.Fatal("r did not mark the segment reviewed")
	}
	if h.m.cur != 1 {
		t.Fatalf("r stayed on segment %d; it must go to the next one", h.m.cur+1)
	}
	h.press("k")
	if h.lastSave().Segments[0].Status != segments.StatusReviewed {
		t.Fatal("r did not save")
	}
	h.press("r")
	if h.m.doc.Segments[0].Status != segments.StatusTranslated {
		t.Fatal("second r did not go back to translated")
	}
	h.press("k", "down", "down", "down", "r")
	if h.m.doc.Segments[3].Status != segments.StatusNew {
		t.Fatal("r on an empty segment changed it")
	}
}

func TestMouseClickAndWheel(t *testing.T) {
	h := started(t, testDoc())
	// Row of segment 4 (index 3): header 1 + seg1 1 + blank 1 + seg2 2 + seg3 2 = line 7.
	h.send(tea.MouseMsg{X: 10, Y: 7, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	if h.m.cur != 3 {
		t.Fatalf("click selected %d, want 3", h.m.cur)
	}
	h.send(tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	if h.m.table.top != 1 || h.m.cur != 3 {
		t.Fatalf("wheel: top %d cur %d", h.m.table.top, h.m.cur)
	}
}

func TestQuitSavesAndFailedSaveAsks(t *testing.T) {
	h := started(t, testDoc())
	h.press("down", "enter")
	h.typeText(" Edited.")
	h.saveErr = errDiskFull
	h.press("ctrl+c")
	if h.quit {
		t.Fatal("quit although the save failed")
	}
	if h.m.mode != modeConfirmQuit || !strings.Contains(h.view(), "Quit and lose unsaved changes?") {
		t.Fatalf("no confirmation after a failed save; mode %v", h.m.mode)
	}
	if !strings.Contains(h.m.status.msg, "no space left") {
		t.Errorf("status does not show the error: %q", h.m.status.msg)
	}
	if !strings.HasSuffix(h.m.doc.Segments[1].Target, " Edited.") {
		t.Fatal("the work was lost from memory")
	}
	h.press("n") // keep editing; the retry succeeds once the disk has room
	h.saveErr = nil
	h.fireTicks()
	if h.m.saveErr != nil || !strings.HasSuffix(h.lastSave().Segments[1].Target, " Edited.") {
		t.Fatalf("retry did not save: err %v", h.m.saveErr)
	}
	h.press("q")
	if !h.quit {
		t.Fatal("q did not quit after a good save")
	}
}

func TestQuitWithFailedSaveAndYes(t *testing.T) {
	h := started(t, testDoc())
	h.press("down", "r")
	h.saveErr = errDiskFull
	h.press("r", "q", "y")
	if !h.quit {
		t.Fatal("y did not quit")
	}
}

func TestSaveAndQuitMsgQuitsEvenIfSaveFails(t *testing.T) {
	h := started(t, testDoc())
	h.press("down", "enter")
	h.typeText("x")
	h.saveErr = errDiskFull
	h.send(SaveAndQuitMsg{})
	if !h.quit {
		t.Fatal("SaveAndQuitMsg did not quit")
	}
	if !h.m.Unsaved() {
		t.Error("Unsaved is false although the save failed")
	}
	h2 := started(t, testDoc())
	h2.press("down", "enter")
	h2.typeText("y")
	h2.send(SaveAndQuitMsg{})
	if !h2.quit || h2.m.Unsaved() || !strings.HasSuffix(h2.lastSave().Segments[1].Target, "y") {
		t.Fatal("SaveAndQuitMsg did not save the typing")
	}
}

func TestDraftAutosaveDebounced(t *testing.T) {
	h := started(t, testDoc())
	h.press("down", "down", "down", "enter")
	h.typeText("abc")
	n := len(h.saves)
	// Three keystrokes scheduled three timers; only the last one saves.
	h.fireTicks()
	if len(h.saves) != n+1 {
		t.Fatalf("%d saves after the timers, want exactly 1", len(h.saves)-n)
	}
	if s := h.lastSave().Segments[3]; s.Target != "abc" || s.Status != segments.StatusDraft {
		t.Fatalf("autosaved %+v", s)
	}
}

func TestResumeAfterReopen(t *testing.T) {
	doc := testDoc()
	h := started(t, doc)
	h.press("down", "down", "down", "down")
	h.press("q")
	saved := h.lastSave()
	if saved.Cursor != 4 {
		t.Fatalf("saved cursor %d, want 4", saved.Cursor)
	}
	h2 := started(t, saved)
	if h2.m.cur != 4 {
		t.Fatalf("reopened at %d, want 4", h2.m.cur)
	}
	if !strings.Contains(h2.view(), "▶ 5 ") {
		t.Errorf("current marker not on segment 5:\n%s", h2.view())
	}
}

func TestEmptyDocument(t *testing.T) {
	h := started(t, &segments.Document{})
	h.press("j", "enter", "/", "x", "enter")
	if !strings.Contains(h.view(), "no segments") {
		t.Fatalf("view:\n%s", h.view())
	}
	h.press("q")
	if !h.quit {
		t.Fatal("q did not quit")
	}
}

func TestStaleHitsDropped(t *testing.T) {
	store := newHitStore()
	store.gen = 2
	if changed := store.store(hitsMsg{gen: 1, hits: map[int][]glossary.Hit{0: {{Start: 0, End: 2}}}}); changed != nil || store.known(0) {
		t.Fatal("hits from an older finder were stored")
	}
	if changed := store.store(hitsMsg{gen: 2, hits: map[int][]glossary.Hit{0: {{Start: 0, End: 2}}}}); len(changed) != 1 || !store.known(0) {
		t.Fatal("current hits were not stored")
	}
}

func TestValidHitsDropsBadSpans(t *testing.T) {
	in := []glossary.Hit{{Start: 0, End: 3}, {Start: 2, End: 4}, {Start: 5, End: 99}, {Start: 6, End: 6}, {Start: 6, End: 8}}
	got := validHits(in, 10)
	if len(got) != 2 || got[0].Start != 0 || got[1].Start != 6 {
		t.Fatalf("validHits = %+v", got)
	}
}

func TestExportPicker(t *testing.T) {
	dir := t.TempDir()
	exp := []Exporter{
		{Name: "TSV", Ext: "tsv", Write: func(w io.Writer, d *segments.Document) error {
			for _, s := range d.Segments {
				fmt.Fprintf(w, "%s\t%s\n", s.Source, s.Target)
			}
			return nil
		}},
		{Name: "Broken", Ext: "bad", Write: func(io.Writer, *segments.Document) error { return errDiskFull }},
	}
	h := newHarness(t, testDoc(), Options{Exporters: exp, ExportDir: dir})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.press("ctrl+e")
	if !strings.Contains(h.view(), "[1 TSV]") {
		t.Fatalf("picker not shown:\n%s", h.view())
	}
	h.press("enter")
	path := filepath.Join(dir, "article.fr.tsv")
	data, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(data), "Artificial intelligence and the State") {
		t.Fatalf("export not written: %v %q", err, data)
	}
	if !strings.Contains(h.m.status.msg, path) {
		t.Errorf("status %q does not show the path", h.m.status.msg)
	}
	h.press("ctrl+e", "right", "enter")
	if !h.m.status.isErr || !strings.Contains(h.m.status.msg, "no space left") {
		t.Errorf("failed export not reported: %q", h.m.status.msg)
	}
	if _, err := os.Stat(filepath.Join(dir, "article.fr.bad")); err == nil {
		t.Error("a failed export left a file behind")
	}
}

// TestRescueKeepsEditorText covers a program that ended without quit
// running (killed, terminal gone): the editor's text must reach the
// document the last save writes, as a draft, or leave it as it was.
func TestRescueKeepsEditorText(t *testing.T) {
	for _, tc := range []struct {
		name       string
		keys       []string
		text       string
		after      []string
		seg        int
		wantTarget string
		wantStatus segments.Status
		unsaved    bool
	}{
		{"typing in a new segment", []string{"down", "down", "down", "enter"}, "Sovereignty", nil, 3, "Sovereignty", segments.StatusDraft, true},
		{"typing appended to a translation", []string{"enter"}, "!", nil, 0, "Artificial intelligence and the State!", segments.StatusDraft, true},
		{"editor open, nothing typed", []string{"enter"}, "", nil, 0, "Artificial intelligence and the State", segments.StatusTranslated, false},
		{"typing undone", []string{"down", "enter"}, "x", []string{"backspace"}, 1, "The government published a report on artificial intelligence on Tuesday.", segments.StatusReviewed, true},
		{"browsing", []string{"down"}, "", nil, 1, "The government published a report on artificial intelligence on Tuesday.", segments.StatusReviewed, true}, // the cursor moved
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := started(t, testDoc())
			h.press(tc.keys...)
			h.typeText(tc.text)
			h.press(tc.after...)
			// Killed here: no quit, no autosave.
			if got := h.m.Unsaved(); got != tc.unsaved {
				t.Fatalf("Unsaved = %v, want %v", got, tc.unsaved)
			}
			doc := h.m.Rescue()
			if s := doc.Segments[tc.seg]; s.Target != tc.wantTarget || s.Status != tc.wantStatus {
				t.Fatalf("rescued segment %d: %q (%v), want %q (%v)", tc.seg+1, s.Target, s.Status, tc.wantTarget, tc.wantStatus)
			}
		})
	}
	var zero Model // what a failed type assertion on p.Run's model gives
	if zero.Unsaved() || zero.Rescue() != nil {
		t.Fatal("the zero Model has something to rescue")
	}
}

// TestConfirmMovesOn: confirming a re-edited segment moves to the next one
// without opening it when it is finished; ctrl+u goes to the next
// untranslated segment, in the editor.
func TestConfirmMovesOn(t *testing.T) {
	h := started(t, testDoc())
	h.press("enter") // segment 1 is translated: a re-edit
	h.typeText(" (AI)\r")
	if h.m.doc.Segments[0].Target != "Artificial intelligence and the State (AI)" || h.m.cur != 1 {
		t.Fatalf("after confirm: %q, cur %d", h.m.doc.Segments[0].Target, h.m.cur+1)
	}
	if h.m.editing() {
		t.Fatal("confirm opened segment 2, which is reviewed, in the editor")
	}
	h.press("g", "enter", "ctrl+u")
	if h.m.cur != 2 || !h.m.editing() || h.m.editor.seg != 2 {
		t.Fatalf("ctrl+u: cur %d editing %v; want editing segment 3, the first untranslated", h.m.cur+1, h.m.editing())
	}
	h.typeText(" use more and more electricity.")
	h.press("ctrl+u")
	if s := h.m.doc.Segments[2]; s.Status != segments.StatusTranslated || h.m.editor.seg != 3 {
		t.Fatalf("second ctrl+u: segment 3 %v, editing %d", s.Status, h.m.editor.seg+1)
	}
	if got := h.lastSave().Segments[2].Status; got != segments.StatusTranslated {
		t.Fatalf("ctrl+u did not save: %v", got)
	}
}
