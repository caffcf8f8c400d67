package qa

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/internal/numfmt"
	"github.com/trad-project/trad/segments"
)

// checkNumbers compares the numbers of source and target: each source
// number must be in the target (in the target's format, or spelled out),
// and the target must not have numbers the source lacks.
func (c *checker) checkNumbers() {
	if !hasDigit(c.source) && !hasDigit(c.target) {
		return
	}
	src := appendNumbers(nil, c.source, c.ctx.SourceLang, c.srcLinks)
	tgt := appendNumbers(nil, c.target, c.ctx.TargetLang, c.tgtLinks)
	if c.on(CheckNumberFormat) {
		c.checkNumberFormat(tgt)
	}
	if !c.on(CheckNumbers) {
		return
	}
	srcUsed := make([]bool, len(src))
	tgtUsed := make([]bool, len(tgt))
	var srcToks, tgtToks []glossary.Token // tokenised only when needed
	srcTokens := func() []glossary.Token {
		if srcToks == nil {
			srcToks = analyzer(c.src).Tokens(c.source)
		}
		return srcToks
	}
	tgtTokens := func() []glossary.Token {
		if tgtToks == nil {
			tgtToks = analyzer(c.tgt).Tokens(c.target)
		}
		return tgtToks
	}

	// Same number, same key (dates: same day, month and year).
	for i, s := range src {
		if s.Kind == Spelled {
			srcUsed[i] = true // never required
		}
	}
	matchKeys(src, tgt, srcUsed, tgtUsed)
	// Second readings of ambiguous numbers ("1.2m", "2019–20", "3:30"
	// in the afternoon).
	for i, s := range src {
		if srcUsed[i] {
			continue
		}
		for k, t := range tgt {
			if !tgtUsed[k] && t.Kind == s.Kind && (s.alt != "" && s.alt == t.Key || t.alt != "" && t.alt == s.Key) {
				srcUsed[i], tgtUsed[k] = true, true
				break
			}
		}
	}
	// "24 h" and "2 h 30" are durations ("24 hours", "2 hours 30
	// minutes") when the other side has no time of day left to be.
	srcTimes, tgtTimes := hasTimes(src, srcUsed, false), hasTimes(tgt, tgtUsed, false)
	if !tgtTimes && hasTimes(src, srcUsed, true) || !srcTimes && hasTimes(tgt, tgtUsed, true) {
		if !tgtTimes {
			src, srcUsed = asDurations(src, srcUsed)
		}
		if !srcTimes {
			tgt, tgtUsed = asDurations(tgt, tgtUsed)
		}
		matchKeys(src, tgt, srcUsed, tgtUsed)
	}
	// A date written with its month in words on the other side, or
	// rewritten with a different month.
	var changedDates []Number
	for i, s := range src {
		if !srcUsed[i] && s.Kind == Date {
			switch dateInWords(s, tgt, tgtUsed, tgtTokens()) {
			case dateSame:
				srcUsed[i] = true
			case dateChanged:
				srcUsed[i] = true
				changedDates = append(changedDates, s)
			}
		}
	}
	for k, t := range tgt {
		if !tgtUsed[k] && t.Kind == Date {
			switch dateInWords(t, src, srcUsed, srcTokens()) {
			case dateSame:
				tgtUsed[k] = true
			case dateChanged:
				tgtUsed[k] = true
				changedDates = append(changedDates, t)
			}
		}
	}
	for _, d := range changedDates {
		c.add(CheckNumbers, fmt.Sprintf("date %s: the other side has its day and year but not its month", d.Text), 0, 0)
	}
	// Spelled numbers (and French Roman ordinals) stand for digits on the
	// other side.
	var tgtSpelled, srcSpelled []Number
	haveTgtSpelled, haveSrcSpelled := false, false
	for i, s := range src {
		if srcUsed[i] {
			continue
		}
		if !haveTgtSpelled {
			tgtSpelled, haveTgtSpelled = spelledNumbers(tgtTokens(), c.target, c.tgt), true
		}
		srcUsed[i] = takeKey(tgtSpelled, s.Key)
	}
	for k, t := range tgt {
		if tgtUsed[k] {
			continue
		}
		if t.Kind == Spelled {
			tgtUsed[k] = true
			continue
		}
		if !haveSrcSpelled {
			srcSpelled, haveSrcSpelled = spelledNumbers(srcTokens(), c.source, c.src), true
			for _, s := range src {
				if s.Kind == Spelled {
					srcSpelled = append(srcSpelled, s)
				}
			}
		}
		tgtUsed[k] = takeKey(srcSpelled, t.Key)
	}

	var missing, extra []Number
	for i, s := range src {
		if !srcUsed[i] {
			missing = append(missing, s)
		}
	}
	for k, t := range tgt {
		if !tgtUsed[k] {
			extra = append(extra, t)
		}
	}
	c.reportNumbers(missing, extra)
}

// matchKeys pairs the unused numbers of src and tgt of the same kind and
// key.
func matchKeys(src, tgt []Number, srcUsed, tgtUsed []bool) {
	for i, s := range src {
		if srcUsed[i] {
			continue
		}
		for k, t := range tgt {
			if !tgtUsed[k] && t.Kind == s.Kind && t.Key == s.Key {
				srcUsed[i], tgtUsed[k] = true, true
				break
			}
		}
	}
}

// hasTimes reports whether ns has unused times of day (only those
// written with "h" if hours).
func hasTimes(ns []Number, used []bool, hours bool) bool {
	for i, n := range ns {
		if !used[i] && n.Kind == Time && (n.hours || !hours) {
			return true
		}
	}
	return false
}

// asDurations replaces the unused times written with "h" by their hours
// and minutes as plain numbers.
func asDurations(ns []Number, used []bool) ([]Number, []bool) {
	for i, n := range ns[:len(ns):len(ns)] {
		if used[i] || !n.hours {
			continue
		}
		used[i] = true
		h := n
		h.Kind, h.hours, h.alt, h.Key = Plain, false, "", numberKey(float64(n.Hour))
		ns, used = append(ns, h), append(used, false)
		if n.Minute != 0 {
			m := h
			m.Start, m.Text = n.End-2, n.Text[len(n.Text)-2:] // the minutes end the time
			m.Value, m.Key = float64(n.Minute), numberKey(float64(n.Minute))
			ns, used = append(ns, m), append(used, false)
		}
	}
	return ns, used
}

// takeKey marks as used (by clearing its key) the first number of ns with
// key and reports whether there was one.
func takeKey(ns []Number, key string) bool {
	for k := range ns {
		if ns[k].Key == key {
			ns[k].Key = ""
			return true
		}
	}
	return false
}

// How a numeric date is found on the other side.
const (
	dateMissing = iota
	dateSame    // day and year in digits, month in words
	dateChanged // day and year in digits, not the month
)

// dateInWords looks for numeric date d written on the other side with its
// day and year in digits and its month in words ("14 mai 2021"), and marks
// the day and year used when it finds them.
func dateInWords(d Number, other []Number, used []bool, toks []glossary.Token) int {
	di, yi := -1, -1
	for k, n := range other {
		if used[k] || n.Kind != Plain || n.Foreign {
			continue
		}
		switch {
		case di < 0 && n.Value == float64(d.Day):
			di = k
		case yi < 0 && (n.Value == float64(d.Year) || n.Value == float64(fullYear(d.Year))):
			yi = k
		}
	}
	if di < 0 || yi < 0 {
		return dateMissing
	}
	used[di], used[yi] = true, true
	if hasMonth(toks, d.Month) {
		return dateSame
	}
	return dateChanged
}

// reportNumbers words the differences: a number read differently in the
// target's language, a number changed, or numbers missing and extra.
func (c *checker) reportNumbers(missing, extra []Number) {
	for mi := 0; mi < len(missing); mi++ {
		m := missing[mi]
		for ei, e := range extra {
			if e.Text == m.Text && m.Kind == Plain && e.Kind == Plain {
				c.add(CheckNumbers, fmt.Sprintf("%s reads as %s in %s, not %s: write %s", e.Text, formatNumber(e.Value, c.ctx.TargetLang), langName(c.ctx.TargetLang),
					formatNumber(m.Value, c.ctx.TargetLang), formatNumber(m.Value, c.ctx.TargetLang)), e.Start, e.End)
				missing = append(missing[:mi], missing[mi+1:]...)
				extra = append(extra[:ei], extra[ei+1:]...)
				mi--
				break
			}
		}
	}
	if len(missing) == 1 && len(extra) == 1 {
		m, e := missing[0], extra[0]
		c.add(CheckNumbers, fmt.Sprintf("%s in source but %s in target", m.Text, e.Text), e.Start, e.End)
		return
	}
	for _, m := range missing {
		c.add(CheckNumbers, fmt.Sprintf("%s missing in target", m.Text), 0, 0)
	}
	for _, e := range extra {
		c.add(CheckNumbers, fmt.Sprintf("%s in target is not in source", e.Text), e.Start, e.End)
	}
}

// checkNumberFormat reports target numbers written with the other
// convention's decimal separator: "3,5" in English, "3.5 %" in French.
func (c *checker) checkNumberFormat(tgt []Number) {
	comma := numfmt.DecimalComma(c.ctx.TargetLang)
	for _, n := range tgt {
		if !n.Foreign || n.Kind != Plain {
			continue
		}
		// Codes and versions keep their dots: "GPT-3.5", "iOS 17.4", "Web 2.0".
		if n.Start > 0 && (isLetterBefore(c.target, n.Start) || c.target[n.Start-1] == '-') {
			continue
		}
		if comma && !quantityAround(c.target, n) {
			continue
		}
		c.add(CheckNumberFormat, fmt.Sprintf("%s is not a %s number: write %s", n.Text, langName(c.ctx.TargetLang), formatNumber(n.Value, c.ctx.TargetLang)), n.Start, n.End)
	}
}

// quantityAround reports whether n is clearly a quantity: a percent sign,
// a currency sign or a scale word next to it. Without one, "2.0" in a
// French text is more likely a version than a mistake.
func quantityAround(s string, n Number) bool {
	if currencyBefore(s, n.Start) {
		return true
	}
	rest := s[n.End:]
	if sp := groupSpace(rest, 0); sp > 0 {
		rest = rest[sp:]
	}
	if rest == "" {
		return false
	}
	if strings.HasPrefix(rest, "%") || strings.HasPrefix(rest, "‰") {
		return true
	}
	for _, sym := range []string{"€", "$", "£", "¥"} {
		if strings.HasPrefix(rest, sym) {
			return true
		}
	}
	// The scale word was taken into the number: its text ends in a letter.
	last := n.Text[len(n.Text)-1]
	return !isDigit(last)
}

// formatNumber writes v in language lang's convention (numfmt, from
// CLDR): 40 000 and 3,5 in French (narrow no-break space), 4,000 and 3.5 in
// English. Four-digit integers are grouped only in languages with a
// decimal point ("4,000" but "4000" in French, as CLDR's minimum grouping
// digits has it for most of them).
func formatNumber(v float64, lang string) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	f := numfmt.For(lang)
	group := ""
	if len(intPart) > 4 || len(intPart) == 4 && f.Decimal != "," {
		group = f.Group
	}
	return f.Write(intPart, frac, group)
}

// langName names language tag in messages: "German", or "German (de-CH)"
// when the region writes numbers otherwise than the base language.
func langName(tag string) string {
	base := baseLang(tag)
	name := segments.LanguageName(base)
	if tag != base && numfmt.For(tag) != numfmt.For(base) {
		name += " (" + tag + ")"
	}
	return name
}

// hasDigit reports whether s has a digit of any script (numfmt.IsDigit).
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			return true
		}
		if s[i] >= utf8.RuneSelf {
			return strings.ContainsFunc(s[i:], numfmt.IsDigit)
		}
	}
	return false
}
