package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/segments"
)

func concordGlossary() *glossary.Glossary {
	return glossary.New(
		&glossary.Entry{Terms: glossary.NewTerms(map[string][]string{"fr": {"souveraineté numérique"}, "en": {"digital sovereignty", "tech sovereignty"}}),
			Note: "EU usage", Origin: glossary.Origin{File: "/g/eu.tsv", Line: 4}},
		&glossary.Entry{Terms: glossary.NewTerms(map[string][]string{"fr": {"souveraineté numérique européenne"}, "en": {"European digital sovereignty"}}),
			Origin: glossary.Origin{File: "/g/eu.tsv", Line: 9}},
		&glossary.Entry{Terms: glossary.NewTerms(map[string][]string{"fr": {"puce"}, "en": {"chip"}}), Origin: glossary.Origin{File: "/g/eu.tsv", Line: 2}},
	)
}

// TestConcordanceSession: ctrl+k, typed words, KWIC lines from the
// glossaries and the memory (equal entry first, then the memory, then
// entries containing the words), enter inserts the chosen target.
func TestConcordanceSession(t *testing.T) {
	h := newHarness(t, testDoc(), Options{Memory: testMemory()})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.send(resourcesMsg{res: Resources{Glossary: concordGlossary()}})
	h.press("down", "down", "down", "ctrl+k")
	if h.m.mode != modeConcord || !strings.Contains(h.view(), "concordance:") {
		t.Fatalf("ctrl+k opens no prompt:\n%s", h.view())
	}
	h.typeText("souverainete numerique\r") // accents ignored
	hits := h.m.conc.hits
	var got []string
	for _, x := range hits {
		got = append(got, x.target)
	}
	want := []string{"digital sovereignty", "Digital sovereignty is becoming urgent.", "Digital sovereignty is a priority.", "European digital sovereignty"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("hits %q, want %q", got, want)
	}
	v := h.view()
	for _, w := range []string{"concordance \"souverainete numerique\": 4 hits", "→ digital sovereignty", "glossary · also tech sovereignty · eu.tsv:4 · EU usage",
		"memory · earlier.tmx · 2024-06-01", "La souveraineté numérique devient une urgence."} {
		if !strings.Contains(v, w) {
			t.Errorf("the list lacks %q:\n%s", w, v)
		}
	}
	checkFrame(t, v, 120, 40)
	h.press("down", "enter")
	if !h.m.editing() || h.m.editor.seg != 3 || h.m.editor.value() != "Digital sovereignty is becoming urgent." {
		t.Fatalf("enter: editing %v on %d, %q", h.m.editing(), h.m.editor.seg, h.m.editor.value())
	}
	// In the editor: the word under the cursor fills the prompt; esc goes
	// back to the editor with the text as it was.
	h.press("ctrl+a", "alt+k")
	h.typeText("Les puces")
	h.press("ctrl+k")
	if v := h.m.conc.input.Value(); v != "puces" {
		t.Errorf("prompt opened with %q, want the word under the cursor", v)
	}
	h.press("ctrl+a", "ctrl+k", "tab", "tab") // the source's first two words
	if v := h.m.conc.input.Value(); v != "La souveraineté" {
		t.Errorf("tab tab gives %q", v)
	}
	h.press("esc")
	if !h.m.editing() || h.m.editor.value() != "Les puces" {
		t.Fatalf("esc: editing %v, %q", h.m.editing(), h.m.editor.value())
	}
	h.press("ctrl+k", "ctrl+a", "ctrl+k")
	h.typeText("puce\r")
	h.press("1")
	if v := h.m.editor.value(); v != "Les puceschip" {
		t.Errorf("1 inserted nothing: %q", v)
	}
}

// TestConcordanceNothing: a search without hits says so and esc closes.
func TestConcordanceNothing(t *testing.T) {
	h := newHarness(t, testDoc(), Options{Memory: testMemory()})
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	h.press("ctrl+k")
	h.typeText("zyzzyva\r")
	if v := h.view(); !strings.Contains(v, "nothing found") {
		t.Errorf("no hit:\n%s", v)
	}
	h.press("esc")
	if h.m.mode != modeBrowse {
		t.Errorf("esc left mode %v", h.m.mode)
	}
}

// TestOverlayIgnoresClicks: a click while the concordance (opened from
// the editor) covers the table moves nothing; esc finds the editor on its
// segment.
func TestOverlayIgnoresClicks(t *testing.T) {
	h := newHarness(t, testDoc(), Options{Memory: testMemory()})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.press("down", "down", "down", "enter", "ctrl+k")
	h.typeText("puces\r")
	h.send(tea.MouseMsg{X: 10, Y: 2, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	h.press("esc")
	if h.m.cur != 3 || !h.m.editing() || h.m.editor.segment() != 3 {
		t.Errorf("after a click under the concordance: cursor %d, editing %v on %d", h.m.cur, h.m.editing(), h.m.editor.segment())
	}
}

// TestConcordanceMatcher: the glossary matcher's hits in the words
// (inflected terms) come first, once each.
func TestConcordanceMatcher(t *testing.T) {
	h := newHarness(t, testDoc(), Options{Hits: pluralFinder{}})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.press("ctrl+k")
	h.typeText("les puces\r")
	hits := h.m.conc.hits
	if len(hits) != 1 || hits[0].source != "puce" || hits[0].target != "chip" || !strings.Contains(hits[0].origin, "also semiconductor") {
		t.Fatalf("hits %+v", hits)
	}
}

// TestConcordanceInsertPart: e puts the chosen target in a field; what is
// left of it on enter is inserted; esc goes back to the list.
func TestConcordanceInsertPart(t *testing.T) {
	h := newHarness(t, testDoc(), Options{Memory: testMemory()})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.press("down", "down", "down", "ctrl+k")
	h.typeText("souveraineté numérique\r")
	h.press("e")
	if v := h.m.conc.input.Value(); v != "digital sovereignty" { // the glossary entry comes first
		t.Fatalf("part field: %q", v)
	}
	if v := h.view(); !strings.Contains(v, "insert this part") {
		t.Errorf("help while cutting a part:\n%s", v)
	}
	h.press("esc")
	if h.m.mode != modeConcord || h.m.conc.typing {
		t.Fatalf("esc from the part: mode %v typing %v", h.m.mode, h.m.conc.typing)
	}
	h.press("down", "e", "ctrl+a")
	for range len("Digital ") {
		h.press("right")
	}
	h.press("ctrl+k", "enter") // keep "Digital "
	if !h.m.editing() || h.m.editor.value() != "Digital " {
		t.Fatalf("inserted part: editing %v, %q", h.m.editing(), h.m.editor.value())
	}
}

// TestConcordanceWaitsForLoad: ctrl+k in the first seconds, while the
// memory and glossaries are still loading, waits for them and then
// searches (it used to close at once with a passing message, which under
// load looked like the search did nothing).
func TestConcordanceWaitsForLoad(t *testing.T) {
	h := newHarness(t, testDoc(), Options{Load: func(*segments.Document) Resources { return Resources{} }})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.press("ctrl+k")
	h.typeText("puce\r")
	if h.m.mode != modeConcord || !strings.Contains(h.view(), `concordance "puce": waiting for the memory and glossaries to load`) {
		t.Fatalf("mode %v, view:\n%s", h.m.mode, h.view())
	}
	h.send(resourcesMsg{res: Resources{Glossary: concordGlossary(), Memory: testMemory()}})
	if v := h.view(); h.m.mode != modeConcord || !strings.Contains(v, `concordance "puce": 1 hit`) || !strings.Contains(v, "→ chip") {
		t.Fatalf("after the load: mode %v, view:\n%s", h.m.mode, v)
	}
	// Closed while waiting: the load runs no search and opens nothing.
	h = newHarness(t, testDoc(), Options{Load: func(*segments.Document) Resources { return Resources{} }})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.press("ctrl+k")
	h.typeText("puce\r")
	h.press("esc")
	h.send(resourcesMsg{res: Resources{Glossary: concordGlossary(), Memory: testMemory()}})
	if h.m.mode != modeBrowse || h.m.concPending != "" {
		t.Errorf("after esc and the load: mode %v, pending %q", h.m.mode, h.m.concPending)
	}
}
