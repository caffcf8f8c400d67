package tm

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// Queries of more than 255 words count shared stems in two bytes, the
// others in one, and units of more than 255 words have a saturated short
// length: the index still finds what a full scan finds.
func TestCandidatesLongTexts(t *testing.T) {
	words := func(n, seed int) string {
		w := make([]string, n)
		for i := range w {
			w[i] = fmt.Sprintf("mot%d", (i*7+seed)%(n/2+3))
		}
		return strings.Join(w, " ") + "."
	}
	m := newTestMemory()
	for _, n := range []int{200, 254, 255, 256, 300, 600} {
		m.Add(Unit{Source: words(n, 0), Target: fmt.Sprintf("EN %d", n), Origin: "a"})
		m.Add(Unit{Source: words(n, 1), Target: fmt.Sprintf("EN %d bis", n), Origin: "a"})
	}
	for _, n := range []int{200, 255, 256, 300, 600} {
		for _, q := range []string{words(n, 0), strings.Replace(words(n, 0), "mot3 ", "autre ", 1)} {
			var got []string
			for _, mt := range m.Lookup(q, Context{}, 50, 100) {
				got = append(got, mt.Source+"\x00"+mt.Target+"\x00"+fmt.Sprint(mt.Score))
			}
			slices.Sort(got)
			want := bruteForce(m, q, Context{}, 50)
			if !slices.Equal(got, want) || len(got) == 0 {
				t.Errorf("%d words: %d matches, full scan %d", n, len(got), len(want))
			}
		}
	}
}
