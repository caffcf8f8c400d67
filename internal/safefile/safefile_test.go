package safefile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteReplacesAndKeepsBackup(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "work.json")
	if err := WriteFile(p, []byte("v1"), Options{Backup: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(p + ".bak"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("first write made a backup (stat err %v); there was nothing to keep", err)
	}
	if err := WriteFile(p, []byte("v2"), Options{Backup: true}); err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string]string{p: "v2", p + ".bak": "v1"} {
		got, err := os.ReadFile(file)
		if err != nil || string(got) != want {
			t.Errorf("%s = %q, %v; want %q", filepath.Base(file), got, err, want)
		}
	}
	if err := WriteFile(p, []byte("v3"), Options{Backup: true}); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(p + ".bak"); string(got) != "v2" {
		t.Errorf("backup after third write = %q, want v2", got)
	}
	assertNoTemp(t, dir)
}

func TestWriteErrorLeavesFileUntouched(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "work.txt")
	if err := WriteFile(p, []byte("keep me"), Options{}); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("disk full")
	err := Write(p, func(w io.Writer) error {
		io.WriteString(w, "half")
		return boom
	}, Options{Backup: true})
	if !errors.Is(err, boom) {
		t.Fatalf("Write error = %v, want %v", err, boom)
	}
	if got, _ := os.ReadFile(p); string(got) != "keep me" {
		t.Errorf("file after a failed write = %q, want the old content", got)
	}
	assertNoTemp(t, dir)
}

func TestWriteKeepsMode(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "private.txt")
	if err := WriteFile(p, []byte("a"), Options{Perm: 0o600}); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(p, []byte("b"), Options{}); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode after rewrite = %v, want 0600", fi.Mode().Perm())
	}
}

func TestWriteRefusesDirectory(t *testing.T) {
	dir := t.TempDir()
	if err := WriteFile(dir, []byte("x"), Options{}); err == nil {
		t.Error("writing over a directory succeeded")
	}
}

func assertNoTemp(t *testing.T, dir string) {
	t.Helper()
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if m, _ := filepath.Match(".*.tmp-*", e.Name()); m {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

// Issue 10: a project path that is a symbolic link was replaced by a regular
// file and the link's target never got the work.
func TestWriteThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real", "work.json")
	if err := os.MkdirAll(filepath.Dir(real), 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, link, target string // target is what the link says
	}{
		{"relative", filepath.Join(dir, "rel.json"), filepath.Join("real", "work.json")},
		{"absolute", filepath.Join(dir, "abs.json"), real},
		{"chain", filepath.Join(dir, "chain.json"), "rel.json"},
	}
	for k, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := os.Symlink(tt.target, tt.link); err != nil {
				t.Skip("no symbolic links here:", err)
			}
			want := []byte{'v', byte('1' + k)}
			if err := WriteFile(tt.link, want, Options{Backup: true}); err != nil {
				t.Fatal(err)
			}
			if fi, err := os.Lstat(tt.link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
				t.Fatalf("the link was replaced (%v, %v)", fi.Mode(), err)
			}
			if got, _ := os.ReadFile(real); string(got) != string(want) {
				t.Errorf("target holds %q, want %q", got, want)
			}
			if _, err := os.Lstat(tt.link + ".bak"); k > 0 && !errors.Is(err, os.ErrNotExist) {
				t.Errorf("a .bak was made beside the link, not the target: %v", err)
			}
			if k > 0 {
				if got, _ := os.ReadFile(real + ".bak"); string(got) != string([]byte{'v', byte('0' + k)}) {
					t.Errorf("target's backup holds %q", got)
				}
			}
		})
	}
	dangling := filepath.Join(dir, "dangling.json")
	if err := os.Symlink("made.json", dangling); err == nil {
		if err := WriteFile(dangling, []byte("new"), Options{}); err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(filepath.Join(dir, "made.json")); string(got) != "new" {
			t.Errorf("writing through a dangling link: target holds %q", got)
		}
	}
	loop := filepath.Join(dir, "loop.json")
	if err := os.Symlink("loop.json", loop); err == nil {
		if err := WriteFile(loop, []byte("x"), Options{}); err == nil {
			t.Error("writing through a link loop succeeded")
		}
	}
	assertNoTemp(t, filepath.Dir(real))
}
