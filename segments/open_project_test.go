package segments

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestOpenProject(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "article.md")
	writeFile(t, src, "Premier paragraphe.\n\nDeuxième paragraphe.\n")

	// A new project: created in memory, nothing written, an empty report.
	p, err := OpenProject(src, OpenOptions{Target: "de", By: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if p.Path() != filepath.Join(dir, "article.trad.json") || p.Report == nil || p.Report.SourceChanged || len(p.Doc.Segments) != 2 {
		t.Fatalf("new project: path %s, report %+v, %d segments", p.Path(), p.Report, len(p.Doc.Segments))
	}
	if _, err := os.Stat(p.Path()); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("opening wrote the project file: %v", err)
	}
	p.Doc.Confirm(0, "Erster Absatz.", "", time.Now())
	if _, err := p.Store.Save(p.Doc); err != nil {
		t.Fatal(err)
	}

	// Resumed after the article changed: the report says what moved.
	writeFile(t, src, "Un ajout.\n\nPremier paragraphe.\n\nDeuxième paragraphe.\n")
	p, err = OpenProject(src, OpenOptions{Lang: "en", By: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if !p.Report.SourceChanged || p.Report.Reattached != 1 || p.Doc.Segments[1].Target != "Erster Absatz." {
		t.Errorf("resumed: report %+v, segment 2 %q", p.Report, p.Doc.Segments[1].Target)
	}
	if len(p.Warnings) != 1 { // the languages asked for are not the project's
		t.Errorf("warnings %v, want the language one", p.Warnings)
	}

	// A failure still names the project and keeps the store.
	writeFile(t, p.Path(), "{not json")
	p, err = OpenProject(src, OpenOptions{})
	var corrupt *CorruptProjectError
	if !errors.As(err, &corrupt) || p == nil || p.Store == nil || p.Path() != filepath.Join(dir, "article.trad.json") || p.Doc != nil {
		t.Errorf("corrupt project: %v, %+v", err, p)
	}
}
