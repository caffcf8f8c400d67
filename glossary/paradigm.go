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
	// classes holds each class's endings, by bit.
	classes [][]string
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
		p.classes = append(p.classes, c.endings)
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
		class{kindAdj, []string{"et", "ète", "ets", "ètes"}}, // secret, secrète
		class{kindAdj, []string{"c", "que", "cs", "ques"}},
		class{kindAdj, []string{"c", "cque", "cs", "cques"}}, // grec, grecque
		class{kindAdj, []string{"c", "che", "cs", "ches"}},   // blanc, blanche
		class{kindAdj, []string{"g", "gue", "gs", "gues"}},   // long, longue
		class{kindAdj, []string{"eau", "el", "elle", "eaux", "elles"}},
		class{kindAdj, []string{"eur", "euse", "eurs", "euses"}},
		class{kindAdj, []string{"eur", "rice", "eurs", "rices"}},
		// No "-es": "tu votes" is rare in news, while "votes" and
		// "pirates" are nouns ("pirates" must not match "pirater").
		class{kindVerb, []string{"er", "e", "ent", "ons", "ez", "é", "ée", "és", "ées", "ant",
			"ais", "ait", "aient", "ai", "a", "as", "âmes", "âtes", "èrent", "ions", "iez",
			"erai", "eras", "era", "erons", "erez", "eront", "erais", "erait", "erions", "eriez", "eraient"}},
		class{kindVerb, []string{"ir", "is", "it", "issons", "issez", "issent", "i", "ie", "ies",
			"issant", "issais", "issait", "issaient", "irai", "iras", "ira", "irons", "irez", "iront", "irait", "iraient"}},
		// Verbs in -dre, -tre: défendre, défendu, défend; abattre, abattu.
		class{kindVerb, []string{"re", "s", "", "ons", "ez", "ent", "u", "ue", "us", "ues", "ant",
			"ais", "ait", "aient", "ions", "iez", "it", "irent", "rai", "ras", "ra", "rons", "rez", "ront", "rait", "raient"}},
		// Verbs in -ire: interdire, interdit; produire, produisent;
		// inscrire, inscrivent; réélire, réélu.
		class{kindVerb, []string{"ire", "is", "it", "ite", "its", "ites", "isons", "isez", "isent", "isait", "isaient", "isant",
			"ivons", "ivez", "ivent", "ivait", "ivaient", "ivant", "u", "ue", "us", "ues",
			"irai", "ira", "irons", "iront", "irait", "iraient"}},
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
// speech and the word's place in the term: after is how many words
// separate it from the last preposition before it (-1: none).
func (p *paradigm) kindFor(pos, word string, first bool, after int) wordKind {
	if p == nil {
		return kindFixed
	}
	switch {
	case pos == "propn" || pos == "other" || pos == "adv":
		return kindFixed
	case after == 0 || after > 0 && pos == "verb":
		// "taux de change": the complement keeps its form.
		return kindFixed
	case after > 0:
		// "droits de douane réciproques": a word after the complement
		// agrees with the head noun, whose number varies.
		return kindNoun
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

// forms returns the forms of folded word w of kind k (w among them), for
// every class whose lemma ending (its first: "", "al", "er") w has:
// "turc" gives "turque", "turcs", "turques"… The matcher indexes a term
// under the keys of all its forms, since Snowball stems some apart
// ("turc", "turqu"). Only the lemma's forms: "fabless" is not taken for
// the plural of "fables". A form may be no word ("turce"): it only adds
// an index key, and matchAt still checks the text word with sameWord.
func (p *paradigm) forms(w string, k wordKind) []string {
	out := []string{w}
	if p == nil || k == kindFixed {
		return out
	}
	allowed := p.kinds[k]
	for n := len(w); n > 0; n-- {
		if n < len(w) && !utf8.RuneStart(w[n]) {
			continue
		}
		if utf8.RuneCountInString(w[:n]) < minBase {
			break
		}
		bits := p.endings[w[n:]] & allowed
		for c := 0; bits != 0; c++ {
			if bits&1 != 0 && p.classes[c][0] == w[n:] {
				for _, e := range p.classes[c] {
					if f := w[:n] + e; !contains(out, f) && !junkForm(w[:n], e) {
						out = append(out, f)
					}
				}
			}
			bits >>= 1
		}
	}
	return out
}

// junkForm reports whether base+e is no form of a word of the plain
// classes ("", e, s, es; "", s, x): an e after an e ("exclusivee"), an s
// after an s or x ("libanaiss"), an x after another letter than u
// ("réseaux" but not "loix"). Such forms would only cost stemming and add
// index keys.
func junkForm(base, e string) bool {
	if base == "" || e == "" {
		return false
	}
	last := base[len(base)-1]
	return e[0] == 'e' && last == 'e' || e[0] == 's' && (last == 's' || last == 'x') || e == "x" && last != 'u'
}
