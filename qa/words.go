package qa

import (
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
		"vingtième": 20, "moitié": 0.5, "demi": 0.5, "double": 2, "triple": 3, "quadruple": 4,
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

// spelledNumbers returns the numbers written in words among toks ("three",
// "deux milliards"), as Spelled numbers.
func spelledNumbers(toks []glossary.Token, lang string) []Number {
	words, scales := numberWords[lang], wordScales[lang]
	if words == nil {
		return nil
	}
	stems := stemmedNumberWords(lang)
	var out []Number
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		v, ok := words[t.Fold]
		if !ok && len(t.Fold) > 4 {
			v, ok = stems[t.Stem] // "tripled", "doublé"
		}
		end := t.End
		if !ok {
			continue
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
