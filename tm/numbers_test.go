package tm

import (
	"slices"
	"strings"
	"testing"

	"github.com/trad-project/trad/segments"
)

func TestFindNumbers(t *testing.T) {
	tests := []struct {
		lang, text string
		want       []string // values
	}{
		{"fr", "Le taux est de 3,5 %.", []string{"3.5"}},
		{"en", "The rate is 3.5%.", []string{"3.5"}},
		{"fr", "Il y a 4 000 personnes.", []string{"4000"}},
		{"fr", "Il y a 4\u202f000 personnes et 12\u00a0500 euros.", []string{"4000", "12500"}},
		{"en", "There are 4,000 people.", []string{"4000"}},
		{"en", "Between 1,234,567.50 and 2.", []string{"1234567.5", "2"}},
		{"fr", "En 2024 500 personnes.", []string{"2024", "500"}},
		{"fr", "Le G7 et l'A320, mais 7 pays.", []string{"7"}},
		{"fr", "Python 3.12.1 est sorti.", []string{"~3.12.1"}},
		{"fr", "Fin de phrase 3.", []string{"3"}},
		{"fr", "Liste : 1, 2 et 3.", []string{"1", "2", "3"}},
		{"en", "Version 007 costs 0.50.", []string{"7", "0.5"}},
		{"fr", "Aucun nombre ici.", nil},
		// The languages tm and qa disagreed on (issue 15), by CLDR.
		{"nn", "Renta på 3,5 %.", []string{"3.5"}},
		{"id", "Suku bunga 3,5 % dan 4.000 orang.", []string{"3.5", "4000"}},
		{"vi", "Lãi suất 3,5 %.", []string{"3.5"}},
		{"de-CH", "Der Satz ist 3.5 % bei 4’000 Leuten.", []string{"3.5", "4000"}},
		{"fr", "Un écart de 4 000 euros.", []string{"4000"}},
	}
	for _, tt := range tests {
		nums := findNumbers(tt.text, tt.lang)
		var got []string
		for _, n := range nums {
			got = append(got, n.Value)
			if !strings.ContainsAny(tt.text[n.Start:n.End], "0123456789") {
				t.Errorf("%q: span %d:%d is %q, no digit", tt.text, n.Start, n.End, tt.text[n.Start:n.End])
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("findNumbers(%q, %s) = %q, want %q", tt.text, tt.lang, got, tt.want)
		}
	}
}

func TestSubstituteNumbers(t *testing.T) {
	tests := []struct {
		name                   string
		newSrc, oldSrc, oldTgt string
		want                   string
		wantSubst, wantOK      bool
	}{
		{"decimal fr to en", "Le taux est de 4,2 %.", "Le taux est de 3,5 %.", "The rate is 3.5%.", "The rate is 4.2%.", true, true},
		{"grouping kept", "Il y a 5 000 personnes.", "Il y a 4 000 personnes.", "There are 4,000 people.", "There are 5,000 people.", true, true},
		{"large number grouped the target's way", "Il y a 12 000 000 personnes.", "Il y a 40 personnes.", "There are 40 people.", "There are 12,000,000 people.", true, true},
		{"two numbers, reordered in target", "De 2 à 9 ans.", "De 3 à 5 ans.", "5 years at most, 3 at least.", "9 years at most, 2 at least.", true, true},
		{"fraction digits from the new source", "Il pèse 1,50 kg.", "Il pèse 2 kg.", "It weighs 2 kg.", "It weighs 1.50 kg.", true, true},
		{"unchanged numbers", "En 2024.", "En 2024.", "In 2024.", "In 2024.", false, true},
		{"number written as a word in target", "Il y a 4 pays.", "Il y a 3 pays.", "There are three countries.", "", false, false},
		{"same old value mapped twice", "3 et 4.", "3 et 3.", "3 and 3.", "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, subst, ok := substituteNumbers(findNumbers(tt.newSrc, "fr"), findNumbers(tt.oldSrc, "fr"), tt.oldTgt, "en", nil)
			if ok != tt.wantOK || subst != tt.wantSubst || (ok && got != tt.want) {
				t.Errorf("got (%q, %v, %v), want (%q, %v, %v)", got, subst, ok, tt.want, tt.wantSubst, tt.wantOK)
			}
		})
	}
}

// A large number grouped in the source is grouped the target language's
// way (CLDR via numfmt) when the target's number was not grouped.
func TestSubstituteGroupsByLocale(t *testing.T) {
	tests := []struct{ tgtLang, want string }{
		{"fr", "Il y a 12\u202f000\u202f000 habitants."},
		{"de", "Il y a 12.000.000 habitants."},
		{"nn", "Il y a 12\u00a0000\u00a0000 habitants."},
		{"en", "Il y a 12,000,000 habitants."},
	}
	for _, tt := range tests {
		got, _, _, ok := substituteNumbers(findNumbers("There are 12,000,000 people.", "en"), findNumbers("There are 40 people.", "en"), "Il y a 40 habitants.", tt.tgtLang, nil)
		if !ok || got != tt.want {
			t.Errorf("%s: %q, want %q", tt.tgtLang, got, tt.want)
		}
	}
}

func TestSubstituteIntoFrench(t *testing.T) {
	got, _, subst, ok := substituteNumbers(findNumbers("The rate is 12.75%.", "en"), findNumbers("The rate is 3.5%.", "en"), "Le taux est de 3,5 %.", "fr", nil)
	if !ok || !subst || got != "Le taux est de 12,75 %." {
		t.Errorf("got (%q, %v, %v), want Le taux est de 12,75 %%.", got, subst, ok)
	}
}

// Tags of the target move with the text a substitution lengthens or
// shortens; a tag inside a replaced number goes to its end.
func TestSubstituteMovesTags(t *testing.T) {
	tag := func(at, id int, k segments.TagKind) segments.Tag { return segments.Tag{At: at, ID: id, Kind: k} }
	o, c := segments.TagOpen, segments.TagClose
	// "Up **5** to 12,000 people." -> "Up **1500** to 7 people." (the
	// target's 5 is not grouped, so neither is 1500)
	tgt := "Up 5 to 12,000 people."
	tags := []segments.Tag{tag(3, 1, o), tag(4, 1, c), tag(8, 2, o), tag(10, 3, o), tag(14, 2, c), tag(22, 4, segments.TagPlaceholder)}
	got, moved, subst, ok := substituteNumbers(findNumbers("De 1 500 à 7 personnes.", "fr"), findNumbers("De 5 à 12 000 personnes.", "fr"), tgt, "en", tags)
	want := "Up 1500 to 7 people."
	wantTags := []segments.Tag{tag(3, 1, o), tag(7, 1, c), tag(11, 2, o), tag(12, 3, o), tag(12, 2, c), tag(20, 4, segments.TagPlaceholder)}
	if !ok || !subst || got != want || !slices.Equal(moved, wantTags) {
		t.Errorf("got %q %v, want %q %v", got, moved, want, wantTags)
	}
	if tags[1].At != 4 {
		t.Error("the tags passed in were changed in place")
	}
}

func TestMaskNumbers(t *testing.T) {
	a, b := "Le taux est de 3,5 %.", "Le  taux est de 12 %."
	if maskNumbers(a, findNumbers(a, "fr")) != maskNumbers(b, findNumbers(b, "fr")) {
		t.Errorf("masks differ: %q vs %q", maskNumbers(a, findNumbers(a, "fr")), maskNumbers(b, findNumbers(b, "fr")))
	}
}
