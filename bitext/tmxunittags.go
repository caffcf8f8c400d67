package bitext

import (
	"strconv"
	"strings"

	"github.com/trad-project/trad/segments"
)

// This file converts between a TU's TMX level-2 codes (TMXTag, as ReadTMX
// reads them) and the segment tag model (segments.Tag and Code), for
// callers that keep units rather than documents: the translation memory
// keeps the tags of level-2 memories and of tagged confirmed segments, and
// writes them back through TMXWriter.

// tmxCodeTypes maps TMX type attribute values back to code types (the
// inverse of tmxTagTypes; other values, "ulined" for one, are CodeOther).
var tmxCodeTypes = func() map[string]segments.CodeType {
	m := make(map[string]segments.CodeType, len(tmxTagTypes))
	for k, v := range tmxTagTypes {
		m[v] = k
	}
	return m
}()

// tmxType is the TMX type attribute of a code type: TMX's own name, or
// "x-" and trad's (TMX's user-defined form: "x-code") for those TMX lacks.
func tmxType(t segments.CodeType) string {
	if v, ok := tmxTagTypes[t]; ok {
		return v
	}
	if t == segments.CodeOther || t == "" {
		return ""
	}
	return "x-" + string(t)
}

// codeType is the inverse of tmxType; unknown values ("ulined") are
// CodeOther.
func codeType(v string) segments.CodeType {
	if t, ok := tmxCodeTypes[v]; ok {
		return t
	}
	switch t := segments.CodeType(strings.TrimPrefix(v, "x-")); t {
	case segments.CodeBold, segments.CodeItalic, segments.CodeLink, segments.CodeCode,
		segments.CodeBreak, segments.CodeImage:
		if tmxType(t) == v {
			return t
		}
	}
	return segments.CodeOther
}

// TMXTags returns tags, placed in a text and naming codes by ID, as the
// TMX level-2 codes of one variant, for TMXWriter (TU.Tags): a pair with
// both ends in the text becomes <bpt>/<ept> with i (and x) its code's ID, a
// pair end alone an <it>, a standalone code a <ph>; each holds the code's
// markup. Tags whose code is missing are left out.
func TMXTags(tags []segments.Tag, codes []segments.Code) []TMXTag {
	if len(tags) == 0 {
		return nil
	}
	ends := pairEnds(tags)
	blk := segments.Block{Codes: codes}
	out := make([]TMXTag, 0, len(tags))
	for _, t := range tags {
		c, ok := blk.CodeByID(t.ID)
		if !ok {
			continue
		}
		id := strconv.Itoa(t.ID)
		tt := TMXTag{At: t.At, Kind: t.Kind, X: id, Type: tmxType(c.Type), Markup: c.Markup(t.Kind)}
		if t.Kind != segments.TagPlaceholder {
			if ends[t.ID] == 3 {
				tt.I = id
				if t.Kind == segments.TagClose {
					tt.X, tt.Type = "", "" // <ept> has only i
				}
			} else {
				tt.Isolated = true
			}
		}
		out = append(out, tt)
	}
	return out
}

// UnitTags converts the level-2 codes of a unit's source and target
// variants into tags on shared codes, numbered from 1 in source order.
// Within a variant <bpt> and <ept> pair by their i; a target code is the
// source code with the same x, else the one with the same type, kind and
// rank among those; a target code with no counterpart gets a code of its
// own. Each code's markup is the source's (the target's for its own).
func UnitTags(src, tgt []TMXTag) (srcTags, tgtTags []segments.Tag, codes []segments.Code) {
	var b unitTagBuilder
	srcTags = b.variant(src, nil)
	tgtTags = b.variant(tgt, srcTags)
	return srcTags, tgtTags, b.codes
}

// unitTagBuilder numbers the codes of one unit.
type unitTagBuilder struct {
	codes []segments.Code
	byX   map[string]int        // source x -> code ID
	byRan map[string][]int      // source type/kind -> code IDs, in order
	used  map[segments.Tag]bool // target code ends already placed
}

// variant converts one variant's codes; src is nil for the source variant
// and the source's tags for the target.
func (b *unitTagBuilder) variant(cs []TMXTag, src []segments.Tag) []segments.Tag {
	if len(cs) == 0 {
		return nil
	}
	isSource := src == nil
	if isSource {
		b.byX, b.byRan = map[string]int{}, map[string][]int{}
	}
	b.used = map[segments.Tag]bool{}
	open := map[string]int{} // i -> code ID of a pair opened in this variant
	rank := map[string]int{}
	out := make([]segments.Tag, 0, len(cs))
	for _, c := range cs {
		key := c.Type + "/" + string(c.Kind)
		r := rank[key]
		rank[key]++
		id := 0
		if c.Kind == segments.TagClose && c.I != "" && !c.Isolated {
			id = open[c.I]
			delete(open, c.I)
		}
		if id == 0 && !isSource {
			id = b.counterpart(c, key, r)
		}
		if id == 0 {
			id = b.newCode(c)
			if isSource {
				b.byRan[key] = append(b.byRan[key], id)
				if c.X != "" {
					b.byX[c.X] = id
				}
			}
		} else if c.Kind == segments.TagClose && b.codes[id-1].Close == "" {
			b.codes[id-1].Close = c.Markup
		}
		if c.Kind == segments.TagOpen && c.I != "" && !c.Isolated {
			open[c.I] = id
		}
		t := segments.Tag{At: c.At, ID: id, Kind: c.Kind}
		b.used[segments.Tag{ID: id, Kind: c.Kind}] = true
		out = append(out, t)
	}
	return out
}

// counterpart returns the source code a target code stands for, or 0.
func (b *unitTagBuilder) counterpart(c TMXTag, key string, rank int) int {
	fits := func(id int) bool {
		if id == 0 || b.used[segments.Tag{ID: id, Kind: c.Kind}] {
			return false
		}
		return b.codes[id-1].Pair == (c.Kind != segments.TagPlaceholder)
	}
	if id := b.byX[c.X]; c.X != "" && fits(id) {
		return id
	}
	if ids := b.byRan[key]; rank < len(ids) && fits(ids[rank]) {
		return ids[rank]
	}
	return 0
}

// newCode adds the code c opens, closes or is, and returns its ID.
func (b *unitTagBuilder) newCode(c TMXTag) int {
	code := segments.Code{ID: len(b.codes) + 1, Type: codeType(c.Type), Pair: c.Kind != segments.TagPlaceholder}
	if c.Kind == segments.TagClose {
		code.Close = c.Markup
	} else {
		code.Open = c.Markup
	}
	b.codes = append(b.codes, code)
	return code.ID
}

// tmxCodes writes text with its level-2 codes as the content of a <seg>.
func (x *xmlWriter) tmxCodes(text string, tags []TMXTag) {
	p := 0
	for _, c := range tags {
		at := min(max(c.At, p), len(text))
		x.text(text[p:at])
		p = at
		name, pos, i, typ := "ph", "", "", c.Type
		switch {
		case c.Kind == segments.TagPlaceholder:
		case c.Isolated || c.I == "":
			name, pos = "it", "begin"
			if c.Kind == segments.TagClose {
				pos = "end"
			}
		case c.Kind == segments.TagOpen:
			name, i = "bpt", c.I
		default:
			name, i, typ = "ept", c.I, "" // <ept> has only i
		}
		x.raw("<" + name)
		for _, a := range [...]struct{ k, v string }{{"pos", pos}, {"i", i}, {"x", c.X}, {"type", typ}} {
			if a.v != "" && (a.k != "x" || name != "ept") {
				x.raw(" " + a.k + `="`)
				x.attr(a.v)
				x.raw(`"`)
			}
		}
		x.raw(">")
		x.text(c.Markup)
		x.raw("</" + name + ">")
	}
	x.text(text[p:])
}
