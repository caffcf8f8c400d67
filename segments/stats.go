package segments

import (
	"unicode"
	"unicode/utf8"

	"github.com/trad-project/trad/internal/script"
)

// WordCount returns the number of words in s as a translator counts them,
// following the Unicode word-boundary rules (UAX #29) that OmegaT's counter
// also builds on: a word is a run of letters and digits; an apostrophe or a
// period between two letters ("l'homme", "aujourd’hui", "example.com") and a
// period or comma between two digits ("3,5", "1.99") do not break it;
// hyphens, spaces and other punctuation do ("peut-être" is two words);
// symbols and punctuation alone ("%", "—") are not words; each Han, kana or
// Hangul character counts as a word, as Chinese and Japanese have no spaces.
func WordCount(s string) int { return wordCount(s, false) }

// WordCountCAT returns the number of words in s as memoQ and Trados Studio
// count them for a job analysis (trad analyze): as WordCount, except that a
// hyphen (-, U+2010, U+2011; not a dash) between two word characters does
// not break a word either: "up-to-date", "peut-être", "COVID-19" and
// "2020-2024" are one word each. A hyphen next to an ideograph still
// separates ("中-国" is two).
func WordCountCAT(s string) int { return wordCount(s, true) }

// wordCount is WordCount, with hyphens joining words when hyphens is set.
func wordCount(s string, hyphens bool) int {
	n := 0
	in := false   // inside a word
	var prev rune // last rune of the current word
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		switch classOf(r) {
		case classIdeograph:
			n++
			in = false
		case classWord:
			if !in {
				n++
				in = true
			}
			prev = r
		case classMark:
			if in {
				prev = r
				break
			}
			in = false
		default:
			if in && !isMid(r, prev, s[i+size:]) && !(hyphens && joinsCompound(r, s[i+size:])) {
				in = false
			}
		}
		i += size
	}
	return n
}

// Rune classes for WordCount.
const (
	classOther     = iota
	classWord      // letter, digit, spacing mark, underscore
	classMark      // non-spacing mark: continues a word, starts none
	classIdeograph // Han, kana, Hangul: a word each
)

// runeClass holds the class of the runes below U+3000 (Latin, Greek,
// Cyrillic…, and the General Punctuation of ’ and …), so that counting
// European text asks unicode nothing.
var runeClass = func() (t [0x3000]uint8) {
	for r := range rune(len(t)) {
		t[r] = slowClass(r)
	}
	return t
}()

func classOf(r rune) uint8 {
	if r >= 0 && r < rune(len(runeClass)) {
		return runeClass[r]
	}
	return slowClass(r)
}

func slowClass(r rune) uint8 {
	switch {
	case script.IsIdeograph(r):
		return classIdeograph
	case isWordRune(r):
		return classWord
	case unicode.Is(unicode.Mn, r):
		return classMark
	}
	return classOther
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mc, r)
}

// isMid reports whether r, between prev and the start of rest, joins them
// into one word.
func isMid(r, prev rune, rest string) bool {
	switch r {
	case '\'', '’', '.':
		next, _ := utf8.DecodeRuneInString(rest)
		if unicode.IsLetter(prev) && unicode.IsLetter(next) && !script.IsIdeograph(next) {
			return true
		}
		return r == '.' && unicode.IsDigit(prev) && unicode.IsDigit(next)
	case ',', '\u00a0', '\u202f': // decimal comma; (narrow) no-break space as thousands separator
		next, _ := utf8.DecodeRuneInString(rest)
		return unicode.IsDigit(prev) && unicode.IsDigit(next)
	}
	return false
}

// joinsCompound reports whether r, inside a word, is a hyphen that joins
// it with the word character starting rest (not an ideograph, nor a
// combining mark, which starts no word).
func joinsCompound(r rune, rest string) bool {
	if r != '-' && r != '\u2010' && r != '\u2011' {
		return false
	}
	next, _ := utf8.DecodeRuneInString(rest)
	return classOf(next) == classWord
}

// StatusCount is how many segments, and words in their source, are in one
// status (or in all).
type StatusCount struct {
	Segments int `json:"segments"`
	Words    int `json:"words"`
}

// Stats sums up a document's progress.
type Stats struct {
	// Total counts every segment.
	Total StatusCount `json:"total"`
	// ByStatus is indexed by Status (StatusNew … StatusReviewed).
	ByStatus [StatusReviewed + 1]StatusCount `json:"by_status"`
	// Percent is the share of source words in confirmed segments
	// (translated or reviewed), 0–100.
	Percent float64 `json:"percent"`
}

// Confirmed returns the counts of translated and reviewed segments together.
func (s Stats) Confirmed() StatusCount {
	t, r := s.ByStatus[StatusTranslated], s.ByStatus[StatusReviewed]
	return StatusCount{Segments: t.Segments + r.Segments, Words: t.Words + r.Words}
}

// Stats counts d's segments and source words per status.
func (d *Document) Stats() Stats {
	var st Stats
	for i := range d.Segments {
		s := &d.Segments[i]
		w := WordCount(s.Source)
		st.Total.Segments++
		st.Total.Words += w
		if s.Status >= 0 && int(s.Status) < len(st.ByStatus) {
			st.ByStatus[s.Status].Segments++
			st.ByStatus[s.Status].Words += w
		}
	}
	if st.Total.Words > 0 {
		st.Percent = 100 * float64(st.Confirmed().Words) / float64(st.Total.Words)
	} else if st.Total.Segments > 0 {
		st.Percent = 100 * float64(st.Confirmed().Segments) / float64(st.Total.Segments)
	}
	return st
}
