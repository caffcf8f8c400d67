package numfmt

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/trad-project/trad/internal/script"
)

// Number is a number Scan read: where it is, its digits and how it was
// written. tm, qa and align all read digits, digit groups and decimal
// marks through Scan, so "1 234,5" or "1.234" reads one way everywhere;
// what they build on it (qa's dates, times and scale words, tm's
// rewriting in the target's style, align's cues) is theirs.
type Number struct {
	// Start and End are the byte span of the number in the text.
	Start, End int
	// Text is the number as written: Text == s[Start:End].
	Text string
	// Int is the integer part's digits without group separators and Frac
	// the fraction's digits, both in ASCII ("١٢" reads "12") and with
	// their zeros as written ("007", "50"). Both are "" when Opaque.
	Int, Frac string
	// Group is the separator written between digit groups, "" when none.
	Group string
	// Foreign reports a number that reads only with the other convention's
	// decimal mark: "3.5" or "1,234.5" in French, "3,5" in English.
	Foreign bool
	// Opaque reports separators that make no one number in either
	// convention, as in a version "3.12.1", a list "1,2,3" or "12,34,567":
	// the number is compared as written.
	Opaque bool
}

// Value returns the canonical value of n: integer digits without leading
// zeros, then "." and the fraction without trailing zeros ("3.5",
// "4000", "0.5"), or "" when n is Opaque.
func (n Number) Value() string {
	if n.Opaque {
		return ""
	}
	intPart := strings.TrimLeft(n.Int, "0")
	if intPart == "" {
		intPart = "0"
	}
	frac := strings.TrimRight(n.Frac, "0")
	if frac == "" {
		return intPart
	}
	return intPart + "." + frac
}

// Key returns Value, or for an Opaque number "~" and its text, so two
// numbers compare equal when they have the same value or, unreadable,
// the same writing.
func (n Number) Key() string {
	if n.Opaque {
		return "~" + n.Text
	}
	return n.Value()
}

// digitRun is one run of digits of a number and the separator before it
// (empty for the first run).
type digitRun struct {
	sepStart, start, end int
	digits               int // count of digits, not bytes
}

// maxRuns is how many digit runs Scan keeps without allocating.
const maxRuns = 4

// Scan reads the number whose first digit (IsDigit) starts at s[i], in the
// convention f (For(lang)):
//
//   - digit runs joined by single separators (IsSeparator) each followed by
//     a digit; a space or an apostrophe joins only a lead of one to three
//     digits to a group of exactly three, after the same mark only
//     ("4 000", "4’000", not "en 2024 500" or "5'10");
//   - the language's decimal mark before the last run starts the fraction;
//     the other runs must be thousands groups: a lead of one to three
//     digits, then groups of three, all with one separator that is not
//     the decimal mark ("1.234,5" in German, "4’000" in Swiss German);
//   - failing that, the same with the other convention's decimal mark
//     ("." for ",", "," for "."): the number is Foreign;
//   - failing both, the number is Opaque ("3.12.1").
//
// The zero Format{} reads without a language: the last separator is the
// decimal mark when it is not followed by exactly three digits or differs
// from the earlier separators, so "3,5" and "3.5" both read 3.5 and
// "40.000", "40,000", "40 000" all read 40000.
func Scan(s string, i int, f Format) Number {
	var buf [maxRuns]digitRun
	runs := buf[:0]
	end, count := digitsEnd(s, i)
	runs = append(runs, digitRun{sepStart: i, start: i, end: end, digits: count})
	for end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		if !IsSeparator(r) {
			break
		}
		j, count := digitsEnd(s, end+size)
		if count == 0 {
			break
		}
		// A space or an apostrophe only groups thousands: "4 000" but not
		// "en 2024 500 cas", "4’000" but not "5'10".
		if groupOnly(r) && (runs[0].digits > 3 || count != 3 || len(runs) > 1 && !sameSep(sepOf(s, runs[1]), s[end:end+size])) {
			break
		}
		runs = append(runs, digitRun{sepStart: end, start: end + size, end: j, digits: count})
		end = j
	}
	n := Number{Start: i, End: end, Text: s[i:end]}
	dec := f.Decimal
	if dec == "" {
		dec = guessDecimal(s, runs)
	}
	if n.read(s, runs, dec) {
		return n
	}
	if f.Decimal != "" && n.read(s, runs, otherDecimal(dec)) {
		n.Foreign = true
		return n
	}
	n.Opaque = true
	return n
}

// sepOf is the separator before run r, as the Latin mark it stands for
// (latinSep): what Scan compares with a Format's marks.
func sepOf(s string, r digitRun) string {
	sep := s[r.sepStart:r.start]
	if sep[0] >= utf8.RuneSelf {
		if c, _ := utf8.DecodeRuneInString(sep); latinSep[c] != "" {
			return latinSep[c]
		}
	}
	return sep
}

// groupOnly reports whether separator r can only group digits, never mark
// decimals: the group spaces and the apostrophes.
func groupOnly(r rune) bool { return IsGroupSpace(r) || r == '\'' || r == '’' }

// sameSep reports whether two separators are the same mark; the group
// spaces are all one ("4 000\u00a0000" is grouped).
func sameSep(a, b string) bool {
	if a == b {
		return true
	}
	ra, _ := utf8.DecodeRuneInString(a)
	rb, _ := utf8.DecodeRuneInString(b)
	return IsGroupSpace(ra) && IsGroupSpace(rb)
}

// otherDecimal is the decimal mark of the other convention.
func otherDecimal(dec string) string {
	if dec == "." {
		return ","
	}
	return "."
}

// guessDecimal picks the decimal mark of a number read without a language
// (see Scan), or "" when it has none.
func guessDecimal(s string, runs []digitRun) string {
	if len(runs) < 2 {
		return ""
	}
	last := runs[len(runs)-1]
	sep := sepOf(s, last)
	if r, _ := utf8.DecodeRuneInString(sep); groupOnly(r) {
		return ""
	}
	if last.digits != 3 || len(runs) > 2 && sepOf(s, runs[1]) != sep {
		return sep
	}
	return ""
}

// read fills n's digits when runs read as a number with decimal mark dec.
func (n *Number) read(s string, runs []digitRun, dec string) bool {
	intRuns := runs
	var frac digitRun
	hasFrac := false
	if last := runs[len(runs)-1]; len(runs) > 1 && sepOf(s, last) == dec {
		intRuns, frac, hasFrac = runs[:len(runs)-1], last, true
	}
	if len(intRuns) > 1 {
		if intRuns[0].digits > 3 {
			return false
		}
		group := sepOf(s, intRuns[1])
		for _, r := range intRuns[1:] {
			if !sameSep(sepOf(s, r), group) || group == dec || r.digits != 3 {
				return false
			}
		}
		n.Group = s[intRuns[1].sepStart:intRuns[1].start] // as written
	}
	n.Int = digitsOf(s, intRuns)
	if hasFrac {
		n.Frac = digitsOf(s, []digitRun{frac})
	}
	return true
}

// digitsOf returns the ASCII digits of runs, without their separators.
func digitsOf(s string, runs []digitRun) string {
	if len(runs) == 1 && runs[0].end-runs[0].start == runs[0].digits {
		return s[runs[0].start:runs[0].end] // ASCII: no copy
	}
	var b strings.Builder
	for _, r := range runs {
		for _, c := range s[r.start:r.end] {
			b.WriteByte(byte('0' + DigitValue(c)))
		}
	}
	return b.String()
}

// digitsEnd returns the end of the run of digits starting at s[i] and how
// many digits it has.
func digitsEnd(s string, i int) (int, int) {
	n := 0
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if c < '0' || c > '9' {
				break
			}
			i++
			n++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !IsDigit(r) {
			break
		}
		i += size
		n++
	}
	return i, n
}

// AfterWord reports whether a digit right after prev belongs to a word
// ("G7", "A320", "x_2") rather than starting a number: prev is a letter of
// a script written with spaces between words, a digit or an underscore.
// After an ideograph or kana ("共有1,234人") a digit starts a number. tm
// reads placeables this way; qa reads the digits of codes too.
func AfterWord(prev rune) bool {
	return prev == '_' || IsDigit(prev) || unicode.IsLetter(prev) && !script.IsIdeograph(prev)
}

// IsDigit reports whether r is a decimal digit of any script (Unicode Nd):
// "3", "٣", "३", "３".
func IsDigit(r rune) bool {
	if r <= unicode.MaxLatin1 { // Latin-1 has no other digits: accented text stays fast
		return '0' <= r && r <= '9'
	}
	return isOtherDigit(r)
}

// isOtherDigit is IsDigit beyond ASCII, out of line so IsDigit inlines.
//
//go:noinline
func isOtherDigit(r rune) bool { return unicode.IsDigit(r) }

// DigitValue returns the value of decimal digit r (IsDigit), or -1.
// Unicode keeps each script's digits in a run of ten from zero to nine, and
// adjacent runs (the mathematical digits) are whole runs, so the value is
// the count of digits before r in its block, modulo ten.
func DigitValue(r rune) int {
	if '0' <= r && r <= '9' {
		return int(r - '0')
	}
	if !IsDigit(r) {
		return -1
	}
	n := 0
	for IsDigit(r - rune(n) - 1) {
		n++
	}
	return n % 10
}

// ScriptZero returns the zero of the script of the digit that starts s:
// '0', '٠', '０'…; '0' when s does not start with a digit.
func ScriptZero(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	if r < utf8.RuneSelf || !IsDigit(r) {
		return '0'
	}
	return r - rune(DigitValue(r))
}

// InScript writes the ASCII digits of s in the script whose zero is zero
// (ScriptZero): tm writes a substituted number in the digits of the one it
// replaces.
func InScript(s string, zero rune) string {
	if zero == '0' || zero == 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if '0' <= r && r <= '9' {
			r = zero + (r - '0')
		}
		b.WriteRune(r)
	}
	return b.String()
}
