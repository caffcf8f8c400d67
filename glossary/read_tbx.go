package glossary

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/trad-project/trad/internal/xmlscan"
)

// posFromTBX maps TBX-Basic partOfSpeech values to trad's short names.
var posFromTBX = map[string]string{
	"noun": "noun", "verb": "verb", "adjective": "adj", "adverb": "adv",
	"propernoun": "propn", "other": "other",
}

// tbxReader builds entries from a TBX file read by internal/xmlscan (it is
// the scanner's Handler). It reads both TBX 2008
// (martif/termEntry/langSet/tig|ntig/termGrp/term) and TBX v3
// (tbx/conceptEntry/langSec/termSec/term) by local names, so namespaces and
// prefixes do not matter.
type tbxReader struct {
	name  string
	at    int // line of the current tag
	ents  []*Entry
	warns []Warning

	root  string
	stack []string // local names of open elements
	entry *Entry
	lang  string // base language of the open langSet/langSec, "" if none
	text  strings.Builder
	// capture is the depth at which text is being collected (0: none) and
	// what it is for.
	capture  int
	capWhat  string
	entryPOS string
	defn     string             // first definition, the note when there is no <note>
	langs    map[string]langTag // parsed xml:lang values (see langOf)
	// bodyEnd is the line of the </body> end tag of <text> (0: none) and
	// bodyAt its byte offset in the input (-1: none), for AppendEntry to
	// insert before.
	bodyEnd int
	bodyAt  int64
	entryBlocks
}

// langOf returns the base language of the xml:lang of a language
// section. A termbase names a few languages a million times: parsing
// each (x/text's Parse) was a fifth of reading a 1M-entry TBX, so the
// results are kept, for a bounded number of distinct values.
func (t *tbxReader) langOf(attrs []xmlscan.Attr) (string, bool) {
	var v []byte
	for _, a := range attrs {
		if a.Local == "lang" {
			v = a.Value
			break
		}
	}
	if l, ok := t.langs[string(v)]; ok {
		return l.base, l.ok
	}
	b, ok := parseLangTag(string(v))
	if len(t.langs) < 256 {
		if t.langs == nil {
			t.langs = make(map[string]langTag)
		}
		t.langs[string(v)] = langTag{b, ok}
	}
	return b, ok
}

// langTag is a parsed xml:lang value.
type langTag struct {
	base string
	ok   bool
}

func (t *tbxReader) warn(line int, format string, args ...any) {
	t.warns = append(t.warns, Warning{File: t.name, Line: line, Msg: fmt.Sprintf(format, args...)})
}

func (t *tbxReader) line() int { return t.at }

func attr(attrs []xmlscan.Attr, local string) string {
	for _, a := range attrs {
		if a.Local == local {
			return string(a.Value)
		}
	}
	return ""
}

// readTBX reads TBX 2008 or TBX v3 from UTF-8 text (readBytes decoded
// it). XML that is not well-formed is an error with its line; entries
// without terms, and language sections without a language, are warnings.
func readTBX(text []byte, name string) (*Glossary, []Warning, error) {
	return readTBXWith(&xmlscan.Reader{}, text, name)
}

// readTBXWith is readTBX with a given XML reader (tests read with
// encoding/xml alone, or with a tiny buffer).
func readTBXWith(rd *xmlscan.Reader, text []byte, name string) (*Glossary, []Warning, error) {
	t, err := scanTBX(rd, text, name)
	if err != nil {
		return nil, t.warns, err
	}
	return New(t.ents...), t.warns, nil
}

// scanTBX reads text with rd into a tbxReader, which it returns with the
// warnings even on an error.
func scanTBX(rd *xmlscan.Reader, text []byte, name string) (*tbxReader, error) {
	return scanTBXFrom(rd, bytes.NewReader(text), bytes.Count(text, []byte("ntry"))/2+1, name)
}

// scanTBXFrom is scanTBX reading r, with room made for entries entries.
func scanTBXFrom(rd *xmlscan.Reader, r io.Reader, entries int, name string) (*tbxReader, error) {
	t := &tbxReader{name: name, bodyAt: -1}
	t.ents = make([]*Entry, 0, entries)
	rd.UTF8 = true
	err := rd.Scan(r, t)
	var xe *xmlscan.Error
	switch {
	case errors.As(err, &xe):
		return t, fmt.Errorf("read glossary %s:%d: %s", name, xe.Line, xe.Msg)
	case err != nil:
		return t, fmt.Errorf("read glossary %s: %w", name, err)
	case t.root == "":
		t.warns = nil
		return t, fmt.Errorf("read glossary %s: no TBX root element (empty file?)", name)
	}
	return t, nil
}

// Start, End and Text make tbxReader an xmlscan.Handler.
func (t *tbxReader) Start(name string, attrs []xmlscan.Attr, line int) error {
	t.at = line
	if t.root == "" {
		t.root = name
		if name != "martif" && name != "tbx" {
			return &xmlscan.Error{Line: line, Msg: fmt.Sprintf("root element <%s> is neither TBX 2008 <martif> nor TBX v3 <tbx>", name)}
		}
	}
	t.stack = append(t.stack, name)
	t.start(name, attrs)
	return nil
}

// EndTag makes tbxReader an xmlscan.EndTagHandler: it notes where the
// </body> of <text> is. An empty <body/> has none to insert before (its
// offsets are the point after "/>"): no place for an entry, as before.
func (t *tbxReader) EndTag(name string, start, end int64) {
	if name == "body" && t.parent() == "text" && start < end {
		t.bodyAt = start
	}
}

func (t *tbxReader) End(name string, line int) error {
	t.at = line
	if name == "body" && t.parent() == "text" {
		t.bodyEnd = line
	}
	t.end(name)
	t.stack = t.stack[:len(t.stack)-1]
	return nil
}

func (t *tbxReader) Text(b []byte) {
	if t.capture > 0 {
		t.text.Write(b)
	}
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

func (t *tbxReader) start(name string, attrs []xmlscan.Attr) {
	switch name {
	case "termEntry", "conceptEntry":
		t.entry = t.newEntry(t.name, t.line())
		t.entryPOS, t.defn = "", ""
		return
	}
	if t.entry == nil || t.capture > 0 {
		return
	}
	switch name {
	case "langSet", "langSec":
		t.lang = ""
		if b, ok := t.langOf(attrs); ok {
			t.lang = b
		} else {
			t.warn(t.line(), "<%s> without a valid xml:lang (%q): its terms are skipped", name, attr(attrs, "lang"))
		}
	case "term":
		t.startCapture("term")
	case "termNote":
		if strings.EqualFold(attr(attrs, "type"), "partOfSpeech") {
			t.startCapture("pos")
		}
	case "descrip":
		switch strings.ToLower(attr(attrs, "type")) {
		case "subjectfield":
			if t.parent() == "termEntry" || t.parent() == "conceptEntry" {
				t.startCapture("domain")
			}
		case "definition":
			t.startCapture("definition")
		}
	case "note":
		t.startCapture("note")
	case "admin":
		if strings.EqualFold(attr(attrs, "type"), tbxSubset) && (t.parent() == "termEntry" || t.parent() == "conceptEntry") {
			t.startCapture("subset")
		}
	}
}

// tbxSubset is the TBX-Basic data category that marks general vocabulary
// (Entry.General): <admin type="projectSubset">general</admin> on the
// entry.
const tbxSubset = "projectSubset"

// TBX has no place for "no term in this language" (a langSet needs a
// term) nor for trad's guards, so both are entry-level notes with these
// prefixes: "(none): de zh", "guard: near: fonderie | puce".
const (
	tbxNonePrefix  = NoEquivalent + ":"
	tbxGuardPrefix = "guard:"
)

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
		if e.Terms = t.takeTerms(); e.Terms.Len() == 0 {
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
		if long(s) {
			t.warn(t.line(), "term of more than %d words is not matched in texts: %.40q…", MaxTermWords, s)
		}
		t.addTerm(t.lang, s)
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
		s = collapseSpace(s)
		switch {
		case strings.HasPrefix(s, tbxNonePrefix):
			for _, l := range strings.FieldsFunc(s[len(tbxNonePrefix):], func(r rune) bool { return r == ' ' || r == ',' }) {
				if b, ok := parseLangTag(l); ok {
					e.None = append(e.None, b)
				} else {
					t.warn(t.line(), "%s note: %q is not a language", NoEquivalent, l)
				}
			}
		case strings.HasPrefix(s, tbxGuardPrefix):
			e.Guard = strings.TrimSpace(s[len(tbxGuardPrefix):])
			if _, err := ParseGuard(e.Guard); err != nil {
				t.warn(t.line(), "%v", err)
			}
		case e.Note == "":
			e.Note = s
		}
	case "subset":
		if v := strings.ToLower(collapseSpace(s)); v == FlagGeneral || v == "general vocabulary" {
			e.General = true
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
