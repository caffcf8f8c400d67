package segments

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"
	"unsafe"
)

// encodeProject streams what json.MarshalIndent wrote before: the files of
// earlier versions and of this one are byte for byte alike.
func TestEncodeProjectMatchesMarshalIndent(t *testing.T) {
	dir := t.TempDir()
	doc, pp := newProject(t, dir, "Titre\n\nLe <b>Conseil</b> & « l’État ». Deux phrases ici.\n\n- un point\n")
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	withWork := doc.Clone()
	withWork.Confirm(1, "The <b>Council</b> & “the State”.", OriginTyped, now)
	withWork.Segments[1].Note = "line\nbreak"
	withWork.Orphans = []Segment{{Source: "Vieux.", Target: "Old.", Status: StatusDraft}}
	for name, d := range map[string]*Document{
		"new":       doc,
		"work":      withWork,
		"empty":     {SourceLang: doc.SourceLang, TargetLang: doc.TargetLang},
		"no source": {SourceLang: doc.SourceLang, TargetLang: doc.TargetLang, Blocks: doc.Blocks, Segments: doc.Segments},
	} {
		pf, err := toProject(pp, d)
		if err != nil {
			t.Fatal(err)
		}
		pf.Revision, pf.Generator = 7, "trad edit"
		want, err := json.MarshalIndent(pf, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, '\n')
		var got bytes.Buffer
		if err := encodeProject(&got, pf); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%s: encodeProject wrote\n%s\nMarshalIndent\n%s", name, got.Bytes(), want)
		}
	}
}

// A loaded project's sources are substrings of their blocks' texts, not
// the file's second copy of the article.
func TestLoadSharesSourcesWithBlocks(t *testing.T) {
	doc, pp := newProject(t, t.TempDir(), "Le Conseil a tranché. Deux phrases ici.\n\nUn autre paragraphe.\n")
	if err := Save(pp, doc); err != nil {
		t.Fatal(err)
	}
	got, _, err := Load(pp)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range got.Segments {
		b := got.Blocks[s.Block]
		if unsafe.StringData(s.Source) != unsafe.StringData(b.Text[s.Start:]) {
			t.Errorf("segment %d (%q) is a copy of its block's text", s.Index, s.Source)
		}
	}
}
