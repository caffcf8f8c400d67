package glossary

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// posFromTBX maps TBX-Basic partOfSpeech values to trad's short names.
var posFromTBX = map[string]string{
	"noun": "noun", "verb": "verb", "adjective": "adj", "adverb": "adv",
	"propernoun": "propn", "other": "other",
}

// tbxReader builds entries from a TBX token stream. It reads both TBX 2008
// (martif/termEntry/langSet/tig|ntig/termGrp/term) and TBX v3
// (tbx/conceptEntry/langSec/termSec/term) by local names, so namespaces and
// prefixes do not matter.
type tbxReader struct {
	name  string
	d     *xml.Decoder
	ents  []*Entry
	warns []Warning

	stack []string // local names of open elements
	entry *Entry
	lang  string // base language of the open langSet/langSec, "" if none
	langN int    // terms read in the open langSet
	text  strings.Builder
	// capture is the depth at which text is being collected (0: none) and
	// what it is for.
	capture  int
	capWhat  string
	entryPOS string
	defn     string // first definition, the note when there is no <note>
}

func (t *tbxReader) warn(line int, format string, args ...any) {
	t.warns = append(t.warns, Warning{File: t.name, Line: line, Msg: fmt.Sprintf(format, args...)})
}

func (t *tbxReader) line() int {
	l, _ := t.d.InputPos()
	return l
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// readTBX reads TBX 2008 or TBX v3. XML that is not well-formed is an error
// with the line where the parser stopped; entries without terms, and
// language sections without a language, are warnings.
func readTBX(text []byte, name string) (*Glossary, []Warning, error) {
	t := &tbxReader{name: name}
	t.d = xml.NewDecoder(bytes.NewReader(text))
	// The text is already UTF-8 (decode ran first), whatever the
	// declaration says.
	t.d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	t.ents = make([]*Entry, 0, bytes.Count(text, []byte("ntry"))/2+1)
	root := ""
	for {
		tok, err := t.d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, t.warns, fmt.Errorf("read glossary %s:%d: %v", name, t.line(), trimXMLErr(err))
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = tok.Name.Local
				if root != "martif" && root != "tbx" {
					return nil, nil, fmt.Errorf("read glossary %s:%d: root element <%s> is neither TBX 2008 <martif> nor TBX v3 <tbx>", name, t.line(), root)
				}
			} else if len(t.stack) == 0 {
				return nil, t.warns, fmt.Errorf("read glossary %s:%d: element <%s> after the root element", name, t.line(), tok.Name.Local)
			}
			t.stack = append(t.stack, tok.Name.Local)
			t.start(tok)
		case xml.EndElement:
			n := len(t.stack)
			if n == 0 || t.stack[n-1] != tok.Name.Local {
				want := "nothing"
				if n > 0 {
					want = "</" + t.stack[n-1] + ">"
				}
				return nil, t.warns, fmt.Errorf("read glossary %s:%d: element </%s> closes %s", name, t.line(), tok.Name.Local, want)
			}
			t.end(tok.Name.Local)
			t.stack = t.stack[:n-1]
		case xml.CharData:
			if t.capture > 0 {
				t.text.Write(tok)
			} else if len(t.stack) == 0 && len(bytes.TrimSpace(tok)) > 0 {
				return nil, t.warns, fmt.Errorf("read glossary %s:%d: text outside the root element", name, t.line())
			}
		}
	}
	if root == "" {
		return nil, nil, fmt.Errorf("read glossary %s: no TBX root element (empty file?)", name)
	}
	if len(t.stack) > 0 {
		return nil, t.warns, fmt.Errorf("read glossary %s:%d: unexpected end of file inside <%s>", name, t.line(), t.stack[len(t.stack)-1])
	}
	return New(t.ents...), t.warns, nil
}

func trimXMLErr(err error) string {
	s := err.Error()
	if i := strings.Index(s, "line "); i >= 0 {
		if j := strings.Index(s[i:], ": "); j >= 0 {
			return s[i+j+2:]
		}
	}
	return s
}

// parent returns the local name of the element enclosing the open one.
func (t *tbxReader) parent() string {
	if n := len(t.stack); n >= 2 {
		return t.stack[n-2]
	}
	return ""
}

func (t *tbxReader) startCapture(what string) {
	t.capture = len(t.stack)
	t.capWhat = what
	t.text.Reset()
}

func (t *tbxReader) start(se xml.StartElement) {
	name := se.Name.Local
	switch name {
	case "termEntry", "conceptEntry":
		t.entry = &Entry{Origin: Origin{File: t.name, Line: t.line()}}
		t.entryPOS, t.defn = "", ""
		return
	}
	if t.entry == nil || t.capture > 0 {
		return
	}
	switch name {
	case "langSet", "langSec":
		l := attr(se, "lang")
		t.lang, t.langN = "", 0
		if b, ok := parseLangTag(l); ok {
			t.lang = b
		} else {
			t.warn(t.line(), "<%s> without a valid xml:lang (%q): its terms are skipped", name, l)
		}
	case "term":
		t.startCapture("term")
	case "termNote":
		if strings.EqualFold(attr(se, "type"), "partOfSpeech") {
			t.startCapture("pos")
		}
	case "descrip":
		switch strings.ToLower(attr(se, "type")) {
		case "subjectfield":
			if t.parent() == "termEntry" || t.parent() == "conceptEntry" {
				t.startCapture("domain")
			}
		case "definition":
			t.startCapture("definition")
		}
	case "note":
		t.startCapture("note")
	}
}

func (t *tbxReader) end(name string) {
	if t.capture == len(t.stack) {
		t.capture = 0
		t.endCapture()
		return
	}
	if t.entry == nil {
		return
	}
	switch name {
	case "termEntry", "conceptEntry":
		e := t.entry
		t.entry = nil
		if e.POS == "" {
			e.POS = t.entryPOS
		}
		if e.Note == "" {
			e.Note = t.defn
		}
		if len(e.Terms) == 0 {
			t.warn(e.Origin.Line, "<%s> without any term", name)
			return
		}
		t.ents = append(t.ents, e)
	case "langSet", "langSec":
		t.lang = ""
	}
}

func (t *tbxReader) endCapture() {
	s := t.text.String()
	e := t.entry
	switch t.capWhat {
	case "term":
		if t.lang == "" {
			return
		}
		s = cleanTerm(s)
		if strings.TrimSpace(s) == "" {
			t.warn(t.line(), "empty <term>")
			return
		}
		if e.Terms == nil {
			e.Terms = make(map[string][]string, 2)
		}
		e.Terms[t.lang] = append(e.Terms[t.lang], s)
	case "pos":
		if t.entryPOS == "" {
			p := strings.ToLower(strings.TrimSpace(s))
			if m, ok := posFromTBX[p]; ok {
				p = m
			}
			t.entryPOS = p
		}
	case "domain":
		if e.Domain == "" {
			e.Domain = collapseSpace(s)
		}
	case "note":
		if e.Note == "" {
			e.Note = collapseSpace(s)
		}
	case "definition":
		if t.defn == "" {
			t.defn = collapseSpace(s)
		}
	}
}

// collapseSpace returns s NFC with runs of white space made one space and
// the ends trimmed, as pretty-printed XML notes need.
func collapseSpace(s string) string {
	return cleanTerm(strings.Join(strings.Fields(s), " "))
}
