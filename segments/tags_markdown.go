package segments

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// This file turns the inline Markdown of one block (already joined on one
// line) into plain text and codes, and back. The plain text is the bytes of
// goldmark's text nodes as written (backslash escapes and entity references
// included); every other byte is the markup of a code. So writing the
// codes back between the text gives the block's Markdown byte for byte,
// which FuzzMarkdownInline checks on any input.

// mdInlineParser parses one block's inline Markdown (CommonMark: emphasis,
// links, code spans, images, autolinks, raw HTML).
var mdInlineParser = parser.NewParser(
	parser.WithBlockParsers(parser.DefaultBlockParsers()...),
	parser.WithInlineParsers(parser.DefaultInlineParsers()...),
	parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
)

// inlineEvent is one code end met while walking the inline tree.
type inlineEvent struct {
	node ast.Node
	kind TagKind
	n    int // length of its markup, -1 while unknown
}

// markdownInline splits md, one block's inline Markdown, into plain text,
// codes and tags (offsets into the plain text). refs are the document's
// link reference definitions, so that "[text][ref]" is a link. When the
// markup cannot be attributed to codes exactly, md is returned as plain
// text with no codes: the block is then written back as it was.
func markdownInline(md string, refs []parser.Reference) (string, []Code, []Tag) {
	plain, codes, tags, _ := markdownInlineOK(md, refs)
	return plain, codes, tags
}

// markdownInlineOK is markdownInline; it also reports whether md was read
// (false: md is returned as it is, markup included).
func markdownInlineOK(md string, refs []parser.Reference) (string, []Code, []Tag, bool) {
	if !strings.ContainsAny(md, "*_[]`<>!\\&\n") {
		return md, nil, nil, true
	}
	src := []byte(md)
	ctx := parser.NewContext()
	for _, r := range refs {
		ctx.AddReference(r)
	}
	root := mdInlineParser.Parse(text.NewReader(src), parser.WithContext(ctx))
	para := root.FirstChild()
	if para == nil || para.NextSibling() != nil || para.Kind() != ast.KindParagraph {
		return md, nil, nil, false
	}
	b := inlineBuilder{src: md}
	if !b.walk(para) || !b.flush(len(md)) || strings.TrimSpace(b.plain.String()) == "" {
		// A block of markup only (an image alone) stays as written.
		return md, nil, nil, false
	}
	return b.plain.String(), b.codes, b.tags, true
}

type inlineBuilder struct {
	src     string
	pos     int // bytes of src consumed
	plain   strings.Builder
	pending []inlineEvent // code ends since the last text
	codes   []Code
	tags    []Tag
	ids     map[ast.Node]int
}

// walk visits n's children; it reports false when a node cannot be placed.
func (b *inlineBuilder) walk(n ast.Node) bool {
	pairs := htmlPairs(n, b.src)
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch c := ch.(type) {
		case *ast.Text:
			if c.SoftLineBreak() || !b.flush(c.Segment.Start) {
				return false
			}
			b.plain.WriteString(b.src[c.Segment.Start:c.Segment.Stop])
			b.pos = c.Segment.Stop
			if c.HardLineBreak() {
				// The trailing spaces or backslash and the line end.
				n := strings.IndexByte(b.src[c.Segment.Stop:], '\n')
				if n < 0 {
					return false
				}
				b.pending = append(b.pending, inlineEvent{c, TagPlaceholder, n + 1})
			}
		case *ast.Emphasis:
			b.pending = append(b.pending, inlineEvent{c, TagOpen, c.Level})
			if !b.walk(c) {
				return false
			}
			b.pending = append(b.pending, inlineEvent{c, TagClose, c.Level})
		case *ast.Link:
			b.pending = append(b.pending, inlineEvent{c, TagOpen, 1})
			if !b.walk(c) {
				return false
			}
			b.pending = append(b.pending, inlineEvent{c, TagClose, -1})
		case *ast.RawHTML:
			if c.Segments.Len() == 0 {
				return false
			}
			start, stop := c.Segments.At(0).Start, c.Segments.At(c.Segments.Len()-1).Stop
			if !knownHTML(b.src[start:stop]) {
				// "<incluses>" is a word in angle brackets to a reader,
				// not markup: it stays in the text, unless it runs over a
				// line end, which the text cannot hold beside codes (as a
				// soft line break above).
				if strings.IndexByte(b.src[start:stop], '\n') >= 0 || !b.flush(start) {
					return false
				}
				b.plain.WriteString(b.src[start:stop])
				b.pos = stop
				continue
			}
			ev := inlineEvent{c, TagPlaceholder, stop - start}
			if open, ok := pairs[c]; ok && open == c {
				ev.kind = TagOpen
			} else if ok {
				ev.node, ev.kind = open, TagClose // place finds the code by its opening node
			}
			b.pending = append(b.pending, ev)
		case *ast.CodeSpan, *ast.Image, *ast.AutoLink:
			b.pending = append(b.pending, inlineEvent{c, TagPlaceholder, -1})
		default:
			return false
		}
	}
	return true
}

// flush gives the markup between b.pos and end to the pending events, in
// order, and records their codes and tags at the current plain offset. At
// most one event's length may be unknown, apart from code spans and
// autolinks, whose extent is read from the source.
func (b *inlineBuilder) flush(end int) bool {
	if end < b.pos {
		return false
	}
	ev := b.pending
	b.pending = b.pending[:0]
	unknown := -1
	for i := range ev {
		if ev[i].n < 0 {
			switch ev[i].node.(type) {
			case *ast.CodeSpan, *ast.AutoLink:
				continue // measured in order below
			}
			if unknown >= 0 {
				return false
			}
			unknown = i
		}
	}
	p := b.pos
	for i := range ev {
		e := &ev[i]
		switch {
		case e.n >= 0:
		case i == unknown:
			rest := 0
			for _, f := range ev[i+1:] {
				if f.n < 0 {
					return false // a code span after the unknown one: ambiguous
				}
				rest += f.n
			}
			e.n = end - p - rest
		default:
			e.n = measureMarkup(b.src[p:end], e.node)
		}
		if e.n <= 0 || p+e.n > end {
			return false
		}
		b.place(e, b.src[p:p+e.n], p+e.n)
		p += e.n
	}
	if p != end {
		return false
	}
	b.pos = end
	return true
}

// place records the code end e whose markup is m, ending at end in the
// source.
func (b *inlineBuilder) place(e *inlineEvent, m string, end int) {
	at := b.plain.Len()
	if e.kind == TagClose {
		id := b.ids[e.node]
		b.codes[id-1].Close = m
		b.tags = append(b.tags, Tag{At: at, ID: id, Kind: TagClose})
		return
	}
	id := len(b.codes) + 1
	c := Code{ID: id, Type: markdownCodeType(e.node, m), Pair: e.kind == TagOpen, Open: m}
	if e.kind == TagOpen {
		if b.ids == nil {
			b.ids = map[ast.Node]int{}
		}
		b.ids[e.node] = id
	}
	b.tags = append(b.tags, Tag{At: at, ID: id, Kind: e.kind})
	if c.Type == CodeBreak && b.spaced(at, end) {
		c.Spaced = true
		b.plain.WriteByte(' ')
	}
	b.codes = append(b.codes, c)
}

// spaced reports whether a line break placed at plain offset at, its
// markup ending at end in the source, stands between two words with no
// white space: then the plain text gets a space for it (Code.Spaced).
func (b *inlineBuilder) spaced(at, end int) bool {
	if at == 0 || end >= len(b.src) {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(b.plain.String())
	after, _ := utf8.DecodeRuneInString(b.src[end:])
	return !unicode.IsSpace(before) && !unicode.IsSpace(after)
}

// measureMarkup returns the length of the code span or autolink that s
// starts with, or 0.
func measureMarkup(s string, n ast.Node) int {
	switch n.(type) {
	case *ast.AutoLink:
		if strings.HasPrefix(s, "<") {
			return strings.IndexByte(s, '>') + 1
		}
	case *ast.CodeSpan:
		run := len(s) - len(strings.TrimLeft(s, "`"))
		if run == 0 {
			return 0
		}
		for i := run; i < len(s); {
			j := strings.IndexByte(s[i:], '`')
			if j < 0 {
				return 0
			}
			i += j
			k := i
			for k < len(s) && s[k] == '`' {
				k++
			}
			if k-i == run {
				return k
			}
			i = k
		}
	}
	return 0
}

// markdownCodeType is the type of the code of node n with markup m.
func markdownCodeType(n ast.Node, m string) CodeType {
	switch n := n.(type) {
	case *ast.Emphasis:
		if n.Level >= 2 {
			return CodeBold
		}
		return CodeItalic
	case *ast.Link, *ast.AutoLink:
		return CodeLink
	case *ast.CodeSpan:
		return CodeCode
	case *ast.Image:
		return CodeImage
	case *ast.RawHTML:
		return htmlCodeType(m)
	case *ast.Text:
		return CodeBreak // the hard line break after it
	}
	return CodeOther
}

// htmlElements are the HTML elements whose tags in Markdown are codes;
// others ("<incluses>") are read as text.
var htmlElements = map[string]bool{
	"a": true, "abbr": true, "b": true, "bdi": true, "bdo": true, "big": true, "br": true,
	"cite": true, "code": true, "data": true, "del": true, "dfn": true, "em": true,
	"font": true, "i": true, "img": true, "ins": true, "kbd": true, "mark": true,
	"q": true, "s": true, "samp": true, "small": true, "span": true, "strike": true,
	"strong": true, "sub": true, "sup": true, "time": true, "tt": true, "u": true,
	"var": true, "wbr": true,
}

// htmlPairs matches the inline HTML tags among n's children that open and
// close one element ("<u>" … "</u>"), so that they are one pair of tags
// like an emphasis: each node of a pair maps to the opening one. Only
// siblings are matched, so a pair never crosses an emphasis or a link; an
// opening tag left unclosed, or closed across another, stays a placeholder.
func htmlPairs(n ast.Node, src string) map[ast.Node]ast.Node {
	var pairs map[ast.Node]ast.Node
	var open []*ast.RawHTML
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		c, ok := ch.(*ast.RawHTML)
		if !ok || c.Segments.Len() == 0 {
			continue
		}
		m := rawMarkup(c, src)
		name := htmlName(m)
		switch {
		case !knownHTML(m) || strings.HasPrefix(m, "<!--") || htmlVoid[name] || strings.HasSuffix(m, "/>"):
		case !strings.HasPrefix(m, "</"):
			open = append(open, c)
		default:
			for i := len(open) - 1; i >= 0; i-- {
				o := open[i]
				if htmlName(rawMarkup(o, src)) == name {
					if pairs == nil {
						pairs = map[ast.Node]ast.Node{}
					}
					pairs[o], pairs[c] = o, o
					open = open[:i] // those opened inside and left open stay placeholders
					break
				}
			}
		}
	}
	return pairs
}

// rawMarkup is the source of inline HTML node c (which has segments).
func rawMarkup(c *ast.RawHTML, src string) string {
	return src[c.Segments.At(0).Start:c.Segments.At(c.Segments.Len()-1).Stop]
}

// htmlVoid are the elements of htmlElements that have no closing tag.
var htmlVoid = map[string]bool{"br": true, "img": true, "wbr": true}

// knownHTML reports whether m, inline HTML, is a tag of htmlElements or a
// comment.
func knownHTML(m string) bool {
	if strings.HasPrefix(m, "<!--") {
		return true
	}
	return htmlElements[htmlName(m)]
}

// htmlName is the lower-case element name of tag m ("<br/>" → "br").
func htmlName(m string) string {
	name := strings.ToLower(strings.TrimLeft(m, "</"))
	if i := strings.IndexAny(name, " \t\n/>"); i >= 0 {
		name = name[:i]
	}
	return name
}

// htmlCodeType is the type of an inline HTML tag ("<br>", "<em>").
func htmlCodeType(m string) CodeType {
	switch htmlName(m) {
	case "b", "strong":
		return CodeBold
	case "i", "em":
		return CodeItalic
	case "a":
		return CodeLink
	case "code", "kbd", "samp":
		return CodeCode
	case "br":
		return CodeBreak
	case "img":
		return CodeImage
	}
	return CodeOther
}

// RenderTagged writes text with its tags' markup (codes of one block)
// inserted: the inverse of reading. A tag whose code is unknown is left out.
func RenderTagged(text string, tags []Tag, codes []Code) string {
	return renderTags(text, tags, codes, false, false)
}

// LabelTagged writes text with its tags shown as labels (‹b1›…‹/b1›, see
// Code.Label): how the bilingual views show a tagged text.
func LabelTagged(text string, tags []Tag, codes []Code) string {
	return renderTags(text, tags, codes, true, false)
}

// renderTags writes text with each tag's markup, or its label. Writing
// markup, the space that stands after a spaced line break (Code.Spaced)
// is left out: the markup holds the line end. With escape, text is plain
// (Block.Plain) and its pieces are escaped for Markdown.
func renderTags(text string, tags []Tag, codes []Code, labels, escape bool) string {
	if len(tags) == 0 && !escape {
		return text
	}
	show := Code.Markup
	if labels {
		show = Code.Label
	}
	var out strings.Builder
	drop := false
	pieces := 0
	WalkTagged(text, tags, codes, func(s string) {
		if drop && s != "" {
			s, drop = strings.TrimPrefix(s, " "), false
		}
		if escape {
			s = mdEscape(s)
			if pieces < len(tags) { // a tag follows: "![" would be an image
				s = escapeBang(s)
			}
		}
		pieces++
		out.WriteString(s)
	}, func(t Tag, c Code) {
		out.WriteString(show(c, t.Kind))
		drop = drop || !labels && c.Spaced && t.Kind == TagPlaceholder
	})
	return out.String()
}

// WalkTagged walks text with its tags in order: piece for each run of text,
// tag for each tag whose code codes has (a tag out of order stands where
// the previous one was). Every writer of tagged text goes through it.
func WalkTagged(text string, tags []Tag, codes []Code, piece func(string), tag func(Tag, Code)) {
	blk := Block{Codes: codes}
	p := 0
	for _, t := range tags {
		at := min(max(t.At, p), len(text))
		piece(text[p:at])
		p = at
		if c, ok := blk.CodeByID(t.ID); ok {
			tag(t, c)
		}
	}
	piece(text[p:])
}

// ParseTargetMarkup reads target, a translation of segment s written with
// the article's inline markup (a schema 1 project's target, a paste), into
// plain text and tags on the codes of s's source: each code written in
// target must have the same markup as one of the source's (its wrapping
// pairs included; a wrapping pair written around the whole target is taken
// off). It reports false, when a code of target is not one of the
// source's; then target is returned as it is, without tags.
func (b *Block) ParseTargetMarkup(s *Segment, target string) (string, []Tag, bool) {
	plain, codes, tags := markdownInline(target, nil)
	if b.Plain {
		plain, tags = unescapeMarkdown(plain, tags)
	}
	if len(codes) == 0 {
		return plain, nil, true
	}
	avail := map[int]bool{}
	for _, t := range s.SourceTags {
		avail[t.ID] = true
	}
	for _, id := range s.Wrap {
		avail[id] = true
	}
	ids := make([]int, len(codes)+1) // parsed id → block id
	for _, pc := range codes {
		for _, c := range b.Codes {
			if avail[c.ID] && c.Pair == pc.Pair && c.Open == pc.Open && c.Close == pc.Close {
				ids[pc.ID] = c.ID
				delete(avail, c.ID)
				break
			}
		}
		if ids[pc.ID] == 0 {
			return target, nil, false
		}
	}
	out := make([]Tag, len(tags))
	for i, t := range tags {
		t.ID = ids[t.ID]
		out[i] = t
	}
	if wrap, rest := unwrap(out, len(plain)); len(wrap) > 0 && slices.Equal(wrap, s.Wrap) {
		out = rest
	}
	return plain, out, true
}
