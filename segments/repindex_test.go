package segments

import (
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

// naiveGroups is the grouping by SourceKey written the slow way.
func naiveGroups(sources []string) [][]int32 {
	out := make([][]int32, len(sources))
	for i := range sources {
		k := SourceKey(sources[i])
		if k == "" {
			continue
		}
		var g []int32
		for j := range sources {
			if SourceKey(sources[j]) == k {
				g = append(g, int32(j))
			}
		}
		if len(g) > 1 {
			out[i] = g
		}
	}
	return out
}

func TestRepIndexGroupsBySourceKey(t *testing.T) {
	words := []string{"Oui.", "Oui. ", " Oui.", "Non.", "Cafe\u0301.", "Café.", "", "  ", "Oui  merci.", "Oui merci."}
	r := rand.New(rand.NewPCG(5, 6))
	for run := range 200 {
		sources := make([]string, r.IntN(40))
		for i := range sources {
			sources[i] = words[r.IntN(len(words))]
		}
		want := naiveGroups(sources)
		idx := buildRepIndex(len(sources), func(i int) string { return sources[i] })
		for i := range sources {
			var got []int32
			if f := idx.first[i]; f >= 0 {
				got = idx.groups[f]
			}
			if !reflect.DeepEqual(got, want[i]) {
				t.Fatalf("run %d: sources %q: group of %d = %v, want %v", run, sources, i, got, want[i])
			}
		}
	}
}

// An index prepared ahead is the one the first confirm would build, and a
// split before it is used makes it be built again on the new segments.
func TestPrepareRepetitions(t *testing.T) {
	text := "Oui, merci. Non. Oui, merci. Bien sûr et encore. Oui, merci.\n\nBien sûr et encore.\n"
	doc, _ := newProject(t, t.TempDir(), text)
	doc.PrepareRepetitions()
	if got := doc.Repetitions(0); !reflect.DeepEqual(got, []int{2, 4}) {
		t.Errorf("prepared: Repetitions(0) = %v, want [2 4]", got)
	}
	doc, _ = newProject(t, t.TempDir(), text)
	doc.PrepareRepetitions()
	// "Bien sûr | et encore." in the first block, and the first two
	// sentences joined: as many segments as before, other sources.
	if err := doc.SplitSegment(3, len("Bien sûr "), time.Now()); err != nil {
		t.Fatal(err)
	}
	if err := doc.MergeNext(0, time.Now()); err != nil {
		t.Fatal(err)
	}
	if got := doc.Repetitions(5); got != nil {
		t.Errorf("after a split: Repetitions(5) = %v, want none (%q)", got, sources(doc))
	}
	if got := doc.Repetitions(1); !reflect.DeepEqual(got, []int{4}) {
		t.Errorf("after a split: Repetitions(1) = %v, want [4] (%q)", got, sources(doc))
	}
}

// BenchmarkConfirmHuge is one confirm on issue 10's 50 MB one-line article
// (549,451 segments, all the same sentence): Confirm and FillRepetitions
// with the editor's limit (10,000 drafts). "cold": the index is built by
// the confirm, as before PrepareRepetitions; "prepared": the editor
// prepared it at start-up (the goal: 50 ms a key).
func BenchmarkConfirmHuge(b *testing.B) {
	base := readHuge(b, "line50MB")
	for _, mode := range []string{"cold", "prepared"} {
		b.Run(mode, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				d := base.Clone()
				d.dropReps()
				if mode == "prepared" {
					d.PrepareRepetitions()
					<-d.repsPending.done
				}
				b.StartTimer()
				d.Confirm(1000, "Europe's digital sovereignty remains a major issue.", OriginTyped, time.Now())
				if got := d.FillRepetitions(1000, time.Now(), 10_000); len(got) != 10_000 {
					b.Fatalf("filled %d", len(got))
				}
			}
			b.ReportMetric(float64(len(base.Segments)), "segments")
		})
	}
}
