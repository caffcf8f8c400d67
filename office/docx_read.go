package office

import (
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/trad-project/trad/segments"
)

// ErrTrackedChanges is wrapped by the error for a document with tracked
// changes read without Options.AcceptChanges.
var ErrTrackedChanges = errors.New("the document has tracked changes")

// docxReader reads the paragraphs of one WordprocessingML part.
type docxReader struct {
	t      *tokens
	opts   Options
	part   int
	paras  *[]*para
	styles map[string]int // paragraph style id → heading level
	goBack map[string]bool
	// A complex field (fldChar begin … end) is one placeholder: where it
	// started and how deep the fields nest.
	fieldLo, fieldDepth int
	cur                 *para
	links               map[string]string // hyperlink relationship id → URL
	// Buffers reused for each run (its properties' key and XML).
	keyBuf, cleanBuf []byte
}

// readDOCX reads the text parts of a .docx.
func (d *document) readDOCX(opts Options, bare bool) ([]*para, error) {
	p := d.pkg
	styles := map[string]int{}
	if p.files["word/styles.xml"] != nil {
		src, err := p.read("word/styles.xml")
		if err != nil {
			return nil, err
		}
		if styles, err = docxHeadingStyles(src, p.name+": word/styles.xml"); err != nil {
			return nil, err
		}
	}
	var all []*para
	for _, part := range p.docxParts(opts.Comments) {
		d.parts = append(d.parts, part)
		r := &docxReader{opts: opts, part: len(d.parts) - 1, paras: &all, styles: styles, goBack: map[string]bool{}}
		// The links' URLs, shown to the translator (the writer needs none).
		if rels := path.Dir(part) + "/_rels/" + path.Base(part) + ".rels"; !bare && p.files[rels] != nil {
			src, err := p.read(rels)
			if err != nil {
				return nil, err
			}
			if r.links, err = docxLinks(src, p.name+": "+rels); err != nil {
				return nil, err
			}
		}
		if err := d.readText(part, bare, func(t *tokens) error { r.t = t; return r.read() }); err != nil {
			return nil, err
		}
	}
	return all, nil
}

// read appends the paragraphs of the part (r.t) to r.paras.
func (r *docxReader) read() error {
	for {
		err := r.t.next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if r.t.kind == tokStart {
			if err := r.container(); err != nil {
				return err
			}
		}
		r.t.forget() // outside paragraphs: no code's markup starts before
	}
}

// container handles a start tag met outside paragraphs.
func (r *docxReader) container() error {
	t := r.t
	switch t.name {
	case "w:p":
		return r.paragraph()
	case "mc:Fallback":
		// The same content as mc:Choice for older readers (a text box
		// twice): read once.
		return t.skip()
	case "w:footnote", "w:endnote":
		if typ := t.attr("w:type"); typ != "" && typ != "normal" {
			return t.skip() // separators
		}
	}
	return nil
}

// paragraph reads a <w:p> (the current token) and its nested paragraphs
// (text boxes).
func (r *docxReader) paragraph() error {
	t := r.t
	if t.self {
		return t.next()
	}
	p := &para{part: r.part, kind: segments.KindParagraph, bare: t.bare}
	p.body = span{t.hi, t.hi}
	*r.paras = append(*r.paras, p) // before its text boxes' paragraphs
	outer, fieldLo, fieldDepth := r.cur, r.fieldLo, r.fieldDepth
	r.cur, r.fieldDepth = p, 0
	defer func() { r.cur, r.fieldLo, r.fieldDepth = outer, fieldLo, fieldDepth }()
	err := t.children(func() error {
		switch {
		case t.kind != tokStart:
			return nil
		case t.name == "w:pPr":
			err := r.paraProps(p)
			p.body.lo = t.hi
			return err
		}
		return r.inline()
	})
	if err != nil {
		return err
	}
	p.body.hi = t.lo
	if r.fieldDepth > 0 { // a field that goes on in the next paragraph
		p.pieces = append(p.pieces, piece{kind: pPh, raw: span{r.fieldLo, p.body.hi}, typ: segments.CodeOther,
			markupOpen: t.markup(r.fieldLo, p.body.hi)})
	}
	p.build()
	return nil
}

// paraProps reads <w:pPr>: the style (headings) and the numbering (lists).
func (r *docxReader) paraProps(p *para) error {
	t := r.t
	return t.children(func() error {
		if t.kind != tokStart {
			return nil
		}
		switch t.name {
		case "w:pStyle":
			if lvl := r.styles[t.attr("w:val")]; lvl > 0 && p.kind != segments.KindListItem {
				p.kind, p.level = segments.KindHeading, lvl
			}
		case "w:outlineLvl":
			if n, err := strconv.Atoi(t.attr("w:val")); err == nil && n >= 0 && n < 9 && p.kind == segments.KindParagraph {
				p.kind, p.level = segments.KindHeading, min(n+1, 6)
			}
		case "w:ilvl":
			if n, err := strconv.Atoi(t.attr("w:val")); err == nil && n >= 0 && n < 10 {
				p.level = n + 1
			}
		case "w:numId":
			// A numbered heading ("1. Introduction") stays a heading.
			if v := t.attr("w:val"); v != "" && v != "0" && p.kind != segments.KindHeading {
				p.kind, p.marker = segments.KindListItem, "-"
				p.level = max(p.level, 1)
			}
		case "w:pPrChange":
			if err := r.change(); err != nil {
				return err
			}
			return t.skip()
		case "w:rPr": // the paragraph mark's: inserted or deleted is a change
			return t.children(func() error {
				switch t.name {
				case "w:ins", "w:del", "w:moveFrom", "w:moveTo", "w:rPrChange":
					if t.kind == tokStart {
						return r.change()
					}
				}
				return nil
			})
		case "w:sectPr":
			return t.skip()
		}
		return nil
	})
}

// inline reads one element of a paragraph's content (current start tag).
func (r *docxReader) inline() error {
	t := r.t
	p := r.cur
	if r.fieldDepth > 0 && t.name != "w:r" {
		return r.scan() // part of the field's placeholder
	}
	switch t.name {
	case "w:r":
		return r.run()
	case "w:hyperlink":
		lo, hi := t.lo, t.hi
		if t.self {
			return t.next()
		}
		p.pieces = append(p.pieces, piece{kind: pLinkOpen, raw: span{lo, hi}, close: "</w:hyperlink>",
			markupOpen: r.linkMarkup(lo, hi)})
		if err := r.children(); err != nil {
			return err
		}
		p.pieces = append(p.pieces, piece{kind: pLinkClose})
		return nil
	case "w:ins", "w:moveTo":
		if err := r.change(); err != nil {
			return err
		}
		return r.children()
	case "w:del", "w:moveFrom":
		if err := r.change(); err != nil {
			return err
		}
		return t.skip()
	case "w:smartTag":
		return r.children()
	case "w:smartTagPr", "w:proofErr", "w:permStart", "w:permEnd", "w:moveFromRangeStart", "w:moveFromRangeEnd",
		"w:moveToRangeStart", "w:moveToRangeEnd":
		return t.skip() // noise
	case "w:bookmarkStart":
		if t.attr("w:name") == "_GoBack" { // where Word's cursor was
			r.goBack[t.attr("w:id")] = true
			return t.skip()
		}
	case "w:bookmarkEnd":
		if r.goBack[t.attr("w:id")] {
			return t.skip()
		}
	}
	// Anything else (bookmarks, comment ranges, equations, content
	// controls, simple fields) is kept as it is: a placeholder.
	lo := t.lo
	if err := r.scan(); err != nil {
		return err
	}
	p.pieces = append(p.pieces, piece{kind: pPh, raw: span{lo, t.hi}, typ: segments.CodeOther, markupOpen: t.markup(lo, t.hi)})
	return nil
}

// children reads the content of the current element as paragraph content.
func (r *docxReader) children() error {
	t := r.t
	return t.children(func() error {
		if t.kind == tokStart {
			return r.inline()
		}
		return nil
	})
}

// change handles a tracked change: refused unless accepted.
func (r *docxReader) change() error {
	if !r.opts.AcceptChanges {
		return fmt.Errorf("%s: %w (<%s>): accept or reject them in Word or LibreOffice first, or read it with --accept-changes",
			r.t.where(), ErrTrackedChanges, r.t.name)
	}
	r.cur.changes = true
	return nil
}

// scan skips the current element, reading the paragraphs of the text
// boxes inside it (a drawing, a shape) as paragraphs of their own.
func (r *docxReader) scan() error {
	t := r.t
	return t.children(func() error {
		if t.kind != tokStart {
			return nil
		}
		switch t.name {
		case "w:p":
			return r.paragraph()
		case "mc:Fallback":
			return t.skip()
		}
		return nil
	})
}

// linkMarkup is the markup of a <w:hyperlink> (the current token, bytes
// [lo, hi)): its start tag with an href attribute naming its URL, which
// the file keeps in the part's relationships, so that the editor can show
// it (segments.Code.URL) as it does for .odt and HTML links. The writer
// writes the link's bytes, not this markup.
func (r *docxReader) linkMarkup(lo, hi int) string {
	t := r.t
	m := t.markup(lo, hi)
	url, anchor := r.links[t.attr("r:id")], t.attr("w:anchor")
	if anchor != "" {
		url += "#" + anchor
	}
	if m == "" || url == "" || !strings.HasSuffix(m, ">") {
		return m
	}
	return m[:len(m)-1] + ` href="` + xmlAttr(url) + `">`
}
