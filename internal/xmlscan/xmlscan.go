// Package xmlscan is trad's XML tokenizer for the bilingual and
// terminology formats, used by the TMX and XLIFF readers (bitext) and the
// TBX reader (glossary), and its one XML escaper for every writer (Escape).
// office/xmltok.go is the other reader of XML, on purpose: the .docx and
// .odt writers splice bytes at each token's offsets, which only
// encoding/xml's RawToken gives. It streams: a Handler
// receives start tags, end tags and text as they are read, and the input is
// never held whole in memory.
//
// UTF-8 input goes through a scanner specialised for the plain markup of
// these formats (tags, attributes, the predefined entities and character
// references, comments, CDATA, a DOCTYPE with an internal subset); it reads
// about ten times faster than encoding/xml's RawToken. From the first
// construct it does not handle itself (another encoding, a name outside
// ASCII, anything malformed) it hands the rest of the stream to
// encoding/xml, so both accept and reject exactly the same documents with
// the same tokens (FuzzEquivalent, and each reader's own equivalence fuzz
// test).
//
// Above the tokens, both paths apply the same document rules, which
// encoding/xml alone does not check: end tags match their start tags (by
// local name), the document has exactly one root element, there is no text
// other than white space outside it, and nothing is left open at the end.
package xmlscan

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/trad-project/trad/internal/diag"

	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Attr is an attribute as the tokenizer saw it: its prefix (Space, as
// encoding/xml's RawToken gives it: namespaces are not resolved), its local
// name and its decoded value. Value may point into the tokenizer's buffer:
// it is only valid during the call it is passed to.
type Attr struct {
	Space, Local string
	Value        []byte
}

// Handler receives a document's elements and text. name is the element's
// local name (its prefix dropped); line is the line where the tag ends, as
// encoding/xml's InputPos gives it. An error from Start or End stops the
// reading and is returned as is. Text may be called several times for one
// run of text (a long text arrives in pieces); b is only valid during the
// call.
type Handler interface {
	Start(name string, attrs []Attr, line int) error
	End(name string, line int) error
	Text(b []byte)
}

// EndTagHandler is a Handler that is also told where each end tag is, just
// before End: the byte offsets of its "</" and of the byte after its ">"
// in the input (both the offset after "/>" for an empty element <a/>).
// The offsets are exact for UTF-8 input; for another encoding they count
// the decoded text. The TBX writer inserts a new entry before </body> at
// the offset the reader gave, rather than finding the tag again with a
// lexer of its own.
type EndTagHandler interface {
	Handler
	EndTag(name string, start, end int64)
}

// Error is a malformed document: its line and what is wrong (trad's one
// error at a line of a file, diag.LineError).
type Error = diag.LineError

// DefaultBufSize is the scanner's initial buffer; a token longer than it
// grows the buffer, a long text is passed on in pieces.
const DefaultBufSize = 64 << 10

// Reader reads documents. The zero value is ready to use.
type Reader struct {
	// BufSize is the scanner's initial buffer size (0: DefaultBufSize);
	// tests use tiny ones to exercise tokens cut by a refill.
	BufSize int
	// Std reads with encoding/xml only: the reference the scanner is
	// tested against.
	Std bool
	// UTF8 says the input is UTF-8 text whatever its XML declaration says
	// (a caller that decoded the file itself): a declared encoding is
	// ignored.
	UTF8 bool
	// FellBack is set when the scanner handed the stream over to
	// encoding/xml.
	FellBack bool
}

// Scan reads r with a zero Reader.
func Scan(r io.Reader, h Handler) error {
	var rd Reader
	return rd.Scan(r, h)
}

// Scan reads the document r (UTF-8, or UTF-16 with a byte order mark, or an
// encoding its XML declaration names) and calls h for each element and
// text.
func (rd *Reader) Scan(r io.Reader, h Handler) error {
	d := &doc{h: h, utf8: rd.UTF8}
	d.et, _ = h.(EndTagHandler)
	var err error
	if rd.Std {
		dec, off := d.newDecoder(r)
		err = d.feedStd(dec, 0, off)
	} else {
		err = scan(r, d, rd.BufSize)
		rd.FellBack = d.fellBack
	}
	if err != nil {
		return err
	}
	return d.eof()
}

// doc applies the document rules between a tokenizer and the Handler.
type doc struct {
	h        Handler
	et       EndTagHandler // h, when it wants end tags' offsets
	open     []openElem
	rootDone bool
	fellBack bool
	utf8     bool // the input is UTF-8 whatever its declaration says
}

type openElem struct {
	name string
	line int
}

// start and end are small enough to be inlined in the scanner's loop: the
// errors are built apart.
func (d *doc) start(name string, attrs []Attr, line int) error {
	if len(d.open) == 0 && d.rootDone {
		return afterRoot(name, line)
	}
	d.open = append(d.open, openElem{name, line})
	return d.h.Start(name, attrs, line)
}

func (d *doc) end(name string, line int, start, end int64) error {
	n := len(d.open)
	if n == 0 || d.open[n-1].name != name {
		return d.badEnd(name, line)
	}
	d.open = d.open[:n-1]
	d.rootDone = n == 1
	if d.et != nil {
		d.et.EndTag(name, start, end)
	}
	return d.h.End(name, line)
}

func afterRoot(name string, line int) error {
	return &Error{Line: line, Msg: fmt.Sprintf("element <%s> after the root element", name)}
}

func (d *doc) badEnd(name string, line int) error {
	if n := len(d.open); n > 0 {
		o := d.open[n-1]
		return &Error{Line: line, Msg: fmt.Sprintf("unexpected </%s>: <%s> of line %d is still open", name, o.name, o.line)}
	}
	return &Error{Line: line, Msg: fmt.Sprintf("unexpected </%s>", name)}
}

func (d *doc) text(b []byte, line int) error {
	if len(d.open) == 0 {
		if len(bytes.Trim(b, " \t\r\n")) > 0 {
			return &Error{Line: line, Msg: "text outside the root element"}
		}
		return nil
	}
	d.h.Text(b)
	return nil
}

// eof ends the input: an element still open means the file was cut short.
func (d *doc) eof() error {
	if n := len(d.open); n > 0 {
		e := d.open[n-1]
		return &Error{Line: e.line, Msg: fmt.Sprintf("<%s> is not closed: unexpected end of file", e.name)}
	}
	return nil
}

// feedStd feeds the tokens of dec to d. lineBase is the number of lines
// before the point where dec starts reading, offBase the number of bytes.
func (d *doc) feedStd(dec *xml.Decoder, lineBase int, offBase int64) error {
	var attrs []Attr
	for {
		at := offBase + dec.InputOffset()
		// RawToken skips namespace translation: the readers match local
		// names and resolve the few prefixes they need; nesting is
		// checked by d.
		tok, err := dec.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return decodeError(dec, err, lineBase)
		}
		line, _ := dec.InputPos()
		line += lineBase
		switch t := tok.(type) {
		case xml.StartElement:
			attrs = attrs[:0]
			for _, a := range t.Attr {
				attrs = append(attrs, Attr{Space: a.Name.Space, Local: a.Name.Local, Value: []byte(a.Value)})
			}
			err = d.start(t.Name.Local, attrs, line)
		case xml.EndElement:
			err = d.end(t.Name.Local, line, at, offBase+dec.InputOffset())
		case xml.CharData:
			err = d.text(t, line)
		}
		if err != nil {
			return err
		}
	}
}

// newDecoder returns an encoding/xml decoder for r that understands UTF-16
// with a byte order mark and the legacy encodings an XML declaration may
// name, and the offset in r where it starts reading (after a UTF-8 byte
// order mark).
func (d *doc) newDecoder(r io.Reader) (*xml.Decoder, int64) {
	br := bufio.NewReaderSize(r, 64<<10)
	var in io.Reader = br
	if head, _ := br.Peek(3); bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		in = transform.NewReader(br, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder())
	} else if bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
		return d.newDecoderAt(in, false), 3
	}
	return d.newDecoderAt(in, in != io.Reader(br)), 0
}

// newDecoderAt returns a decoder for r, already past any byte order mark;
// utf16 says r was decoded from UTF-16, so that a declaration naming
// UTF-16 is not applied twice.
func (d *doc) newDecoderAt(r io.Reader, utf16 bool) *xml.Decoder {
	dec := xml.NewDecoder(r)
	dec.CharsetReader = func(label string, input io.Reader) (io.Reader, error) {
		if d.utf8 || utf16 && strings.HasPrefix(strings.ToLower(label), "utf-16") {
			return input, nil // already decoded
		}
		enc, err := htmlindex.Get(label)
		if err != nil {
			return nil, fmt.Errorf("unsupported encoding %q", label)
		}
		return transform.NewReader(input, enc.NewDecoder()), nil
	}
	return dec
}

// decodeError gives a decoding error its line number; lineBase counts the
// lines before the point where d started reading.
func decodeError(d *xml.Decoder, err error, lineBase int) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return &Error{Line: lineBase + se.Line, Msg: se.Msg, Err: err}
	}
	line, _ := d.InputPos()
	return diag.AtLine(lineBase+line, err)
}
