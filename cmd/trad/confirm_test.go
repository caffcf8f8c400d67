package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/trad-project/trad/segments"
)

func TestConfirm(t *testing.T) {
	article, project := makeProject(t, "note.fr.txt")
	tests := []struct {
		args   []string
		stdin  string
		code   int
		out    string // in stdout (code 0) or stderr
		target string // segment 3 afterwards
		status segments.Status
		note   string
	}{
		{[]string{project, "3", "Third.\x1b]0;title\x07"}, "", 0, "segment 3 confirmed", "Third.", segments.StatusTranslated, ""},
		{[]string{article, "3", "-", "--draft"}, "Third, piped.\n", 0, "segment 3 saved as draft", "Third, piped.", segments.StatusDraft, ""},
		{[]string{project, "3", "--note", "check"}, "", 0, "segment 3 noted", "Third, piped.", segments.StatusDraft, "check"},
		{[]string{project, "3", "--undo"}, "", 0, "segment 3 restored", "Third.", segments.StatusTranslated, "check"},
		{[]string{project, "99", "x"}, "", 1, "the project has segments 1 to", "Third.", segments.StatusTranslated, "check"},
		{[]string{project, "three", "x"}, "", 1, "want a number", "Third.", segments.StatusTranslated, "check"},
		{[]string{project, "3"}, "", 1, "give the TEXT", "Third.", segments.StatusTranslated, "check"},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		code := run(append([]string{"confirm"}, tt.args...), strings.NewReader(tt.stdin), &out, &errb)
		msg := out.String()
		if code != 0 {
			msg = errb.String()
		}
		if code != tt.code || !strings.Contains(msg, tt.out) {
			t.Errorf("trad confirm %q: exit %d %q, want %d %q", tt.args, code, msg, tt.code, tt.out)
		}
		doc, _, err := segments.Load(project)
		if err != nil {
			t.Fatal(err)
		}
		if s := doc.Segments[2]; s.Target != tt.target || s.Status != tt.status || s.Note != tt.note {
			t.Errorf("after %q: segment 3 = %q %s %q, want %q %s %q", tt.args, s.Target, s.Status, s.Note, tt.target, tt.status, tt.note)
		}
	}
}

// editorSave opens article as trad edit does (OpenStore, by "trad edit")
// and returns the document and a save through the Store, which is what the
// editor's saver calls (the tui package wires it in cmd/trad/edit.go).
func editorSave(t *testing.T, article string) (*segments.Document, func(*segments.Document) error) {
	t.Helper()
	op, err := segments.OpenProject(article, segments.OpenOptions{By: "trad edit"})
	store, doc := op.Store, op.Doc
	if err != nil {
		t.Fatal(err)
	}
	return doc, func(d *segments.Document) error {
		_, err := store.Save(d)
		return err
	}
}

// Issue 10, as a translator met it: each case fails with the save trad
// edit used before (segments.Save, overwriting the file) in place of the
// Store's.
func TestEditorSaveKeepsOtherProcessesWork(t *testing.T) {
	isolate(t)
	t.Run("two editors confirm different segments", func(t *testing.T) {
		article, project := makeProject(t, "note.fr.txt")
		a, saveA := editorSave(t, article)
		b, saveB := editorSave(t, article)
		a.Confirm(2, "A's third.", segments.OriginTyped, now())
		b.Confirm(3, "B's fourth.", segments.OriginTyped, now())
		must(t, saveA(a.Clone()), saveB(b.Clone()), saveA(a.Clone()))
		wantTargets(t, project, map[int]string{2: "A's third.", 3: "B's fourth."})
	})
	t.Run("the second editor only moved the cursor", func(t *testing.T) {
		article, project := makeProject(t, "note.fr.txt")
		a, saveA := editorSave(t, article)
		b, saveB := editorSave(t, article)
		a.Confirm(2, "A's third.", segments.OriginTyped, now())
		b.Cursor = 4
		must(t, saveA(a.Clone()), saveB(b.Clone()))
		wantTargets(t, project, map[int]string{2: "A's third."})
	})
	t.Run("trad import while the editor is open", func(t *testing.T) {
		article, project := makeProject(t, "note.fr.txt")
		clearTargets(t, project)
		ed, save := editorSave(t, article)
		ed.Confirm(0, "Typed first.", segments.OriginTyped, now())
		must(t, save(ed.Clone()))
		tmx := filepath.Join(filepath.Dir(article), "mem.tmx")
		writeTMX(t, tmx, "Cette phrase reste à traduire.", "This sentence is still to translate.")
		if code, _, errs := runTrad(t, "import", tmx, article); code != 0 {
			t.Fatal(errs)
		}
		ed.Confirm(1, "Typed second.", segments.OriginTyped, now())
		must(t, save(ed.Clone()), save(ed.Clone()))
		doc, _, _ := segments.Load(project)
		var imported bool
		for _, s := range doc.Segments {
			imported = imported || s.Target == "This sentence is still to translate."
		}
		if !imported {
			t.Error("the editor's save dropped what trad import wrote")
		}
		wantTargets(t, project, map[int]string{0: "Typed first.", 1: "Typed second."})
	})
	t.Run("both editors change one segment", func(t *testing.T) {
		article, project := makeProject(t, "note.fr.txt")
		a, saveA := editorSave(t, article)
		b, saveB := editorSave(t, article)
		a.Confirm(2, "A's version.", segments.OriginTyped, now())
		b.Confirm(2, "B's later version.", segments.OriginTyped, now().Add(1))
		must(t, saveA(a.Clone()), saveB(b.Clone()))
		doc := wantTargets(t, project, map[int]string{2: "B's later version."})
		h := doc.Segments[2].History
		if len(h) == 0 || !h[len(h)-1].Conflict || h[len(h)-1].Target != "A's version." || h[len(h)-1].By != "trad edit" {
			t.Errorf("history %+v, want A's version kept as a conflict", h)
		}
	})
}

func must(t *testing.T, errs ...error) {
	t.Helper()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
}

// wantTargets checks the project's targets at the given indexes.
func wantTargets(t *testing.T, project string, want map[int]string) *segments.Document {
	t.Helper()
	doc, _, err := segments.Load(project)
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range want {
		if got := doc.Segments[i].Target; got != w {
			t.Errorf("segment %d: %q, want %q", i+1, got, w)
		}
	}
	return doc
}

func writeTMX(t *testing.T, path, src, tgt string) {
	t.Helper()
	data := `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="fr" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="test" creationtool="test" creationtoolversion="1"/>
<body><tu><tuv xml:lang="fr"><seg>` + src + `</seg></tuv><tuv xml:lang="en"><seg>` + tgt + `</seg></tuv></tu></body></tmx>
`
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func now() time.Time { return time.Now() }
