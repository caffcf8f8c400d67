package tm

import (
	"os"
	"path/filepath"
	"testing"
)

// TestUserFileThroughLink: one project opened through its folder and
// through a link to the folder has one user-memory file; a file named
// from the link path before this rule is kept rather than orphaned.
func TestUserFileThroughLink(t *testing.T) {
	root := t.TempDir()
	work := filepath.Join(root, "work")
	if err := os.Mkdir(work, 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(root, "link")
	if err := os.Symlink(work, link); err != nil {
		t.Fatal(err)
	}
	proj := filepath.Join(work, "a.fr.trad.json")
	if err := os.WriteFile(proj, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	mem := filepath.Join(root, "tm")
	direct, viaLink := UserFile(mem, proj), UserFile(mem, filepath.Join(link, "a.fr.trad.json"))
	if direct != viaLink {
		t.Fatalf("two memory files for one project: %s and %s", direct, viaLink)
	}
	other := filepath.Join(root, "other", "a.fr.trad.json")
	if UserFile(mem, other) == direct {
		t.Fatalf("two projects share %s", direct)
	}

	// Before: the link path was hashed as given. That file is kept.
	old := userFileName(mem, "a.fr", filepath.Join(link, "a.fr.trad.json"))
	if err := os.MkdirAll(mem, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(old, []byte("<tmx/>"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := UserFile(mem, filepath.Join(link, "a.fr.trad.json")); got != old {
		t.Errorf("existing memory %s orphaned for %s", old, got)
	}
	// A memory not yet compacted is its journal alone: kept too.
	if err := os.Remove(old); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(JournalFile(old), []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := UserFile(mem, filepath.Join(link, "a.fr.trad.json")); got != old {
		t.Errorf("existing memory journal %s orphaned for %s", JournalFile(old), got)
	}
}

func TestUserFileProject(t *testing.T) {
	for _, c := range []struct {
		base, want string
		ok         bool
	}{
		{filepath.Base(UserFile("/m", "/w/article.fr.trad.json")), "article.fr", true},
		{"a-b-0123abcd.tmx", "a-b", true},
		{"team.tmx", "", false},
		{"x-0123ABCD.tmx", "", false},
		{"-0123abcd.tmx", "", false},
		{"x-0123abc.tmx", "", false},
	} {
		got, ok := UserFileProject(c.base)
		if got != c.want || ok != c.ok {
			t.Errorf("UserFileProject(%q) = %q, %v; want %q, %v", c.base, got, ok, c.want, c.ok)
		}
	}
}
