package bitext

import (
	"slices"
	"strconv"
	"strings"

	"github.com/trad-project/trad/internal/xmlscan"
	"github.com/trad-project/trad/segments"
)

// XLIFFTag is an inline code of an XLIFF <source> or <target>: its id (a
// <ec>'s startRef, a 1.2 <ex>'s rid when present), which end of a code it
// is, and its byte offset in the plain text.
type XLIFFTag struct {
	At   int
	ID   string
	Kind segments.TagKind
}

// xliffCodeStart tells whether start element t of inline content is a code
// trad reads, which end and its id. <pc> and <g> open here and close at
// their end tag.
func xliffCodeStart(name string, attrs []xmlscan.Attr, version string) (segments.TagKind, string, bool) {
	id := xattr(attrs, "id")
	v2 := strings.HasPrefix(version, "2")
	switch name {
	case "pc", "g", "sc", "bx", "bpt":
		return segments.TagOpen, id, true
	case "ec", "ex", "ept":
		if v2 && name == "ec" {
			if r := xattr(attrs, "startRef"); r != "" {
				id = r
			}
		} else if r := xattr(attrs, "rid"); r != "" && name == "ex" {
			id = r
		}
		return segments.TagClose, id, true
	case "ph", "x":
		return segments.TagPlaceholder, id, true
	case "it":
		if xattr(attrs, "pos") == "close" {
			return segments.TagClose, id, true
		}
		return segments.TagOpen, id, true
	}
	return "", "", false
}

// normalizeMarked normalises text, in which tagMark stands for each of
// tags, and returns the text without the marks and the tags at their
// offsets in it. When the marks do not match the tags (the text held the
// mark itself), the tags are dropped.
func normalizeMarked(text string, tags []XLIFFTag) (string, []XLIFFTag) {
	text = segments.Normalize(text)
	if len(tags) == 0 && !strings.ContainsRune(text, tagMark) {
		return text, nil
	}
	ok := strings.Count(text, string(tagMark)) == len(tags)
	var b strings.Builder
	n := 0
	for _, r := range text {
		if r != tagMark {
			b.WriteRune(r)
			continue
		}
		if ok {
			tags[n].At = b.Len()
		}
		n++
	}
	if !ok {
		tags = nil
	}
	return b.String(), tags
}

// mapXLIFFTags returns segment s's target tags from the tags of an XLIFF
// segment whose source codes are the segment's (same ids, kinds and order,
// as trad writes them: the id is the code's number in its block). It
// returns nil, false when the source codes differ.
func mapXLIFFTags(s *segments.Segment, xs *XLIFFSegment, tgtText string) ([]segments.Tag, bool) {
	full := segments.FullTags(s.SourceTags, s.Wrap, len(s.Source))
	if len(full) != len(xs.SourceTags) {
		return nil, false
	}
	for i, t := range xs.SourceTags {
		if id, err := strconv.Atoi(t.ID); err != nil || id != full[i].ID || t.Kind != full[i].Kind {
			return nil, false
		}
	}
	kinds := map[segments.Tag]bool{}
	for _, t := range full {
		kinds[segments.Tag{ID: t.ID, Kind: t.Kind}] = true
	}
	var out []segments.Tag
	for _, t := range xs.TargetTags {
		id, err := strconv.Atoi(t.ID)
		if err == nil && kinds[segments.Tag{ID: id, Kind: t.Kind}] {
			out = append(out, segments.Tag{At: min(t.At, len(tgtText)), ID: id, Kind: t.Kind})
		}
	}
	if wrap, rest := segments.SplitWrap(out, len(tgtText)); len(s.Wrap) > 0 && slices.Equal(wrap, s.Wrap) {
		out = rest
	}
	return out, true
}
