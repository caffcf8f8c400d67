package align

import (
	"hash/fnv"
	"math"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/trad-project/trad/internal/numfmt"
	"github.com/trad-project/trad/internal/textfold"
)

// A sentence's cues are reduced to a length and a set of keys (hashes) that
// a sentence of the other side can share: number values, word prefixes
// (cognates, names, identical tokens), the dictionary's translations of its
// words and a few punctuation marks. Keys are compared as sorted sets.

// sentence holds the cues of one sentence (or block).
type sentence struct {
	chars int      // runes that are not spaces: the length model's unit
	keys  []uint32 // sorted distinct keys of the sentence's own tokens
	// reach is keys plus the dictionary translations of its words (sorted,
	// distinct): what a sentence of the other side may match.
	reach []uint32
	// kw are the weights of keys (see weigh) and weight their sum, the
	// sentence's share of the Dice denominator.
	kw     []float32
	weight float32
	// junk is a sentence without a word or a number (".....", "- _ -"):
	// OCR debris or layout, which translations keep or drop at random.
	junk bool
}

// Key kinds, mixed into the hash so a number never equals a word.
const (
	kindWord  = 'w'
	kindNum   = 'n'
	kindPunct = 'p'
)

// prefixLen is how many letters of a folded word make its key: enough to
// tell words apart, short enough that inflected forms and cognates
// ("Expedition", "expédition"; "Himalaya-Berge", "himalayens") share it.
const prefixLen = 5

// minWordLen is the shortest word used as a cue: shorter words are mostly
// function words, which differ between languages and match by chance.
const minWordLen = 4

// folder gives a word's case- and accent-insensitive key, textfold.Loose:
// "Éboulement" → "eboulement".
type folder struct{}

func newFolder() *folder { return &folder{} }

// word returns the folded, unaccented form of w.
func (*folder) word(w string) string { return textfold.Loose(w) }

// wordKey returns the key of a folded word and whether the word is long
// enough to be a cue by itself (short words only count through the
// dictionary).
func wordKey(folded string) (uint32, bool) {
	n := utf8.RuneCountInString(folded)
	if n > prefixLen {
		i := 0
		for k := 0; k < prefixLen; k++ {
			_, sz := utf8.DecodeRuneInString(folded[i:])
			i += sz
		}
		folded = folded[:i]
	}
	return hashKey(kindWord, folded), n >= minWordLen
}

// numBit marks the keys of numbers, which count numWeight times.
const numBit = 1 << 31

func hashKey(kind byte, s string) uint32 {
	h := fnv.New32a()
	h.Write([]byte{kind})
	h.Write([]byte(s))
	if kind == kindNum {
		return h.Sum32() | numBit
	}
	return h.Sum32() &^ numBit
}

// token is a word or a number of a sentence.
type token struct {
	text string
	num  bool
	key  string // a number's numberKey, read with it
}

// tokens splits s into words (letters, with inner hyphens and apostrophes
// cutting them) and numbers (digits with their group and decimal
// separators, normalised by numberKey), and reports cue punctuation.
func tokens(s string, punct func(r rune)) []token {
	var out []token
	for i := 0; i < len(s); {
		r, sz := utf8.DecodeRuneInString(s[i:])
		switch {
		case numfmt.IsDigit(r):
			n := numfmt.Scan(s, i, numfmt.Format{})
			out = append(out, token{text: n.Text, num: true, key: n.Key()})
			i = n.End
		case unicode.IsLetter(r):
			j := i + sz
			for j < len(s) {
				r2, sz2 := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(r2) && !unicode.Is(unicode.Mn, r2) {
					break
				}
				j += sz2
			}
			out = append(out, token{text: s[i:j]})
			i = j
		default:
			if punct != nil {
				punct(r)
			}
			i += sz
		}
	}
	return out
}

// numberKey normalises the locale forms of a number to one spelling:
// "40 000", "40,000", "40.000" and "40’000" → "40000"; "3,5" and "3.5" →
// "3.5"; "8847,60" → "8847.6". Alignment reads numbers without knowing
// the languages' conventions: numfmt.Scan with no language (Format{}),
// where a separator before exactly three final digits groups thousands
// and any other is the decimal mark.
func numberKey(s string) string { return numfmt.Scan(s, 0, numfmt.Format{}).Key() }

// cuePunct are the marks whose presence is a cue: questions, exclamations,
// quotations, parentheses, colons.
func cuePunct(r rune) (string, bool) {
	switch r {
	case '?', '¿':
		return "?", true
	case '!', '¡':
		return "!", true
	case '«', '»', '"', '“', '”', '„':
		return "\"", true
	case '(', ')', '[', ']':
		return "(", true
	case ':':
		return ":", true
	}
	return "", false
}

// numWeight is how many words a shared number is worth: numbers rarely
// match by chance and are kept by translators.
const numWeight = 2

// side says which side of the pair a sentence is on: the dictionary
// translates source words and knows which target words it can produce.
type side int

const (
	sourceSide side = iota
	targetSide
)

// features computes the cues of text; dict may be nil.
func (f *folder) features(text string, dict *Dict, sd side) sentence {
	var s sentence
	for _, r := range text {
		if !unicode.IsSpace(r) {
			s.chars++
		}
	}
	var keys, reach []uint32
	toks := tokens(text, func(r rune) {
		if p, ok := cuePunct(r); ok {
			keys = append(keys, hashKey(kindPunct, p))
		}
	})
	s.junk = len(toks) == 0
	for _, t := range toks {
		if t.num {
			keys = append(keys, hashKey(kindNum, t.key))
			continue
		}
		k, long := wordKey(f.word(t.text))
		if long || sd == targetSide && dict.produces(k) {
			keys = append(keys, k)
		}
		if sd == sourceSide {
			reach = append(reach, dict.lookup(k)...)
		}
	}
	s.keys = sortedSet(keys)
	s.reach = sortedSet(append(reach, s.keys...))
	return s
}

// weigh sets the key weights of one side's sentences: a key that few
// sentences of the text have (a name, a number, a rare word) tells more
// than one most have, as in tf-idf; numbers count numWeight times more.
func weigh(ss []sentence) {
	df := map[uint32]int{}
	for _, s := range ss {
		for _, k := range s.keys {
			df[k]++
		}
	}
	n := float64(len(ss))
	for i := range ss {
		s := &ss[i]
		s.kw = make([]float32, len(s.keys))
		s.weight = 0
		for x, k := range s.keys {
			w := 1 + idfWeight*math.Log(n/float64(df[k]))
			if k&numBit != 0 {
				w *= numWeight
			}
			s.kw[x] = float32(w)
			s.weight += float32(w)
		}
	}
}

// idfWeight scales the rarity bonus of weigh.
var idfWeight = 1.0

func sortedSet(k []uint32) []uint32 {
	slices.Sort(k)
	return slices.Compact(k)
}

// shared sums the weights of the keys of t found in reach (both sorted).
func shared(reach []uint32, t sentence) float32 {
	var n float32
	i, j := 0, 0
	tk := t.keys
	for i < len(reach) && j < len(tk) {
		switch {
		case reach[i] < tk[j]:
			i++
		case reach[i] > tk[j]:
			j++
		default:
			n += t.kw[j]
			i++
			j++
		}
	}
	return n
}
