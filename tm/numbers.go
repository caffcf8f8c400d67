package tm

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/trad-project/trad/internal/numfmt"
	"github.com/trad-project/trad/segments"
)

// number is one number found in a text, with enough of its written form to
// compare it across languages (3,5 in French is 3.5 in English) and to
// write a replacement in the same style.
type number struct {
	Start, End int
	// Value is the canonical value: integer digits without leading zeros, then
	// "." and the fraction without trailing zeros ("3.5", "4000"). A number
	// that cannot be read unambiguously (a version such as 3.12.1) is opaque:
	// its Value is "~" followed by its literal text.
	Value string
	// Int and Frac are the digits as written, Group the grouping separator
	// used ("" when none).
	Int, Frac string
	Group     string
}

func (n number) opaque() bool { return strings.HasPrefix(n.Value, "~") }

// findNumbers returns the numbers of text, read with lang's conventions.
// Digits glued to a preceding letter ("G7", "A320") belong to a word and are
// not numbers.
func findNumbers(text, lang string) []number {
	var out []number
	comma := numfmt.DecimalComma(lang)
	prev := rune(-1)
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isDigit(r) || (prev >= 0 && (unicode.IsLetter(prev) || isDigit(prev) || prev == '_')) {
			prev = r
			i += size
			continue
		}
		n, end := scanNumber(text, i, comma)
		out = append(out, n)
		r, _ = utf8.DecodeLastRuneInString(text[:end])
		prev = r
		i = end
	}
	return out
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func digitsAt(s string, i int) int {
	j := i
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	return j
}

// scanNumber reads the number starting at text[start] (a digit).
func scanNumber(text string, start int, comma bool) (number, int) {
	var groups []string // digit runs
	var seps []string   // separators between them
	i := digitsAt(text, start)
	groups = append(groups, text[start:i])
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !numfmt.IsSeparator(r) {
			break
		}
		j := digitsAt(text, i+size)
		if j == i+size {
			break
		}
		// A space only groups thousands: "4 000" but not "en 2024 500 cas".
		if numfmt.IsGroupSpace(r) && (len(groups[0]) > 3 || j-(i+size) != 3 || len(groups) > 1 && !numfmt.IsGroupSpace(firstRune(seps[0]))) {
			break
		}
		seps = append(seps, text[i:i+size])
		groups = append(groups, text[i+size:j])
		i = j
	}
	n := number{Start: start, End: i}
	n.interpret(text[start:i], groups, seps, comma)
	return n, i
}

func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }

// interpret fills Value, Int, Frac and Group from the digit groups.
func (n *number) interpret(lit string, groups, seps []string, comma bool) {
	dec := "."
	if comma {
		dec = ","
	}
	if len(seps) == 0 {
		n.Int = groups[0]
		n.Value = canonical(n.Int, "")
		return
	}
	intGroups, intSeps := groups, seps
	frac := ""
	if last := seps[len(seps)-1]; last == dec {
		intGroups, intSeps = groups[:len(groups)-1], seps[:len(seps)-1]
		frac = groups[len(groups)-1]
	}
	if ok := groupedOK(intGroups, intSeps, dec); ok {
		n.Int = strings.Join(intGroups, "")
		n.Frac = frac
		if len(intSeps) > 0 {
			n.Group = intSeps[0]
		}
		n.Value = canonical(n.Int, n.Frac)
		return
	}
	n.Value = "~" + lit
}

// groupedOK reports whether groups joined by seps form a thousands-grouped
// integer: a lead of one to three digits, then groups of exactly three,
// all with the same separator, which is not the decimal mark.
func groupedOK(groups, seps []string, dec string) bool {
	if len(seps) == 0 {
		return true
	}
	if len(groups[0]) > 3 {
		return false
	}
	for i, s := range seps {
		if s != seps[0] || s == dec || len(groups[i+1]) != 3 {
			return false
		}
	}
	return true
}

func canonical(intPart, frac string) string {
	intPart = strings.TrimLeft(intPart, "0")
	if intPart == "" {
		intPart = "0"
	}
	frac = strings.TrimRight(frac, "0")
	if frac == "" {
		return intPart
	}
	return intPart + "." + frac
}

// format writes n's value in lang's conventions (numfmt), in the style of
// like (a number of the text being edited): its grouping separator if it
// had one.
func (n number) format(lang string, like number) string {
	if n.opaque() {
		return n.Value[1:]
	}
	f := numfmt.For(lang)
	intPart := n.Int
	group := like.Group
	if group == "" && n.Group != "" && len(strings.TrimLeft(intPart, "0")) >= 5 {
		// The new number is large and grouped in the source: group it the
		// target language's way rather than print 12000000.
		group = f.Group
	}
	intPart = numfmt.GroupDigits(intPart, group)
	if n.Frac == "" {
		return intPart
	}
	return intPart + f.Decimal + n.Frac
}

// maskNumbers returns text with every number replaced by a NUL byte and runs
// of white space collapsed, so two texts that differ only in their numbers
// mask to the same string.
func maskNumbers(text string, nums []number) string {
	var b strings.Builder
	last := 0
	for _, n := range nums {
		b.WriteString(text[last:n.Start])
		b.WriteByte(0)
		last = n.End
	}
	b.WriteString(text[last:])
	return collapseSpace(b.String())
}

// substituteNumbers rewrites target (a translation of oldSrc) for newSrc,
// which differs from oldSrc only in its numbers, and moves target's tags
// with the text (a tag inside a replaced number goes to its end). It
// reports false when a changed number cannot be found in target, or two
// occurrences of one old value would need different new values.
func substituteNumbers(newNums, oldNums []number, target, tgtLang string, tags []segments.Tag) (string, []segments.Tag, bool, bool) {
	if len(newNums) != len(oldNums) {
		return "", nil, false, false
	}
	change := map[string]number{}
	for i, o := range oldNums {
		nv := newNums[i]
		if prev, ok := change[o.Value]; ok && prev.Value != nv.Value {
			return "", nil, false, false
		}
		change[o.Value] = nv
	}
	changed := false
	for old, nv := range change {
		if old != nv.Value {
			changed = true
		} else {
			delete(change, old)
		}
	}
	if !changed {
		return target, tags, false, true
	}
	tnums := findNumbers(target, tgtLang)
	found := map[string]bool{}
	var b strings.Builder
	moved := slices.Clone(tags)
	ti := 0 // the first tag not yet moved
	last := 0
	for _, t := range tnums {
		nv, ok := change[t.Value]
		if !ok {
			continue
		}
		found[t.Value] = true
		b.WriteString(target[last:t.Start])
		shift := b.Len() - t.Start // where target[t.Start:] now starts
		for ; ti < len(moved) && moved[ti].At <= t.Start; ti++ {
			moved[ti].At += shift
		}
		b.WriteString(nv.format(tgtLang, t))
		for ; ti < len(moved) && moved[ti].At < t.End; ti++ {
			moved[ti].At = b.Len()
		}
		last = t.End
	}
	if len(found) != len(change) {
		return "", nil, false, false
	}
	shift := b.Len() - last
	for ; ti < len(moved); ti++ {
		moved[ti].At += shift
	}
	b.WriteString(target[last:])
	return b.String(), moved, true, true
}
