package office

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
)

// tokens reads a part's XML one token at a time with the byte range of
// each token, names resolved to the canonical prefixes of the namespaces
// trad knows ("w:p", "text:span"), whatever prefixes the file declares.
// It uses encoding/xml's RawToken (no namespace rewriting, no copy of the
// tree): the writer splices bytes at these offsets, which is why office
// does not read through internal/xmlscan (the TMX, XLIFF and TBX readers'
// tokenizer, which gives end tags' offsets only); it escapes through
// xmlscan.Escape.
type tokens struct {
	d      *xml.Decoder
	win    *window // the part's bytes from the current paragraph on
	part   string
	scopes []nsScope // namespace declarations, innermost last
	depth  int
	// The current token: its kind, canonical name, attributes, text and
	// byte range [lo, hi) in the part.
	kind   tokKind
	name   string
	attrs  []xml.Attr
	text   []byte
	lo, hi int
	self   bool // a start tag written <x/> (its end token follows, empty)
	// bare skips the codes' markup (copies of the source bytes): the
	// writer's second reading needs only the offsets.
	bare bool
	strs map[string]string // str's strings
}

type tokKind uint8

const (
	tokStart tokKind = iota + 1
	tokEnd
	tokText
	tokOther
)

type nsScope struct {
	depth int
	m     map[string]string // prefix → URI
}

// canonPrefix maps the namespaces trad reads to the prefixes its code uses.
var canonPrefix = map[string]string{
	"http://schemas.openxmlformats.org/wordprocessingml/2006/main":        "w",
	"http://purl.oclc.org/ooxml/wordprocessingml/main":                    "w",
	"http://schemas.openxmlformats.org/markup-compatibility/2006":         "mc",
	"http://schemas.openxmlformats.org/officeDocument/2006/relationships": "r",
	"http://schemas.openxmlformats.org/officeDocument/2006/math":          "m",
	"urn:oasis:names:tc:opendocument:xmlns:text:1.0":                      "text",
	"urn:oasis:names:tc:opendocument:xmlns:office:1.0":                    "office",
	"urn:oasis:names:tc:opendocument:xmlns:style:1.0":                     "style",
	"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0":         "fo",
	"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0":                   "draw",
	"urn:oasis:names:tc:opendocument:xmlns:table:1.0":                     "table",
	"http://www.w3.org/1999/xlink":                                        "xlink",
	"http://www.w3.org/XML/1998/namespace":                                "xml",
	"http://schemas.openxmlformats.org/package/2006/relationships":        "rel",
}

// newTokens reads a part held in memory.
func newTokens(src []byte, part string) *tokens {
	return streamTokens(bytes.NewReader(src), part)
}

// streamTokens reads a part from r, keeping only the bytes not yet
// forgotten (forget).
func streamTokens(r io.Reader, part string) *tokens {
	win := newWindow(r)
	d := xml.NewDecoder(win)
	d.Strict = true
	return &tokens{d: d, win: win, part: part,
		scopes: []nsScope{{depth: -1, m: map[string]string{"xml": "http://www.w3.org/XML/1998/namespace"}}}}
}

// next reads the next token; io.EOF at the end of the part.
func (t *tokens) next() error {
	// encoding/xml gives <x/> as a start and an end token: the end token
	// has an empty range.
	t.self = false
	t.lo = int(t.d.InputOffset())
	tok, err := t.d.RawToken()
	if err != nil {
		if errors.Is(err, io.EOF) {
			if t.depth > 0 {
				return t.errorf("the XML ends inside an element (the file is cut short)")
			}
			return io.EOF
		}
		return t.errorf("%v", err)
	}
	t.hi = int(t.d.InputOffset())
	switch v := tok.(type) {
	case xml.StartElement:
		t.depth++
		t.pushScope(v.Attr)
		t.kind, t.name, t.attrs = tokStart, t.canon(v.Name), v.Attr
		end := t.win.bytes(t.hi-2, t.hi) // a start tag has 3 bytes or more
		t.self = end[0] == '/' && end[1] == '>'
	case xml.EndElement:
		t.kind, t.name = tokEnd, t.canon(v.Name)
		t.popScope()
		t.depth--
		if t.depth < 0 {
			return t.errorf("end tag </%s> without a start tag", v.Name.Local)
		}
	case xml.CharData:
		t.kind, t.text = tokText, v
	default:
		t.kind = tokOther
	}
	return nil
}

func (t *tokens) pushScope(attrs []xml.Attr) {
	var m map[string]string
	for _, a := range attrs {
		switch {
		case a.Name.Space == "xmlns":
			if m == nil {
				m = map[string]string{}
			}
			m[a.Name.Local] = a.Value
		case a.Name.Space == "" && a.Name.Local == "xmlns":
			if m == nil {
				m = map[string]string{}
			}
			m[""] = a.Value
		}
	}
	if m != nil {
		t.scopes = append(t.scopes, nsScope{depth: t.depth, m: m})
	}
}

func (t *tokens) popScope() {
	if n := len(t.scopes); n > 1 && t.scopes[n-1].depth == t.depth {
		t.scopes = t.scopes[:n-1]
	}
}

func (t *tokens) uri(prefix string) string {
	for i := len(t.scopes) - 1; i >= 0; i-- {
		if u, ok := t.scopes[i].m[prefix]; ok {
			return u
		}
	}
	return ""
}

// canon is n with its prefix replaced by the canonical one ("?" for an
// unknown namespace, so that no element of another vocabulary is taken
// for one of ours).
func (t *tokens) canon(n xml.Name) string {
	p, ok := canonPrefix[t.uri(n.Space)]
	if !ok {
		p = "?"
	}
	return p + ":" + n.Local
}

// attr returns the value of the attribute with canonical name name.
func (t *tokens) attr(name string) string {
	for _, a := range t.attrs {
		if a.Name.Space == "xmlns" {
			continue
		}
		if t.canon(a.Name) == name {
			return a.Value
		}
	}
	return ""
}

// children calls fn for each token inside the element whose start tag is
// the current token; fn may read a whole nested element. When it returns
// without error, the current token is the element's end tag.
func (t *tokens) children(fn func() error) error {
	depth := t.depth
	for {
		if err := t.next(); err != nil {
			return t.eofInside(err)
		}
		if t.kind == tokEnd && t.depth == depth-1 {
			return nil
		}
		if err := fn(); err != nil {
			return err
		}
	}
}

// skip reads to the end of the element whose start tag is the current
// token; the current token is then its end tag.
func (t *tokens) skip() error {
	return t.children(func() error { return nil })
}

// eofInside turns io.EOF met inside an element into an error.
func (t *tokens) eofInside(err error) error {
	if errors.Is(err, io.EOF) {
		return t.errorf("the XML ends inside an element (the file is cut short)")
	}
	return err
}

// markup returns src[lo:hi] as a code's markup ("" when bare).
func (t *tokens) markup(lo, hi int) string {
	if t.bare {
		return ""
	}
	return string(t.win.bytes(lo, hi))
}

// src returns bytes [lo, hi) of the part, which must not be forgotten yet.
func (t *tokens) src(lo, hi int) []byte { return t.win.bytes(lo, hi) }

// forget drops the bytes before the current token's end: the readers call
// it between paragraphs, where no code's markup starts before.
func (t *tokens) forget() {
	_ = t.win.drop(t.hi) // read already: cannot fail
}

// str returns b as a string, one copy for equal bytes: a document repeats
// the same run properties in every paragraph, and the paragraphs of a
// part are all held at once.
func (t *tokens) str(b []byte) string {
	if s, ok := t.strs[string(b)]; ok {
		return s
	}
	if t.strs == nil {
		t.strs = map[string]string{}
	}
	s := string(b)
	t.strs[s] = s
	return s
}

// offset is the decoder's offset: at the end, the part's size.
func (t *tokens) offset() int { return int(t.d.InputOffset()) }

// where names the part and the line of the current offset.
func (t *tokens) where() string {
	line, _ := t.d.InputPos()
	return fmt.Sprintf("%s, line %d", t.part, line)
}

// errorf is an error naming the part and the line of the current offset.
func (t *tokens) errorf(format string, args ...any) error {
	line, _ := t.d.InputPos()
	return fmt.Errorf("%s, line %d: %s", t.part, line, fmt.Sprintf(format, args...))
}
