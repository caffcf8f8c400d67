package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/trad-project/trad/segments"
)

const tagArticle = "Le **gros** chat dort.\n\nVoir [la doc](https://example.org/guide_v2?a=1&b=2) et `go build ./...` ici.\n"

// TestE2ETagsInTmux translates an article with bold, a link and a code
// span in the real binary, the tags inserted with ctrl+t and alt+t, and
// checks the exported Markdown keeps the link URL and the code span byte
// for byte.
func TestE2ETagsInTmux(t *testing.T) {
	dir := t.TempDir()
	art := filepath.Join(dir, "chat.fr.md")
	if err := os.WriteFile(art, []byte(tagArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	env := []string{"XDG_DATA_HOME=" + filepath.Join(dir, "data"), "XDG_CONFIG_HOME=" + filepath.Join(dir, "config"), "TERM=xterm-256color"}
	bin := buildTrad(t)
	proj := segments.ProjectPath(art)
	s := startTmux(t, 100, 30, env, bin, "edit", "--to", "en", art)
	scr := s.waitFor("project: " + proj)
	for _, want := range []string{"Le ‹b1›gros‹/b1› chat dort.", "Voir ‹a1›la doc‹/a1› et ‹c2› ici."} {
		if !strings.Contains(scr, want) {
			t.Errorf("first screen lacks %q:\n%s", want, scr)
		}
	}
	s.keys("Enter")
	s.waitFor("enter confirm")
	s.text("The ")
	s.keys("C-t")
	s.text("big")
	s.keys("C-t")
	s.waitFor("The ‹b1›big‹/b1›")
	// One backspace deletes the closing tag whole; ctrl+t puts it back.
	s.keys("BSpace")
	s.waitFor("│ The ‹b1›big\n")
	s.keys("C-t")
	s.text(" cat sleeps.")
	s.waitFor("The ‹b1›big‹/b1› cat sleeps.")
	s.keys("Enter")
	s.waitFor("1/2 segments")
	s.text("See ")
	s.keys("M-t")
	s.waitFor("See ‹a1›‹/a1›‹c2›")
	// Back over ‹c2› and ‹/a1›: the link's text goes inside the pair.
	s.keys("Left", "Left")
	s.text("the docs")
	s.keys("Right")
	s.text(" and ")
	s.keys("Right")
	s.text(" here.")
	s.waitFor("See ‹a1›the docs‹/a1› and ‹c2› here.")
	s.keys("Enter")
	s.waitFor("2/2 segments")
	s.keys("q")
	waitDead(t, s)
	out := filepath.Join(dir, "chat.en.md")
	if b, err := exec.Command(bin, "export", art, "--format", "target", "-o", out).CombinedOutput(); err != nil {
		t.Fatalf("export: %v\n%s", err, b)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want := "The **big** cat sleeps.\n\nSee [the docs](https://example.org/guide_v2?a=1&b=2) and `go build ./...` here.\n"
	if string(got) != want {
		t.Errorf("exported:\n%q\nwant:\n%q", got, want)
	}
}
