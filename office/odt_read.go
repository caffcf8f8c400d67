package office

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/trad-project/trad/segments"
)

// odtStyle is an automatic text style: its properties (attributes of
// <style:text-properties>, as written) and parent.
type odtStyle struct {
	props  []xml.Attr
	parent string
}

// odtPart is what the .odt writer needs of a part besides its paragraphs.
type odtPart struct {
	styles map[string]odtStyle // automatic text styles
	// autoEnd is where new automatic styles go: the start of
	// </office:automatic-styles>, or the whole <office:automatic-styles/>
	// when empty (autoSelf); -1 when the part has none.
	autoEnd  span
	autoSelf bool
	tracked  span // <text:tracked-changes> to remove (changes accepted)
	// Set by the writer.
	lang  string
	defs  []string
	names map[string]string
	mark  int
}

// noiseProps are the text properties that do not change how text looks:
// revision ids and language marks.
var noiseProps = map[string]bool{
	"rsid": true, "paragraph-rsid": true, "language": true, "country": true, "script": true,
	"language-asian": true, "country-asian": true, "language-complex": true, "country-complex": true,
	"rfc-language-tag": true, "rfc-language-tag-asian": true, "rfc-language-tag-complex": true,
}

// odtReader reads the paragraphs of one OpenDocument part.
type odtReader struct {
	t         *tokens
	opts      Options
	part      int
	paras     *[]*para
	info      *odtPart
	listDepth int
	cur       *para
}

// readODT reads content.xml and styles.xml.
func (d *document) readODT(opts Options, bare bool) ([]*para, error) {
	var all []*para
	for _, part := range d.pkg.odtParts() {
		d.parts = append(d.parts, part)
		d.odt = append(d.odt, odtPart{styles: map[string]odtStyle{}, autoEnd: span{-1, -1}, tracked: span{-1, -1}})
		r := &odtReader{opts: opts, part: len(d.parts) - 1, paras: &all, info: &d.odt[len(d.odt)-1]}
		if err := d.readText(part, bare, func(t *tokens) error { r.t = t; return r.read() }); err != nil {
			return nil, err
		}
	}
	return all, nil
}

// read reads the part (r.t).
func (r *odtReader) read() error {
	t := r.t
	for {
		t.forget() // outside paragraphs: no code's markup starts before
		err := t.next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if t.kind == tokEnd && t.name == "text:list" {
			r.listDepth--
		}
		if t.kind != tokStart {
			continue
		}
		switch t.name {
		case "office:automatic-styles":
			if err := r.autoStyles(); err != nil {
				return err
			}
		case "text:tracked-changes":
			if !r.opts.AcceptChanges {
				return fmt.Errorf("%s: %w: accept or reject them in LibreOffice first (Edit > Track Changes > Manage), or read it with --accept-changes",
					t.where(), ErrTrackedChanges)
			}
			lo := t.lo
			if err := t.skip(); err != nil {
				return err
			}
			r.info.tracked = span{lo, t.hi}
		case "text:list":
			r.listDepth++ // <text:list/> too: its end token follows
		case "text:p", "text:h":
			if err := r.paragraph(); err != nil {
				return err
			}
		case "office:annotation":
			if !r.opts.Comments {
				if err := t.skip(); err != nil {
					return err
				}
			}
		}
	}
}

// autoStyles reads <office:automatic-styles> (current token): the text
// styles, and where new ones go.
func (r *odtReader) autoStyles() error {
	t := r.t
	if t.self {
		r.info.autoEnd, r.info.autoSelf = span{t.lo, t.hi}, true
		return t.next()
	}
	name := ""
	err := t.children(func() error {
		if t.kind != tokStart {
			return nil
		}
		switch t.name {
		case "style:style":
			name = ""
			if t.attr("style:family") == "text" {
				name = t.attr("style:name")
				r.info.styles[name] = odtStyle{parent: t.attr("style:parent-style-name")}
			}
		case "style:text-properties":
			if s, ok := r.info.styles[name]; ok && name != "" {
				s.props = append([]xml.Attr(nil), t.attrs...)
				r.info.styles[name] = s
			}
		}
		return nil
	})
	r.info.autoEnd = span{t.lo, t.lo}
	return err
}

// styleFormat returns the key and code type of text style name.
func (r *odtReader) styleFormat(name string) (key string, typ segments.CodeType) {
	if name == "" {
		return "", segments.CodeOther
	}
	s, ok := r.info.styles[name]
	if !ok { // a common style: its name says what it does
		low := strings.ToLower(name)
		typ = segments.CodeOther
		switch {
		case strings.Contains(low, "strong"):
			typ = segments.CodeBold
		case strings.Contains(low, "emphasis"):
			typ = segments.CodeItalic
		}
		return "style=" + name, typ
	}
	var parts []string
	typ = segments.CodeOther
	bold, italic := false, false
	for _, a := range s.props {
		if a.Name.Space == "xmlns" || noiseProps[a.Name.Local] || a.Value == "normal" || a.Value == "none" {
			continue // noise, or a property turned off (as the paragraph has it)
		}
		switch a.Name.Local {
		case "font-weight":
			bold = a.Value == "bold" || a.Value >= "600" && a.Value <= "900"
		case "font-style":
			italic = a.Value == "italic" || a.Value == "oblique"
		}
		parts = append(parts, a.Name.Local+"="+a.Value)
	}
	sort.Strings(parts)
	if s.parent != "" {
		parts = append(parts, "parent="+s.parent)
	}
	switch {
	case bold:
		typ = segments.CodeBold
	case italic:
		typ = segments.CodeItalic
	}
	return strings.Join(parts, ";"), typ
}

// paragraph reads a <text:p> or <text:h> (the current token).
func (r *odtReader) paragraph() error {
	t := r.t
	if t.self {
		return t.next()
	}
	p := &para{part: r.part, kind: segments.KindParagraph, body: span{t.hi, t.hi}, odt: true, bare: t.bare}
	if t.name == "text:h" {
		p.kind, p.level = segments.KindHeading, 1
		if n, err := strconv.Atoi(t.attr("text:outline-level")); err == nil && n >= 1 {
			p.level = min(n, 6)
		}
	} else if r.listDepth > 0 {
		p.kind, p.level, p.marker = segments.KindListItem, min(r.listDepth, 9), "-"
	}
	*r.paras = append(*r.paras, p)
	outer, depth := r.cur, r.listDepth
	r.cur, r.listDepth = p, 0
	defer func() { r.cur, r.listDepth = outer, depth }()
	if err := r.content(""); err != nil {
		return err
	}
	p.body.hi = t.lo
	p.build()
	return nil
}

// content reads the content of the current element as paragraph text in
// text style style.
func (r *odtReader) content(style string) error {
	t := r.t
	p := r.cur
	key, typ := r.styleFormat(style)
	return t.children(func() error {
		switch t.kind {
		case tokText:
			p.pieces = append(p.pieces, piece{kind: pText, text: segments.Normalize(collapseSpace(string(t.text))),
				key: key, fmt: style, typ: typ})
		case tokStart:
			return r.inline(style, key, typ)
		}
		return nil
	})
}

func spanMarkup(style string) string {
	if style == "" {
		return "<text:span>"
	}
	return `<text:span text:style-name="` + xmlAttr(style) + `">`
}

// inline reads one element of a paragraph (current start tag).
func (r *odtReader) inline(style, key string, typ segments.CodeType) error {
	t := r.t
	p := r.cur
	switch t.name {
	case "text:span":
		if t.self {
			return t.next()
		}
		s := t.attr("text:style-name")
		if k, _ := r.styleFormat(s); k == "" {
			s = style // a span that changes nothing
		}
		return r.content(s)
	case "text:a":
		if t.self {
			return t.next()
		}
		lo, hi := t.lo, t.hi
		p.pieces = append(p.pieces, piece{kind: pLinkOpen, raw: span{lo, hi}, close: "</text:a>", markupOpen: t.markup(lo, hi)})
		if err := r.content(style); err != nil {
			return err
		}
		p.pieces = append(p.pieces, piece{kind: pLinkClose})
		return nil
	case "text:s":
		n := 1
		if c, err := strconv.Atoi(t.attr("text:c")); err == nil && c > 1 {
			n = min(c, 1000)
		}
		p.pieces = append(p.pieces, piece{kind: pText, text: strings.Repeat(" ", n), key: key, fmt: style, typ: typ})
		return t.skip()
	case "text:soft-page-break", "text:change-start", "text:change-end", "text:change":
		if strings.HasPrefix(t.name, "text:change") {
			p.changes = true
		}
		return t.skip() // noise, or accepted changes
	case "office:annotation":
		if !r.opts.Comments {
			return r.placeholder(segments.CodeOther, true)
		}
	case "text:line-break":
		return r.placeholder(segments.CodeBreak, false)
	case "draw:frame", "draw:a":
		return r.placeholder(segments.CodeImage, false)
	}
	return r.placeholder(segments.CodeOther, false)
}

// placeholder keeps the current element as it is, reading the paragraphs
// inside it (notes, text boxes) as paragraphs of their own unless skip.
func (r *odtReader) placeholder(typ segments.CodeType, skip bool) error {
	t := r.t
	lo := t.lo
	var err error
	if skip {
		err = t.skip()
	} else {
		err = r.scan()
	}
	if err != nil {
		return err
	}
	r.cur.pieces = append(r.cur.pieces, piece{kind: pPh, raw: span{lo, t.hi}, typ: typ, markupOpen: t.markup(lo, t.hi)})
	return nil
}

// scan skips the current element, reading the paragraphs inside it.
func (r *odtReader) scan() error {
	t := r.t
	return t.children(func() error {
		switch {
		case t.kind == tokEnd && t.name == "text:list":
			r.listDepth--
		case t.kind != tokStart:
		case t.name == "text:p" || t.name == "text:h":
			return r.paragraph()
		case t.name == "text:list":
			r.listDepth++ // <text:list/> too: its end token follows
		}
		return nil
	})
}

// collapseSpace applies OpenDocument's white-space rule to a text node:
// each run of spaces, tabs and line ends is one space.
func collapseSpace(s string) string {
	if !strings.ContainsAny(s, "\t\n\r") && !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	sp := false
	for _, c := range s {
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			if !sp {
				b.WriteByte(' ')
			}
			sp = true
			continue
		}
		sp = false
		b.WriteRune(c)
	}
	return b.String()
}
