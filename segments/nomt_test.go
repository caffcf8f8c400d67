package segments

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Issue 16: the "no machine translation" flag is saved, survives an edited
// article and a merge with a process that did not change it, and a change
// made by another process is not undone by an editor's later save.
func TestNoMTFlagPersistsAndMerges(t *testing.T) {
	dir := t.TempDir()
	pp := savedProject(t, dir, func(d *Document) { d.NoMT = true })
	data, err := os.ReadFile(pp)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"no_mt": true`) {
		t.Fatalf("project file lacks no_mt:\n%.300s", data)
	}

	// An editor opened before the flag is lifted by another process.
	editor, edoc := openStore(t, pp, "trad edit")
	cli, cdoc := openStore(t, pp, "trad mt")
	if !edoc.NoMT || !cdoc.NoMT {
		t.Fatal("NoMT not loaded")
	}
	cdoc.NoMT = false
	mustSave(t, cli, cdoc)
	edoc.SetDraft(0, "Erster Absatz.", OriginTyped, when)
	snap := edoc.Clone()
	res := mustSave(t, editor, snap)
	if snap.NoMT {
		t.Error("the editor's save put back the flag another process lifted")
	}
	edoc.ApplySaved(snap, res)
	if edoc.NoMT {
		t.Error("ApplySaved did not bring the flag's new value into the live document")
	}
	// Set again by the CLI: the editor's next save keeps it.
	_, cdoc = openStore(t, pp, "trad mt")
	cdoc.NoMT = true
	if err := Save(pp, cdoc); err != nil {
		t.Fatal(err)
	}
	edoc.SetDraft(1, "Zweiter Absatz.", OriginTyped, when)
	snap = edoc.Clone()
	mustSave(t, editor, snap)
	got, _, err := Load(pp)
	if err != nil {
		t.Fatal(err)
	}
	if !got.NoMT || got.Segments[1].Target != "Zweiter Absatz." {
		t.Errorf("after the editor's save: NoMT %v, target %q", got.NoMT, got.Segments[1].Target)
	}

	// The article changes: the re-segmented document keeps the flag.
	if err := os.WriteFile(filepath.Join(dir, "article.txt"), []byte("Nouveau début.\n\n"+articleV1), 0o644); err != nil {
		t.Fatal(err)
	}
	got, rep, err := Load(pp)
	if err != nil || !rep.SourceChanged {
		t.Fatalf("reload: %v %+v", err, rep)
	}
	if !got.NoMT {
		t.Error("re-segmenting the edited article dropped the flag")
	}
}

// The engine of an MT draft is kept with it, carried when it is confirmed
// unchanged, and cleared when the translator replaces the text.
func TestMTEngineFollowsOrigin(t *testing.T) {
	doc, _ := newProject(t, t.TempDir(), articleV1)
	if !doc.SetMTDraft(0, "Erster Absatz.", "apertium", when) {
		t.Fatal("SetMTDraft changed nothing")
	}
	s := doc.Segments[0]
	if s.Origin != OriginMT || s.MTEngine != "apertium" || s.Status != StatusDraft {
		t.Fatalf("after SetMTDraft: %+v", s)
	}
	doc.Confirm(0, "Erster Absatz.", OriginTyped, when)
	if s := doc.Segments[0]; s.Origin != OriginMT || s.MTEngine != "apertium" {
		t.Errorf("confirmed unchanged: origin %q engine %q, want mt apertium", s.Origin, s.MTEngine)
	}
	doc.Confirm(0, "Der erste Absatz.", OriginTyped, when)
	if s := doc.Segments[0]; s.Origin != OriginTyped || s.MTEngine != "" {
		t.Errorf("retyped: origin %q engine %q, want none", s.Origin, s.MTEngine)
	}
	// The editor confirms a suggestion taken unchanged in one step.
	if !doc.ConfirmMT(1, "Zweiter Absatz.", "deepl", when) {
		t.Fatal("ConfirmMT changed nothing")
	}
	if s := doc.Segments[1]; s.Origin != OriginMT || s.MTEngine != "deepl" || s.Status != StatusTranslated || len(s.History) != 0 {
		t.Errorf("after ConfirmMT: %+v", s)
	}
}
