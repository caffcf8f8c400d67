package bitext

import (
	"strconv"

	"github.com/trad-project/trad/segments"
)

// This file writes segments' inline tags in XLIFF. XLIFF 2: the unit's
// <originalData> holds each code's markup (<data id="dNo">, "dNc" for a
// pair's close, "dN" for a standalone code); a pair with both ends in a
// segment is <pc id="N">…</pc> when the segment's pairs nest, else and
// across segments <sc id="N"/> … <ec startRef="N"/>; a standalone code is
// <ph id="N"/>. XLIFF 1.2: <g id="N">…</g>, <bx id="N"/>/<ex id="N"/> and
// <x id="N"/>, the markup left out (1.2 has no place for it without
// <ph> content). N is the code's number in its block, so a reader maps
// target tags back by id.

// dataRef is the <data> id of code id's markup for tag kind k.
func dataRef(id int, k segments.TagKind) string {
	switch k {
	case segments.TagOpen:
		return "d" + strconv.Itoa(id) + "o"
	case segments.TagClose:
		return "d" + strconv.Itoa(id) + "c"
	}
	return "d" + strconv.Itoa(id)
}

// unitHasTags reports whether any segment of segs has tags.
func unitHasTags(segs []segments.Segment) bool {
	for i := range segs {
		if len(segs[i].SourceTags) > 0 || len(segs[i].Wrap) > 0 {
			return true
		}
	}
	return false
}

// writeOriginalData writes the <originalData> of a unit whose segments are
// segs: the markup of every code the sources use.
func (x *xmlWriter) writeOriginalData(bl *segments.Block, segs []segments.Segment) {
	used := map[int]bool{}
	for i := range segs {
		for _, t := range segments.FullTags(segs[i].SourceTags, segs[i].Wrap, len(segs[i].Source)) {
			used[t.ID] = true
		}
	}
	x.raw("      <originalData>\n")
	for _, c := range bl.Codes {
		if !used[c.ID] {
			continue
		}
		kinds := []segments.TagKind{segments.TagPlaceholder}
		if c.Pair {
			kinds = []segments.TagKind{segments.TagOpen, segments.TagClose}
		}
		for _, k := range kinds {
			x.raw(`        <data id="` + dataRef(c.ID, k) + `">`)
			x.text(c.Markup(k))
			x.raw("</data>\n")
		}
	}
	x.raw("      </originalData>\n")
}

// nested reports whether the pairs with both ends in tags nest properly.
func nested(tags []segments.Tag) bool {
	ends := pairEnds(tags)
	var stack []int
	for _, t := range tags {
		switch {
		case ends[t.ID] != 3:
		case t.Kind == segments.TagOpen:
			stack = append(stack, t.ID)
		case t.Kind == segments.TagClose:
			if len(stack) == 0 || stack[len(stack)-1] != t.ID {
				return false
			}
			stack = stack[:len(stack)-1]
		}
	}
	return true
}

// xliffInline writes text with its tags as XLIFF inline content (version
// 2 or 1.2). inUnit tells whether the other end of a pair is somewhere in
// the unit's same side (else the end is isolated); a code written once
// already (a duplicated tag of a target) is left out: ids must be unique.
func (x *xmlWriter) xliffInline(bl *segments.Block, text string, tags []segments.Tag, v2 bool, inUnit func(id int, k segments.TagKind) bool) {
	ends := pairEnds(tags)
	usePC := nested(tags)
	seen := map[segments.Tag]bool{}
	x.eachTag(bl, text, tags, func(t segments.Tag, c segments.Code) {
		key := segments.Tag{ID: t.ID, Kind: t.Kind}
		if seen[key] || c.Pair != (t.Kind != segments.TagPlaceholder) {
			return
		}
		seen[key] = true
		id := strconv.Itoa(t.ID)
		both := ends[t.ID] == 3
		switch {
		case v2 && t.Kind == segments.TagPlaceholder:
			x.raw(`<ph id="` + id + `" dataRef="` + dataRef(t.ID, t.Kind) + `"/>`)
		case v2 && t.Kind == segments.TagOpen && both && usePC:
			x.raw(`<pc id="` + id + `" dataRefStart="` + dataRef(t.ID, segments.TagOpen) + `" dataRefEnd="` + dataRef(t.ID, segments.TagClose) + `">`)
		case v2 && t.Kind == segments.TagClose && both && usePC:
			x.raw(`</pc>`)
		case v2 && t.Kind == segments.TagOpen:
			iso := ""
			if !both && !inUnit(t.ID, segments.TagClose) {
				iso = ` isolated="yes"`
			}
			x.raw(`<sc id="` + id + `" dataRef="` + dataRef(t.ID, t.Kind) + `"` + iso + `/>`)
		case v2:
			if !both && !inUnit(t.ID, segments.TagOpen) {
				x.raw(`<ec id="` + id + `" dataRef="` + dataRef(t.ID, t.Kind) + `" isolated="yes"/>`)
			} else {
				x.raw(`<ec startRef="` + id + `" dataRef="` + dataRef(t.ID, t.Kind) + `"/>`)
			}
		case t.Kind == segments.TagPlaceholder:
			x.raw(`<x id="` + id + `"/>`)
		case t.Kind == segments.TagOpen && both && usePC:
			x.raw(`<g id="` + id + `">`)
		case t.Kind == segments.TagClose && both && usePC:
			x.raw(`</g>`)
		case t.Kind == segments.TagOpen:
			x.raw(`<bx id="` + id + `"/>`)
		default:
			x.raw(`<ex id="` + id + `"/>`)
		}
	})
}

// unitEnds returns, for the segments of a unit, which tag ends (id, kind)
// the sources (target false) or the exported targets have.
func unitEnds(segs []segments.Segment, target bool, opts Options) map[segments.Tag]bool {
	out := map[segments.Tag]bool{}
	for i := range segs {
		s := &segs[i]
		tags := segments.FullTags(s.SourceTags, s.Wrap, len(s.Source))
		if target {
			if !Exported(s, opts) {
				continue
			}
			tags = segments.FullTags(s.TargetTags, s.Wrap, len(s.Target))
		}
		for _, t := range tags {
			out[segments.Tag{ID: t.ID, Kind: t.Kind}] = true
		}
	}
	return out
}
