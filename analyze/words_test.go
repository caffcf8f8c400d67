package analyze

import (
	"testing"

	"github.com/trad-project/trad/segments"
)

func TestWords(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
		why  string
	}{
		{"I like apples and oranges.", 5, "one word each"},
		{"Revenue increased by 1.2 million.", 5, "a number is a word"},
		{"Le PIB a crû de 3,5 % en 2024.", 8, "decimal comma, % is not a word"},
		{"I spent $20.", 3, "symbol and number: one word"},
		{"Un up-to-date e-mail", 3, "hyphenated words count one"},
		{"peut-être", 1, "French compound"},
		{"COVID-19", 1, "letters and digits"},
		{"he/she", 2, "a slash separates"},
		{"l'homme d’affaires", 2, "apostrophe between letters"},
		{"2020-2024", 1, "a range written with a hyphen is one token"},
		{"2020–2024 — fin", 3, "en and em dashes separate"},
		{"- liste -", 1, "a hyphen that joins nothing"},
		{"10\u00a0000 euros", 2, "no-break space as thousands separator"},
		{"10 000 euros", 3, "a plain space separates"},
		{"Wedge bolt XF1Ç00iP.", 3, "alphanumeric string"},
		{"結論、分断した図が", 8, "each ideograph a word"},
		{"中-国", 2, "a hyphen does not join ideographs"},
		{"", 0, ""},
	} {
		if got := Words(tc.text); got != tc.want {
			t.Errorf("Words(%q) = %d, want %d (%s)", tc.text, got, tc.want, tc.why)
		}
		if !containsHyphen(tc.text) && Words(tc.text) != segments.WordCount(tc.text) {
			t.Errorf("%q: differs from WordCount without a hyphen", tc.text)
		}
	}
}

func containsHyphen(s string) bool {
	for _, r := range s {
		if isHyphen(r) {
			return true
		}
	}
	return false
}

func FuzzWords(f *testing.F) {
	f.Add("up-to-date 1.2 l'homme 結論-x")
	f.Add("a\u2011b\u0301-c")
	f.Fuzz(func(t *testing.T, s string) {
		n, base := Words(s), segments.WordCount(s)
		// Joining hyphens only merges words: never more than WordCount.
		if n > base || n < 0 {
			t.Fatalf("Words(%q) = %d, WordCount %d", s, n, base)
		}
	})
}
