package bitext

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/trad-project/trad/internal/xmlscan"
	"github.com/trad-project/trad/segments"
)

// TMXTag is an inline code of a TMX <seg> (level 2): <bpt> and <it
// pos="begin"> open, <ept> and <it pos="end"> close, <ph> and <ut> stand
// alone. At is its byte offset in the variant's plain text; I, X and Type
// are its attributes; Markup is the native code it holds.
type TMXTag struct {
	At         int
	Kind       segments.TagKind
	I, X, Type string
	Markup     string
	Isolated   bool // an <it>: its other end is in another unit
}

// tagMark stands for a code in the <seg> text until it is normalised, so
// that the codes' offsets follow the normalisation; a private-use
// character a <seg> with codes must not hold itself.
const tagMark = '\uE000'

// startCode begins a code element of a <seg>.
func (h *tmxHandler) startCode(name string, attrs []xmlscan.Attr) {
	c := TMXTag{Kind: segments.TagPlaceholder}
	pos := ""
	for _, a := range attrs {
		switch a.Local {
		case "i":
			c.I = string(a.Value)
		case "x":
			c.X = string(a.Value)
		case "type":
			c.Type = string(a.Value)
		case "pos":
			pos = string(a.Value)
		}
	}
	switch {
	case name == "bpt" || name == "it" && pos == "begin":
		c.Kind = segments.TagOpen
	case name == "ept" || name == "it" && pos == "end":
		c.Kind = segments.TagClose
	}
	c.Isolated = name == "it"
	h.codes = append(h.codes, c)
	h.codeBuf = h.codeBuf[:0]
	h.seg = utf8.AppendRune(h.seg, tagMark)
}

// endCode ends the code element begun by startCode.
func (h *tmxHandler) endCode() {
	if n := len(h.codes); n > 0 {
		h.codes[n-1].Markup = segments.Normalize(string(h.codeBuf)) // shown in the editor's status line
	}
}

// endSeg stores the current <seg>'s plain text and codes in the unit.
func (h *tmxHandler) endSeg() {
	if len(h.codes) == 0 {
		h.tu.Variants[h.lang] = segments.Normalize(string(h.seg))
		return
	}
	text := segments.Normalize(string(h.seg))
	var plain strings.Builder
	codes := make([]TMXTag, 0, len(h.codes))
	for _, r := range text {
		if r != tagMark {
			plain.WriteRune(r)
			continue
		}
		if len(codes) < len(h.codes) {
			c := h.codes[len(codes)]
			c.At = plain.Len()
			codes = append(codes, c)
		}
	}
	h.tu.Variants[h.lang] = plain.String()
	if strings.Count(text, string(tagMark)) != len(h.codes) {
		return // the text held the mark itself: keep the text, not the codes
	}
	if h.tu.Tags == nil {
		h.tu.Tags = make(map[string][]TMXTag, 2)
	}
	h.tu.Tags[h.lang] = codes
}

// mapTMXTags returns the target tags for segment s of block bl from a unit
// whose source variant has the codes src and whose target variant (text
// tgtText) has tgt: the unit's source codes must be the segment's, in
// order, kind and place (the wrapping pairs included: two units with the
// same words can hold codes around different ones); the target's codes are then
// matched to them by their i (pairs) or x attribute, else by their rank
// among codes of the same kind. It returns nil, false when the codes do not
// match.
func mapTMXTags(s *segments.Segment, src, tgt []TMXTag, tgtText string) ([]segments.Tag, bool) {
	full := segments.FullTags(s.SourceTags, s.Wrap, len(s.Source))
	if len(full) != len(src) {
		return nil, false
	}
	key := func(c TMXTag, rank int) string {
		switch {
		case c.I != "" && !c.Isolated:
			return "i" + c.I + string(c.Kind)
		case c.X != "":
			return "x" + c.X + string(c.Kind)
		}
		return "n" + string(c.Kind) + strconv.Itoa(rank)
	}
	ranks := func(cs []TMXTag) []int {
		n := map[segments.TagKind]int{}
		out := make([]int, len(cs))
		for i, c := range cs {
			out[i] = n[c.Kind]
			n[c.Kind]++
		}
		return out
	}
	ids := map[string]int{}
	sr := ranks(src)
	for i, c := range src {
		if c.Kind != full[i].Kind || c.At != full[i].At {
			return nil, false
		}
		ids[key(c, sr[i])] = full[i].ID
	}
	var out []segments.Tag
	tr := ranks(tgt)
	for i, c := range tgt {
		if id, ok := ids[key(c, tr[i])]; ok {
			out = append(out, segments.Tag{At: min(c.At, len(tgtText)), ID: id, Kind: c.Kind})
		}
	}
	if wrap, rest := segments.SplitWrap(out, len(tgtText)); slices.Equal(wrap, s.Wrap) {
		out = rest
	}
	return out, true
}
