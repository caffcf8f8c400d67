package tm

import (
	"math/rand/v2"
	"testing"
)

// stemLevenshtein is the plain dynamic programme the bit-parallel
// distance must equal.
func stemLevenshtein(a, b []tid) int {
	row := make([]int, len(b)+1)
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= len(a); i++ {
		diag := row[0]
		row[0] = i
		for j := 1; j <= len(b); j++ {
			c := 1
			if a[i-1].stem == b[j-1].stem && a[i-1].stem != 0 {
				c = 0
			}
			diag, row[j] = row[j], min(diag+c, row[j]+1, row[j-1]+1)
		}
	}
	return row[len(b)]
}

func TestStemPatternDistance(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	seq := func(n, alphabet int) []tid {
		s := make([]tid, n)
		for i := range s {
			st := 1 + uint32(r.IntN(alphabet)) // 0 is "not in the memory"
			s[i] = tid{fold: st*3 + uint32(r.IntN(2)), stem: st}
		}
		return s
	}
	var p stemPattern
	row := make([]int, 200)
	for i := range 3000 {
		n := 1 + r.IntN(64)
		if i%10 == 0 {
			n = 64
		}
		alphabet := 2 + r.IntN(30)
		a, b := seq(n, alphabet), seq(r.IntN(90), alphabet)
		p.set(a, alphabet+1)
		want := stemLevenshtein(a, b)
		if got := p.distance(b); got != want {
			t.Fatalf("distance(%v, %v) = %d, want %d", a, b, got, want)
		}
		if wd := wordDistance(a, b, row); costWord*want > wd {
			t.Fatalf("bound %d above the word distance %d", costWord*want, wd)
		}
	}
	p.set(make([]tid, 65), 1)
	if p.n != 0 {
		t.Error("a 65-word query gets a pattern")
	}
}
