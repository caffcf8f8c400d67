package segments

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// zeros is an endless reader, like /dev/zero behind a pipe.
type zeros struct{ n int64 }

func (z *zeros) Read(p []byte) (int, error) {
	clear(p)
	z.n += int64(len(p))
	return len(p), nil
}

func TestReadStopsAtLimit(t *testing.T) {
	z := &zeros{}
	_, _, err := Read(z, ReadOptions{Name: "-", MaxBytes: 1 << 20})
	var tl *TooLargeError
	if !errors.As(err, &tl) || tl.Limit != 1<<20 || !strings.Contains(err.Error(), "stdin: larger than 1MiB") {
		t.Fatalf("endless input: err = %v", err)
	}
	if z.n > 2<<20 {
		t.Errorf("read %d bytes of an endless input with a 1 MiB limit", z.n)
	}
}

func TestReadFileLimit(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.txt")
	writeFile(t, p, strings.Repeat("Une phrase. ", 100)) // 1,200 bytes
	var tl *TooLargeError
	if _, _, err := ReadFile(p, ReadOptions{MaxBytes: 1000}); !errors.As(err, &tl) || !strings.Contains(err.Error(), p) ||
		!strings.Contains(err.Error(), "--max-size") {
		t.Errorf("1,200 bytes with a 1,000-byte limit: err = %v", err)
	}
	for _, max := range []int64{1200, 0, -1} {
		if _, _, err := ReadFile(p, ReadOptions{MaxBytes: max}); err != nil {
			t.Errorf("limit %d: %v", max, err)
		}
	}
}

// TestLoadSourcePathHostile loads projects whose source.path was edited to
// name a device or a file outside the project's folder: neither is
// segmented into the project; the stored text is kept with a warning.
func TestLoadSourcePathHostile(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "secret.txt")
	writeFile(t, outside, "Mot de passe secret.\n")
	for _, target := range []string{"/dev/zero", outside} {
		dir := t.TempDir()
		doc, pp := newProject(t, dir, articleV1, StatusTranslated)
		if err := Save(pp, doc); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(pp)
		if err != nil {
			t.Fatal(err)
		}
		edited := strings.Replace(string(data), `"path": "article.txt"`, `"path": "`+target+`"`, 1)
		if edited == string(data) {
			t.Fatal("source path not found in the project file")
		}
		writeFile(t, pp, edited)
		got, rep, err := Load(pp)
		if err != nil {
			t.Fatalf("%s: %v", target, err)
		}
		if !rep.SourceMissing || len(rep.Warnings) != 1 || !strings.Contains(rep.Warnings[0].String(), target) {
			t.Errorf("%s: report %+v", target, rep)
		}
		if got.Segments[0].Source != "Premier paragraphe." || got.Segments[0].Target != "TPremier paragraphe." {
			t.Errorf("%s: project text replaced: %+v", target, got.Segments[0])
		}
	}
}

// TestLoadFollowsArticleInsideTree checks the other side: an article in a
// subfolder of the project's folder, or outside it but unchanged, is read.
func TestLoadFollowsArticleInsideTree(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "src")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	doc, _ := newProject(t, sub, articleV1, StatusTranslated)
	pp := filepath.Join(dir, "p.trad.json")
	if err := Save(pp, doc); err != nil {
		t.Fatal(err)
	}
	writeFile(t, doc.SourcePath, strings.Replace(articleV1, "Deuxième", "Second", 1))
	if _, rep, err := Load(pp); err != nil || !rep.SourceChanged || rep.SourceMissing {
		t.Errorf("article below the project: %+v, %v", rep, err)
	}
	// The project in a sibling folder: the article is outside its tree but
	// unchanged, so it is the project's own article.
	other := filepath.Join(t.TempDir(), "q.trad.json")
	if err := Save(other, doc); err != nil {
		t.Fatal(err)
	}
	writeFile(t, doc.SourcePath, articleV1)
	if _, rep, err := Load(other); err != nil || rep.SourceMissing || len(rep.Warnings) != 0 {
		t.Errorf("unchanged article outside the tree: %+v, %v", rep, err)
	}
}
