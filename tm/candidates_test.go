package tm

import (
	"fmt"
	"math/rand/v2"
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

// TestNeedSharedLongUnits checks the claim needShared's last entry rests
// on: for a query of fewer than 255 tokens, no unit of 255 tokens or more
// reaches the threshold with fewer shared stems than it says.
func TestNeedSharedLongUnits(t *testing.T) {
	sc := &scratch{}
	for _, minScore := range []int{50, 70, 90} {
		for n := 1; n < 255; n += 7 {
			need := int(needShared(sc, n, minScore)[255])
			for mt := 255; mt <= 700; mt += 5 {
				for c := range min(need, 256) { // shared counts past n are clamped
					if s := percent(scoreUpperBound(c, n, mt, 1, 1)); s >= minScore {
						t.Fatalf("n %d, min %d: a unit of %d tokens sharing %d stems may score %d, but need[255] = %d", n, minScore, mt, c, s, need)
					}
				}
			}
		}
	}
}

// TestLookupLongUnitsAgreeWithFullScan compares lookups with a full scan
// on units of 250 to 320 words (past the one-byte length table), with
// both candidate paths.
func TestLookupLongUnitsAgreeWithFullScan(t *testing.T) {
	vocab := strings.Fields("le la les un une des de du et à en pour sur dans avec marché taux croissance pays " +
		"réseau serveur données sécurité plan annonce baisse hausse rapide nouveau ministre Chine France Europe")
	r := rand.New(rand.NewPCG(3, 4))
	words := func(n int) []string {
		w := make([]string, n)
		for i := range w {
			w[i] = vocab[r.IntN(len(vocab))]
		}
		return w
	}
	var units []Unit
	for i := range 60 {
		units = append(units, Unit{Source: strings.Join(words(250+r.IntN(70)), " ") + ".", Target: fmt.Sprint("t", i)})
	}
	m := memOf(units...)
	defer func(v int) { touchedListMin = v }(touchedListMin)
	found := 0
	for round := range 2 {
		touchedListMin = []int{1024, 0}[round]
		for q := range 8 {
			w := strings.Fields(units[r.IntN(len(units))].Source)
			w = w[:100+r.IntN(150)]
			for range 1 + q*3 {
				w[r.IntN(len(w))] = vocab[r.IntN(len(vocab))]
			}
			query := strings.Join(w, " ")
			for _, minScore := range []int{50, 70} {
				want := bruteForce(m, query, Context{}, minScore)
				got := lookupAll(m, query, minScore)
				if !slices.Equal(got, want) {
					t.Fatalf("round %d, query of %d words, min %d: index found %d matches, full scan %d", round, len(w), minScore, len(got), len(want))
				}
				found += len(got)
			}
		}
	}
	if found == 0 {
		t.Fatal("no query found anything: the test compares nothing")
	}
}

// TestCommonStemsAgreeWithFullScan compares lookups with a full scan on a
// memory where a few words are in most units (their stems are counted from
// bitmaps), with units added between lookups so the bitmaps must follow,
// with and without dense scans.
func TestCommonStemsAgreeWithFullScan(t *testing.T) {
	common := strings.Fields("de la le et")
	vocab := strings.Fields("marché taux croissance pays réseau serveur données sécurité plan annonce baisse " +
		"hausse rapide nouveau ministre Chine France Europe gouvernement écoles prix 12 2024")
	r := rand.New(rand.NewPCG(5, 6))
	sentence := func() string {
		var w []string
		for _, c := range common {
			if r.IntN(10) < 7 {
				w = append(w, c)
			}
		}
		for range 2 + r.IntN(8) {
			w = append(w, vocab[r.IntN(len(vocab))])
		}
		r.Shuffle(len(w), func(i, j int) { w[i], w[j] = w[j], w[i] })
		return strings.Join(w, " ")
	}
	defer func(v, p, d int) { touchedListMin, parallelScanMin, denseScanMin = v, p, d }(touchedListMin, parallelScanMin, denseScanMin)
	m := memOf()
	var units []Unit
	assumed, dense, found := 0, 0, 0
	for round := range 12 {
		touchedListMin = []int{1024, 0}[round%2]
		parallelScanMin = []int{1 << 30, 0}[round/2%2]
		denseScanMin = []int{1 << 30, 0}[round/4%2]
		var add []Unit
		for i := range 150 {
			add = append(add, Unit{Source: sentence(), Target: fmt.Sprintf("t%d-%d", round, i), Origin: "c.tmx"})
		}
		m.Add(add...)
		units = append(units, add...)
		for q := range 20 {
			query := sentence()
			if q%2 == 0 {
				w := strings.Fields(units[r.IntN(len(units))].Source)
				w[r.IntN(len(w))] = vocab[r.IntN(len(vocab))]
				query = strings.Join(w, " ")
			}
			for _, minScore := range []int{50, 70} {
				qq := m.newQuery(query, Context{})
				m.mu.RLock()
				pl := m.planScan(m.bindQuery(qq), len(qq.a.toks), minScore)
				assumed += pl.assumed
				if pl.dense {
					dense++
				}
				m.mu.RUnlock()
				want := bruteForce(m, query, Context{}, minScore)
				got := lookupAll(m, query, minScore)
				if !slices.Equal(got, want) {
					t.Fatalf("round %d, query %q, min %d: index found %d matches, full scan %d\nindex: %q\nscan:  %q",
						round, query, minScore, len(got), len(want), got, want)
				}
				found += len(got)
			}
		}
	}
	if assumed == 0 || dense == 0 || found == 0 {
		t.Fatalf("%d common-stem tokens, %d dense scans, %d matches: the test compares nothing", assumed, dense, found)
	}
}

// lookupAll returns every match of query at minScore as bruteForce lists
// them: source, target and score, sorted.
func lookupAll(m *Memory, query string, minScore int) []string {
	var got []string
	for _, g := range m.Lookup(query, Context{}, minScore, m.Len()) {
		got = append(got, fmt.Sprintf("%s\x00%s\x00%d", g.Source, g.Target, g.Score))
	}
	slices.Sort(got)
	return got
}
