package bitext

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/trad-project/trad/segments"
)

// Notes come back onto their own sentences after the project was
// re-segmented (a split, a lead paragraph added): the label's hash of the
// source finds them; a replaced note is kept in the history; a note whose
// sentence is gone is reported, not put elsewhere (review F3).
func TestImportMarkdownNotesAfterResegmenting(t *testing.T) {
	now := time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)
	read := func(md string) *segments.Document {
		doc, _, err := segments.Read(strings.NewReader(md), segments.ReadOptions{Format: segments.FormatMarkdown, Target: "en"})
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	doc := read("Premier paragraphe.\n\nDeuxième paragraphe.\n\nTroisième paragraphe.\n\nDernier paragraphe.\n")
	doc.SetNote(1, "note on the second", now)
	doc.SetNote(2, "note on the third", now)
	doc.SetNote(3, "note on the last", now)
	var buf bytes.Buffer
	if err := WriteMarkdown(&buf, doc, Options{Markdown: MarkdownOptions{Layout: LayoutParallel}}); err != nil {
		t.Fatal(err)
	}
	in := strings.ReplaceAll(buf.String(), "note on the second", "reviewed note on the second")

	t.Run("split", func(t *testing.T) {
		d := doc.Clone()
		if err := d.SplitSegment(0, len("Premier"), now); err != nil {
			t.Fatal(err)
		}
		rep, err := ImportMarkdown(d, strings.NewReader(in), now)
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"", "", "reviewed note on the second", "note on the third", "note on the last"}
		for i, s := range d.Segments {
			if s.Note != want[i] {
				t.Errorf("segment %d %q: note %q, want %q (report %+v)", i+1, s.Source, s.Note, want[i], rep)
			}
		}
		h := d.Segments[2].History
		if len(h) == 0 || h[len(h)-1].Note != "note on the second" {
			t.Errorf("the replaced note is not in the history: %+v", h)
		}
	})
	t.Run("edited article", func(t *testing.T) {
		d := read("Chapeau ajouté.\n\nPremier paragraphe.\n\nDeuxième paragraphe.\n\nTroisième paragraphe changé.\n\nDernier paragraphe.\n")
		d.SetNote(1, "the first's own note", now)
		rep, err := ImportMarkdown(d, strings.NewReader(in), now)
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"", "the first's own note", "reviewed note on the second", "", "note on the last"}
		for i, s := range d.Segments {
			if s.Note != want[i] {
				t.Errorf("segment %d %q: note %q, want %q", i+1, s.Source, s.Note, want[i])
			}
		}
		if rep.Filled != 2 || len(rep.Skipped) != 1 || !strings.Contains(rep.Skipped[0].Msg, "segment s3: its source sentence is no longer in the project") {
			t.Errorf("report %+v", rep)
		}
	})
	t.Run("labels without hash", func(t *testing.T) {
		d := doc.Clone()
		old := "Deuxième paragraphe.[^trad-s2]\n\n[^trad-s2]: older note\n"
		rep, err := ImportMarkdown(d, strings.NewReader(old), now)
		if err != nil || rep.Filled != 1 || d.Segments[1].Note != "older note" {
			t.Errorf("report %+v, err %v, note %q", rep, err, d.Segments[1].Note)
		}
	})
}
