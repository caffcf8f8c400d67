package glossary

import (
	"fmt"
	"hash/maphash"
	"slices"
	"strings"
	"sync"
	"testing"
)

// testGlossary builds a French–English glossary from "fr|en|pos" lines.
func testGlossary(lines ...string) *Glossary {
	var es []*Entry
	for i, l := range lines {
		f := strings.Split(l, "|")
		e := &Entry{Terms: NewTerms(map[string][]string{"fr": {f[0]}, "en": {f[1]}}), Domain: "test", Origin: Origin{File: "t.tsv", Line: i + 1}}
		if len(f) > 2 {
			e.POS = f[2]
		}
		es = append(es, e)
	}
	return New(es...)
}

func hitString(text string, hs []Hit) string {
	var parts []string
	for _, h := range hs {
		if text[h.Start:h.End] != h.Text {
			parts = append(parts, "BAD SPAN")
		}
		parts = append(parts, fmt.Sprintf("%s=%s/%s", h.Text, h.Term, h.How))
	}
	return strings.Join(parts, "; ")
}

func TestMatch(t *testing.T) {
	g := testGlossary(
		"réseau social|social network|noun",
		"donnée|data|noun",
		"don|donation|noun",
		"télécharger|download|verb",
		"part|share|noun",
		"porte|door|noun",
		"marché|market|noun",
		"sanction|sanction|noun",
		"IA|AI|noun",
		"UE|EU|propn",
		"5G|5G|noun",
		"intelligence artificielle|artificial intelligence|noun",
		"Union européenne|European Union|propn",
		"porte-parole|spokesperson|noun",
		"Royaume-Uni|United Kingdom|propn",
		"chef d'État|head of state|noun",
		"guerre commerciale|trade war|noun",
		"guerre|war|noun",
		"Maison-Blanche|White House|propn",
		"loi|law|noun",
		"taux de change|exchange rate|noun",
		"Pékin|Beijing|propn",
		"contrôle des exportations|export controls|noun",
		"plateforme|platform|noun",
		"U.S.|U.S.|propn",
		"social|social|adj",
	)
	m := NewMatcher(g, "fr-FR", "en")
	for _, tc := range []struct{ text, want string }{
		{"Les réseaux sociaux et les données.", "réseaux sociaux=réseau social/stemmed; données=donnée/stemmed"},
		{"Un réseau social.", "réseau social=réseau social/exact"},
		{"RÉSEAU SOCIAL", "RÉSEAU SOCIAL=réseau social/folded"},
		{"Un don, des dons.", "don=don/exact; dons=don/stemmed"},
		{"Une vidéo téléchargée, téléchargez-la.", "téléchargée=télécharger/stemmed; téléchargez=télécharger/stemmed"},
		// Traps: a stem shared by another word is not a hit.
		{"Une partie du marché", "marché=marché/exact"},
		{"Ils veulent marcher.", ""},
		{"Des parts de marchés.", "parts=part/stemmed; marchés=marché/stemmed"},
		{"La portée de la loi ; les lois.", "loi=loi/exact; lois=loi/stemmed"},
		{"Ouvrir les portes du port.", "portes=porte/stemmed"},
		{"Sanctionner la Chine ; des sanctions.", "sanctions=sanction/stemmed"},
		// Acronyms match only as written.
		{"L'IA et l'UE ; ia, Ue, la 5G, la 5g.", "IA=IA/exact; UE=UE/exact; 5G=5G/exact"},
		// Elisions, both apostrophes, longest match first.
		{"l’intelligence artificielle de l'Union européenne", "intelligence artificielle=intelligence artificielle/exact; Union européenne=Union européenne/exact"},
		{"d'intelligences artificielles", "intelligences artificielles=intelligence artificielle/stemmed"},
		{"Le chef d’État et les chefs d'État", "chef d’État=chef d'État/exact; chefs d'État=chef d'État/stemmed"},
		{"La guerre commerciale, puis la guerre.", "guerre commerciale=guerre commerciale/exact; guerre=guerre/exact"},
		{"Les guerres commerciales", "guerres commerciales=guerre commerciale/stemmed"},
		// Hyphenated compounds, with or without the hyphen.
		{"Le porte-parole de la Maison-Blanche", "porte-parole=porte-parole/exact; Maison-Blanche=Maison-Blanche/exact"},
		{"le porte parole du Royaume Uni, la Maison Blanche", "porte parole=porte-parole/exact; Royaume Uni=Royaume-Uni/exact; Maison Blanche=Maison-Blanche/exact"},
		// Punctuation between words breaks a term.
		{"la guerre, commerciale", "guerre=guerre/exact"},
		// Complements after a preposition and proper nouns do not inflect.
		{"les taux de change", "taux de change=taux de change/exact"},
		{"Pékin ; PÉKIN ; pékin ; Pékins", "Pékin=Pékin/exact; PÉKIN=Pékin/folded"},
		{"le contrôle des exportations", "contrôle des exportations=contrôle des exportations/exact"},
		{"les contrôles des exportations", "contrôles des exportations=contrôle des exportations/stemmed"},
		{"les U.S. et les U S", "U.S=U.S./exact; U S=U.S./exact"},
		{"Plateformes sociales", "Plateformes=plateforme/stemmed; sociales=social/stemmed"},
		{"", ""},
		{"«»—…", ""},
	} {
		if got := hitString(tc.text, m.Match(tc.text)); got != tc.want {
			t.Errorf("Match(%q)\n got: %s\nwant: %s", tc.text, got, tc.want)
		}
	}
}

func TestMatchNFD(t *testing.T) {
	m := NewMatcher(testGlossary("donnée|data|noun"), "fr", "en")
	text := "les donne\u0301es" // decomposed é
	hs := m.Match(text)
	if len(hs) != 1 || hs[0].Start != 4 || hs[0].End != len(text) || hs[0].How != HowStemmed {
		t.Errorf("NFD text: %+v", hs)
	}
}

func TestMatchTargetsAndPriority(t *testing.T) {
	user := New(&Entry{Terms: NewTerms(map[string][]string{"fr": {"plateforme"}, "en": {"online platform"}}), Origin: Origin{File: "user.tsv", Line: 3}})
	builtin := New(&Entry{Terms: NewTerms(map[string][]string{"fr": {"plateforme"}, "en": {"platform", "online platform"}}), Domain: "tech", Origin: Origin{File: BuiltinName, Line: 9}},
		&Entry{Terms: NewTerms(map[string][]string{"fr": {"nuage"}}), Origin: Origin{File: BuiltinName, Line: 10}})
	m := NewMatcher(Merge(user, builtin), "fr", "en-US")
	hs := m.Match("La plateforme dans le nuage")
	if len(hs) != 2 {
		t.Fatalf("hits %+v", hs)
	}
	if got := strings.Join(hs[0].Targets, "|"); got != "online platform|platform" || hs[0].Entry.Origin.String() != "user.tsv:3" {
		t.Errorf("plateforme: targets %q origin %s", got, hs[0].Entry.Origin)
	}
	if len(hs[1].Targets) != 0 || hs[1].Entry.Origin.String() != "builtin" {
		t.Errorf("nuage: %+v", hs[1])
	}
}

func TestMatchOmegaTPairs(t *testing.T) {
	g, _, err := Read(strings.NewReader("mémoire de traduction\ttranslation memory\tTM\n"), "g.txt", FormatTSV)
	if err != nil {
		t.Fatal(err)
	}
	hs := NewMatcher(g, "de", "en").Match("Eine mémoire de traduction")
	if len(hs) != 1 || hs[0].Targets[0] != "translation memory" {
		t.Errorf("unnamed columns are the pair's source and target: %+v", hs)
	}
}

func TestTokens(t *testing.T) {
	a := NewAnalyzer("fr")
	var got []string
	for _, tk := range a.Tokens("L’État qu'aujourd'hui jusqu'à 3,5 % — porte-parole 人工智能 Ça") {
		got = append(got, tk.Text+":"+tk.Fold+":"+tk.Stem)
	}
	want := "État:état:état aujourd'hui:aujourd'hui:aujourd'hui à:à:à 3,5:3,5:3,5 porte:porte:port parole:parole:parol 人:人:人 工:工:工 智:智:智 能:能:能 Ça:ça:ça"
	if strings.Join(got, " ") != want {
		t.Errorf("tokens\n got: %s\nwant: %s", strings.Join(got, " "), want)
	}
	en := NewAnalyzer("en")
	got = got[:0]
	for _, tk := range en.Tokens("Apple's social networks' data") {
		got = append(got, tk.Text+":"+tk.Stem)
	}
	if g := strings.Join(got, " "); g != "Apple:appl social:social networks:network data:data" {
		t.Errorf("english tokens: %s", g)
	}
}

// TestMatchUnaccentedCapitals checks that a capital written without its
// accent ("Etat", "ETATS-UNIS") matches, and never a lower-case letter.
func TestMatchUnaccentedCapitals(t *testing.T) {
	g := testGlossary(
		"État|state|noun",
		"États-Unis|United States|propn",
		"élection présidentielle|presidential election|noun",
		"école|school|noun",
		"Égypte|Egypt|propn",
		"élève|pupil|noun",
		"événement|event|noun",
		"à la une|front page|other",
		"chef d'État|head of state|noun",
		"œuvre|work|noun",
		"ÉNA|ENA|propn",
	)
	m := NewMatcher(g, "fr", "en")
	for _, tc := range []struct{ text, want string }{
		{"Etat", "Etat=État/folded"},
		{"L'Etat et l’État.", "Etat=État/folded; État=État/exact"},
		{"ETATS-UNIS, Etats-Unis, Etats Unis, États-Unis", "ETATS-UNIS=États-Unis/folded; Etats-Unis=États-Unis/folded; Etats Unis=États-Unis/folded; États-Unis=États-Unis/exact"},
		{"Election présidentielle", "Election présidentielle=élection présidentielle/folded"},
		{"ELECTIONS PRESIDENTIELLES", "ELECTIONS PRESIDENTIELLES=élection présidentielle/stemmed"},
		{"des Etats", "Etats=État/stemmed"},
		{"Ecole, Egypte, EGYPTE", "Ecole=école/folded; Egypte=Égypte/folded; EGYPTE=Égypte/folded"},
		{"Evénement, EVENEMENT", "Evénement=événement/folded; EVENEMENT=événement/folded"},
		{"le chef d'Etat", "chef d'Etat=chef d'État/folded"},
		{"OEUVRE, Oeuvre", "OEUVRE=œuvre/folded; Oeuvre=œuvre/folded"},
		{"l'ENA, l'ÉNA", "ENA=ÉNA/folded; ÉNA=ÉNA/exact"},
		// "A" at the start of a sentence is the capital of "à"; "a" is not.
		{"A la une. Il a la une.", "A la une=à la une/folded"},
		// Only a capital may lack its accent.
		{"etat, etats-unis, ecole, egypte, oeuvre", ""},
		{"Etat etat", "Etat=État/folded"},
		{"le chef d'etat, election présidentielle", ""},
		{"ELEVE, Eleve, eleve", "ELEVE=élève/folded"},
		{"Ena, ena", ""},
	} {
		if got := hitString(tc.text, m.Match(tc.text)); got != tc.want {
			t.Errorf("Match(%q)\n got: %s\nwant: %s", tc.text, got, tc.want)
		}
	}
}

// TestMatchCapitalisedNames checks that a term word starting with a
// capital (a name: "Orange", "les Vingt-Sept") matches a text word with a
// capital, never one written all in lower case ("orange", "vingt-sept"),
// and that a lower-case spelling given as well still matches both.
func TestMatchCapitalisedNames(t *testing.T) {
	g := testGlossary(
		"Vingt-Sept|EU27|propn",
		"Orange|Orange|propn",
		"Meta|Meta|propn",
		"Internet|internet|noun",
		"internet|internet|noun",
		"Union européenne|European Union|propn",
		"Parlement|parliament|noun",
		"États-Unis|United States|propn",
		"IA|AI|noun",
		"iPhone|iPhone|propn",
	)
	m := NewMatcher(g, "fr", "en")
	for _, tc := range []struct{ text, want string }{
		// Lower case: the numeral, the colour, the prefix.
		{"Les vingt-sept pays, une orange, le meta-modèle.", ""},
		// Sentence-initial numeral: "sept" is still lower case.
		{"Vingt-sept morts.", ""},
		{"Les Vingt-Sept et les VINGT-SEPT", "Vingt-Sept=Vingt-Sept/exact; VINGT-SEPT=Vingt-Sept/folded"},
		{"Orange et Meta. ORANGE, META.", "Orange=Orange/exact; Meta=Meta/exact; ORANGE=Orange/folded; META=Meta/folded"},
		// Only the capitalised words of a term need a capital.
		{"l'Union européenne, l'Union Européenne, l'union européenne", "Union européenne=Union européenne/exact; Union Européenne=Union européenne/folded"},
		{"les Parlements, les parlements", "Parlements=Parlement/stemmed"},
		// A lower-case spelling of the same term matches every case.
		{"Internet, internet, INTERNET", "Internet=Internet/exact; internet=internet/exact; INTERNET=Internet/folded"},
		// Acronyms and unaccented capitals keep their rules.
		{"IA, ia, Ia", "IA=IA/exact"},
		{"Etats-Unis, ETATS-UNIS, etats-unis, états-unis", "Etats-Unis=États-Unis/folded; ETATS-UNIS=États-Unis/folded"},
		// A term starting in lower case matches any case.
		{"iPhone, iphone, IPHONE", "iPhone=iPhone/exact; iphone=iPhone/folded; IPHONE=iPhone/folded"},
	} {
		if got := hitString(tc.text, m.Match(tc.text)); got != tc.want {
			t.Errorf("Match(%q)\n got: %s\nwant: %s", tc.text, got, tc.want)
		}
	}
}

// TestMatchHyphenatedPlurals checks that every part of a hyphenated word
// of a term agrees in number ("câbles sous-marins" for "câble
// sous-marin"), so the longer term wins over its last word.
func TestMatchHyphenatedPlurals(t *testing.T) {
	g := testGlossary(
		"câble sous-marin|undersea cable|noun",
		"sous-marin|submarine|noun",
		"semi-conducteur|semiconductor|noun",
		"usine de semi-conducteurs|chip plant|noun",
		"lance-missiles|missile launcher|noun",
		"missile|missile|noun",
		"grand-parent|grandparent|noun",
		"taux de change|exchange rate|noun",
		"arc-en-ciel|rainbow|noun",
	)
	m := NewMatcher(g, "fr", "en")
	for _, tc := range []struct{ text, want string }{
		{"un câble sous-marin", "câble sous-marin=câble sous-marin/exact"},
		{"des câbles sous-marins", "câbles sous-marins=câble sous-marin/stemmed"},
		{"des câbles sous-marin", "câbles sous-marin=câble sous-marin/stemmed"},
		{"des câbles sous marins", "câbles sous marins=câble sous-marin/stemmed"},
		{"CÂBLES SOUS-MARINS", "CÂBLES SOUS-MARINS=câble sous-marin/stemmed"},
		{"des sous-marins", "sous-marins=sous-marin/stemmed"},
		{"les semi-conducteurs", "semi-conducteurs=semi-conducteur/stemmed"},
		{"les usines de semi-conducteurs", "usines de semi-conducteurs=usine de semi-conducteurs/stemmed"},
		{"des lance-missiles", "lance-missiles=lance-missiles/exact"},
		{"mes grands-parents", "grands-parents=grand-parent/stemmed"},
		{"des arcs-en-ciel", "arcs-en-ciel=arc-en-ciel/stemmed"},
		// A preposition between spaces still freezes its complement.
		{"les taux de changes", ""},
		// "sous" is not inflected.
		{"des câbles sou-marins", ""},
	} {
		if got := hitString(tc.text, m.Match(tc.text)); got != tc.want {
			t.Errorf("Match(%q)\n got: %s\nwant: %s", tc.text, got, tc.want)
		}
	}
}

func TestDeaccent(t *testing.T) {
	for in, want := range map[string]string{"état": "etat", "ÉTATS": "ETATS", "œuvre": "oeuvre", "ça": "ca", "naïve": "naive", "etat": "etat", "人工": "人工", "España": "Espana"} {
		if got := deaccent(in); got != want {
			t.Errorf("deaccent(%q) = %q, want %q", in, got, want)
		}
	}
}

// The trie finds a key by its 64-bit hash and keeps no key strings: a
// collision may only cost a failed check, since matchAt compares the
// words themselves. With every key in one of four hashes, the built-in
// glossary finds the same hits in the sample article.
func TestMatchSurvivesKeyCollisions(t *testing.T) {
	g, _ := loadBuiltin()
	text := newsText(t)
	want := matchAll(NewMatcher(g, "fr", "en"), text)
	if len(want) < 50 {
		t.Fatalf("only %d hits: the test compares nothing", len(want))
	}
	defer func(h func(maphash.Seed, string) uint64) { keyHash = h }(keyHash)
	keyHash = func(seed maphash.Seed, s string) uint64 { return maphash.String(seed, s) & 3 }
	m := NewMatcher(g, "fr", "en")
	if n := len(m.main.ids); n > 4 {
		t.Fatalf("%d distinct key hashes: the collisions did not happen", n)
	}
	if got := matchAll(m, text); !slices.Equal(got, want) {
		t.Errorf("with colliding keys:\n got %d hits %q\nwant %d hits %q", len(got), got, len(want), want)
	}
}

// matchAll returns each hit of m in text as "start-end term → targets (how)".
func matchAll(m *Matcher, text []string) []string {
	var out []string
	for i, p := range text {
		for _, h := range m.Match(p) {
			out = append(out, fmt.Sprintf("%d:%d-%d %s → %v (%s, %v)", i, h.Start, h.End, h.Term, h.Targets, h.How, h.Plural))
		}
	}
	return out
}

// Two terms that match a text word equally well (same length, same kind
// of match) go to the earlier entry, whichever key found them: "Centre"
// is stemmed for both "centres" and the name "Centres".
func TestMatchTieGoesToEarlierEntry(t *testing.T) {
	for _, tc := range []struct {
		first, second, want string
	}{
		{"centres|centers|noun", "Centres|Centres (the region)|noun", "centres"},
		{"Centres|Centres (the region)|noun", "centres|centers|noun", "Centres"},
	} {
		hits := NewMatcher(testGlossary(tc.first, tc.second), "fr", "en").Match("Le Centre a voté.")
		if len(hits) != 1 || hits[0].Term != tc.want || hits[0].How != HowStemmed {
			t.Errorf("%s before %s: %+v, want %s", tc.first, tc.second, hits, tc.want)
		}
	}
	// Of one entry's spellings, the first; and a term whose words all
	// match as written beats one matched through a press spelling of an
	// acronym ("EPR" read in "EPR2"), whatever their entries' order.
	for _, tc := range []struct {
		g         *Glossary
		src, text string
		want      string
	}{
		{New(&Entry{Terms: NewTerms(map[string][]string{"fr": {"armée de terre", "armée de Terre"}, "en": {"army"}})}), "fr",
			"L'ARMÉE DE TERRE défile.", "armée de terre"},
		{New(&Entry{Terms: NewTerms(map[string][]string{"fr": {"français", "française"}, "en": {"French"}}), POS: "adj"}), "fr",
			"Des entreprises françaises.", "française"},
		{New(&Entry{Terms: NewTerms(map[string][]string{"en": {"EPR reactor"}, "fr": {"réacteur EPR"}})},
			&Entry{Terms: NewTerms(map[string][]string{"en": {"EPR2 reactor"}, "fr": {"réacteur EPR2"}})}), "en",
			"The two EPR2 reactors.", "EPR2 reactor"},
	} {
		hits := NewMatcher(tc.g, tc.src, "xx").Match(tc.text)
		if len(hits) != 1 || hits[0].Term != tc.want {
			t.Errorf("%q: %+v, want %s", tc.text, hits, tc.want)
		}
	}
}

// A Matcher is safe for concurrent use: the editor matches segments in
// several commands at once, and the matcher caches text words' keys.
func TestMatchConcurrent(t *testing.T) {
	g, _ := loadBuiltin()
	text := newsText(t)
	want := matchAll(NewMatcher(g, "fr", "en"), text)
	m := NewMatcher(g, "fr", "en")
	got := make([][]string, 4)
	var wg sync.WaitGroup
	for k := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[k] = matchAll(m, text)
		}()
	}
	wg.Wait()
	for k := range got {
		if !slices.Equal(got[k], want) {
			t.Errorf("goroutine %d: %d hits, want %d", k, len(got[k]), len(want))
		}
	}
}
