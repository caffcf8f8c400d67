package safefile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestSameFile(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.txt")
	b := filepath.Join(dir, "b.txt")
	for _, p := range []string{a, b} {
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink(a, link); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "none.txt")
	for _, c := range []struct {
		x, y string
		want bool
	}{
		{a, a, true},
		{a, b, false},
		{a, link, true},
		{a, filepath.Join(dir, ".", "a.txt"), true},
		{missing, missing, true},
		{missing, filepath.Join(dir, "sub", "..", "none.txt"), true},
		{a, missing, false},
	} {
		if got := SameFile(c.x, c.y); got != c.want {
			t.Errorf("SameFile(%q, %q) = %v, want %v", c.x, c.y, got, c.want)
		}
	}
}
