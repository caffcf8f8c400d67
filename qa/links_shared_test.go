package qa

import (
	"testing"

	"github.com/trad-project/trad/segments"
	"github.com/trad-project/trad/spell"
)

// TestLinksSharedWithSpelling: the number check and spelling see the same
// links (internal/links), so what spelling leaves alone as a link the
// number check does not read numbers in either.
func TestLinksSharedWithSpelling(t *testing.T) {
	for _, text := range []string{
		"voir example.org/2024/05 pour le détail",
		"le fichier ftp://ftp.example.org/2024/rapport-05",
		"selon https://www.lemonde.fr/2024/12/05/article",
	} {
		if n := Numbers(text, "fr"); len(n) != 0 {
			t.Errorf("Numbers(%q) = %v, want none (inside a link)", text, n)
		}
		for _, w := range spell.Words(text) {
			if w.Word == "example" || w.Word == "lemonde" || w.Word == "rapport" {
				t.Errorf("spell.Words(%q) checks %q, a part of a link", text, w.Word)
			}
		}
	}
	// A bare domain is a link for numbers and spelling, not for the link
	// check: "lemonde.fr" may become "Le Monde's website".
	issues := Check(segments.Segment{Source: "Selon lemonde.fr, le taux est de 3 %.", Target: "According to Le Monde's website, the rate is 3%."}, Context{SourceLang: "fr", TargetLang: "en"})
	for _, is := range issues {
		if is.Check == CheckLinks {
			t.Errorf("link check on a bare domain: %v", is)
		}
	}
}
