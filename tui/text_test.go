package tui

import (
	"strings"
	"testing"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/trad-project/trad/internal/safetext"
)

func TestWrapText(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width int
		want  []string
	}{
		{"fits", "Le monde", 20, []string{"Le monde"}},
		{"breaks at spaces", "Le gouvernement a publié un rapport", 15, []string{"Le gouvernement", "a publié un", "rapport"}},
		{"long word hard-wrapped", "anticonstitutionnellement", 10, []string{"anticonsti", "tutionnell", "ement"}},
		{"newline forces a break", "une ligne\nune autre", 40, []string{"une ligne", "une autre"}},
		{"empty", "", 10, []string{""}},
		{"CJK breaks between ideographs", "人工智能正在改变世界", 8, []string{"人工智能", "正在改变", "世界"}},
		{"CJK never split across width", "人工智能", 3, []string{"人", "工", "智", "能"}},
		{"mixed latin and CJK", "AI 人工智能 model", 9, []string{"AI 人工智", "能 model"}},
		{"emoji is two cells", "ok 👍🏽 bien", 5, []string{"ok 👍🏽", "bien"}},
		{"width below one", "abc", 0, []string{"a", "b", "c"}},
		{"spaces at a wrap are dropped", "aaa    bbb", 4, []string{"aaa", "bbb"}},
		{"leading spaces of a paragraph kept", "  retrait", 20, []string{"  retrait"}},
		{"accents are one cell", "Été élevé", 4, []string{"Été", "élev", "é"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spans := wrapText(tt.text, tt.width)
			var got []string
			for _, s := range spans {
				line := tt.text[s.start:s.end]
				got = append(got, line)
				if w := ansi.StringWidth(line); w != s.width {
					t.Errorf("line %q: span width %d, measured %d", line, s.width, w)
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("wrapText(%q, %d) = %q, want %q", tt.text, tt.width, got, tt.want)
			}
		})
	}
}

// checkWrap asserts wrapText's invariants: lines fit (unless one grapheme
// is wider than the line), are in order, and lose only spaces and newlines.
func checkWrap(t *testing.T, text string, width int) {
	t.Helper()
	spans := wrapText(text, width)
	if len(spans) == 0 {
		t.Fatalf("wrapText(%q, %d) returned no line", text, width)
	}
	kept := keptText(t, "wrapText", text, width, spans)
	for _, s := range spans {
		line := text[s.start:s.end]
		if w := ansi.StringWidth(line); w > max(width, 1) {
			// Only a single visible grapheme wider than the line may overflow.
			visible := 0
			for rest := line; rest != ""; {
				g, gw := ansi.FirstGraphemeCluster(rest, ansi.GraphemeWidth)
				if gw > 0 && !isControlCluster(g) {
					visible++
				}
				rest = rest[len(g):]
			}
			if visible > 1 {
				t.Errorf("wrapText(%q, %d): line %q is %d cells", text, width, line, w)
			}
		}
	}
	strip := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r == ' ' || r == '\n' || r == '\t' || r == '\r' {
				return -1
			}
			return r
		}, s)
	}
	if strip(kept) != strip(text) {
		t.Errorf("wrapText(%q, %d) lost text: kept %q", text, width, kept)
	}
}

// keptText checks that the spans fn returned are in order and inside text,
// and returns the text they keep.
func keptText(t *testing.T, fn, text string, width int, spans []lineSpan) string {
	t.Helper()
	var kept strings.Builder
	prev := 0
	for _, s := range spans {
		if s.start < prev || s.end < s.start || s.end > len(text) {
			t.Fatalf("%s(%q, %d): bad span %+v after %d", fn, text, width, s, prev)
		}
		prev = s.end
		kept.WriteString(text[s.start:s.end])
	}
	return kept.String()
}

func FuzzWrapText(f *testing.F) {
	for _, s := range []string{"", "Le monde", "人工智能正在改变世界", "a\nb", "x  y", "👍🏽👍🏽", "e\u0301te\u0301", "\x1b[31mrouge"} {
		f.Add(s, 7)
	}
	f.Fuzz(func(t *testing.T, s string, width int) {
		if !utf8.ValidString(s) {
			return
		}
		checkWrap(t, s, width%200)
	})
}

// TestEditorStripsAsSafetext pins the editor to safetext's rules on the
// inputs where tui's former stripper differed: an unterminated command
// string ends at the line's end instead of swallowing the rest, ESC with an
// intermediate loses its final byte too, and ESC before a letter outside
// ASCII drops the ESC only.
func TestEditorStripsAsSafetext(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"unterminated OSC ends at the newline", "Titre\x1b]0;pwn\nsuite ok", "Titre\nsuite ok"},
		{"unterminated DCS ends at CR", "a\x1bPq#0\r\nb", "a\nb"},
		{"ESC with intermediate and final", "a\x1b(Bb", "ab"},
		{"ESC before é drops the ESC only", "a\x1bé", "aé"},
		{"CSI with a parameter after an intermediate is malformed", "a\x1b[1 ;mb", "a;mb"},
		{"terminated OSC", "titre \x1b]0;pwned\x07 ok", "titre  ok"},
		{"C1 CSI", "c1 \u009b31m csi", "c1  csi"},
		{"tab and controls", "tab\there\x00\x7f", "tab here"},
		{"invalid byte", "invalid \xff byte", "invalid \uFFFD byte"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := safetext.Display(tt.in); got != tt.want {
				t.Fatalf("safetext.Display(%q) = %q, want %q", tt.in, got, tt.want)
			}
			line := strings.ReplaceAll(tt.want, "\n", " ")
			if got := sanitizeLine(tt.in); got != line {
				t.Errorf("sanitizeLine(%q) = %q, want %q", tt.in, got, line)
			}
			// The table and panes draw through renderText.
			var drawn []string
			for _, l := range renderText(tt.in, 40, 0, nil, lipgloss.NewStyle(), nil) {
				drawn = append(drawn, strings.TrimRight(l, " "))
			}
			if got := strings.Join(drawn, "\n"); got != tt.want {
				t.Errorf("renderText(%q) drew %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestUnterminatedEscapeInSegment: a source holding an unterminated OSC
// before a line break still shows the text after the break in the frame.
func TestUnterminatedEscapeInSegment(t *testing.T) {
	doc := testDoc()
	doc.Segments[3].Source = "Titre\x1b]0;pwn\nLes puces restent rares aujourd'hui."
	h := newHarness(t, doc, Options{})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.press("down", "down", "down")
	v := h.view()
	if strings.Contains(v, "pwn") || strings.ContainsRune(v, 0x1b) {
		t.Fatalf("the escape reached the frame:\n%s", v)
	}
	if !strings.Contains(v, "aujourd'hui") {
		t.Fatalf("the text after the unterminated OSC is missing:\n%s", v)
	}
}
