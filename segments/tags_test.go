package segments

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// taggedProject saves a project whose first segment "Premier paragraphe."
// has a bold pair around "Premier" and returns its path.
func taggedProject(t *testing.T) string {
	t.Helper()
	return savedProject(t, t.TempDir(), func(d *Document) {
		d.Blocks[0].Codes = []Code{{ID: 1, Type: CodeBold, Pair: true, Open: "**", Close: "**"}}
		d.Segments[0].SourceTags = []Tag{{0, 1, TagOpen}, {7, 1, TagClose}}
	})
}

var boldFirst = []Tag{{0, 1, TagOpen}, {5, 1, TagClose}}

func TestTagsSavedAndChecked(t *testing.T) {
	pp := taggedProject(t)
	st, doc := openStore(t, pp, "trad edit")
	now := time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)
	doc.UpdateTagged(0, "First paragraph.", boldFirst, StatusTranslated, OriginTyped, now)
	mustSave(t, st, doc)
	back, _, err := Load(pp)
	if err != nil {
		t.Fatal(err)
	}
	s := back.Segments[0]
	if tagsKey(s.SourceTags) != "0:1:open;7:1:close;" || tagsKey(s.TargetTags) != tagsKey(boldFirst) {
		t.Fatalf("tags read back as %v / %v", s.SourceTags, s.TargetTags)
	}
	if got := RenderTagged(s.Target, s.TargetTags, back.Blocks[0].Codes); got != "**First** paragraph." {
		t.Errorf("target rendered as %q", got)
	}
	// A change of the tags alone is a change of the target (history kept).
	if !back.UpdateTagged(0, s.Target, nil, StatusTranslated, OriginTyped, now.Add(time.Minute)) {
		t.Fatal("removing the tags changed nothing")
	}
	if !back.Restore(0, now.Add(2*time.Minute)) || tagsKey(back.Segments[0].TargetTags) != tagsKey(boldFirst) {
		t.Errorf("undo gave back tags %v", back.Segments[0].TargetTags)
	}

	data, err := os.ReadFile(pp)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []struct{ from, to, want string }{
		{`"id":1,"kind":"close"`, `"id":7,"kind":"close"`, "no code 7"},
		{`"at":7`, `"at":70`, "offset 70"},
		{`"kind":"close"`, `"kind":"ph"`, "is a pair"},
	} {
		if !strings.Contains(string(data), bad.from) {
			t.Fatalf("project file lacks %q:\n%s", bad.from, data)
		}
		p := filepath.Join(t.TempDir(), "x.trad.json")
		if err := os.WriteFile(p, []byte(strings.Replace(string(data), bad.from, bad.to, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, _, err := Load(p); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%s → %s: error %v, want %q", bad.from, bad.to, err, bad.want)
		}
	}
}

// The Store's merge carries the target's tags with its text: one process
// changing only the tags is taken, and a conflict keeps the loser's tags in
// history.
func TestStoreMergesTargetTags(t *testing.T) {
	pp := taggedProject(t)
	t1 := time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)
	a, da := openStore(t, pp, "trad edit")
	b, db := openStore(t, pp, "trad import")
	da.Update(0, "First paragraph.", StatusDraft, OriginTyped, t1)
	mustSave(t, a, da)
	db.UpdateTagged(0, "First paragraph.", boldFirst, StatusDraft, OriginTyped, t1.Add(time.Minute))
	mustSave(t, b, db)
	got, _, err := Load(pp)
	if err != nil {
		t.Fatal(err)
	}
	if tagsKey(got.Segments[0].TargetTags) != tagsKey(boldFirst) {
		t.Fatalf("merged tags %v, want %v", got.Segments[0].TargetTags, boldFirst)
	}
	// a now puts the bold on "paragraph" while b has it on "First": the
	// later change (a) wins, b's version goes to history with its tags.
	other := []Tag{{6, 1, TagOpen}, {15, 1, TagClose}}
	da.UpdateTagged(0, "First paragraph.", other, StatusDraft, OriginTyped, t1.Add(2*time.Minute))
	if res := mustSave(t, a, da); len(res.Conflicts) != 1 {
		t.Fatalf("conflicts %v, want segment 0", res.Conflicts)
	}
	got, _, _ = Load(pp)
	s := got.Segments[0]
	h := s.History[len(s.History)-1]
	if tagsKey(s.TargetTags) != tagsKey(other) || !h.Conflict || tagsKey(h.TargetTags) != tagsKey(boldFirst) {
		t.Errorf("after the conflict: tags %v, last version %+v", s.TargetTags, h)
	}
}

func TestFitTagsAndURL(t *testing.T) {
	got := FitTags([]Tag{{0, 1, TagOpen}, {9, 1, TagClose}, {2, 2, TagPlaceholder}}, "été")
	if tagsKey(got) != "0:1:open;5:1:close;5:2:ph;" {
		t.Errorf("FitTags: %v", got)
	}
	for _, c := range []struct {
		code Code
		url  string
	}{
		{Code{Type: CodeLink, Pair: true, Open: "[", Close: `](https://a.b/c "t")`}, "https://a.b/c"},
		{Code{Type: CodeLink, Pair: true, Open: "[", Close: `](<a b>)`}, "a b"},
		{Code{Type: CodeImage, Open: `![x](i.png)`}, "i.png"},
		{Code{Type: CodeLink, Pair: true, Open: `<a href="u">`, Close: "</a>"}, "u"},
		{Code{Type: CodeBold, Pair: true, Open: "**", Close: "**"}, ""},
	} {
		if u := c.code.URL(); u != c.url {
			t.Errorf("%+v: URL %q, want %q", c.code, u, c.url)
		}
	}
	if l := (Code{ID: 3, Type: CodeLink}).Label(TagClose); l != "‹/a3›" {
		t.Errorf("label %q", l)
	}
}

func TestParseTargetMarkup(t *testing.T) {
	doc, _, err := Read(strings.NewReader("**Tout en gras.** Le [site](https://a.b) et `x`.\n"), ReadOptions{Format: FormatMarkdown, Tags: true})
	if err != nil {
		t.Fatal(err)
	}
	b := &doc.Blocks[0]
	tests := []struct {
		seg          int
		target, text string
		labels       string
		ok           bool
	}{
		{0, "**All in bold.**", "All in bold.", "‹b1›All in bold.‹/b1›", true},
		{0, "All in bold.", "All in bold.", "‹b1›All in bold.‹/b1›", true},
		{1, "The `x` and [site](https://a.b).", "The  and site.", "The ‹c3› and ‹a2›site‹/a2›.", true},
		{1, "The [site](https://other) and `x`.", "The [site](https://other) and `x`.", "", false},
	}
	for _, tt := range tests {
		s := doc.Segments[tt.seg]
		text, tags, ok := b.ParseTargetMarkup(&s, tt.target)
		if text != tt.text || ok != tt.ok {
			t.Errorf("%q: %q %v, want %q %v", tt.target, text, ok, tt.text, tt.ok)
			continue
		}
		s.Target, s.TargetTags = text, tags
		if got := b.TargetLabels(&s); ok && got != tt.labels {
			t.Errorf("%q: shown as %q, want %q", tt.target, got, tt.labels)
		}
	}
}

// A target tag that does not fit (a file edited by hand) is mended with a
// warning, never a corrupted project.
func TestLoadRepairsTargetTags(t *testing.T) {
	pp := taggedProject(t)
	st, doc := openStore(t, pp, "trad edit")
	doc.UpdateTagged(0, "First paragraph.", boldFirst, StatusTranslated, OriginTyped, time.Now())
	mustSave(t, st, doc)
	data, err := os.ReadFile(pp)
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(data), `"at":5`, `"at":50`, 1)
	if bad == string(data) {
		t.Fatal("no target tag at 5 in the file")
	}
	if err := os.WriteFile(pp, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	got, rep, err := Load(pp)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Warnings) != 1 || !strings.Contains(rep.Warnings[0].Msg, "target tags of segment 1") {
		t.Errorf("warnings %v", rep.Warnings)
	}
	if k := tagsKey(got.Segments[0].TargetTags); k != "0:1:open;16:1:close;" {
		t.Errorf("target tags mended to %s", k)
	}
}

// A project saved with inline Markdown in the text (schema 1, or read
// without tags) whose article changed: the sentences read again with tags
// find their translations by their markup, status kept, and the targets'
// Markdown becomes tags.
func TestReattachMarkdownTargetsAsTags(t *testing.T) {
	dir := t.TempDir()
	article := filepath.Join(dir, "a.fr.md")
	if err := os.WriteFile(article, []byte("Le **cloud** est [ici](https://a.b).\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	doc, _, err := ReadFile(article, ReadOptions{}) // no tags: Markdown in the text
	if err != nil {
		t.Fatal(err)
	}
	doc.Confirm(0, "The **cloud** is [here](https://a.b).", "", time.Now())
	pp := ProjectPath(article)
	if err := Save(pp, doc); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(article, []byte("Le **cloud** est [ici](https://a.b).\n\nNouveau paragraphe.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, rep, err := Load(pp)
	if err != nil {
		t.Fatal(err)
	}
	s := got.Segments[0]
	if rep.Reattached != 1 || rep.ByPosition != 0 || s.Status != StatusTranslated {
		t.Errorf("reattached %d (%d by position), status %s", rep.Reattached, rep.ByPosition, s.Status)
	}
	if s.Target != "The cloud is here." || got.Blocks[0].TargetLabels(&s) != "The ‹b1›cloud‹/b1› is ‹a2›here‹/a2›." {
		t.Errorf("target %q shown as %q", s.Target, got.Blocks[0].TargetLabels(&s))
	}
}
