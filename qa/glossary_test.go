package qa

import (
	"strings"
	"testing"

	"github.com/trad-project/trad/glossary"
)

func testGlossary(t testing.TB) *glossary.Glossary {
	t.Helper()
	g, warns, err := glossary.Open("testdata/glossary.tsv")
	if err != nil || len(warns) > 0 {
		t.Fatalf("open test glossary: %v %v", err, warns)
	}
	return g
}

func TestGlossaryCheck(t *testing.T) {
	g := testGlossary(t)
	for _, tc := range []checkCase{
		{"exact fr-en", "fr", "en", "L'intelligence artificielle progresse.", "Artificial intelligence is advancing.", ""},
		{"synonym fr-en", "fr", "en", "L'intelligence artificielle progresse.", "AI is advancing.", ""},
		{"plural fr-en", "fr", "en", "Les plateformes dominent.", "Platforms dominate.", ""},
		{"inflected target fr-en", "fr", "en", "La puce est petite.", "The chips are small.", ""},
		{"missing fr-en", "fr", "en", "Les plateformes dominent.", "Websites dominate.", "glossary"},
		{"missing twice, one warning fr-en", "fr", "en", "Les plateformes dominent les plateformes.", "Websites dominate websites.", "glossary"},
		{"missing one of two fr-en", "fr", "en", "Une puce pour l'intelligence artificielle.", "A chip for machine learning.", "glossary"},
		{"exact en-fr", "en", "fr", "Supply chains are breaking.", "Les chaînes d'approvisionnement se rompent.", ""},
		{"plural en-fr", "en", "fr", "New tariffs on chips.", "De nouveaux droits de douane sur les puces.", ""},
		{"missing en-fr", "en", "fr", "New tariffs on chips.", "De nouvelles taxes sur les puces.", "glossary"},
		{"elided en-fr", "en", "fr", "Artificial intelligence.", "L'intelligence artificielle.", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := glossary.NewMatcher(g, tc.from, tc.to)
			got := strings.Join(run(tc.src, tc.tgt, tc.from, tc.to, m.Match(tc.src)), " ")
			if got != tc.want {
				t.Errorf("src %q tgt %q: got [%s] want [%s] (hits %v)", tc.src, tc.tgt, got, tc.want, m.Match(tc.src))
			}
		})
	}
}

func TestHasTerm(t *testing.T) {
	en := analyzer("en")
	toks := en.Tokens("The data centres are full.")
	for term, want := range map[string]bool{"data centre": true, "data center": false, "centre": true, "data": true, "full data": false} {
		if got := hasTerm("en", toks, en.Tokens(term)); got != want {
			t.Errorf("hasTerm(%q) = %v, want %v", term, got, want)
		}
	}
	// Acronyms match only as written: the pronoun "us" is not "US".
	toks = en.Tokens("Tell us what the US wants.")
	if !hasTerm("en", toks, en.Tokens("US")) {
		t.Error(`"US" not found in "the US wants"`)
	}
	if hasTerm("en", en.Tokens("Tell us more."), en.Tokens("US")) {
		t.Error(`"US" found in "Tell us more."`)
	}
	// An acronym's plural is written with a lower-case s: "MPs", "NGOs".
	for _, text := range []string{"75 MPs will refer it.", "Two NGOs left."} {
		term := map[bool]string{true: "MP", false: "NGO"}[strings.Contains(text, "MP")]
		if !hasTerm("en", en.Tokens(text), en.Tokens(term)) {
			t.Errorf("%q not found in %q", term, text)
		}
	}
	if hasTerm("en", en.Tokens("The USS Nimitz."), en.Tokens("US")) {
		t.Error(`"US" found in "USS"`)
	}
	if hasTerm("en", toks, nil) {
		t.Error("an empty term matched")
	}
}

func TestGlossaryCurrencySigns(t *testing.T) {
	g := testGlossary(t)
	for _, tc := range []checkCase{
		{"euro sign fr-en", "fr", "en", "Une amende de 1,8 milliard d'euros.", "A €1.8 billion fine.", ""},
		{"euro code fr-en", "fr", "en", "Une amende de 1,8 milliard d'euros.", "A EUR 1.8 billion fine.", ""},
		{"euro word fr-en", "fr", "en", "Une amende de 2 euros.", "A 2-euro fine.", ""},
		{"dollar sign fr-en", "fr", "en", "Investir 40 milliards de dollars.", "To invest $40 billion.", ""},
		{"US dollar sign fr-en", "fr", "en", "Investir 40 milliards de dollars.", "To invest US$40 billion.", ""},
		{"dollar code fr-en", "fr", "en", "Investir 40 milliards de dollars.", "To invest USD 40 billion.", ""},
		{"pound sign fr-en", "fr", "en", "Un prêt de 5 milliards de livres sterling.", "A £5 billion loan.", ""},
		{"yen sign fr-en", "fr", "en", "Un budget de 900 yens.", "A budget of ¥900.", ""},
		{"yuan code fr-en", "fr", "en", "Un prêt de 10 yuans.", "A loan of 10 RMB.", ""},
		{"renminbi sign fr-en", "fr", "en", "Un prêt de 10 yuans.", "A loan of 10元.", ""},
		{"euro sign en-fr", "en", "fr", "A fine of 2 euros.", "Une amende de 2 €.", ""},
		{"dollar sign en-fr", "en", "fr", "A fine of 2 dollars.", "Une amende de 2 $.", ""},
		{"wrong sign euro to dollar fr-en", "fr", "en", "Une amende de 1,8 milliard d'euros.", "A $1.8 billion fine.", "glossary"},
		{"wrong sign dollar to euro fr-en", "fr", "en", "Investir 40 milliards de dollars.", "To invest €40 billion.", "glossary"},
		{"wrong sign pound to euro fr-en", "fr", "en", "Un prêt de 5 milliards de livres sterling.", "A €5 billion loan.", "glossary"},
		{"wrong sign yen to dollar fr-en", "fr", "en", "Un budget de 900 yens.", "A budget of $900.", "glossary"},
		{"wrong code euro to GBP fr-en", "fr", "en", "Une amende de 2 euros.", "A GBP 2 fine.", "glossary"},
		{"code inside a word fr-en", "fr", "en", "Une amende de 2 euros.", "A 2 EUROSTAT fine.", "glossary"},
		{"no sign fr-en", "fr", "en", "Une amende de 2 euros.", "A fine of 2.", "glossary"},
		{"wrong sign en-fr", "en", "fr", "A fine of 2 euros.", "Une amende de 2 £.", "glossary"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := glossary.NewMatcher(g, tc.from, tc.to)
			hits := m.Match(tc.src)
			if len(hits) == 0 {
				t.Fatalf("no glossary hit in %q", tc.src)
			}
			var got []string
			for _, id := range run(tc.src, tc.tgt, tc.from, tc.to, hits) {
				if id == "glossary" {
					got = append(got, id)
				}
			}
			if g := strings.Join(got, " "); g != tc.want {
				t.Errorf("src %q tgt %q: got [%s] want [%s] (hits %v)", tc.src, tc.tgt, g, tc.want, hits)
			}
		})
	}
}

// TestGlossaryScaleWords checks that a scale word inside a number is left
// to the numbers check (3 000 milliards is 3 trillion) and that one
// outside a number is still a glossary term.
func TestGlossaryScaleWords(t *testing.T) {
	g := testGlossary(t)
	for _, tc := range []checkCase{
		{"milliards as trillion", "fr", "en", "Nvidia vaut 3 000 milliards de dollars.", "Nvidia is worth $3 trillion.", ""},
		{"milliard as billion", "fr", "en", "Une amende de 1,8 milliard d'euros.", "A €1.8 billion fine.", ""},
		{"milliards as trillion with nnbsp", "fr", "en", "Un bénéfice de 10\u202f400 milliards de wons.", "A profit of 10.4 trillion won.", ""},
		{"millions as plain digits", "fr", "en", "Le pays compte 180 millions d'habitants.", "The country has 180,000,000 inhabitants.", ""},
		{"spelled milliards", "fr", "en", "Un plan de trois milliards.", "A three-billion plan.", ""},
		{"milliers as thousands", "fr", "en", "Ils sont 5 milliers.", "There are 5,000 of them.", ""},
		{"wrong scale left to numbers", "fr", "en", "Un plan de 50 milliards d'euros.", "A €50 million plan.", "numbers"},
		{"scale word outside a number", "fr", "en", "Des milliards de dollars sont en jeu.", "Millions of dollars are at stake.", "glossary"},
		{"scale word outside a number, right", "fr", "en", "Des milliards de dollars sont en jeu.", "Billions of dollars are at stake.", ""},
		{"billion as milliards en-fr", "en", "fr", "A 3 billion plan.", "Un plan de 3 milliards.", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := glossary.NewMatcher(g, tc.from, tc.to)
			hits := m.Match(tc.src)
			if len(hits) == 0 {
				t.Fatalf("no glossary hit in %q", tc.src)
			}
			got := strings.Join(run(tc.src, tc.tgt, tc.from, tc.to, hits), " ")
			if got != tc.want {
				t.Errorf("src %q tgt %q: got [%s] want [%s] (hits %v)", tc.src, tc.tgt, got, tc.want, hits)
			}
		})
	}
}
