package tm

import (
	"testing"
	"unicode/utf8"

	"github.com/trad-project/trad/segments"
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
		// "Un taux de **3,5** % et ‹x2›." / "A **3.5**% rate and ‹x2›.": tags at, in
		// and after the numbers move with a substitution.
		Unit{Source: "Un taux de 3,5 % et 12.", Target: "A 3.5% rate and 12.", Origin: "a",
			SourceTags: []segments.Tag{{At: 11, ID: 1, Kind: segments.TagOpen}, {At: 14, ID: 1, Kind: segments.TagClose}, {At: 23, ID: 2, Kind: segments.TagPlaceholder}},
			TargetTags: []segments.Tag{{At: 2, ID: 1, Kind: segments.TagOpen}, {At: 4, ID: 1, Kind: segments.TagClose}, {At: 17, ID: 2, Kind: segments.TagPlaceholder}, {At: 19, ID: 2, Kind: segments.TagPlaceholder}},
			Codes:      []segments.Code{{ID: 1, Type: segments.CodeBold, Pair: true, Open: "**", Close: "**"}, {ID: 2, Type: segments.CodeCode, Open: "`x`"}}},
	)
	for _, s := range []string{"Le taux est de 4,2 %.", "Il y a 5 000 personnes et 1 234 567,89 millions d'euros.",
		"l’ordinateur est lent", "!", "Un taux de 12 345,75 % et 1.", "Un taux de 3 % et 9999999.", "Python 3.13.0 est sorti en 2025.", "", "1,2.3 4 5", "\u00a0\u202f9\u202f999,"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		if !utf8.ValidString(q) {
			return
		}
		checkMatches(t, q, m.Lookup(q, Context{}, 0, 5), false)
		checkMatches(t, q, m.LookupTagged(q, nil, nil, Context{}, 0, 5), true)
	})
}

// checkMatches checks FuzzLookup's invariants on the matches for q.
// tagged lookups may take points off a substituted 99 for its tags.
func checkMatches(t *testing.T, q string, got []Match, tagged bool) {
	t.Helper()
	for i, g := range got {
		if g.Score < DefaultMin || g.Score > 101 || (i > 0 && g.Score > got[i-1].Score) {
			t.Fatalf("scores %d at %d out of range or order", g.Score, i)
		}
		if g.NumbersSubstituted && (g.Score > 99 || !tagged && g.Score != 99) {
			t.Fatalf("numbers substituted at score %d", g.Score)
		}
		for j, tg := range g.TargetTags {
			if tg.At < 0 || tg.At > len(g.Target) || (j > 0 && tg.At < g.TargetTags[j-1].At) ||
				tg.At < len(g.Target) && !utf8.RuneStart(g.Target[tg.At]) {
				t.Fatalf("target tags %v do not fit %q", g.TargetTags, g.Target)
			}
		}
		for _, d := range g.Diff {
			if d.QStart < 0 || d.QStart > d.QEnd || d.QEnd > len(q) || d.MStart < 0 || d.MStart > d.MEnd || d.MEnd > len(g.Source) {
				t.Fatalf("diff op %+v out of bounds (query %d, source %d bytes)", d, len(q), len(g.Source))
			}
		}
	}
}
