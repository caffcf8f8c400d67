package qa

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/trad-project/trad/internal/links"

	"github.com/trad-project/trad/internal/script"
	"github.com/trad-project/trad/segments"
)

// finalPunct returns the class of the final punctuation of s (".", "?",
// "!", "…", ":", ";", or "" for none) and its byte span, looking through
// closing quotes and brackets: `« Non ! »` ends with "!".
func finalPunct(s string) (class string, start, end int) {
	e := len(s)
	for e > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:e])
		if isSpace(r) || strings.ContainsRune(")]}»”\"’'›」』）", r) {
			e -= size
			continue
		}
		break
	}
	r, size := utf8.DecodeLastRuneInString(s[:e])
	st := e - size
	switch r {
	case '.', '。', '．':
		if strings.HasSuffix(s[:e], "...") {
			return "…", e - 3, e
		}
		return ".", st, e
	case '?', '？':
		return "?", st, e
	case '!', '！':
		return "!", st, e
	case '…':
		return "…", st, e
	case ':', '：':
		return ":", st, e
	case ';', '；':
		return ";", st, e
	}
	return "", e, e
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009' || r == '\t' || r == '\n' || unicode.IsSpace(r)
}

// checkFinalPunct reports a target that does not end like its source.
func (c *checker) checkFinalPunct() {
	sc, _, _ := finalPunct(c.source)
	tc, st, en := finalPunct(c.target)
	if sc == tc {
		return
	}
	switch {
	case tc == "":
		c.add(CheckFinalPunct, fmt.Sprintf("source ends with %q, target has no final punctuation", sc), st, en)
	case sc == "":
		c.add(CheckFinalPunct, fmt.Sprintf("source has no final punctuation, target ends with %q", c.target[st:en]), st, en)
	default:
		c.add(CheckFinalPunct, fmt.Sprintf("source ends with %q, target with %q", sc, c.target[st:en]), st, en)
	}
}

// Kinds of paired marks.
const (
	pairParen = iota
	pairSquare
	pairCurly
	pairQuote
	nPairs
)

var pairNames = [nPairs]string{"parentheses", "square brackets", "braces", "quotation marks"}

// pairBalance walks the paired marks of s and returns, per kind, the net
// count (opening minus closing) and the span of the first unmatched mark.
func pairBalance(s, lang string, ls []links.Span) (net [nPairs]int, at [nPairs]span) {
	var open [nPairs][]span
	var stray [nPairs]span
	var hasStray [nPairs]bool
	prev := ' '
	for i, r := range s {
		kind, opening := -1, false
		switch r {
		case '(':
			kind, opening = pairParen, true
		case ')':
			if prev == ':' || prev == ';' {
				break // a smiley
			}
			kind = pairParen
		case '[':
			kind, opening = pairSquare, true
		case ']':
			kind = pairSquare
		case '{':
			kind, opening = pairCurly, true
		case '}':
			kind = pairCurly
		case '«', '‹', '„', '「', '『':
			kind, opening = pairQuote, true
		case '»', '›', '”', '」', '』':
			kind = pairQuote
		case '“':
			// German closes with “ („so“).
			kind, opening = pairQuote, lang != "de"
		case '"':
			kind, opening = pairQuote, isSpace(prev) || strings.ContainsRune("([{—–-/", prev) || i == 0
		}
		prev = r
		if kind < 0 || links.In(ls, i) {
			continue
		}
		sp := span{i, i + utf8.RuneLen(r)}
		if opening {
			open[kind] = append(open[kind], sp)
			net[kind]++
			continue
		}
		net[kind]--
		if n := len(open[kind]); n > 0 {
			open[kind] = open[kind][:n-1]
		} else if !hasStray[kind] {
			stray[kind], hasStray[kind] = sp, true
		}
	}
	for k := range at {
		switch {
		case hasStray[k]:
			at[k] = stray[k]
		case len(open[k]) > 0:
			at[k] = open[k][0]
		}
	}
	return net, at
}

// checkBrackets reports quotes and brackets whose balance in the target
// differs from the source's (a quotation may span several segments).
func (c *checker) checkBrackets() {
	if !strings.ContainsAny(c.source+c.target, "()[]{}«»‹›„“”\"「」『』") {
		return
	}
	sn, _ := pairBalance(c.source, c.src, c.srcLinks)
	tn, at := pairBalance(c.target, c.tgt, c.tgtLinks)
	for k := range tn {
		if tn[k] == sn[k] {
			continue
		}
		what := "unclosed"
		if tn[k] < sn[k] {
			what = "unopened"
		}
		c.add(CheckBrackets, fmt.Sprintf("unbalanced %s in target: %s %q", pairNames[k], what, c.target[at[k].start:at[k].end]), at[k].start, at[k].end)
	}
}

// checkSpaces reports runs of spaces and spaces at either end of the target.
func (c *checker) checkSpaces() {
	t := c.target
	if c.on(CheckEdgeSpace) {
		if r, size := utf8.DecodeRuneInString(t); isSpace(r) {
			e := size
			for e < len(t) {
				r, size := utf8.DecodeRuneInString(t[e:])
				if !isSpace(r) {
					break
				}
				e += size
			}
			c.add(CheckEdgeSpace, "target starts with a space", 0, e)
		}
		if r, _ := utf8.DecodeLastRuneInString(t); isSpace(r) {
			s := len(t)
			for s > 0 {
				r, size := utf8.DecodeLastRuneInString(t[:s])
				if !isSpace(r) {
					break
				}
				s -= size
			}
			if s > 0 { // an all-space target is reported as empty
				c.add(CheckEdgeSpace, "target ends with a space", s, len(t))
			}
		}
	}
	if c.on(CheckDoubleSpace) {
		trimmed := strings.TrimRightFunc(t, isSpace)
		runStart, n := -1, 0
		for i, r := range trimmed {
			if isSpace(r) && r != '\n' {
				if n == 0 {
					runStart = i
				}
				n++
				continue
			}
			if n >= 2 && runStart > 0 {
				c.add(CheckDoubleSpace, fmt.Sprintf("%d spaces in a row", n), runStart, i)
			}
			n = 0
		}
	}
}

// repeatOK lists words that are correctly written twice in a row, by
// language: "nous nous sommes", "had had", "die die".
var repeatOK = map[string]map[string]bool{
	"fr": {"nous": true, "vous": true},
	"en": {"had": true, "that": true},
	"de": {"die": true, "der": true, "das": true, "den": true, "dem": true},
	"nl": {"dat": true},
}

// checkRepeated reports a word written twice in a row ("the the").
func (c *checker) checkRepeated() {
	toks := c.targetTokens()
	for i := 1; i < len(toks); i++ {
		a, b := toks[i-1], toks[i]
		if a.Fold != b.Fold || !onlySpaces(c.target[a.End:b.Start]) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(b.Text)
		if unicode.IsDigit(r) || unicode.IsUpper(r) || script.IsIdeograph(r) || repeatOK[c.tgt][b.Fold] {
			continue // numbers, names ("Bora Bora"), Chinese reduplication
		}
		// "de de Gaulle": the second "de" belongs to the name.
		if c.tgt == "fr" && b.Fold == "de" && i+1 < len(toks) {
			if r, _ := utf8.DecodeRuneInString(toks[i+1].Text); unicode.IsUpper(r) {
				continue
			}
		}
		c.add(CheckRepeated, fmt.Sprintf("%q repeated", b.Text), b.Start, b.End)
	}
}

func onlySpaces(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !isSpace(r) {
			return false
		}
	}
	return true
}

const (
	nbsp  = '\u00a0'
	nnbsp = '\u202f'
)

func isNoBreak(r rune) bool { return r == nbsp || r == nnbsp }

// spacedPunct reports whether the mark at t[i] is one French spaces: ; : ! ?
// — not a time or ratio (14:30), not the second of "?!", not after an
// opening bracket, not inside a link.
func spacedPunct(t string, i int, r rune, ls []links.Span) bool {
	if r != ';' && r != ':' && r != '!' && r != '?' {
		return false
	}
	if i == 0 || links.In(ls, i) {
		return false
	}
	p, _ := utf8.DecodeLastRuneInString(t[:i])
	if strings.ContainsRune(";:!?([", p) {
		return false
	}
	if r == ':' {
		n, _ := utf8.DecodeRuneInString(t[i+1:])
		if unicode.IsDigit(p) && unicode.IsDigit(n) || n == '/' {
			return false
		}
	}
	return true
}

// checkFrenchSpacing reports, in a French target, a missing or breaking
// space before ; : ! ? and inside « ». Both the no-break space and the
// narrow no-break space are correct.
func (c *checker) checkFrenchSpacing() {
	t := c.target
	for i, r := range t {
		switch {
		case spaceBeforeComma(t, i, r):
			p, size := utf8.DecodeLastRuneInString(t[:i])
			c.add(CheckFrSpacing, fmt.Sprintf("%s before %q", spaceName(p), r), i-size, i)
		case spacedPunct(t, i, r, c.tgtLinks):
			p, size := utf8.DecodeLastRuneInString(t[:i])
			switch {
			case isNoBreak(p):
			case isSpace(p):
				c.add(CheckFrSpacing, fmt.Sprintf("breaking space before %q: use a no-break space", r), i-size, i)
			default:
				c.add(CheckFrSpacing, fmt.Sprintf("no-break space missing before %q", r), i, i+1)
			}
		case r == '«':
			n, size := utf8.DecodeRuneInString(t[i+len("«"):])
			switch {
			case size == 0 || isNoBreak(n):
			case isSpace(n):
				c.add(CheckFrSpacing, "breaking space after «: use a no-break space", i+len("«"), i+len("«")+size)
			default:
				c.add(CheckFrSpacing, "no-break space missing after «", i, i+len("«"))
			}
		case r == '»':
			p, size := utf8.DecodeLastRuneInString(t[:i])
			switch {
			case size == 0 || isNoBreak(p):
			case isSpace(p):
				c.add(CheckFrSpacing, "breaking space before »: use a no-break space", i-size, i)
			default:
				c.add(CheckFrSpacing, "no-break space missing before »", i, i+len("»"))
			}
		}
	}
}

// spaceBeforeComma reports whether the mark at t[i] is a comma or a full
// stop with a space before it, a word before that space and a space (or the
// end) after it: "aid ." and "Kaspersky ," but not ".NET", "…" nor ". . .".
func spaceBeforeComma(t string, i int, r rune) bool {
	if r != ',' && r != '.' || i < 2 {
		return false
	}
	p, size := utf8.DecodeLastRuneInString(t[:i])
	if !isSpace(p) || p == '\n' {
		return false
	}
	pp, _ := utf8.DecodeLastRuneInString(t[:i-size])
	n, _ := utf8.DecodeRuneInString(t[i+1:])
	return (unicode.IsLetter(pp) || unicode.IsDigit(pp) || strings.ContainsRune(")]»”\"'’", pp)) &&
		(i+1 == len(t) || isSpace(n) || strings.ContainsRune(")]»”\"'’", n))
}

// checkStraySpaces reports, in a target not in French, spaces before
// , . ; : ! ? (French habits, or a slip) and no-break spaces inside
// quotation marks.
func (c *checker) checkStraySpaces() {
	t := c.target
	for i, r := range t {
		switch {
		case spaceBeforeComma(t, i, r):
			p, size := utf8.DecodeLastRuneInString(t[:i])
			c.add(CheckStrayNBSP, fmt.Sprintf("%s before %q", spaceName(p), r), i-size, i)
		case spacedPunct(t, i, r, c.tgtLinks):
			p, size := utf8.DecodeLastRuneInString(t[:i])
			if !isSpace(p) {
				continue
			}
			if r == ':' {
				if n, _ := utf8.DecodeRuneInString(t[i+1:]); strings.ContainsRune(")(-DP", n) {
					continue // a smiley
				}
			}
			c.add(CheckStrayNBSP, fmt.Sprintf("%s before %q", spaceName(p), r), i-size, i)
		case isNoBreak(r):
			p, _ := utf8.DecodeLastRuneInString(t[:i])
			n, _ := utf8.DecodeRuneInString(t[i+utf8.RuneLen(r):])
			switch {
			case strings.ContainsRune("«“‹\"", p) || strings.ContainsRune("»”›\"", n):
				c.add(CheckStrayNBSP, fmt.Sprintf("%s inside quotation marks", spaceName(r)), i, i+utf8.RuneLen(r))
			case n == '%' && c.tgt == "en":
				c.add(CheckStrayNBSP, fmt.Sprintf("%s before %%", spaceName(r)), i, i+utf8.RuneLen(r))
			}
		}
	}
}

func spaceName(r rune) string {
	switch r {
	case nbsp:
		return "no-break space"
	case nnbsp:
		return "narrow no-break space"
	}
	return "space"
}

// quoteMarks are the quotation marks of targets whose language has one
// convention that excludes the source's: English and Chinese news write
// “ ” (‘ ’ inside; Chinese also 「」), never French « » or German „ “.
// Spanish, Italian and German use « » themselves and are not checked.
var quoteMarks = map[string]string{"en": "“ ” (‘ ’ inside)", "zh": "“ ” or 「」"}

// checkQuoteStyle reports, once a segment, the first quotation mark of
// another language's convention in the target: « sanctions package » in
// an English translation is the French marks carried over.
func (c *checker) checkQuoteStyle() {
	want, ok := quoteMarks[c.tgt]
	if !ok {
		return
	}
	for i, r := range c.target {
		if strings.ContainsRune("«»‹›„", r) && !links.In(c.tgtLinks, i) {
			c.add(CheckQuoteStyle, fmt.Sprintf("%q is not a quotation mark of %s: use %s", r, segments.LanguageName(c.tgt), want), i, i+utf8.RuneLen(r))
			return
		}
	}
}
