package bitext

import (
	"strconv"

	"github.com/trad-project/trad/segments"
)

// This file writes a segment's inline tags as TMX 1.4b level 2 content:
// a pair with both ends in the segment as <bpt i="N">…</bpt> and
// <ept i="N">…</ept>, an end whose other end is in another segment (a pair
// cut by a sentence boundary) as <it pos="begin|end">, a standalone code
// as <ph>; each holds the code's original markup, and x is the code's
// number in its block, so that a reader can match source and target tags.

// tmxTagTypes maps code types to TMX 1.4b type attribute values.
var tmxTagTypes = map[segments.CodeType]string{
	segments.CodeBold: "bold", segments.CodeItalic: "italic", segments.CodeLink: "link",
	segments.CodeImage: "image", segments.CodeBreak: "lb",
}

// tmxSeg writes text with its tags (and the wrapping pairs wrap) of block
// bl as the content of a <seg>.
func (x *xmlWriter) tmxSeg(bl *segments.Block, text string, tags []segments.Tag, wrap []int) {
	all := segments.FullTags(tags, wrap, len(text))
	ends := pairEnds(all)
	x.eachTag(bl, text, all, func(t segments.Tag, c segments.Code) {
		id := strconv.Itoa(t.ID)
		typ := ""
		if v := tmxType(c.Type); v != "" {
			typ = ` type="` + v + `"`
		}
		switch {
		case t.Kind == segments.TagPlaceholder:
			x.raw(`<ph x="` + id + `"` + typ + `>`)
			x.text(c.Open)
			x.raw(`</ph>`)
		case ends[t.ID] != 3 && t.Kind == segments.TagOpen:
			x.raw(`<it pos="begin" x="` + id + `"` + typ + `>`)
			x.text(c.Open)
			x.raw(`</it>`)
		case ends[t.ID] != 3:
			x.raw(`<it pos="end" x="` + id + `"` + typ + `>`)
			x.text(c.Close)
			x.raw(`</it>`)
		case t.Kind == segments.TagOpen:
			x.raw(`<bpt i="` + id + `" x="` + id + `"` + typ + `>`)
			x.text(c.Open)
			x.raw(`</bpt>`)
		default:
			x.raw(`<ept i="` + id + `">`)
			x.text(c.Close)
			x.raw(`</ept>`)
		}
	})
}

// pairEnds returns, for each pair of tags, which of its ends tags holds:
// 1 the opening, 2 the closing, 3 both.
func pairEnds(tags []segments.Tag) map[int]int {
	ends := map[int]int{}
	for _, t := range tags {
		switch t.Kind {
		case segments.TagOpen:
			ends[t.ID] |= 1
		case segments.TagClose:
			ends[t.ID] |= 2
		}
	}
	return ends
}

// eachTag writes text escaped, calling write at each tag whose code bl has.
func (x *xmlWriter) eachTag(bl *segments.Block, text string, tags []segments.Tag, write func(segments.Tag, segments.Code)) {
	segments.WalkTagged(text, tags, bl.Codes, x.text, write)
}
