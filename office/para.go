package office

import (
	"strings"
	"unicode"

	"github.com/trad-project/trad/segments"
)

// A paragraph is read as a list of pieces (text with its formatting,
// placeholders, link ends) and turned into plain text with codes: the
// paragraph's most used formatting is its base, a stretch of text with
// another formatting is a pair code, a link a pair, everything else a
// placeholder. Adjacent pieces with the same formatting (runs split by
// spell checking or revision ids) are one stretch.

type pieceKind uint8

const (
	pText pieceKind = iota
	pPh
	pLinkOpen
	pLinkClose
)

// span is a byte range [lo, hi) of a part.
type span struct{ lo, hi int }

type piece struct {
	kind pieceKind
	text string // pText: the text (normalised)
	// key is the formatting without its noise (revision ids, language):
	// what decides whether two runs look the same. fmt is how the writer
	// formats a new run like it (.docx: the cleaned <w:rPr>; .odt: the
	// style name).
	key, fmt string
	// Placeholders and link starts: their bytes in the part, with a prefix
	// and a suffix written around them (a <w:r><w:rPr> for a break taken
	// out of its run). close is a link's end tag.
	raw        span
	pre, post  string
	close      string
	typ        segments.CodeType
	markupOpen string // the code's markup shown to the translator
}

// codeInfo is what the writer needs of a code besides its markup.
type codeInfo struct {
	format    bool   // a format pair (not a link, not a placeholder)
	key       string // a format pair's formatting key (piece.key)
	fmt       string // a format pair's or a link's formatting
	raw       span
	pre, post string
	close     string
	link      bool
}

// para is a paragraph found in a part: its place and its content.
type para struct {
	part   int  // index in the document's parts
	body   span // the content the writer replaces (between <w:pPr> and </w:p>)
	kind   segments.BlockKind
	level  int
	marker string
	odt    bool // an OpenDocument paragraph (else WordprocessingML)
	bare   bool // read for writing: the codes' markup is left empty
	// changes is set when tracked changes were accepted in it: the writer
	// rewrites it even untranslated, so the document reads as accepted.
	changes bool
	pieces  []piece

	text   string
	codes  []segments.Code // none when bare
	ncodes int
	tags   []segments.Tag
	info   []codeInfo
	base   format // formatting of the text outside every code
}

// build turns p.pieces into text, codes and tags.
func (p *para) build() {
	base := baseFormat(p.pieces)
	p.base = base
	var text strings.Builder
	fmtCode, linkCode := 0, 0 // open codes (IDs), 0 for none
	linkFmt, linkKey := "", ""
	ctxKey := func() string {
		if linkCode != 0 {
			return linkKey
		}
		return base.key
	}
	closeFmt := func() {
		if fmtCode != 0 {
			p.tags = append(p.tags, segments.Tag{At: text.Len(), ID: fmtCode, Kind: segments.TagClose})
			fmtCode = 0
		}
	}
	addCode := func(c segments.Code, ci codeInfo) int {
		p.ncodes++
		c.ID = p.ncodes
		p.info = append(p.info, ci)
		// The writer holds every paragraph and needs only the number of
		// codes (their markup is the bytes).
		if p.bare {
			return c.ID
		}
		// The markup is shown in the editor and written in exports: cleaned
		// like any text from outside.
		c.Open, c.Close = segments.Normalize(c.Open), segments.Normalize(c.Close)
		p.codes = append(p.codes, c)
		return c.ID
	}
	for i, pc := range p.pieces {
		switch pc.kind {
		case pText:
			if pc.text == "" {
				continue
			}
			key := pc.key
			if isBlank(pc.text) && fmtCode == 0 {
				key = ctxKey() // formatting on spaces only changes nothing worth a tag
			}
			if key != ctxKey() {
				if fmtCode == 0 || p.info[fmtCode-1].key != key {
					closeFmt()
					open, close := "", ""
					if !p.bare {
						open, close = p.formatMarkup(pc.fmt)
					}
					fmtCode = addCode(segments.Code{Type: pc.typ, Pair: true, Open: open, Close: close}, codeInfo{format: true, key: key, fmt: pc.fmt})
					p.tags = append(p.tags, segments.Tag{At: text.Len(), ID: fmtCode, Kind: segments.TagOpen})
				}
			} else {
				closeFmt()
			}
			text.WriteString(pc.text)
		case pPh:
			id := addCode(segments.Code{Type: pc.typ, Open: pc.markupOpen},
				codeInfo{raw: pc.raw, pre: pc.pre, post: pc.post})
			p.tags = append(p.tags, segments.Tag{At: text.Len(), ID: id, Kind: segments.TagPlaceholder})
		case pLinkOpen:
			closeFmt()
			if linkCode != 0 {
				p.tags = append(p.tags, segments.Tag{At: text.Len(), ID: linkCode, Kind: segments.TagClose})
			}
			linkKey, linkFmt = linkFormat(p.pieces[i+1:], base)
			linkCode = addCode(segments.Code{Type: segments.CodeLink, Pair: true, Open: pc.markupOpen, Close: pc.close},
				codeInfo{fmt: linkFmt, raw: pc.raw, close: pc.close, link: true})
			p.tags = append(p.tags, segments.Tag{At: text.Len(), ID: linkCode, Kind: segments.TagOpen})
		case pLinkClose:
			closeFmt()
			if linkCode != 0 {
				p.tags = append(p.tags, segments.Tag{At: text.Len(), ID: linkCode, Kind: segments.TagClose})
				linkCode = 0
			}
		}
	}
	closeFmt()
	if linkCode != 0 {
		p.tags = append(p.tags, segments.Tag{At: text.Len(), ID: linkCode, Kind: segments.TagClose})
	}
	p.text = text.String()
	p.pieces = nil
	p.dropEmptyPairs()
	if p.bare {
		p.tags = nil // the writer's are the project's
	} else {
		p.info = nil // for the writer only
	}
}

// formatMarkup is the markup of a format pair with formatting fmt: the
// run and its properties, or the span and its style.
func (p *para) formatMarkup(fmt string) (open, close string) {
	if p.odt {
		return spanMarkup(fmt), "</text:span>"
	}
	return "<w:r>" + fmt, "</w:r>"
}

// dropEmptyPairs removes the pairs that enclose no text (formatting that
// changes nothing), links excepted: their target is kept.
func (p *para) dropEmptyPairs() {
	keep := p.tags[:0]
	for i := 0; i < len(p.tags); i++ {
		t := p.tags[i]
		if t.Kind == segments.TagOpen && i+1 < len(p.tags) && p.tags[i+1].ID == t.ID &&
			p.tags[i+1].At == t.At && !p.info[t.ID-1].link {
			i++
			continue
		}
		keep = append(keep, t)
	}
	p.tags = keep
}

type format struct{ key, fmt string }

// baseFormat is the formatting of the text outside every code: the text
// with no formatting of its own when the paragraph has some, else the
// formatting of most of its text (outside links).
func baseFormat(pieces []piece) format {
	weight := map[string]int{}
	fmts := map[string]string{}
	var order []string
	inLink := 0
	for _, pc := range pieces {
		switch pc.kind {
		case pLinkOpen:
			inLink++
		case pLinkClose:
			inLink = max(inLink-1, 0)
		case pText:
			if inLink > 0 || isBlank(pc.text) {
				continue
			}
			if _, ok := weight[pc.key]; !ok {
				order = append(order, pc.key)
				fmts[pc.key] = pc.fmt
			}
			weight[pc.key] += len(pc.text)
		}
	}
	if weight[""] > 0 {
		return format{key: "", fmt: fmts[""]}
	}
	best := format{}
	bw := -1
	for _, k := range order {
		if weight[k] > bw {
			best, bw = format{key: k, fmt: fmts[k]}, weight[k]
		}
	}
	if bw < 0 {
		for _, pc := range pieces {
			if pc.kind == pText {
				return format{key: pc.key, fmt: pc.fmt}
			}
		}
	}
	return best
}

// linkFormat is the formatting of a link's first text (its character
// style): text in the link with it gets no tag of its own.
func linkFormat(rest []piece, base format) (key, fmt string) {
	for _, pc := range rest {
		switch pc.kind {
		case pLinkClose, pLinkOpen:
			return base.key, base.fmt
		case pText:
			if !isBlank(pc.text) {
				return pc.key, pc.fmt
			}
		}
	}
	return base.key, base.fmt
}

func isBlank(s string) bool {
	return strings.TrimFunc(s, unicode.IsSpace) == ""
}

// block returns p as a block for segments.
func (p *para) block() segments.ExternalBlock {
	return segments.ExternalBlock{Kind: p.kind, Level: p.level, Marker: p.marker, Text: p.text, Codes: p.codes, Tags: p.tags}
}
