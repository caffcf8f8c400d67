package tm

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/trad-project/trad/internal/numfmt"
	"github.com/trad-project/trad/segments"
)

// number is one number found in a text (read by numfmt.Scan), with enough
// of its written form to compare it across languages (3,5 in French is 3.5
// in English) and to write a replacement in the same style.
type number struct {
	Start, End int
	// Value is numfmt's Key: the canonical value ("3.5", "4000"), or for a
	// number that cannot be read unambiguously (a version such as 3.12.1)
	// "~" followed by its literal text.
	Value string
	// Int and Frac are the digits as written, Group the grouping separator
	// used ("" when none).
	Int, Frac string
	Group     string
}

func (n number) opaque() bool { return strings.HasPrefix(n.Value, "~") }

// findNumbers returns the numbers of text, read with lang's conventions by
// numfmt.Scan. Digits glued to a preceding letter ("G7", "A320") belong to
// a word and are not numbers, they are not placeables to substitute, except
// after an ideograph or kana (numfmt.AfterWord).
func findNumbers(text, lang string) []number {
	var out []number
	f := numfmt.For(lang)
	prev := rune(-1)
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !numfmt.IsDigit(r) || prev >= 0 && numfmt.AfterWord(prev) {
			prev = r
			i += size
			continue
		}
		n := numfmt.Scan(text, i, f)
		out = append(out, number{Start: n.Start, End: n.End, Value: n.Key(), Int: n.Int, Frac: n.Frac, Group: n.Group})
		r, _ = utf8.DecodeLastRuneInString(text[:n.End])
		prev = r
		i = n.End
	}
	return out
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
	return f.Write(intPart, n.Frac, group)
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
		// In the digits of the number replaced: "٣٥" for "٣٤".
		b.WriteString(numfmt.InScript(nv.format(tgtLang, t), numfmt.ScriptZero(target[t.Start:])))
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
