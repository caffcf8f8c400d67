package qa

import (
	"testing"

	"github.com/trad-project/trad/segments"
)

// Regressions of issue 15: qa read numbers with its own parser, which did
// not know the Swiss apostrophe, took the base language's decimal mark for
// a regional tag (de-CH writes 3.5) and split "1.234,5" in English into
// 1.234 and 5. Numbers are now read by numfmt.Scan, as tm reads them.
func TestNumbersCheckLocales(t *testing.T) {
	runCases(t, []checkCase{
		{"swiss decimal point en-de-CH", "en", "de-CH", "The rate is 3.5% for 4,000 people.", "Der Satz ist 3.5 % für 4’000 Leute.", ""},
		{"swiss ascii apostrophe en-de-CH", "en", "de-CH", "It costs 1,234.50 francs.", "Es kostet 1'234.50 Franken.", ""},
		{"german comma in de-CH", "en", "de-CH", "The rate is 3.5% today.", "Der Satz ist heute 3,5 %.", "number-format"},
		{"german point in de", "en", "de", "The rate is 3.5% today.", "Der Satz ist heute 3.5 %.", "number-format"},
		{"german grouping in en", "de", "en", "Es kostet 1.234,5 Euro.", "It costs 1.234,5 euros.", "number-format"},
		{"german grouping in en, right", "de", "en", "Es kostet 1.234,5 Euro.", "It costs 1,234.5 euros.", ""},
		{"english grouping in fr", "en", "fr", "It costs €1,234.5.", "Il coûte 1,234.5 €.", "number-format"},
		{"decimal comma nn", "en", "nn", "The rate is 3.5%.", "Renta er 3,5 %.", ""},
		{"decimal comma id", "en", "id", "The rate is 3.5% for 4,000 people.", "Suku bunga 3,5 % untuk 4.000 orang.", ""},
		{"decimal comma vi", "en", "vi", "The rate is 3.5%.", "Lãi suất là 3,5 %.", ""},
		// Digits of any script are numbers (numfmt.IsDigit), as align read them.
		{"fullwidth digits ja-en", "ja", "en", "価格は１２３円です。", "The price is 123 yen.", ""},
		{"arabic-indic digits ar-en", "ar", "en", "عدد ٣٤ طالبا", "34 students", ""},
		{"fullwidth digits changed", "ja", "en", "価格は１２３円です。", "The price is 124 yen.", "numbers"},
	})
}

func TestNumbersRegionalTag(t *testing.T) {
	for _, tc := range []struct {
		lang, text string
		keys       []string
		foreign    []bool
	}{
		{"de-CH", "3.5 und 4’000 und 3,5", []string{"3.5", "4000", "3.5"}, []bool{false, false, true}},
		{"de", "3.5 und 4.000 und 3,5", []string{"3.5", "4000", "3.5"}, []bool{true, false, false}},
		{"en", "1.234,5 and 1,234.5", []string{"1234.5", "1234.5"}, []bool{true, false}},
	} {
		got := Numbers(tc.text, tc.lang)
		if len(got) != len(tc.keys) {
			t.Errorf("Numbers(%q, %s) = %+v", tc.text, tc.lang, got)
			continue
		}
		for i, n := range got {
			if n.Key != tc.keys[i] || n.Foreign != tc.foreign[i] || n.Kind != Plain {
				t.Errorf("Numbers(%q, %s)[%d] = %+v, want key %s foreign %v", tc.text, tc.lang, i, n, tc.keys[i], tc.foreign[i])
			}
		}
	}
}

// The message names the region when it writes numbers otherwise than the
// base language, and suggests the region's writing.
func TestNumberFormatMessageRegion(t *testing.T) {
	seg := segments.Segment{Source: "It costs 1,234.50 francs.", Target: "Es kostet 1'234,50 Franken.", Status: segments.StatusTranslated}
	var msgs []string
	for _, is := range Check(seg, Context{SourceLang: "en", TargetLang: "de-CH"}) {
		if is.Check == CheckNumberFormat || is.Check == CheckNumbers {
			msgs = append(msgs, is.Message)
		}
	}
	want := "1'234,50 is not a German (de-CH) number: write 1’234.5"
	if len(msgs) != 1 || msgs[0] != want {
		t.Errorf("messages %q, want [%q]", msgs, want)
	}
	if got := langName("fr-FR"); got != "French" {
		t.Errorf("langName(fr-FR) = %q, want French (same numbers as fr)", got)
	}
}
