package bitext

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/trad-project/trad/segments"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// TU is one translation unit read from a TMX file.
type TU struct {
	// ID is the tuid attribute ("" when absent).
	ID string
	// Variants maps each <tuv>'s language tag, as written in the file, to the
	// plain text of its <seg>. Inline codes (<bpt>, <ept>, <it>, <ph>, <ut>)
	// and their contents are dropped; <hi> keeps its text.
	Variants map[string]string
	// Tags maps a variant's language to the inline codes of its <seg>
	// (TMX level 2), their offsets in the plain text of Variants; nil when
	// no <seg> has codes.
	Tags map[string][]TMXTag
	// Props maps each <prop type=…> of the unit to its value.
	Props map[string]string
	// Note holds the unit's <note>s, joined by newlines.
	Note string
	// Created and Changed are the unit's creationdate and changedate (zero
	// when absent or malformed).
	Created, Changed time.Time
}

const xmlNS = "http://www.w3.org/XML/1998/namespace"

// ReadTMX reads a TMX file (1.1 to 1.4b; UTF-8, or UTF-16 with a byte order
// mark) and calls fn for each <tu> in document order, one unit at a time:
// the file is never held in memory. The language of a <tuv> comes from
// xml:lang, or from the TMX 1.1 lang attribute. An error from fn stops the
// reading and is returned as is; malformed XML, including an element left
// open at the end of the file, is reported with its line.
//
// UTF-8 input goes through a scanner specialised for TMX's plain markup
// (tags, attributes, entity and character references, comments, CDATA);
// from the first construct it does not handle itself (another encoding, a
// name outside ASCII, anything malformed) it hands the rest of the stream
// to encoding/xml, so both accept and reject exactly the same documents.
func ReadTMX(r io.Reader, fn func(TU) error) error {
	return scanTMX(r, &tmxHandler{fn: fn}, scanBufSize)
}

// readTMXStd is ReadTMX through encoding/xml only: the reference the
// scanner is tested against.
func readTMXStd(r io.Reader, fn func(TU) error) error {
	return readTMXXML(newXMLDecoder(r), &tmxHandler{fn: fn}, 0)
}

// readTMXXML feeds h the tokens of d. lineBase is the number of lines
// before the point where d starts reading.
func readTMXXML(d *xml.Decoder, h *tmxHandler, lineBase int) error {
	var attrs []rawAttr
	for {
		// RawToken skips namespace translation, which TMX does not use
		// (xml:lang is matched by its prefix); nesting is checked by h.
		tok, err := d.RawToken()
		if err == io.EOF {
			return h.eof()
		}
		if err != nil {
			return xmlError(d, err, lineBase)
		}
		line, _ := d.InputPos()
		line += lineBase
		switch t := tok.(type) {
		case xml.StartElement:
			attrs = attrs[:0]
			for _, a := range t.Attr {
				attrs = append(attrs, rawAttr{space: a.Name.Space, local: a.Name.Local, val: []byte(a.Value)})
			}
			h.start(t.Name.Local, attrs, line)
		case xml.EndElement:
			if err := h.end(t.Name.Local, line); err != nil {
				return err
			}
		case xml.CharData:
			h.text(t)
		}
	}
}

// rawAttr is an attribute as a tokenizer saw it; val may point into the
// tokenizer's buffer and is only valid during the call it is passed to.
type rawAttr struct {
	space, local string
	val          []byte
}

type openElem struct {
	name string
	line int
}

// tmxHandler turns a stream of tags and text into TUs. Both tokenizers
// (the scanner and encoding/xml) drive it, so they agree on what a TU is.
type tmxHandler struct {
	fn      func(TU) error
	tu      TU
	inTU    bool
	lang    string
	inSeg   bool
	skip    int      // depth inside inline codes whose content is not text
	seg     []byte   // reused: one exact allocation per string
	codes   []TMXTag // the inline codes of the current <seg>
	codeBuf []byte   // the native markup of the current code
	inProp  string
	inNote  bool
	notes   []string // the unit's notes so far
	propBuf []byte
	sawTMX  bool
	tuDepth int        // <tuv> nesting, to tell unit props from variant props
	open    []openElem // element names and lines, to check nesting
	strs    map[string]string
	// fellBack records that the scanner handed over to encoding/xml.
	fellBack bool
}

// intern returns b as a normalised string, shared with earlier equal ones while
// the table is small: languages, prop types and statuses repeat in every
// unit.
func (h *tmxHandler) intern(b []byte) string {
	if len(b) > 32 {
		return segments.Normalize(string(b))
	}
	if s, ok := h.strs[string(b)]; ok {
		return s
	}
	s := segments.Normalize(string(b))
	if h.strs == nil {
		h.strs = make(map[string]string)
	}
	if len(h.strs) < 1024 { // bounded: memory never grows with the file
		h.strs[string(b)] = s
	}
	return s
}

func (h *tmxHandler) start(name string, attrs []rawAttr, line int) {
	h.open = append(h.open, openElem{name, line})
	if h.inSeg {
		switch name {
		case "bpt", "ept", "it", "ph", "ut", "sub":
			if h.skip == 0 {
				h.startCode(name, attrs)
			}
			h.skip++ // native code: its content is markup, not text
		}
		return
	}
	switch name {
	case "tmx":
		h.sawTMX = true
	case "tu":
		h.tu = TU{Variants: make(map[string]string, 2)}
		h.inTU, h.notes = true, h.notes[:0]
		for _, a := range attrs {
			switch a.local {
			case "tuid":
				h.tu.ID = segments.Normalize(string(a.val))
			case "creationdate":
				h.tu.Created = parseTMXDateBytes(a.val)
			case "changedate":
				h.tu.Changed = parseTMXDateBytes(a.val)
			}
		}
	case "tuv":
		h.tuDepth++
		h.lang = ""
		for _, a := range attrs {
			if a.local == "lang" && (a.space == xmlNS || a.space == "xml") {
				h.lang = h.intern(a.val)
				break
			}
			if a.local == "lang" && a.space == "" && h.lang == "" {
				h.lang = h.intern(a.val) // TMX 1.1
			}
		}
	case "seg":
		if h.inTU {
			h.inSeg = true
			h.skip = 0
			h.seg = h.seg[:0]
			h.codes = h.codes[:0]
		}
	case "prop":
		if h.inTU && h.tuDepth == 0 {
			h.inProp = ""
			for _, a := range attrs {
				if a.local == "type" && a.space == "" {
					h.inProp = h.intern(a.val)
					break
				}
			}
			if h.inProp == "" {
				h.inProp = "x-untyped"
			}
			h.propBuf = h.propBuf[:0]
		}
	case "note":
		if h.inTU && h.tuDepth == 0 {
			h.inNote = true
			h.propBuf = h.propBuf[:0]
		}
	}
}

func (h *tmxHandler) end(name string, line int) error {
	if len(h.open) == 0 || h.open[len(h.open)-1].name != name {
		return fmt.Errorf("line %d: unexpected </%s>", line, name)
	}
	h.open = h.open[:len(h.open)-1]
	if h.inSeg {
		switch name {
		case "seg":
			h.inSeg = false
			if _, dup := h.tu.Variants[h.lang]; !dup {
				h.endSeg()
			}
		case "bpt", "ept", "it", "ph", "ut", "sub":
			if h.skip > 0 {
				h.skip--
				if h.skip == 0 {
					h.endCode()
				}
			}
		}
		return nil
	}
	switch name {
	case "tu":
		if h.inTU {
			u := h.tu
			u.Note = strings.Join(h.notes, "\n")
			h.tu, h.inTU, h.notes = TU{}, false, h.notes[:0]
			if err := h.fn(u); err != nil {
				return err
			}
		}
	case "tuv":
		h.tuDepth--
	case "prop":
		if h.inProp != "" {
			if h.tu.Props == nil {
				h.tu.Props = make(map[string]string, 1)
			}
			h.tu.Props[h.inProp] = h.intern(h.propBuf)
			h.inProp = ""
		}
	case "note":
		if h.inNote {
			// Collected and joined at </tu>: appending to the string
			// made a unit of 40,000 notes take 18 s.
			h.notes = append(h.notes, segments.Normalize(string(h.propBuf)))
			h.inNote = false
		}
	}
	return nil
}

func (h *tmxHandler) text(t []byte) {
	switch {
	case h.inSeg:
		if h.skip == 0 {
			h.seg = append(h.seg, t...)
		} else {
			h.codeBuf = append(h.codeBuf, t...)
		}
	case h.inProp != "" || h.inNote:
		h.propBuf = append(h.propBuf, t...)
	}
}

// eof ends the input: a file without <tmx> is not TMX, and an element
// still open means the file was cut short.
func (h *tmxHandler) eof() error {
	if !h.sawTMX {
		return errors.New("not a TMX file: no <tmx> element")
	}
	if n := len(h.open); n > 0 {
		e := h.open[n-1]
		return fmt.Errorf("line %d: <%s> is not closed: unexpected end of file", e.line, e.name)
	}
	return nil
}

func attrValue(attrs []xml.Attr, local string) string {
	for _, a := range attrs {
		if a.Name.Local == local && a.Name.Space == "" {
			return a.Value
		}
	}
	return ""
}

// parseTMXDateBytes is parseTMXDate without a string conversion for the
// well-formed dates nearly every unit carries.
func parseTMXDateBytes(b []byte) time.Time {
	if len(b) == 16 && b[8] == 'T' && b[15] == 'Z' {
		n := func(i, j int) int {
			v := 0
			for ; i < j; i++ {
				c := b[i] - '0'
				if c > 9 {
					return -1
				}
				v = v*10 + int(c)
			}
			return v
		}
		y, mo, d, hh, mm, ss := n(0, 4), n(4, 6), n(6, 8), n(9, 11), n(11, 13), n(13, 15)
		if y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && hh >= 0 && hh < 24 && mm >= 0 && mm < 60 && ss >= 0 && ss < 60 {
			t := time.Date(y, time.Month(mo), d, hh, mm, ss, 0, time.UTC)
			if t.Day() == d { // not normalised into the next month
				return t
			}
		}
	}
	return parseTMXDate(string(b))
}

func parseTMXDate(s string) time.Time {
	t, err := time.Parse("20060102T150405Z", s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// newXMLDecoder returns a decoder for r that understands UTF-16 with a byte
// order mark and the legacy encodings an XML declaration may name.
func newXMLDecoder(r io.Reader) *xml.Decoder {
	br := bufio.NewReaderSize(r, 64<<10)
	var in io.Reader = br
	if head, _ := br.Peek(3); bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		in = transform.NewReader(br, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder())
	} else if bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
	}
	return newXMLDecoderAt(in, in != io.Reader(br))
}

// newXMLDecoderAt returns a decoder for r, already past any byte order
// mark; utf16 says r was decoded from UTF-16, so that a declaration naming
// UTF-16 is not applied twice.
func newXMLDecoderAt(r io.Reader, utf16 bool) *xml.Decoder {
	d := xml.NewDecoder(r)
	d.CharsetReader = func(label string, input io.Reader) (io.Reader, error) {
		if utf16 && strings.HasPrefix(strings.ToLower(label), "utf-16") {
			return input, nil // already decoded from the byte order mark
		}
		enc, err := htmlindex.Get(label)
		if err != nil {
			return nil, fmt.Errorf("unsupported encoding %q", label)
		}
		return transform.NewReader(input, enc.NewDecoder()), nil
	}
	return d
}

// xmlError gives a decoding error its line number; lineBase counts the
// lines before the point where d started reading.
func xmlError(d *xml.Decoder, err error, lineBase int) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("line %d: %s", lineBase+se.Line, se.Msg)
	}
	line, _ := d.InputPos()
	return fmt.Errorf("line %d: %w", lineBase+line, err)
}
