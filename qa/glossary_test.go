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
		if got := hasTerm(toks, en.Tokens(term)); got != want {
			t.Errorf("hasTerm(%q) = %v, want %v", term, got, want)
		}
	}
	// Acronyms match only as written: the pronoun "us" is not "US".
	toks = en.Tokens("Tell us what the US wants.")
	if !hasTerm(toks, en.Tokens("US")) {
		t.Error(`"US" not found in "the US wants"`)
	}
	if hasTerm(en.Tokens("Tell us more."), en.Tokens("US")) {
		t.Error(`"US" found in "Tell us more."`)
	}
	if hasTerm(toks, nil) {
		t.Error("an empty term matched")
	}
}
