package glossary

import (
	"strings"
	"unicode/utf8"
)

// Stemming alone over-reaches: Snowball gives "don" for both "don" and
// "données", "port" for "porte", "portée" and "port". So a stemmed match is
// only accepted when the word and the term are two forms of one paradigm:
// they share a base of at least minBase letters and both endings belong to
// one inflection class allowed for the term's part of speech (a noun varies
// in number only, an adjective in gender and number, a verb through its
// conjugation). "porte" (noun) then matches "portes" but not "portée" or
// "port"; "don" matches "dons" but not "données".

// minBase is the shortest base (in letters) two forms must share.
const minBase = 3

// wordKind says how a term's word may inflect.
type wordKind uint8

const (
	kindFixed wordKind = iota // function words, proper nouns: no inflection
	kindNoun
	kindAdj
	kindVerb
	kindNounVerb // unknown part of speech, looks like an infinitive
)

// paradigm holds a language's inflection classes: for each ending, a bit
// set of the classes it belongs to, and for each word kind the classes it
// may use.
type paradigm struct {
	endings map[string]uint64
	kinds   [5]uint64
	// infinitive endings: an unknown-POS word ending so may be a verb.
	infinitives []string
}

type class struct {
	kind    wordKind // kindNoun, kindAdj or kindVerb
	endings []string
}

func newParadigm(infinitives []string, classes ...class) *paradigm {
	p := &paradigm{endings: make(map[string]uint64), infinitives: infinitives}
	for i, c := range classes {
		bit := uint64(1) << i
		for _, e := range c.endings {
			p.endings[e] |= bit
		}
		p.kinds[c.kind] |= bit
	}
	// Adjectives take the number of nouns; nouns-or-verbs take both.
	p.kinds[kindAdj] |= p.kinds[kindNoun]
	p.kinds[kindNounVerb] = p.kinds[kindNoun] | p.kinds[kindVerb]
	return p
}

var paradigms = map[string]*paradigm{
	"fr": newParadigm([]string{"er", "ir"},
		class{kindNoun, []string{"", "s", "x"}},
		class{kindNoun, []string{"al", "aux"}},
		class{kindNoun, []string{"ail", "aux"}},
		class{kindAdj, []string{"", "e", "s", "es"}},
		class{kindAdj, []string{"al", "ale", "aux", "ales", "als"}},
		class{kindAdj, []string{"eux", "euse", "euses"}},
		class{kindAdj, []string{"if", "ive", "ifs", "ives"}},
		class{kindAdj, []string{"er", "ère", "ers", "ères"}},
		class{kindAdj, []string{"el", "elle", "els", "elles"}},
		class{kindAdj, []string{"en", "enne", "ens", "ennes"}},
		class{kindAdj, []string{"on", "onne", "ons", "onnes"}},
		class{kindAdj, []string{"et", "ette", "ets", "ettes"}},
		class{kindAdj, []string{"c", "que", "cs", "ques"}},
		class{kindAdj, []string{"eau", "elle", "eaux", "elles"}},
		class{kindAdj, []string{"eur", "euse", "eurs", "euses"}},
		class{kindAdj, []string{"eur", "rice", "eurs", "rices"}},
		// No "-es": "tu votes" is rare in news, while "votes" and
		// "pirates" are nouns ("pirates" must not match "pirater").
		class{kindVerb, []string{"er", "e", "ent", "ons", "ez", "é", "ée", "és", "ées", "ant",
			"ais", "ait", "aient", "ai", "a", "as", "âmes", "âtes", "èrent", "ions", "iez",
			"erai", "eras", "era", "erons", "erez", "eront", "erais", "erait", "erions", "eriez", "eraient"}},
		class{kindVerb, []string{"ir", "is", "it", "issons", "issez", "issent", "i", "ie", "ies",
			"issant", "issais", "issait", "issaient", "irai", "iras", "ira", "irons", "irez", "iront", "irait", "iraient"}},
	),
	"en": newParadigm(nil,
		class{kindNoun, []string{"", "s", "es"}},
		class{kindNoun, []string{"y", "ies"}},
		class{kindVerb, []string{"", "s", "es", "ed", "ing"}},
		class{kindVerb, []string{"e", "es", "ed", "ing"}},
		class{kindVerb, []string{"y", "ies", "ied", "ying"}},
	),
	"es": newParadigm([]string{"ar", "er", "ir"},
		class{kindNoun, []string{"", "s", "es"}},
		class{kindAdj, []string{"o", "a", "os", "as"}},
		class{kindVerb, []string{"ar", "o", "as", "a", "amos", "áis", "an", "ado", "ada", "ados", "adas", "ando", "ó", "aron", "aba", "aban"}},
		class{kindVerb, []string{"er", "ir", "o", "es", "e", "emos", "imos", "éis", "ís", "en", "ido", "ida", "idos", "idas", "iendo", "ió", "ieron", "ía", "ían"}},
	),
}

// kindFor returns how a term's word inflects given the entry's part of
// speech and the word's place in the term.
func (p *paradigm) kindFor(pos, word string, first, afterFunc bool) wordKind {
	if p == nil {
		return kindFixed
	}
	switch {
	case pos == "propn" || pos == "other" || pos == "adv":
		return kindFixed
	case afterFunc:
		// "taux de change": the complement keeps its form.
		return kindFixed
	case !first:
		if pos == "verb" {
			return kindFixed
		}
		return kindAdj
	case pos == "adj":
		return kindAdj
	case pos == "verb":
		return kindVerb
	case pos == "noun":
		return kindNoun
	}
	for _, inf := range p.infinitives {
		if strings.HasSuffix(word, inf) && utf8.RuneCountInString(word) >= 5 {
			return kindNounVerb
		}
	}
	return kindNoun
}

// sameWord reports whether folded words term and word are forms of one
// paradigm for a term word of kind k.
func (p *paradigm) sameWord(term, word string, k wordKind) bool {
	if p == nil || k == kindFixed {
		return false
	}
	allowed := p.kinds[k]
	n := 0
	for n < len(term) && n < len(word) && term[n] == word[n] {
		n++
	}
	for n > 0 && n < len(term) && !utf8.RuneStart(term[n]) {
		n--
	}
	for ; n > 0; n-- {
		if n < len(term) && !utf8.RuneStart(term[n]) {
			continue
		}
		if utf8.RuneCountInString(term[:n]) < minBase {
			return false
		}
		if p.endings[term[n:]]&p.endings[word[n:]]&allowed != 0 {
			return true
		}
	}
	return false
}
