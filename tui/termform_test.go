package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/trad-project/trad/glossary"

	tea "github.com/charmbracelet/bubbletea"
)

// TestAddTermSession: T opens the form prefilled with the searched text;
// a duplicate is shown before saving, enter again adds it; the entry is
// appended to the user glossary and matched at once. A term without a
// clash is added at the first enter.
func TestAddTermSession(t *testing.T) {
	cfgDir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfgDir)
	h := newHarness(t, testDoc(), Options{})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.send(resourcesMsg{res: Resources{Glossary: concordGlossary()}})
	h.press("/")
	h.typeText("souverainete numerique\r") // to segment 4, highlighted
	h.press("T")
	if h.m.mode != modeTerm || h.m.termF.fields[fieldSource].Value() != "souveraineté numérique" {
		t.Fatalf("T: mode %v, source %q", h.m.mode, h.m.termF.fields[fieldSource].Value())
	}
	h.typeText("digital sovereignty")
	h.press("enter")
	v := h.view()
	if !strings.Contains(v, "duplicate: souveraineté numérique → digital sovereignty, tech sovereignty · eu.tsv:4") {
		t.Fatalf("the duplicate is not shown:\n%s", v)
	}
	checkFrame(t, v, 120, 40)
	path := filepath.Join(cfgDir, "trad", "glossaries", "user.tsv")
	if _, err := os.Stat(path); err == nil {
		t.Fatal("the entry was written before the clash was confirmed")
	}
	h.press("tab", "tab")
	h.typeText("EU")
	h.press("enter") // the entry changed: checked again, same clash
	if h.m.termF.checked == nil || len(h.m.termF.clashes) != 1 {
		t.Fatalf("clashes after a change: %+v", h.m.termF.clashes)
	}
	h.press("enter")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "souveraineté numérique") || !strings.Contains(string(data), "digital sovereignty") || !strings.Contains(string(data), "EU") {
		t.Errorf("user glossary:\n%s", data)
	}
	if h.m.mode != modeBrowse || !strings.Contains(h.m.status.msg, "added to user.tsv") {
		t.Errorf("after adding: mode %v, status %q", h.m.mode, h.m.status.msg)
	}
	// Matched at once: the hit comes from the new entry, first.
	hits := h.m.hits.get(3)
	if len(hits) == 0 || hits[0].Entry == nil || filepath.Base(hits[0].Entry.Origin.File) != "user.tsv" {
		t.Fatalf("segment 4's hits after adding: %+v", hits)
	}

	// No clash: added at the first enter; ctrl+n takes the source's words.
	h.press("G", "T", "ctrl+n", "ctrl+n", "tab")
	h.typeText("the negotiations\r")
	if !strings.Contains(h.m.status.msg, "Les négociations → the negotiations") {
		t.Fatalf("status: %q", h.m.status.msg)
	}
	found := false
	for _, x := range h.m.hits.get(7) {
		found = found || x.Term == "Les négociations"
	}
	if !found {
		t.Errorf("the new term is not matched in segment 8: %+v", h.m.hits.get(7))
	}
}

// TestAddTermFromEditor: alt+T while editing takes the word under the
// cursor as the target; esc goes back to the editor; an empty target is
// refused.
func TestAddTermFromEditor(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	h := started(t, testDoc())
	h.press("down", "down", "down", "down", "enter")
	h.typeText("The chips")
	h.press("alt+T")
	if got := h.m.termF.fields[fieldTarget].Value(); got != "chips" {
		t.Errorf("target prefilled with %q", got)
	}
	h.press("tab", "ctrl+a", "ctrl+k") // the target field, emptied
	if got := h.m.termF.fields[fieldTarget].Value(); got != "" || h.m.termF.focus != fieldTarget {
		t.Fatalf("tab went to field %d; target %q", h.m.termF.focus, got)
	}
	h.press("shift+tab")
	h.typeText("puces")
	h.press("enter")
	if !strings.Contains(h.view(), "a term needs a source and a target") {
		t.Errorf("an empty target was not refused:\n%s", h.view())
	}
	h.press("esc")
	if !h.m.editing() || h.m.editor.value() != "The chips" {
		t.Errorf("esc: editing %v, %q", h.m.editing(), h.m.editor.value())
	}
}

// TestAddTermOffWithoutUser: a --no-user session writes no glossary.
func TestAddTermOffWithoutUser(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	h := newHarness(t, testDoc(), Options{NoUser: true})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.press("T")
	if h.m.mode != modeBrowse || !strings.Contains(h.m.status.msg, "--no-user") {
		t.Errorf("T in a --no-user session: mode %v, status %q", h.m.mode, h.m.status.msg)
	}
}

// TestAddTermClashFromAnotherProcess: a term another trad added to the user
// glossary after this editor loaded its glossaries is found by the check
// made under the file's lock: the form shows the clash, the file keeps one
// row.
func TestAddTermClashFromAnotherProcess(t *testing.T) {
	cfgDir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfgDir)
	h := newHarness(t, testDoc(), Options{})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.send(resourcesMsg{res: Resources{Glossary: concordGlossary()}})
	path := filepath.Join(cfgDir, "trad", "glossaries", "user.tsv")
	if _, err := glossary.AppendEntry(path, glossary.Entry{Terms: glossary.NewTerms(map[string][]string{"fr": {"négociations"}, "en": {"talks"}})}, "fr", "en"); err != nil {
		t.Fatal(err)
	}
	h.press("T")
	h.typeText("négociations")
	h.press("tab")
	h.typeText("talks\r")
	if v := h.view(); h.m.mode != modeTerm || !strings.Contains(v, "duplicate: négociations → talks") {
		t.Fatalf("mode %v, view:\n%s", h.m.mode, v)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), "négociations"); n != 1 {
		t.Errorf("%d rows of the term:\n%s", n, data)
	}
}

// The matcher is built after the form closes; builds for two terms added
// quickly may end in either order, and only the last term's replaces the
// finder.
func TestMatcherOfEarlierTermIgnored(t *testing.T) {
	h := newHarness(t, testDoc(), Options{})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.send(resourcesMsg{res: Resources{Glossary: concordGlossary()}})
	before := h.m.finder
	h.m.termGen = 2
	stale, last := glossary.NewMatcher(glossary.New(), "fr", "en"), glossary.NewMatcher(concordGlossary(), "fr", "en")
	h.send(matcherBuiltMsg{gen: 1, matcher: stale})
	if h.m.finder != before {
		t.Fatal("the first term's matcher replaced the finder after a second term was added")
	}
	h.send(matcherBuiltMsg{gen: 2, matcher: last})
	if h.m.finder != last {
		t.Fatal("the last term's matcher is not used")
	}
	// A term added while the glossaries load: its matcher (of that term
	// alone) is stale once they arrive.
	gen := h.m.termGen
	h.send(resourcesMsg{res: Resources{Glossary: concordGlossary(), Hits: last}})
	h.send(matcherBuiltMsg{gen: gen, matcher: stale})
	if h.m.finder != last {
		t.Fatal("a matcher asked for before the glossaries loaded replaced theirs")
	}
}

// The concordance and the add-term form take the word under the cursor as
// written, acronyms and hyphenated words whole ("NATO", "well-known");
// the spelling keys take the word the checker underlines ("knwn").
func TestWordAtCursor(t *testing.T) {
	h := started(t, testDoc())
	h.press("i")
	for _, tc := range []struct {
		text        string
		col         int
		word, spell string
	}{
		{"the NATO summit", 6, "NATO", ""},
		{"a well-known fact", 7, "well-known", "known"},
		{"a well-knwn fact", 8, "well-knwn", "knwn"},
	} {
		h.m.editor.ta.SetValue(tc.text)
		h.m.editor.ta.SetCursor(tc.col)
		if w, s := h.m.wordAtCursor(), h.m.spellWordAtCursor(); w != tc.word || s != tc.spell {
			t.Errorf("%q at %d: word %q, spelling word %q; want %q, %q", tc.text, tc.col, w, s, tc.word, tc.spell)
		}
	}
}
