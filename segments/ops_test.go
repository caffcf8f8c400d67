package segments

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
)

// opsDoc is a document of one-segment paragraphs with the given sources.
func opsDoc(sources ...string) *Document {
	d := &Document{}
	for i, s := range sources {
		d.Blocks = append(d.Blocks, Block{Kind: KindParagraph, Text: s, First: i, Count: 1})
		d.Segments = append(d.Segments, Segment{Index: i, Block: i, End: len(s), Source: s})
	}
	return d
}

func work(s Segment) string {
	return fmt.Sprintf("%q %s %q note=%q", s.Target, s.Status, s.Origin, s.Note)
}

func TestOperations(t *testing.T) {
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.FixedZone("CET", 3600))
	type step struct {
		op      func(d *Document, now time.Time) bool
		changed bool
		want    string // work of segment 0 afterwards
		history int
	}
	confirm := func(tgt, origin string) func(*Document, time.Time) bool {
		return func(d *Document, now time.Time) bool { return d.Confirm(0, tgt, origin, now) }
	}
	draft := func(tgt, origin string) func(*Document, time.Time) bool {
		return func(d *Document, now time.Time) bool { return d.SetDraft(0, tgt, origin, now) }
	}
	review := func(d *Document, now time.Time) bool { return d.MarkReviewed(0, now) }
	restore := func(d *Document, now time.Time) bool { return d.Restore(0, now) }
	note := func(n string) func(*Document, time.Time) bool {
		return func(d *Document, now time.Time) bool { return d.SetNote(0, n, now) }
	}
	tests := []struct {
		name  string
		steps []step
	}{
		{"confirm typed", []step{
			{confirm("One.", OriginTyped), true, `"One." translated "" note=""`, 0},
			{confirm("One.", OriginTyped), false, `"One." translated "" note=""`, 0},
		}},
		{"memory draft confirmed unchanged keeps its origin", []step{
			{draft("One.", OriginTM), true, `"One." draft "tm" note=""`, 0},
			{confirm("One.", OriginTyped), true, `"One." translated "tm" note=""`, 1},
			{restore, true, `"One." draft "tm" note=""`, 0},
			{restore, false, `"One." draft "tm" note=""`, 0},
		}},
		{"edited text is typed", []step{
			{draft("One.", OriginTM), true, `"One." draft "tm" note=""`, 0},
			{confirm("One!", OriginTyped), true, `"One!" translated "" note=""`, 1},
		}},
		{"reviewed stays reviewed on an unchanged confirm", []step{
			{review, false, `"" new "" note=""`, 0},
			{confirm("One.", OriginTyped), true, `"One." translated "" note=""`, 0},
			{review, true, `"One." reviewed "" note=""`, 1},
			{confirm("One.", OriginTyped), false, `"One." reviewed "" note=""`, 1},
			{confirm("Two.", OriginTyped), true, `"Two." translated "" note=""`, 2},
			{restore, true, `"One." reviewed "" note=""`, 1},
			{restore, true, `"One." translated "" note=""`, 0},
		}},
		{"empty confirm empties the segment", []step{
			{confirm("One.", OriginTyped), true, `"One." translated "" note=""`, 0},
			{confirm("", OriginTM), true, `"" new "" note=""`, 1},
			{draft("", OriginTM), false, `"" new "" note=""`, 1},
			{restore, true, `"One." translated "" note=""`, 0},
		}},
		{"notes do not make history", []step{
			{note("check"), true, `"" new "" note="check"`, 0},
			{note("check"), false, `"" new "" note="check"`, 0},
			// A version with only a note is not worth a history entry.
			{confirm("One.", OriginTyped), true, `"One." translated "" note="check"`, 0},
			{confirm("Two.", OriginTyped), true, `"Two." translated "" note="check"`, 1},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := opsDoc("Un.")
			now := t0
			for k, st := range tt.steps {
				now = now.Add(time.Minute)
				rev, changed := d.Segments[0].Rev, d.Segments[0].Changed
				got := st.op(d, now)
				s := d.Segments[0]
				if got != st.changed || work(s) != st.want || len(s.History) != st.history {
					t.Fatalf("step %d: changed=%v %s history %d, want changed=%v %s history %d",
						k, got, work(s), len(s.History), st.changed, st.want, st.history)
				}
				switch {
				case got && (s.Rev != rev+1 || !s.Changed.Equal(now) || s.Changed.Location() != time.UTC):
					t.Fatalf("step %d: a change must bump Rev (%d → %d) and stamp Changed in UTC (%v)", k, rev, s.Rev, s.Changed)
				case !got && (s.Rev != rev || !s.Changed.Equal(changed)):
					t.Fatalf("step %d: no change must leave Rev and Changed alone", k)
				}
			}
		})
	}
}

func TestHistoryIsBoundedAndKeepsConflicts(t *testing.T) {
	d := opsDoc("Un.")
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	d.Segments[0].History = []Version{{Target: "lost", Status: StatusTranslated, Conflict: true, By: "trad import"}}
	for k := range 3 * HistoryLimit {
		d.Confirm(0, fmt.Sprintf("v%d", k), OriginTyped, now.Add(time.Duration(k)*time.Second))
	}
	h := d.Segments[0].History
	if len(h) != HistoryLimit+1 || !h[0].Conflict || h[0].Target != "lost" {
		t.Fatalf("history of %d, first %+v: want %d plain versions and the conflict kept", len(h), h[0], HistoryLimit)
	}
	if last := h[len(h)-1].Target; last != fmt.Sprintf("v%d", 3*HistoryLimit-2) {
		t.Errorf("last kept version %q", last)
	}
}

func TestHistoryIsNotSharedWithSnapshots(t *testing.T) {
	d := opsDoc("Un.")
	now := time.Now()
	d.Confirm(0, "One.", OriginTyped, now)
	d.Confirm(0, "Two.", OriginTyped, now)
	snap := d.Clone()
	d.Restore(0, now)
	d.Confirm(0, "Three.", OriginTyped, now)
	if got := snap.Segments[0].History; len(got) != 1 || got[0].Target != "One." {
		t.Errorf("the snapshot's history changed: %+v", got)
	}
}

func TestFillRepetitions(t *testing.T) {
	now := time.Now()
	tests := []struct {
		name    string
		sources []string
		prep    func(d *Document)
		limit   int
		want    []int
	}{
		{"fills the empty ones only", []string{"A.", "B.", "A.", "A.", "A."}, func(d *Document) {
			d.Confirm(3, "mine", OriginTyped, now)
			d.SetNote(4, "a note is work", now)
		}, 0, []int{2}},
		{"white space and NFC do not count, case does", []string{"A  b.", "A b.", "a b.", "A\u00a0b."}, nil, 0, []int{1, 3}},
		{"limit", []string{"A.", "A.", "A.", "A."}, nil, 2, []int{1, 2}},
		{"no repetition", []string{"A.", "B."}, nil, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := opsDoc(tt.sources...)
			if tt.prep != nil {
				tt.prep(d)
			}
			d.Confirm(0, "Done.", OriginTyped, now)
			got := d.FillRepetitions(0, now, tt.limit)
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("filled %v, want %v", got, tt.want)
			}
			for _, j := range got {
				if s := d.Segments[j]; work(s) != `"Done." draft "repetition" note=""` || s.Rev != 1 {
					t.Errorf("segment %d: %s rev %d", j, work(s), s.Rev)
				}
			}
		})
	}
	d := opsDoc("A.", "A.")
	if got := d.FillRepetitions(0, now, 0); got != nil {
		t.Errorf("a segment without target filled %v", got)
	}
	if got := d.Repetitions(1); !reflect.DeepEqual(got, []int{0}) {
		t.Errorf("Repetitions(1) = %v", got)
	}
}

// TestFillRepetitionsTags: the same words with other tags are not filled
// (issue 18: a 99 % match, never inserted automatically); with the same
// tags the target's tags are mapped onto the repetition's own codes.
func TestFillRepetitionsTags(t *testing.T) {
	now := time.Now()
	d := mdDoc(t, "Le **chat** dort.\n\nLe chat **dort**.\n\nLe **chat** dort.\n\nLe [chat](https://a) dort.\n\nLe [chat](https://b) dort.\n", "en")
	if len(d.Segments) != 5 {
		t.Fatalf("%d segments", len(d.Segments))
	}
	tags := []Tag{{At: 4, ID: d.Segments[0].SourceTags[0].ID, Kind: TagOpen}, {At: 7, ID: d.Segments[0].SourceTags[1].ID, Kind: TagClose}}
	d.ConfirmTagged(0, "The cat sleeps.", tags, OriginTyped, now)
	if got := d.FillRepetitions(0, now, 0); !reflect.DeepEqual(got, []int{2}) {
		t.Fatalf("filled %v, want [2] (1 has bold elsewhere)", got)
	}
	if got := d.Blocks[2].TargetLabels(&d.Segments[2]); got != "The ‹b1›cat‹/b1› sleeps." {
		t.Errorf("filled target %q", got)
	}
	d.Confirm(3, "The cat sleeps.", OriginTyped, now)
	if got := d.FillRepetitions(3, now, 0); got != nil {
		t.Errorf("a link to another address was filled: %v", got)
	}
}

// BenchmarkFillRepetitions is issue 10's case: one confirm on an article of
// n identical paragraphs fills the n-1 others. Cost and memory must grow
// linearly (the editor used to peak at 2.6 GB for a million).
func BenchmarkFillRepetitions(b *testing.B) {
	sizes := []int{10_000, 100_000}
	if os.Getenv("TRAD_BENCH_1M") != "" {
		sizes = append(sizes, 1_000_000) // the case; ~0.5 GB of document
	}
	for _, n := range sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			src := strings.TrimSpace(strings.Repeat("Le même paragraphe, encore. ", 3))
			sources := make([]string, n)
			for i := range sources {
				sources[i] = src
			}
			base := opsDoc(sources...)
			now := time.Now()
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				b.StopTimer()
				d := base.Clone()
				b.StartTimer()
				d.Confirm(0, "The same paragraph.", OriginTyped, now)
				if got := d.FillRepetitions(0, now, 0); len(got) != n-1 {
					b.Fatalf("filled %d", len(got))
				}
			}
		})
	}
}

// TestFillRepetitionsUndoBefore: the segments returned as they were are
// the filled ones, one for one, even past a limit and with repetitions
// that have work in between (the editor's U wrote an empty segment back
// when it collected them itself).
func TestFillRepetitionsUndoBefore(t *testing.T) {
	now := time.Now()
	var segs []Segment
	for k := 0; k < 12; k++ {
		segs = append(segs, Segment{Index: k, Source: "Même phrase.", Block: -1})
	}
	d := &Document{Segments: segs}
	for _, k := range []int{0, 1, 2, 5} {
		d.Update(k, "Same sentence.", StatusTranslated, "", now)
	}
	filled, before := d.FillRepetitionsUndo(0, now, 4)
	if len(filled) != 4 || len(before) != 4 {
		t.Fatalf("filled %v, %d before", filled, len(before))
	}
	for k, j := range filled {
		if before[k].Source != "Même phrase." || before[k].Target != "" || before[k].Index != j {
			t.Errorf("before[%d] for segment %d: %+v", k, j, before[k])
		}
	}
}
