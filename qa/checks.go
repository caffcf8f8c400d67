package qa

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/trad-project/trad/internal/links"

	"golang.org/x/text/unicode/norm"

	"github.com/trad-project/trad/glossary"
)

// targetTokens returns the target's tokens in the target language,
// computed once per segment.
func (c *checker) targetTokens() []glossary.Token {
	if c.tgtToks == nil {
		c.tgtToks = analyzer(c.tgt).Tokens(c.target)
		if c.tgtToks == nil {
			c.tgtToks = []glossary.Token{}
		}
	}
	return c.tgtToks
}

// nameParticles may sit between the parts of a name ("Charles de Gaulle",
// "Bank of America") without making it a sentence.
var nameParticles = map[string]bool{
	"de": true, "du": true, "des": true, "d": true, "la": true, "le": true, "les": true, "von": true, "van": true,
	"der": true, "den": true, "da": true, "di": true, "del": true, "y": true, "of": true, "the": true, "al": true, "bin": true,
}

// checkIdentical reports a target identical to its source, unless the
// source is only names, acronyms, numbers, codes and links, which stay as
// they are.
func (c *checker) checkIdentical() {
	s, t := strings.TrimSpace(c.source), strings.TrimSpace(c.target)
	if s != t && norm.NFC.String(s) != norm.NFC.String(t) {
		return
	}
	toks := analyzer(c.src).Tokens(s)
	names := 0
	for _, tok := range toks {
		if links.In(c.srcLinks, tok.Start) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(tok.Text)
		switch {
		case strings.ContainsFunc(tok.Text, unicode.IsDigit):
		case unicode.IsUpper(r):
			names++
		case nameParticles[tok.Fold] && names > 0:
		default:
			c.add(CheckIdentical, "target is identical to source", 0, len(c.target))
			return
		}
	}
}

// termTokens caches the tokens of glossary target terms per language:
// the same terms come back segment after segment. Its size is that of the
// glossaries' target terms, but the terms come from the caller's hits, so
// maxTermTokens bounds it for a long-running program fed many glossaries.
var (
	termTokens  sync.Map // lang + "\x00" + term -> []glossary.Token
	nTermTokens atomic.Int64
)

const maxTermTokens = 1 << 18

func tokensOfTerm(lang, term string) []glossary.Token {
	key := lang + "\x00" + term
	if v, ok := termTokens.Load(key); ok {
		return v.([]glossary.Token)
	}
	toks := analyzer(lang).Tokens(term)
	if nTermTokens.Load() < maxTermTokens {
		if _, loaded := termTokens.LoadOrStore(key, toks); !loaded {
			nTermTokens.Add(1)
		}
	}
	return toks
}

// hasTerm reports whether toks hold term's tokens in a row, each the same
// word or the same stem (plural, feminine, conjugated form), a name
// derived from the term's ("Israel's" for "Israeli", "Azerbaijani" for
// "Azerbaijan"), or one word of one side written as two of the other
// ("155 mm" for "155mm"). lang is the language of toks.
func hasTerm(lang string, toks, term []glossary.Token) bool {
	if len(term) == 0 {
		return false
	}
	for i := range toks {
		if matchTermAt(lang, toks, i, term) {
			return true
		}
	}
	return false
}

// matchTermAt reports whether term matches toks from toks[i] on.
func matchTermAt(lang string, toks []glossary.Token, i int, term []glossary.Token) bool {
	if len(term) == 0 {
		return true
	}
	if i >= len(toks) {
		return false
	}
	w, t := term[0], toks[i]
	if sameWord(lang, t, w) && matchTermAt(lang, toks, i+1, term[1:]) {
		return true
	}
	if i+1 < len(toks) && adjacent(t, toks[i+1]) && t.Fold+toks[i+1].Fold == w.Fold && matchTermAt(lang, toks, i+2, term[1:]) {
		return true
	}
	return len(term) > 1 && adjacent(w, term[1]) && w.Fold+term[1].Fold == t.Fold && matchTermAt(lang, toks, i+1, term[2:])
}

// sameWord reports whether text token t (in lang) stands for term word w.
func sameWord(lang string, t, w glossary.Token) bool {
	if glossary.AllCaps(w.Text) {
		// "US" is not satisfied by the pronoun "us": acronyms match as
		// written, with the lower-case plural s ("MPs", "NGOs"), or as the
		// glossary matcher reads them in French news ("Otan" for "OTAN",
		// "Cop30" for "COP").
		return t.Text == w.Text || t.Text == w.Text+"s" || glossary.PressForm(lang, t, w)
	}
	if t.Fold == w.Fold || t.Stem == w.Stem {
		return true
	}
	r, _ := utf8.DecodeRuneInString(w.Text)
	return unicode.IsUpper(r) && derivedName(t.Fold, w.Fold)
}

// derivedName reports whether two words are forms of one name: they share
// at least five letters and all but the last one of the shorter ("israel"
// and "israeli", "ukraine" and "ukrainian", "europe" and "european").
func derivedName(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	n := 0
	for n < len(a) && a[n] == b[n] {
		n++
	}
	return n >= 5 && n >= len(a)-1
}

// adjacent reports whether two tokens are separated by at most one space
// or hyphen (a no-break space is 2 or 3 bytes).
func adjacent(a, b glossary.Token) bool { return b.Start-a.End <= 3 }

// checkGlossary reports source terms none of whose target terms is in the
// target, stem-aware in the target language (plural, case, possessive).
// General vocabulary is not checked; a longer glossary entry covering the
// term, or a rendering the translator used for the term elsewhere in the
// project, satisfies it.
func (c *checker) checkGlossary() {
	toks := c.targetTokens()
	var srcNums []Number // computed only for a scale word
	var srcStems map[string]bool
	// One warning per entry: a term written twice in the source ("10
	// députés … 12 députés") is one missing rendering, not two.
	reported := map[*glossary.Entry]bool{}
	for _, h := range c.hits {
		if len(h.Targets) == 0 || h.Entry != nil && (h.Entry.General || reported[h.Entry]) {
			continue
		}
		if c.isScaleTerm(h.Text) {
			// "3 000 milliards" is "3 trillion": the numbers check compares
			// the whole quantity. A scale word outside a number ("des
			// milliards de dollars") is still a glossary term.
			if srcNums == nil {
				srcNums = appendNumbers(nil, c.source, c.ctx.SourceLang, c.srcLinks)
				srcNums = append(srcNums, spelledNumbers(analyzer(c.src).Tokens(c.source), c.source, c.src)...)
			}
			if inNumber(srcNums, h.Start, h.End) {
				continue
			}
		}
		found := hasAnyTerm(toks, c.tgt, h.Targets)
		if found || c.hasCurrencySign(h, toks) {
			continue
		}
		if p := c.ctx.Project; p != nil {
			if srcStems == nil {
				srcStems = contentStems(analyzer(c.src).Tokens(c.source))
			}
			if p.coveredByLonger(h, srcStems, toks) || p.usedElsewhere(h, c.seg.Index, toks) {
				continue
			}
		}
		alts := make([]string, 0, len(h.Targets))
		for _, term := range h.Targets {
			alts = append(alts, quote(term))
		}
		c.add(CheckGlossary, fmt.Sprintf("%s: expected %s in target", quote(h.Text), strings.Join(alts, " or ")), 0, 0)
		if h.Entry != nil {
			reported[h.Entry] = true
		}
	}
}

// currencySigns maps currency names (folds, any language) to the signs and
// ISO codes that stand for them: "1,8 milliard d'euros" is "€1.8 billion".
// "livre" alone is left out: it is also a book.
var currencySigns = map[string][]string{
	"euro": {"€", "EUR"}, "euros": {"€", "EUR"},
	"dollar": {"$", "USD"}, "dollars": {"$", "USD"}, "dólar": {"$", "USD"}, "dólares": {"$", "USD"},
	"sterling": {"£", "GBP"}, "pound": {"£", "GBP"}, "pounds": {"£", "GBP"},
	"yen": {"¥", "JPY", "円"}, "yens": {"¥", "JPY", "円"},
	"yuan": {"¥", "CNY", "RMB", "元"}, "yuans": {"¥", "CNY", "RMB", "元"}, "renminbi": {"¥", "CNY", "RMB", "元"},
}

// hasCurrencySign reports whether hit h names a currency (in its source
// term or one of its target terms) whose sign or code is in the target.
// Signs are found anywhere ("US$" has "$"); codes only as whole words.
func (c *checker) hasCurrencySign(h glossary.Hit, toks []glossary.Token) bool {
	var signs []string
	add := func(terms []glossary.Token) {
		for _, t := range terms {
			signs = append(signs, currencySigns[t.Fold]...)
		}
	}
	add(tokensOfTerm(c.src, h.Term))
	for _, term := range h.Targets {
		add(tokensOfTerm(c.tgt, term))
	}
	for _, sign := range signs {
		if !glossary.AllCaps(sign) {
			if strings.Contains(c.target, sign) {
				return true
			}
			continue
		}
		for _, t := range toks {
			if t.Text == sign {
				return true
			}
		}
	}
	return false
}

// isScaleTerm reports whether every word of term is a number scale word of
// the source language (million, milliards, thousand, trillion).
func (c *checker) isScaleTerm(term string) bool {
	toks := analyzer(c.src).Tokens(term)
	for _, t := range toks {
		if _, ok := wordScales[c.src][t.Fold]; !ok && !isScaleWord(t.Fold, c.src) {
			return false
		}
	}
	return len(toks) > 0
}

// isScaleWord reports whether fold is one of lang's spelled scale words
// as the number parser reads them ("milliards", "trillions").
func isScaleWord(fold, lang string) bool {
	for _, w := range scaleWords[lang] {
		if w.fold && strings.EqualFold(w.word, fold) {
			return true
		}
	}
	return false
}

// inNumber reports whether the span [start, end) lies within one of ns.
func inNumber(ns []Number, start, end int) bool {
	for _, n := range ns {
		if n.Start <= start && end <= n.End {
			return true
		}
	}
	return false
}
