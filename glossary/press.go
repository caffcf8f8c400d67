package glossary

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Press spellings. French news (AFP style) writes an acronym pronounced as
// a word with only its first letter in capitals: "l'Otan", "l'Onu", "la
// Cnil", "le Pib". The matcher takes such a word for the all-caps word of
// a term ("OTAN"), as a general rule rather than a variant per entry. (The
// other way round needs no rule: a term written "Otan" is a name, which
// matches "OTAN" as it matches any capitalised spelling.)
//
// Guards keep common words out: the all-caps word must have at least
// three letters; the text word must be written with one capital followed
// by lower-case letters; it must not be the first word of a sentence
// (where "Ces", "Son" or "Tout" take a capital; the press writes these
// acronyms with an article, "L'Otan", which does not count as a first
// word); and it must not be a French word that acronyms of the data also
// spell (pressCommon: "Sud", "Air", "Total"…).

// minPressLetters is the shortest all-caps word matched by its press form:
// two-letter acronyms (UE, RN) keep their capitals in the press.
const minPressLetters = 3

// pressCommon lists French words (and a few names) that are also all-caps
// words of terms, so that their capitalised form in a text ("le Sud", "Air
// France") is not taken for the acronym. TestPressCommon checks the built-in data against
// the French Hunspell dictionary when it is installed.
var pressCommon = setOf(
	"air", "arc", "arm", "art", "bac", "but", "cap", "car", "ces", "cas", "col", "cour", "des",
	"dos", "est", "eux", "fer", "fin", "foi", "fort", "gaz", "les", "loi", "mai", "mal", "mais", "mer",
	"mes", "mon", "nord", "nos", "ouest", "pas", "par", "pic", "pour", "roi", "sel", "ses", "son",
	"sud", "sur", "ton", "total", "tout", "une", "vie", "vos", "ice", "net", "pro", "bus", "van",
	"nous", "vous", "non", "oui", "plan", "page", "base", "code", "cash", "mode", "data", "ride",
	"cris", "fonds", "dent", "dune", "lire", "lit", "lot", "ours", "rire",
	"bad", "bis", "eau", "ide", "iris", "scalp", "step",
	// Names and foreign words met capitalised in French text: the town
	// of Apt, "Safe Harbor", the surname Sala, the first name Pam.
	"aie", "apt", "pam", "safe", "sala",
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// pressForm reports whether text word t is the press spelling of the
// all-caps term word c ("Otan" for "OTAN"), within the guards above.
func (m *Matcher) pressForm(text string, t *Token, c *ctok) bool {
	if m.a.lang != "fr" || t.Fold != c.fold || pressCommon[t.Fold] {
		return false
	}
	letters := 0
	for _, r := range c.text {
		if !unicode.IsLetter(r) {
			return false // "5G", "G7", "U.S." keep their form
		}
		letters++
	}
	if letters < minPressLetters {
		return false
	}
	for k, r := range t.Text {
		if (k == 0) != unicode.IsUpper(r) {
			return false
		}
	}
	return !sentenceStart(text, t.Start)
}

// sentenceStart reports whether the word at byte offset start of text is
// the first of a sentence: nothing but spaces, quotes and dashes between
// it and the start of text or the end of a sentence (". ", ": ").
func sentenceStart(text string, start int) bool {
	for i := start; i > 0; {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		i -= size
		switch {
		case unicode.IsSpace(r) || strings.ContainsRune("«»\"“”„—–-(", r):
			continue
		case strings.ContainsRune(".!?…:;", r):
			return true
		default:
			return false
		}
	}
	return true
}

// determiners are French words that introduce a noun, never a verb: a
// word after one is not a form of a verb ("des pirates", "un vote").
var determiners = setOf("un", "une", "du", "des", "au", "aux", "ce", "cet", "cette", "ces",
	"son", "sa", "ses", "leurs", "mon", "ma", "mes", "ton", "ta", "tes", "notre", "nos", "votre", "vos",
	"chaque", "plusieurs", "quelques", "certains", "certaines")

// objectOrArticle are the articles that are also object pronouns before a
// verb ("le vote" but "il le vote"): after one, only a form that cannot
// be a noun's ("votent", "votait") is taken for the verb.
var objectOrArticle = setOf("le", "la", "les")

// kindAt narrows how a term word of kind k may inflect to match the text
// word at tok: a verb (or a word that may be a verb) right after a
// determiner is a noun there, so "des pirates" and "le pirate" do not
// match the verb "pirater" (whose sense, hacking, is another).
func (m *Matcher) kindAt(b *matchBuf, text string, tok int, k wordKind) wordKind {
	if (k != kindVerb && k != kindNounVerb) || m.a.lang != "fr" || tok == 0 {
		return k
	}
	prev := &b.toks[tok-1]
	gap := text[prev.End:b.toks[tok].Start]
	if strings.TrimSpace(gap) != "" {
		return k
	}
	noun := determiners[prev.Fold]
	if !noun && objectOrArticle[prev.Fold] {
		f := b.toks[tok].Fold
		noun = strings.HasSuffix(f, "e") || strings.HasSuffix(f, "s") || strings.HasSuffix(f, "é") || strings.HasSuffix(f, "x")
	}
	switch {
	case !noun:
		return k
	case k == kindNounVerb:
		return kindNoun
	}
	return kindFixed
}
