package glossary

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gobuffalo/flect"
)

// pluralEnglish returns the plural of English noun phrase s by
// pluralising its head word, the last one before a preposition ("export
// controls", "chiefs of staff", "coups d'état"), with flect. What flect
// has no rule for is handled first:
//
//   - kept as they are: fixed Latin and loan phrases ("status quo",
//     "modus operandi"), titles and abbreviations ("Mr", "Dr.", "St"),
//     names ("'s-Hertogenbosch", "Saint-Denis"), a word with a digit
//     ("5G"), the two-letter names "EU", "US", "UN", "UK", "IT", "IS"
//     and a lone capital; other capitals take an "s" ("MPs", "NGOs");
//   - a postpositive adjective is not the head: "attorneys general",
//     "presidents-elect", "courts martial" (but "major generals");
//   - a hyphenated word pluralises its head part: the part before a
//     preposition ("mothers-in-law", "men-of-war"), the agent noun before
//     a particle ("passers-by", "runners-up"), else the last part, a
//     particle taking a plain "s" ("stand-bys", "follow-ups").
func pluralEnglish(s string) string {
	start, end := -1, -1
	prevStart, prevEnd := -1, -1 // the word before the head
words:
	for i := 0; i < len(s); {
		j := len(s)
		if k := strings.IndexByte(s[i:], ' '); k >= 0 {
			j = i + k
		}
		switch w := s[i:j]; {
		case w == "":
		case isEnglishPreposition(w) || w[0] == '(' || w[0] == '[':
			// "chief of staff", "cloud (computing)": the head is before.
			if start >= 0 {
				break words
			}
		default:
			prevStart, prevEnd, start, end = start, end, i, j
		}
		i = j + 1
	}
	if start < 0 || fixedPhrase(s[:end]) || fixedPhrase(s) {
		return s
	}
	if prevStart >= 0 && postpositive(s[start:end], s[prevStart:prevEnd]) {
		start, end = prevStart, prevEnd // "attorney general"
	}
	return s[:start] + pluralWord(s[start:end]) + s[end:]
}

// pluralWord returns the plural of one English word, hyphenated or not.
func pluralWord(w string) string {
	if keepSingular(w) {
		return w
	}
	if p, ok := compoundPlurals[strings.ToLower(w)]; ok {
		return w[:1] + p[1:]
	}
	parts := strings.Split(w, "-")
	if len(parts) == 1 {
		return flect.Pluralize(w)
	}
	head := len(parts) - 1
	for k := 1; k < len(parts)-1; k++ {
		if isEnglishPreposition(parts[k]) {
			head = k - 1 // "mother-in-law", "man-of-war"
			break
		}
	}
	last := strings.ToLower(parts[len(parts)-1])
	switch {
	case head < len(parts)-1:
	case agentNouns[strings.ToLower(parts[0])] && particles[last], postpositives[last] && len(parts) == 2:
		head = 0 // "passer-by", "president-elect"
	case particles[last]:
		parts[head] += "s" // "stand-by": not "stand-bies"
		return strings.Join(parts, "-")
	}
	if keepSingular(parts[head]) {
		return w
	}
	parts[head] = flect.Pluralize(parts[head])
	return strings.Join(parts, "-")
}

// keepSingular reports whether word w has no plural of its own: a title or
// abbreviation, a name, a two-letter name in capitals, a word with a digit.
func keepSingular(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case w == "" || strings.HasSuffix(w, "."): // "Dr.", "U.S."
		return true
	case r == '\'' || r == '’': // "'s-Hertogenbosch", "'t Hooft"
		return true
	case strings.ContainsFunc(w, unicode.IsDigit):
		return true
	case !strings.ContainsFunc(w, unicode.IsLower):
		n := utf8.RuneCountInString(w)
		return n == 1 || n == 2 && twoLetterNames[w]
	case unicode.IsUpper(r) && englishTitles[strings.ToLower(w)]:
		return true
	}
	// A hyphenated name: every part capitalised ("Saint-Denis").
	parts := strings.Split(w, "-")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if r, _ := utf8.DecodeRuneInString(p); !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// postpositive reports whether word (after the word before it) is an
// adjective that follows its noun, so that the noun before takes the
// plural: "attorney general", "heir apparent"; a general of a rank is a
// noun ("major general").
func postpositive(word, before string) bool {
	w := strings.ToLower(word)
	if w == "general" {
		return !generalRanks[strings.ToLower(before)]
	}
	return postpositives[w]
}

// fixedPhrase reports whether s ends with a Latin or loan phrase that
// English does not inflect.
func fixedPhrase(s string) bool {
	k := strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(s, "’", "'")), " "))
	for phrase := range fixedPhrases {
		if strings.HasSuffix(k, phrase) && (len(k) == len(phrase) || k[len(k)-len(phrase)-1] == ' ') {
			return true
		}
	}
	return false
}

// isEnglishPreposition reports whether w ends a noun phrase's head: an
// English preposition, or the French ones of loan phrases ("tour de
// force", "coup d'état").
func isEnglishPreposition(w string) bool {
	l := strings.ToLower(w)
	return englishPrepositions[l] || strings.HasPrefix(l, "d'") || strings.HasPrefix(l, "d’")
}

var (
	// englishPrepositions end an English noun phrase's head ("chief of
	// staff", "freedom of the press"); "de" and "du" those of loan phrases.
	englishPrepositions = setOf("of", "in", "for", "to", "on", "with", "by", "from", "at", "under", "over", "against", "between", "without", "de", "du")
	// particles end a phrasal compound ("stand-by", "runner-up").
	particles = setOf("by", "up", "in", "on", "off", "out", "down", "over", "back", "away", "about")
	// agentNouns take the plural before a particle ("passers-by").
	agentNouns = setOf("passer", "runner", "hanger", "looker", "goer")
	// postpositives follow the noun they qualify ("attorneys general").
	postpositives = setOf("general", "elect", "designate", "presumptive", "apparent", "martial")
	// generalRanks make "general" a noun ("major generals").
	generalRanks = setOf("major", "brigadier", "lieutenant")
	// englishTitles are titles and abbreviations written capitalised
	// without a full stop; flect would read "Mr" as a noun ("Mrs").
	englishTitles = setOf("mr", "mrs", "ms", "mx", "dr", "prof", "rev", "hon", "st", "jr", "sr", "mt", "messrs", "mme", "mlle", "mgr", "gen", "col", "capt", "lt", "sgt", "gov", "sen", "pres")
	// twoLetterNames are names in two capitals ("the EU", "the US"); other
	// short acronyms are counted ("MPs").
	twoLetterNames = setOf("EU", "US", "UN", "UK", "IT", "IS")
	// compoundPlurals are solid compounds that pluralise inside.
	compoundPlurals = map[string]string{"passerby": "passersby"}
	// fixedPhrases are Latin and loan phrases English does not inflect
	// (lower case, apostrophes straight).
	fixedPhrases = setOf("status quo", "status quo ante", "modus operandi", "modus vivendi", "quid pro quo",
		"sine qua non", "habeas corpus", "casus belli", "persona non grata", "raison d'être", "force majeure",
		"carte blanche", "laissez-faire", "savoir-faire", "know-how", "realpolitik", "détente", "de facto",
		"de jure", "ad hoc", "ad interim", "in absentia", "bona fides", "pro bono", "per capita", "pro forma",
		"vice versa", "ancien régime", "esprit de corps", "noblesse oblige", "joie de vivre", "sui generis",
		"ex officio", "mea culpa", "a priori", "a posteriori", "zeitgeist")
)
