package qa

import (
	"fmt"
	"strings"
)

// findLinks returns the spans of URLs, e-mail addresses and @handles in s,
// sorted and not overlapping. Trailing sentence punctuation is not part of
// a link.
func findLinks(s string) []span {
	if !strings.ContainsAny(s, "@:.") {
		return nil
	}
	var out []span
	for i := 0; i < len(s); {
		if j := urlEnd(s, i); j > i {
			out = append(out, span{i, j})
			i = j
			continue
		}
		if s[i] == '@' {
			lo := 0
			if len(out) > 0 {
				lo = out[len(out)-1].end
			}
			if st, e := emailAt(s, lo, i); e > i {
				out = append(out, span{st, e})
				i = e
				continue
			}
			if e := handleAt(s, i); e > i {
				out = append(out, span{i, e})
				i = e
				continue
			}
		}
		i++
	}
	return out
}

// urlEnd returns the end of a URL starting at i ("http://", "https://",
// "www."), or i when there is none. A URL must start a word.
func urlEnd(s string, i int) int {
	if i > 0 && isWordByte(s[i-1]) {
		return i
	}
	rest := s[i:]
	var n int
	switch {
	case hasPrefixFold(rest, "https://"):
		n = 8
	case hasPrefixFold(rest, "http://"):
		n = 7
	case hasPrefixFold(rest, "www.") && len(rest) > 4 && isWordByte(rest[4]):
		n = 4
	default:
		return i
	}
	j := i + n
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
	// Trailing punctuation ends the sentence, not the URL; a closing
	// bracket stays only when the URL opened one.
	for j > i+n {
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
	if j == i+n {
		return i
	}
	return j
}

// isBreakRuneAt reports whether the non-ASCII rune at s[j] ends a URL:
// spaces, quotes and guillemets.
func isBreakRuneAt(s string, j int) bool {
	for _, p := range []string{"\u00a0", "\u202f", "\u2009", "«", "»", "“", "”", "’", "‘", "…", "。", "，"} {
		if strings.HasPrefix(s[j:], p) {
			return true
		}
	}
	return false
}

func hasPrefixFold(s, p string) bool {
	return len(s) >= len(p) && strings.EqualFold(s[:len(p)], p)
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
	if at > 0 && (isWordByte(s[at-1]) || s[at-1] == '@') {
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

// inSpans reports whether byte offset i is inside one of spans.
func inSpans(spans []span, i int) bool {
	for _, sp := range spans {
		if i >= sp.start && i < sp.end {
			return true
		}
	}
	return false
}

// Link verdicts: how a target link stands for a source link.
const (
	linkOther     = iota // another link
	linkSame             // the same, or localised in its language part only
	linkLocalised        // localised, with the rest of the path changed too
)

// compareLink tells how target link b stands for source link a. A URL
// localised from language src to tgt in its host or path
// ("https://fr.example.org/fr/page" → "https://en.example.org/en/page",
// "index_fr" → "index_en") is the same; if its path changed beyond the
// language part too ("/fr/rapport" → "/en/report"), it is localised: the
// page may well exist. Scheme and host are compared without case and must
// not change otherwise.
func compareLink(a, b, src, tgt string) int {
	if a == b {
		return linkSame
	}
	if !isURL(a) || !isURL(b) {
		return linkOther
	}
	ha, pa := splitURL(a)
	hb, pb := splitURL(b)
	th, lang := sameTokens(urlTokens(ha), urlTokens(hb), src, tgt)
	if !th {
		return linkOther
	}
	ta, tb := urlTokens(pa), urlTokens(pb)
	tp, lp := sameTokens(ta, tb, src, tgt)
	switch {
	case tp:
		return linkSame
	case lang || lp || switchedLang(ta, tb, src, tgt):
		return linkLocalised
	}
	return linkOther
}

// sameTokens reports whether two token lists are equal but for language
// parts src → tgt, and whether such a part changed.
func sameTokens(ta, tb []string, src, tgt string) (same, lang bool) {
	if len(ta) != len(tb) {
		return false, false
	}
	for i := range ta {
		switch {
		case ta[i] == tb[i]:
		case isLangPart(ta[i], src) && isLangPart(tb[i], tgt):
			lang = true
		case lang && i >= 2 && ta[i-1] == tb[i-1] && (ta[i-1] == "-" || ta[i-1] == "_") && len(ta[i]) == 2 && len(tb[i]) == 2:
			// the region of a language part: "fr_FR" → "en_GB"
		default:
			return false, lang
		}
	}
	return true, lang
}

// switchedLang reports whether the path's first part is language src in ta
// and tgt in tb ("/fr/rapport" → "/en/report").
func switchedLang(ta, tb []string, src, tgt string) bool {
	for i := 0; i < len(ta) && i < len(tb) && i < 4; i++ {
		if isLangPart(ta[i], src) && isLangPart(tb[i], tgt) {
			return true
		}
		if ta[i] != tb[i] {
			return false
		}
	}
	return false
}

func isURL(l string) bool {
	return hasPrefixFold(l, "http://") || hasPrefixFold(l, "https://") || hasPrefixFold(l, "www.")
}

// splitURL returns a URL's scheme and host, lower-cased, and the rest.
func splitURL(u string) (host, path string) {
	h := 0
	if i := strings.Index(u, "://"); i >= 0 {
		h = i + 3
	}
	end := len(u)
	if j := strings.IndexAny(u[h:], "/?#"); j >= 0 {
		end = h + j
	}
	return strings.ToLower(u[:end]), u[end:]
}

// urlTokens splits a URL part at / . ? & = # _ - keeping the separators.
func urlTokens(u string) []string {
	var out []string
	start := 0
	for i := 0; i < len(u); i++ {
		if strings.IndexByte("/.?&=#_-", u[i]) >= 0 {
			if i > start {
				out = append(out, u[start:i])
			}
			out = append(out, u[i:i+1])
			start = i + 1
		}
	}
	if start < len(u) {
		out = append(out, u[start:])
	}
	return out
}

// isLangPart reports whether a URL part is language lang ("fr" for "fr").
func isLangPart(part, lang string) bool {
	return len(part) == 2 && strings.EqualFold(part, lang)
}

// checkLinks reports source links that the target does not hold unchanged.
func (c *checker) checkLinks() {
	if len(c.srcLinks) == 0 {
		return
	}
	used := make([]bool, len(c.tgtLinks))
	var missing []string
	for _, sl := range c.srcLinks {
		l := c.source[sl.start:sl.end]
		found := false
		for _, want := range []int{linkSame, linkLocalised} {
			for k, tl := range c.tgtLinks {
				t := c.target[tl.start:tl.end]
				if used[k] || compareLink(l, t, c.src, c.tgt) != want {
					continue
				}
				used[k], found = true, true
				if want == linkLocalised {
					c.add(CheckLinkPath, fmt.Sprintf("%s localised as %s: its path changed beyond the language part, check that the page exists", quote(l), quote(t)), tl.start, tl.end)
				}
				break
			}
			if found {
				break
			}
		}
		if !found {
			missing = append(missing, l)
		}
	}
	for _, l := range missing {
		// Point at a target link that has no source counterpart: most
		// likely the changed one.
		st, en := 0, 0
		for k, tl := range c.tgtLinks {
			if !used[k] {
				used[k] = true
				st, en = tl.start, tl.end
				break
			}
		}
		if en > st {
			c.add(CheckLinks, fmt.Sprintf("%s changed to %s in target", quote(l), quote(c.target[st:en])), st, en)
		} else {
			c.add(CheckLinks, fmt.Sprintf("%s missing in target", quote(l)), 0, 0)
		}
	}
}
