package tm

import (
	"strconv"
	"strings"
	"testing"

	"github.com/trad-project/trad/qa"
)

// TestNumbersAgreeWithQA reads the same texts with tm's findNumbers and
// qa's Numbers: both read digits, groups and decimal marks through
// numfmt.Scan, so they find the same spans and values (issue 15: they used
// to disagree on "4’000" in Swiss German, "3.5" in French, "1.234,5" in
// English). The texts have no dates, times or scale words, which only qa
// reads.
func TestNumbersAgreeWithQA(t *testing.T) {
	tests := []struct {
		lang, text string
		want       []string // tm's values
	}{
		{"fr", "Le taux passe de 3,5 % à 4,25 % pour 1 234,5 €.", []string{"3.5", "4.25", "1234.5"}},
		{"fr", "Soit 4\u202f000 ou 12\u00a0500 personnes, et 4.000 en Belgique.", []string{"4000", "12500", "4000"}},
		{"fr", "Écrit à l'anglaise : 3.5 % et 1,234.5 €.", []string{"3.5", "1234.5"}},
		{"fr", "Python 3.12.1 et la liste 1,2,3.", []string{"~3.12.1", "~1,2,3"}},
		{"fr", "En 2024 500 cas, 1,234 tonne.", []string{"2024", "500", "1.234"}},
		{"en", "The rate is 3.5% on 1,234,567.50 dollars.", []string{"3.5", "1234567.5"}},
		{"en", "Written the German way: 3,5 and 1.234,5.", []string{"3.5", "1234.5"}},
		{"en", "Version 007 costs 0.50 and 1,234,5 is a list.", []string{"7", "0.5", "~1,234,5"}},
		{"de", "Der Satz ist 3,5 % bei 1.234,5 Euro und 12.000 Leuten.", []string{"3.5", "1234.5", "12000"}},
		{"de", "Auf Englisch: 1,234.5 Euro.", []string{"1234.5"}},
		{"de-CH", "Der Satz ist 3.5 % bei 4’000 Leuten und 1'234.50 Franken.", []string{"3.5", "4000", "1234.5"}},
		{"de-CH", "Auf Deutsch geschrieben: 3,5 %.", []string{"3.5"}},
		{"nn", "Renta på 3,5 % og 4\u00a0000,25 kroner, 2.5 på engelsk.", []string{"3.5", "4000.25", "2.5"}},
		{"id", "Suku bunga 3,5 % dan 4.000 orang, 1.234.567,89 rupiah.", []string{"3.5", "4000", "1234567.89"}},
		{"vi", "Lãi suất 3,5 % với 4.000 người và 1.234,5 đồng.", []string{"3.5", "4000", "1234.5"}},
		{"zh", "利率为 3.5 %，共有 1,234,567 人，价格 12.50 元。", []string{"3.5", "1234567", "12.5"}},
		{"zh", "共有1,234人，利率为3.5%。", []string{"1234", "3.5"}}, // digits right after ideographs
		{"ja", "価格は1.234円です。", []string{"1.234"}},
	}
	for _, tt := range tests {
		tms := findNumbers(tt.text, tt.lang)
		qas := qa.Numbers(tt.text, tt.lang)
		var got []string
		for _, n := range tms {
			got = append(got, n.Value)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s %q: tm reads %q, want %q", tt.lang, tt.text, got, tt.want)
		}
		if len(qas) != len(tms) {
			t.Errorf("%s %q: tm finds %d numbers, qa %d: %+v", tt.lang, tt.text, len(tms), len(qas), qas)
			continue
		}
		for i, q := range qas {
			if q.Start != tms[i].Start || q.End != tms[i].End {
				t.Errorf("%s %q: number %d is %q for tm, %q for qa", tt.lang, tt.text, i, tt.text[tms[i].Start:tms[i].End], q.Text)
			}
			if v := qaValue(q); v != tms[i].Value {
				t.Errorf("%s %q: %q reads %s for tm, %s for qa", tt.lang, tt.text, q.Text, tms[i].Value, v)
			}
		}
	}
}

// qaValue writes a qa number's value the way tm does: canonical digits, or
// "~" and the text for what qa compares as written.
func qaValue(n qa.Number) string {
	if n.Kind == qa.Version {
		return "~" + n.Text
	}
	return strconv.FormatFloat(n.Value, 'f', -1, 64)
}

// A memory whose French source has an English-style decimal ("3.5 %")
// substitutes like any number: tm used to make it opaque, so a query with
// "4.2 %" found no placeable to replace.
func TestSubstituteForeignDecimal(t *testing.T) {
	got, _, subst, ok := substituteNumbers(findNumbers("Le taux est de 4.2 %.", "fr"), findNumbers("Le taux est de 3.5 %.", "fr"), "The rate is 3.5%.", "en", nil)
	if !ok || !subst || got != "The rate is 4.2%." {
		t.Errorf("got (%q, %v, %v), want The rate is 4.2%%.", got, subst, ok)
	}
	got, _, _, ok = substituteNumbers(findNumbers("It costs 5,000 francs.", "en"), findNumbers("It costs 4,000 francs.", "en"), "Es kostet 4’000 Franken.", "de-CH", nil)
	if !ok || got != "Es kostet 5’000 Franken." {
		t.Errorf("de-CH: got (%q, %v), want Es kostet 5’000 Franken.", got, ok)
	}
}

// Digits of other scripts are numbers for tm as for qa and align, and a
// substituted number is written in the digits of the one it replaces.
func TestNumbersOtherScripts(t *testing.T) {
	tests := []struct {
		lang, text string
		want       []string
	}{
		{"ja", "価格は１２３円、税率は１０％です。", []string{"123", "10"}},
		{"zh", "共有１,２３４人。", []string{"1234"}},
		{"ar", "عدد ٣٤ طالبا و 12 معلما", []string{"34", "12"}},
	}
	for _, tt := range tests {
		tms := findNumbers(tt.text, tt.lang)
		qas := qa.Numbers(tt.text, tt.lang)
		var got, gotQA []string
		for _, n := range tms {
			got = append(got, n.Value)
		}
		for _, n := range qas {
			gotQA = append(gotQA, qaValue(n))
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") || strings.Join(gotQA, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s %q: tm %q, qa %q, want %q", tt.lang, tt.text, got, gotQA, tt.want)
		}
	}
	got, _, subst, ok := substituteNumbers(findNumbers("There are 35 students.", "en"), findNumbers("There are 34 students.", "en"), "عدد ٣٤ طالبا", "ar", nil)
	if !ok || !subst || got != "عدد ٣٥ طالبا" {
		t.Errorf("substitution into Arabic-Indic digits: %q %v %v", got, subst, ok)
	}
}
