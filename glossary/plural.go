package glossary

import (
	"strings"

	"github.com/gobuffalo/flect"
)

// Plural detection for Hit.Plural: the editor inserts the plural of a
// target term when the source text has the plural of the source term
// ("les sanctions" for "sanction"). It is told from the term's head word
// only, and only where the form says it: a French or Spanish word that
// does not change in the plural ("pays", "crisis") is plural after a
// plural determiner, else it is taken as singular.

// headWord returns the index among ct's words of the word that carries the
// term's number: the first inflecting word in French and Spanish
// ("réseau social", "chef d'État"), in English the last one before a
// preposition ("export control", "chief of staff"). -1: none (a name).
func (m *Matcher) headWord(ct *cterm) int {
	head := -1
	toks := m.termToks(ct)
	for j, c := range toks {
		if c.kind == kindFixed {
			if head >= 0 && m.a.funcs[m.words[c.word].fold] {
				break // the complement after a preposition
			}
			continue
		}
		if m.prefixOf(toks, j) {
			continue // "semi-conducteurs": the prefix does not inflect
		}
		head = j
		if m.a.lang != "en" {
			break
		}
	}
	return head
}

// prefixOf reports whether word j of toks is a French prefix joined by a
// hyphen to the next word ("semi" in "semi-conducteur").
func (m *Matcher) prefixOf(toks []ctok, j int) bool {
	return m.a.lang == "fr" && j+1 < len(toks) && isPrefix(m.words[toks[j].word].fold) &&
		strings.IndexFunc(m.gaps[toks[j+1].gap], isHyphen) >= 0
}

// plural reports whether the text of candidate f is the plural of its
// term, judged on the head word.
func (m *Matcher) plural(b *matchBuf, text string, f found) bool {
	h := m.headWord(f.ct)
	if h < 0 {
		return false
	}
	term, word := m.words[m.termToks(f.ct)[h].word].fold, b.toks[f.i+h].Fold
	if term != word {
		return pluralOf(m.a.lang, term, word)
	}
	// Same form: plural only if the form cannot show it and a plural
	// determiner comes right before the term ("les pays").
	if h != 0 || f.i == 0 || m.a.lang != "fr" && m.a.lang != "es" || !strings.ContainsAny(lastByte(term), "sxz") {
		return false
	}
	prev := &b.toks[f.i-1]
	det := pluralDeterminers
	if m.a.lang == "es" {
		det = esPluralDeterminers
	}
	return det[prev.Fold] && strings.TrimSpace(text[prev.End:b.toks[f.i].Start]) == ""
}

// esPluralDeterminers introduce a plural noun in Spanish.
var esPluralDeterminers = setOf("los", "las", "unos", "unas", "estos", "estas", "esos", "esas", "sus", "varios", "varias")

// pluralOf reports whether folded word is the plural of folded term in
// lang. Languages without a rule here (and without a stemmer, so their
// terms never match inflected) say false.
func pluralOf(lang, term, word string) bool {
	switch lang {
	case "fr":
		switch {
		case strings.HasSuffix(term, "al") && word == term[:len(term)-2]+"aux",
			strings.HasSuffix(term, "ail") && word == term[:len(term)-3]+"aux":
			return true
		case strings.ContainsAny(lastByte(term), "sxz"):
			return false
		}
		return word == term+"s" || word == term+"x"
	case "es":
		if strings.HasSuffix(term, "z") && word == term[:len(term)-1]+"ces" {
			return true
		}
		// "nación" → "naciones": the written accent goes.
		return word == term+"s" || deaccent(word) == deaccent(term)+"es"
	case "en":
		return word != term && flect.Pluralize(term) == word
	}
	return false
}
