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
// reading and is returned as is; malformed XML is reported with its line.
func ReadTMX(r io.Reader, fn func(TU) error) error {
	d := newXMLDecoder(r)
	var (
		tu      *TU
		lang    string
		inSeg   bool
		skip    int    // depth inside inline codes whose content is not text
		seg     []byte // reused: one exact allocation per string
		inProp  string
		inNote  bool
		propBuf []byte
		sawTMX  bool
		tuDepth int      // <tuv> nesting, to tell unit props from variant props
		open    []string // element names, to check nesting (RawToken does not)
	)
	for {
		// RawToken skips namespace translation, which TMX does not use
		// (xml:lang is matched by its prefix); nesting is checked here.
		tok, err := d.RawToken()
		if err == io.EOF {
			if !sawTMX {
				return errors.New("not a TMX file: no <tmx> element")
			}
			return nil
		}
		if err != nil {
			return xmlError(d, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			open = append(open, name)
			if inSeg {
				switch name {
				case "bpt", "ept", "it", "ph", "ut", "sub":
					skip++ // native code: its content is markup, not text
				}
				continue
			}
			switch name {
			case "tmx":
				sawTMX = true
			case "tu":
				tu = &TU{Variants: make(map[string]string, 2)}
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "tuid":
						tu.ID = a.Value
					case "creationdate":
						tu.Created = parseTMXDate(a.Value)
					case "changedate":
						tu.Changed = parseTMXDate(a.Value)
					}
				}
			case "tuv":
				tuDepth++
				lang = ""
				for _, a := range t.Attr {
					if a.Name.Local == "lang" && (a.Name.Space == xmlNS || a.Name.Space == "xml") {
						lang = a.Value
						break
					}
					if a.Name.Local == "lang" && a.Name.Space == "" && lang == "" {
						lang = a.Value // TMX 1.1
					}
				}
			case "seg":
				if tu != nil {
					inSeg = true
					skip = 0
					seg = seg[:0]
				}
			case "prop":
				if tu != nil && tuDepth == 0 {
					inProp = attrValue(t.Attr, "type")
					if inProp == "" {
						inProp = "x-untyped"
					}
					propBuf = propBuf[:0]
				}
			case "note":
				if tu != nil && tuDepth == 0 {
					inNote = true
					propBuf = propBuf[:0]
				}
			}
		case xml.EndElement:
			name := t.Name.Local
			if len(open) == 0 || open[len(open)-1] != name {
				line, _ := d.InputPos()
				return fmt.Errorf("line %d: unexpected </%s>", line, name)
			}
			open = open[:len(open)-1]
			if inSeg {
				switch name {
				case "seg":
					inSeg = false
					if _, dup := tu.Variants[lang]; !dup {
						tu.Variants[lang] = string(seg)
					}
				case "bpt", "ept", "it", "ph", "ut", "sub":
					if skip > 0 {
						skip--
					}
				}
				continue
			}
			switch name {
			case "tu":
				if tu != nil {
					u := *tu
					tu = nil
					if err := fn(u); err != nil {
						return err
					}
				}
			case "tuv":
				tuDepth--
			case "prop":
				if inProp != "" {
					if tu.Props == nil {
						tu.Props = map[string]string{}
					}
					tu.Props[inProp] = string(propBuf)
					inProp = ""
				}
			case "note":
				if inNote {
					if tu.Note != "" {
						tu.Note += "\n"
					}
					tu.Note += string(propBuf)
					inNote = false
				}
			}
		case xml.CharData:
			switch {
			case inSeg:
				if skip == 0 {
					seg = append(seg, t...)
				}
			case inProp != "" || inNote:
				propBuf = append(propBuf, t...)
			}
		}
	}
}

func attrValue(attrs []xml.Attr, local string) string {
	for _, a := range attrs {
		if a.Name.Local == local && a.Name.Space == "" {
			return a.Value
		}
	}
	return ""
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
	d := xml.NewDecoder(in)
	utf16 := in != io.Reader(br)
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

// xmlError gives a decoding error its line number.
func xmlError(d *xml.Decoder, err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("line %d: %s", se.Line, se.Msg)
	}
	line, _ := d.InputPos()
	return fmt.Errorf("line %d: %w", line, err)
}
