package tui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
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
	var kept strings.Builder
	prev := 0
	for _, s := range spans {
		if s.start < prev || s.end < s.start || s.end > len(text) {
			t.Fatalf("wrapText(%q, %d): bad span %+v after %d", text, width, s, prev)
		}
		prev = s.end
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
		kept.WriteString(line)
	}
	strip := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r == ' ' || r == '\n' || r == '\t' || r == '\r' {
				return -1
			}
			return r
		}, s)
	}
	if strip(kept.String()) != strip(text) {
		t.Errorf("wrapText(%q, %d) lost text: kept %q", text, width, kept.String())
	}
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

func TestSanitize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"rouge \x1b[31mvif\x1b[0m", "rouge vif"},
		{"titre \x1b]0;pwned\x07 ok", "titre  ok"},
		{"tab\there", "tab here"},
		{"bell\x07 nul\x00 del\x7f", "bell nul del"},
		{"c1 \u009b31m csi", "c1  csi"},
		{"ligne\nsuivante", "ligne\nsuivante"},
		{"invalid \xff byte", "invalid \uFFFD byte"},
	}
	for _, tt := range tests {
		if got := sanitize(tt.in); got != tt.want {
			t.Errorf("sanitize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"abc", "\x1b[2J", "\x1bP1;2q\x1b\\", "\u009b1m", "é\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := sanitize(s)
		for _, r := range got {
			if r != '\n' && isControl(r) && r != utf8.RuneError {
				t.Fatalf("sanitize(%q) = %q keeps control %U", s, got, r)
			}
		}
		if strings.ContainsRune(got, 0x1b) {
			t.Fatalf("sanitize(%q) kept ESC", s)
		}
		if again := sanitize(got); again != got {
			t.Fatalf("sanitize not idempotent: %q -> %q -> %q", s, got, again)
		}
	})
}
