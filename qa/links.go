package qa

import (
	"fmt"
	"strings"

	"github.com/trad-project/trad/internal/links"
)

// withoutDomains returns the links of ls but bare domains: the link check
// leaves them out, as a translation may well render one as a name
// ("lemonde.fr" → "Le Monde's website").
func withoutDomains(ls []links.Span) []links.Span {
	var out []links.Span
	for _, l := range ls {
		if l.Kind != links.Domain {
			out = append(out, l)
		}
	}
	return out
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
	return links.HasPrefixFold(l, "http://") || links.HasPrefixFold(l, "https://") || links.HasPrefixFold(l, "www.")
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
	srcLinks, tgtLinks := withoutDomains(c.srcLinks), withoutDomains(c.tgtLinks)
	used := make([]bool, len(tgtLinks))
	var missing []string
	for _, sl := range srcLinks {
		l := c.source[sl.Start:sl.End]
		found := false
		for _, want := range []int{linkSame, linkLocalised} {
			for k, tl := range tgtLinks {
				t := c.target[tl.Start:tl.End]
				if used[k] || compareLink(l, t, c.src, c.tgt) != want {
					continue
				}
				used[k], found = true, true
				if want == linkLocalised {
					c.add(CheckLinkPath, fmt.Sprintf("%s localised as %s: its path changed beyond the language part, check that the page exists", quote(l), quote(t)), tl.Start, tl.End)
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
		for k, tl := range tgtLinks {
			if !used[k] {
				used[k] = true
				st, en = tl.Start, tl.End
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
