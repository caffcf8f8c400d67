package qa

import (
	"strings"
	"sync"

	"github.com/trad-project/trad/glossary"
)

// numberWords maps spelled-out numbers (token folds) to their values, per
// language: a translator may write "three" for "3" or "2" for "deux".
var numberWords = map[string]map[string]float64{
	"en": {
		"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
		"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
		"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
		"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
		"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
		"ninth": 9, "tenth": 10, "twentieth": 20, "half": 0.5, "a": 1, "an": 1,
		"once": 1, "twice": 2, "double": 2, "triple": 3, "quadruple": 4, "halve": 0.5,
	},
	"fr": {
		"zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
		"neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
		"vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100, "mille": 1000,
		"douzaine": 12, "premier": 1, "première": 1, "deuxième": 2, "second": 2, "seconde": 2, "troisième": 3,
		"quatrième": 4, "cinquième": 5, "sixième": 6, "septième": 7, "huitième": 8, "neuvième": 9, "dixième": 10,
		"vingtième": 20, "vingts": 20, "cents": 100, "moitié": 0.5, "demi": 0.5, "double": 2, "triple": 3, "quadruple": 4,
	},
	"es": {"uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "un": 1},
	"de": {"ein": 1, "eine": 1, "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10},
	"it": {"uno": 1, "una": 1, "un": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "otto": 8, "nove": 9, "dieci": 10},
}

// wordScales maps scale words (folds) to factors, for "two billion".
var wordScales = map[string]map[string]float64{
	"en": {"thousand": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9, "trillion": 1e12},
	"fr": {"dizaine": 10, "dizaines": 10, "centaine": 100, "centaines": 100, "millier": 1e3, "milliers": 1e3, "mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9, "billion": 1e12, "billions": 1e12},
	"es": {"mil": 1e3, "millón": 1e6, "millones": 1e6, "billón": 1e12, "billones": 1e12},
	"de": {"tausend": 1e3, "million": 1e6, "millionen": 1e6, "milliarde": 1e9, "milliarden": 1e9, "billion": 1e12, "billionen": 1e12},
	"it": {"mila": 1e3, "milione": 1e6, "milioni": 1e6, "miliardo": 1e9, "miliardi": 1e9},
}

// monthWords maps month names and abbreviations (folds) to month numbers,
// all languages together: a date may be written with the month in words.
var monthWords = func() map[string]int {
	m := map[string]int{}
	for _, names := range [][]string{
		{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
		{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"},
		{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"},
		{"janv", "févr", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct", "nov", "déc"},
		{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
		{"januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"},
		{"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"},
	} {
		for i, n := range names {
			m[n] = i + 1
		}
	}
	return m
}()

// spelledNumbers returns the numbers written in words in text, whose
// tokens are toks ("three", "deux milliards"), as Spelled numbers. In
// French and English, compounds are read whole: "vingt-sept" is 27,
// "quatre-vingt-dix" 90, "vingt et un" 21, "twenty-seven" 27, and ordinals
// too: "quatorzième" 14, "vingt-septième" 27, "fourteenth" 14.
func spelledNumbers(toks []glossary.Token, text, lang string) []Number {
	words, scales := numberWords[lang], wordScales[lang]
	if words == nil {
		return nil
	}
	stems := stemmedNumberWords(lang)
	ords := ordinalWords[lang]
	var out []Number
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		v, ok := words[t.Fold]
		ordinal := false
		if !ok {
			v, ok = ords[t.Fold]
			ordinal = ok
		}
		if !ok && len(t.Fold) > 4 {
			v, ok = stems[t.Stem] // "tripled", "doublé"
		}
		end := t.End
		if !ok {
			continue
		}
		if c := compoundWords[lang]; c != nil && c[t.Fold] && !ordinal {
			var n int
			v, n, end = readCompound(toks[i:], text, lang)
			i += n - 1
		}
		if i+1 < len(toks) {
			if f, ok := scales[toks[i+1].Fold]; ok {
				v *= f
				end = toks[i+1].End
				i++
			}
		}
		out = append(out, Number{Start: t.Start, End: end, Kind: Spelled, Value: v, Key: numberKey(v)})
	}
	return out
}

// compoundWords lists, per language, the cardinal words that start or
// continue a compound number ("vingt-sept", "two hundred and five").
// Articles (un, a), fractions and multiplicatives (demi, double) stand
// alone.
var compoundWords = map[string]map[string]bool{
	"fr": setOf("deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "treize", "quatorze",
		"quinze", "seize", "vingt", "vingts", "trente", "quarante", "cinquante", "soixante", "cent", "cents", "mille"),
	"en": setOf("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
		"fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
		"sixty", "seventy", "eighty", "ninety", "hundred"),
}

// compoundAnd is the word that may join the parts of a compound: "vingt et
// un", "a hundred and five".
var compoundAnd = map[string]string{"fr": "et", "en": "and"}

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// readCompound reads the compound number starting with toks[0], a
// compound word, and returns its value, the number of tokens it takes and
// its end. Parts are joined by a hyphen or spaces (or "et"/"and") and must
// make a well-formed number: "vingt-sept" is 27 but "deux trois" is 2
// then 3.
func readCompound(toks []glossary.Token, text, lang string) (float64, int, int) {
	words, ords, parts := numberWords[lang], ordinalWords[lang], compoundWords[lang]
	total, cur := 0, int(words[toks[0].Fold])
	if toks[0].Fold == "mille" {
		total, cur = 1000, 0
	}
	n, end := 1, toks[0].End
	for n < len(toks) {
		k := n
		if !joined(text, toks[k-1].End, toks[k].Start) {
			break
		}
		if toks[k].Fold == compoundAnd[lang] {
			if k+1 >= len(toks) || !joined(text, toks[k].End, toks[k+1].Start) {
				break
			}
			k++
		}
		w := toks[k].Fold
		fv, ordinal := ords[w]
		if !ordinal {
			// "un" ends "vingt et un" but never starts a compound: it is
			// also the article.
			if !parts[w] && w != "un" && w != "une" {
				break
			}
			fv = words[w]
		}
		v := int(fv)
		switch {
		case v == 1000:
			if total%1000000 != 0 {
				return float64(total + cur), n, end
			}
			total, cur = total+max(cur, 1)*1000, 0
		case v == 100:
			if cur >= 100 {
				return float64(total + cur), n, end
			}
			cur = max(cur, 1) * 100
		case v == 20 && lang == "fr" && cur%100 == 4:
			cur += 76 // quatre-vingt(s): 4 × 20
		case lang == "fr" && (cur%100 == 60 || cur%100 == 80) && v >= 10 && v < 20:
			cur += v // soixante-dix, quatre-vingt-onze
		case v < 100 && cur%place(v) == 0 && cur%100+v < 100 && (cur%100 == 0 || v < 10):
			cur += v
		default:
			return float64(total + cur), n, end
		}
		n, end = k+1, toks[k].End
		if ordinal {
			break // nothing follows an ordinal: "vingt-septième"
		}
	}
	return float64(total + cur), n, end
}

// place returns the power of ten just above v's digits: 10 for 7, 100 for
// 27.
func place(v int) int {
	p := 10
	for v >= p {
		p *= 10
	}
	return p
}

// joined reports whether text[a:b], the gap between two words, is only a
// hyphen or spaces, so the words may form one number.
func joined(text string, a, b int) bool {
	if a > b || b > len(text) {
		return false
	}
	gap := text[a:b]
	if gap == "-" || gap == "‑" {
		return true
	}
	for _, r := range gap {
		if r != ' ' && r != '\u00a0' && r != '\u202f' {
			return false
		}
	}
	return gap != ""
}

// ordinalWords maps ordinals (folds) to their values, derived from the
// cardinals: "quatorzième", "vingtième", "fourteenth", "twentieth".
var ordinalWords = func() map[string]map[string]float64 {
	fr := map[string]float64{"unième": 1, "cinquième": 5, "neuvième": 9}
	for w, v := range numberWords["fr"] {
		if compoundWords["fr"][w] && !strings.HasSuffix(w, "s") {
			fr[strings.TrimSuffix(w, "e")+"ième"] = v
		}
	}
	delete(fr, "cinqième")
	delete(fr, "neufième")
	en := map[string]float64{"first": 1, "second": 2, "third": 3, "fifth": 5, "eighth": 8, "ninth": 9, "twelfth": 12}
	irregular := setOf("one", "two", "three", "five", "eight", "nine", "twelve")
	for w, v := range numberWords["en"] {
		switch {
		case !compoundWords["en"][w] || irregular[w]:
		case strings.HasSuffix(w, "y"):
			en[strings.TrimSuffix(w, "y")+"ieth"] = v
		default:
			en[w+"th"] = v
		}
	}
	en["thousandth"] = 1000
	return map[string]map[string]float64{"fr": fr, "en": en}
}()

// numberStems caches, per language, the stems of the longer number words
// (short ones collide: "one" and "on").
var numberStems sync.Map // lang -> map[string]float64

func stemmedNumberWords(lang string) map[string]float64 {
	if m, ok := numberStems.Load(lang); ok {
		return m.(map[string]float64)
	}
	a := analyzer(lang)
	m := map[string]float64{}
	for w, v := range numberWords[lang] {
		if len(w) > 4 {
			m[a.Stem(w)] = v
		}
	}
	numberStems.Store(lang, m)
	return m
}

// hasMonth reports whether toks name month m.
func hasMonth(toks []glossary.Token, m int) bool {
	for _, t := range toks {
		if monthWords[t.Fold] == m {
			return true
		}
	}
	return false
}
