package segments

import (
	"slices"
	"strings"
)

// This file keeps the text of a web page's blocks plain: a translator sees
// and types "a < b", "C#", "*" as they are, and so do the memory and the
// exports, not Markdown's "a \< b". Reading a page writes its text as
// Markdown (mdEscape) so that markdownInline finds the inline formatting,
// then takes the escapes off again (unescapeMarkdown); writing such a block
// as Markdown (Block.Plain, Block.SourceMarkup) puts them back.

// mdEscape escapes the characters of plain text that Markdown would read
// as inline markup: backslash, backtick, emphasis, brackets, angle brackets
// (HTML, autolinks), and an ampersand that starts an entity reference.
func mdEscape(s string) string {
	if !strings.ContainsAny(s, "\\`*_[]<>&") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case strings.IndexByte("\\`*_[]<>", c) >= 0, c == '&' && entityAt(s[i:]):
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// entityAt reports whether s starts with something Markdown may read as an
// entity reference ("&amp;", "&#38;").
func entityAt(s string) bool {
	j := 1
	for j < len(s) && j < 34 && (isASCIIAlnum(s[j]) || s[j] == '#') {
		j++
	}
	return j > 1 && j < len(s) && s[j] == ';'
}

func isASCIIAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// escapeBang escapes a "!" that ends s: followed by a link's "[", it would
// make an image.
func escapeBang(s string) string {
	if strings.HasSuffix(s, "!") && !strings.HasSuffix(s, `\!`) {
		return s[:len(s)-1] + `\!`
	}
	return s
}

// escapeBlockStart escapes what would make a block's first line start a
// block of another kind: a heading's "#", a list item's "-", "+" or "1.",
// a fence's "~~~" ("*", ">" and "`" are escaped by mdEscape).
func escapeBlockStart(s string) string {
	if s == "" {
		return s
	}
	if strings.IndexByte("#-+~", s[0]) >= 0 {
		return `\` + s
	}
	i := 0
	for i < len(s) && i < 10 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < 10 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return s[:i] + `\` + s[i:]
	}
	return s
}

// unescapeMarkdown takes the backslash escapes off text, the plain text of
// Markdown that mdEscape wrote (every literal backslash doubled), and moves
// tags (offsets into text) with it. tags is not changed in place.
func unescapeMarkdown(text string, tags []Tag) (string, []Tag) {
	if !strings.Contains(text, `\`) {
		return text, tags
	}
	out := slices.Clone(tags)
	var b strings.Builder
	b.Grow(len(text))
	removed, k := 0, 0
	for i := 0; i < len(text); i++ {
		for k < len(out) && out[k].At <= i {
			out[k].At -= removed
			k++
		}
		if text[i] == '\\' && i+1 < len(text) && isASCIIPunct(text[i+1]) {
			removed++
			i++
		}
		b.WriteByte(text[i])
	}
	for ; k < len(out); k++ {
		out[k].At -= removed
	}
	return b.String(), out
}

// isASCIIPunct reports whether c is one of the characters a Markdown
// backslash escapes.
func isASCIIPunct(c byte) bool {
	return c < 0x80 && c > ' ' && c != 0x7f && !isASCIIAlnum(c)
}
