package segments

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// sources lists the documents' segment sources, " | " between.
func sources(d *Document) string {
	var b []string
	for _, s := range d.Segments {
		b = append(b, s.Source)
	}
	return strings.Join(b, " | ")
}

// findSource returns the segment of d with source src, failing when there
// is not exactly one.
func findSource(t *testing.T, d *Document, src string) *Segment {
	t.Helper()
	var found *Segment
	for i := range d.Segments {
		if d.Segments[i].Source == src {
			if found != nil {
				t.Fatalf("two segments %q", src)
			}
			found = &d.Segments[i]
		}
	}
	if found == nil {
		t.Fatalf("no segment %q in %s", src, sources(d))
	}
	return found
}

func loadFile(t *testing.T, pp string) *Document {
	t.Helper()
	f, _, err := Load(pp)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// One process splits a segment while another confirms another one: both
// the split and the confirmation are in the file, whatever the order of
// the saves, and nothing is an orphan.
func TestStoreMergeSplitVsConfirm(t *testing.T) {
	t1 := time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)
	const split = "Premier | paragraphe. | Deuxième paragraphe. | Troisième paragraphe. | Quatrième paragraphe."
	for _, aFirst := range []bool{true, false} {
		pp := savedProject(t, t.TempDir(), nil)
		stA, a := openStore(t, pp, "trad edit A")
		stB, b := openStore(t, pp, "trad confirm")
		if err := a.SplitSegment(0, 7, t1); err != nil {
			t.Fatal(err)
		}
		b.Confirm(3, "Vierter Absatz.", OriginTyped, t1)
		if aFirst {
			mustSave(t, stA, a)
			mustSave(t, stB, b)
		} else {
			mustSave(t, stB, b)
			mustSave(t, stA, a)
		}
		// Both save again, as an editor's poll does.
		mustSave(t, stA, a.Clone())
		mustSave(t, stB, b.Clone())
		f := loadFile(t, pp)
		if got := sources(f); got != split {
			t.Errorf("A first %v: segments %s, want %s", aFirst, got, split)
		}
		if s := findSource(t, f, "Quatrième paragraphe."); s.Target != "Vierter Absatz." || s.Status != StatusTranslated {
			t.Errorf("A first %v: B's confirmation: %q [%v]", aFirst, s.Target, s.Status)
		}
		if len(f.Orphans) != 0 || len(f.Blocks[0].Overrides) != 1 {
			t.Errorf("A first %v: orphans %v, overrides %v", aFirst, f.Orphans, f.Blocks[0].Overrides)
		}
	}
}

// One process splits a segment while another confirms that same segment:
// the confirmation is on the split's first part (a draft: it translates
// more than its source now), its confirmed version in the history.
func TestStoreMergeSplitVsConfirmSame(t *testing.T) {
	t1 := time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)
	for _, aFirst := range []bool{true, false} {
		pp := savedProject(t, t.TempDir(), nil)
		stA, a := openStore(t, pp, "trad edit A")
		stB, b := openStore(t, pp, "trad confirm")
		if err := a.SplitSegment(0, 7, t1); err != nil {
			t.Fatal(err)
		}
		b.Confirm(0, "First paragraph.", OriginTyped, t1.Add(time.Minute))
		var res SaveResult
		if aFirst {
			mustSave(t, stA, a)
			res = mustSave(t, stB, b)
		} else {
			mustSave(t, stB, b)
			res = mustSave(t, stA, a)
		}
		if !res.Merged() || res.Message() == "" {
			t.Errorf("A first %v: the second save says nothing came in: %+v", aFirst, res)
		}
		f := loadFile(t, pp)
		if len(f.Segments) != 5 || len(f.Orphans) != 0 {
			t.Fatalf("A first %v: segments %s, orphans %v", aFirst, sources(f), f.Orphans)
		}
		s := f.Segments[0]
		if s.Source != "Premier" || s.Target != "First paragraph." || s.Status != StatusDraft {
			t.Errorf("A first %v: first part %q → %q [%v]", aFirst, s.Source, s.Target, s.Status)
		}
		if n := len(s.History); n == 0 || s.History[n-1].Target != "First paragraph." || s.History[n-1].Status != StatusTranslated {
			t.Errorf("A first %v: the confirmed version is not in the history: %+v", aFirst, s.History)
		}
	}
}

// With repeated sentences, a merge in one process and a confirmation in
// another put each translation on its own sentence.
func TestStoreMergeRepeatedSentences(t *testing.T) {
	t1 := time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)
	dir := t.TempDir()
	doc, pp := newProject(t, dir, "Premier point ici. Deuxième point ici. Oui, merci. Oui, merci.\n")
	if len(doc.Segments) != 4 {
		t.Fatalf("segments: %s", sources(doc))
	}
	doc.Confirm(3, "Yes (the 4th).", OriginTyped, t1)
	if err := Save(pp, doc); err != nil {
		t.Fatal(err)
	}
	stA, a := openStore(t, pp, "trad edit A")
	stB, b := openStore(t, pp, "trad confirm")
	if err := a.MergeNext(0, t1.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	b.Confirm(2, "Yes (the 3rd).", OriginTyped, t1.Add(2*time.Minute))
	mustSave(t, stB, b)
	res := mustSave(t, stA, a)
	if len(res.Conflicts) != 0 {
		t.Errorf("spurious conflicts: %v", res.Conflicts)
	}
	f := loadFile(t, pp)
	if len(f.Segments) != 3 || f.Segments[1].Target != "Yes (the 3rd)." || f.Segments[2].Target != "Yes (the 4th)." {
		t.Errorf("want the merge and the 3rd and 4th on their own segments: %s / %q", sources(f), targets(f))
	}
	for i, s := range f.Segments {
		for _, h := range s.History {
			if h.Conflict {
				t.Errorf("segment %d: a conflict in its history: %+v", i, h)
			}
		}
	}
}

// Both processes change the segmentation of one block: the file keeps
// both changes, and the work of each.
func TestStoreMergeBothResegment(t *testing.T) {
	t1 := time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)
	dir := t.TempDir()
	doc, pp := newProject(t, dir, "Un deux trois. Quatre cinq six. Sept huit neuf.\n")
	if err := Save(pp, doc); err != nil {
		t.Fatal(err)
	}
	stA, a := openStore(t, pp, "trad edit A")
	stB, b := openStore(t, pp, "trad edit B")
	a.Confirm(2, "Seven eight nine.", OriginTyped, t1)
	if err := a.SplitSegment(0, len("Un deux"), t1); err != nil {
		t.Fatal(err)
	}
	b.Confirm(0, "One two three.", OriginTyped, t1)
	if err := b.MergeNext(1, t1); err != nil {
		t.Fatal(err)
	}
	mustSave(t, stA, a)
	mustSave(t, stB, b)
	f := loadFile(t, pp)
	const want = "Un deux | trois. | Quatre cinq six. Sept huit neuf."
	if got := sources(f); got != want {
		t.Fatalf("segments %s, want %s", got, want)
	}
	if f.Segments[0].Target != "One two three." || f.Segments[2].Target != "Seven eight nine." {
		t.Errorf("targets %q", targets(f))
	}
	if len(f.Orphans) != 0 || len(f.Blocks[0].Overrides) != 2 {
		t.Errorf("orphans %v, overrides %+v", f.Orphans, f.Blocks[0].Overrides)
	}
	// Both processes still see it all after a poll.
	mustSave(t, stA, a)
	if got := sources(a); got != want {
		t.Errorf("A after its next save: %s", got)
	}
}

// The editor splits a segment while the save of its snapshot brings in a
// translation: ApplySaved puts it on its own sentence.
func TestApplySavedAfterSplit(t *testing.T) {
	t1 := time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)
	pp := savedProject(t, t.TempDir(), nil)
	stA, live := openStore(t, pp, "trad edit")
	stB, b := openStore(t, pp, "trad import")
	b.Confirm(3, "Vierter Absatz.", OriginTyped, t1)
	mustSave(t, stB, b)
	snap := live.Clone()
	res := mustSave(t, stA, snap)
	if err := live.SplitSegment(0, 7, t1); err != nil {
		t.Fatal(err)
	}
	changed := live.ApplySaved(snap, res)
	if len(changed) != 1 || changed[0] != 4 {
		t.Errorf("changed %v, want [4]", changed)
	}
	for _, s := range live.Segments {
		if (s.Target == "Vierter Absatz.") != (s.Source == "Quatrième paragraphe.") {
			t.Errorf("%q → %q", s.Source, s.Target)
		}
	}
}

// A save that brings in another process's split gives it to the live
// document when the block is as the snapshot had it.
func TestApplySavedTakesSplit(t *testing.T) {
	t1 := time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)
	pp := savedProject(t, t.TempDir(), nil)
	stA, live := openStore(t, pp, "trad edit")
	stB, b := openStore(t, pp, "trad split")
	if err := b.SplitSegment(1, len("Deuxième"), t1); err != nil {
		t.Fatal(err)
	}
	mustSave(t, stB, b)
	live.Confirm(3, "Vierter Absatz.", OriginTyped, t1)
	snap := live.Clone()
	res := mustSave(t, stA, snap)
	if !res.Resegmented {
		t.Fatalf("the save did not take the split: %+v", res)
	}
	live.ApplySegmentation(snap, res)
	live.ApplySaved(snap, res)
	if got, want := sources(live), sources(snap); got != want {
		t.Errorf("live %s, want %s", got, want)
	}
	if s := findSource(t, live, "Quatrième paragraphe."); s.Target != "Vierter Absatz." || s.Index != 4 {
		t.Errorf("the live confirmation: %+v", s)
	}
	if res := mustSave(t, stA, live.Clone()); res.Wrote {
		t.Errorf("the next save wrote again: %+v", res)
	}
}

// An editor that does not take the segmentation in keeps its own, and its
// saves keep the other process's split in the file, with its own work.
func TestApplySavedKeepsLiveSegmentation(t *testing.T) {
	t1 := time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)
	pp := savedProject(t, t.TempDir(), nil)
	stA, live := openStore(t, pp, "trad edit")
	stB, b := openStore(t, pp, "trad split")
	if err := b.SplitSegment(1, len("Deuxième"), t1); err != nil {
		t.Fatal(err)
	}
	mustSave(t, stB, b)
	// Saves with nothing new from outside in between (the file is this
	// Store's own): each takes the file's segmentation again, and the base
	// the Store keeps must be that one too, or the next save writes a
	// corrupt file.
	for k, i := range []int{3, 1, 2, 0} {
		live.Confirm(i, "T"+live.Segments[i].Source, OriginTyped, t1.Add(time.Duration(k)*time.Minute))
		snap := live.Clone()
		res := mustSave(t, stA, snap)
		if k > 0 && res.Message() != "" {
			t.Errorf("save %d: %q, with nothing new from outside", k, res.Message())
		}
		live.ApplySaved(snap, res)
		if len(live.Segments) != 4 {
			t.Fatalf("the live document changed its segmentation: %s", sources(live))
		}
		if _, _, err := Load(pp); err != nil {
			t.Fatalf("save %d: %v", k, err)
		}
	}
	f := loadFile(t, pp)
	// The confirmation of the sentence split meanwhile is on its first part,
	// as a draft.
	const want = "TPremier paragraphe.|TDeuxième paragraphe.||TTroisième paragraphe.|TQuatrième paragraphe."
	if got := targets(f); got != want || f.Segments[1].Status != StatusDraft {
		t.Errorf("file %s: %q", sources(f), got)
	}
}

// Merging back a split after the project was reopened takes the split's
// override out, as within one session (docs/project-format.md).
func TestUndoSplitAfterReopen(t *testing.T) {
	t1 := time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)
	pp := savedProject(t, t.TempDir(), nil)
	st, d := openStore(t, pp, "trad edit")
	if err := d.SplitSegment(0, 7, t1); err != nil {
		t.Fatal(err)
	}
	mustSave(t, st, d)
	st2, d2 := openStore(t, pp, "trad edit")
	if err := d2.MergeNext(0, t1); err != nil {
		t.Fatal(err)
	}
	mustSave(t, st2, d2)
	if f := loadFile(t, pp); len(f.Blocks[0].Overrides) != 0 || len(f.Segments) != 4 {
		t.Errorf("after split, reopen, merge back: %s, overrides %+v", sources(f), f.Blocks[0].Overrides)
	}
}

// FuzzMergeSegmentations runs random confirms, splits and merges in two
// processes on one project, saving in a random order (each twice, as
// editors' polls do): every target either saved is in the file, as a
// segment's target or in a segment's history, never only in the orphans.
func FuzzMergeSegmentations(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3}, []byte{4, 5, 6}, true)
	f.Add([]byte{1, 0x41, 0x82}, []byte{0x81, 2, 0x40}, false)
	f.Add([]byte{0x40, 0x80, 0x03}, []byte{0x03, 0x41, 0x80}, true)
	const article = "Un deux trois. Quatre cinq six. Oui, merci. Oui, merci.\n\nSept huit neuf. Dix onze.\n\nDouze treize.\n"
	f.Fuzz(func(t *testing.T, opsA, opsB []byte, aFirst bool) {
		if len(opsA) > 12 || len(opsB) > 12 {
			return
		}
		t1 := time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)
		dir := t.TempDir()
		doc, pp := newProject(t, dir, article)
		doc.Confirm(2, "Yes, thanks (base).", OriginTyped, t1)
		if err := Save(pp, doc); err != nil {
			t.Fatal(err)
		}
		stA, a := openStore(t, pp, "A")
		stB, b := openStore(t, pp, "B")
		// Each text with the time it was confirmed at.
		want := map[string]time.Time{"Yes, thanks (base).": t1}
		play := func(d *Document, name string, ops []byte) {
			for k, op := range ops {
				i := int(op&0x3f) % len(d.Segments)
				switch op >> 6 {
				case 0, 3:
					text := fmt.Sprintf("%s %d.", name, k)
					d.Confirm(i, text, OriginTyped, t1.Add(time.Duration(k)*time.Second))
					want[text] = t1.Add(time.Duration(k) * time.Second)
				case 1:
					if p, ok := NearestSplit(d.Segments[i].Source, len(d.Segments[i].Source)/2); ok {
						_ = d.SplitSegment(i, p, t1)
					}
				case 2:
					_ = d.MergeNext(i, t1)
				}
			}
		}
		play(a, "A", opsA)
		play(b, "B", opsB)
		first, second := func() { mustSave(t, stA, a) }, func() { mustSave(t, stB, b) }
		if len(opsA)%2 == 1 {
			// A saves as the editor does: snapshots, what came in applied.
			first = func() { saveLikeEditor(t, stA, a) }
		}
		if !aFirst {
			first, second = second, first
		}
		first()
		second()
		first()
		second()
		fd := loadFile(t, pp)
		var all []string
		for _, s := range fd.Segments {
			all = append(all, s.Target)
			for _, v := range s.History {
				all = append(all, v.Target)
			}
		}
		in := "\x00" + strings.Join(all, "\x00") + "\x00"
		for text, at := range want {
			if !strings.Contains(in, text) && !historyFull(fd, at) {
				t.Errorf("%q is lost (orphans %v)\nfile: %s / %q", text, fd.Orphans, sources(fd), targets(fd))
			}
		}
		if len(fd.Orphans) != 0 {
			t.Errorf("orphans: %v", fd.Orphans)
		}
	})
}

// historyFull reports whether a segment of d keeps HistoryLimit plain
// versions none older than at: a version from then may have been the
// oldest, dropped by the limit as designed (a segment confirmed more than
// ten times keeps the last ten).
func historyFull(d *Document, at time.Time) bool {
	for _, s := range d.Segments {
		n := 0
		for _, v := range s.History {
			if !v.Conflict && !v.Changed.Before(at) {
				n++
			}
		}
		if n >= HistoryLimit {
			return true
		}
	}
	return false
}
