package tm

import (
	"slices"

	"github.com/trad-project/trad/segments"
)

// Inline tags and match scores. A memory scores on plain text; tags only
// adjust the result (issue 18): the same text with different tags is 99 %,
// so it is never inserted automatically, and in a fuzzy match each tag the
// query has and the match lacks, or the match has and the query lacks,
// costs a point. Tags compare by what they are (a bold opening, a link
// closing, a code span), not by number: the numbers of two blocks differ.

// TagSignature is what a tagged text's tags are, for TagScore: for each
// tag, its code's type and its kind, in order. codes name the tags' IDs.
func TagSignature(tags []segments.Tag, codes []segments.Code) []string {
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
		out[i] = string(typ) + "/" + string(t.Kind)
	}
	return out
}

// TagScore adjusts score (0–100, computed on the plain text) for the tags
// of the query's source (q) and the match's source (m), as signatures
// (TagSignature): 100 becomes 99 when the tags differ in any way (kind,
// type or order); a lower score loses one point per tag in one and not in
// the other (counted as multisets), never below 0.
func TagScore(score int, q, m []string) int {
	if score >= 100 {
		if !slices.Equal(q, m) {
			return 99
		}
		return score
	}
	count := map[string]int{}
	for _, s := range q {
		count[s]++
	}
	for _, s := range m {
		count[s]--
	}
	diff := 0
	for _, n := range count {
		diff += max(n, -n)
	}
	return max(score-diff, 0)
}
