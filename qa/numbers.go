package qa

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/trad-project/trad/internal/links"

	"github.com/trad-project/trad/internal/numfmt"
	"github.com/trad-project/trad/internal/script"
)

// NumberKind says what sort of number a Number is.
type NumberKind int

// Number kinds.
const (
	// Plain is a quantity: "3,5", "4 000", "180 millions", "1er".
	Plain NumberKind = iota
	// Date is a numeric date: "14.05.2021", "14/05/2021", "2021-05-14".
	Date
	// Version is a dotted code compared as written: "17.4.1".
	Version
	// Spelled is a number written in words or Roman numerals ("trois",
	// "XXIe"): it may stand for a number of the other text but is never
	// required to.
	Spelled
	// Time is a time of day: "15 h", "15 h 30", "15h30", "3 p.m.",
	// "3:30 pm", "15:30". Its Key is "t" and the time on a 24-hour clock
	// ("t15:30").
	Time
)

// Number is a number found in a text.
type Number struct {
	// Start and End are the byte span of the number in the text, with its
	// scale word ("180 millions") when it has one.
	Start, End int
	Text       string
	Kind       NumberKind
	// Value is the number with its scale applied (180 millions → 1.8e8).
	// For a Date it is 0; for a Version, the value of its first part.
	Value float64
	// Key compares numbers across languages: the canonical value for Plain
	// and Spelled numbers, the text for a Version, "yyyy-a-b" for a Date
	// with day and month in either order (see Day and Month).
	Key string
	// Day, Month, Year are a Date's parts (Year as written: 21 or 2021).
	Day, Month, Year int
	// alt is a second reading of an ambiguous number ("1.2m" is 1.2 metres
	// or 1.2 million), "" if none.
	alt string
	// Foreign reports a decimal separator that is not the language's: "3.5"
	// in French, "3,5" in English.
	Foreign bool
	// hours marks a Time written with "h" or "heures" ("15 h", "2 h 30"),
	// which may also be a duration ("24 h sur 24", "en 2 h 30").
	hours bool
	// Hour and Minute are a Time's parts, on a 24-hour clock.
	Hour, Minute int
}

// scaleWord is a word that multiplies the number before it.
type scaleWord struct {
	word   string
	factor float64
	fold   bool // compared case-insensitively (words); abbreviations are exact
	money  bool // only after a currency sign ("€5m": m is also metres)
}

var scaleWords = map[string][]scaleWord{
	"fr": {{"milliards", 1e9, true, false}, {"milliard", 1e9, true, false}, {"millions", 1e6, true, false}, {"million", 1e6, true, false},
		{"billions", 1e12, true, false}, {"billion", 1e12, true, false}, {"milliers", 1e3, true, false}, {"millier", 1e3, true, false}, {"mille", 1e3, true, false},
		{"Mds", 1e9, false, false}, {"Md", 1e9, false, false}, {"Mrds", 1e9, false, false}, {"Mrd", 1e9, false, false},
		{"M", 1e6, false, false}, {"k", 1e3, false, false}, {"K", 1e3, false, false}},
	"en": {{"thousand", 1e3, true, false}, {"million", 1e6, true, false}, {"millions", 1e6, true, false},
		{"billion", 1e9, true, false}, {"billions", 1e9, true, false}, {"trillion", 1e12, true, false}, {"trillions", 1e12, true, false},
		{"bn", 1e9, false, false}, {"mn", 1e6, false, false}, {"tn", 1e12, false, false}, {"M", 1e6, false, false},
		{"m", 1e6, false, true}, {"k", 1e3, false, false}, {"K", 1e3, false, false}, {"B", 1e9, false, true}},
	"de": {{"Milliarden", 1e9, false, false}, {"Milliarde", 1e9, false, false}, {"Millionen", 1e6, false, false}, {"Million", 1e6, false, false},
		{"Billionen", 1e12, false, false}, {"Billion", 1e12, false, false}, {"Tausend", 1e3, false, false},
		{"Mrd.", 1e9, false, false}, {"Mrd", 1e9, false, false}, {"Mio.", 1e6, false, false}, {"Mio", 1e6, false, false}},
	"es": {{"mil millones", 1e9, true, false}, {"millones", 1e6, true, false}, {"millón", 1e6, true, false}, {"billones", 1e12, true, false},
		{"billón", 1e12, true, false}, {"mil", 1e3, true, false}},
	"it": {{"miliardi", 1e9, true, false}, {"miliardo", 1e9, true, false}, {"milioni", 1e6, true, false}, {"milione", 1e6, true, false},
		{"mila", 1e3, true, false}, {"mld", 1e9, false, false}, {"mln", 1e6, false, false}},
	"zh": {{"亿", 1e8, false, false}, {"万", 1e4, false, false}, {"千", 1e3, false, false}},
	"ja": {{"億", 1e8, false, false}, {"万", 1e4, false, false}, {"千", 1e3, false, false}},
}

// Numbers returns the numbers written in text in language lang (BCP 47),
// in order: digits with the language's grouping and decimal separators
// (numfmt, from CLDR)
// (plus the other convention, marked Foreign), their scale words, numeric
// dates, times of day and dotted versions, and, in French, Roman ordinals
// ("XXIe").
// Numbers inside URLs, e-mail addresses and @handles are skipped.
func Numbers(text, lang string) []Number {
	return appendNumbers(nil, text, lang, links.Find(text))
}

// appendNumbers appends the numbers of s to dst; tag is s's language
// (BCP 47): its region counts for the decimal mark (de-CH writes 3.5),
// its base language for the words (scale words, times, Roman ordinals).
func appendNumbers(dst []Number, s, tag string, ls []links.Span) []Number {
	f := numfmt.For(tag)
	lang := baseLang(tag)
	for i := 0; i < len(s); {
		c := s[i]
		size := 0 // of the digit at s[i]: ASCII, or of any script ("３", "٣")
		if isDigit(c) {
			size = 1
		} else if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !numfmt.IsDigit(r) {
				i += n
				continue
			}
			size = n
		}
		if size == 0 {
			if lang == "fr" && (c == 'I' || c == 'V' || c == 'X') && (i == 0 || !isLetterBefore(s, i)) {
				if n, ok := romanOrdinal(s, i); ok {
					dst = append(dst, n)
					i = n.End
					continue
				}
			}
			i++
			continue
		}
		if links.In(ls, i) {
			i += size // and the next digits in turn
			continue
		}
		n := parseNumber(s, i, lang, f)
		dst = append(dst, n)
		i = n.End
	}
	return dst
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func digitsEnd(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

// groupSpace returns the size of a space that may separate digit groups at
// s[i] (numfmt.GroupSpaceAt: space, no-break, narrow no-break and thin
// spaces), or 0.
func groupSpace(s string, i int) int { return numfmt.GroupSpaceAt(s, i) }

// parseNumber reads the number starting with the digit at s[i]: a date or
// a time of day, else the digits, groups and decimal mark numfmt.Scan
// reads in format f, with a scale word after them.
func parseNumber(s string, i int, lang string, f numfmt.Format) Number {
	j := digitsEnd(s, i)
	if n, ok := parseDate(s, i, j); ok {
		return n
	}
	if n, ok := parseTime(s, i, j, lang); ok {
		return n
	}
	sn := numfmt.Scan(s, i, f)
	n := Number{Start: i, End: sn.End, Text: sn.Text, Kind: Plain, Foreign: sn.Foreign}
	if sn.Opaque {
		// A dotted version ("17.4.1", "1.2.3") is compared as written.
		n.Kind, n.Key = Version, sn.Text
		n.Value, _ = strconv.ParseFloat(s[i:j], 64)
		return n
	}
	v, err := strconv.ParseFloat(sn.Value(), 64)
	if err != nil {
		v = 0 // only digits reach here: the error is an overflow
	}
	k := sn.End
	if fs, e := scaleAt(s, i, k, lang); e > k {
		v *= fs
		k = e
	} else if lang == "en" && k < len(s) && s[k] == 'm' && !wordRuneAt(s, k+1) {
		n.alt = numberKey(v * 1e6) // "1.2m people"
	} else if j-i == 2 && k == j {
		// "2019–20": the second year of a range, abbreviated.
		if y, ok := yearBefore(s, i); ok {
			full := y/100*100 + int(v)
			if full <= y {
				full += 100
			}
			n.alt = numberKey(float64(full))
		}
	}
	n.End, n.Text, n.Value, n.Key = k, s[i:k], v, numberKey(v)
	return n
}

// wordRuneAt reports whether a letter or digit starts at s[i].
func wordRuneAt(s string, i int) bool {
	r, size := utf8.DecodeRuneInString(s[i:])
	return size > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// yearBefore reads a year (1900–2099) followed by a hyphen, en dash or
// slash right before s[i].
func yearBefore(s string, i int) (int, bool) {
	for _, dash := range [...]string{"-", "–", "/"} {
		if !strings.HasSuffix(s[:i], dash) {
			continue
		}
		e := i - len(dash)
		st := e - 4
		if st < 0 || (st > 0 && isDigit(s[st-1])) {
			return 0, false
		}
		y, err := strconv.Atoi(s[st:e])
		if err != nil || y < 1900 || y > 2099 {
			return 0, false
		}
		return y, true
	}
	return 0, false
}

func numberKey(v float64) string { return strconv.FormatFloat(v, 'g', 12, 64) }

// scaleAt returns the factor and end of a scale word after the number
// s[i:k] ("180 millions", "50bn", "5 M€"), or k when there is none.
func scaleAt(s string, i, k int, lang string) (float64, int) {
	words := scaleWords[lang]
	if len(words) == 0 {
		return 1, k
	}
	p := k
	if sp := groupSpace(s, p); sp > 0 {
		p += sp
	}
	rest := s[p:]
	for _, w := range words {
		if len(rest) < len(w.word) {
			continue
		}
		head := rest[:len(w.word)]
		if !(head == w.word || w.fold && strings.EqualFold(head, w.word)) {
			continue
		}
		end := p + len(w.word)
		if r, _ := utf8.DecodeRuneInString(s[end:]); end < len(s) && (unicode.IsLetter(r) || unicode.IsDigit(r)) && !script.IsIdeograph(r) {
			continue
		}
		if script.IsIdeograph([]rune(w.word)[0]) && p != k {
			continue // 亿 follows its digits directly
		}
		if w.money && !currencyBefore(s, i) {
			continue
		}
		return w.factor, end
	}
	return 1, k
}

// currencyBefore reports whether a currency sign comes right before s[i]
// ("€5m", "$ 5m").
func currencyBefore(s string, i int) bool {
	if i > 0 && s[i-1] == ' ' {
		i--
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.Is(unicode.Sc, r)
}

func isLetterBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// parseDate reads a numeric date whose first digits are s[i:j]:
// d.m.y, d/m/y (either of day and month first) or y-m-d.
func parseDate(s string, i, j int) (Number, bool) {
	if j >= len(s) {
		return Number{}, false
	}
	sep := s[j]
	if sep != '.' && sep != '/' && sep != '-' {
		return Number{}, false
	}
	if sep == '-' && j-i != 4 {
		return Number{}, false
	}
	a := j + 1
	b := digitsEnd(s, a)
	if b-a < 1 || b-a > 2 || b >= len(s) || s[b] != sep {
		return Number{}, false
	}
	c := b + 1
	d := digitsEnd(s, c)
	if sep == '-' {
		if d-c < 1 || d-c > 2 {
			return Number{}, false
		}
	} else if d-c != 2 && d-c != 4 || j-i > 2 {
		return Number{}, false
	}
	if d < len(s) && (isDigit(s[d]) || (s[d] == sep || s[d] == '.' || s[d] == ',') && d+1 < len(s) && isDigit(s[d+1])) {
		return Number{}, false // 1.2.3.4: a version, not a date
	}
	p1, _ := strconv.Atoi(s[i:j])
	p2, _ := strconv.Atoi(s[a:b])
	p3, _ := strconv.Atoi(s[c:d])
	var y, m, day int
	if sep == '-' {
		y, m, day = p1, p2, p3
	} else {
		day, m, y = p1, p2, p3
		if m > 12 && day <= 12 {
			day, m = m, day // US order: 05/14/2021
		}
	}
	if m < 1 || m > 12 || day < 1 || day > 31 {
		return Number{}, false
	}
	// The key does not order day and month: 05/06 is 5 June in French and
	// may be written 06/05 in American English.
	lo, hi := min(day, m), max(day, m)
	return Number{Start: i, End: d, Text: s[i:d], Kind: Date, Day: day, Month: m, Year: y,
		Key: strconv.Itoa(fullYear(y)) + "-" + strconv.Itoa(lo) + "-" + strconv.Itoa(hi)}, true
}

func fullYear(y int) int {
	if y < 100 {
		return 2000 + y
	}
	return y
}

// romanOrdinal reads a French Roman ordinal ("XXIe", "Ier", "Ve") at s[i].
func romanOrdinal(s string, i int) (Number, bool) {
	j := i
	for j < len(s) && (s[j] == 'I' || s[j] == 'V' || s[j] == 'X') {
		j++
	}
	v := romanValue(s[i:j])
	if v == 0 {
		return Number{}, false
	}
	for _, suf := range [...]string{"ème", "er", "re", "e"} {
		if strings.HasPrefix(s[j:], suf) {
			e := j + len(suf)
			if r, _ := utf8.DecodeRuneInString(s[e:]); e < len(s) && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				return Number{}, false
			}
			if (suf == "er" || suf == "re") && v != 1 {
				return Number{}, false
			}
			return Number{Start: i, End: e, Text: s[i:e], Kind: Spelled, Value: float64(v), Key: numberKey(float64(v))}, true
		}
	}
	return Number{}, false
}

// romanValue returns the value of a Roman numeral of I, V and X written in
// canonical form, or 0.
func romanValue(r string) int {
	if r == "" || len(r) > 7 {
		return 0
	}
	val := map[byte]int{'I': 1, 'V': 5, 'X': 10}
	total := 0
	for k := 0; k < len(r); k++ {
		v := val[r[k]]
		if k+1 < len(r) && val[r[k+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	if toRoman(total) != r {
		return 0
	}
	return total
}

func toRoman(n int) string {
	var b strings.Builder
	for _, p := range []struct {
		v int
		s string
	}{{10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for n >= p.v {
			b.WriteString(p.s)
			n -= p.v
		}
	}
	return b.String()
}

// parseTime reads a time of day whose hour is s[i:j]: "15:30", "3 p.m.",
// "3:30pm", "3.30 pm" in any language, and, in French, "15 h", "15 h 30",
// "15h30", "15 heures 30".
func parseTime(s string, i, j int, lang string) (Number, bool) {
	if j-i > 2 || j >= len(s) || i > 0 && (s[i-1] == '.' || s[i-1] == ',' || s[i-1] == ':') {
		return Number{}, false
	}
	h, _ := strconv.Atoi(s[i:j])
	if h > 24 {
		return Number{}, false
	}
	n := Number{Start: i, Kind: Time, Hour: h}
	k := j
	if (s[k] == ':' || s[k] == '.') && k+3 <= len(s) && isDigit(s[k+1]) && isDigit(s[k+2]) {
		e := k + 3
		if e < len(s) && (isDigit(s[e]) || (s[e] == ':' || s[e] == '.' || s[e] == ',') && e+1 < len(s) && isDigit(s[e+1])) {
			return Number{}, false // 15:30:00, 1.234
		}
		n.Minute, _ = strconv.Atoi(s[k+1 : e])
		if n.Minute > 59 {
			return Number{}, false
		}
		end, pm, ok := ampmAt(s, e)
		switch {
		case ok:
			if h < 1 || h > 12 {
				return Number{}, false
			}
			n.Hour = clock24(h, pm)
			e = end
		case s[k] == '.':
			return Number{}, false // 3.30 without am or pm is a decimal
		case h >= 1 && h <= 11:
			n.alt = timeKey(h+12, n.Minute) // 3:30 may be in the afternoon
		}
		return n.finish(s, e), true
	}
	if end, pm, ok := ampmAt(s, k); ok {
		if h < 1 || h > 12 {
			return Number{}, false
		}
		n.Hour = clock24(h, pm)
		return n.finish(s, end), true
	}
	if lang != "fr" {
		return Number{}, false
	}
	p := k
	if sp := groupSpace(s, p); sp > 0 {
		p += sp
	}
	e := p
	for _, w := range [...]string{"heures", "heure", "h"} {
		if strings.HasPrefix(s[p:], w) && !letterAt(s, p+len(w)) {
			e = p + len(w)
			break
		}
	}
	if e == p {
		return Number{}, false
	}
	n.hours = true
	// Minutes: "15 h 30", "15h30", "15 heures 30".
	m := e
	if sp := groupSpace(s, m); sp > 0 {
		m += sp
	}
	if m+2 <= len(s) && isDigit(s[m]) && isDigit(s[m+1]) && (m+2 == len(s) || !isDigit(s[m+2])) {
		if mi, _ := strconv.Atoi(s[m : m+2]); mi < 60 && !(m+2 < len(s) && (s[m+2] == ',' || s[m+2] == '.') && m+3 < len(s) && isDigit(s[m+3])) {
			n.Minute, e = mi, m+2
		}
	}
	return n.finish(s, e), true
}

// letterAt reports whether a letter starts at s[i] ("15h30" is a time,
// "15 hab." is not).
func letterAt(s string, i int) bool {
	r, size := utf8.DecodeRuneInString(s[i:])
	return size > 0 && unicode.IsLetter(r)
}

// finish sets a Time's end, text, value and key.
func (n Number) finish(s string, end int) Number {
	n.End, n.Text, n.Value, n.Key = end, s[n.Start:end], float64(n.Hour), timeKey(n.Hour, n.Minute)
	return n
}

// clock24 returns hour h (1–12) of the morning or afternoon on a 24-hour
// clock: 12 a.m. is 0, 12 p.m. is 12, 3 p.m. is 15.
func clock24(h int, pm bool) int {
	if pm {
		return h%12 + 12
	}
	return h % 12
}

func timeKey(h, m int) string {
	return "t" + strconv.Itoa(h) + ":" + strconv.Itoa(m/10) + strconv.Itoa(m%10)
}

// ampmAt reads "am", "pm", "a.m." or "p.m." (any case, after at most one
// space) at s[i], and returns its end and whether it is pm.
func ampmAt(s string, i int) (int, bool, bool) {
	if sp := groupSpace(s, i); sp > 0 {
		i += sp
	}
	for _, w := range [...]string{"a.m.", "p.m.", "a.m", "p.m", "am", "pm"} {
		if len(s)-i >= len(w) && strings.EqualFold(s[i:i+len(w)], w) && !wordRuneAt(s, i+len(w)) {
			return i + len(w), w[0] == 'p', true
		}
	}
	return 0, false, false
}
