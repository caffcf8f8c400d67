package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/trad-project/trad/segments"
)

const pretranslateArticle = `Le taux est de 3,5 %. Les marchés ont reculé.

La Chine a annoncé hier un nouveau plan quinquennal pour l'industrie. Une phrase que personne n'a traduite.

Les marchés ont reculé.
`

func TestPretranslate(t *testing.T) {
	tmx := tmFixture(t)
	dir := t.TempDir()
	article := filepath.Join(dir, "note.fr.txt")
	if err := os.WriteFile(article, []byte(pretranslateArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	project := segments.ProjectPath(article)

	// Exact matches only (the default): the rate and both "Les marchés".
	code, out, errs := runTM(t, "pretranslate", article, "--tm", tmx)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "3 segments filled as drafts (3 exact, 0 fuzzy), 2 left empty") {
		t.Errorf("report %q", out)
	}
	doc, _, err := segments.Load(project)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"Le taux est de 3,5 %.":   "The rate is 3.5%.",
		"Les marchés ont reculé.": "Markets fell.",
	}
	for _, s := range doc.Segments {
		w, ok := want[s.Source]
		switch {
		case ok && (s.Target != w || s.Status != segments.StatusDraft || s.Origin != "tm" || s.Changed.IsZero()):
			t.Errorf("%q: %q %s %q, want %q as a tm draft", s.Source, s.Target, s.Status, s.Origin, w)
		case !ok && (s.Target != "" || s.Status != segments.StatusNew):
			t.Errorf("%q filled with %q (%s) by an exact-only run", s.Source, s.Target, s.Status)
		}
	}

	// The translator confirms and edits one; --min 90 then adds the fuzzy
	// match and leaves every segment that has a target alone.
	for i, s := range doc.Segments {
		if s.Source == "Le taux est de 3,5 %." {
			doc.Segments[i].Target, doc.Segments[i].Status = "The rate stands at 3.5%.", segments.StatusTranslated
		}
	}
	if err := segments.Save(project, doc); err != nil {
		t.Fatal(err)
	}
	code, out, errs = runTM(t, "pretranslate", project, "--tm", tmx, "--min", "90")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "1 segment filled as drafts (0 exact, 1 fuzzy), 1 left empty") {
		t.Errorf("report %q", out)
	}
	doc, _, _ = segments.Load(project)
	for _, s := range doc.Segments {
		switch s.Source {
		case "Le taux est de 3,5 %.":
			if s.Target != "The rate stands at 3.5%." || s.Status != segments.StatusTranslated {
				t.Errorf("confirmed segment changed: %q %s", s.Target, s.Status)
			}
		case "La Chine a annoncé hier un nouveau plan quinquennal pour l'industrie.":
			if s.Target != "China announced a new five-year plan for industry." || s.Status != segments.StatusDraft {
				t.Errorf("fuzzy match not used: %q %s", s.Target, s.Status)
			}
		}
	}
	if _, err := os.Stat(project + ".bak"); err != nil {
		t.Errorf("no backup of the previous project: %v", err)
	}
}

func TestPretranslateErrors(t *testing.T) {
	tmx := tmFixture(t)
	tests := []struct {
		args    []string
		wantErr string
	}{
		{[]string{"pretranslate", "missing.fr.txt", "--tm", tmx}, "missing.fr.txt"},
		{[]string{"pretranslate", "x.txt", "--min", "20"}, "--min 20"},
		{[]string{"pretranslate"}, "arg"},
	}
	for _, tt := range tests {
		code, _, errs := runTM(t, tt.args...)
		if code == 0 || !strings.Contains(errs, tt.wantErr) {
			t.Errorf("%q: exit %d, %q; want an error containing %q", tt.args, code, errs, tt.wantErr)
		}
	}
	// Nothing to fill: the project is not rewritten.
	dir := t.TempDir()
	article := filepath.Join(dir, "a.fr.txt")
	os.WriteFile(article, []byte("Rien à voir.\n"), 0o644)
	if code, out, errs := runTM(t, "pretranslate", article, "--tm", tmx); code != 0 || !strings.Contains(out, "0 segments filled") {
		t.Errorf("exit %d, %q %q", code, out, errs)
	}
	if _, err := os.Stat(segments.ProjectPath(article) + ".bak"); err == nil {
		t.Errorf("project rewritten although nothing was filled")
	}
}
