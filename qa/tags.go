package qa

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/trad-project/trad/segments"
)

// CheckTags compares the target's inline tags with the source's: missing,
// extra, duplicated and malformed tags (a close before its open,
// overlapping pairs) are errors at the check's severity; a changed order
// and a space lost around a tag are warnings.
const CheckTags = "tags"

// tagKey names one end of a code.
type tagKey struct {
	id   int
	kind segments.TagKind
}

// checkTags runs CheckTags on c's segment, c.ctx.Codes naming the tags.
func (c *checker) checkTags() {
	src, tgt := c.seg.SourceTags, c.seg.TargetTags
	if len(src) == 0 && len(tgt) == 0 {
		return
	}
	label := func(k tagKey) string {
		for _, code := range c.ctx.Codes {
			if code.ID == k.id {
				return code.Label(k.kind)
			}
		}
		return fmt.Sprintf("tag %d", k.id)
	}
	want := map[tagKey]int{}
	for _, t := range src {
		want[tagKey{t.ID, t.Kind}]++
	}
	have := map[tagKey]int{}
	errs := 0
	for _, t := range tgt {
		k := tagKey{t.ID, t.Kind}
		have[k]++
		switch {
		case want[k] == 0:
			c.add(CheckTags, label(k)+" is not in the source", t.At, t.At)
			errs++
		case have[k] == want[k]+1:
			c.add(CheckTags, label(k)+" is in the target more than once", t.At, t.At)
			errs++
		}
	}
	for _, t := range src {
		if k := (tagKey{t.ID, t.Kind}); have[k] < want[k] {
			c.add(CheckTags, label(k)+" missing in target", 0, 0)
			have[k] = want[k] // once
			errs++
		}
	}
	errs += c.checkTagNesting(tgt, label)
	if errs == 0 {
		c.checkTagPlacement(src, tgt, label)
	}
}

// checkTagNesting reports pairs of the target closed before they open or
// overlapping another pair, and returns how many.
func (c *checker) checkTagNesting(tgt []segments.Tag, label func(tagKey) string) int {
	inTarget := map[tagKey]bool{}
	for _, t := range tgt {
		inTarget[tagKey{t.ID, t.Kind}] = true
	}
	var open []int // ids of the pairs open at this point, innermost last
	n := 0
	for _, t := range tgt {
		switch t.Kind {
		case segments.TagOpen:
			if inTarget[tagKey{t.ID, segments.TagClose}] {
				open = append(open, t.ID)
			}
		case segments.TagClose:
			if !inTarget[tagKey{t.ID, segments.TagOpen}] {
				continue // opened in an earlier segment
			}
			i := len(open) - 1
			for i >= 0 && open[i] != t.ID {
				i--
			}
			switch {
			case i < 0:
				c.add(CheckTags, label(tagKey{t.ID, t.Kind})+" closes before it opens", t.At, t.At)
				n++
			case i < len(open)-1:
				inner := open[len(open)-1]
				c.add(CheckTags, fmt.Sprintf("%s…%s and %s…%s overlap", label(tagKey{t.ID, segments.TagOpen}), label(tagKey{t.ID, t.Kind}),
					label(tagKey{inner, segments.TagOpen}), label(tagKey{inner, segments.TagClose})), t.At, t.At)
				n++
				open = append(open[:i], open[i+1:]...)
			default:
				open = open[:i]
			}
		}
	}
	return n
}

// checkTagPlacement warns about tags in another order than the source's
// and about a space the source has beside a tag and the target lost.
func (c *checker) checkTagPlacement(src, tgt []segments.Tag, label func(tagKey) string) {
	same := len(src) == len(tgt)
	for i := 0; same && i < len(src); i++ {
		same = src[i].ID == tgt[i].ID && src[i].Kind == tgt[i].Kind
	}
	if !same {
		c.addSeverity(CheckTags, Warning, "tags in another order than in the source", 0, 0)
	}
	at := map[tagKey]int{}
	for _, t := range tgt {
		at[tagKey{t.ID, t.Kind}] = t.At
	}
	seen := map[int]bool{} // one warning per place: tags side by side share the space
	for _, t := range src {
		k := tagKey{t.ID, t.Kind}
		p := at[k]
		if seen[p] {
			continue
		}
		before := spaceBefore(c.source, t.At) && !spaceBefore(c.target, p) && p > 0
		// The space after a spaced line break stands for its line end:
		// with or without it, the target gets the same line break.
		after := spaceAfter(c.source, t.At) && !spaceAfter(c.target, p) && p < len(c.target) && !c.spacedBreak(t.ID)
		switch {
		case before:
			c.addSeverity(CheckTags, Warning, "no space before "+label(k)+" as in the source", p, p)
			seen[p] = true
		case after:
			c.addSeverity(CheckTags, Warning, "no space after "+label(k)+" as in the source", p, p)
			seen[p] = true
		}
	}
}

// spacedBreak reports whether code id is a line break whose space the
// plain text holds for it (segments.Code.Spaced).
func (c *checker) spacedBreak(id int) bool {
	for _, code := range c.ctx.Codes {
		if code.ID == id {
			return code.Spaced
		}
	}
	return false
}

func spaceBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:min(i, len(s))])
	return unicode.IsSpace(r)
}

func spaceAfter(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[min(i, len(s)):])
	return unicode.IsSpace(r)
}

// TagErrors returns the tag errors of doc's segments with a target (the
// CheckTags issues of Error severity, ignored ones left out): what stops
// the translated document from being written.
func TagErrors(doc *segments.Document) []Issue {
	var out []Issue
	for i := range doc.Segments {
		s := &doc.Segments[i]
		if strings.TrimSpace(s.Target) == "" || len(s.SourceTags) == 0 && len(s.TargetTags) == 0 {
			continue
		}
		c := checker{seg: *s, source: s.Source, target: s.Target}
		if s.Block >= 0 && s.Block < len(doc.Blocks) {
			c.ctx.Codes = doc.Blocks[s.Block].Codes
		}
		c.checkTags()
		for _, is := range c.issues {
			if is.Severity == Error {
				out = append(out, is)
			}
		}
	}
	MarkIgnored(doc, out)
	kept := out[:0]
	for _, is := range out {
		if is.Ignored == nil {
			kept = append(kept, is)
		}
	}
	return kept
}
