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
// the French Hunspell dictionary when it is installed (with its words
// without accents: "zée" would be the press form of ZEE).
var pressCommon = setOf(
	"air", "arc", "arm", "art", "bac", "but", "cap", "car", "ces", "cas", "col", "cour", "des",
	"dos", "est", "eux", "fer", "fin", "foi", "fort", "gaz", "les", "loi", "mai", "mal", "mais", "mer",
	"mes", "mon", "nord", "nos", "ouest", "pas", "par", "pic", "pour", "roi", "sel", "ses", "son",
	"sud", "sur", "ton", "total", "tout", "une", "vie", "vos", "ice", "net", "pro", "bus", "van",
	"nous", "vous", "non", "oui", "plan", "page", "base", "code", "cash", "mode", "data", "ride",
	"cris", "fonds", "dent", "dune", "lire", "lit", "lot", "ours", "rire",
	"bad", "bis", "eau", "ide", "iris", "scalp", "step", "zee", "cre", "tas",
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
// all-caps term word c ("Otan" for "OTAN"), within the guards above, and
// not the first word of a sentence (a capital there says nothing).
func (m *Matcher) pressForm(text string, t *Token, c *mword) bool {
	return pressSpelling(m.a.lang, t.Text, t.Fold, c.text, c.fold) && !sentenceStart(text, t.Start, ".!?…:;")
}

// pressSpelling is pressForm without the sentence-start guard: word (text,
// folded) written with one capital for the all-caps term word (text,
// folded).
func pressSpelling(lang, text, fold, termText, termFold string) bool {
	if lang != "fr" || pressCommon[fold] {
		return false
	}
	// "Cédéao", "Unédic": the press spelling may keep accents that the
	// all-caps term drops ("CEDEAO"); a term with accents ("ÉTAT") keeps
	// them compared as written.
	if fold != termFold {
		if d := deaccent(fold); d != termFold || pressCommon[d] {
			return false
		}
	}
	// "5G", "G7", "U.S." keep their form; "COP30" is "Cop30".
	if acronymLetters(termText) == 0 && !isPressAcronym(termText) {
		return false
	}
	return pressCase(text)
}

// PressForm reports whether the word t of a text in lang renders the
// all-caps term word c as French news writes acronyms: with one capital
// ("Otan" for "OTAN", "Cédéao" for "CEDEAO") or fused to a number ("COP30",
// "Cop30" for "COP"). It is the Matcher's rule, for qa's glossary check
// that looks for a term's translation in a target; unlike the Matcher it
// accepts such a word at the start of a sentence, where a translation may
// well put it.
func PressForm(lang string, t, c Token) bool {
	return pressSpelling(lang, t.Text, t.Fold, c.Text, c.Fold) || acronymNumberWord(t.Text, c.Text, c.Fold)
}

// pressAccentKey returns the index key of text word t without its
// accents when it may be the press spelling of an all-caps acronym written
// without them ("Cédéao" → the key of "cedeao"), else "".
func (m *Matcher) pressAccentKey(t Token) string {
	if m.a.lang != "fr" || isASCII(t.Fold) || !pressCase(t.Text) {
		return ""
	}
	if f := deaccent(t.Fold); f != t.Fold {
		return wordKey(m.a.Stem(f))
	}
	return ""
}

// isPressAcronym reports whether s is letters alone, at least
// minPressLetters of them.
func isPressAcronym(s string) bool {
	letters := 0
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
		letters++
	}
	return letters >= minPressLetters
}

// pressCase reports whether s is written with one capital followed by
// lower-case letters (and digits): "Otan", "Cop30".
func pressCase(s string) bool {
	for k, r := range s {
		if (k == 0) != unicode.IsUpper(r) && (k == 0 || !unicode.IsDigit(r)) {
			return false
		}
	}
	return true
}

// acronymLetters returns the length in bytes of the letters of s when s
// is an acronym of at least minPressLetters letters fused to a number of
// at most four digits, in capitals or with one capital ("COP30",
// "Cop30", "G20" is too short), else 0.
func acronymLetters(s string) int {
	n := 0
	for n < len(s) && ('A' <= s[n] && s[n] <= 'Z' || n > 0 && 'a' <= s[n] && s[n] <= 'z') {
		n++
	}
	digits := len(s) - n
	if n < minPressLetters || digits < 1 || digits > 4 {
		return 0
	}
	for i := n; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0
		}
	}
	if !AllCaps(s[:n]) && !pressCase(s[:n]) {
		return 0
	}
	return n
}

// acronymNumberWord reports whether text word text is the all-caps term
// word termText (folded termFold) fused to a number: "COP30" and "Cop30"
// are the COP (the number is the session's). The term word is letters
// alone, at least minPressLetters of them, so "A320" is not "A" nor "PS5"
// "PS".
func acronymNumberWord(text, termText, termFold string) bool {
	n := acronymLetters(text)
	if n == 0 || !isPressAcronym(termText) {
		return false
	}
	w := text[:n]
	return w == termText || pressCase(w) && fold(w) == termFold && !pressCommon[termFold]
}

// sentenceStart reports whether the word at byte offset start of text is
// the first of a sentence: nothing but spaces, quotes and dashes between
// it and the start of text or one of the runes of enders (". ", ": ").
func sentenceStart(text string, start int, enders string) bool {
	for i := start; i > 0; {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		i -= size
		switch {
		case unicode.IsSpace(r) || strings.ContainsRune("«»\"“”„—–-(", r):
			continue
		case strings.ContainsRune(enders, r):
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
var objectOrArticle = setOf("le", "la", "les", "l")

// kindAt narrows how a term word of kind k may inflect to match the text
// word at tok: a verb (or a word that may be a verb) right after a
// determiner is a noun there, so "des pirates" and "le pirate" do not
// match the verb "pirater" (whose sense, hacking, is another).
func (m *Matcher) kindAt(b *matchBuf, text string, tok int, k wordKind) wordKind {
	if (k != kindVerb && k != kindNounVerb) || m.a.lang != "fr" {
		return k
	}
	t := &b.toks[tok]
	prev := m.elidedBefore(text, t.Start)
	if prev == "" && tok > 0 && strings.TrimSpace(text[b.toks[tok-1].End:t.Start]) == "" {
		prev = b.toks[tok-1].Fold
	}
	noun := determiners[prev] || prev == "d"
	switch {
	case prev == "se" || prev == "s":
		// "s'abattre sur" is another verb than "abattre".
		return kindFixed
	case !noun && objectOrArticle[prev]:
		// "l'interdit", "le produit", "l'élu" are nouns.
		f := t.Fold
		noun = strings.ContainsAny(lastByte(f), "esxu") || strings.HasSuffix(f, "é") ||
			strings.HasSuffix(f, "it") && !strings.HasSuffix(f, "ait")
	}
	switch {
	case !noun:
		return k
	case k == kindNounVerb:
		return kindNoun
	}
	return kindFixed
}

func lastByte(s string) string {
	if s == "" {
		return ""
	}
	return s[len(s)-1:]
}

// elidedBefore returns the elided word right before byte offset start of
// text, folded ("l" for "l'interdit", "s" for "s'abattit"), or "".
func (m *Matcher) elidedBefore(text string, start int) string {
	r, size := utf8.DecodeLastRuneInString(text[:start])
	if !isApostrophe(r) {
		return ""
	}
	end := start - size
	i := end
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if !unicode.IsLetter(r) {
			break
		}
		i -= size
	}
	if w := text[i:end]; w != "" && m.a.isElision(w) {
		return strings.ToLower(w)
	}
	return ""
}

// pluralDeterminers introduce a plural noun.
var pluralDeterminers = setOf("les", "des", "aux", "ces", "leurs", "mes", "tes", "ses", "nos", "vos",
	"plusieurs", "quelques", "certains", "certaines")

// namePlural reports whether the text word at tok is the plural of the
// one-word name term c: the name with a final -s right after a plural
// determiner ("les Shebabs", "des talibans" for "Shebab", "taliban").
// The name has at least three letters and does not end in s, x or z;
// its capital rule still holds (a capitalised name needs a capital).
func (m *Matcher) namePlural(b *matchBuf, text string, tok int, c ctok, w *mword) bool {
	t := &b.toks[tok]
	if !c.name || m.a.lang != "fr" || tok == 0 || len(t.Fold) != len(w.fold)+1 ||
		!strings.HasPrefix(t.Fold, w.fold) || t.Fold[len(w.fold)] != 's' {
		return false
	}
	if utf8.RuneCountInString(w.fold) < minBase || strings.ContainsAny(w.fold[len(w.fold)-1:], "sxz") {
		return false
	}
	prev := &b.toks[tok-1]
	return pluralDeterminers[prev.Fold] && strings.TrimSpace(text[prev.End:t.Start]) == ""
}
