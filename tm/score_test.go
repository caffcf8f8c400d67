package tm

import (
	"math/rand/v2"
	"testing"
)

func levenshtein(a, b []rune) int {
	row := make([]int, len(b)+1)
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= len(a); i++ {
		diag := row[0]
		row[0] = i
		for j := 1; j <= len(b); j++ {
			best := diag
			if a[i-1] != b[j-1] {
				best++
			}
			best = min(best, row[j]+1, row[j-1]+1)
			diag, row[j] = row[j], best
		}
	}
	return row[len(b)]
}

// TestBoundedLevenshtein checks the banded distance against the full one
// on random strings over a small alphabet: equal when within the bound,
// above the bound otherwise.
func TestBoundedLevenshtein(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	word := func() []rune {
		w := make([]rune, r.IntN(12))
		for i := range w {
			w[i] = rune('a' + r.IntN(3))
		}
		return w
	}
	var row []int
	for range 20000 {
		a, b := word(), word()
		k := r.IntN(10)
		full := levenshtein(a, b)
		got := boundedLevenshtein(a, b, k, &row)
		if (full <= k && got != full) || (full > k && got <= k) {
			t.Fatalf("boundedLevenshtein(%q, %q, %d) = %d, full distance %d", string(a), string(b), k, got, full)
		}
	}
}

func TestBoundedWordDistance(t *testing.T) {
	w := func(ids ...uint32) []tid {
		out := make([]tid, len(ids))
		for i, id := range ids {
			out[i] = tid{fold: id, stem: id / 10 * 10}
		}
		return out
	}
	seqs := [][]tid{w(), w(1), w(1, 2, 3), w(1, 2, 3, 4, 5, 6), w(2, 1, 3), w(11, 12, 13, 14, 15, 16), w(1, 12, 3, 40, 5), w(7, 7, 7, 7, 7, 7, 7, 7, 7)}
	row := make([]int, 32)
	for _, a := range seqs {
		for _, b := range seqs {
			full := wordDistance(a, b, row)
			for k := 0; k <= 40; k++ {
				got := boundedWordDistance(a, b, k, row)
				if full <= k && got != full || full > k && got <= k {
					t.Errorf("bounded(%v, %v, k=%d) = %d, full distance %d", a, b, k, got, full)
				}
			}
		}
	}
}

func TestNeedShared(t *testing.T) {
	sc := &scratch{}
	for n := 0; n <= 40; n++ {
		for _, minScore := range []int{1, 50, 70, 90, 100} {
			need := needShared(sc, n, minScore)
			for mt := range len(need) - 1 {
				want := 0
				for ; want <= min(n, mt); want++ {
					if percent(scoreUpperBound(want, n, mt, 1, 1)) >= minScore {
						break
					}
				}
				if want > min(n, mt) {
					want = needNever // no unit of this length qualifies
				}
				if int(need[mt]) != want {
					t.Fatalf("n %d, min %d, unit of %d words: need %d, want %d", n, minScore, mt, need[mt], want)
				}
			}
		}
	}
}
