package segments

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/trad-project/trad/internal/langtag"
)

// Span is the byte range [Start, End) of one sentence in a block's text,
// without surrounding whitespace.
type Span struct{ Start, End int }

// Splitter splits normalised text into sentences with one language's rules.
// It holds no mutable state and is safe for concurrent use.
type Splitter struct {
	r *rules
}

// NewSplitter returns a splitter for lang, a BCP 47 tag ("fr", "fr-CA",
// "zh-Hans") or base language. An unknown language is an error that lists
// the available ones.
func NewSplitter(lang string) (*Splitter, error) {
	base := langtag.Base(lang)
	for _, l := range Languages() {
		if l == base {
			r, err := loadRules(base)
			if err != nil {
				return nil, fmt.Errorf("load segmentation rules for %q: %w", lang, err)
			}
			return &Splitter{r: r}, nil
		}
	}
	return nil, fmt.Errorf("no segmentation rules for language %q (have %s)", lang, strings.Join(Languages(), ", "))
}

// Lookaround bounds: abbreviations, openers and starters are short, and
// bounding every look keeps Split linear on any input.
const (
	maxWord    = 64 // bytes looked at before a terminator or after a boundary
	maxOpeners = 8  // opening quotes/brackets/dashes skipped at a sentence start
)

// Split returns the sentences of text in order. Spans are trimmed of
// whitespace, cover every non-whitespace character and are separated only by
// whitespace. Split runs in time linear in len(text) and never panics, even
// on invalid UTF-8.
func (s *Splitter) Split(text string) []Span {
	r := s.r
	spans := make([]Span, 0, 1+len(text)/128)
	segStart := skipSpace(text, 0)
	i := segStart
	quotes := 0    // straight quotes seen in the current sentence
	lastFree := -2 // where the block's last straight quote starts, once looked up
	for i < len(text) {
		if !r.trigger[text[i]] {
			i++
			continue
		}
		c, n := utf8.DecodeRuneInString(text[i:])
		cl := r.class(c)
		emo := r.emoticonAt(text, i)
		if emo == 0 && cl&cWeak != 0 && (cl&cCloser == 0 || bracketInside(text, segStart, i, c)) {
			// "; Les": a weak terminator ends a sentence only before a
			// capitalised starter word; so does a closing bracket, unless
			// it closes a list mark or a cut ("(8) La", "(...) Les"), or
			// a dash follows it (the dateline "PARIS (Reuters) - La").
			if next := skipSpace(text, i+n); next > i+n && !(cl&cCloser != 0 && spacedDash(text, next)) {
				if p := s.skipOpeners(text, next); p < len(text) && r.word(wordAt(text, p))&wStarter != 0 {
					if c, _ := utf8.DecodeRuneInString(text[p:]); unicode.IsUpper(c) {
						spans = appendTrimmed(spans, text, segStart, i+n)
						segStart = next
						quotes = 0
						i = next
						continue
					}
				}
			}
		}
		if emo == 0 && cl&(cTerm|cNospace) == 0 {
			if cl&cFreeQuote != 0 && !inWord(text, i, n) {
				quotes++ // l"État: scraped text's apostrophe is no quote
			}
			i += n
			continue
		}
		// The run of terminators: "?!", "...", "…?", "。".
		runStart := i
		var run runKind
		if emo > 0 {
			run.emoticon = true
			i += emo
		}
		for !run.emoticon && i < len(text) {
			c, n = utf8.DecodeRuneInString(text[i:])
			cl = r.class(c)
			if cl&(cTerm|cNospace) == 0 {
				break
			}
			switch {
			case cl&cNospace != 0:
				run.nospace = true
				run.stop = run.stop || c == '。' || c == '｡' || c == '．'
			case c == '.':
				run.periods++
			case c == '…':
				run.ellipsis = true
			default:
				run.qe = true
			}
			i += n
		}
		if run.periods > 1 {
			run.ellipsis = true
		}
		// Closing quotes and brackets glued to the terminator, and those
		// (like ») that French separates with a no-break space.
		end := i
		for end < len(text) {
			c, n = utf8.DecodeRuneInString(text[end:])
			cl = r.class(c)
			if cl&(cCloser|cSpacedCloser) != 0 {
				if cl&cFreeQuote != 0 {
					quotes++
				}
				end += n
				continue
			}
			if !isSpace(c) {
				break
			}
			p := skipSpace(text, end)
			if p >= len(text) {
				break
			}
			if m := r.emoticonAt(text, p); m > 0 {
				end = p + m // "Génial ! :) Je reviendrai"
				continue
			}
			c2, n2 := utf8.DecodeRuneInString(text[p:])
			cl2 := r.class(c2)
			// A spaced closer (») always belongs to the sentence before
			// it, even when its quotation opened in an earlier sentence
			// or its « was dropped: no sentence starts with ». A straight
			// quote between spaces closes the sentence only if one was
			// opened in it: « " Je lui ai parlé ». A straight quote that
			// no other quote follows in the block cannot open a quotation
			// either: its opening one was in an earlier sentence.
			if cl2&cSpacedCloser != 0 ||
				cl2&cFreeQuote != 0 && freeAt(text, p+n2) && (quotes%2 == 1 || !s.freeQuoteAfter(text, p+n2, &lastFree)) {
				if cl2&cFreeQuote != 0 {
					quotes++
				}
				end = p + n2
				continue
			}
			break
		}
		i = end
		if end >= len(text) {
			break
		}
		c, _ = utf8.DecodeRuneInString(text[end:])
		glued := !isSpace(c)
		if glued && run.qe && !run.nospace && r.cjk && s.cjkAround(text, runStart, end) {
			run.nospace = true // 来ている!結婚: a half-width ! or ? between CJK sentences
		}
		if glued && !run.nospace {
			continue // "1.5", "www.example.fr", "?!)." : not a boundary here
		}
		next := skipSpace(text, end)
		if next >= len(text) {
			break
		}
		if s.boundary(text, segStart, runStart, end, next, run, glued) {
			spans = appendTrimmed(spans, text, segStart, end)
			segStart = next
			// The straight quotes are counted per sentence, as Split must
			// decide the same on a sentence alone (idempotence), and
			// freeQuoteAfter finds the closing quote of " A. B ! " instead.
			quotes = 0
		}
		i = next
	}
	return appendTrimmed(spans, text, segStart, len(text))
}

// runKind describes a run of terminators.
type runKind struct {
	periods  int  // number of '.'
	ellipsis bool // '…' or several periods
	qe       bool // '?' or '!' (or their variants)
	nospace  bool // a CJK terminator: no space needed after it
	stop     bool // a CJK full stop 。 (not ！ or ？)
	emoticon bool // ":)", "^^" standing alone
}

// boundary decides whether a sentence ends at end. The terminator run
// starts at runStart; next is the first non-space byte after end; seg is
// where the current sentence starts (no look goes before it, which keeps
// Split idempotent).
func (s *Splitter) boundary(text string, seg, runStart, end, next int, run runKind, glued bool) bool {
	r := s.r
	if run.nospace {
		// 「すごい！」と言った: a quote closed and glued to the rest of the
		// sentence is not the end of that sentence. With stop-quote-ends,
		// a full stop inside the quote ends it (“……始。”唯心论), unless
		// punctuation follows (。”，).
		if glued && end > runStart {
			c, _ := utf8.DecodeLastRuneInString(text[:end])
			if r.class(c)&(cCloser|cSpacedCloser) != 0 {
				if r.stopQuoteEnds && run.stop {
					nc, _ := utf8.DecodeRuneInString(text[end:])
					return !unicode.IsPunct(nc) || r.class(nc)&cOpener != 0
				}
				return false
			}
		}
		return true
	}
	p := s.skipOpeners(text, next)
	if p >= len(text) {
		return false
	}
	nc, _ := utf8.DecodeRuneInString(text[p:])
	var upper, lower, digit, caseless bool
	switch {
	case nc < utf8.RuneSelf:
		upper = 'A' <= nc && nc <= 'Z'
		lower = 'a' <= nc && nc <= 'z'
		digit = '0' <= nc && nc <= '9'
	case unicode.IsUpper(nc):
		upper = true
	case unicode.IsLower(nc):
		lower = true
	default:
		// Letters without case (CJK, Arabic...) count as a capital.
		caseless = unicode.IsLetter(nc)
	}
	starter := func() bool { return r.word(wordAt(text, p))&wStarter != 0 }

	switch {
	case run.emoticon:
		// "pas le regretter :) Le Chili": like "!" but never before a
		// number ("^^ 3 fois").
		return upper || caseless
	case run.qe:
		if !run.ellipsis && r.word(text[wordStart(text, seg, runStart):runStart+1])&wBrand != 0 {
			return false // Yahoo! Mail
		}
		if runStart > seg && text[runStart-1] == ':' && text[runStart] == '?' {
			return false // "Fax:? 203": a character lost in a conversion, no question
		}
		return upper || digit || caseless
	case run.ellipsis:
		// "(...)" and "[…]" mark a cut in a quotation, not an end, and so
		// does an ellipsis that opens one: « ... Qu'il s'agisse ».
		if q := lastNonSpace(text, seg, runStart); q >= 0 && cutOpener(text[q:]) {
			return false
		}
		// An ellipsis often trails off inside a sentence ("qu'enthousiaste...
		// Trés compétente"): a boundary only before a typical sentence start.
		return caseless || upper && starter()
	}
	// A single period.
	if lower {
		// "Il est parti. on l'attend", "sécurité. à ce jour": a sentence
		// that starts in lower case. Abbreviations that precede lower-case
		// words ("2 pers. avec") are listed, so they do not end one.
		return r.lowerAfter && s.endsBeforeLower(text, seg, runStart, end)
	}
	if !(upper || digit || caseless) {
		return false
	}
	return s.periodBoundary(text, seg, runStart, p, digit)
}

// periodBoundary decides whether a single period at runStart ends a
// sentence before p, where a capital, a digit (digit) or a caseless letter
// starts the next word: by the word before the period.
func (s *Splitter) periodBoundary(text string, seg, runStart, p int, digit bool) bool {
	r := s.r
	starter := func() bool { return r.word(wordAt(text, p))&wStarter != 0 }
	ws := wordStart(text, seg, runStart)
	word := strings.TrimLeft(text[ws:runStart], ".-‑") // "-Mme", "..etc"
	if word == "" {
		return true // after a bracket or a quote: "(Rhône). Il"
	}
	f := r.word(word)
	if f&wPrefix != 0 {
		if nw := wordAt(text, p); nw != "" && p+len(nw) < len(text) && text[p+len(nw)] == '.' && r.word(word+"."+nw)&^wPrefix != 0 {
			return false // "EE." of "EE. UU.", "a." of "a. C.": the first half of a spaced abbreviation
		}
	}
	if g := s.spacedAbbrev(text, seg, ws, word); g != 0 {
		f = g // "z. B.", "u. a.", "EE. UU.": the second half of a spaced abbreviation
	}
	switch {
	case f&(wTitle|wNonfinal) != 0:
		return false
	case digit && f&wBeforeNumber != 0:
		return false
	case f&wFinal != 0:
		// "50 av. J.-C. Marchianni" ends a sentence, "par J.-C. Marchianni"
		// (Jean-Claude) does not: initials listed as final end one only
		// after an abbreviation (the era's "av.", "apr.") or before a
		// starter.
		if isInitials(word) {
			return starter() || s.afterAbbrev(text, seg, ws)
		}
		return true
	case f&wAmbiguous != 0:
		return starter()
	}
	if r.ordinalDot && isRoman(word) {
		return starter() // Benedikt XVI. reiste, Heinrich VIII. Der König
	}
	if isDigits(word) {
		// "1. Premier point": a list number at the start of a sentence, or
		// after a colon or semicolon ("trois points : 1. Le coût ; 2. La").
		if ws == seg || len(word) <= 2 && afterListMark(text, seg, ws) {
			return false
		}
		if r.word(wordAt(text, p))&wAfterNumber != 0 {
			return false // am 3. Oktober
		}
		if r.ordinalDot && !isYear(word) && !afterFigure(text, seg, ws) {
			// der 2. Weltkrieg; but a year is no ordinal ("im Jahr 2003.
			// Experten"), nor a score or a decimal ("gewann 3:1. Müller").
			return starter()
		}
		return true
	}
	if isInitials(word) {
		// J.-P. Sartre, S.N.C.F., U.S.A.: a boundary only when the next
		// word is one that usually starts a sentence, and not when a
		// person's initials are followed by the particle of a surname
		// (J.-M. Le Pen, J. De La Fontaine).
		if !starter() {
			return false
		}
		return !(personInitials(word) && s.particleName(text, p))
	}
	return true
}

// endsBeforeLower reports whether the period at runStart ends a sentence
// although a lower-case word follows (a sentence that starts in lower case
// is common in informal text and in titles of works): only after a closing
// bracket ("(...). comment"), after a number of two digits or more that
// does not open the sentence, or after a plain word that is no abbreviation
// — letters and inner hyphens only, at least two letters, listed nowhere,
// not initials — and
// never when a quote or bracket closes after the period (« c'est fini. » et).
func (s *Splitter) endsBeforeLower(text string, seg, runStart, end int) bool {
	if runStart <= seg || end != runStart+1 {
		return false
	}
	c, _ := utf8.DecodeLastRuneInString(text[seg:runStart])
	if s.r.class(c)&cHardAfter != 0 {
		return true
	}
	ws := wordStart(text, seg, runStart)
	word := text[ws:runStart]
	if isDigits(word) {
		// "depuis novembre 2001. ses cheveux": a year or a count, not a
		// list number ("1. les pommes"), which is one digit or opens the
		// sentence. Where numbers take a period as ordinals, a lower-case
		// word makes it one: "zum 67. meines Vaters", "am 3. und 4. Mai".
		if s.r.ordinalDot {
			return false
		}
		return len(word) >= 2 && ws > seg && !afterListMark(text, seg, ws) && !bracketOpen(text, seg, runStart)
	}
	if s.r.ordinalDot && isRoman(word) {
		return false // "Benedikt XVI. reiste": an ordinal
	}
	letters := 0
	for i, c := range word {
		if c == '-' && i > 0 && i < len(word)-1 {
			continue // "à Grand-Charmont. à l'époque"
		}
		if !unicode.IsLetter(c) {
			return false
		}
		letters++
	}
	// Last, as it looks furthest: no sentence ends inside a bracket
	// ("(distr. da Palazzo)").
	return letters >= 2 && s.r.word(word) == 0 && !isInitials(word) && s.spacedAbbrev(text, seg, ws, word) == 0 &&
		!bracketOpen(text, seg, runStart)
}

// spacedAbbrev returns the sections of the abbreviation that word ends
// when it is the second half of one written with a space: "B" of "z. B."
// is looked up as "z.B", "UU" of "EE. UU." as "EE.UU". ws is where word
// starts; 0 when no listed abbreviation ends there.
func (s *Splitter) spacedAbbrev(text string, seg, ws int, word string) wordFlag {
	q := lastNonSpace(text, seg, ws)
	if q < 0 || text[q] != '.' || q+1 == ws {
		return 0
	}
	prev := strings.TrimLeft(text[wordStart(text, seg, q):q], ".-‑")
	if s.r.word(prev)&wPrefix == 0 {
		return 0 // also when prev is empty; saves building the key
	}
	return s.r.word(prev+"."+word) &^ wPrefix
}

// afterAbbrev reports whether the word before ws (after seg) is an
// abbreviation listed in [nonfinal] and written with its period: "av." in
// "50 av. J.-C.".
func (s *Splitter) afterAbbrev(text string, seg, ws int) bool {
	q := lastNonSpace(text, seg, ws)
	if q < 0 || text[q] != '.' || q+1 == ws {
		return false
	}
	w := strings.TrimLeft(text[wordStart(text, seg, q):q], ".-‑")
	return s.r.word(w)&wNonfinal != 0
}

// particleName reports whether a name particle listed in [particles]
// ("Le", "De", "D'") starts at p and is followed by a capitalised word:
// "Le Pen", "De La Fontaine", "D'Estaing".
func (s *Splitter) particleName(text string, p int) bool {
	w := wordAt(text, p)
	if s.r.word(w)&wParticle == 0 {
		return false
	}
	q := p + len(w)
	if !strings.HasSuffix(w, "'") && !strings.HasSuffix(w, "’") {
		if q >= len(text) || text[q] != ' ' {
			return false
		}
		q++
	}
	c, _ := utf8.DecodeRuneInString(text[q:])
	return unicode.IsUpper(c)
}

// afterListMark reports whether the last non-space character before ws
// (not before seg) is a colon or a semicolon with a space after it, the
// marks that introduce the items of an inline numbered list ("19:30" is a
// clock time, not a list).
func afterListMark(text string, seg, ws int) bool {
	q := lastNonSpace(text, seg, ws)
	return q >= 0 && q+1 < ws && (text[q] == ':' || text[q] == ';')
}

// personInitials reports whether w is one or two initials of a person
// ("J", "J.-M", "Ph", "J.-Ph"), as opposed to a longer dotted acronym
// (S.N.C.F).
func personInitials(w string) bool {
	return strings.Count(w, ".") <= 1
}

// skipOpeners skips opening quotes, brackets and dashes (and the spaces
// after them) at p, the start of a possible sentence, and a cut marked
// "(...)" or "[…]" after an opening bracket.
func (s *Splitter) skipOpeners(text string, p int) int {
	for k := 0; k < maxOpeners && p < len(text); k++ {
		c, n := utf8.DecodeRuneInString(text[p:])
		if s.r.class(c)&cOpener == 0 {
			break
		}
		p = skipSpace(text, p+n)
		if c == '(' || c == '[' {
			// "(...) Les universités": a cut at the start of a quotation.
			q := p
			for q < len(text) && q-p < maxWord {
				c2, n2 := utf8.DecodeRuneInString(text[q:])
				if c2 != '.' && c2 != '…' {
					break
				}
				q += n2
			}
			if q > p && q < len(text) && (text[q] == ')' || text[q] == ']') {
				p = skipSpace(text, q+1)
			}
		}
	}
	return p
}
