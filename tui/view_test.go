package tui

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
	"golang.org/x/text/language"

	"github.com/trad-project/trad/segments"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
	os.Exit(m.Run())
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./tui -run %s -update)", err, t.Name())
	}
	if got != string(want) {
		t.Errorf("view differs from %s (run with -update after checking):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// checkFrame asserts a frame fits a w×h terminal: at most h lines, none
// wider than w.
func checkFrame(t *testing.T, v string, w, h int) {
	t.Helper()
	if v == "" {
		return
	}
	lines := strings.Split(v, "\n")
	if len(lines) > h {
		t.Errorf("%d×%d: view has %d lines", w, h, len(lines))
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("%d×%d: line %d is %d cells: %q", w, h, i, lw, l)
		}
	}
}

func cjkDoc() *segments.Document {
	doc := testDoc()
	doc.TargetLang = language.Chinese
	doc.Segments[0].Target = "人工智能与国家"
	doc.Segments[1].Target = "政府周二发布了一份关于人工智能的报告，报告指出数据中心的用电量正在迅速增长。"
	doc.Segments[2].Target = "据该文件称，数据中心👍🏽消耗的电力越来越多。"
	return doc
}

func TestGoldenViews(t *testing.T) {
	tests := []struct {
		name  string
		doc   func() *segments.Document
		opts  Options
		w, h  int
		keys  []string
		typed string
		after []string // keys pressed after typing
	}{
		{name: "browse-120x40", doc: testDoc, w: 120, h: 40, keys: []string{"down", "down"}},
		{name: "browse-80x24", doc: testDoc, w: 80, h: 24, keys: []string{"down", "down"}},
		{name: "edit-120x40", doc: testDoc, w: 120, h: 40, keys: []string{"down", "down", "down", "enter"}, typed: "Digital sovereignty is becoming a priority."},
		{name: "edit-80x24", doc: testDoc, w: 80, h: 24, keys: []string{"down", "down", "down", "enter"}, typed: "Digital sovereignty"},
		{name: "cjk-120x40", doc: cjkDoc, w: 120, h: 40, keys: []string{"down"}},
		{name: "cjk-80x24", doc: cjkDoc, w: 80, h: 24, keys: []string{"down"}},
		{name: "nocolor-80x24", doc: testDoc, opts: Options{NoColor: true}, w: 80, h: 24, keys: []string{"down", "down"}},
		{name: "wide-160x30", doc: testDoc, w: 160, h: 30, keys: []string{"down"}},
		{name: "help-120x40", doc: testDoc, w: 120, h: 40, keys: []string{"?"}},
		{name: "nopane-80x24", doc: testDoc, w: 80, h: 24, keys: []string{"ctrl+g"}},
		{name: "small-20x5", doc: testDoc, w: 20, h: 5},
		{name: "matches-120x40", doc: testDoc, w: 120, h: 40, keys: []string{"down", "down", "down"}},
		{name: "matches-80x24", doc: testDoc, w: 80, h: 24, keys: []string{"down", "down", "down"}},
		{name: "matches-nocolor-120x40", doc: testDoc, opts: Options{NoColor: true}, w: 120, h: 40, keys: []string{"down", "down", "down"}},
		{name: "matches-nocolor-80x24", doc: testDoc, opts: Options{NoColor: true}, w: 80, h: 24, keys: []string{"down", "down", "down"}},
		{name: "matches-wide-160x40", doc: testDoc, w: 160, h: 40, keys: []string{"down", "down", "down"}},
		// Confirming segment 5 without the glossary's "chips" nor the final
		// full stop: an error (row flagged "!") and a warning, listed under
		// the glossary once the cursor is back on it.
		{name: "qa-120x40", doc: testDoc, w: 120, h: 40, keys: []string{"down", "down", "down", "down", "enter"}, typed: "Semiconductors remain scarce\r", after: []string{"esc", "up"}},
		{name: "qa-80x24", doc: testDoc, opts: Options{NoColor: true}, w: 80, h: 24, keys: []string{"down", "down", "down", "down", "enter"}, typed: "Semiconductors remain scarce\r", after: []string{"esc", "up"}},
		{name: "search-80x24", doc: testDoc, opts: Options{NoColor: true}, w: 80, h: 24, keys: []string{"/"}, typed: "etat\r"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.opts.Memory == nil {
				tt.opts.Memory = testMemory()
			}
			h := newHarness(t, tt.doc(), tt.opts)
			h.send(tea.WindowSizeMsg{Width: tt.w, Height: tt.h})
			h.press(tt.keys...)
			h.typeText(tt.typed)
			h.press(tt.after...)
			v := h.view()
			checkFrame(t, v, tt.w, tt.h)
			golden(t, tt.name, v)
		})
	}
}

func TestEverySizeRenders(t *testing.T) {
	sizes := [][2]int{{200, 60}, {300, 100}, {1000, 5}, {5, 1000}}
	for w := 1; w <= 40; w++ {
		for hh := 1; hh <= 15; hh++ {
			sizes = append(sizes, [2]int{w, hh})
		}
	}
	for _, docf := range []func() *segments.Document{testDoc, cjkDoc, func() *segments.Document { return &segments.Document{} }} {
		h := newHarness(t, docf(), Options{Memory: testMemory()})
		for _, s := range sizes {
			h.send(tea.WindowSizeMsg{Width: s[0], Height: s[1]})
			checkFrame(t, h.view(), s[0], s[1])
			if len(docf().Segments) > 0 {
				h.press("down", "enter")
				h.typeText("x")
				checkFrame(t, h.view(), s[0], s[1])
				h.press("f1") // a memory match in the editor
				checkFrame(t, h.view(), s[0], s[1])
				h.press("esc", "?")
				checkFrame(t, h.view(), s[0], s[1])
				h.press("?")
			}
		}
	}
}

// TestNoColorHasNoColour renders with a real ANSI profile and the monochrome
// styles: attributes may appear, colours must not.
func TestNoColorHasNoColour(t *testing.T) {
	r := lipgloss.DefaultRenderer()
	old := r.ColorProfile()
	lipgloss.SetColorProfile(termenv.ANSI256)
	defer lipgloss.SetColorProfile(old)

	h := newHarness(t, testDoc(), Options{NoColor: true})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.press("down", "down")
	v := h.view()
	sgr := regexp.MustCompile(`\x1b\[([0-9;]*)m`)
	attrs := 0
	for _, m := range sgr.FindAllStringSubmatch(v, -1) {
		for _, p := range strings.Split(m[1], ";") {
			var n int
			fmt.Sscan(p, &n)
			if (n >= 30 && n <= 49) || (n >= 90 && n <= 107) {
				t.Fatalf("NO_COLOR view uses colour SGR %q", m[0])
			}
			if n == 1 || n == 4 || n == 7 {
				attrs++
			}
		}
	}
	if attrs == 0 {
		t.Error("NO_COLOR view has no bold/underline/reverse at all: current row and hits are invisible")
	}
	if !strings.Contains(v, "▶") || !strings.Contains(v, "✎") || !strings.Contains(v, "★") {
		t.Error("NO_COLOR view lacks the current-row or status glyphs")
	}
	// The colour styles, on the other hand, do use colour.
	h2 := newHarness(t, testDoc(), Options{})
	h2.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	if !strings.Contains(h2.view(), "\x1b[38;5;") {
		t.Error("colour view has no colour")
	}
}

// TestHostileTextIsSanitised puts escape sequences in a source, a target
// and a glossary entry: none may reach the frame.
func TestHostileTextIsSanitised(t *testing.T) {
	doc := testDoc()
	doc.Segments[3].Source = "La souveraineté \x1b]0;pwned\x07numérique \x1b[2Jdevient une priorité."
	doc.Segments[3].Target = "evil\x1b[31m red\u009b1m"
	doc.SourcePath = "evil\x1b[5m.md"
	h := newHarness(t, doc, Options{})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.press("down", "down", "down")
	v := h.view()
	if strings.ContainsAny(v, "\x1b\x07\u009b") || strings.Contains(v, "pwned") || strings.Contains(v, "[2J") {
		t.Fatalf("control characters reached the frame: %q", v)
	}
	if !strings.Contains(v, "numérique") || !strings.Contains(v, "evil") {
		t.Fatalf("text around the escapes is missing:\n%s", v)
	}
}

// TestHelpComplete: the full help lists every key once, wraps at 80
// columns instead of cutting, and exists in the editor too.
func TestHelpComplete(t *testing.T) {
	h := started(t, testDoc())
	h.send(tea.WindowSizeMsg{Width: 80, Height: 40})
	h.press("?")
	v := h.view()
	for _, want := range []string{"ctrl+y", "alt+enter/ctrl+j", "mouse", "ctrl+u", "alt+m", "undo confirm", "export"} {
		if !strings.Contains(v, want) {
			t.Errorf("80-column help lacks %q:\n%s", want, v)
		}
	}
	if n := strings.Count(v, "f1…f3") - strings.Count(v, "shift+f1…f3"); n != 1 {
		t.Errorf("f1…f3 listed %d times in the browsing help:\n%s", n, v)
	}
	h.press("?", "down", "down", "down", "enter", "f12")
	if v := h.view(); !strings.Contains(v, "shift+f1…f3") || !strings.Contains(v, "ctrl+r") || !h.m.editing() {
		t.Errorf("f12 in the editor shows no full help:\n%s", v)
	}
}
