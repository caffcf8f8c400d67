package segments

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"
)

// snapshotDiff returns how a snapshot of d differs from one read from
// every segment ("" when equal): what an incremental snapshot (snapTrack)
// left out or kept stale.
func snapshotDiff(d *Document) string {
	sn := d.Snapshot()
	got := sn.segs
	want := newSegBase(d, slices.Clone(d.Blocks), true)
	switch {
	case !reflect.DeepEqual(sn.doc.Blocks, d.Blocks) || !reflect.DeepEqual(got.blocks, d.Blocks):
		return "blocks differ"
	case len(d.Blocks) > 0 && &sn.doc.Blocks[0] == &d.Blocks[0]:
		return "the snapshot shares the live blocks"
	case !slices.Equal(got.spans, want.spans):
		return "spans differ"
	case !slices.Equal(got.revs, want.revs):
		return fmt.Sprintf("revs %v, want %v", got.revs, want.revs)
	case len(got.recs) != len(want.recs):
		return fmt.Sprintf("%d records, want %d", len(got.recs), len(want.recs))
	}
	for k := range got.recs {
		if !reflect.DeepEqual(got.recs[k], want.recs[k]) {
			return fmt.Sprintf("record of segment %d:\n got %+v\nwant %+v", want.recs[k].Index, got.recs[k], want.recs[k])
		}
	}
	return ""
}

// TestSnapshotHasEveryChange plays random edits through every mutator of
// a segment (update, note, status, MT, split, merge, undo of a merge, QA
// ignore, history, undo, repetitions, markers, another process's work
// merged in by a Save or brought in by ApplySaved after the editor's) and checks after each burst that the snapshot,
// built from the last one and the segments changed since, is the one read
// from the whole document.
func TestSnapshotHasEveryChange(t *testing.T) {
	t1 := time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)
	incremental := 0
	for seed := range uint64(40) {
		r := rand.New(rand.NewPCG(seed, 17))
		dir := t.TempDir()
		live, pp := newProject(t, dir, baseArticle)
		st := NewStore(pp, "trad edit")
		st.adopt(live)
		if seed%2 == 1 {
			// A project reopened: its first snapshot builds on the base
			// the Store loaded (trackLoaded), not on a read of it all.
			for k := range 8 {
				playMutator(t, r, live, st, pp, r.IntN(len(live.Segments)), k, t1)
			}
			mustSave(t, st, live)
			var err error
			st = NewStore(pp, "trad edit")
			if live, _, err = st.Load(); err != nil {
				t.Fatal(err)
			}
			if !live.snaps.valid(live) {
				t.Fatalf("seed %d: a loaded project is not prepared for snapshots", seed)
			}
		}
		if d := snapshotDiff(live); d != "" {
			t.Fatalf("seed %d, first snapshot: %s", seed, d)
		}
		var prev *Snapshot
		var prevBlocks []Block
		for k := range 60 {
			now := t1.Add(time.Duration(k) * time.Second)
			i := r.IntN(len(live.Segments))
			what := playMutator(t, r, live, st, pp, i, k, now)
			if r.IntN(3) > 0 {
				continue // let changes pile up between snapshots
			}
			if live.snaps.valid(live) {
				incremental++
			}
			if d := snapshotDiff(live); d != "" {
				t.Fatalf("seed %d, step %d (%s on %d): %s", seed, k, what, i, d)
			}
			// An earlier snapshot (a save may still be writing it) keeps
			// the blocks it was taken with.
			if prev != nil && !reflect.DeepEqual(prev.doc.Blocks, prevBlocks) {
				t.Fatalf("seed %d, step %d (%s on %d): an earlier snapshot's blocks changed", seed, k, what, i)
			}
			prev = live.Snapshot()
			prevBlocks = deepBlocks(prev.doc.Blocks)
		}
	}
	if incremental == 0 {
		t.Fatal("no snapshot was built from the last one")
	}
}

// deepBlocks copies blocks and what their slices hold.
func deepBlocks(blocks []Block) []Block {
	out := slices.Clone(blocks)
	for i := range out {
		out[i].Codes = slices.Clone(out[i].Codes)
		out[i].Overrides = slices.Clone(out[i].Overrides)
	}
	return out
}

// playMutator changes live through one mutator, chosen at random, and
// says which.
func playMutator(t *testing.T, r *rand.Rand, live *Document, st *Store, pp string, i, k int, now time.Time) string {
	s := &live.Segments[i]
	switch op := r.IntN(16); op {
	case 0, 1:
		live.Confirm(i, fmt.Sprintf("E%d.", k), OriginTyped, now)
		return "confirm"
	case 2:
		live.SetDraft(i, fmt.Sprintf("D%d.", k), OriginTM, now)
		return "draft"
	case 3:
		live.SetMTDraft(i, fmt.Sprintf("M%d.", k), "apertium", now)
		return "mt draft"
	case 4:
		live.ConfirmMT(i, s.Target, fmt.Sprintf("engine%d", k), now)
		return "confirm mt"
	case 5:
		live.MarkReviewed(i, now)
		return "review"
	case 6:
		live.SetNote(i, fmt.Sprintf("n%d", k), now)
		return "note"
	case 7:
		live.ReplaceNote(i, fmt.Sprintf("r%d", k), now)
		return "replace note"
	case 8:
		live.Restore(i, now)
		return "undo"
	case 9:
		if s.IgnoreQA("length", fmt.Sprint(k%3), "me", now) || s.UnignoreQA("length", fmt.Sprint((k+1)%3)) {
			live.MarkChanged(i)
		}
		return "qa ignore"
	case 10:
		if p, ok := NearestSplit(s.Source, len(s.Source)/2); ok {
			_ = live.SplitSegment(i, p, now)
		}
		return "split"
	case 11:
		_ = live.MergeNext(i, now)
		return "merge"
	case 12:
		_ = live.UndoMerge(i, now)
		return "undo merge"
	case 13:
		live.Confirm(i, "Oui.", OriginTyped, now)
		live.FillRepetitions(i, now, 0)
		return "repetitions"
	case 14:
		// Another process confirms a segment; the editor's save merges it
		// into the live document in place.
		other := NewStore(pp, "trad import")
		if od, _, err := other.Load(); err == nil {
			od.Confirm(r.IntN(len(od.Segments)), fmt.Sprintf("O%d.", k), OriginImport, now)
			mustSave(t, other, od)
		}
		if k%2 == 0 {
			mustSave(t, st, live) // merges in place
			return "save with another process's work"
		}
		saveLikeEditor(t, st, live) // ApplySaved
		return "editor's save with another process's work"
	default:
		live.Update(i, "DE: "+s.Source, StatusTranslated, OriginTyped, now)
		live.CleanMarkers(now)
		return "markers"
	}
}

// TestSnapshotNeedsMarkChanged: a segment written in place without
// MarkChanged is what an incremental snapshot cannot see (the comparison
// above would catch a mutator that forgot it); with it, it is seen.
func TestSnapshotNeedsMarkChanged(t *testing.T) {
	live, _ := newProject(t, t.TempDir(), baseArticle)
	live.Snapshot()
	live.Segments[3].Note = "written in place"
	if snapshotDiff(live) == "" {
		t.Fatal("an unmarked write in place was seen: the snapshot is not incremental")
	}
	live.MarkChanged(3)
	live.Segments[4].Note = "written in place"
	live.MarkChanged(4)
	if d := snapshotDiff(live); d != "" {
		t.Fatal(d)
	}
}
