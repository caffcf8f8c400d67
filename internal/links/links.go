// Package links finds the links of a text: URLs, e-mail addresses,
// @handles and bare domain names ("lemonde.fr", "example.org/2024/05").
// It is trad's one answer to "is this part of the text a link": spell.Words
// does not check the words inside one, and qa's number, punctuation, name
// and link checks skip or compare them.
package links

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// Kind is what a link is.
type Kind uint8

const (
	URL    Kind = iota // "https://…", "ftp://…", "www.…"
	Email              // "presse@example.org"
	Handle             // "@trad_project"
	Domain             // a bare domain name, with or without a path: "lemonde.fr"
)

// Span is one link: the bytes [Start, End) of the text.
type Span struct {
	Start, End int
	Kind       Kind
}

// Find returns the links of s, sorted and not overlapping. Trailing
// sentence punctuation is not part of a link.
func Find(s string) []Span {
	if !strings.ContainsAny(s, "@:.") {
		return nil
	}
	var out []Span
	for i := 0; i < len(s); {
		if j := urlEnd(s, i); j > i {
			out = append(out, Span{i, j, URL})
			i = j
			continue
		}
		if s[i] == '@' {
			lo := 0
			if len(out) > 0 {
				lo = out[len(out)-1].End
			}
			if st, e := emailAt(s, lo, i); e > i {
				out = append(out, Span{st, e, Email})
				i = e
				continue
			}
			if e := handleAt(s, i); e > i {
				out = append(out, Span{i, e, Handle})
				i = e
				continue
			}
		}
		if j := domainEnd(s, i); j > i {
			out = append(out, Span{i, j, Domain})
			i = j
			continue
		}
		i++
	}
	return out
}

// In reports whether byte offset i is inside one of spans.
func In(spans []Span, i int) bool {
	for _, sp := range spans {
		if i >= sp.Start && i < sp.End {
			return true
		}
	}
	return false
}

// urlEnd returns the end of a URL starting at i (a scheme and "://", or
// "www."), or i when there is none. A URL must start a word.
func urlEnd(s string, i int) int {
	if wordBefore(s, i) || !isWordByte(s[i]) {
		return i
	}
	rest := s[i:]
	n := schemeLen(rest)
	if n == 0 && HasPrefixFold(rest, "www.") && len(rest) > 4 && isWordByte(rest[4]) {
		n = 4
	}
	if n == 0 {
		return i
	}
	return trimEnd(s, i, i+n, pathEnd(s, i+n))
}

// schemeLen returns the length of "scheme://" at the start of s (a letter,
// then letters, digits, "+", "-" or "."), 0 when there is none.
func schemeLen(s string) int {
	for j := 0; j < len(s) && j < 32; j++ {
		c := s[j]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case j > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		case j > 0 && c == ':' && strings.HasPrefix(s[j:], "://"):
			return j + 3
		default:
			return 0
		}
	}
	return 0
}

// pathEnd returns where the link that continues at j stops: white space,
// quotes, angle brackets, guillemets.
func pathEnd(s string, j int) int {
	for j < len(s) {
		c := s[j]
		if c <= ' ' || c == '"' || c == '<' || c == '>' || c == '`' {
			break
		}
		if c >= 0x80 && isBreakRuneAt(s, j) {
			break
		}
		j++
	}
	return j
}

// trimEnd drops the sentence punctuation that ends link [i, j) (its first
// min bytes stay): a closing bracket stays only when the link opened one.
func trimEnd(s string, i, min, j int) int {
	for j > min {
		c := s[j-1]
		if strings.IndexByte(".,;:!?'", c) >= 0 {
			j--
			continue
		}
		if c == ')' && strings.Count(s[i:j], "(") < strings.Count(s[i:j], ")") {
			j--
			continue
		}
		if c == ']' && strings.Count(s[i:j], "[") < strings.Count(s[i:j], "]") {
			j--
			continue
		}
		break
	}
	if j == min {
		return i
	}
	return j
}

// isBreakRuneAt reports whether the non-ASCII rune at s[j] ends a link:
// spaces, quotes and guillemets.
func isBreakRuneAt(s string, j int) bool {
	for _, p := range []string{"\u00a0", "\u202f", "\u2009", "«", "»", "“", "”", "’", "‘", "…", "。", "，"} {
		if strings.HasPrefix(s[j:], p) {
			return true
		}
	}
	return false
}

// HasPrefixFold reports whether s starts with p, ASCII case aside.
func HasPrefixFold(s, p string) bool {
	return len(s) >= len(p) && strings.EqualFold(s[:len(p)], p)
}

// wordBefore reports whether s[i] continues a word: the rune before it is
// a letter or digit, in any script ("Libération.fr" holds no domain
// "ration.fr").
func wordBefore(s string, i int) bool {
	if i == 0 {
		return false
	}
	if c := s[i-1]; c < utf8.RuneSelf {
		return isWordByte(c)
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

func isLocalByte(c byte) bool {
	return isWordByte(c) || c == '.' || c == '%' || c == '+' || c == '-'
}

func isDomainByte(c byte) bool {
	return isWordByte(c) && c != '_' || c == '.' || c == '-'
}

// emailAt returns the span of an e-mail address whose '@' is at s[at] and
// whose local part starts at lo or after.
func emailAt(s string, lo, at int) (int, int) {
	st := at
	for st > lo && isLocalByte(s[st-1]) {
		st--
	}
	if st > lo && wordBefore(s, st) {
		return at, at // a local part cut out of a word ("josé.garcia@")
	}
	for st < at && s[st] == '.' {
		st++
	}
	if st == at {
		return at, at
	}
	e := at + 1
	for e < len(s) && isDomainByte(s[e]) {
		e++
	}
	for e > at+1 && (s[e-1] == '.' || s[e-1] == '-') {
		e--
	}
	dom := s[at+1 : e]
	dot := strings.LastIndexByte(dom, '.')
	if dot <= 0 || dot == len(dom)-1 {
		return at, at
	}
	return st, e
}

// handleAt returns the end of an @handle ("@trad_project") at s[at], or
// at when there is none.
func handleAt(s string, at int) int {
	if wordBefore(s, at) || at > 0 && s[at-1] == '@' {
		return at
	}
	e := at + 1
	for e < len(s) && isWordByte(s[e]) {
		e++
	}
	if e == at+1 {
		return at
	}
	return e
}

// domainEnd returns the end of a bare domain name starting a word at i
// ("lemonde.fr", "Reuters.com/world"), or i. After the first label, the
// labels are lower-case ASCII and the last one is a country code or a
// common generic domain: "p.ex", "ended.Then" and "M.Dupont" are not
// domains.
func domainEnd(s string, i int) int {
	if !isWordByte(s[i]) || wordBefore(s, i) || i > 0 && (isDomainByte(s[i-1]) || s[i-1] == '/' || s[i-1] == '@') {
		return i
	}
	j := i
	for j < len(s) && (isWordByte(s[j]) && s[j] != '_' || s[j] == '-') {
		j++
	}
	labels, last := 0, ""
	for j+1 < len(s) && s[j] == '.' {
		k := j + 1
		for k < len(s) && (s[k] >= 'a' && s[k] <= 'z' || s[k] >= '0' && s[k] <= '9' || s[k] == '-') {
			k++
		}
		if k == j+1 {
			break
		}
		labels, last, j = labels+1, s[j+1:k], k
	}
	if labels == 0 || !topLevel(last) {
		return i
	}
	if j < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[j:]); unicode.IsLetter(r) || unicode.IsDigit(r) {
			return i
		}
	}
	if j < len(s) && s[j] == '/' {
		return trimEnd(s, i, j, pathEnd(s, j))
	}
	return j
}

// generic are the generic top-level domains a news text names.
var generic = map[string]bool{
	"com": true, "org": true, "net": true, "edu": true, "gov": true, "int": true, "mil": true,
	"info": true, "biz": true, "news": true, "tech": true, "app": true, "dev": true, "media": true,
	"online": true, "site": true, "blog": true, "eu": true,
}

// topLevel reports whether label is a top-level domain: a generic one or an
// ISO 3166 country code (x/text's region table).
func topLevel(label string) bool {
	if generic[label] {
		return true
	}
	if len(label) != 2 {
		return false
	}
	r, err := language.ParseRegion(label)
	return err == nil && r.IsCountry()
}
