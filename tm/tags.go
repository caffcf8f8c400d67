package tm

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/trad-project/trad/segments"
)

// Inline tags and match scores. A memory scores on plain text; tags only
// adjust the result (issue 18): the same text with different tags is 99 %,
// so it is never inserted automatically, and in a fuzzy match each tag the
// query has and the match lacks, or the match has and the query lacks,
// costs a point. Tags compare by what they are (a bold opening, a link
// closing, a code span), not by number: the numbers of two blocks differ.

// TagSignature is what the tags of text are, for TagScore: for each tag,
// its code's type, its kind and its place in the text ("bold/open@8"), in
// order. codes name the tags' IDs. The place counts the characters before
// the tag other than white space, in NFC: two texts that score 100 have
// the same segments.SourceKey, whose spaces may differ ("Le  chat",
// "Le\u00a0chat"), and the same tags there must sign alike.
func TagSignature(text string, tags []segments.Tag, codes []segments.Code) []string {
	if len(tags) == 0 {
		return nil
	}
	b := segments.Block{Codes: codes}
	out := make([]string, len(tags))
	for i, t := range tags {
		typ := segments.CodeOther
		if c, ok := b.CodeByID(t.ID); ok {
			typ = c.Type
		}
		out[i] = string(typ) + "/" + string(t.Kind) + "@" + strconv.Itoa(tagPlace(text, t.At))
	}
	return out
}

// tagPlace is the number of characters of text before byte at, white
// space aside, in NFC (see TagSignature).
func tagPlace(text string, at int) int {
	n := 0
	for _, r := range segments.SourceKey(text[:min(at, len(text))]) {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

// TagScore adjusts score (0–100, computed on the plain text) for the tags
// of the query's source (q) and the match's source (m), as signatures
// (TagSignature): 100 becomes 99 when the tags differ in any way (kind,
// type, order or place: bold on another word of the same sentence is not
// the same segment, as segments' repetitions also hold); a lower score
// loses one point per tag in one and not in the other (counted as
// multisets of type and kind: the texts differ, so places do not compare),
// never below 0.
func TagScore(score int, q, m []string) int {
	if score >= 100 {
		if !slices.Equal(q, m) {
			return 99
		}
		return score
	}
	count := map[string]int{}
	for _, s := range q {
		count[tagWhat(s)]++
	}
	for _, s := range m {
		count[tagWhat(s)]--
	}
	diff := 0
	for _, n := range count {
		diff += max(n, -n)
	}
	return max(score-diff, 0)
}

// tagWhat is a signature element without its place: "bold/open".
func tagWhat(sig string) string {
	if i := strings.LastIndexByte(sig, '@'); i >= 0 {
		return sig[:i]
	}
	return sig
}

// entryTags are the inline tags of a memory unit, kept only for units that
// have some (a pointer per entry otherwise).
type entryTags struct {
	src, tgt []segments.Tag
	codes    []segments.Code
	sig      []string // TagSignature of the source
}

// newEntryTags returns u's tags made to fit its texts and codes, or nil
// when it has none: tags come from files other tools wrote (a level-2 TMX,
// a journal edited by hand) and must not send a consumer out of range.
func newEntryTags(u Unit) *entryTags {
	src := fitTags(u.Source, u.SourceTags, u.Codes)
	tgt := fitTags(u.Target, u.TargetTags, u.Codes)
	if len(src) == 0 && len(tgt) == 0 {
		return nil
	}
	return &entryTags{src: src, tgt: tgt, codes: u.Codes, sig: TagSignature(u.Source, src, u.Codes)}
}

// fitTags returns the tags of tags that name a code of codes with a kind
// it can have, moved to fit text (segments.FitTags).
func fitTags(text string, tags []segments.Tag, codes []segments.Code) []segments.Tag {
	if len(tags) == 0 {
		return nil
	}
	b := segments.Block{Codes: codes}
	var out []segments.Tag
	for _, t := range segments.FitTags(tags, text) {
		c, ok := b.CodeByID(t.ID)
		if ok && c.Pair == (t.Kind == segments.TagOpen || t.Kind == segments.TagClose) &&
			(c.Pair || t.Kind == segments.TagPlaceholder) {
			out = append(out, t)
		}
	}
	return out
}

// SegmentTags returns segment i's source tags, its wrapping pairs included
// (segments.FullTags), and the codes of its block they name: what a unit
// made of the segment keeps and what LookupTagged compares.
func SegmentTags(doc *segments.Document, i int) ([]segments.Tag, []segments.Code) {
	src, _, codes := segmentTags(doc, &doc.Segments[i], false)
	return src, codes
}

// segmentTags returns s's source tags and, withTarget, its target tags,
// each with s's wrapping pairs, and the codes of s's block they name (the
// block's IDs), in ID order.
func segmentTags(doc *segments.Document, s *segments.Segment, withTarget bool) (src, tgt []segments.Tag, codes []segments.Code) {
	if s.Block < 0 || s.Block >= len(doc.Blocks) {
		return nil, nil, nil
	}
	src = segments.FullTags(s.SourceTags, s.Wrap, len(s.Source))
	if withTarget {
		tgt = segments.FullTags(s.TargetTags, s.Wrap, len(s.Target))
	}
	if len(src)+len(tgt) == 0 {
		return nil, nil, nil
	}
	b := &doc.Blocks[s.Block]
	seen := map[int]bool{}
	for _, t := range slices.Concat(src, tgt) {
		if c, ok := b.CodeByID(t.ID); ok && !seen[t.ID] {
			seen[t.ID] = true
			codes = append(codes, c)
		}
	}
	slices.SortFunc(codes, func(a, b segments.Code) int { return a.ID - b.ID })
	return src, tgt, codes
}

// MatchTags returns the tags of match mt's target mapped onto segment i's
// codes (segments.MapTags), its wrapping pairs taken off: what
// SetDraftTagged or ConfirmTagged take with mt.Target. Tags of the match
// with no counterpart in the segment are left out; nil when there are none.
func MatchTags(doc *segments.Document, i int, mt Match) []segments.Tag {
	if len(mt.TargetTags) == 0 {
		return nil
	}
	s := &doc.Segments[i]
	src, codes := SegmentTags(doc, i)
	tags := segments.MapTags(mt.Target, mt.TargetTags, mt.SourceTags, mt.Codes, src, codes)
	if wrap, rest := segments.SplitWrap(tags, len(mt.Target)); len(wrap) > 0 && slices.Equal(wrap, s.Wrap) {
		tags = rest
	}
	// The segment's wrapping pairs are written around its target already.
	tags = slices.DeleteFunc(slices.Clone(tags), func(t segments.Tag) bool { return slices.Contains(s.Wrap, t.ID) })
	if len(tags) == 0 {
		return nil
	}
	return segments.FitTags(tags, mt.Target)
}
