package qa

import (
	"fmt"
	"strings"

	"github.com/trad-project/trad/segments"
)

// checkBlockMarker reports a target of a heading, list item or quote that
// starts with a Markdown block marker the source does not have: the
// reader took the marker off the source and the writer puts it back, so a
// marker typed or pasted into the target comes out twice ("## ## Title").
func (c *checker) checkBlockMarker() {
	switch c.ctx.Block {
	case segments.KindHeading, segments.KindListItem, segments.KindQuote:
	default:
		return
	}
	m := blockMarker(c.target)
	if m == "" || blockMarker(c.source) == m {
		return
	}
	c.add(CheckBlockMarker, fmt.Sprintf("the target starts with the Markdown marker %s, which the %s already has", quote(strings.TrimSpace(m)), c.ctx.Block), 0, len(m))
}

// blockMarker returns the Markdown block marker s starts with ("# ",
// "## ", "- ", "* ", "+ ", "> ", "1. ", "2) "), or "".
func blockMarker(s string) string {
	i := 0
	switch {
	case strings.HasPrefix(s, "#"):
		for i < len(s) && i < 6 && s[i] == '#' {
			i++
		}
	case strings.HasPrefix(s, "- "), strings.HasPrefix(s, "* "), strings.HasPrefix(s, "+ "), strings.HasPrefix(s, ">"):
		i = 1
	default:
		for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == 0 || i >= len(s) || s[i] != '.' && s[i] != ')' {
			return ""
		}
		i++
	}
	if i < len(s) && s[i] == ' ' {
		return s[:i+1]
	}
	if s[:i] == ">" && i < len(s) {
		return s[:i] // ">quote" is a quote marker too
	}
	return ""
}
