package segments

import (
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode"
)

// mdDoc reads Markdown text with inline tags, French into lang.
func mdDoc(t testing.TB, text, target string) *Document {
	t.Helper()
	d, _, err := Read(strings.NewReader(text), ReadOptions{Format: FormatMarkdown, Tags: true, Target: target})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// sourcesWithLabels lists the segments' sources with their tags as labels.
func sourcesWithLabels(d *Document) []string {
	var out []string
	for i := range d.Segments {
		s := &d.Segments[i]
		out = append(out, d.Blocks[s.Block].SourceLabels(s))
	}
	return out
}

// blockMarkups is every block written back with its markup.
func blockMarkups(d *Document) []string {
	var out []string
	for bi := range d.Blocks {
		out = append(out, d.BlockSourceMarkup(bi))
	}
	return out
}

func TestSplitSegment(t *testing.T) {
	tests := []struct {
		name   string
		md     string
		seg    int
		before string // split before the first occurrence of this in the source
		at     int    // when before is "": the offset
		want   []string
		err    string
	}{
		{name: "at a space", md: "Il pleut, et il vente fort.\n", before: "et il",
			want: []string{"Il pleut,", "et il vente fort."}},
		{name: "space run dropped", md: "Il pleut,   et il vente fort.\n", before: "  et il",
			want: []string{"Il pleut,", "et il vente fort."}},
		{name: "second sentence of a block", md: "Une phrase. Il pleut, et il vente.\n", seg: 1, before: "et",
			want: []string{"Une phrase.", "Il pleut,", "et il vente."}},
		{name: "after punctuation without space", md: "Voir A/B pour cela.\n", before: "B",
			want: []string{"Voir A/", "B pour cela."}},
		{name: "a pair crosses the new boundary", md: "Il **pleut, et il** vente.\n", before: "et",
			want: []string{"Il ‹b1›pleut,", "et il‹/b1› vente."}},
		{name: "a wrapping pair opens in one part and closes in the other", md: "**Il pleut, et il vente.**\n", before: "et",
			want: []string{"‹b1›Il pleut,", "et il vente.‹/b1›"}},
		{name: "a pair around the first part becomes its wrap", md: "*Il pleut,* et il vente.\n", before: "et",
			want: []string{"‹i1›Il pleut,‹/i1›", "et il vente."}},
		{name: "a tag at the point goes with what it opens", md: "Il pleut, **et** il vente.\n", before: "et",
			want: []string{"Il pleut,", "‹b1›et‹/b1› il vente."}},
		{name: "between CJK characters", md: "今日は雨です明日は晴れです。\n", before: "明日",
			want: []string{"今日は雨です", "明日は晴れです。"}},
		{name: "inside a word", md: "Il pleut fort.\n", before: "eut", err: ErrSplitInWord.Error()},
		{name: "at the start", md: "Il pleut fort.\n", at: 0, err: "not inside"},
		{name: "at the end", md: "Il pleut fort.\n", at: len("Il pleut fort."), err: "not inside"},
		{name: "inside a character", md: "Été chaud.\n", at: 1, err: "inside a character"},
		{name: "nothing on the left", md: "Il pleut fort.\n", at: 100, err: "not inside"},
		{name: "no such segment", md: "Il pleut fort.\n", seg: 3, at: 2, err: "no such segment"},
	}
	now := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mdDoc(t, tt.md, "en")
			markups := blockMarkups(d)
			at := tt.at
			if tt.before != "" {
				at = strings.Index(d.Segments[tt.seg].Source, tt.before)
			}
			before := sourcesWithLabels(d)
			err := d.SplitSegment(tt.seg, at, now)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want one saying %q", err, tt.err)
				}
				if got := sourcesWithLabels(d); !reflect.DeepEqual(got, before) {
					t.Errorf("a failed split changed the segments: %q", got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := sourcesWithLabels(d); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("segments %q, want %q", got, tt.want)
			}
			checkInvariants(t, d)
			if got := blockMarkups(d); !reflect.DeepEqual(got, markups) {
				t.Errorf("blocks written back %q, want %q", got, markups)
			}
			ov := d.Blocks[0].Overrides
			if len(ov) != 1 || ov[0].Op != OverrideSplit || ov[0].Left != d.Segments[tt.seg].Source || ov[0].Right != d.Segments[tt.seg+1].Source {
				t.Errorf("overrides %+v", ov)
			}
		})
	}
}

func TestSplitKeepsWorkOnFirstPart(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	t1 := t0.Add(time.Minute)
	d := mdDoc(t, "Avant.\n\nIl pleut, et il vente.\n\nAprès.\n", "en")
	d.Confirm(1, "It rains, and it is windy.", OriginTM, t0)
	d.SetNote(1, "météo", t0)
	d.Cursor = 2
	if err := d.SplitSegment(1, strings.Index(d.Segments[1].Source, "et"), t1); err != nil {
		t.Fatal(err)
	}
	first, second := d.Segments[1], d.Segments[2]
	if got := work(first); got != `"It rains, and it is windy." draft "tm" note="météo"` {
		t.Errorf("first part %s", got)
	}
	if !first.Changed.Equal(t1) || len(first.History) != 1 || first.History[0].Status != StatusTranslated {
		t.Errorf("first part changed %v, history %+v", first.Changed, first.History)
	}
	if second.hasWork() || second.Source != "et il vente." {
		t.Errorf("second part %q %s", second.Source, work(second))
	}
	if d.Cursor != 3 || d.Segments[3].Source != "Après." || d.Blocks[2].First != 3 {
		t.Errorf("cursor %d, blocks %+v", d.Cursor, d.Blocks)
	}
	// Merged back, one undo (Restore) gives the segment as it was.
	if err := d.MergeNext(1, t1); err != nil {
		t.Fatal(err)
	}
	if s := d.Segments[1]; s.Source != "Il pleut, et il vente." || s.Status != StatusDraft || len(s.History) != 1 {
		t.Errorf("merged back: %q %s, history %+v", s.Source, work(s), s.History)
	}
	if !d.Restore(1, t1) || work(d.Segments[1]) != `"It rains, and it is windy." translated "tm" note="météo"` {
		t.Errorf("restore: %s", work(d.Segments[1]))
	}
	if d.Blocks[1].Overrides != nil || d.Cursor != 2 {
		t.Errorf("overrides %+v, cursor %d", d.Blocks[1].Overrides, d.Cursor)
	}
}

func TestMergeNext(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	type part struct {
		target string
		st     Status
		origin string
		note   string
	}
	tests := []struct {
		name   string
		md     string
		lang   string
		seg    int
		work   []part // of segments seg and seg+1
		source string // the merged source, with labels
		want   string // work of the merged segment
		target string // its target with labels
		hist   int
		err    string
	}{
		{name: "both confirmed", md: "Il pleut. Il vente.\n", lang: "en",
			work:   []part{{"It rains.", StatusTranslated, "", ""}, {"It is windy.", StatusReviewed, "", ""}},
			source: "Il pleut. Il vente.", want: `"It rains. It is windy." translated "" note=""`, target: "It rains. It is windy.", hist: 2},
		{name: "one untranslated: draft", md: "Il pleut. Il vente.\n", lang: "en",
			work:   []part{{"It rains.", StatusTranslated, OriginTM, "n1"}, {"", StatusNew, "", "n2"}},
			source: "Il pleut. Il vente.", want: `"It rains." draft "tm" note="n1\nn2"`, target: "It rains.", hist: 1},
		{name: "different origins: typed", md: "Il pleut. Il vente.\n", lang: "en",
			work:   []part{{"It rains.", StatusDraft, OriginTM, ""}, {"Windy.", StatusDraft, OriginMT, ""}},
			source: "Il pleut. Il vente.", want: `"It rains. Windy." draft "" note=""`, target: "It rains. Windy.", hist: 2},
		{name: "no work", md: "Il pleut. Il vente.\n", lang: "en",
			source: "Il pleut. Il vente.", want: `"" new "" note=""`, target: ""},
		{name: "Japanese target: no space", md: "Il pleut. Il vente.\n", lang: "ja",
			work:   []part{{"雨です。", StatusTranslated, "", ""}, {"風です。", StatusTranslated, "", ""}},
			source: "Il pleut. Il vente.", want: `"雨です。風です。" translated "" note=""`, target: "雨です。風です。", hist: 2},
		{name: "tags and wraps kept", md: "**Il pleut.** Il *vente*.\n", lang: "en",
			work:   []part{{"It rains.", StatusTranslated, "", ""}, {"It is windy.", StatusTranslated, "", ""}},
			source: "‹b1›Il pleut.‹/b1› Il ‹i2›vente‹/i2›.", want: `"It rains. It is windy." translated "" note=""`,
			target: "‹b1›It rains.‹/b1› It is windy.", hist: 2},
		{name: "last segment of its block", md: "Il pleut.\n\nIl vente.\n", seg: 0, err: "last segment of its block"},
		{name: "last of the document", md: "Il pleut.\n", seg: 0, err: "no next segment"},
		{name: "table cells", md: "| Il pleut. | Il vente. |\n|---|---|\n", seg: 0, err: `"|" stands between them`},
		{name: "overlapping (a file edited by hand)", md: "Il pleut. Il vente.\n", seg: 0, err: "overlap"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mdDoc(t, tt.md, tt.lang)
			for k, p := range tt.work {
				d.Update(tt.seg+k, p.target, p.st, p.origin, t0)
				d.SetNote(tt.seg+k, p.note, t0)
			}
			if tt.name == "tags and wraps kept" {
				// The first target carries its wrap implicitly; the second
				// lost the italic pair: the merge keeps what there is.
				if len(d.Segments[0].Wrap) != 1 {
					t.Fatalf("first segment wrap %v", d.Segments[0].Wrap)
				}
			}
			if tt.err == "overlap" {
				s := &d.Segments[1]
				s.Start, s.Source = 1, d.Blocks[0].Text[1:s.End]
			}
			markups := blockMarkups(d)
			n := len(d.Segments)
			err := d.MergeNext(tt.seg, t0.Add(time.Hour))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want one saying %q", err, tt.err)
				}
				if len(d.Segments) != n {
					t.Error("a failed merge changed the segments")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			m := d.Segments[tt.seg]
			b := &d.Blocks[m.Block]
			if got := b.SourceLabels(&m); got != tt.source {
				t.Errorf("source %q, want %q", got, tt.source)
			}
			if got := work(m); got != tt.want {
				t.Errorf("work %s, want %s", got, tt.want)
			}
			if got := b.TargetLabels(&m); m.Target != "" && got != tt.target {
				t.Errorf("target %q, want %q", got, tt.target)
			}
			if len(m.History) != tt.hist {
				t.Errorf("history %+v, want %d versions", m.History, tt.hist)
			}
			checkInvariants(t, d)
			if got := blockMarkups(d); !reflect.DeepEqual(got, markups) {
				t.Errorf("blocks written back %q, want %q", got, markups)
			}
		})
	}
}

// TestOverridesCancel checks that undoing a split by a merge (and the
// reverse) leaves no override behind, and that chains are kept in order.
func TestOverridesCancel(t *testing.T) {
	now := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	d := mdDoc(t, "Il pleut, et il vente. Il neige. Il gèle.\n", "en")
	if err := d.SplitSegment(0, strings.Index(d.Segments[0].Source, "et"), now); err != nil {
		t.Fatal(err)
	}
	if err := d.MergeNext(0, now); err != nil {
		t.Fatal(err)
	}
	if ov := d.Blocks[0].Overrides; ov != nil {
		t.Errorf("split then merge back left %+v", ov)
	}
	// Merge the last two, then split them back at the same point.
	if err := d.MergeNext(1, now); err != nil {
		t.Fatal(err)
	}
	if err := d.SplitSegment(1, len("Il neige. "), now); err != nil {
		t.Fatal(err)
	}
	if ov := d.Blocks[0].Overrides; ov != nil {
		t.Errorf("merge then split back left %+v", ov)
	}
	if got := sourcesWithLabels(d); !reflect.DeepEqual(got, []string{"Il pleut, et il vente.", "Il neige.", "Il gèle."}) {
		t.Errorf("segments %q", got)
	}
}

// TestOverridesSurviveReopenAndEdit saves a project with a split and a
// merge, reopens it unchanged, then edits the article elsewhere: the
// segmentation overrides come back and the work is re-attached to them.
func TestOverridesSurviveReopenAndEdit(t *testing.T) {
	now := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	dir := t.TempDir()
	src := dir + "/article.md"
	article := "# Titre\n\nIl pleut, et il vente fort. Il neige. Il gèle.\n\nFin.\n"
	writeFile(t, src, article)
	doc, _, err := ReadFile(src, ReadOptions{Tags: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.SplitSegment(1, strings.Index(doc.Segments[1].Source, "et il"), now); err != nil {
		t.Fatal(err)
	}
	if err := doc.MergeNext(3, now); err != nil { // "Il neige." + "Il gèle."
		t.Fatal(err)
	}
	doc.Confirm(1, "It rains,", "", now)
	doc.Confirm(2, "and it is very windy.", "", now)
	doc.Confirm(3, "It snows. It freezes.", "", now)
	want := []string{"Titre", "Il pleut,", "et il vente fort.", "Il neige. Il gèle.", "Fin."}
	pp := ProjectPath(src)
	if err := Save(pp, doc); err != nil {
		t.Fatal(err)
	}
	got, rep, err := Load(pp)
	if err != nil {
		t.Fatal(err)
	}
	wantOv := []Override{{Op: OverrideSplit, Left: "Il pleut,", Right: "et il vente fort."}, {Op: OverrideMerge, Left: "Il neige.", Right: "Il gèle."}}
	if rep.SourceChanged || !reflect.DeepEqual(sourcesWithLabels(got), want) || !reflect.DeepEqual(got.Blocks[1].Overrides, wantOv) {
		t.Fatalf("reopened: %q, overrides %+v", sourcesWithLabels(got), got.Blocks[1].Overrides)
	}

	writeFile(t, src, "# Titre\n\nUn nouveau paragraphe.\n\n"+article[len("# Titre\n\n"):])
	got, rep, err = Load(pp)
	if err != nil {
		t.Fatal(err)
	}
	wantEdited := append([]string{"Titre", "Un nouveau paragraphe."}, want[1:]...)
	if !rep.SourceChanged || !reflect.DeepEqual(sourcesWithLabels(got), wantEdited) {
		t.Fatalf("after the edit: %q (report %+v)", sourcesWithLabels(got), rep)
	}
	for i, tgt := range map[int]string{2: "It rains,", 3: "and it is very windy.", 4: "It snows. It freezes."} {
		if s := got.Segments[i]; s.Target != tgt || s.Status != StatusTranslated {
			t.Errorf("segment %d: %s, want %q translated", i, work(s), tgt)
		}
	}
	if rep.Orphaned != 0 || rep.ByPosition != 0 {
		t.Errorf("report %+v", rep)
	}
	if len(got.Blocks[2].Overrides) != 2 {
		t.Errorf("overrides after re-segmenting: %+v", got.Blocks[2].Overrides)
	}
	checkInvariants(t, got)
}

func TestReattachCountsOverrides(t *testing.T) {
	now := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	old := mdDoc(t, "Il pleut, et il vente. Il neige.\n\nAutre phrase, ici.\n", "en")
	if err := old.SplitSegment(0, strings.Index(old.Segments[0].Source, "et"), now); err != nil {
		t.Fatal(err)
	}
	if err := old.SplitSegment(3, strings.Index(old.Segments[3].Source, "ici"), now); err != nil {
		t.Fatal(err)
	}
	// The second paragraph was rewritten: its split no longer applies.
	nd := mdDoc(t, "Il pleut, et il vente. Il neige.\n\nUne autre phrase.\n", "en")
	res := Reattach(old, nd)
	if res.Overrides != 1 || res.DroppedOverrides != 1 {
		t.Errorf("overrides applied %d, dropped %d; want 1, 1", res.Overrides, res.DroppedOverrides)
	}
	if got := sourcesWithLabels(nd); !reflect.DeepEqual(got, []string{"Il pleut,", "et il vente.", "Il neige.", "Une autre phrase."}) {
		t.Errorf("segments %q", got)
	}
}

func TestNearestSplit(t *testing.T) {
	for _, tt := range []struct {
		src  string
		at   int
		want int
		ok   bool
	}{
		{"Il pleut fort.", 4, 3, true}, // "p|leut": just before the word
		{"Il pleut fort.", 5, 3, true}, // "pl|eut": before the word on a tie with after
		{"Il pleut fort.", 3, 3, true},
		{"Il pleut fort.", 0, 2, true},
		{"Il pleut fort.", 99, 13, true}, // before the final stop, which is no letter
		{"Mot", 1, 0, false},
		{"雨です", 1, 3, true},
	} {
		if got, ok := NearestSplit(tt.src, tt.at); got != tt.want || ok != tt.ok {
			t.Errorf("NearestSplit(%q, %d) = %d, %v; want %d, %v", tt.src, tt.at, got, ok, tt.want, tt.ok)
		}
	}
	if _, _, err := splitPoint("Il pleut", 4); !errors.Is(err, ErrSplitInWord) {
		t.Errorf("error %v, want ErrSplitInWord", err)
	}
}

// FuzzSplitMerge splits and merges segments of any Markdown at points the
// fuzzer picks: the document stays consistent and every block is written
// back as it was read.
func FuzzSplitMerge(f *testing.F) {
	f.Add("Il **pleut, et il** vente. Il *neige* fort.\n\n- un [lien](https://x.fr) ici, là.\n", uint16(5), uint16(9), uint8(3))
	f.Add("今日は雨です明日は晴れです。\n", uint16(9), uint16(1), uint8(1))
	f.Add("| a b | c d |\n|---|---|\n", uint16(2), uint16(0), uint8(2))
	f.Add("Un vers  \nla suite.\\\nFin.<br>Autre<br>mot.\n\n| **a** b | c |\n|--|--|\n", uint16(1), uint16(7), uint8(5))
	f.Fuzz(func(t *testing.T, md string, a, b uint16, ops uint8) {
		d, _, err := Read(strings.NewReader(md), ReadOptions{Format: FormatMarkdown, Tags: true})
		if err != nil || len(d.Segments) == 0 {
			return
		}
		markups := blockMarkups(d)
		now := time.Unix(0, 0)
		// Every segment has work: the ops must keep all of it (review F14).
		var work []string
		for i := range d.Segments {
			text := fmt.Sprintf("T%d.", i)
			d.Confirm(i, text, OriginTyped, now)
			work = append(work, text)
		}
		for k := range int(ops % 8) {
			i := int(a+uint16(k)) % len(d.Segments)
			if k%2 == 0 {
				_ = d.SplitSegment(i, int(b)%(len(d.Segments[i].Source)+1), now)
			} else {
				_ = d.MergeNext(i, now)
			}
		}
		var all []string
		for _, s := range d.Segments {
			all = append(all, s.Target)
			for _, v := range s.History {
				all = append(all, v.Target)
			}
		}
		kept := strings.Join(all, "\x00") // "T1." is in no other text, joined or not
		for _, text := range work {
			if !strings.Contains(kept, text) {
				t.Fatalf("%q is lost: %q", text, all)
			}
		}
		checkTagged(t, d)
		if got := blockMarkups(d); !reflect.DeepEqual(got, markups) {
			t.Fatalf("blocks written back %q, want %q", got, markups)
		}
		// Re-applying the overrides to a fresh reading gives the same segments.
		nd, _, _ := Read(strings.NewReader(md), ReadOptions{Format: FormatMarkdown, Tags: true})
		nd.reapplyOverrides(d)
		if got, want := sourcesWithLabels(nd), sourcesWithLabels(d); !reflect.DeepEqual(got, want) {
			t.Fatalf("re-applied overrides give %q, want %q", got, want)
		}
	})
}

// checkTagged is checkInvariants for a document read with tags, which may
// keep white space at a segment's ends (a tag beyond it, see segmentTags):
// consistent, only white space (or table pipes) between segments, no
// empty segment and no line end in a source.
func checkTagged(t *testing.T, d *Document) {
	t.Helper()
	if err := d.Check(); err != nil {
		t.Fatal(err)
	}
	for bi, b := range d.Blocks {
		prev := 0
		for _, s := range d.BlockSegments(bi) {
			if gap := b.Text[prev:s.Start]; strings.TrimFunc(gap, func(r rune) bool { return r == '|' || unicode.IsSpace(r) }) != "" {
				t.Fatalf("block %d: %q between segments", bi, gap)
			}
			if strings.TrimSpace(s.Source) == "" && len(s.SourceTags) == 0 || strings.Contains(s.Source, "\n") {
				t.Fatalf("block %d: segment %d %q", bi, s.Index, s.Source)
			}
			prev = s.End
		}
	}
}

// BenchmarkSplitMerge splits a segment in the middle of a document of
// 100,000 segments and merges it back: what one key costs in the editor.
// Both shift the segments after the point, so the cost grows with the
// document.
func BenchmarkSplitMerge(b *testing.B) {
	var md strings.Builder
	for i := range 50_000 {
		fmt.Fprintf(&md, "Le paragraphe %d parle du **cloud**, et il continue. Une autre phrase.\n\n", i)
	}
	d := mdDoc(b, md.String(), "en")
	i := len(d.Segments) / 2
	at := strings.Index(d.Segments[i].Source, "et il")
	now := time.Now()
	b.ResetTimer()
	for range b.N {
		if err := d.SplitSegment(i, at, now); err != nil {
			b.Fatal(err)
		}
		if err := d.MergeNext(i, now); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReapplyOverrides re-segments a changed article of 100,000
// segments whose project holds 1,000 splits: the extra cost of Reattach.
func BenchmarkReapplyOverrides(b *testing.B) {
	var md strings.Builder
	for i := range 50_000 {
		fmt.Fprintf(&md, "Le paragraphe %d parle du **cloud**, et il continue. Une autre phrase.\n\n", i)
	}
	old := mdDoc(b, md.String(), "en")
	for k := range 1000 {
		i := 2 * k * 50 // spread over the document
		if err := old.SplitSegment(i+k, strings.Index(old.Segments[i+k].Source, "et il"), time.Now()); err != nil {
			b.Fatal(err)
		}
	}
	fresh := mdDoc(b, md.String(), "en")
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		nd := fresh.Clone()
		b.StartTimer()
		if applied, dropped := nd.reapplyOverrides(old); applied != 1000 || dropped != 0 {
			b.Fatalf("applied %d, dropped %d", applied, dropped)
		}
	}
}

// TestUndoMerge merges two segments and undoes it: unchanged since, they
// get their work back exactly; changed, the split shares it out as any
// split does. A merge read from a file (or not the block's last change)
// cannot be undone this way.
func TestUndoMerge(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	read := func() *Document {
		d := mdDoc(t, "Avant.\n\nIl **pleut**. Il vente, et il neige.\n", "en")
		d.ConfirmTagged(1, "It rains.", []Tag{{At: 3, ID: 1, Kind: TagOpen}, {At: 8, ID: 1, Kind: TagClose}}, OriginTM, t0)
		d.MarkReviewed(1, t0)
		d.SetDraft(2, "It is windy, and it snows.", OriginMT, t0)
		d.SetNote(2, "météo", t0)
		return d
	}
	d := read()
	before := append([]Segment(nil), d.Segments...)
	if err := d.MergeNext(1, t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := d.UndoMerge(1, t0.Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	for i := range before {
		a, b := before[i], d.Segments[i]
		if a.Source != b.Source || work(a) != work(b) || tagsKey(a.TargetTags) != tagsKey(b.TargetTags) ||
			!reflect.DeepEqual(a.History, b.History) || !a.Changed.Equal(b.Changed) {
			t.Errorf("segment %d: %q %s, want %q %s", i, b.Source, work(b), a.Source, work(a))
		}
	}
	if d.Blocks[1].Overrides != nil {
		t.Errorf("overrides %+v", d.Blocks[1].Overrides)
	}

	// Edited after the merge: an ordinary split.
	d = read()
	if err := d.MergeNext(1, t0); err != nil {
		t.Fatal(err)
	}
	d.SetDraft(1, "It rains. It is windy and snowing.", OriginTyped, t0)
	if err := d.UndoMerge(1, t0); err != nil {
		t.Fatal(err)
	}
	if got := work(d.Segments[1]) + " | " + work(d.Segments[2]); got != `"It rains. It is windy and snowing." draft "" note="météo" | "" new "" note=""` {
		t.Errorf("after an edit: %s", got)
	}

	// Nothing to undo.
	for _, tt := range []struct {
		prep func(d *Document)
		i    int
	}{
		{func(d *Document) {}, 1},
		{func(d *Document) { _ = d.MergeNext(1, t0) }, 0},
		{func(d *Document) { _ = d.MergeNext(1, t0); d.Blocks[1].Overrides[0].made = 0 }, 1}, // as read from a file
		{func(d *Document) {}, 9},
	} {
		d = read()
		tt.prep(d)
		n := len(d.Segments)
		if err := d.UndoMerge(tt.i, t0); err == nil || len(d.Segments) != n {
			t.Errorf("UndoMerge(%d) = %v with %d → %d segments", tt.i, err, n, len(d.Segments))
		}
	}
}

// A paragraph the article still has as it was keeps exactly its own
// overrides: a split of an edited paragraph does not move to another one
// with the same sentences (review F4), whose confirmed work stays on it.
func TestReattachOverrideStaysInItsBlock(t *testing.T) {
	t1 := time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)
	dir := t.TempDir()
	doc, pp := newProject(t, dir, "Première phrase ici. Il pleut, et il vente.\n\nIl pleut, et il vente.\n")
	j := len(doc.Segments) - 1
	doc.Confirm(j, "It rains and it blows.", OriginTyped, t1)
	if err := doc.SplitSegment(1, len("Il pleut,"), t1); err != nil {
		t.Fatal(err)
	}
	if err := Save(pp, doc); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "article.txt"), "Première phrase ici. Il pleut fort, et il vente.\n\nIl pleut, et il vente.\n")
	p, err := OpenProject(pp, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	last := p.Doc.Segments[len(p.Doc.Segments)-1]
	if last.Block != 1 || p.Doc.Blocks[1].Count != 1 || len(p.Doc.Blocks[1].Overrides) != 0 {
		t.Errorf("the second paragraph, never split by the translator, was split: %q", sourcesWithLabels(p.Doc))
	}
	if last.Target != "It rains and it blows." || p.Report.Orphaned != 0 {
		t.Errorf("its confirmation: %q, report %+v", last.Target, p.Report)
	}
	if p.Report.DroppedOverrides != 1 || len(p.Warnings) != 1 || !strings.Contains(p.Warnings[0].String(), "1 split or merge of segments dropped") {
		t.Errorf("the dropped split is not reported: %+v, warnings %v", p.Report, p.Warnings)
	}
}

// BenchmarkReapplyHostile re-applies n overrides that match nowhere (a
// forged project or a much edited article), one per block of n: linear,
// where scanning every block for each was quadratic (20,000: 28–65 s).
func BenchmarkReapplyHostile(b *testing.B) {
	for _, n := range []int{5_000, 20_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			var sb strings.Builder
			for i := range n {
				fmt.Fprintf(&sb, "Paragraphe numéro %d ici. Et une autre phrase.\n\n", i)
			}
			fresh, _, err := Read(strings.NewReader(sb.String()), ReadOptions{Format: FormatMarkdown})
			if err != nil {
				b.Fatal(err)
			}
			// The old blocks' texts differ from the new ones (all edited):
			// every override is looked up among all blocks.
			old := fresh.Clone()
			for bi := range old.Blocks {
				old.Blocks[bi].Text += " (old)"
				old.Blocks[bi].Overrides = []Override{
					{Op: OverrideSplit, Left: "Gone", Right: fmt.Sprint(bi)},
					{Op: OverrideMerge, Left: "Et une autre phrase.", Right: "Absent."},
				}
			}
			b.ResetTimer()
			for range b.N {
				b.StopTimer()
				nd := fresh.Clone()
				b.StartTimer()
				if a, d := nd.reapplyOverrides(old); a != 0 || d != 2*n {
					b.Fatalf("applied %d, dropped %d", a, d)
				}
			}
		})
	}
}
