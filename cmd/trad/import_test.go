package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/trad-project/trad/bitext"
	"github.com/trad-project/trad/segments"
)

// clearTargets empties every target of the project at path.
func clearTargets(t *testing.T, project string) {
	t.Helper()
	doc, _, err := segments.Load(project)
	if err != nil {
		t.Fatal(err)
	}
	for i := range doc.Segments {
		doc.Segments[i].Target, doc.Segments[i].TargetTags, doc.Segments[i].Status = "", nil, segments.StatusNew
	}
	if err := segments.Save(project, doc); err != nil {
		t.Fatal(err)
	}
}

func TestImportTMXRoundTrip(t *testing.T) {
	article, project := makeProject(t, "article.fr.md")
	tmx := filepath.Join(filepath.Dir(article), "memory.tmx")
	if code, _, errs := runTrad(t, "export", project, "-o", tmx); code != 0 {
		t.Fatal(errs)
	}
	clearTargets(t, project)
	code, _, errs := runTrad(t, "import", tmx, article)
	if code != 0 {
		t.Fatalf("import: %s", errs)
	}
	if !strings.Contains(errs, "10 units read, 10 empty segments filled") {
		t.Errorf("import report: %q", errs)
	}
	doc, _, err := segments.Load(project)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range doc.Segments {
		want := fixtureTranslations[s.Source]
		if s.Source == "La 5G aussi." {
			want = "" // a draft is not exported by default
		}
		if s.Target != want || (want != "" && (s.Status != segments.StatusDraft || s.Origin != bitext.OriginTM)) {
			t.Errorf("%q: %q %s %q, want %q as a tm draft", s.Source, s.Target, s.Status, s.Origin, want)
		}
	}
}

func TestImportXLIFFRoundTrip(t *testing.T) {
	for _, v := range []string{"2.1", "1.2"} {
		article, project := makeProject(t, "note.fr.txt")
		before, _, _ := segments.Load(project)
		xlf := filepath.Join(filepath.Dir(article), "work.xlf")
		if code, _, errs := runTrad(t, "export", article, "-o", xlf, "--all", "--xliff-version", v); code != 0 {
			t.Fatal(errs)
		}
		clearTargets(t, project)
		code, _, errs := runTrad(t, "import", xlf, "--project", project)
		if code != 0 {
			t.Fatalf("import: %s", errs)
		}
		after, _, err := segments.Load(project)
		if err != nil {
			t.Fatal(err)
		}
		for i := range before.Segments {
			b, a := before.Segments[i], after.Segments[i]
			if a.Target != b.Target || a.Status != b.Status {
				t.Errorf("XLIFF %s segment %d: %q %s, want %q %s", v, i+1, a.Target, a.Status, b.Target, b.Status)
			}
		}
	}
}

func TestImportErrors(t *testing.T) {
	article, project := makeProject(t, "note.fr.txt")
	dir := filepath.Dir(article)
	bad := filepath.Join(dir, "bad.tmx")
	os.WriteFile(bad, []byte("<tmx>\n<body>\n<tu>\n</body></tmx>"), 0o644)
	other := filepath.Join(dir, "other.xlf")
	os.WriteFile(other, []byte(`<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="x" source-language="fr" datatype="plaintext"><body>
<trans-unit id="s1"><source>Autre chose.</source><target>Something else.</target></trans-unit></body></file></xliff>`), 0o644)
	weird := filepath.Join(dir, "notes.dat")
	os.WriteFile(weird, []byte("hello"), 0o644)
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"import", bad, article}, 1, bad + ":4: "},
		{[]string{"import", other, "--project", project}, 0, other + ":2: segment s1: source not found"},
		{[]string{"import", weird, article}, 1, "neither TMX nor XLIFF"},
		{[]string{"import", bad}, 1, "give the project"},
	}
	for _, tt := range tests {
		code, _, errs := runTrad(t, tt.args...)
		if code != tt.code || !strings.Contains(errs, tt.want) {
			t.Errorf("%v: exit %d, stderr %q, want %d and %q", tt.args, code, errs, tt.code, tt.want)
		}
	}
}
