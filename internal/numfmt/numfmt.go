// Package numfmt is trad's one home for how languages write numbers: each
// language's decimal mark and digit-group separator, taken from CLDR (the
// data golang.org/x/text carries, For), the one reader of digits, digit
// groups and decimal marks (Scan) and the one writer (Format.Write). Its
// users:
//
//   - tm (tm/numbers.go) reads the numbers of a memory unit and of the
//     looked-up text in their languages and writes a substituted number the
//     target language's way;
//   - qa (qa/numbers.go, qa/numcheck.go) reads the numbers of a source and
//     its translation, with its dates, times, scale words and ordinals
//     around Scan, flags a decimal mark that is not the target language's
//     and suggests the right writing;
//   - align (align/features.go) reads numbers without a language
//     (Scan with the zero Format).
package numfmt

import (
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// Format is how a language writes a number.
type Format struct {
	// Decimal is the decimal mark: "," (fr, de, nn, id, vi…) or "." (en,
	// ja, de-CH…).
	Decimal string
	// Group separates thousands: "," in English, "." in German, a no-break
	// space in French, "’" in Swiss German.
	Group string
}

var cache sync.Map // lang string -> Format

// For returns how lang (a BCP 47 tag, "fr", "pt-BR", "de-CH") writes
// numbers, from CLDR: the formatting of 1234567.5 by golang.org/x/text,
// in Latin digits, read back. An empty or unknown tag writes numbers as
// English does ("." and ",").
func For(lang string) Format {
	if f, ok := cache.Load(lang); ok {
		return f.(Format)
	}
	f := lookup(lang)
	cache.Store(lang, f)
	return f
}

// aliases are tags x/text has no number data for under that name: CLDR
// treats "no" (Norwegian) as Bokmål.
var aliases = map[string]string{"no": "nb"}

// newer corrects x/text's data (CLDR 32) where later CLDR changed it:
// since CLDR 34 French (France) groups digits with a narrow no-break space.
var newer = map[string]Format{"fr": {Decimal: ",", Group: "\u202f"}, "fr-FR": {Decimal: ",", Group: "\u202f"}}

func lookup(lang string) Format {
	tag, err := language.Parse(strings.ReplaceAll(lang, "_", "-"))
	if err != nil {
		tag = language.Und
	}
	if f, ok := newer[tag.String()]; ok {
		return f
	}
	if base, _ := tag.Base(); aliases[base.String()] != "" {
		b, _ := language.ParseBase(aliases[base.String()])
		if t, err := language.Compose(tag, b); err == nil {
			tag = t
		}
	}
	// Latin digits: the separators are what matters, and a reader of
	// "١٬٢٣٤" looks for ASCII ones too.
	if t, err := tag.SetTypeForKey("nu", "latn"); err == nil {
		tag = t
	}
	s := message.NewPrinter(tag).Sprint(number.Decimal(1234567.5))
	// s is "1<g>234<g>567<d>5", or with Indian grouping "12<g>34<g>567<d>5".
	f := Format{Decimal: ".", Group: ","}
	lastDigits := strings.LastIndex(s, "567")
	if lastDigits < 0 || !strings.HasSuffix(s, "5") {
		return f
	}
	f.Decimal = s[lastDigits+3 : len(s)-1]
	if r, size := utf8.DecodeRuneInString(s[1:]); size > 0 && !isASCIIDigit(r) {
		f.Group = s[1 : 1+size]
	} else if r, size := utf8.DecodeRuneInString(s[2:]); size > 0 && !isASCIIDigit(r) {
		f.Group = s[2 : 2+size]
	}
	return f
}

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

// DecimalComma reports whether lang writes three and a half "3,5".
func DecimalComma(lang string) bool { return For(lang).Decimal == "," }

// IsGroupSpace reports whether r is a space that may group digits: space,
// no-break space, narrow no-break space (French), thin space.
func IsGroupSpace(r rune) bool {
	return r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009'
}

// GroupSpaceAt returns the size in bytes of a group space (IsGroupSpace) at
// s[i], or 0.
func GroupSpaceAt(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	if s[i] == ' ' {
		return 1
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if IsGroupSpace(r) {
		return size
	}
	return 0
}

// IsSeparator reports whether r may separate digit groups or mark decimals
// inside a number in some language: comma, full stop, apostrophes (Swiss
// "1’000"), the group spaces, and the marks written with other digits
// (see latinSep).
func IsSeparator(r rune) bool {
	return r == ',' || r == '.' || r == '\'' || r == '’' || IsGroupSpace(r) || latinSep[r] != ""
}

// latinSep maps the separators written with Arabic-Indic or full-width
// digits to the Latin ones they stand for, which Format holds: "١٢٬٥٠٠"
// and "１２，５００" are 12,500 as "12,500" is.
var latinSep = map[rune]string{'\u066c': ",", '\u066b': ".", '，': ",", '．': "."}

// Write writes a number in f's convention: the integer digits grouped by
// three with group ("" for none; tm passes the grouping of the number it
// replaces, qa f.Group), then f's decimal mark and the fraction digits if
// there are any. What Write writes, Scan reads back to the same value.
func (f Format) Write(intDigits, frac, group string) string {
	intPart := GroupDigits(intDigits, group)
	if frac == "" {
		return intPart
	}
	return intPart + f.Decimal + frac
}

// GroupDigits writes a run of ASCII digits with sep between groups of
// three from the right ("12000000", "," → "12,000,000").
func GroupDigits(digits, sep string) string {
	if len(digits) <= 3 || sep == "" {
		return digits
	}
	var b strings.Builder
	lead := len(digits) % 3
	b.WriteString(digits[:lead])
	for i := lead; i < len(digits); i += 3 {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}
