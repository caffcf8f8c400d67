package tm

import (
	"testing"
	"unicode/utf8"
)

// FuzzLookup looks arbitrary text up in a small memory: no panic, scores
// in range and sorted, diff spans inside both texts, and a substituted
// target only on a 99 % match.
func FuzzLookup(f *testing.F) {
	m := newTestMemory()
	m.Add(
		Unit{Source: "Le taux est de 3,5 %.", Target: "The rate is 3.5%.", Origin: "a"},
		Unit{Source: "Il y a 4 000 personnes et 12,5 millions d'euros.", Target: "There are 4,000 people and 12.5 million euros.", Origin: "a"},
		Unit{Source: "L'ordinateur est lent.", Target: "The computer is slow.", Origin: "a"},
		Unit{Source: "!", Target: "!", Origin: "a"},
		Unit{Source: "Python 3.12.1 est sorti en 2024.", Target: "Python 3.12.1 came out in 2024.", Origin: "a"},
	)
	for _, s := range []string{"Le taux est de 4,2 %.", "Il y a 5 000 personnes et 1 234 567,89 millions d'euros.",
		"l’ordinateur est lent", "!", "Python 3.13.0 est sorti en 2025.", "", "1,2.3 4 5", "\u00a0\u202f9\u202f999,"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		if !utf8.ValidString(q) {
			return
		}
		got := m.Lookup(q, Context{}, 0, 5)
		for i, g := range got {
			if g.Score < DefaultMin || g.Score > 101 || (i > 0 && g.Score > got[i-1].Score) {
				t.Fatalf("scores %d at %d out of range or order", g.Score, i)
			}
			if g.NumbersSubstituted && g.Score != 99 {
				t.Fatalf("numbers substituted at score %d", g.Score)
			}
			for _, d := range g.Diff {
				if d.QStart < 0 || d.QStart > d.QEnd || d.QEnd > len(q) || d.MStart < 0 || d.MStart > d.MEnd || d.MEnd > len(g.Source) {
					t.Fatalf("diff op %+v out of bounds (query %d, source %d bytes)", d, len(q), len(g.Source))
				}
			}
		}
	})
}
