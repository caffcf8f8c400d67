package glossary

import (
	"bufio"
	"bytes"
	"os"
	"strings"
	"testing"
	"unicode"
)

// TestMatchPressSpellings checks that the AFP spelling of an acronym
// ("l'Otan") matches its all-caps term, and that the guards keep common
// words and sentence starts out.
func TestMatchPressSpellings(t *testing.T) {
	m := NewMatcher(testGlossary(
		"OTAN|NATO|propn",
		"PIB|GDP|noun",
		"CNIL|CNIL|propn",
		"UE|EU|propn",
		"SUD|SUD union|propn",
		"CES|CES|propn",
		"5G|5G|noun",
		"Onu|UN|propn",
	), "fr", "en")
	checkHits(t, m, []hitCase{
		{"Le sommet de l'Otan.", "Otan=OTAN/folded"},
		{"L'Otan se réunit.", "Otan=OTAN/folded"},
		{"Le Pib a reculé, selon la Cnil.", "Pib=PIB/folded; Cnil=CNIL/folded"},
		{"Les membres de l'OTAN.", "OTAN=OTAN/exact"},
		{"L'ONU et l'Onu.", "ONU=Onu/folded; Onu=Onu/exact"},
		// Two letters keep their capitals; lower case is no acronym.
		{"L'Ue et l'otan, le pib.", ""},
		// A French word spelt like an acronym, and a sentence's first word.
		{"Le Sud du pays.", ""},
		{"Ces mesures. Ces autres.", ""},
		{"Otan: le sommet.", ""},
		{"La 5g.", ""},
	})
	en := NewMatcher(testGlossary("NATO|OTAN|propn"), "en", "fr")
	if got := en.Match("The Nato summit."); len(got) != 0 {
		t.Errorf("English text: the French press rule applied: %v", got)
	}
}

// TestMatchPressAccents checks that a press spelling keeping accents
// ("la Cédéao") matches an all-caps acronym written without them
// ("CEDEAO"), within the press guards.
func TestMatchPressAccents(t *testing.T) {
	m := NewMatcher(testGlossary(
		"CEDEAO|ECOWAS|propn",
		"UNEDIC|Unédic|propn",
		"CEMAC|CEMAC|propn",
		"MAIS|MAIS|propn",
	), "fr", "en")
	checkHits(t, m, []hitCase{
		{"Les sanctions de la Cédéao.", "Cédéao=CEDEAO/folded"},
		{"Le budget de l'Unédic et de la Cemac.", "Unédic=UNEDIC/folded; Cemac=CEMAC/folded"},
		{"L'Unédic prévoit un excédent.", "Unédic=UNEDIC/folded"},
		{"La CEDEAO et la Cedeao.", "CEDEAO=CEDEAO/exact; Cedeao=CEDEAO/folded"},
		// Lower case, all capitals with accents, a sentence's first word.
		{"La cédéao, la CÉDÉAO.", ""},
		{"Cédéao: le sommet.", ""},
		// A French word (maïs) is no acronym, whatever its accents.
		{"Le prix du Maïs.", ""},
		{"La Cèdeao et l'Unèdic.", "Cèdeao=CEDEAO/folded; Unèdic=UNEDIC/folded"},
	})
}

// hitCase is a text and its hits as hitString prints them.
type hitCase struct{ text, want string }

func checkHits(t *testing.T, m *Matcher, cases []hitCase) {
	t.Helper()
	for _, tc := range cases {
		if got := hitString(tc.text, m.Match(tc.text)); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestMatchVerbsAndNouns checks that French verb forms in -ent find their
// verb, and that nouns (a plural in -es, a word after a determiner) do not.
func TestMatchVerbsAndNouns(t *testing.T) {
	m := NewMatcher(testGlossary(
		"pirater|hack|verb",
		"voter|vote|verb",
		"contrôler|control",
		"gouverner|govern|verb",
	), "fr", "en")
	checkHits(t, m, []hitCase{
		{"Ils piratent les comptes.", "piratent=pirater/stemmed"},
		{"Les députés votent la loi.", "votent=voter/stemmed"},
		{"Ils les piratent.", "piratent=pirater/stemmed"},
		{"Le site a été piraté.", "piraté=pirater/stemmed"},
		{"Les pirates somaliens.", ""},
		{"Des pirates ont attaqué.", ""},
		{"Un pirate, le pirate.", ""},
		{"Il pirate le site.", "pirate=pirater/stemmed"},
		{"Des votes, un vote.", ""},
		{"Les contrôles, le contrôle.", ""},
		{"Ils contrôlent.", "contrôlent=contrôler/stemmed"},
		{"Le gouvernement.", ""},
	})
}

// TestMatchGuards checks that a guard picks the sense of a homograph from
// the segment's words, and that the unguarded sense is the default.
func TestMatchGuards(t *testing.T) {
	wage := &Entry{Terms: NewTerms(map[string][]string{"fr": {"Smic", "SMIC"}, "en": {"minimum wage"}})}
	foundry := &Entry{Terms: NewTerms(map[string][]string{"fr": {"SMIC"}, "en": {"SMIC"}}), Guard: "near: fonderie | puce | chinois; not: salaire"}
	flea := &Entry{Terms: NewTerms(map[string][]string{"fr": {"puce"}, "en": {"flea"}}), Guard: "near: chien | marché"}
	m := NewMatcher(New(foundry, wage, flea), "fr", "en")
	for _, tc := range []struct{ text, term, target string }{
		{"Le chinois SMIC grave des puces.", "SMIC", "SMIC"},
		{"La fonderie SMIC.", "SMIC", "SMIC"},
		{"Le Smic augmente de 2 %.", "Smic", "minimum wage"},
		{"Le SMIC augmente.", "SMIC", "minimum wage"},
		{"Le SMIC chinois et le salaire.", "SMIC", "minimum wage"},
		{"Le Smic des ouvriers chinois.", "Smic", "minimum wage"},
		{"Les puces du chien.", "puce", "flea"},
	} {
		hs := m.Match(tc.text)
		if len(hs) == 0 {
			t.Errorf("%q: no hit", tc.text)
			continue
		}
		h := hs[0]
		if h.Term != tc.term || strings.Join(h.Targets, "|") != tc.target {
			t.Errorf("%q: hit %s → %v, want %s → %s", tc.text, h.Term, h.Targets, tc.term, tc.target)
		}
	}
	if hs := m.Match("Des puces électroniques."); len(hs) != 0 {
		t.Errorf("guarded entry matched without its context: %v", hs)
	}
}

func TestParseGuard(t *testing.T) {
	for _, tc := range []struct{ in, err string }{
		{"near: a | b; not: c", ""},
		{"", ""},
		{"near a b", "want \"near: w1 | w2\""},
		{"near: deux mots", "single words"},
		{"close: a", "unknown kind"},
		{"not: |", "has no word"},
	} {
		_, err := ParseGuard(tc.in)
		if (err == nil) != (tc.err == "") || err != nil && !strings.Contains(err.Error(), tc.err) {
			t.Errorf("ParseGuard(%q) = %v, want %q", tc.in, err, tc.err)
		}
	}
}

// TestNoEquivalentRoundTrip checks that the "(none)" marker is read, kept
// by every multi-language writer, and never becomes a term.
func TestNoEquivalentRoundTrip(t *testing.T) {
	in := "fr\ten\tde\tzh\tdomain\tpos\tnote\tguard\n" +
		"Smic\tminimum wage\tMindestlohn\t(none)\teconomy\tpropn\t\tnot: fonderie\n"
	g, warns, err := Read(strings.NewReader(in), "in.tsv", FormatTSV)
	if err != nil || len(warns) > 0 {
		t.Fatalf("read: %v %v", err, warns)
	}
	e := g.Entries()[0]
	if !e.HasNone("zh") || e.HasNone("de") || len(e.Lang("zh")) != 0 || e.Guard != "not: fonderie" {
		t.Fatalf("read %+v", e)
	}
	if hs := NewMatcher(g, "fr", "zh").Match("Le Smic."); len(hs) != 1 || len(hs[0].Targets) != 0 {
		t.Errorf("zh targets of an entry with no equivalent: %+v", hs)
	}
	for _, f := range []Format{FormatTSVMulti, FormatCSVMulti, FormatTBX, FormatTBX3} {
		var buf bytes.Buffer
		if _, err := Write(&buf, g, f, WriteOptions{Langs: []string{"fr", "en", "de", "zh"}}); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		back, warns, err := Read(bytes.NewReader(buf.Bytes()), "out", f)
		if err != nil || len(warns) > 0 || back.Len() != 1 {
			t.Fatalf("%s: read back %v %v\n%s", f, err, warns, buf.String())
		}
		b := back.Entries()[0]
		if !b.HasNone("zh") || len(b.Lang("zh")) != 0 || b.Guard != e.Guard || b.Note != "" {
			t.Errorf("%s: not kept: %+v\n%s", f, b, buf.String())
		}
	}
	// The marker is a cell of its own, not a synonym.
	_, warns, _ = Read(strings.NewReader("fr\ten\na | (none)\tb\n"), "m.tsv", FormatTSV)
	if len(warns) != 1 || !strings.Contains(warns[0].String(), "m.tsv:2: (none) among fr terms") {
		t.Errorf("warnings %v", warns)
	}
}

// TestReadEmpty checks that a glossary without any entry is an error naming
// the file (issue 10), whatever its format.
func TestReadEmpty(t *testing.T) {
	for _, tc := range []struct {
		in     string
		format Format
	}{
		{"", FormatTSV},
		{"# only a comment\n", FormatTSV},
		{"fr\ten\n", FormatTSV},
		{"", FormatCSV},
		{"<martif type=\"TBX-Basic\"><text><body></body></text></martif>", FormatTBX},
		{"", FormatTBX},
	} {
		_, _, err := Read(strings.NewReader(tc.in), "empty.x", tc.format)
		if err == nil || !strings.Contains(err.Error(), "empty.x") {
			t.Errorf("%s %q: error %v, want one naming the file", tc.format, tc.in, err)
		}
	}
}

// TestLongTerm checks that a term longer than MaxTermWords is reported by
// the reader and left out by the matcher, which keeps matching linear.
func TestLongTerm(t *testing.T) {
	long := strings.TrimSpace(strings.Repeat("mot ", MaxTermWords+1))
	in := "fr\ten\n" + long + "\tword\n" + "mot\tword\n"
	g, warns, err := Read(strings.NewReader(in), "long.tsv", FormatTSV)
	if err != nil || len(warns) != 1 || !strings.Contains(warns[0].String(), "long.tsv:2: term of more than 32 words") {
		t.Fatalf("read: %v %v", err, warns)
	}
	hs := NewMatcher(g, "fr", "en").Match(long)
	if len(hs) != MaxTermWords+1 || hs[0].Term != "mot" {
		t.Errorf("%d hits, first %+v", len(hs), hs[0])
	}
	ok := strings.TrimSpace(strings.Repeat("mot ", MaxTermWords))
	g = New(&Entry{Terms: NewTerms(map[string][]string{"fr": {ok}, "en": {"x"}})})
	if hs := NewMatcher(g, "fr", "en").Match(ok); len(hs) != 1 {
		t.Errorf("a term of %d words: %d hits", MaxTermWords, len(hs))
	}
}

// frDictionary is the French Hunspell dictionary of Debian's hunspell-fr,
// used (when installed) to find acronyms that are also French words.
const frDictionary = "/usr/share/hunspell/fr_FR.dic"

// TestPressCommon checks that every all-caps word of the built-in French
// terms that is also a French word (in the Hunspell dictionary) is in
// pressCommon, so that its capitalised form is not taken for the acronym.
func TestPressCommon(t *testing.T) {
	f, err := os.Open(frDictionary)
	if err != nil {
		t.Skipf("no French dictionary (%v): install hunspell-fr", err)
	}
	defer f.Close()
	words := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w, _, _ := strings.Cut(sc.Text(), "/")
		w = strings.TrimSpace(w)
		words[w] = true
		// "maïs" is written "Maïs", which the press rule folds to MAIS.
		words[deaccent(w)] = true
	}
	checked := 0
	for _, e := range Default().Entries() {
		for _, term := range e.Lang("fr") {
			for _, w := range strings.FieldsFunc(term, func(r rune) bool { return !unicode.IsLetter(r) }) {
				if len([]rune(w)) < minPressLetters || !AllCaps(w) {
					continue
				}
				checked++
				if l := strings.ToLower(w); words[l] && !pressCommon[l] {
					t.Errorf("%s (%s): %q is a French word: add it to pressCommon", e.Origin, term, l)
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no acronym in the built-in data: the test checks nothing")
	}
}

// TestBuiltinHomographs checks the press spellings, verb forms and guarded
// homographs of issue 14 against the built-in glossary.
func TestBuiltinHomographs(t *testing.T) {
	m := NewMatcher(Default(), "fr", "en")
	for _, tc := range []struct{ text, hit, target string }{
		{"Le sommet de l'Otan à La Haye.", "Otan", "NATO"},
		{"Les inspecteurs de la Cnil.", "Cnil", "CNIL"},
		{"L'Opep+ réduit sa production.", "Opep+", "OPEC+"},
		{"Le Pib a reculé.", "Pib", "GDP"},
		{"Les USA et la Chine.", "USA", "United States"},
		{"Le Smic sera revalorisé.", "Smic", "minimum wage"},
		{"La hausse du SMIC pour les salariés.", "SMIC", "minimum wage"},
		{"Le chinois SMIC grave des puces en 7 nanomètres.", "SMIC", "SMIC"},
		{"Des hackers piratent les comptes.", "piratent", "hack"},
		{"Les députés votent la loi.", "votent", "vote"},
		{"Le règlement entrera en application en 2026.", "entrera en application", "apply"},
		{"Le géant Tencent investit.", "géant", "tech giant"},
		{"Les actions de Nvidia ont chuté en Bourse.", "actions", "share"},
		{"Le patron de X, Elon Musk, a publié un message.", "X", "X"},
		{"En application de l'article 49.3, le texte passe.", "En application de", "pursuant to"},
	} {
		found := false
		for _, h := range m.Match(tc.text) {
			if h.Text == tc.hit && len(h.Targets) > 0 && h.Targets[0] == tc.target {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: no hit %q → %q: %s", tc.text, tc.hit, tc.target, hitString(tc.text, m.Match(tc.text)))
		}
	}
	for _, tc := range []struct{ text, notHit string }{
		{"Des pirates somaliens.", "pirater"},
		{"Le géant pétrolier TotalEnergies.", "géant"},
		{"Les actions du gouvernement.", "action"},
		{"Le règlement entrera en application.", "application"},
		{"Le Sud du pays.", "SUD"},
		{"Le chromosome X est inactivé.", "X"},
		{"Le marché aux puces de Saint-Ouen.", "puce"},
		{"En application de l'article 49.3.", "application"},
	} {
		for _, h := range m.Match(tc.text) {
			if h.Term == tc.notHit {
				t.Errorf("%q: hit %q (%s)", tc.text, h.Term, h.Text)
			}
		}
	}
}
