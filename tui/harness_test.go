package tui

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"golang.org/x/text/language"

	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/segments"
	"github.com/trad-project/trad/tm"
)

// testDoc builds a small French article by hand: a heading, two paragraphs
// and a list, some segments already translated.
func testDoc() *segments.Document {
	doc := &segments.Document{
		SourceLang: language.French,
		TargetLang: language.English,
		SourcePath: "article.fr.md",
		Format:     "markdown",
	}
	blocks := []struct {
		kind   segments.BlockKind
		level  int
		marker string
		sents  []string
	}{
		{segments.KindHeading, 1, "", []string{"L'intelligence artificielle et l'État"}},
		{segments.KindParagraph, 0, "", []string{
			"Le gouvernement a publié mardi un rapport sur l'intelligence artificielle.",
			"Selon ce document, les centres de données consomment de plus en plus d'électricité.",
			"La souveraineté numérique devient une priorité.",
		}},
		{segments.KindListItem, 1, "-", []string{"Les puces restent rares."}},
		{segments.KindListItem, 1, "-", []string{"Le cloud souverain progresse lentement."}},
		{segments.KindParagraph, 0, "", []string{
			"Bruxelles prépare une nouvelle réglementation.",
			"Les négociations reprendront à l'automne, a indiqué un diplomate européen sous couvert d'anonymat.",
		}},
	}
	for bi, b := range blocks {
		text := strings.Join(b.sents, " ")
		blk := segments.Block{Kind: b.kind, Level: b.level, Marker: b.marker, Text: text, First: len(doc.Segments), Count: len(b.sents)}
		off := 0
		for _, s := range b.sents {
			doc.Segments = append(doc.Segments, segments.Segment{
				Index: len(doc.Segments), Block: bi, Start: off, End: off + len(s), Source: s,
			})
			off += len(s) + 1
		}
		doc.Blocks = append(doc.Blocks, blk)
	}
	doc.Segments[0].Target = "Artificial intelligence and the State"
	doc.Segments[0].Status = segments.StatusTranslated
	doc.Segments[1].Target = "The government published a report on artificial intelligence on Tuesday."
	doc.Segments[1].Status = segments.StatusReviewed
	doc.Segments[2].Target = "According to this document, data centres"
	doc.Segments[2].Status = segments.StatusDraft
	return doc
}

// fakeFinder finds fixed terms by exact substring, like a tiny matcher.
type fakeFinder struct {
	terms map[string][]string // source term -> targets
	order []string
}

func newFakeFinder() *fakeFinder {
	f := &fakeFinder{terms: map[string][]string{
		"intelligence artificielle": {"artificial intelligence", "AI"},
		"centres de données":        {"data centres", "data centers"},
		"souveraineté numérique":    {"digital sovereignty"},
		"gouvernement":              {"government"},
		"puces":                     {"chips"},
		"cloud souverain":           {"sovereign cloud"},
	}}
	for t := range f.terms {
		f.order = append(f.order, t)
	}
	return f
}

func (f *fakeFinder) Match(text string) []glossary.Hit {
	var hits []glossary.Hit
	for _, t := range f.order {
		if i := strings.Index(text, t); i >= 0 {
			hits = append(hits, glossary.Hit{
				Start: i, End: i + len(t), Text: t, Term: t, Targets: f.terms[t], How: glossary.HowExact,
				Entry: &glossary.Entry{Domain: "tech", Note: "", Origin: glossary.Origin{File: "builtin", Line: 7}},
			})
		}
	}
	// Sorted by start, as the real matcher returns them.
	for i := 1; i < len(hits); i++ {
		for j := i; j > 0 && hits[j].Start < hits[j-1].Start; j-- {
			hits[j], hits[j-1] = hits[j-1], hits[j]
		}
	}
	return hits
}

// testMemory is a small translation memory for testDoc: near matches of
// segments 3 and 4, an exact match of segment 5, numbers of segment 7.
func testMemory() *tm.Memory {
	mem := tm.New("fr", "en")
	at := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	add := func(src, tgt, origin string) {
		mem.Add(tm.Unit{Source: src, Target: tgt, SourceLang: "fr", TargetLang: "en", Origin: origin, Created: at, Changed: at})
	}
	add("La souveraineté numérique devient une urgence.", "Digital sovereignty is becoming urgent.", "/mem/earlier.tmx")
	add("La souveraineté numérique est une priorité.", "Digital sovereignty is a priority.", "/mem/team.tmx")
	add("Selon ce document, les centres de données consomment beaucoup d'électricité.",
		"According to this document, data centres use a lot of electricity.", "/mem/earlier.tmx")
	add("Les puces restent rares.", "Chips remain scarce.", "/mem/team.tmx")
	add("Bruxelles prépare une réglementation.", "Brussels is preparing a regulation.", "/mem/team.tmx")
	return mem
}

// harness drives a Model like the Bubble Tea runtime does, synchronously:
// commands run at once, except timers, which are recorded and fired by hand.
type harness struct {
	t       *testing.T
	m       Model
	ticks   []tea.Msg
	quit    bool
	mu      sync.Mutex
	saves   []*segments.Document
	saveErr error
	now     time.Time
}

func newHarness(t *testing.T, doc *segments.Document, opts Options) *harness {
	t.Helper()
	h := &harness{t: t, now: time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)}
	if opts.Hits == nil {
		opts.Hits = newFakeFinder()
	}
	if opts.Save == nil {
		opts.Save = func(d *segments.Document) error {
			h.mu.Lock()
			defer h.mu.Unlock()
			if h.saveErr != nil {
				return h.saveErr
			}
			h.saves = append(h.saves, d)
			return nil
		}
	}
	opts.Tick = func(d time.Duration, msg tea.Msg) tea.Cmd {
		h.ticks = append(h.ticks, msg)
		return nil
	}
	opts.Now = func() time.Time { return h.now }
	h.m = New(doc, "/tmp/article.fr.trad.json", opts)
	return h
}

func (h *harness) send(msgs ...tea.Msg) {
	for _, msg := range msgs {
		m, cmd := h.m.Update(msg)
		h.m = m.(Model)
		h.run(cmd)
	}
}

func (h *harness) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			h.run(c)
		}
	case tea.QuitMsg:
		h.quit = true
	default:
		h.send(msg)
	}
}

// fireTicks delivers the timers recorded so far, as if their time had come.
func (h *harness) fireTicks() {
	ticks := h.ticks
	h.ticks = nil
	for _, msg := range ticks {
		h.send(msg)
	}
}

var namedKeys = map[string]tea.KeyMsg{
	"up": {Type: tea.KeyUp}, "down": {Type: tea.KeyDown}, "pgup": {Type: tea.KeyPgUp},
	"pgdown": {Type: tea.KeyPgDown}, "home": {Type: tea.KeyHome}, "end": {Type: tea.KeyEnd},
	"enter": {Type: tea.KeyEnter}, "esc": {Type: tea.KeyEsc}, "backspace": {Type: tea.KeyBackspace},
	"left": {Type: tea.KeyLeft}, "right": {Type: tea.KeyRight},
	"alt+enter": {Type: tea.KeyEnter, Alt: true},
	"ctrl+s":    {Type: tea.KeyCtrlS}, "ctrl+c": {Type: tea.KeyCtrlC}, "ctrl+g": {Type: tea.KeyCtrlG},
	"ctrl+r": {Type: tea.KeyCtrlR}, "ctrl+z": {Type: tea.KeyCtrlZ}, "ctrl+y": {Type: tea.KeyCtrlY},
	"ctrl+n": {Type: tea.KeyCtrlN}, "ctrl+p": {Type: tea.KeyCtrlP}, "ctrl+j": {Type: tea.KeyCtrlJ},
	"ctrl+e": {Type: tea.KeyCtrlE}, "ctrl+u": {Type: tea.KeyCtrlU}, "ctrl+t": {Type: tea.KeyCtrlT},
	"ctrl+a": {Type: tea.KeyCtrlA}, "ctrl+k": {Type: tea.KeyCtrlK}, "f12": {Type: tea.KeyF12},
	"f1": {Type: tea.KeyF1}, "f2": {Type: tea.KeyF2}, "f3": {Type: tea.KeyF3},
	"shift+f1": {Type: tea.KeyF13}, "shift+f2": {Type: tea.KeyF14}, "shift+f3": {Type: tea.KeyF15},
	"tab": {Type: tea.KeyTab}, "shift+tab": {Type: tea.KeyShiftTab},
}

// keyMsg turns a key name ("enter", "ctrl+s", "alt+1", "j") into a KeyMsg.
func keyMsg(name string) tea.KeyMsg {
	if k, ok := namedKeys[name]; ok {
		return k
	}
	if strings.HasPrefix(name, "alt+") && len([]rune(name)) == 5 {
		return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(name[4:]), Alt: true}
	}
	if len([]rune(name)) == 1 {
		return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(name)}
	}
	panic("unknown key " + name)
}

func (h *harness) press(names ...string) {
	for _, n := range names {
		h.send(keyMsg(n))
	}
}

// typeText types s one rune at a time, as a translator would; "\r" is the
// enter key.
func (h *harness) typeText(s string) {
	for _, r := range s {
		if r == '\r' {
			h.send(keyMsg("enter"))
			continue
		}
		if r == ' ' {
			h.send(tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}})
			continue
		}
		h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

func (h *harness) lastSave() *segments.Document {
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(h.saves) == 0 {
		h.t.Fatal("nothing was saved")
	}
	return h.saves[len(h.saves)-1]
}

func (h *harness) view() string { return h.m.View() }

var errDiskFull = errors.New("write article.fr.trad.json: no space left on device")
