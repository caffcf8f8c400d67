package segments

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"regexp"
	"slices"
	"testing"
	"time"
)

// baseArticle has repeated sentences, several blocks and inline codes
// (source tags: a record without work).
const baseArticle = "# Un **titre** ici\n\nUn deux trois. Quatre *cinq* six. Oui, merci. Oui, merci.\n\n" +
	"Sept huit neuf. Dix onze.\n\n- Douze treize. Quatorze.\n- Quinze seize.\n"

// randomVersion reads baseArticle and plays n random operations on it:
// confirms, notes, splits and merges.
func randomVersion(t *testing.T, r *rand.Rand, n int) *Document {
	t.Helper()
	doc, _ := newProject(t, t.TempDir(), baseArticle)
	t1 := time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)
	for k := range n {
		i := r.IntN(len(doc.Segments))
		now := t1.Add(time.Duration(k) * time.Second)
		switch r.IntN(4) {
		case 0:
			doc.Confirm(i, fmt.Sprintf("T%d.", k), OriginTyped, now)
		case 1:
			doc.SetNote(i, fmt.Sprintf("note %d", k), now)
		case 2:
			if p, ok := NearestSplit(doc.Segments[i].Source, len(doc.Segments[i].Source)/2); ok {
				_ = doc.SplitSegment(i, p, now)
			}
		case 3:
			_ = doc.MergeNext(i, now)
		}
		doc.Segments[i].Rev += uint64(k) // any value: a base keeps them apart
	}
	return doc
}

// A segBase stands for the whole segment array it was taken from, while
// holding a copy of only the segments that need a record.
func TestSegBaseHoldsTheSegments(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for run := range 60 {
		doc := randomVersion(t, r, run%12)
		b := newSegBase(doc, slices.Clone(doc.Blocks), true)
		want := slices.Clone(doc.Segments)
		records := 0
		for i := range want {
			if b.rev(i) != want[i].Rev {
				t.Fatalf("run %d: segment %d: rev %d, want %d", run, i, b.rev(i), want[i].Rev)
			}
			want[i].Rev = 0
			if needsRecord(&want[i]) {
				records++
			}
		}
		got := b.segments()
		for i := range got {
			got[i].Rev = 0
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("run %d: segments differ:\n got %+v\nwant %+v", run, got, want)
		}
		if len(b.recs) != records {
			t.Errorf("run %d: %d records, want %d (the segments with work or tags)", run, len(b.recs), records)
		}
		if !b.sameSegmentation(doc) {
			t.Errorf("run %d: not the document's segmentation", run)
		}
	}
}

// alignWhole is what the merge did before bases were compact: the whole
// array brought to doc's segmentation, every block projected (see
// projectBlock). alignBase must give the same segments.
func alignWhole(doc *Document, segs []Segment) []Segment {
	out := slices.Clone(doc.Segments)
	k := 0
	for bi, b := range doc.Blocks {
		for k < len(segs) && segs[k].Block < bi {
			k++
		}
		lo := k
		for k < len(segs) && segs[k].Block == bi {
			k++
		}
		projectBlock(out[b.First:b.First+b.Count], segs[lo:k], Joiner(doc.TargetLang))
	}
	return out
}

func TestAlignBaseProjectsLikeWholeArrays(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for run := range 80 {
		doc, other := randomVersion(t, r, run%10), randomVersion(t, r, run%7)
		b := newSegBase(other, slices.Clone(other.Blocks), false)
		want := alignWhole(doc, other.Segments)
		got := alignBase(doc, b, slices.Clone(doc.Blocks)).segments()
		for i := range want {
			// projectBlock bumps a Rev it moves work to; bases keep none.
			want[i].Rev, got[i].Rev = 0, 0
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("run %d: aligned segments differ:\n got %+v\nwant %+v", run, got, want)
		}
	}
}

// A save keeps what the caller handed in and what it wrote as one compact
// base, whose records are the segments with work only: the Store's memory
// grows with the work, not with the article.
func TestStoreBaseHoldsOnlyWork(t *testing.T) {
	dir := t.TempDir()
	doc, pp := newProject(t, dir, baseArticle)
	st := NewStore(pp, "a")
	st.adopt(doc)
	doc.Confirm(2, "Trois.", OriginTyped, when)
	mustSave(t, st, doc)
	if st.mine.len() != len(doc.Segments) || st.file.base != st.mine {
		t.Fatalf("after a save: base of %d segments (document %d), file base shared: %v",
			st.mine.len(), len(doc.Segments), st.file.base == st.mine)
	}
	worked := 0
	for i := range doc.Segments {
		if needsRecord(&doc.Segments[i]) {
			worked++
		}
	}
	if len(st.mine.recs) != worked || st.mine.withRevs || st.file.doc.Segments != nil {
		t.Errorf("base holds %d records (want %d), revs %v, file segments %d",
			len(st.mine.recs), worked, st.mine.withRevs, len(st.file.doc.Segments))
	}
	// Loading shares the file's base as the caller's, and the caller's
	// document is not a copy of the base: changing it leaves the base.
	st2 := NewStore(pp, "b")
	doc2, _, err := st2.Load()
	if err != nil {
		t.Fatal(err)
	}
	if st2.mine != st2.file.base {
		t.Error("after Load the caller's base is not the file's")
	}
	doc2.Confirm(3, "Quatre.", OriginTyped, when)
	if c := st2.mine.cursor(); c.at(3, doc2.Segments[3].Source).Target != "" {
		t.Error("the base changed with the caller's document")
	}
}

// needsRecord names Segment's fields; reflection tells which fields a
// Segment has: each one set alone must count, but the place and Rev.
func TestNeedsRecordSeesEveryField(t *testing.T) {
	place := map[string]bool{"Index": true, "Block": true, "Start": true, "End": true, "Source": true, "Rev": true}
	typ := reflect.TypeFor[Segment]()
	for f := range typ.NumField() {
		var s Segment
		v := reflect.ValueOf(&s).Elem().Field(f)
		switch v.Kind() {
		case reflect.String:
			v.SetString("x")
		case reflect.Int, reflect.Int64:
			v.SetInt(1)
		case reflect.Uint64:
			v.SetUint(1)
		case reflect.Bool:
			v.SetBool(true)
		case reflect.Slice:
			v.Set(reflect.MakeSlice(v.Type(), 0, 0))
		case reflect.Pointer:
			v.Set(reflect.New(v.Type().Elem()))
		case reflect.Struct:
			if v.Type() != reflect.TypeFor[time.Time]() {
				t.Fatalf("field %s: type %s not covered by this test", typ.Field(f).Name, v.Type())
			}
			v.Set(reflect.ValueOf(when))
		default:
			t.Fatalf("field %s: kind %s not covered by this test", typ.Field(f).Name, v.Kind())
		}
		if got, want := needsRecord(&s), !place[typ.Field(f).Name]; got != want {
			t.Errorf("only %s set: needsRecord %v, want %v", typ.Field(f).Name, got, want)
		}
	}
	if needsRecord(&Segment{Index: 3, Block: 1, Start: 2, End: 9, Source: "abc", Rev: 4}) {
		t.Error("a segment with only its place needs a record")
	}
}

// saveLikeEditor saves a snapshot of live through st as the editor does,
// and brings what came in into live.
func saveLikeEditor(t *testing.T, st *Store, live *Document) SaveResult {
	t.Helper()
	res, saved, err := st.SaveSnapshot(live.Snapshot())
	if err != nil {
		t.Fatal(err)
	}
	if res.Merged() && saved == nil {
		t.Fatalf("merged %v, saved document %v", res.Merged(), saved != nil)
	}
	if saved != nil {
		live.ApplySaved(saved, res)
	}
	return res
}

// savedAt is the header line that differs between two saves of the same
// content.
var savedAt = regexp.MustCompile(`"saved": "[^"]*"`)

// SaveSnapshot writes what Save writes, on the same history of edits,
// saves and other processes' saves: the quiet path (no whole document) and
// the one that makes the document agree byte for byte.
func TestSaveSnapshotWritesWhatSaveWrites(t *testing.T) {
	quiet, slow := 0, 0
	for seed := range uint64(15) {
		files := [2][]byte{}
		for way := range 2 {
			r := rand.New(rand.NewPCG(seed, 9))
			dir := t.TempDir()
			live, pp := newProject(t, dir, baseArticle)
			ed := NewStore(pp, "trad edit")
			ed.adopt(live)
			t1 := time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)
			for k := range 30 {
				now := t1.Add(time.Duration(k) * time.Second)
				i := r.IntN(len(live.Segments))
				switch op := r.IntN(10); {
				case op < 4:
					live.Confirm(i, fmt.Sprintf("E%d.", k), OriginTyped, now)
				case op == 4:
					live.SetNote(i, fmt.Sprintf("n%d", k), now)
				case op == 5:
					if p, ok := NearestSplit(live.Segments[i].Source, len(live.Segments[i].Source)/2); ok {
						_ = live.SplitSegment(i, p, now)
					}
				case op == 7 && k%3 == 0:
					// Versions out of order (clocks of two machines): a
					// merge sorts them, quiet or not.
					s := &live.Segments[i]
					s.History = []Version{{Target: fmt.Sprintf("late%d", k), Changed: now}, {Target: "early", Changed: t1}}
					s.Rev++
				case op == 6:
					// Another process confirms one segment.
					other := NewStore(pp, "trad import")
					od, _, err := other.Load()
					if err != nil {
						continue // no file yet
					}
					od.Confirm(r.IntN(len(od.Segments)), fmt.Sprintf("O%d.", k), OriginImport, now)
					mustSave(t, other, od)
				default:
					if way == 0 {
						snap := live.Clone()
						res := mustSave(t, ed, snap)
						live.ApplySaved(snap, res)
						continue
					}
					fi, _ := os.Stat(pp)
					if ed.file.same(fi) && ed.quiet(live.Snapshot()) {
						quiet++
					} else {
						slow++
					}
					saveLikeEditor(t, ed, live)
				}
			}
			data, err := os.ReadFile(pp)
			if err != nil {
				t.Fatal(err)
			}
			files[way] = savedAt.ReplaceAll(data, nil)
		}
		if !bytes.Equal(files[0], files[1]) {
			t.Fatalf("seed %d: the files differ:\nSave:\n%s\nSaveSnapshot:\n%s", seed, files[0], files[1])
		}
	}
	if quiet < 30 || slow < 20 {
		t.Errorf("%d quiet saves, %d others: the history does not try both ways", quiet, slow)
	}
	t.Logf("%d quiet saves, %d others", quiet, slow)
}
