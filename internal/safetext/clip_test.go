package safetext

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestClip(t *testing.T) {
	for _, c := range []struct {
		in   string
		n    int
		want string
	}{
		{"court", 10, "court"},
		{"exactement", 10, "exactement"},
		{"déjà trop long", 4, "déjà…"},
		{"漢字漢字漢字", 2, "漢字…"},
		{"", 0, ""},
		{"a", 0, "…"},
	} {
		if got := Clip(c.in, c.n); got != c.want {
			t.Errorf("Clip(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
}

func TestCutBytes(t *testing.T) {
	long := strings.Repeat("a", 79) + "é" + "b"
	if got := CutBytes(long, 80); got != strings.Repeat("a", 79) {
		t.Errorf("CutBytes cut inside é: %q", got)
	}
	han := strings.Repeat("漢", 30)
	if got := CutBytes(han, 80); !utf8.ValidString(got) || len(got) != 78 {
		t.Errorf("CutBytes(30×漢, 80) = %d bytes, valid %v", len(got), utf8.ValidString(got))
	}
	if got := CutBytes("abc", 80); got != "abc" {
		t.Errorf("CutBytes(abc) = %q", got)
	}
}
