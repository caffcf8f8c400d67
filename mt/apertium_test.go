package mt

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
)

// needApertium skips when the apertium program or the mode is missing on a
// developer's machine; under CI (CI=true) that is a failure: .ci/run
// installs them.
func needApertium(t testing.TB, mode string) {
	t.Helper()
	msg := ApertiumMissing(mode)
	if msg == "" {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatal(msg + " (CI must have it: see .ci/run)")
	}
	t.Skip(msg)
}

func TestApertiumBatch(t *testing.T) {
	needApertium(t, "fr-es")
	a := NewApertium("", EngineConfig{}, "")
	reqs := []Request{
		{Source: "Le chat noir mange une souris.", From: "fr", To: "es"},
		{Source: "La ville de Paris est belle.", From: "fr", To: "es"},
		{Source: "Xyzzyblorf arrive demain.", From: "fr", To: "es"},
		{Source: "Un titre\nsur deux lignes", From: "fr", To: "es"},
		{Source: "Prix : 3,5 € [lien](https://example.com) #tag", From: "fr", To: "es"},
	}
	res, err := a.Translate(context.Background(), reqs)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		text    string
		unknown string
	}{
		{"El gato negro come un ratón.", ""},
		{"La ciudad de París es", ""},
		{"Xyzzyblorf llega mañana.", "Xyzzyblorf"},
		{"Un título", ""},
		{"3,5 € [", "tag"},
	}
	for i, w := range want {
		if !strings.Contains(res[i].Text, w.text) {
			t.Errorf("%d: %q, want it to contain %q", i, res[i].Text, w.text)
		}
		if got := strings.Join(res[i].Unknown, ","); got != w.unknown {
			t.Errorf("%d: unknown %q, want %q", i, got, w.unknown)
		}
		if strings.Contains(res[i].Text, "*") || strings.Contains(res[i].Text, "\n") {
			t.Errorf("%d: marker or line break left in %q", i, res[i].Text)
		}
	}
	if !strings.Contains(res[4].Text, "https://example.com") || !strings.Contains(res[4].Text, "#tag") {
		t.Errorf("link or hashtag changed: %q", res[4].Text)
	}
}

func TestApertiumCatalan(t *testing.T) {
	needApertium(t, "fra-cat")
	a := NewApertium("", EngineConfig{}, "")
	res, err := a.Translate(context.Background(), []Request{{Source: "Le chat noir mange une souris.", From: "fr", To: "ca"}})
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Text != "El gat negre menja un ratolí." {
		t.Errorf("fr→ca: %q", res[0].Text)
	}
}

func TestApertiumMissing(t *testing.T) {
	a := NewApertium("", EngineConfig{}, "/nonexistent/apertium")
	_, err := a.Translate(context.Background(), []Request{{Source: "x", From: "fr", To: "es"}})
	if err == nil {
		t.Fatal("no error for a missing program")
	}
	t.Setenv("PATH", t.TempDir())
	a = NewApertium("", EngineConfig{}, "")
	_, err = a.Translate(context.Background(), []Request{{Source: "x", From: "fr", To: "es"}})
	if !errors.Is(err, ErrOffline) || strings.Contains(Notice(err), "\n") {
		t.Errorf("missing apertium: %v, want ErrOffline on one line", err)
	}
}

func TestApertiumUnknownMode(t *testing.T) {
	needApertium(t, "fr-es")
	a := NewApertium("", EngineConfig{}, "")
	_, err := a.Translate(context.Background(), []Request{{Source: "x", From: "fr", To: "zz"}})
	if !errors.Is(err, ErrNotConfigured) || !strings.Contains(err.Error(), `"fr-zz"`) {
		t.Errorf("unknown mode: %v", err)
	}
}

func TestStripUnknown(t *testing.T) {
	for _, c := range []struct{ out, src, want, unknown string }{
		{"*Xyzzy llega.", "Xyzzy arrive.", "Xyzzy llega.", "Xyzzy"},
		{"El *gato* come.", "Le *chat* mange.", "El *gato* come.", ""},
		{"#*tag y *Dupont", "#tag et Dupont", "#tag y Dupont", "tag,Dupont"},
		{"a * b", "a * b", "a * b", ""},
		{"*é*", "é", "é*", "é"},
		{"@mí", "@moi", "@mí", ""},
		{"", "", "", ""},
		{"x*", "x", "x*", ""},
		{"«*Xyzzy» llega.", "«Xyzzy» arrive.", "«Xyzzy» llega.", "Xyzzy"},
		{"*Élodie y *Łódź", "Élodie et Łódź", "Élodie y Łódź", "Élodie,Łódź"},
		{"a*Xyzzy", "Xyzzy", "a*Xyzzy", ""},
	} {
		got, unk := stripUnknown(c.out, c.src)
		if got != c.want || strings.Join(unk, ",") != c.unknown {
			t.Errorf("stripUnknown(%q, %q) = %q %q, want %q %q", c.out, c.src, got, unk, c.want, c.unknown)
		}
	}
}

func TestApertiumInput(t *testing.T) {
	for in, want := range map[string]string{
		"Un titre\nsur deux\r\nlignes": "Un titre sur deux  lignes",
		"10\u00a0h\u00a030 « oui »":    "10\u00a0h\u00a030 « oui »",
		" a\x00b\t":                    "ab",
	} {
		if got := apertiumInput(in); got != want {
			t.Errorf("apertiumInput(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzStripUnknown(f *testing.F) {
	f.Add("*Xyzzy llega.", "Xyzzy arrive.")
	f.Add("#*tag @x", "#tag x")
	f.Fuzz(func(t *testing.T, out, src string) {
		got, unk := stripUnknown(out, src)
		if len(got) > len(out) {
			t.Fatalf("output grew: %q → %q", out, got)
		}
		for _, w := range unk {
			if !strings.Contains(src, w) {
				t.Fatalf("unknown word %q not in the source %q", w, src)
			}
		}
	})
}
