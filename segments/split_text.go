package segments

// Text helpers of the splitter: words, spaces, brackets and quotes looked
// at around a candidate boundary, each look bounded to keep Split linear.

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// wordAt returns the word starting at p: letters, with a trailing
// apostrophe if any ("L'"), at most maxWord bytes.
func wordAt(text string, p int) string {
	q := p
	for q < len(text) && q-p < maxWord {
		b := text[q]
		if b < utf8.RuneSelf {
			if 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' {
				q++
				continue
			}
			if b == '\'' && q > p {
				q++
			}
			break
		}
		c, n := utf8.DecodeRuneInString(text[q:])
		if unicode.IsLetter(c) || unicode.Is(unicode.Mn, c) {
			q += n
			continue
		}
		if c == '’' && q > p {
			q += n
		}
		break
	}
	return text[p:q]
}

// wordStart returns where the word ending at end starts: letters, digits,
// marks and the characters that occur inside abbreviations (". - ° &"),
// no further back than seg or maxWord bytes.
func wordStart(text string, seg, end int) int {
	p := end
	for p > seg && end-p < maxWord {
		c, n := utf8.DecodeLastRuneInString(text[seg:p])
		if !(unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.Is(unicode.Mn, c) ||
			c == '.' || c == '-' || c == '‑' || c == '°' || c == 'º') {
			break
		}
		p -= n
	}
	return p
}

// lastNonSpace returns the index of the last non-space byte before end (at
// or after seg), or -1.
func lastNonSpace(text string, seg, end int) int {
	for p := end; p > seg; {
		c, n := utf8.DecodeLastRuneInString(text[seg:p])
		if !isSpace(c) {
			return p - n
		}
		p -= n
		if end-p > maxWord {
			break
		}
	}
	return -1
}

// isDigits reports whether w is a non-empty run of ASCII digits.
func isDigits(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// afterFigure reports whether the number at ws is glued to a colon, comma
// or period before it: the end of a score, a time or a decimal ("3:1",
// "19:30", "2,5"), which is no ordinal.
func afterFigure(text string, seg, ws int) bool {
	return ws > seg && (text[ws-1] == ':' || text[ws-1] == ',' || text[ws-1] == '.')
}

// isYear reports whether w, a run of digits, is a year of the last
// thousand years and the next century (1000–2099): four digits that in
// languages with ordinal periods are read as a year, not as an ordinal.
func isYear(w string) bool {
	return len(w) == 4 && (w[0] == '1' || w[0] == '2' && w[1] == '0')
}

// isRoman reports whether w is a Roman numeral of two to six capitals
// (II, XIV, XVI): in languages with ordinal periods, "XVI." is an ordinal.
// One letter ("I.", "V.") is an initial instead.
func isRoman(w string) bool {
	return len(w) >= 2 && len(w) <= 6 && strings.Trim(w, "IVXLCDM") == ""
}

// isInitials reports whether w looks like initials or a dotted acronym: one
// capital letter ("C"), or short letter groups joined by periods and
// hyphens with at least one capital ("J.-P", "S.N.C.F", "Ph.D", "LL.AA").
func isInitials(w string) bool {
	if firstNameAbbrev(w) {
		return true
	}
	groups, letters, capital := 0, 0, false
	for _, c := range w {
		switch {
		case c == '.' || c == '-' || c == '‑':
			if letters == 0 && c == '.' {
				return false
			}
			if c == '.' {
				groups++
				letters = 0
			}
		case unicode.IsLetter(c):
			letters++
			if letters > 2 {
				return false
			}
			if unicode.IsUpper(c) {
				capital = true
			}
		default:
			return false
		}
	}
	if letters > 0 {
		groups++
	}
	if groups == 1 {
		// A lone letter: only a capital is an initial ("vitamine C." is
		// handled by the starters check, "h." of "20 h." is a word).
		r, n := utf8.DecodeRuneInString(w)
		return n == len(w) && unicode.IsUpper(r)
	}
	return capital
}

// firstNameAbbrev reports whether w abbreviates a first name the French
// way, a capital and the consonants before the first vowel: "Ch" (Charles),
// "Ph" (Philippe), "Th" (Thomas), "Chr" (Christian), "Cl" (Claude).
func firstNameAbbrev(w string) bool {
	if len(w) < 2 || len(w) > 3 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for i := 1; i < len(w); i++ {
		if !strings.ContainsRune("bcdfghjklmnpqrstvwxz", rune(w[i])) {
			return false
		}
	}
	return true
}

// bracketInside reports whether the bracket group that the closing bracket
// closer at end closes opened after the start of the sentence at seg and
// holds more than a cut: "(depuis 2002) Ils" yes, "(8) La" at the start or
// "(...) Les" no. A closer that is no ASCII bracket never qualifies. The
// look back is bounded (4*maxWord bytes) to keep Split linear.
func bracketInside(text string, seg, end int, closer rune) bool {
	var opener byte
	switch closer {
	case ')':
		opener = '('
	case ']':
		opener = '['
	case '}':
		opener = '{'
	default:
		return false
	}
	depth := 0
	for p := end - 1; p >= seg && end-p <= 4*maxWord; p-- {
		switch text[p] {
		case byte(closer):
			depth++
		case opener:
			if depth > 0 {
				depth--
				continue
			}
			if lastNonSpace(text, seg, p) < 0 || afterListMark(text, seg, p) {
				return false // the group opens the sentence or an item: "(8) La"
			}
			inner := strings.TrimSpace(text[p+1 : end])
			return strings.Trim(inner, ".…") != "" && !itemMark(inner)
		}
	}
	return false
}

// bracketOpen reports whether a round bracket opened before end (after
// seg, at most 4*maxWord bytes back, to keep Split linear) is still open.
func bracketOpen(text string, seg, end int) bool {
	depth := 0
	for p := end - 1; p >= seg && end-p <= 4*maxWord; p-- {
		switch text[p] {
		case ')':
			depth++
		case '(':
			if depth == 0 {
				return true
			}
			depth--
		}
	}
	return false
}

// itemMark reports whether s numbers a list item: one or two digits, one
// letter or a short roman numeral ("7", "b", "iv").
func itemMark(s string) bool {
	if isDigits(s) {
		return len(s) <= 2
	}
	if utf8.RuneCountInString(s) == 1 {
		c, _ := utf8.DecodeRuneInString(s)
		return unicode.IsLetter(c)
	}
	return len(s) <= 4 && strings.Trim(strings.ToLower(s), "ivx") == ""
}

// cutOpener reports whether s starts with a bracket or an opening quote
// that an ellipsis right after it marks as a cut: ( [ « “ ‹ ‘.
func cutOpener(s string) bool {
	c, _ := utf8.DecodeRuneInString(s)
	switch c {
	case '(', '[', '«', '“', '‹', '‘':
		return true
	}
	return false
}

// freeQuoteAfter reports whether a straight quote (a free quote) occurs at
// or after p. The last one's position is looked up once per text and kept
// in *last (-2: not yet, -1: none), so the question costs O(1) after one
// backward scan.
func (s *Splitter) freeQuoteAfter(text string, p int, last *int) bool {
	if *last == -2 {
		*last = -1
		for q := len(text); q > 0; {
			c, n := utf8.DecodeLastRuneInString(text[:q])
			q -= n
			if s.r.class(c)&cFreeQuote != 0 && !inWord(text, q, n) {
				*last = q
				break
			}
		}
	}
	return *last >= p
}

// cjkAround reports whether the terminators text[runStart:end] stand
// between two CJK sentences: a Han or kana character before them, and a
// Han or kana character, a digit or an opening bracket after them.
func (s *Splitter) cjkAround(text string, runStart, end int) bool {
	b, _ := utf8.DecodeLastRuneInString(text[:runStart])
	a, _ := utf8.DecodeRuneInString(text[end:])
	return isCJK(b) && (isCJK(a) || unicode.IsDigit(a) || s.r.class(a)&cOpener != 0)
}

// isCJK reports whether c is a Han, Hiragana or Katakana character, or the
// long-vowel mark ー: the writing that ends a sentence with no space after
// its mark. Narrower than script.IsIdeograph on purpose: Korean puts a
// space between sentences as European languages do.
func isCJK(c rune) bool {
	return c == 'ー' || unicode.In(c, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// inWord reports whether the n-byte character at p sits between two
// letters: a straight quote there stands for an apostrophe (l"État, d"un,
// as scraped text often has it), not for a quotation mark.
func inWord(text string, p, n int) bool {
	if p == 0 || p+n >= len(text) {
		return false
	}
	b, _ := utf8.DecodeLastRuneInString(text[:p])
	a, _ := utf8.DecodeRuneInString(text[p+n:])
	return unicode.IsLetter(b) && unicode.IsLetter(a)
}

// spacedDash reports whether a dash (- – —) followed by a space starts at
// p: after a closing bracket it continues the sentence, as in the wire
// services' datelines "PARIS (Reuters) - La Bourse".
func spacedDash(text string, p int) bool {
	c, n := utf8.DecodeRuneInString(text[p:])
	if c != '-' && c != '–' && c != '—' {
		return false
	}
	return p+n < len(text) && freeAt(text, p+n)
}

// freeAt reports whether p is the end of text or a space: a straight quote
// between spaces ("bête ! " Les) closes what precedes, where an opening one
// is glued to its word.
func freeAt(text string, p int) bool {
	if p >= len(text) {
		return true
	}
	c, _ := utf8.DecodeRuneInString(text[p:])
	return isSpace(c)
}

// isSpace is unicode.IsSpace with a fast path for ASCII.
func isSpace(c rune) bool {
	if c < utf8.RuneSelf {
		return c == ' ' || '\t' <= c && c <= '\r'
	}
	return unicode.IsSpace(c)
}

// skipSpace returns the index of the first non-space rune at or after p.
func skipSpace(text string, p int) int {
	for p < len(text) {
		b := text[p]
		if b < utf8.RuneSelf {
			if b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\v' || b == '\f' {
				p++
				continue
			}
			return p
		}
		c, n := utf8.DecodeRuneInString(text[p:])
		if !unicode.IsSpace(c) {
			return p
		}
		p += n
	}
	return p
}

// appendTrimmed appends text[a:b] trimmed of whitespace, unless empty.
func appendTrimmed(spans []Span, text string, a, b int) []Span {
	a = skipSpace(text, a)
	for b > a {
		c, n := utf8.DecodeLastRuneInString(text[a:b])
		if !unicode.IsSpace(c) {
			break
		}
		b -= n
	}
	if a < b {
		spans = append(spans, Span{a, b})
	}
	return spans
}
