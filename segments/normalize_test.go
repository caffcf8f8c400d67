package segments

import (
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"ascii unchanged", "Plain text.\nTwo lines.", "Plain text.\nTwo lines."},
		{"french unchanged", "« Déjà ? » — 3,5 % à 10 h 30…", "« Déjà ? » — 3,5 % à 10 h 30…"},
		{"crlf", "a\r\nb\rc\n", "a\nb\nc\n"},
		{"cr cr lf", "a\r\r\nb", "a\n\nb"},
		{"tab", "a\tb", "a b"},
		{"nfd to nfc", "cafe\u0301", "café"},
		{"sgr", "\x1b[1;31mrouge\x1b[0m", "rouge"},
		{"osc 8 link bel", "\x1b]8;;https://x.fr\x07lien\x1b]8;;\x07", "lien"},
		{"osc st", "\x1b]0;titre\x1b\\texte", "texte"},
		{"osc unterminated stops at line end", "\x1b]0;titre\nsuite", "\nsuite"},
		{"charset", "\x1b(Babc", "abc"},
		{"two-byte escape", "\x1b7x\x1b8", "x"},
		{"lone esc at end", "x\x1b", "x"},
		{"c1 csi", "a\u009b31mb", "ab"},
		{"c1 osc", "a\u009d0;t\u009cb", "ab"},
		{"c1 controls", "a\u0080\u0085b\u0099c", "a\nbc"},
		{"c0 and del", "a\x00\x01\x07\x08\x7fb", "ab"},
		{"line separators", "a\u2028b\u2029c", "a\nb\nc"},
		{"bom dropped", "\ufeffa\ufeffb", "ab"},
		{"invalid utf-8", "a\xffb\xc3", "a\ufffdb\ufffd"},
		{"singleton decomposition in punctuation block", "a\u2000b", "a\u2002b"},
		{"angstrom sign", "\u212b", "\u00c5"},
		{"combining after punctuation", "\u2019\u0301", "\u2019\u0301"},
		{"nbsp kept", "a\u00a0b\u202fc", "a\u00a0b\u202fc"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNormalizeNoAllocWhenClean(t *testing.T) {
	s := strings.Repeat("« Déjà vu », dit-il à 10 h 30. ", 100)
	if got := Normalize(s); unsafe.StringData(got) != unsafe.StringData(s) {
		t.Error("Normalize copied clean NFC text")
	}
	// norm's quick check itself allocates once; nothing proportional to s.
	if n := testing.AllocsPerRun(10, func() { _ = Normalize(s) }); n > 1 {
		t.Errorf("Normalize of clean NFC text allocates %.0f times", n)
	}
}

func TestIsNFCAgreesWithNorm(t *testing.T) {
	for r := rune(0); r < 0x3000; r++ {
		for _, s := range []string{string(r), "e" + string(r), string(r) + "\u0301", "\u00e9" + string(r) + "a"} {
			if !utf8.ValidString(s) {
				continue
			}
			if got, want := isNFC(s), norm.NFC.IsNormalString(s); got != want {
				t.Fatalf("isNFC(%q) = %v, norm says %v", s, got, want)
			}
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"", "a\r\nb", "\x1b[31mx\x1b]8;;u\x07", "e\u0301\u0327", "\xff\xc2\x9b1m", "\u2028\ufeff\t"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if !utf8.ValidString(n) {
			t.Fatalf("Normalize(%q) = %q: invalid UTF-8", s, n)
		}
		if !norm.NFC.IsNormalString(n) {
			t.Fatalf("Normalize(%q) = %q: not NFC", s, n)
		}
		for _, r := range n {
			if r < 0x20 && r != '\n' || r >= 0x7f && r <= 0x9f || r == '\r' {
				t.Fatalf("Normalize(%q) = %q: control %U left", s, n, r)
			}
		}
		if nn := Normalize(n); nn != n {
			t.Fatalf("Normalize is not idempotent on %q: %q then %q", s, n, nn)
		}
	})
}
