package qa

import (
	"context"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/segments"
	"github.com/trad-project/trad/spell"
)

func TestLinkLocalisation(t *testing.T) {
	runCases(t, []checkCase{
		{"language folder", "fr", "en", "Voir https://ex.org/fr/rapport.", "See https://ex.org/en/rapport.", ""},
		{"language suffix", "fr", "en", "Voir https://commission.europa.eu/index_fr.", "See https://commission.europa.eu/index_en.", ""},
		{"language subdomain", "fr", "en", "Voir https://fr.wikipedia.org/wiki/Paris.", "See https://en.wikipedia.org/wiki/Paris.", ""},
		{"language and region", "fr", "en", "Voir https://ex.org/fr-fr/a.", "See https://ex.org/en-gb/a.", ""},
		{"host case", "fr", "en", "Voir https://Ex.org/a.", "See https://ex.org/a.", ""},
		{"localised slug", "fr", "en", "Voir https://ex.org/fr/rapport-2024.", "See https://ex.org/en/report-2024.", "link-path"},
		{"wrong language", "fr", "en", "Voir https://ex.org/fr/a.", "See https://ex.org/de/a.", "links"},
		{"scheme changed", "fr", "en", "Voir https://ex.org/a.", "See http://ex.org/a.", "links"},
		{"host changed", "fr", "en", "Voir https://ex.org/fr/a.", "See https://ex.com/en/a.", "links"},
		{"path changed without language", "fr", "en", "Voir https://ex.org/rapport.", "See https://ex.org/report.", "links"},
		{"path case changed", "fr", "en", "Voir https://ex.org/Rapport.", "See https://ex.org/rapport.", "links"},
	})
}

func TestSpaceBeforeComma(t *testing.T) {
	runCases(t, []checkCase{
		{"space before full stop", "fr", "en", "Une aide.", "Development aid .", "stray-space"},
		{"space before comma", "fr", "en", "Kaspersky, disent-ils.", "Kaspersky , they say.", "stray-space"},
		{"dotnet", "fr", "en", "Il code en .NET.", "He codes in .NET.", ""},
		{"french target", "en", "fr", "Aid, too.", "L'aide , aussi.", "fr-spacing"},
	})
}

func TestBracketsAreErrors(t *testing.T) {
	seg := segments.Segment{Source: "Il a dit « non ».", Target: "He said \"no.", Status: segments.StatusTranslated}
	is := Check(seg, Context{SourceLang: "fr", TargetLang: "en"})
	if len(is) != 1 || is[0].Check != CheckBrackets || is[0].Severity != Error {
		t.Errorf("unbalanced quote: %v", is)
	}
}

func TestBlockMarker(t *testing.T) {
	for _, tc := range []struct {
		kind     segments.BlockKind
		src, tgt string
		want     string
	}{
		{segments.KindHeading, "Le contexte", "## Background", "block-marker"},
		{segments.KindListItem, "Premier point.", "- First point.", "block-marker"},
		{segments.KindListItem, "Premier point.", "1. First point.", "block-marker"},
		{segments.KindQuote, "Une citation.", "> A quote.", "block-marker"},
		{segments.KindHeading, "1. Le contexte", "1. Background", ""},
		{segments.KindParagraph, "Texte.", "# Text.", ""},
		{segments.KindHeading, "Le contexte", "#MeToo background", ""},
		{segments.KindListItem, "Point.", "-Point.", ""},
	} {
		seg := segments.Segment{Source: tc.src, Target: tc.tgt, Status: segments.StatusTranslated}
		var got []string
		for _, is := range Check(seg, Context{SourceLang: "fr", TargetLang: "en", Block: tc.kind}) {
			got = append(got, is.Check)
			if is.Check == CheckBlockMarker && (is.Severity != Error || is.Start != 0 || is.End == 0) {
				t.Errorf("%q: %+v", tc.tgt, is)
			}
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("%s %q → %q: got [%s] want [%s]", tc.kind, tc.src, tc.tgt, g, tc.want)
		}
	}
}

func TestLength(t *testing.T) {
	src := "Le président a été destitué par le Parlement, qui lui reproche d'avoir tenté d'imposer la loi martiale, et la Cour a confirmé."
	runCases(t, []checkCase{
		{"omission", "fr", "en", src, "The president was impeached by parliament.", "length"},
		{"whole", "fr", "en", src, "The president was impeached by parliament, which accused him of trying to impose martial law, and the court upheld it.", ""},
		{"short source", "fr", "en", "Le président a été destitué par le Parlement hier.", "He was impeached.", ""},
	})
}

func TestMessagesAreNotCut(t *testing.T) {
	long := "a very long glossary translation that goes on well past forty characters"
	e := &glossary.Entry{Terms: glossary.NewTerms(map[string][]string{"fr": {"souveraineté numérique"}, "en": {long}})}
	m := glossary.NewMatcher(glossary.New(e), "fr", "en")
	src := "La souveraineté numérique."
	is := Check(segments.Segment{Source: src, Target: "Digital autonomy.", Status: segments.StatusTranslated},
		Context{SourceLang: "fr", TargetLang: "en", Hits: m.Match(src)})
	if len(is) != 1 || !strings.Contains(is[0].Message, long) || !strings.Contains(is[0].String(), long) {
		t.Errorf("message cut: %v", is)
	}
}

// TestGlossaryEvidence checks what satisfies a glossary term besides its
// translations: nothing for general vocabulary, a longer entry, a
// rendering used elsewhere in the project.
func TestGlossaryEvidence(t *testing.T) {
	g := glossary.New(
		&glossary.Entry{Terms: glossary.NewTerms(map[string][]string{"fr": {"guerre"}, "en": {"war"}}), General: true},
		&glossary.Entry{Terms: glossary.NewTerms(map[string][]string{"fr": {"règlement"}, "en": {"regulation"}})},
		&glossary.Entry{Terms: glossary.NewTerms(map[string][]string{"fr": {"puce"}, "en": {"chip"}})},
		&glossary.Entry{Terms: glossary.NewTerms(map[string][]string{"fr": {"règlement sur les puces"}, "en": {"Chips Act"}})},
		&glossary.Entry{Terms: glossary.NewTerms(map[string][]string{"fr": {"incursion"}, "en": {"incursion"}})},
	)
	m := glossary.NewMatcher(g, "fr", "en")
	check := func(p *Project, i int, src, tgt string) []string {
		var ids []string
		for _, is := range Check(segments.Segment{Index: i, Source: src, Target: tgt, Status: segments.StatusTranslated},
			Context{SourceLang: "fr", TargetLang: "en", Hits: m.Match(src), Project: p}) {
			ids = append(ids, is.Check+":"+is.Severity.String())
		}
		return ids
	}
	alone := NewProject("fr", "en", g, nil, nil)
	for _, tc := range []struct{ src, tgt, want string }{
		{"La guerre continue.", "The conflict goes on.", ""},
		{"Le règlement européen sur les puces.", "The European Chips Act.", ""},
		{"Le règlement européen sur les puces.", "The European chip law.", "glossary:warning"},
		{"Un règlement.", "A rule.", "glossary:warning"},
		{"Les règlements sur les puces.", "The Chips Acts.", ""},
		{"Les règlements sur les puces.", "The regulations on chips.", "glossary:warning"},
	} {
		if got := strings.Join(check(alone, 0, tc.src, tc.tgt), " "); got != tc.want {
			t.Errorf("%q → %q: got [%s] want [%s]", tc.src, tc.tgt, got, tc.want)
		}
	}
	// Without the project, "raids" for "incursions" is a warning; with a
	// project where the translator wrote "raids" for it elsewhere, it is
	// not, unless "raids" is common in targets without the term.
	doc := &segments.Document{SourceLang: language.French, TargetLang: language.English, Segments: []segments.Segment{
		{Index: 0, Source: "Les incursions se multiplient.", Target: "The raids are growing."},
		{Index: 1, Source: "De nouvelles incursions ont eu lieu.", Target: "New raids took place."},
		{Index: 2, Source: "Les incursions chinoises inquiètent.", Target: "Chinese flights worry Taipei."},
	}}
	p := NewProject("fr", "en", g, m, doc)
	if got := check(nil, 1, doc.Segments[1].Source, doc.Segments[1].Target); len(got) != 1 {
		t.Errorf("without project: %v", got)
	}
	if got := check(p, 1, doc.Segments[1].Source, doc.Segments[1].Target); len(got) != 0 {
		t.Errorf("with the project's rendering: %v", got)
	}
	if got := check(p, 2, doc.Segments[2].Source, doc.Segments[2].Target); len(got) != 1 {
		t.Errorf("a rendering used nowhere else: %v", got)
	}
	doc.Segments[1].Target = "Further raids took place."
	doc.Segments = append(doc.Segments,
		segments.Segment{Index: 3, Source: "Il pleut.", Target: "Further rain fell."},
		segments.Segment{Index: 4, Source: "Il neige.", Target: "Further snow fell."})
	p = NewProject("fr", "en", g, m, doc)
	if got := check(p, 2, doc.Segments[2].Source, "Further planes worry Taipei."); len(got) != 1 {
		t.Errorf("common words are no evidence: %v", got)
	}
	if got := check(p, 2, doc.Segments[2].Source, "Further raids worry Taipei."); len(got) != 0 {
		t.Errorf("the rendering of segment 2: %v", got)
	}
}

// fakeSpeller rejects the words of a list.
type fakeSpeller map[string]bool

func (f fakeSpeller) CheckSkip(_ context.Context, text string, skip func(string) bool) ([]spell.Span, error) {
	var out []spell.Span
	for _, w := range spell.Words(text) {
		if f[w.Word] && (skip == nil || !skip(w.Word)) {
			out = append(out, spell.Span(w))
		}
	}
	return out, nil
}

func TestSpellingCheck(t *testing.T) {
	sp := fakeSpeller{"goverment": true, "Zelensky": true, "Kyiv": false, "Taipei": true}
	e := &glossary.Entry{Terms: glossary.NewTerms(map[string][]string{"fr": {"Taïwan"}, "en": {"Taipei"}})}
	g := glossary.New(e)
	src := "Le gouvernement de Zelensky et Taïwan."
	tgt := "Zelensky's goverment and Taipei."
	is := Check(segments.Segment{Source: src, Target: tgt, Status: segments.StatusTranslated},
		Context{SourceLang: "fr", TargetLang: "en", Spell: sp, Project: NewProject("fr", "en", g, nil, nil), Hits: glossary.NewMatcher(g, "fr", "en").Match(src)})
	if len(is) != 1 || is[0].Check != CheckSpelling || tgt[is[0].Start:is[0].End] != "goverment" || is[0].Severity != Warning {
		t.Errorf("spelling: %v", is)
	}
}

func TestNamesCheck(t *testing.T) {
	sp := fakeSpeller{"Espagne": true, "Liban": true}
	for _, tc := range []struct{ src, tgt, want string }{
		{"Elle a fermé son centre de Grenoble, selon les syndicats.", "It closed its centre, according to the unions.", "names"},
		{"Elle a fermé son centre de Grenoble.", "It closed its Grenoble centre.", ""},
		{"Des soldats en Espagne et au Liban.", "Soldiers in Spain and Lebanon.", ""},
		{"Le Parlement a voté.", "Parliament voted.", ""},
		{"Il part en Mai.", "He leaves in May.", ""},
		{"Selon l'OTAN.", "According to NATO.", ""},
		// A ministry's portfolio is translated, not a name to find.
		{"Le ministre des Affaires étrangères Jean-Yves Le Drian a parlé.", "French Foreign Minister Jean-Yves Le Drian spoke.", ""},
		{"La secrétaire d'État chargée du Numérique et le ministère de l'Intérieur.", "The digital minister and the Interior Ministry.", ""},
		{"Le ministre des Armées a visité Grenoble.", "The armed forces minister visited.", "names"},
		{"A annoncé le ministre français des Affaires étrangères Jean-Yves Le Drian.", "French Foreign Minister Jean-Yves Le Drian announced.", ""},
		{"La ministre française déléguée aux Affaires européennes.", "The French Europe minister.", ""},
	} {
		var got []string
		for _, is := range Check(segments.Segment{Source: tc.src, Target: tc.tgt, Status: segments.StatusTranslated},
			Context{SourceLang: "fr", TargetLang: "en", Spell: sp}) {
			got = append(got, is.Check)
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("%q → %q: got [%s] want [%s]", tc.src, tc.tgt, g, tc.want)
		}
	}
}

func consistencyDoc() *segments.Document {
	segs := []segments.Segment{
		{Source: "Les sanctions entrent en vigueur.", Target: "The sanctions take effect."},
		{Source: "Les  sanctions entrent en vigueur !", Target: "Sanctions come into force!"},
		{Source: "Les sanctions entrent en vigueur.", Target: "the sanctions take effect"},
		{Source: "Les mesures s'appliquent.", Target: "The sanctions take effect."},
		{Source: "Oui.", Target: "Yes."},
		{Source: "Si.", Target: "Yes."},
		{Source: "Pas traduit.", Target: ""},
	}
	for i := range segs {
		segs[i].Index = i
		segs[i].Status = segments.StatusTranslated
	}
	return &segments.Document{SourceLang: language.French, TargetLang: language.English, Segments: segs}
}

func TestConsistency(t *testing.T) {
	doc := consistencyDoc()
	var got []string
	for _, is := range CheckConsistency(doc, nil) {
		got = append(got, is.String())
	}
	want := []string{
		`seg 1 warning inconsistent-target: same source translated differently in segment 2: "Sanctions come into force!"`,
		`seg 1 warning inconsistent-source: same translation for a different source in segment 4: "Les mesures s'appliquent."`,
		`seg 2 warning inconsistent-target: same source translated differently in segment 1: "The sanctions take effect."; segment 3: "the sanctions take effect"`,
		`seg 3 warning inconsistent-target: same source translated differently in segment 2: "Sanctions come into force!"`,
		`seg 3 warning inconsistent-source: same translation for a different source in segment 4: "Les mesures s'appliquent."`,
		`seg 4 warning inconsistent-source: same translation for a different source in segment 1: "Les sanctions entrent en vigueur."; segment 3: "Les sanctions entrent en vigueur."`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if n := len(CheckConsistency(doc, &Config{Disable: []string{CheckInconsistentSource, CheckInconsistentTarget}})); n != 0 {
		t.Errorf("disabled: %d issues", n)
	}
}

func TestIgnore(t *testing.T) {
	doc := consistencyDoc()
	issues := CheckDocument(doc, nil, nil, nil)
	var target *Issue
	for k := range issues {
		if issues[k].Segment == 1 && issues[k].Check == CheckInconsistentTarget {
			target = &issues[k]
		}
	}
	if target == nil || target.Key == "" {
		t.Fatalf("no inconsistent-target issue on segment 2: %v", issues)
	}
	when := time.Date(2026, 12, 5, 23, 10, 0, 0, time.UTC)
	if !Ignore(doc, target, "ana", when) || Ignore(doc, target, "bob", when) {
		t.Fatal("Ignore: want true then false")
	}
	if !strings.HasSuffix(target.String(), "(ignored by ana 2026-12-05 23:10 UTC)") {
		t.Errorf("String: %s", target)
	}
	// A new run finds the same issue with the same key, marked.
	again := CheckDocument(doc, nil, nil, nil)
	ignored := 0
	for _, is := range again {
		if is.Ignored != nil {
			ignored++
			if is.Key != target.Key || is.Ignored.Who != "ana" {
				t.Errorf("marked %+v", is)
			}
		}
	}
	if ignored != 1 || len(Standing(again)) != len(again)-1 {
		t.Errorf("%d ignored of %d", ignored, len(again))
	}
	// A changed finding is a new issue: segment 1 now differs otherwise.
	doc.Segments[0].Target = "Sanctions apply."
	for _, is := range CheckDocument(doc, nil, nil, nil) {
		if is.Segment == 1 && is.Check == CheckInconsistentTarget && is.Ignored != nil {
			t.Errorf("a changed finding stayed ignored: %v", is)
		}
	}
	if !Unignore(doc, target) || target.Ignored != nil || doc.Segments[1].QAIgnored != nil {
		t.Error("Unignore")
	}
}

func TestHasTermVariants(t *testing.T) {
	en := analyzer("en")
	for _, tc := range []struct {
		text, term string
		want       bool
	}{
		{"Israel's Iron Dome", "Israeli", true},
		{"the Azerbaijani embassy", "Azerbaijan", true},
		{"talks between Russia and Ukraine", "Ukrainian", true},
		{"Europe's ambitions", "European", true},
		{"Production of 155 mm shells", "155mm shell", true},
		{"Production of 155mm shells", "155 mm shell", true},
		{"a 3 nm process", "3nm process", true},
		{"in Australia", "Austria", false},
		{"in Iraq", "Iran", false},
		{"the europeans", "Eurozone", false},
		{"a social network", "social networking", true},
		{"the socialist party", "social", false},
	} {
		if got := hasTerm("en", en.Tokens(tc.text), en.Tokens(tc.term)); got != tc.want {
			t.Errorf("hasTerm(%q, %q) = %v, want %v", tc.text, tc.term, got, tc.want)
		}
	}
}

func TestCopiedWords(t *testing.T) {
	fr := fakeSpeller{"plan": false, "soutien": true, "aux": true, "agriculteurs": true, "laïcité": true, "de": true}
	src := "Le gouvernement a annoncé un plan de soutien aux agriculteurs."
	for _, tc := range []struct{ tgt, want string }{
		{"The government announced un plan de soutien aux agriculteurs.", "copied-words"},
		{"The government announced a support plan for farmers.", ""},
		{"The government announced a plan de soutien.", ""}, // two words: may be quoted
	} {
		var got []string
		for _, is := range Check(segments.Segment{Source: src, Target: tc.tgt, Status: segments.StatusTranslated},
			Context{SourceLang: "fr", TargetLang: "en", Spell: fr}) {
			if is.Check != CheckSpelling {
				got = append(got, is.Check)
				if is.Severity != Error {
					t.Errorf("%v: want an error", is)
				}
			}
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("%q: got [%s] want [%s]", tc.tgt, g, tc.want)
		}
	}
}
