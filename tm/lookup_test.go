package tm

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
)

func memOf(units ...Unit) *Memory {
	m := newTestMemory()
	for i := range units {
		if units[i].Origin == "" {
			units[i].Origin = "test.tmx"
		}
	}
	m.Add(units...)
	return m
}

func TestScoring(t *testing.T) {
	tests := []struct {
		name       string
		unit       Unit
		query      string
		ctx        Context
		lo, hi     int // wanted score range, inclusive; lo 0 = no match
		wantTarget string
		subst      bool
	}{
		{name: "identical",
			unit:  Unit{Source: "La Chine a annoncé un nouveau plan.", Target: "China announced a new plan."},
			query: "La Chine a annoncé un nouveau plan.", lo: 100, hi: 100},
		{name: "identical up to white space",
			unit:  Unit{Source: "La Chine a annoncé un nouveau plan.", Target: "China announced a new plan."},
			query: "La Chine a  annoncé un nouveau plan. ", lo: 100, hi: 100},
		{name: "context match",
			unit:  Unit{Source: "Oui.", Target: "Yes.", Prev: "Viendrez-vous ?", Next: "", HasContext: true},
			query: "Oui.", ctx: Context{Prev: "Viendrez-vous ?"}, lo: 101, hi: 101},
		{name: "same source, other neighbours",
			unit:  Unit{Source: "Oui.", Target: "Yes.", Prev: "Viendrez-vous ?", HasContext: true},
			query: "Oui.", ctx: Context{Prev: "Autre chose."}, lo: 100, hi: 100},
		{name: "unit without context never makes 101",
			unit:  Unit{Source: "Oui.", Target: "Yes."},
			query: "Oui.", lo: 100, hi: 100},
		{name: "case only",
			unit:  Unit{Source: "la chine a annoncé un nouveau plan.", Target: "China announced a new plan."},
			query: "La Chine a annoncé un nouveau plan.", lo: 99, hi: 99},
		{name: "one word changed",
			unit:  Unit{Source: "La Chine a annoncé un nouveau plan quinquennal.", Target: "China announced a new five-year plan."},
			query: "La Chine a présenté un nouveau plan quinquennal.", lo: 80, hi: 92},
		{name: "word order",
			unit:  Unit{Source: "Les marchés ont reculé hier.", Target: "Markets fell yesterday."},
			query: "Hier, les marchés ont reculé.", lo: 50, hi: 80},
		{name: "word order, long move scores low (edit distance has no transposition)",
			unit:  Unit{Source: "Les marchés ont reculé hier à Paris.", Target: "Markets fell yesterday in Paris."},
			query: "Hier à Paris les marchés ont reculé.", lo: 0},
		{name: "inflection",
			unit:  Unit{Source: "Le nouveau processeur est rapide.", Target: "The new processor is fast."},
			query: "Les nouveaux processeurs sont rapides.", lo: 60, hi: 90},
		{name: "elision",
			unit:  Unit{Source: "L’ordinateur est lent.", Target: "The computer is slow."},
			query: "l'ordinateur est lent.", lo: 90, hi: 99},
		{name: "short segment, one letter",
			unit:  Unit{Source: "Conclusion", Target: "Conclusion"},
			query: "Conclusions", lo: 70, hi: 99},
		{name: "short segment, other word",
			unit:  Unit{Source: "Bonjour", Target: "Hello"},
			query: "Bonsoir", lo: 0},
		{name: "two-word segment, one changed",
			unit:  Unit{Source: "Première partie", Target: "Part one"},
			query: "Deuxième partie", lo: 50, hi: 75},
		{name: "numbers only",
			unit:  Unit{Source: "Le taux est de 3,5 %.", Target: "The rate is 3.5%."},
			query: "Le taux est de 4,2 %.", lo: 99, hi: 99, wantTarget: "The rate is 4.2%.", subst: true},
		{name: "numbers and a word",
			unit:  Unit{Source: "Le taux est de 3,5 %.", Target: "The rate is 3.5%."},
			query: "Le taux était de 4,2 %.", lo: 60, hi: 95, wantTarget: "The rate is 3.5%."},
		{name: "number absent from target",
			unit:  Unit{Source: "Il y a 3 pays.", Target: "There are three countries."},
			query: "Il y a 4 pays.", lo: 70, hi: 98, wantTarget: "There are three countries."},
		{name: "unrelated",
			unit:  Unit{Source: "Le gouvernement a démissionné.", Target: "The government resigned."},
			query: "Les serveurs sont tombés en panne.", lo: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := memOf(tt.unit)
			got := m.Lookup(tt.query, tt.ctx, 0, 3)
			if tt.lo == 0 {
				if len(got) != 0 {
					t.Fatalf("Lookup(%q) = %+v, want no match", tt.query, got)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("Lookup(%q) gave %d matches, want 1", tt.query, len(got))
			}
			g := got[0]
			if g.Score < tt.lo || g.Score > tt.hi {
				t.Errorf("score %d, want %d–%d", g.Score, tt.lo, tt.hi)
			}
			if g.Context != (g.Score == 101) {
				t.Errorf("Context = %v with score %d", g.Context, g.Score)
			}
			want := tt.wantTarget
			if want == "" {
				want = tt.unit.Target
			}
			if g.Target != want || g.NumbersSubstituted != tt.subst {
				t.Errorf("target %q (substituted %v), want %q (%v)", g.Target, g.NumbersSubstituted, want, tt.subst)
			}
			if g.Origin != "test.tmx" {
				t.Errorf("origin %q", g.Origin)
			}
		})
	}
}

func TestLookupOrderAndLimits(t *testing.T) {
	m := memOf(
		Unit{Source: "Le marché a reculé de façon nette.", Target: "A"},
		Unit{Source: "Le marché a reculé.", Target: "B"},
		Unit{Source: "Le marché a progressé.", Target: "C"},
		Unit{Source: "Le marché a reculé.", Target: "B", Origin: "other.tmx"}, // same pair: one match
		Unit{Source: "Rien à voir avec ça.", Target: "D"},
	)
	got := m.Lookup("Le marché a reculé.", Context{}, 0, 10)
	var tg []string
	for i, g := range got {
		tg = append(tg, g.Target)
		if i > 0 && g.Score > got[i-1].Score {
			t.Errorf("matches not sorted by score: %d after %d", g.Score, got[i-1].Score)
		}
	}
	if strings.Join(tg, "") != "BCA" && strings.Join(tg, "") != "BAC" {
		t.Errorf("targets %q, want B first, then A and C, no duplicate, no D", tg)
	}
	if got := m.Lookup("Le marché a reculé.", Context{}, 0, 1); len(got) != 1 || got[0].Target != "B" {
		t.Errorf("max 1: %+v", got)
	}
	if got := m.Lookup("Le marché a reculé.", Context{}, 100, 5); len(got) != 1 {
		t.Errorf("min 100 gave %d matches, want 1", len(got))
	}
	if got := m.Lookup("", Context{}, 0, 5); len(got) != 0 {
		t.Errorf("empty query gave %+v", got)
	}
}

func TestAddReplacesConfirmedAgain(t *testing.T) {
	m := memOf()
	u := Unit{Source: "Bonjour.", Target: "Hello.", Origin: "p.trad.json", Prev: "", Next: "Ça va ?", HasContext: true}
	m.Add(u)
	u.Target = "Good morning."
	m.Add(u)
	if m.Len() != 1 {
		t.Fatalf("Len = %d after confirming the same segment twice, want 1", m.Len())
	}
	got := m.Lookup("Bonjour.", Context{Next: "Ça va ?"}, 0, 3)
	if len(got) != 1 || got[0].Target != "Good morning." || got[0].Score != 101 {
		t.Errorf("got %+v", got)
	}
}

func TestDiff(t *testing.T) {
	m := memOf(Unit{Source: "La Chine a annoncé un plan.", Target: "China announced a plan."})
	q := "La Chine a présenté un grand plan."
	got := m.Lookup(q, Context{}, 0, 1)
	if len(got) != 1 {
		t.Fatalf("no match")
	}
	src := got[0].Source
	var b strings.Builder
	for _, d := range got[0].Diff {
		switch d.Kind {
		case DiffEqual:
			if q[d.QStart:d.QEnd] != src[d.MStart:d.MEnd] {
				t.Errorf("equal run %q vs %q", q[d.QStart:d.QEnd], src[d.MStart:d.MEnd])
			}
			fmt.Fprintf(&b, "=%s ", q[d.QStart:d.QEnd])
		case DiffInsert:
			fmt.Fprintf(&b, "+%s ", q[d.QStart:d.QEnd])
		case DiffDelete:
			fmt.Fprintf(&b, "-%s ", src[d.MStart:d.MEnd])
		}
	}
	want := "=La Chine a -annoncé +présenté =un +grand =plan "
	if b.String() != want {
		t.Errorf("diff %q, want %q", b.String(), want)
	}
}

// bruteForce scores every unit of m against q, as a memory without an index
// would, and returns the (source, target, score) of each distinct pair
// scoring at least min.
func bruteForce(m *Memory, q string, ctx Context, minScore int) []string {
	qq := m.newQuery(q, ctx)
	m.mu.RLock()
	defer m.mu.RUnlock()
	m.bindQuery(qq)
	best := map[string]int{}
	sc := &scratch{row: make([]int, 64)}
	for i := range m.count {
		f, ok := m.score(sc, m.entry(uint32(i)), qq, minScore)
		if ok {
			k := f.src + "\x00" + f.target
			best[k] = max(best[k], f.score)
		}
	}
	var out []string
	for k, s := range best {
		out = append(out, fmt.Sprintf("%s\x00%d", k, s))
	}
	slices.Sort(out)
	return out
}

// TestIndexAgreesWithFullScan checks on random memories that the index
// finds every unit a full scan scores at or above the threshold.
func TestIndexAgreesWithFullScan(t *testing.T) {
	vocab := strings.Fields("le la les un une des de du et à en pour sur dans avec marché marchés taux " +
		"croissance pays gouvernement réseau réseaux serveur serveurs données sécurité plan plans " +
		"annonce annoncé annoncent baisse hausse rapide rapides nouveau nouveaux ministre Chine France " +
		"Europe 3,5 12 2024 4 000 %")
	r := rand.New(rand.NewPCG(1, 2))
	sentence := func() string {
		n := 1 + r.IntN(14)
		w := make([]string, n)
		for i := range w {
			w[i] = vocab[r.IntN(len(vocab))]
		}
		return strings.Join(w, " ") + "."
	}
	defer func(v, p, d int) { touchedListMin, parallelScanMin, denseScanMin = v, p, d }(touchedListMin, parallelScanMin, denseScanMin)
	for round := range 24 {
		// Odd rounds take candidates' pass over all counts; rounds 2, 3,
		// 6, 7… scan the memory in two halves at once; rounds 4-7,
		// 12-15… read the frequent stems from bitmaps (a dense scan).
		touchedListMin = []int{1024, 0}[round%2]
		parallelScanMin = []int{1 << 30, 0}[round/2%2]
		denseScanMin = []int{1 << 30, 0}[round/4%2]
		m := memOf()
		var units []Unit
		for i := range 300 {
			s := sentence()
			units = append(units, Unit{Source: s, Target: fmt.Sprintf("t%d %d", i, r.IntN(5)), Origin: "r.tmx"})
			if r.IntN(4) == 0 { // near-duplicates make matches likely
				w := strings.Fields(s)
				w[r.IntN(len(w))] = vocab[r.IntN(len(vocab))]
				units = append(units, Unit{Source: strings.Join(w, " "), Target: fmt.Sprintf("u%d", i), Origin: "r.tmx"})
			}
		}
		m.Add(units...)
		for q := range 40 {
			query := sentence()
			if q%2 == 0 {
				w := strings.Fields(units[r.IntN(len(units))].Source)
				w[r.IntN(len(w))] = vocab[r.IntN(len(vocab))]
				query = strings.Join(w, " ")
			}
			for _, minScore := range []int{50, 70, 90} {
				want := bruteForce(m, query, Context{}, minScore)
				got := lookupAll(m, query, minScore)
				// With a limit, the scores are the best ones of the scan.
				var wantTop, gotTop []int
				for _, w := range want {
					var sc int
					fmt.Sscan(w[strings.LastIndexByte(w, 0)+1:], &sc)
					wantTop = append(wantTop, sc)
				}
				slices.Sort(wantTop)
				slices.Reverse(wantTop)
				wantTop = wantTop[:min(3, len(wantTop))]
				for _, g := range m.Lookup(query, Context{}, minScore, 3) {
					gotTop = append(gotTop, g.Score)
				}
				if !slices.Equal(gotTop, wantTop) {
					t.Fatalf("query %q, min %d, max 3: scores %v, full scan's best %v", query, minScore, gotTop, wantTop)
				}
				if !slices.Equal(got, want) {
					t.Fatalf("round %d, query %q, min %d: index found %d matches, full scan %d\nindex: %q\nscan:  %q",
						round, query, minScore, len(got), len(want), got, want)
				}
			}
		}
	}
}

func TestConcurrentLookupAndAdd(t *testing.T) {
	m := memOf(Unit{Source: "Le marché a reculé.", Target: "The market fell."})
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				if g == 0 {
					m.Add(Unit{Source: fmt.Sprintf("Le marché %d a reculé.", i), Target: "x", Origin: "p"})
					continue
				}
				if got := m.Lookup("Le marché a reculé.", Context{}, 0, 3); len(got) == 0 || got[0].Score != 100 {
					t.Errorf("lookup during Add: %+v", got)
					return
				}
			}
		}()
	}
	wg.Wait()
}
