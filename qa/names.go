package qa

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/trad-project/trad/internal/links"

	"github.com/trad-project/trad/glossary"
)

// checkNames reports names of the source missing from the target, the
// trace of an omitted clause ("… et fermé son centre de Grenoble"). A name
// is a capitalised word that does not start the sentence, is not in
// capitals, not a month or day, and not part of a glossary hit. Only names
// the target language's dictionary accepts as they are ("Grenoble",
// "Kyiv") are checked: those a translation keeps, while "Espagne",
// "Liban" or "États" become "Spain", "Lebanon", "States". A name is found
// when a target word starts with its first four letters ("Parlement" →
// "Parliament"), so the check needs the speller.
func (c *checker) checkNames() {
	toks := analyzer(c.src).Tokens(c.source)
	var tgt []glossary.Token
	for i, t := range toks {
		if !c.nameAt(toks, i) {
			continue
		}
		if tgt == nil {
			tgt = c.targetTokens()
		}
		if hasNamePrefix(tgt, t.Fold) || strings.Contains(c.target, t.Text) || !c.targetWord(t.Text) {
			continue
		}
		c.add(CheckNames, fmt.Sprintf("%s of the source is not in the target: an omission?", quote(t.Text)), 0, 0)
	}
}

// targetWord reports whether the target language's speller accepts w.
func (c *checker) targetWord(w string) bool {
	ctx := c.ctx.Ctx
	if ctx == nil {
		ctx = context.Background()
	}
	spans, err := c.ctx.Spell.CheckSkip(ctx, w, nil)
	return err == nil && len(spans) == 0
}

// nameAt reports whether toks[i] is a name worth finding in the target.
func (c *checker) nameAt(toks []glossary.Token, i int) bool {
	t := toks[i]
	r, _ := utf8.DecodeRuneInString(t.Text)
	if !unicode.IsUpper(r) || utf8.RuneCountInString(t.Fold) < 3 || glossary.AllCaps(t.Text) ||
		strings.ContainsFunc(t.Text, unicode.IsDigit) || monthWords[t.Fold] > 0 || dayWords[t.Fold] {
		return false
	}
	if i == 0 || strings.ContainsAny(c.source[toks[i-1].End:t.Start], ".!?:«“\"—–(") {
		return false // a sentence or a quotation starts: any word has a capital
	}
	for _, h := range c.hits {
		if t.Start < h.End && h.Start < t.End {
			return false
		}
	}
	if links.In(c.srcLinks, t.Start) {
		return false
	}
	// Last, the regexp: "ministre des Affaires étrangères", a portfolio,
	// is translated.
	return c.src != "fr" || !frCapitalNouns[t.Fold] && !portfolio.MatchString(c.source[max(0, t.Start-80):t.Start])
}

// portfolio matches French text that ends where a ministry's portfolio
// starts, whose first noun French capitalises: "ministre (français) des
// Affaires étrangères", "ministère de l'Intérieur", "secrétaire d'État
// chargée du Numérique", "ministre déléguée aux Armées": up to two
// lower-case words (a nationality, "délégué", "chargée") before the
// preposition. Matched against the 80 bytes before a word, which hold
// any such phrase, not the whole source before every capital. The portfolio is translated ("Foreign
// Minister", "Interior Ministry"), so its capital is no name to find.
var portfolio = regexp.MustCompile(`(?i)\b(?:ministres?|ministères?|ministérielle|secrétaires? d['’]état|secrétariat d['’]état|portefeuille)(?:\s+\p{Ll}[\p{L}-]*){0,2}\s+(?:de\s+la|de\s+l['’]|des|du|de|aux|à\s+la|au|à\s+l['’])\s*$`)

// frCapitalNouns are French common nouns written with a capital by
// convention ("l'État", "la République", "l'Église"): translated, not names.
var frCapitalNouns = setOf("état", "états", "république", "église")

// hasNamePrefix reports whether a token of toks starts with the first four
// letters of fold (all of it when shorter).
func hasNamePrefix(toks []glossary.Token, fold string) bool {
	p, n := fold, 0
	for i := range fold {
		if n == 4 {
			p = fold[:i]
			break
		}
		n++
	}
	for _, t := range toks {
		if strings.HasPrefix(t.Fold, p) {
			return true
		}
	}
	return false
}

// dayWords are day names (folds), capitalised in English.
var dayWords = setOf("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
