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
