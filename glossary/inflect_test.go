package glossary

import (
	"strings"
	"testing"
)

// TestMatchAdjectiveParadigm checks the gender and number of French
// adjectives and demonyms whose forms Snowball stems apart ("turc",
// "turques") or that have a class of their own ("grecque", "blanche").
func TestMatchAdjectiveParadigm(t *testing.T) {
	m := NewMatcher(testGlossary(
		"libanais|Lebanese|adj", "turc|Turkish|adj", "grec|Greek|adj", "offensif|offensive|adj",
		"chrétien|Christian|adj", "breton|Breton|adj", "étranger|foreign|adj", "fédéral|federal|adj",
		"nouveau|new|adj", "public|public|adj", "blanc|white|adj", "belliqueux|bellicose|adj",
		"naturel|natural|adj", "conservateur|conservative|adj", "long|long|adj", "suisse|Swiss|adj", "fabless|fabless|adj",
		"chinois|Chinese|adj", "secret|secret|adj",
	), "fr", "en")
	checkHits(t, m, []hitCase{
		{"libanaise libanaises libanais", "libanaise=libanais/stemmed; libanaises=libanais/stemmed; libanais=libanais/exact"},
		{"turque turques turcs", "turque=turc/stemmed; turques=turc/stemmed; turcs=turc/stemmed"},
		{"grecque grecques grecs", "grecque=grec/stemmed; grecques=grec/stemmed; grecs=grec/stemmed"},
		{"offensive offensifs", "offensive=offensif/stemmed; offensifs=offensif/stemmed"},
		{"chrétiennes bretonne", "chrétiennes=chrétien/stemmed; bretonne=breton/stemmed"},
		{"étrangère étrangers", "étrangère=étranger/stemmed; étrangers=étranger/stemmed"},
		{"fédéraux fédérales", "fédéraux=fédéral/stemmed; fédérales=fédéral/stemmed"},
		{"nouvelle nouveaux nouvel", "nouvelle=nouveau/stemmed; nouveaux=nouveau/stemmed; nouvel=nouveau/stemmed"},
		{"publique publics blanches", "publique=public/stemmed; publics=public/stemmed; blanches=blanc/stemmed"},
		{"belliqueuse naturelles conservatrice", "belliqueuse=belliqueux/stemmed; naturelles=naturel/stemmed; conservatrice=conservateur/stemmed"},
		{"longues chinoises secrète", "longues=long/stemmed; chinoises=chinois/stemmed; secrète=secret/stemmed"},
		// Other words sharing the letters are not forms.
		{"turquoise grève publicité blanchir longueur nouveauté libanisation", ""},
		// A term ending in -s or -sse is no plural nor feminine.
		{"je suis, des fables", ""},
	})
}

// TestMatchAgreementAfterComplement checks that a word after a "de"
// complement agrees with the head noun while the complement keeps its
// form.
func TestMatchAgreementAfterComplement(t *testing.T) {
	m := NewMatcher(testGlossary(
		"droit de douane réciproque|reciprocal tariff|noun",
		"droit de douane|tariff|noun",
		"petit réacteur modulaire|small modular reactor|noun",
		"taux de change|exchange rate|noun",
		"ministre des Affaires étrangères|foreign minister|noun",
		"zone économique exclusive|exclusive economic zone|noun",
	), "fr", "en")
	checkHits(t, m, []hitCase{
		{"les droits de douane réciproques", "droits de douane réciproques=droit de douane réciproque/stemmed"},
		{"un droit de douane réciproque", "droit de douane réciproque=droit de douane réciproque/exact"},
		{"des droits de douane réciproque", "droits de douane réciproque=droit de douane réciproque/stemmed"},
		{"des petits réacteurs modulaires", "petits réacteurs modulaires=petit réacteur modulaire/stemmed"},
		{"les zones économiques exclusives", "zones économiques exclusives=zone économique exclusive/stemmed"},
		{"les ministres des Affaires étrangères", "ministres des Affaires étrangères=ministre des Affaires étrangères/stemmed"},
		// The complement itself does not inflect.
		{"les droits de douanes réciproques", ""},
		{"les taux de changes", ""},
		// After the complement, number only: not another word.
		{"les droits de douane réciprocité", "droits de douane=droit de douane/stemmed"},
	})
}

// TestMatchNamePlurals checks that a one-word name takes a plural -s
// right after a plural determiner ("les Shebabs"), and nowhere else.
func TestMatchNamePlurals(t *testing.T) {
	m := NewMatcher(testGlossary(
		"Shebab|al-Shabaab|propn",
		"taliban|Taliban|propn",
		"Houthis|Houthis|propn",
		"Paris|Paris|propn",
		"Hezbollah|Hezbollah|propn",
		"Frère musulman|Muslim Brother|propn",
	), "fr", "en")
	checkHits(t, m, []hitCase{
		{"les Shebabs, des Shebabs, ces SHEBABS", "Shebabs=Shebab/stemmed; Shebabs=Shebab/stemmed; SHEBABS=Shebab/stemmed"},
		{"les talibans et quelques talibans", "talibans=taliban/stemmed; talibans=taliban/stemmed"},
		{"les Houthis, un Shebab", "Houthis=Houthis/exact; Shebab=Shebab/exact"},
		// No plural determiner, or not a plural -s.
		{"Shebabs, un Shebabs, le Shebabs, les Shebabes", ""},
		// A capitalised name still needs its capital.
		{"les shebabs, les houthis", ""},
		// Names of one or two words only by their own rules.
		{"les Frères musulmans, les Parisiens", ""},
	})
}

// TestMatchPrefixCompounds checks that a compound with a known prefix
// matches written solid or hyphenated, whichever the glossary lists.
func TestMatchPrefixCompounds(t *testing.T) {
	m := NewMatcher(testGlossary(
		"bouclier antimissile|missile shield|noun",
		"cyberattaque|cyberattack|noun",
		"néo-nazi|neo-Nazi|noun",
		"contre-offensive|counteroffensive|noun",
		"missile|missile|noun",
		"commerce|trade|noun",
		"semi-conducteur|semiconductor|noun",
	), "fr", "en")
	checkHits(t, m, []hitCase{
		{"un bouclier antimissile, un bouclier anti-missile", "bouclier antimissile=bouclier antimissile/exact; bouclier anti-missile=bouclier antimissile/folded"},
		{"une cyber-attaque, des cyber-attaques, une Cyberattaque", "cyber-attaque=cyberattaque/folded; cyber-attaques=cyberattaque/stemmed; Cyberattaque=cyberattaque/folded"},
		{"des néonazis, un néo-nazi", "néonazis=néo-nazi/stemmed; néo-nazi=néo-nazi/exact"},
		{"la contreoffensive", "contreoffensive=contre-offensive/folded"},
		{"les semiconducteurs", "semiconducteurs=semi-conducteur/stemmed"},
		// A part of a hyphenated word still matches alone; the split of
		// a word that is no compound ("co-mmerce") is never written.
		{"un tir anti-missile, le commerce", "missile=missile/exact; commerce=commerce/exact"},
		{"un antimissile", ""},
	})
}

// TestMatchAcronymNumbers checks that an acronym fused to a number
// ("COP30", "Cop30") matches the acronym, and that short acronyms and
// model names do not.
func TestMatchAcronymNumbers(t *testing.T) {
	m := NewMatcher(testGlossary(
		"COP|COP|propn",
		"EPR|EPR|noun",
		"PS|Socialist Party|propn",
		"A|A|other",
		"G7|G7|propn",
		"Sud|South|propn",
	), "fr", "en")
	checkHits(t, m, []hitCase{
		{"la COP30 et la Cop30, la COP 30", "COP30=COP/folded; Cop30=COP/folded; COP=COP/exact"},
		{"Cop29 : fin des débats.", "Cop29=COP/folded"},
		{"deux EPR2", "EPR2=EPR/folded"},
		// Lower case, too short, too many digits, letters after the digits.
		{"la cop30, la PS5, un A320, le G20, la COP12345, la COP30a", ""},
	})
	// A term with its number matches its press spelling.
	m = NewMatcher(testGlossary("COP30|COP30|propn", "COP|COP|propn"), "fr", "en")
	checkHits(t, m, []hitCase{
		{"la Cop30, la COP30, la Cop29", "Cop30=COP30/folded; COP30=COP30/exact; Cop29=COP/folded"},
	})
}

// TestMatchPlusTail checks that a term ending in "+" ("OPEP+", OPEC+)
// needs the "+" and wins over the acronym alone, whose hit stays for
// text without it.
func TestMatchPlusTail(t *testing.T) {
	m := NewMatcher(testGlossary("OPEP|OPEC|propn", "OPEP+|OPEC+|propn", "Canal+|Canal+|propn"), "fr", "en")
	checkHits(t, m, []hitCase{
		{"l'Opep+ et l'OPEP+", "Opep+=OPEP+/folded; OPEP+=OPEP+/exact"},
		{"l'Opep, l'OPEP + la Russie", "Opep=OPEP/folded; OPEP=OPEP/exact"},
		{"sur Canal+, le canal", "Canal+=Canal+/exact"},
	})
	hs := m.Match("l'Opep+ a")
	if len(hs) != 1 || hs[0].Targets[0] != "OPEC+" {
		t.Errorf("Opep+: %+v", hs)
	}
	m = NewMatcher(testGlossary("OPEP|OPEC|propn"), "fr", "en")
	checkHits(t, m, []hitCase{{"l'Opep+ a", "Opep=OPEP/folded"}})
}

// TestTokensNameApostrophe checks that a capital pronoun letter and an
// apostrophe before a capital start a name ("N'Djamena"), not an
// elision, unless the word is in capitals (a headline's "N'EST").
func TestTokensNameApostrophe(t *testing.T) {
	var got []string
	for _, tk := range NewAnalyzer("fr").Tokens("N'Djamena n'est N'est N'EST M’Bappé L'Otan S'il l'Ukraine N'Golo") {
		got = append(got, tk.Text)
	}
	want := "N'Djamena est est EST M’Bappé Otan il Ukraine N'Golo"
	if g := strings.Join(got, " "); g != want {
		t.Errorf("tokens\n got: %s\nwant: %s", g, want)
	}
	m := NewMatcher(testGlossary("N'Djamena|N'Djamena|propn", "Djamena|?|propn"), "fr", "en")
	checkHits(t, m, []hitCase{{"à N’Djamena", "N’Djamena=N'Djamena/exact"}})
}

// TestMatchIrregularVerbs checks the verbs in -dre, -tre and -ire, whose
// participles and plurals Snowball and the -er/-ir classes missed.
func TestMatchIrregularVerbs(t *testing.T) {
	m := NewMatcher(testGlossary(
		"abattre|shoot down|verb",
		"interdire|ban|verb",
		"inscrire|list|verb",
		"défendre|defend|verb",
		"réélire|re-elect|verb",
	), "fr", "en")
	checkHits(t, m, []hitCase{
		{"un drone abattu, ils abattent, abattus", "abattu=abattre/stemmed; abattent=abattre/stemmed; abattus=abattre/stemmed"},
		{"il interdit, elles interdisent, interdite", "interdit=interdire/stemmed; interdisent=interdire/stemmed; interdite=interdire/stemmed"},
		{"inscrits, ils inscrivent", "inscrits=inscrire/stemmed; inscrivent=inscrire/stemmed"},
		{"il défend, défendue, réélu", "défend=défendre/stemmed; défendue=défendre/stemmed; réélu=réélire/stemmed"},
		// Nouns: after a determiner or an article, or another word.
		{"un interdit, l'interdit, la défense, l'interdiction, les abats", ""},
		// A reflexive verb is another verb ("s'abattre sur": fall on).
		{"elle s'abattit, ils s'abattent, se défendent", ""},
		{"il l'interdisait, ils l'abattent", "interdisait=interdire/stemmed; abattent=abattre/stemmed"},
	})
}

// TestGuardWordForms checks that a guard word finds its forms that
// Snowball stems apart ("turc" in "turques").
func TestGuardWordForms(t *testing.T) {
	g := New(&Entry{Terms: NewTerms(map[string][]string{"fr": {"détroit"}, "en": {"strait"}}), Guard: "near: turc | grec"})
	m := NewMatcher(g, "fr", "en")
	checkHits(t, m, []hitCase{
		{"le détroit et les eaux turques", "détroit=détroit/exact"},
		{"le détroit et les îles grecques", "détroit=détroit/exact"},
		{"le détroit de Gibraltar", ""},
	})
}
