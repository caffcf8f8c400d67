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
		for k, tl := range c.tgtLinks {
			if !used[k] && c.target[tl.start:tl.end] == l {
				used[k], found = true, true
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
