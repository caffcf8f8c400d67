package qa

import (
	"testing"

	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/segments"
)

// TestGlossaryPressForm: a French target that writes an acronym as the
// press does ("l'Otan", "la Cop30") renders the term, as the glossary
// matcher reads it; before, QA warned that "OTAN" was expected.
func TestGlossaryPressForm(t *testing.T) {
	for _, c := range []struct {
		src, term, target string
		want              bool // a glossary issue
	}{
		{"NATO met today.", "OTAN", "L'Otan s'est réunie aujourd'hui.", false},
		{"NATO met today.", "OTAN", "Otan : réunion aujourd'hui.", false},
		{"COP talks resume.", "COP", "Les négociations de la Cop30 reprennent.", false},
		{"NATO met today.", "OTAN", "Les alliés se sont réunis aujourd'hui.", true},
		{"The US said.", "US", "Tell us.", true},
	} {
		word := c.src[:len(c.term)]
		if c.term == "OTAN" {
			word = "NATO"
		}
		hit := glossary.Hit{Start: 0, End: len(word), Text: word, Term: word, Targets: []string{c.term}}
		issues := Check(segments.Segment{Source: c.src, Target: c.target}, Context{SourceLang: "en", TargetLang: "fr", Hits: []glossary.Hit{hit}})
		got := false
		for _, is := range issues {
			got = got || is.Check == CheckGlossary
		}
		if got != c.want {
			t.Errorf("%q → %q: glossary issue %v, want %v (%v)", c.src, c.target, got, c.want, issues)
		}
	}
}
