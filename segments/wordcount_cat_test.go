package segments

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestWordCountCAT checks the job analysis's count (trad analyze), and
// that it differs from WordCount only where a hyphen joins a compound.
func TestWordCountCAT(t *testing.T) {
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
		{"demanda-t-il", 1, "French inversion"},
		{"COVID-19", 1, "letters and digits"},
		{"he/she", 2, "a slash separates"},
		{"l'homme d’affaires", 2, "apostrophe between letters"},
		{"2020-2024", 1, "a range written with a hyphen is one token"},
		{"2020–2024 — fin", 3, "en and em dashes separate"},
		{"a\u2010b a\u2011b", 2, "the Unicode hyphen and the no-break hyphen join"},
		{"- liste -", 1, "a hyphen that joins nothing"},
		{"a--b", 2, "two hyphens do not join"},
		{"10\u00a0000 euros", 2, "no-break space as thousands separator"},
		{"10 000 euros", 3, "a plain space separates"},
		{"Wedge bolt XF1Ç00iP.", 3, "alphanumeric string"},
		{"結論、分断した図が", 8, "each ideograph a word"},
		{"中-国", 2, "a hyphen does not join ideographs"},
		{"x-中", 2, "nor a word and an ideograph"},
		{"a-\u0301b", 2, "a combining mark after the hyphen starts no word"},
		{"e\u0301-mail", 1, "a decomposed accent before the hyphen is part of the word (as é)"},
		{"क\u093e-ख", 1, "a spacing mark is a word character"},
		{"snake_case-name", 1, "an underscore is a word character"},
		{"", 0, ""},
	} {
		if got := WordCountCAT(tc.text); got != tc.want {
			t.Errorf("WordCountCAT(%q) = %d, want %d (%s)", tc.text, got, tc.want, tc.why)
		}
		if !strings.ContainsAny(tc.text, "-\u2010\u2011") && WordCountCAT(tc.text) != WordCount(tc.text) {
			t.Errorf("%q: WordCountCAT differs from WordCount without a hyphen", tc.text)
		}
		// The count does not depend on the normalisation form.
		if nfc, nfd := WordCountCAT(norm.NFC.String(tc.text)), WordCountCAT(norm.NFD.String(tc.text)); nfc != nfd {
			t.Errorf("%q: %d words in NFC, %d in NFD", tc.text, nfc, nfd)
		}
	}
}

// FuzzWordCountCAT checks that joining hyphens only merges words: never
// more than WordCount, and never fewer than WordCount less the hyphens.
func FuzzWordCountCAT(f *testing.F) {
	f.Add("up-to-date 1.2 l'homme 結論-x")
	f.Add("a\u2011b\u0301-c")
	f.Fuzz(func(t *testing.T, s string) {
		n, base := WordCountCAT(s), WordCount(s)
		hyphens := strings.Count(s, "-") + strings.Count(s, "\u2010") + strings.Count(s, "\u2011")
		if n > base || n < base-hyphens || n < 0 {
			t.Fatalf("WordCountCAT(%q) = %d, WordCount %d, %d hyphens", s, n, base, hyphens)
		}
	})
}
