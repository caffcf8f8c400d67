package segments

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// FormatHTML is a web page: its main article is extracted (Readability)
// and read as Markdown with inline codes; the translated document is
// written as Markdown.
const FormatHTML = "html"

// htmlArticle extracts the main article of page (a whole HTML document)
// with go-readability — title, byline, body; the page furniture (menus,
// share buttons, comments) left out — and returns its blocks, their inline
// formatting read into codes (readInline), and the page's language
// (<html lang>, "" when absent).
func htmlArticle(page []byte, name string) ([]rawBlock, string, error) {
	// page is already decoded (decode: UTF-8 or Windows-1252) and
	// normalised: readability.FromReader would guess its charset again
	// and, on a short page, take UTF-8 for Windows-1252 ("tÃªte").
	root, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return nil, "", fmt.Errorf("%s: reading the page: %w", name, err)
	}
	parser := readability.NewParser()
	art, err := parser.ParseAndMutate(root, nil)
	if err != nil {
		return nil, "", fmt.Errorf("%s: no article found in the page: %w", name, err)
	}
	if art.Node == nil {
		return nil, "", fmt.Errorf("%s: no article found in the page", name)
	}
	w := htmlWalker{}
	if t := strings.TrimSpace(art.Title()); t != "" {
		w.addInline(KindHeading, 1, []*html.Node{{Type: html.TextNode, Data: t}})
	}
	if b := strings.TrimSpace(art.Byline()); b != "" {
		w.addInline(KindParagraph, 0, []*html.Node{{Type: html.TextNode, Data: b}})
	}
	title := len(w.blocks)
	w.walk(art.Node, mdCtx{})
	// Readability keeps the article's own <h1> when it repeats the title.
	if title > 0 && len(w.blocks) > title && w.blocks[title].kind == KindHeading && w.blocks[title].text == w.blocks[0].text {
		w.blocks = append(w.blocks[:title], w.blocks[title+1:]...)
	}
	return w.blocks, art.Language(), nil
}

type htmlWalker struct {
	blocks []rawBlock
}

// addInline adds a block of the given kind and level made of inline
// nodes, read into plain text and codes (readInline).
func (w *htmlWalker) addInline(kind BlockKind, level int, nodes []*html.Node) {
	b := rawBlock{kind: kind, level: level}
	var md string
	md, b.text, b.codes, b.tags, b.plain = readInline(nodes)
	if strings.TrimSpace(strings.ReplaceAll(md, "<br>", "")) != "" { // a <br> alone is no paragraph
		w.blocks = append(w.blocks, b)
	}
}

// readInline writes the inline nodes of one block as Markdown (md), its
// emphasis as ** and *, and reads that into plain text, codes and tags.
// When that Markdown does not read back as the page's formatting
// (<b>(x)</b>y: CommonMark does not close a "**" between ")" and a
// letter; a literal "**" would be left in the text), the block's
// formatting is written as HTML tags instead, which read back as written.
// plain is false when neither reads: the block keeps its Markdown as text.
func readInline(nodes []*html.Node) (md, text string, codes []Code, tags []Tag, plain bool) {
	md = escapeBlockStart(Normalize(inlineWriter{}.markdown(nodes)))
	if text, codes, tags, plain = htmlInline(md); plain {
		return md, text, codes, tags, true
	}
	md = escapeBlockStart(Normalize(inlineWriter{tags: true}.markdown(nodes)))
	text, codes, tags, plain = htmlInline(md)
	return md, text, codes, tags, plain
}

// htmlInline reads md, Markdown written by inlineWriter (or by
// Block.SourceMarkup for a plain block), into plain text — the page's
// characters, without Markdown's escapes — codes and tags. plain is false
// when md does not read, or leaves one of its delimiters unpaired: then
// text is md.
func htmlInline(md string) (text string, codes []Code, tags []Tag, plain bool) {
	text, codes, tags, ok := markdownInlineOK(md, nil)
	if !ok || bareMarkup(text) {
		return md, nil, nil, false
	}
	text, tags = unescapeMarkdown(text, tags)
	return text, codes, tags, true
}

// walk turns the block elements under n into blocks.
func (w *htmlWalker) walk(n *html.Node, c mdCtx) {
	var inline []*html.Node // inline content met directly in a container
	flush := func() {
		if len(inline) > 0 {
			w.addInline(textKind(c), c.depth, inline)
			inline = inline[:0]
		}
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type != html.ElementNode || !isBlockElement(ch.DataAtom) {
			inline = append(inline, ch)
			continue
		}
		flush()
		switch ch.DataAtom {
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			level, _ := strconv.Atoi(ch.Data[1:])
			w.addInline(KindHeading, level, children(ch))
		case atom.P, atom.Figcaption, atom.Dt, atom.Dd, atom.Caption:
			w.addInline(textKind(c), c.depth, children(ch))
		case atom.Ul, atom.Ol:
			w.list(ch, c)
		case atom.Blockquote:
			w.walk(ch, mdCtx{quote: true, depth: c.depth})
		case atom.Pre:
			w.blocks = append(w.blocks, rawBlock{kind: KindCode, text: fence("", textOf(ch))})
		case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Nav, atom.Aside, atom.Footer, atom.Form, atom.Button:
			// page furniture readability may leave
		case atom.Hr:
			w.blocks = append(w.blocks, rawBlock{kind: KindCode, text: "---"})
		default:
			w.walk(ch, c)
		}
	}
	flush()
}

func (w *htmlWalker) list(l *html.Node, c mdCtx) {
	num := 1
	if s, err := strconv.Atoi(attr(l, "start")); err == nil {
		num = s
	}
	for it := l.FirstChild; it != nil; it = it.NextSibling {
		if it.Type != html.ElementNode || it.DataAtom != atom.Li {
			continue
		}
		marker := "-"
		if l.DataAtom == atom.Ol {
			marker = strconv.Itoa(num) + "."
			num++
		}
		first := len(w.blocks)
		w.walk(it, mdCtx{quote: c.quote, depth: c.depth + 1})
		if first < len(w.blocks) && w.blocks[first].marker == "" {
			w.blocks[first].marker = marker
		}
	}
}

// isBlockElement reports whether elements a start a block of their own.
func isBlockElement(a atom.Atom) bool {
	switch a {
	case atom.P, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Ul, atom.Ol, atom.Li,
		atom.Blockquote, atom.Pre, atom.Div, atom.Section, atom.Article, atom.Main, atom.Header,
		atom.Footer, atom.Nav, atom.Aside, atom.Figure, atom.Figcaption, atom.Table, atom.Thead,
		atom.Tbody, atom.Tr, atom.Td, atom.Th, atom.Dl, atom.Dt, atom.Dd, atom.Hr, atom.Form,
		atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Caption, atom.Details, atom.Summary:
		return true
	}
	return false
}

func children(n *html.Node) []*html.Node {
	var out []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		out = append(out, c)
	}
	return out
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// textOf is the text under n.
func textOf(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}

// bareMarkup reports whether text, read from Markdown written by
// inlineWriter, has an emphasis, link or code character that is not
// escaped: one of its own delimiters that did not pair.
func bareMarkup(text string) bool {
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\\':
			i++
		case '*', '_', '[', ']', '`':
			return true
		}
	}
	return false
}

// inlineWriter writes inline HTML nodes as Markdown (markdown).
type inlineWriter struct {
	tags bool     // emphasis and links as HTML tags (readInline)
	in   []string // the wraps (inlineWrap) of the enclosing elements
}

// markdown writes inline HTML nodes as one line of Markdown: strong
// and b as **…**, em and i as *…*, links as [text](href), code as a code
// span, images as ![alt](src), br as <br>, formatting Markdown has no
// syntax for (<u>, <sub>…) as HTML tags; other elements by their text.
// With tags, emphasis and links are HTML tags too (<b>…</b>, <a href>).
// Formatting that changes nothing (an empty <strong> </strong>) is dropped
// and so is an element inside one of the same effect (<b><b>x</b></b>);
// adjacent elements with the same effect are merged.
func (w inlineWriter) markdown(nodes []*html.Node) string {
	var b strings.Builder
	for i := 0; i < len(nodes); i++ {
		n := nodes[i]
		// Merge <em>a</em><em>b</em> into one.
		group := []*html.Node{n}
		for i+1 < len(nodes) && sameEffect(n, nodes[i+1]) {
			i++
			group = append(group, nodes[i])
		}
		w.write(&b, n, group)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func sameEffect(a, b *html.Node) bool {
	return a.Type == html.ElementNode && b.Type == html.ElementNode && inlineWrap(a) != "" &&
		inlineWrap(a) == inlineWrap(b) && attr(a, "href") == attr(b, "href")
}

// inlineWrap is the Markdown delimiter of an emphasis element, "link" for
// a link, the opening HTML tag ("<u>") of a formatting element Markdown
// has no syntax for, "" otherwise.
func inlineWrap(n *html.Node) string {
	switch n.DataAtom {
	case atom.U, atom.S, atom.Del, atom.Ins, atom.Sub, atom.Sup, atom.Mark:
		return "<" + n.Data + ">"
	case atom.Strong, atom.B:
		return "**"
	case atom.Em, atom.I:
		return "*"
	case atom.A:
		if attr(n, "href") != "" {
			return "link"
		}
	}
	return ""
}

func (w inlineWriter) write(b *strings.Builder, n *html.Node, group []*html.Node) {
	var inner []*html.Node
	for _, g := range group {
		inner = append(inner, children(g)...)
	}
	switch {
	case n.Type == html.TextNode:
		b.WriteString(escapeBang(mdEscape(n.Data)))
		return
	case n.Type != html.ElementNode:
		return
	}
	switch n.DataAtom {
	case atom.Br:
		b.WriteString("<br>")
	case atom.Img:
		if src := attr(n, "src"); src != "" {
			fmt.Fprintf(b, "![%s](<%s>)", mdEscape(attr(n, "alt")), mdDest(src))
		}
	case atom.Code, atom.Kbd, atom.Samp, atom.Tt:
		if t := textOf(n); strings.TrimSpace(t) != "" {
			b.WriteString(codeSpan(strings.Join(strings.Fields(t), " ")))
		}
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Button:
	default:
		wrap := inlineWrap(n)
		if wrap != "link" && slices.Contains(w.in, wrap) {
			wrap = "" // <b> inside <b> changes nothing
		}
		sub := w
		if wrap != "" {
			sub.in = append(slices.Clip(w.in), wrap)
		}
		text := sub.markdown(inner)
		// markdown collapsed the spaces: keep one at each end.
		lead, trail := "", ""
		if t := textOf(n); t != strings.TrimLeft(t, " \t\n") {
			lead = " "
		}
		if t := textOf(group[len(group)-1]); t != strings.TrimRight(t, " \t\n") {
			trail = " "
		}
		core := strings.TrimSpace(text)
		switch {
		case wrap == "" || core == "":
			b.WriteString(lead + core + trail) // formatting that changes nothing
		case wrap == "link" && w.tags:
			fmt.Fprintf(b, `%s<a href="%s">%s</a>%s`, lead, htmlAttr.Replace(attr(n, "href")), core, trail)
		case wrap == "link":
			fmt.Fprintf(b, "%s[%s](<%s>)%s", lead, core, mdDest(attr(n, "href")), trail)
		case w.tags || strings.HasPrefix(wrap, "<"):
			fmt.Fprintf(b, "%s<%s>%s</%s>%s", lead, n.Data, core, n.Data, trail)
		default:
			fmt.Fprintf(b, "%s%s%s%s%s", lead, wrap, core, wrap, trail)
		}
	}
}

// mdDest writes a URL as the inside of a Markdown link destination in
// angle brackets, which holds no angle bracket and no line end.
func mdDest(u string) string { return destReplacer.Replace(u) }

// destReplacer is built once: a Replacer builds its tables on first use.
var destReplacer = strings.NewReplacer("<", "%3C", ">", "%3E", "\n", "%0A", "\r", "%0D")

// htmlAttr writes a URL as a double-quoted attribute value on one line.
var htmlAttr = strings.NewReplacer(`"`, "%22", "\n", "%0A", "\r", "%0D")

// codeSpan writes s as a Markdown code span, its fence longer than any
// backtick run inside.
func codeSpan(s string) string {
	f := strings.Repeat("`", strings.Count(s, "`")+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		return f + " " + s + " " + f
	}
	return f + s + f
}
