package segments

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// mdParser parses block structure only: inline Markdown (emphasis, links,
// code spans) stays as written inside the segment text, so no inline parser
// is registered. A goldmark Parser is safe for concurrent use.
var mdParser = parser.NewParser(
	parser.WithBlockParsers(parser.DefaultBlockParsers()...),
	parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
)

// tableDelim matches the delimiter row of a GFM table: | --- | :-: |.
var tableDelim = regexp.MustCompile(`^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?$`)

// markdownBlocks finds the blocks of Markdown source s (already normalised)
// with goldmark. Headings, paragraphs, list items and block quotes become
// text blocks holding their source with inline Markdown intact (soft line
// breaks become spaces); code blocks, HTML blocks, thematic breaks and YAML
// front matter become KindCode blocks whose Text is Markdown to write back
// verbatim. Table rows are blocks of their own with one segment per cell.
// Link reference definitions are collected in a final code block. Nesting
// beyond the limits of limitNesting is flattened first, as the report says.
// With tags, the inline Markdown of text blocks (not table rows) becomes
// codes beside plain text (markdownInline).
func markdownBlocks(s string, tags bool) ([]rawBlock, nestingReport) {
	var blocks []rawBlock
	s, nest := limitNesting(s)
	if fm, rest, ok := frontMatter(s); ok {
		blocks = append(blocks, rawBlock{kind: KindCode, info: "yaml", text: fm})
		s = rest
	}
	src := []byte(s)
	ctx := parser.NewContext()
	root := mdParser.Parse(text.NewReader(src), parser.WithContext(ctx))
	w := mdWalker{src: src, blocks: blocks}
	w.walk(root, mdCtx{})
	refs := ctx.References()
	for i := range w.blocks {
		b := &w.blocks[i]
		switch {
		case !tags || b.kind == KindCode:
		case b.table:
			b.text, b.codes, b.tags, b.cells = tableInline(b.text, refs)
		case b.inline != "":
			// Hard line breaks: codes when the inline Markdown reads.
			if text, codes, tt := markdownInline(b.inline, refs); codes != nil {
				b.text, b.codes, b.tags = text, codes, tt
			} else {
				b.text, b.codes, b.tags = markdownInline(b.text, refs)
			}
		default:
			b.text, b.codes, b.tags = markdownInline(b.text, refs)
		}
		b.inline = ""
	}
	if len(refs) > 0 {
		lines := make([]string, 0, len(refs))
		for _, r := range refs {
			l := fmt.Sprintf("[%s]: <%s>", r.Label(), r.Destination())
			if t := r.Title(); len(t) > 0 {
				l += fmt.Sprintf(" %q", t)
			}
			lines = append(lines, l)
		}
		sort.Strings(lines)
		w.blocks = append(w.blocks, rawBlock{kind: KindCode, text: strings.Join(lines, "\n")})
	}
	return w.blocks, nest
}

// frontMatter splits a leading YAML front matter block ("---" … "---") off s.
func frontMatter(s string) (fm, rest string, ok bool) {
	if !strings.HasPrefix(s, "---\n") {
		return "", s, false
	}
	for i := 4; i < len(s); {
		j := strings.IndexByte(s[i:], '\n')
		line := s[i:]
		if j >= 0 {
			line = s[i : i+j]
		}
		if line == "---" || line == "..." {
			end := i + len(line)
			return s[:end], strings.TrimPrefix(s[end:], "\n"), true
		}
		if j < 0 {
			break
		}
		i += j + 1
	}
	return "", s, false
}

// mdCtx is where the walker is in the container tree.
type mdCtx struct {
	quote bool // inside a block quote
	depth int  // list nesting depth
}

type mdWalker struct {
	src    []byte
	blocks []rawBlock
}

func (w *mdWalker) walk(n ast.Node, c mdCtx) {
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch ch := ch.(type) {
		case *ast.Heading:
			text, _ := w.join(ch.Lines())
			w.add(rawBlock{kind: KindHeading, level: ch.Level, text: text})
		case *ast.Paragraph, *ast.TextBlock:
			w.paragraph(ch, c)
		case *ast.List:
			w.list(ch, c)
		case *ast.Blockquote:
			w.walk(ch, mdCtx{quote: true, depth: c.depth})
		case *ast.FencedCodeBlock:
			info := ""
			if ch.Info != nil {
				info = strings.TrimSpace(string(ch.Info.Value(w.src)))
			}
			lang := info
			if i := strings.IndexAny(lang, " {"); i >= 0 {
				lang = lang[:i]
			}
			w.add(rawBlock{kind: KindCode, info: lang, text: fence(info, w.raw(ch.Lines()))})
		case *ast.CodeBlock:
			w.add(rawBlock{kind: KindCode, text: fence("", w.raw(ch.Lines()))})
		case *ast.HTMLBlock:
			raw := w.raw(ch.Lines())
			if ch.HasClosure() {
				raw += string(ch.ClosureLine.Value(w.src))
			}
			w.add(rawBlock{kind: KindCode, text: strings.TrimRight(raw, "\n")})
		case *ast.ThematicBreak:
			w.add(rawBlock{kind: KindCode, text: "---"})
		default:
			w.walk(ch, c)
		}
	}
}

func (w *mdWalker) add(b rawBlock) { w.blocks = append(w.blocks, b) }

// textKind is the kind of a paragraph in context c.
func textKind(c mdCtx) BlockKind {
	switch {
	case c.depth > 0:
		return KindListItem
	case c.quote:
		return KindQuote
	}
	return KindParagraph
}

func (w *mdWalker) paragraph(n ast.Node, c mdCtx) {
	lines := n.Lines()
	kind := textKind(c)
	if lines.Len() >= 2 {
		first := strings.TrimSpace(w.line(lines, 0))
		delim := strings.TrimSpace(w.line(lines, 1))
		if strings.Contains(first, "|") && strings.Contains(delim, "-") && tableDelim.MatchString(delim) {
			for i := 0; i < lines.Len(); i++ {
				row := strings.TrimSpace(w.line(lines, i))
				if i == 1 {
					w.add(rawBlock{kind: KindCode, info: "table", text: row})
					continue
				}
				w.add(rawBlock{kind: kind, level: c.depth, info: "table", text: row, table: true})
			}
			return
		}
	}
	text, inline := w.join(lines)
	w.add(rawBlock{kind: kind, level: c.depth, text: text, inline: inline})
}

func (w *mdWalker) list(l *ast.List, c mdCtx) {
	num := l.Start
	for it := l.FirstChild(); it != nil; it = it.NextSibling() {
		marker := string(l.Marker)
		if l.IsOrdered() {
			marker = fmt.Sprintf("%d%c", num, l.Marker)
			num++
		}
		first := len(w.blocks)
		w.walk(it, mdCtx{quote: c.quote, depth: c.depth + 1})
		if first < len(w.blocks) {
			b := &w.blocks[first]
			if _, nested := it.FirstChild().(*ast.List); nested && b.marker != "" {
				// An item whose first content is a list ("- - item"): its
				// marker goes before the nested item's, as on the line, so
				// the empty ancestor is written back.
				if b.kind == KindCode && b.text == b.marker {
					b.text = marker + " " + b.text
				}
				b.marker = marker + " " + b.marker
			} else {
				b.marker = marker
			}
		} else {
			// An empty item ("-" alone) keeps its place in the list.
			w.add(rawBlock{kind: KindCode, marker: marker, level: c.depth + 1, text: marker})
		}
	}
}

// join returns the text of a paragraph's lines: each line trimmed, a hard
// line break's backslash dropped, lines joined by one space. When the
// paragraph has hard line breaks, inline is its Markdown with them kept
// (the trailing spaces or backslash, and the line end), which reading
// with tags turns into line-break codes; "" otherwise.
func (w *mdWalker) join(lines *text.Segments) (joined, inline string) {
	if lines.Len() == 1 {
		return strings.TrimSpace(w.line(lines, 0)), ""
	}
	var b, in strings.Builder
	hard := false
	for i := 0; i < lines.Len(); i++ {
		raw := strings.TrimRight(w.line(lines, i), "\n")
		l := strings.TrimSpace(raw)
		brk := ""
		if i < lines.Len()-1 && l != "" {
			switch {
			case strings.HasSuffix(l, `\`) && (len(l)-len(strings.TrimRight(l, `\`)))%2 == 1:
				brk = `\`
				l = strings.TrimRight(l[:len(l)-1], " ")
			case strings.HasSuffix(raw, "  "):
				brk = raw[len(strings.TrimRight(raw, " ")):]
			}
		}
		if l == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
			if !strings.HasSuffix(in.String(), "\n") {
				in.WriteByte(' ')
			}
		}
		b.WriteString(l)
		if lt := strings.TrimLeft(raw, " "); brk != "" {
			hard = true
			in.WriteString(lt + "\n") // the break as written
		} else {
			in.WriteString(strings.TrimRight(lt, " "))
		}
	}
	if !hard {
		return b.String(), ""
	}
	return b.String(), strings.TrimSuffix(in.String(), "\n")
}

// line returns line i of lines as a string.
func (w *mdWalker) line(lines *text.Segments, i int) string {
	seg := lines.At(i)
	return string(seg.Value(w.src))
}

// raw returns the lines verbatim, newlines included.
func (w *mdWalker) raw(lines *text.Segments) string {
	var b bytes.Buffer
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(w.src))
	}
	return b.String()
}

// fence wraps code in a backtick fence longer than any backtick run in it.
func fence(info, code string) string {
	n, run := 3, 0
	for i := 0; i < len(code); i++ {
		if code[i] == '`' {
			run++
			n = max(n, run+1)
		} else {
			run = 0
		}
	}
	f := strings.Repeat("`", n)
	if code != "" && !strings.HasSuffix(code, "\n") {
		code += "\n"
	}
	return f + info + "\n" + code + f
}

// tableInline reads the inline Markdown of a table row's cells, each on
// its own (a pair never crosses a cell), into the row's plain text (the
// pipes and spaces between the cells as written), its codes, their tags
// and the cells' spans in it. A cell whose markup cannot be read keeps it
// in the text (markdownInline).
func tableInline(row string, refs []parser.Reference) (string, []Code, []Tag, []Span) {
	var (
		out   strings.Builder
		codes []Code
		tags  []Tag
		cells []Span
	)
	prev := 0
	for _, sp := range cellSpans(row) {
		out.WriteString(row[prev:sp.Start])
		plain, cc, tt := markdownInline(row[sp.Start:sp.End], refs)
		base, at := len(codes), out.Len()
		for _, c := range cc {
			c.ID += base
			codes = append(codes, c)
		}
		for _, t := range tt {
			t.ID += base
			t.At += at
			tags = append(tags, t)
		}
		out.WriteString(plain)
		// Trimmed as cellSpans trims: tags beyond go to the cell
		// (segmentTags).
		lead := len(plain) - len(strings.TrimLeft(plain, " "))
		if trimmed := strings.Trim(plain, " "); trimmed != "" {
			cells = append(cells, Span{at + lead, at + lead + len(trimmed)})
		}
		prev = sp.End
	}
	out.WriteString(row[prev:])
	if len(codes) == 0 {
		return row, nil, nil, nil
	}
	return out.String(), codes, tags, cells
}
