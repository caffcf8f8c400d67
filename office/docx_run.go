package office

import (
	"strings"

	"github.com/trad-project/trad/segments"
)

// runProps is a run's <w:rPr>: its key (formatting without noise), the
// cleaned XML new runs are given, and the code type it makes.
type runProps struct {
	key, fmt string
	typ      segments.CodeType
}

// run reads a <w:r> (the current token).
func (r *docxReader) run() error {
	t := r.t
	p := r.cur
	runLo := t.lo
	if t.self {
		return t.next()
	}
	inField := r.fieldDepth > 0
	// A field mark makes the whole run part of a placeholder: what the run
	// gave before it is taken back. A field end or separator with no begin
	// in this paragraph (a field over several paragraphs) is kept as a
	// placeholder of its own, or the field would lose its end.
	start, orphan := len(p.pieces), false
	var rp runProps
	err := t.children(func() error {
		if t.kind != tokStart {
			return nil
		}
		if t.name == "w:fldChar" {
			switch typ := t.attr("w:fldCharType"); {
			case typ == "begin" && r.fieldDepth == 0 && !orphan:
				r.fieldLo, inField = runLo, true
				p.pieces = p.pieces[:start]
				r.fieldDepth++
			case typ == "begin":
				r.fieldDepth++
			case !inField:
				orphan = true
				p.pieces = p.pieces[:start]
			case typ == "end":
				r.fieldDepth = max(r.fieldDepth-1, 0)
			}
			return t.skip()
		}
		if inField || orphan {
			return r.scan()
		}
		return r.runChild(&rp)
	})
	if err != nil {
		return err
	}
	switch {
	case orphan && !inField:
		p.pieces = append(p.pieces, piece{kind: pPh, raw: span{runLo, t.hi}, typ: segments.CodeOther,
			markupOpen: t.markup(runLo, t.hi)})
	case inField && r.fieldDepth == 0:
		p.pieces = append(p.pieces, piece{kind: pPh, raw: span{r.fieldLo, t.hi}, typ: segments.CodeOther,
			markupOpen: t.markup(r.fieldLo, t.hi)})
	}
	return nil
}

// runChild reads one child of a run outside fields.
func (r *docxReader) runChild(rp *runProps) error {
	t := r.t
	p := r.cur
	text := func(s string) {
		p.pieces = append(p.pieces, piece{kind: pText, text: segments.Normalize(s), key: rp.key, fmt: rp.fmt, typ: rp.typ})
	}
	ph := func(typ segments.CodeType) error {
		lo := t.lo
		if err := r.scan(); err != nil {
			return err
		}
		r.keyBuf = append(append(r.keyBuf[:0], "<w:r>"...), rp.fmt...)
		pre := t.str(r.keyBuf) // one copy per formatting, not per placeholder
		p.pieces = append(p.pieces, piece{kind: pPh, raw: span{lo, t.hi}, pre: pre, post: "</w:r>", typ: typ,
			markupOpen: pre + t.markup(lo, t.hi) + "</w:r>"})
		return nil
	}
	switch t.name {
	case "w:rPr":
		v, err := r.runProps()
		*rp = v
		return err
	case "w:t":
		s, err := r.textContent()
		if err == nil {
			text(s)
		}
		return err
	case "w:noBreakHyphen":
		text("\u2011")
		return t.skip()
	case "w:softHyphen", "w:lastRenderedPageBreak", "w:proofErr":
		return t.skip()
	case "w:br", "w:cr":
		if typ := t.attr("w:type"); typ == "page" || typ == "column" {
			return ph(segments.CodeOther)
		}
		return ph(segments.CodeBreak)
	case "w:drawing", "w:pict", "w:object", "mc:AlternateContent":
		return ph(segments.CodeImage)
	}
	return ph(segments.CodeOther) // tabs, note references, symbols…
}

// textContent reads the text of the current element.
func (r *docxReader) textContent() (string, error) {
	t := r.t
	if t.self {
		return "", t.next()
	}
	var b strings.Builder
	err := t.children(func() error {
		if t.kind == tokText {
			b.Write(t.text)
		}
		return nil
	})
	return b.String(), err
}

// runProps reads <w:rPr> (the current token). The key leaves out the
// noise Word and LibreOffice add (language marks, proofing, revision ids,
// tracked formatting changes); the cleaned XML leaves out the language and
// the tracked changes, so that the writer can set the target language.
func (r *docxReader) runProps() (runProps, error) {
	t := r.t
	lo := t.lo
	if t.self {
		return runProps{}, t.next()
	}
	key := r.keyBuf[:0]
	var cut []span
	bold, italic := false, false
	err := t.children(func() error {
		if t.kind != tokStart {
			return nil
		}
		switch t.name {
		case "w:lang", "w:rPrChange", "w:ins", "w:del":
			if t.name != "w:lang" {
				if err := r.change(); err != nil { // a tracked formatting change
					return err
				}
			}
			clo := t.lo
			err := t.skip()
			cut = append(cut, span{clo, t.hi})
			return err
		case "w:noProof", "w:webHidden":
			return nil
		}
		on := onValue(t.attr("w:val"))
		switch t.name {
		case "w:b":
			bold = on
		case "w:i":
			italic = on
		}
		key = append(key, t.name...)
		for _, a := range t.attrs {
			if strings.HasPrefix(a.Name.Local, "rsid") {
				continue
			}
			key = append(append(append(append(key, ' '), a.Name.Local...), '='), a.Value...)
		}
		key = append(key, ';')
		return nil
	})
	r.keyBuf = key
	if err != nil {
		return runProps{}, err
	}
	clean := r.cleanBuf[:0]
	pos := lo
	for _, c := range cut {
		clean = append(clean, t.src(pos, c.lo)...)
		pos = c.hi
	}
	clean = append(clean, t.src(pos, t.hi)...)
	r.cleanBuf = clean
	rp := runProps{key: t.str(key), fmt: t.str(clean), typ: segments.CodeOther}
	switch {
	case bold:
		rp.typ = segments.CodeBold
	case italic:
		rp.typ = segments.CodeItalic
	}
	if rp.key == "" {
		rp.fmt = "" // an empty <w:rPr></w:rPr>
	}
	return rp, nil
}

// onValue reads a WordprocessingML on/off value ("", "1", "true", "on").
func onValue(v string) bool {
	switch v {
	case "0", "false", "off":
		return false
	}
	return true
}
