package safetext

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"
)

// cases hold an input and what each mode makes of it.
var cases = []struct {
	name                 string
	in                   string
	text, display, write string
}{
	{"plain", "Déjà vu.\nÀ 10 h.", "Déjà vu.\nÀ 10 h.", "Déjà vu.\nÀ 10 h.", "Déjà vu.\nÀ 10 h."},
	{"tab", "a\tb", "a b", "a b", "a\tb"},
	{"crlf", "a\r\nb\rc", "a\nb\nc", "a\nbc", "a\nbc"},
	{"cr cr lf", "a\r\r\nb", "a\n\nb", "a\nb", "a\nb"},
	{"sgr", "\x1b[1;31mrouge\x1b[0m", "rouge", "rouge", "rouge"},
	{"title osc bel", "\x1b]0;pwned\x07ok", "ok", "ok", "ok"},
	{"osc 52 clipboard st", "\x1b]52;c;ZWNobyBwd25lZA==\x1b\\ok", "ok", "ok", "ok"},
	{"osc 8 link", "\x1b]8;;https://x.fr\x07lien\x1b]8;;\x07", "lien", "lien", "lien"},
	{"unterminated osc stops at line end", "\x1b]0;titre\nsuite", "\nsuite", "\nsuite", "\nsuite"},
	{"unterminated osc at cr", "\x1b]0;t\rsuite", "\nsuite", "suite", "suite"},
	{"unterminated osc at end", "a\x1b]0;titre", "a", "a", "a"},
	{"esc inside osc is not st", "\x1b]0;a\x1bb\x07c", "c", "c", "c"},
	{"dcs", "\x1bPq#0;2;0;0;0\x1b\\x", "x", "x", "x"},
	{"apc pm sos", "\x1b_a\x07\x1b^b\x07\x1bXc\x07d", "d", "d", "d"},
	{"charset", "\x1b(Babc", "abc", "abc", "abc"},
	{"two-byte escape", "\x1b7x\x1b8", "x", "x", "x"},
	{"lone esc at end", "x\x1b", "x", "x", "x"},
	{"esc before non-ascii", "\x1bé", "é", "é", "é"},
	{"esc esc csi", "\x1b\x1b[2Jx", "x", "x", "x"},
	{"malformed csi keeps odd byte", "\x1b[12\x01x", "x", "x", "x"},
	{"csi cut by esc", "\x1b[1\x1b[2Jx", "x", "x", "x"},
	{"csi with intermediates", "\x1b[1 qx", "x", "x", "x"},
	{"c1 csi", "a\u009b31mb", "ab", "ab", "ab"},
	{"c1 csi clear screen", "\u009b2Jok", "ok", "ok", "ok"},
	{"c1 osc st", "a\u009d0;t\u009cb", "ab", "ab", "ab"},
	{"c1 dcs", "a\u0090x\u009cb", "ab", "ab", "ab"},
	{"c1 controls", "a\u0080\u0085b\u0099c", "a\nbc", "abc", "abc"},
	{"c0 and del", "a\x00\x01\x07\x08\x7fb", "ab", "ab", "ab"},
	{"line separators", "a\u2028b\u2029c", "a\nb\nc", "a\u2028b\u2029c", "a\u2028b\u2029c"},
	{"bom", "\ufeffa", "a", "\ufeffa", "\ufeffa"},
	{"invalid utf-8", "a\xffb\xc3", "a\ufffdb\ufffd", "a\ufffdb\ufffd", "a\ufffdb\ufffd"},
	{"raw 8-bit csi byte", "a\x9b2Jb", "a\ufffd2Jb", "a\ufffd2Jb", "a\ufffd2Jb"},
	{"nbsp kept", "a\u00a0b", "a\u00a0b", "a\u00a0b", "a\u00a0b"},
	{"empty", "", "", "", ""},
}

func TestModes(t *testing.T) {
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			if got := Text(tt.in); got != tt.text {
				t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.text)
			}
			if got := Display(tt.in); got != tt.display {
				t.Errorf("Display(%q) = %q, want %q", tt.in, got, tt.display)
			}
			if got := writeAll(t, tt.in, len(tt.in)+1); got != tt.write {
				t.Errorf("Writer(%q) = %q, want %q", tt.in, got, tt.write)
			}
			if got := Safe(tt.in); got != (tt.in == tt.write) {
				t.Errorf("Safe(%q) = %v", tt.in, got)
			}
		})
	}
}

// writeAll writes s through a Writer in chunks of n bytes.
func writeAll(t *testing.T, s string, n int) string {
	t.Helper()
	var b bytes.Buffer
	w := NewWriter(&b)
	for i := 0; i < len(s); i += n {
		chunk := []byte(s[i:min(i+n, len(s))])
		if k, err := w.Write(chunk); err != nil || k != len(chunk) {
			t.Fatalf("Write(%q) = %d, %v", chunk, k, err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestWriterSplitWrites checks that a sequence cut across writes (even a
// UTF-8 C1 control cut between its two bytes) is removed as a whole.
func TestWriterSplitWrites(t *testing.T) {
	for _, tt := range cases {
		for n := 1; n <= 3; n++ {
			if got := writeAll(t, tt.in, n); got != tt.write {
				t.Errorf("%s: Writer(%q) in %d-byte writes = %q, want %q", tt.name, tt.in, n, got, tt.write)
			}
		}
	}
}

func TestCleanTextNotCopied(t *testing.T) {
	s := strings.Repeat("« Déjà vu », dit-il.\n", 50)
	for name, f := range map[string]func(string) string{"Text": Text, "Display": Display} {
		if got := f(s); unsafe.StringData(got) != unsafe.StringData(s) {
			t.Errorf("%s copied clean text", name)
		}
		if n := testing.AllocsPerRun(10, func() { _ = f(s) }); n != 0 {
			t.Errorf("%s of clean text allocates %.0f times", name, n)
		}
	}
	if _, idx := DisplayMap(s); idx != nil {
		t.Error("DisplayMap returned a map for clean text")
	}
}

func TestDisplayMap(t *testing.T) {
	s := "a\x1b[1mbc\x1b[0m\td"
	got, idx := DisplayMap(s)
	if got != "abc d" {
		t.Fatalf("DisplayMap(%q) = %q", s, got)
	}
	// "b" is at byte 5 of s and 1 of the result; "d" at 12 and 4.
	if idx[5] != 1 || idx[12] != 4 || idx[len(s)] != len(got) {
		t.Errorf("map = %v", idx)
	}
}

// checkClean asserts the invariants every mode keeps.
func checkClean(t *testing.T, in, out string, keep string) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatalf("%q → %q: invalid UTF-8", in, out)
	}
	for _, r := range out {
		if (r < 0x20 || (r >= 0x7F && r <= 0x9F)) && !strings.ContainsRune(keep, r) {
			t.Fatalf("%q → %q: control %U left", in, out, r)
		}
	}
}

func FuzzSafeText(f *testing.F) {
	for _, tt := range cases {
		f.Add(tt.in, 2)
	}
	f.Fuzz(func(t *testing.T, s string, n int) {
		text, disp := Text(s), Display(s)
		checkClean(t, s, text, "\n")
		checkClean(t, s, disp, "\n")
		if Text(text) != text || Display(disp) != disp {
			t.Fatalf("%q: cleaning is not idempotent", s)
		}
		got, idx := DisplayMap(s)
		if got != disp {
			t.Fatalf("DisplayMap(%q) = %q, Display = %q", s, got, disp)
		}
		for i := 1; i < len(idx); i++ {
			if idx[i] < idx[i-1] || idx[i] > len(got) {
				t.Fatalf("DisplayMap(%q): map not monotone at %d: %v", s, i, idx)
			}
		}
		whole := writeAll(t, s, len(s)+1)
		checkClean(t, s, whole, "\n\t")
		if n = 1 + abs(n)%8; writeAll(t, s, n) != whole {
			t.Fatalf("Writer(%q) depends on the write size %d", s, n)
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func BenchmarkTextDirty(b *testing.B) {
	s := strings.Repeat("Le \x1b[1mmonde\x1b[0m\tva bien.\r\n", 1000)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		_ = Text(s)
	}
}

// TestWriterCleanChunkNoAlloc guards the Writer's fast path: trad segment
// writes its whole output through it in 256 KiB chunks.
func TestWriterCleanChunkNoAlloc(t *testing.T) {
	chunk := []byte(strings.Repeat("« Déjà vu », dit-il.\tOK\n", 1000))
	w := NewWriter(io.Discard)
	if n := testing.AllocsPerRun(10, func() { _, _ = w.Write(chunk) }); n != 0 {
		t.Errorf("writing clean text allocates %.0f times", n)
	}
}
