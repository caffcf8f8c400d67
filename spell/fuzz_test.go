package spell

import (
	"testing"
	"unicode/utf8"
)

// FuzzWords checks that Words never panics and returns ordered spans of
// text holding the words they name, on rune boundaries.
func FuzzWords(f *testing.F) {
	for _, s := range []string{"The well-known NATO plan.", "aujourd'hui l’Union", "see https://x.org/a or a@b.fr", "trad.example.com. x.y", "-'-", "é-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, w := range Words(text) {
			if w.Start < prev || w.End <= w.Start || w.End > len(text) || text[w.Start:w.End] != w.Word {
				t.Fatalf("bad span %+v in %q (previous end %d)", w, text, prev)
			}
			if utf8.ValidString(text) && !utf8.ValidString(w.Word) {
				t.Fatalf("word %q splits a character of %q", w.Word, text)
			}
			prev = w.End
		}
	})
}
