package bitext

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/trad-project/trad/internal/xmlscan"
	"github.com/trad-project/trad/segments"
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

// ReadTMX reads a TMX file (1.1 to 1.4b; UTF-8, or UTF-16 with a byte order
// mark) and calls fn for each <tu> in document order, one unit at a time:
// the file is never held in memory. The language of a <tuv> comes from
// xml:lang, or from the TMX 1.1 lang attribute. An error from fn stops the
// reading and is returned as is; malformed XML, including an element left
// open at the end of the file, is reported with its line (internal/xmlscan
// reads the XML).
func ReadTMX(r io.Reader, fn func(TU) error) error {
	return readTMXWith(&xmlscan.Reader{}, r, fn)
}

// readTMXWith is ReadTMX with a given XML reader (tests read with
// encoding/xml alone, or with a tiny buffer).
func readTMXWith(rd *xmlscan.Reader, r io.Reader, fn func(TU) error) error {
	h := &tmxHandler{fn: fn}
	if err := rd.Scan(r, h); err != nil {
		var xe *xmlscan.Error
		if !h.sawTMX && errors.As(err, &xe) {
			return fmt.Errorf("not a TMX file: %w", err)
		}
		return err
	}
	if !h.sawTMX {
		return errors.New("not a TMX file: no <tmx> element")
	}
	return nil
}

// readTMXStd is ReadTMX through encoding/xml only: the reference the
// scanner is tested against.
func readTMXStd(r io.Reader, fn func(TU) error) error {
	return readTMXWith(&xmlscan.Reader{Std: true}, r, fn)
}

// tmxHandler turns a stream of tags and text into TUs (an
// xmlscan.Handler): both tokenizers drive it, so they agree on what a TU
// is.
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
	tuDepth int // <tuv> nesting, to tell unit props from variant props
	strs    map[string]string
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

func (h *tmxHandler) Start(name string, attrs []xmlscan.Attr, line int) error {
	if h.inSeg {
		switch name {
		case "bpt", "ept", "it", "ph", "ut", "sub":
			if h.skip == 0 {
				h.startCode(name, attrs)
			}
			h.skip++ // native code: its content is markup, not text
		}
		return nil
	}
	switch name {
	case "tmx":
		h.sawTMX = true
	case "tu":
		h.tu = TU{Variants: make(map[string]string, 2)}
		h.inTU, h.notes = true, h.notes[:0]
		for _, a := range attrs {
			switch a.Local {
			case "tuid":
				h.tu.ID = segments.Normalize(string(a.Value))
			case "creationdate":
				h.tu.Created = parseTMXDateBytes(a.Value)
			case "changedate":
				h.tu.Changed = parseTMXDateBytes(a.Value)
			}
		}
	case "tuv":
		h.tuDepth++
		h.lang = ""
		for _, a := range attrs {
			if a.Local == "lang" && a.Space == "xml" { // xmlscan gives the prefix, never the URI
				h.lang = h.intern(a.Value)
				break
			}
			if a.Local == "lang" && a.Space == "" && h.lang == "" {
				h.lang = h.intern(a.Value) // TMX 1.1
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
				if a.Local == "type" && a.Space == "" {
					h.inProp = h.intern(a.Value)
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
	return nil
}

func (h *tmxHandler) End(name string, line int) error {
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

func (h *tmxHandler) Text(t []byte) {
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
