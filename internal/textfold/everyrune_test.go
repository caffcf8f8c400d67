package textfold

import (
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TestEveryRune checks the keys' promises (NFC, idempotent, valid UTF-8,
// Loose = Unaccent(Fold)) on every rune of the alphabets below U+3000 and
// of the Latin, Cherokee and compatibility blocks above, alone, after a
// letter, before a combining accent, between letters and doubled: the
// cases the fuzz test found (Cherokee, "ŉ", "µ́", "ẚ́") were all of this
// shape. (Run over every rune once: no failure.)
func TestEveryRune(t *testing.T) {
	bad := 0
	for r := rune(0x80); r < 0x10000; r++ {
		if r >= 0x3000 && !(r >= 0xA700 && r < 0xAC00 || r >= 0xFB00) {
			continue
		}
		c := string(r)
		for _, s := range []string{c, "e" + c, c + "\u0301", "Ä" + c + "ы", c + c} {
			for _, k := range []struct {
				name string
				fn   func(string) string
			}{{"Fold", Fold}, {"Unaccent", Unaccent}, {"Loose", Loose}} {
				got := k.fn(s)
				if !norm.NFC.IsNormalString(got) || k.fn(got) != got || !utf8.ValidString(got) {
					if bad++; bad < 20 {
						t.Errorf("%s(%q) = %q (again %q)", k.name, s, got, k.fn(got))
					}
				}
			}
			if Loose(s) != Unaccent(Fold(s)) {
				if bad++; bad < 20 {
					t.Errorf("Loose(%q) = %q, Unaccent(Fold) %q", s, Loose(s), Unaccent(Fold(s)))
				}
			}
		}
	}
}
