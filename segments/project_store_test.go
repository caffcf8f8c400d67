package segments

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"
)

// openStore opens the project pp as the program by would.
func openStore(t *testing.T, pp, by string) (*Store, *Document) {
	t.Helper()
	st, doc, _, _, err := openPath(pp, OpenOptions{By: by})
	if err != nil {
		t.Fatal(err)
	}
	return st, doc
}

func mustSave(t *testing.T, st *Store, doc *Document) SaveResult {
	t.Helper()
	res, err := st.Save(doc)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// savedProject saves articleV1's project in dir, after setup (if any) on
// its document, and returns its path.
func savedProject(t *testing.T, dir string, setup func(*Document)) string {
	t.Helper()
	doc, pp := newProject(t, dir, articleV1)
	if setup != nil {
		setup(doc)
	}
	if err := Save(pp, doc); err != nil {
		t.Fatal(err)
	}
	return pp
}

// targets lists segment i's target for each segment, "" for none.
func targets(d *Document) string {
	var b []string
	for _, s := range d.Segments {
		b = append(b, s.Target)
	}
	return strings.Join(b, "|")
}

// Issue 10: two processes on one project lost each other's work. Each case
// runs two Stores opened on the same saved project (as two processes would),
// lets both work and save in turn, and checks the file.
func TestStoreMergesTwoProcesses(t *testing.T) {
	t1 := time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)
	t2 := t1.Add(time.Minute)
	tests := []struct {
		name       string
		setup      func(d *Document) // before both open the project
		a, b       func(d *Document) // a saves first, then b
		want       string            // targets after both saved
		wantB      SaveResult        // what b's save reports (Updated, Conflicts, By)
		check      func(t *testing.T, d *Document)
		wantCursor int
	}{
		{
			name:  "both confirm different segments",
			a:     func(d *Document) { d.Confirm(0, "One.", OriginTyped, t1) },
			b:     func(d *Document) { d.Confirm(1, "Two.", OriginTyped, t1) },
			want:  "One.|Two.||",
			wantB: SaveResult{Updated: []int{0}, By: "trad edit A"},
		},
		{
			name: "the second only moved the cursor",
			a: func(d *Document) {
				d.Confirm(0, "One.", OriginTyped, t1)
				d.Confirm(2, "Three.", OriginTyped, t1)
			},
			b:          func(d *Document) { d.Cursor = 3 },
			want:       "One.||Three.|",
			wantB:      SaveResult{Updated: []int{0, 2}, By: "trad edit A"},
			wantCursor: 3,
		},
		{
			name:  "both change one segment: the later wins, the other is a conflict in history",
			a:     func(d *Document) { d.Confirm(1, "Second (A, later).", OriginTyped, t2) },
			b:     func(d *Document) { d.Confirm(1, "Second (B).", OriginTyped, t1) },
			want:  "|Second (A, later).||",
			wantB: SaveResult{Conflicts: []int{1}, By: "trad edit A"},
			check: func(t *testing.T, d *Document) {
				h := d.Segments[1].History
				if len(h) != 1 || !h[0].Conflict || h[0].Target != "Second (B)." || h[0].By != "trad edit B" || h[0].Status != StatusTranslated {
					t.Errorf("history %+v, want B's version as a conflict", h)
				}
				if !d.Restore(1, t2) || d.Segments[1].Target != "Second (B)." {
					t.Error("the conflict version cannot be restored")
				}
			},
		},
		{
			name:  "both change one segment: the later (the saver's) wins",
			a:     func(d *Document) { d.Confirm(1, "Second (A).", OriginTyped, t1) },
			b:     func(d *Document) { d.Confirm(1, "Second (B, later).", OriginTyped, t2) },
			want:  "|Second (B, later).||",
			wantB: SaveResult{Conflicts: []int{1}, By: "trad edit A"},
			check: func(t *testing.T, d *Document) {
				if h := d.Segments[1].History; len(h) != 1 || h[0].Target != "Second (A)." || h[0].By != "trad edit A" {
					t.Errorf("history %+v, want A's version as a conflict", h)
				}
			},
		},
		{
			name:  "one changes the note, the other the target of one segment",
			a:     func(d *Document) { d.SetNote(1, "check the name", t1) },
			b:     func(d *Document) { d.SetDraft(1, "Draft.", OriginTyped, t2) },
			want:  "|Draft.||",
			wantB: SaveResult{Updated: []int{1}, By: "trad edit A"},
			check: func(t *testing.T, d *Document) {
				if s := d.Segments[1]; s.Note != "check the name" || s.Status != StatusDraft || len(s.History) != 0 {
					t.Errorf("segment 1 = %+v, want both the note and the draft", s)
				}
			},
		},
		{
			name:  "both confirm the same text: no conflict",
			a:     func(d *Document) { d.Confirm(3, "Four.", OriginTyped, t1) },
			b:     func(d *Document) { d.Confirm(3, "Four.", OriginTyped, t2) },
			want:  "|||Four.",
			wantB: SaveResult{By: "trad edit A"},
		},
		{
			name:  "status only: reviewed by one, note by the other",
			setup: func(d *Document) { d.Confirm(0, "Zero.", OriginTyped, t1.Add(-time.Hour)) },
			a:     func(d *Document) { d.MarkReviewed(0, t1) },
			b:     func(d *Document) { d.SetNote(0, "ok", t1) },
			want:  "Zero.|||",
			wantB: SaveResult{Updated: []int{0}, By: "trad edit A"},
			check: func(t *testing.T, d *Document) {
				if s := d.Segments[0]; s.Status != StatusReviewed || s.Note != "ok" {
					t.Errorf("segment 0 = %s %q", s.Status, s.Note)
				}
			},
		},
		{
			name: "an undo (Restore) by one is not undone by the other's history",
			setup: func(d *Document) {
				d.Confirm(1, "v1", OriginTyped, t1.Add(-2*time.Hour))
				d.Confirm(1, "v2", OriginTyped, t1.Add(-time.Hour))
			},
			a:     func(d *Document) { d.Restore(1, t1) },
			b:     func(d *Document) { d.SetNote(0, "n", t1) },
			want:  "|v1||",
			wantB: SaveResult{Updated: []int{1}, By: "trad edit A"},
			check: func(t *testing.T, d *Document) {
				if h := d.Segments[1].History; len(h) != 0 {
					t.Errorf("history %+v, want the restored version out of it", h)
				}
			},
		},
		{
			name: "versions pushed on both sides are all kept",
			setup: func(d *Document) {
				d.Confirm(1, "v1", OriginTyped, t1.Add(-2*time.Hour))
			},
			a:     func(d *Document) { d.Confirm(1, "a", OriginTyped, t1) },
			b:     func(d *Document) { d.Confirm(1, "b", OriginTyped, t2) },
			want:  "|b||",
			wantB: SaveResult{Conflicts: []int{1}, By: "trad edit A"},
			check: func(t *testing.T, d *Document) {
				var got []string
				for _, v := range d.Segments[1].History {
					got = append(got, fmt.Sprintf("%s/%v", v.Target, v.Conflict))
				}
				if strings.Join(got, " ") != "v1/false a/true" {
					t.Errorf("history %v", got)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			pp := savedProject(t, dir, tt.setup)
			sa, da := openStore(t, pp, "trad edit A")
			sb, db := openStore(t, pp, "trad edit B")
			tt.a(da)
			tt.b(db)
			mustSave(t, sa, da)
			res := mustSave(t, sb, db)
			if !reflect.DeepEqual(res.Updated, tt.wantB.Updated) || !reflect.DeepEqual(res.Conflicts, tt.wantB.Conflicts) ||
				(res.Merged() && res.By != tt.wantB.By) {
				t.Errorf("b's save: updated %v conflicts %v by %q, want %v %v %q", res.Updated, res.Conflicts, res.By,
					tt.wantB.Updated, tt.wantB.Conflicts, tt.wantB.By)
			}
			// A's next save (its user kept working elsewhere) must keep B's.
			da.Cursor = 2
			mustSave(t, sa, da)
			got, _, err := Load(pp)
			if err != nil {
				t.Fatal(err)
			}
			if targets(got) != tt.want {
				t.Errorf("file holds %q, want %q", targets(got), tt.want)
			}
			if got.Cursor != 2 {
				t.Errorf("cursor %d, want A's last (2)", got.Cursor)
			}
			if tt.check != nil {
				tt.check(t, got)
			}
		})
	}
}

// Issue 10: trad import (or pretranslate) while the editor is open reported
// success, then the editor's next save overwrote what it wrote. The editor
// here saves twice after the import, once without applying what came in
// and once applying it (ApplySaved): the import must survive both ways.
func TestStoreImportWhileEditorHoldsOlderBase(t *testing.T) {
	now := time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)
	for _, apply := range []bool{false, true} {
		t.Run(fmt.Sprintf("apply=%v", apply), func(t *testing.T) {
			dir := t.TempDir()
			pp := savedProject(t, dir, nil)
			ed, live := openStore(t, pp, "trad edit")
			live.Confirm(0, "One.", OriginTyped, now)
			mustSave(t, ed, live.Clone())

			imp, idoc := openStore(t, pp, "trad import")
			idoc.SetDraft(2, "Three (memory).", OriginTM, now)
			idoc.SetDraft(3, "Four (memory).", OriginTM, now)
			if res := mustSave(t, imp, idoc); res.Merged() || !res.Wrote {
				t.Fatalf("import's save: %+v", res)
			}
			if ch, err := ed.Changed(); err != nil || !ch {
				t.Fatalf("the editor's poll did not see the import: %v %v", ch, err)
			}

			live.Confirm(1, "Two.", OriginTyped, now)
			snap := live.Clone()
			live.Confirm(3, "Four (typed meanwhile).", OriginTyped, now.Add(time.Second))
			res := mustSave(t, ed, snap)
			if !reflect.DeepEqual(res.Updated, []int{2, 3}) || res.By != "trad import" {
				t.Errorf("editor's save: updated %v by %q", res.Updated, res.By)
			}
			if msg := res.Message(); msg != "2 segments updated by trad import" {
				t.Errorf("message %q", msg)
			}
			if apply {
				if got := live.ApplySaved(snap, res); !reflect.DeepEqual(got, []int{2}) {
					t.Errorf("ApplySaved changed %v, want [2] (3 was typed meanwhile)", got)
				}
				if live.Segments[2].Target != "Three (memory)." || live.Segments[2].Rev != 1 {
					t.Errorf("live segment 2: %q rev %d", live.Segments[2].Target, live.Segments[2].Rev)
				}
			}
			if ch, _ := ed.Changed(); ch {
				t.Error("the editor's own save counts as an outside change")
			}
			res = mustSave(t, ed, live.Clone())
			got, _, err := Load(pp)
			if err != nil {
				t.Fatal(err)
			}
			if want := "One.|Two.|Three (memory).|Four (typed meanwhile)."; targets(got) != want {
				t.Errorf("file holds %q, want %q", targets(got), want)
			}
			if len(res.Conflicts) != 0 {
				t.Errorf("second save: conflicts %v", res.Conflicts)
			}
			if h := got.Segments[3].History; len(h) != 1 || h[0].Target != "Four (memory)." || h[0].Conflict {
				t.Errorf("segment 4's history %+v, want the memory draft it replaced", h)
			}
		})
	}
}

func TestStoreSkipsWritingWhatTheFileHolds(t *testing.T) {
	dir := t.TempDir()
	pp := savedProject(t, dir, nil)
	st, d := openStore(t, pp, "trad edit")
	before, _ := os.Stat(pp)
	if res := mustSave(t, st, d); res.Wrote || res.Revision != 1 {
		t.Errorf("saving an unchanged document: %+v", res)
	}
	if after, _ := os.Stat(pp); !os.SameFile(before, after) {
		t.Error("the file was rewritten")
	}
	d.Confirm(0, "One.", OriginTyped, time.Now())
	if res := mustSave(t, st, d); !res.Wrote || res.Revision != 2 {
		t.Errorf("saving a change: %+v", res)
	}
}

// Two processes creating the project of one article at the same time.
func TestStoreNewProjectCreatedTwice(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "article.txt")
	writeFile(t, src, articleV1)
	sa, da := openStore(t, src, "a")
	sb, db := openStore(t, src, "b")
	now := time.Now()
	da.Confirm(0, "One.", OriginTyped, now)
	db.Confirm(1, "Two.", OriginTyped, now)
	mustSave(t, sa, da)
	if res := mustSave(t, sb, db); !reflect.DeepEqual(res.Updated, []int{0}) {
		t.Errorf("b's save: %+v", res)
	}
	got, _, err := Load(ProjectPath(src))
	if err != nil || targets(got) != "One.|Two.||" {
		t.Fatalf("file holds %q (%v)", targets(got), err)
	}
}

// A process whose article changed (new segmentation) saves after one that
// still had the old segmentation: the old one's work has no place and goes
// to the orphans; nothing is dropped.
func TestStoreKeepsWorkOfAnotherSegmentationAsOrphans(t *testing.T) {
	dir := t.TempDir()
	pp := savedProject(t, dir, nil)
	old, od := openStore(t, pp, "old")
	writeFile(t, filepath.Join(dir, "article.txt"), strings.Replace(articleV1, "Deuxième", "Second", 1))
	nw, nd := openStore(t, pp, "new")
	now := time.Now()
	od.Confirm(1, "Second (old).", OriginTyped, now)
	od.Confirm(3, "Fourth.", OriginTyped, now)
	mustSave(t, old, od)
	res := mustSave(t, nw, nd)
	if res.Orphans != 1 || !reflect.DeepEqual(res.Updated, []int{3}) {
		t.Errorf("new's save: %+v", res)
	}
	got, _, err := Load(pp)
	if err != nil {
		t.Fatal(err)
	}
	if targets(got) != "|||Fourth." || len(got.Orphans) != 1 || got.Orphans[0].Target != "Second (old)." {
		t.Errorf("file holds %q, orphans %+v", targets(got), got.Orphans)
	}
	// Saving again does not add the orphan twice.
	if res := mustSave(t, nw, nd); res.Orphans != 0 {
		t.Errorf("second save added %d orphans", res.Orphans)
	}
}

func TestStoreWritesThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	pp := savedProject(t, dir, nil)
	link := filepath.Join(t.TempDir(), "link"+ProjectExt)
	if err := os.Symlink(pp, link); err != nil {
		t.Skip("no symbolic links:", err)
	}
	st, d := openStore(t, link, "trad edit")
	d.Confirm(0, "One.", OriginTyped, time.Now())
	mustSave(t, st, d)
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatal("the link was replaced by a file")
	}
	if got, _, err := Load(pp); err != nil || got.Segments[0].Target != "One." {
		t.Fatalf("the target did not get the work: %v", err)
	}
	if _, err := os.Stat(pp + ".bak"); err != nil {
		t.Errorf("no .bak beside the target: %v", err)
	}
	writeFile(t, pp, "{")
	_, _, err := Load(link)
	var ce *CorruptProjectError
	if !errors.As(err, &ce) || ce.Backup != pp+".bak" {
		t.Errorf("corrupt through a link: %v, want the backup beside the target", err)
	}
	if _, err := RestoreBackup(link); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Error("restoring the backup replaced the link")
	}
	if _, _, err := Load(link); err != nil {
		t.Errorf("after RestoreBackup through the link: %v", err)
	}
}

func TestLoadSchema1(t *testing.T) {
	doc, _, err := Load(filepath.Join("testdata", "project", "schema1.trad.json"))
	if err != nil {
		t.Fatal(err)
	}
	if targets(doc) != "Chips and 5G|Mr Dupont came.|" || doc.Segments[1].Note != "check the name" || len(doc.Segments[0].History) != 0 {
		t.Errorf("schema 1 file read as %q", targets(doc))
	}
}

// BenchmarkStoreSave10k is the cost of one editor save of a 10,000-segment
// project through the Store (merge check included) next to a plain Save.
func BenchmarkStoreSave10k(b *testing.B) {
	dir := b.TempDir()
	var sb strings.Builder
	for i := range 10_000 {
		fmt.Fprintf(&sb, "Phrase numéro %d du texte.\n\n", i)
	}
	src := filepath.Join(dir, "article.txt")
	if err := os.WriteFile(src, []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	st, doc, _, _, err := openPath(src, OpenOptions{})
	if err != nil {
		b.Fatal(err)
	}
	now := time.Now()
	b.Run("store", func(b *testing.B) {
		for i := range b.N {
			doc.Confirm(i%len(doc.Segments), fmt.Sprint("T", i), OriginTyped, now)
			if _, err := st.Save(doc); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("merge", func(b *testing.B) {
		// Another process saved in between: read, parse, merge, write.
		other, odoc, _, _, err := openPath(st.Path(), OpenOptions{})
		if err != nil {
			b.Fatal(err)
		}
		for i := range b.N {
			b.StopTimer()
			odoc.Confirm((i+1)%len(odoc.Segments), fmt.Sprint("O", i), OriginTyped, now)
			if _, err := other.Save(odoc); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			doc.Confirm(i%len(doc.Segments), fmt.Sprint("M", i), OriginTyped, now)
			if _, err := st.Save(doc); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("plain", func(b *testing.B) {
		for i := range b.N {
			doc.Confirm(i%len(doc.Segments), fmt.Sprint("P", i), OriginTyped, now)
			if err := Save(st.Path(), doc); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func TestSaveCountsRevisions(t *testing.T) {
	dir := t.TempDir()
	doc, pp := newProject(t, dir, articleV1)
	for want := int64(1); want <= 3; want++ {
		if err := Save(pp, doc); err != nil {
			t.Fatal(err)
		}
		if got := peekRevision(pp); got != want {
			t.Errorf("after save %d: revision %d", want, got)
		}
	}
	st, d := openStore(t, pp, "trad edit")
	d.Confirm(0, "One.", OriginTyped, time.Now())
	if res := mustSave(t, st, d); res.Revision != 4 || peekRevision(pp) != 4 {
		t.Errorf("store save: revision %d, file %d, want 4", res.Revision, peekRevision(pp))
	}
	for name, data := range map[string]string{"missing": "", "schema 1": mustRead(t, filepath.Join("testdata", "project", "schema1.trad.json")), "garbage": "{\"revision\": x"} {
		p := filepath.Join(dir, "other.trad.json")
		os.Remove(p)
		if name != "missing" {
			writeFile(t, p, data)
		}
		if got := peekRevision(p); got != 0 {
			t.Errorf("%s: revision %d, want 0", name, got)
		}
	}
}

// Opening a new article keeps no copy of its segments as the merge base
// (half a million of them for a 50 MB article): a blank segment is what a
// base without it stands for. The merge of TestStoreNewProjectCreatedTwice
// relies on that.
func TestStoreAdoptsNewArticleWithoutCopy(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "article.txt")
	writeFile(t, src, articleV1)
	st, doc := openStore(t, src, "a")
	if len(doc.Segments) == 0 || st.mine != nil {
		t.Fatalf("%d segments, base holds %d", len(doc.Segments), st.mine.len())
	}
	doc.Segments[1].Note = "kept"
	st.adopt(doc)
	if st.mine.len() != len(doc.Segments) || len(st.mine.recs) != 1 || st.mine.recs[0].Note != "kept" {
		t.Errorf("a document with work: base holds %d segments, %d records", st.mine.len(), len(st.mine.recs))
	}
}

// BenchmarkStoreSaveHuge is the first save of issue 10's 50 MB
// single-line article (580,000 segments), a translation typed in one:
// alloc-MB is what the save allocated (the largest of the runs).
func BenchmarkStoreSaveHuge(b *testing.B) {
	dir := b.TempDir()
	src := filepath.Join(dir, "big.fr.txt")
	sentence := "La souveraineté numérique de l’Europe reste un enjeu majeur pour les années à venir. "
	if err := os.WriteFile(src, []byte(strings.Repeat(sentence, 50<<20/len(sentence))), 0o644); err != nil {
		b.Fatal(err)
	}
	var peak uint64
	for b.Loop() {
		b.StopTimer()
		_ = os.Remove(ProjectPath(src))
		st, doc, _, _, err := openPath(src, OpenOptions{By: "bench"})
		if err != nil {
			b.Fatal(err)
		}
		doc.Confirm(0, "Europe's digital sovereignty remains a major issue.", OriginTyped, time.Now())
		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		b.StartTimer()
		if _, err := st.Save(doc); err != nil {
			b.Fatal(err)
		}
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		peak = max(peak, (after.TotalAlloc-before.TotalAlloc)>>20)
	}
	b.ReportMetric(float64(peak), "alloc-MB")
}

// After a save that wrote, the file's base shares the Store's copy of the
// caller's segments; a save that writes nothing then must not reuse that
// copy for the next one, which would overwrite the base and make the
// caller's next change look like the file's: the other process's older
// value would replace it.
func TestStoreSharedBaseSurvivesSaves(t *testing.T) {
	for _, loaded := range []bool{false, true} {
		dir := t.TempDir()
		src := filepath.Join(dir, "article.txt")
		writeFile(t, src, articleV1)
		sa, da := openStore(t, src, "a")
		now := time.Now()
		da.Confirm(0, "One.", OriginTyped, now)
		mustSave(t, sa, da)
		if loaded {
			// A resumed project: the base shares the loaded segments.
			sa, da = openStore(t, src, "a")
		}
		if res := mustSave(t, sa, da); res.Wrote {
			t.Fatalf("loaded=%v: unchanged save wrote: %+v", loaded, res)
		}
		sb, db := openStore(t, src, "b")
		db.Confirm(2, "Three.", OriginTyped, now)
		mustSave(t, sb, db)
		da.Confirm(1, "Two.", OriginTyped, now.Add(time.Second))
		res := mustSave(t, sa, da)
		if !reflect.DeepEqual(res.Updated, []int{2}) || len(res.Conflicts) > 0 {
			t.Errorf("loaded=%v: a's save: %+v", loaded, res)
		}
		got, _, err := Load(ProjectPath(src))
		if err != nil || !strings.HasPrefix(targets(got), "One.|Two.|Three.") {
			t.Fatalf("loaded=%v: file holds %q (%v)", loaded, targets(got), err)
		}
	}
}

// TestSaveResultMessageNamesConflicts: the status line names the segments
// whose other version went to the history, so the translator can look.
func TestSaveResultMessageNamesConflicts(t *testing.T) {
	for _, c := range []struct {
		conflicts []int
		want      string
	}{
		{[]int{6}, "1 conflict in segment 7 ("},
		{[]int{2, 7, 11}, "3 conflicts in segments 3, 8 and 12 ("},
		{[]int{0, 1, 2, 3, 4, 5, 6}, "7 conflicts in segments 1, 2, 3, 4, 5 and 2 more ("},
	} {
		r := SaveResult{By: "trad edit", Conflicts: c.conflicts}
		if got := r.Message(); !strings.Contains(got, c.want) {
			t.Errorf("Message() = %q, want it to contain %q", got, c.want)
		}
	}
}
