package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/trad-project/trad/align"
)

// alignDriver drives an AlignModel with keys, running the commands it
// returns as Bubble Tea would, one message at a time.
type alignDriver struct {
	t     *testing.T
	m     AlignModel
	saved [][]align.Link
	quit  bool
}

func newAlignDriver(t *testing.T, links []align.Link) *alignDriver {
	d := &alignDriver{t: t}
	src := []string{"Une.", "Deux.", "Trois.", "Quatre\x1b[31m rouge."}
	tgt := []string{"One.", "Two.", "Three.", "Four red."}
	d.m = NewAlign(AlignOptions{
		Src: src, Tgt: tgt, Links: links, Title: "a.fr ↔ a.en", NoColor: true,
		// A stand-in for Pair.Confidence: 1:1 links are sure, others less.
		Rescore: func(ls []align.Link) {
			for i := range ls {
				ls[i].Conf = 0.9
				if len(ls[i].Src) != 1 || len(ls[i].Tgt) != 1 {
					ls[i].Conf = 0.2
				}
			}
		},
		Save: func(ls []align.Link) error {
			d.saved = append(d.saved, ls)
			return nil
		},
		Export: func(ls []align.Link) (string, error) { return "", fmt.Errorf("disk full") },
	})
	d.send(tea.WindowSizeMsg{Width: 90, Height: 20})
	return d
}

func (d *alignDriver) send(msg tea.Msg) {
	next, cmd := d.m.Update(msg)
	d.m = next.(AlignModel)
	for cmd != nil {
		out := cmd()
		if _, ok := out.(tea.QuitMsg); ok {
			d.quit = true
			return
		}
		next, cmd = d.m.Update(out)
		d.m = next.(AlignModel)
	}
}

func (d *alignDriver) press(keys ...string) {
	for _, k := range keys {
		var msg tea.KeyMsg
		switch k {
		case "enter":
			msg = tea.KeyMsg{Type: tea.KeyEnter}
		case "down":
			msg = tea.KeyMsg{Type: tea.KeyDown}
		case "up":
			msg = tea.KeyMsg{Type: tea.KeyUp}
		default:
			msg = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
		}
		d.send(msg)
	}
}

func linksString(ls []align.Link) string {
	var b strings.Builder
	align.WriteLinks(&b, ls, false)
	return strings.TrimSpace(strings.ReplaceAll(b.String(), "\n", " "))
}

func startLinks() []align.Link {
	return []align.Link{
		{Src: []int{0}, Tgt: []int{0}, Conf: 0.9},
		{Src: []int{1, 2}, Tgt: []int{1}, Conf: 0.2},
		{Src: []int{}, Tgt: []int{2}, Conf: 0.4},
		{Src: []int{3}, Tgt: []int{3}, Conf: 0.8},
	}
}

func TestAlignViewShowsLinks(t *testing.T) {
	d := newAlignDriver(t, startLinks())
	v := d.m.View()
	for _, want := range []string{"4 links", "2 under 0.7", "document order", "0.20", "Deux.", "One.", "—"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "\x1b[31m") {
		t.Errorf("the escape sequence of the source reached the view")
	}
	// o: lowest confidence first; the cursor's link is drawn first.
	d.press("o")
	v = d.m.View()
	if !strings.Contains(v, "lowest confidence first") || strings.Index(v, "0.20") > strings.Index(v, "0.40") || strings.Index(v, "0.40") > strings.Index(v, "0.90") {
		t.Errorf("not sorted by confidence:\n%s", v)
	}
}

func TestAlignViewEdits(t *testing.T) {
	for _, tc := range []struct {
		name string
		keys []string
		want string
	}{
		{"join", []string{"down", "J"}, "[0]:[0] [1, 2]:[1, 2] [3]:[3]"},
		{"split", []string{"down", "s"}, "[0]:[0] [1]:[1] [2]:[] []:[2] [3]:[3]"},
		{"source boundary back", []string{"down", "["}, "[0]:[0] [1]:[1] [2]:[2] [3]:[3]"},
		{"source boundary forward", []string{"]"}, "[0, 1]:[0] [2]:[1] []:[2] [3]:[3]"},
		{"target boundary", []string{"down", "}"}, "[0]:[0] [1, 2]:[1, 2] [3]:[3]"},
		{"target boundary back", []string{"{"}, "[0]:[] [1, 2]:[0, 1] []:[2] [3]:[3]"},
		{"lowest first then join", []string{"o", "g", "J"}, "[0]:[0] [1, 2]:[1, 2] [3]:[3]"},
	} {
		d := newAlignDriver(t, startLinks())
		d.press(tc.keys...)
		if got := linksString(d.m.Links()); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
		if !d.m.Unsaved() {
			t.Errorf("%s: not marked unsaved", tc.name)
		}
	}
}

func TestAlignViewConfirmAndQuit(t *testing.T) {
	d := newAlignDriver(t, startLinks())
	d.press("down", "J")
	// The stand-in scores the new 2:2 link 0.2 and the 0:1 link is gone.
	if !strings.Contains(d.m.View(), "1 under 0.7") || strings.Contains(d.m.View(), "0.40") {
		t.Errorf("confidences not recomputed after the join:\n%s", d.m.View())
	}
	d.press("q")
	if d.quit || !strings.Contains(d.m.View(), "unsaved changes") {
		t.Fatalf("q with unsaved changes quit or did not warn:\n%s", d.m.View())
	}
	d.press("x")
	if !strings.Contains(d.m.View(), "not exported: disk full") {
		t.Errorf("export error not shown:\n%s", d.m.View())
	}
	d.press("enter")
	if len(d.saved) != 1 || linksString(d.saved[0]) != "[0]:[0] [1, 2]:[1, 2] [3]:[3]" || d.m.Unsaved() {
		t.Fatalf("saved %v, unsaved %v", d.saved, d.m.Unsaved())
	}
	if !strings.Contains(d.m.View(), "project written") {
		t.Errorf("no confirmation shown:\n%s", d.m.View())
	}
	d.press("q")
	if !d.quit {
		t.Errorf("q after saving did not quit")
	}
}

func TestAlignViewNothingToDo(t *testing.T) {
	d := newAlignDriver(t, startLinks())
	d.press("down", "down", "s") // a 0:1 link cannot be split
	if d.m.Unsaved() || !strings.Contains(d.m.View(), "nothing to do") {
		t.Errorf("split of a 0:1 link:\n%s", d.m.View())
	}
	d.press("down", "J") // the last link has no next
	if d.m.Unsaved() {
		t.Errorf("join of the last link changed the alignment")
	}
	d.press("q")
	if !d.quit {
		t.Errorf("q without changes did not quit")
	}
}

// TestAlignViewScrolls keeps the cursor's link on screen in a long list.
func TestAlignViewScrolls(t *testing.T) {
	var src, tgt []string
	var links []align.Link
	for i := range 50 {
		src = append(src, fmt.Sprintf("Phrase %d.", i))
		tgt = append(tgt, fmt.Sprintf("Sentence %d.", i))
		links = append(links, align.Link{Src: []int{i}, Tgt: []int{i}, Conf: 0.9})
	}
	m := NewAlign(AlignOptions{Src: src, Tgt: tgt, Links: links})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 50, Height: 12})
	m = next.(AlignModel)
	for range 30 {
		next, _ = m.Update(tea.KeyMsg{Type: tea.KeyDown})
		m = next.(AlignModel)
	}
	v := m.View()
	if !strings.Contains(v, "Phrase 30.") || strings.Contains(v, "Phrase 0.") {
		t.Errorf("cursor's link not shown:\n%s", v)
	}
	if n := strings.Count(v, "\n") + 1; n != 12 {
		t.Errorf("view is %d lines, want the terminal's 12", n)
	}
}

// TestAlignViewWrapsCurrent shows the cursor's link whole, wrapped, and
// the other links cut to one line per sentence.
func TestAlignViewWrapsCurrent(t *testing.T) {
	long := "Une très longue phrase qui ne tient pas sur une ligne de la colonne et se termine par FIN."
	src := []string{long, long}
	tgt := []string{"A short one.", "Another short one."}
	links := []align.Link{{Src: []int{0}, Tgt: []int{0}, Conf: 1}, {Src: []int{1}, Tgt: []int{1}, Conf: 1}}
	m := NewAlign(AlignOptions{Src: src, Tgt: tgt, Links: links})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 63, Height: 20})
	m = next.(AlignModel)
	if v := m.View(); strings.Count(v, "FIN.") != 1 || strings.Count(v, "Une très longue") != 2 {
		t.Errorf("want the first link whole and the second cut:\n%s", v)
	}
}

// TestAlignViewKeysTogether: keys read in one go ("Gs") act one by one.
func TestAlignViewKeysTogether(t *testing.T) {
	d := newAlignDriver(t, startLinks())
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("jJ")})
	if got := linksString(d.m.Links()); got != "[0]:[0] [1, 2]:[1, 2] [3]:[3]" {
		t.Errorf("links %s after \"jJ\"", got)
	}
}

// TestEditorShowsAlignNote checks that the editor shows the note align
// writes on a segment (a sentence added in translation, a link to check)
// when the cursor is on it, cleaned of escape sequences.
func TestEditorShowsAlignNote(t *testing.T) {
	doc := testDoc()
	doc.Segments[1].Note = "alignment confidence 0.62: check\n" + align.AddedPrefix + "Extra\x1b[31m sentence."
	h := newHarness(t, doc, Options{})
	h.send(tea.WindowSizeMsg{Width: 140, Height: 30})
	want := "note: alignment confidence 0.62: check " + align.AddedPrefix + "Extra sentence."
	if strings.Contains(h.view(), want) {
		t.Fatalf("note shown on another segment:\n%s", h.view())
	}
	h.press("down")
	if v := h.view(); !strings.Contains(v, want) {
		t.Errorf("note not shown:\n%s", v)
	}
}
