package glossary

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/trad-project/trad/internal/xmlscan"
)

// fileEncoding writes text back in the encoding a glossary file had.
type fileEncoding struct {
	bom []byte
	enc encoding.Encoding // nil: UTF-8
}

func (f fileEncoding) encode(text []byte) ([]byte, error) {
	if f.enc == nil {
		return append(append([]byte(nil), f.bom...), text...), nil
	}
	out, err := f.enc.NewEncoder().Bytes(text)
	if err != nil {
		return nil, fmt.Errorf("the term cannot be written in the file's encoding: %w", err)
	}
	return out, nil
}

// decodeForAppend returns raw as UTF-8 text and its encoding, or an error
// when writing the text back would not give raw again (invalid UTF-8, a
// byte Windows-1252 leaves undefined): AppendEntry never changes what it
// does not add.
func decodeForAppend(raw []byte) ([]byte, fileEncoding, error) {
	text, name, err := decode(raw)
	if err != nil {
		return nil, fileEncoding{}, err
	}
	var f fileEncoding
	switch {
	case name == "UTF-16" && bytes.HasPrefix(raw, []byte{0xFF, 0xFE}):
		f.enc = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	case name == "UTF-16":
		f.enc = unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	case name == "Windows-1252":
		f.enc = charmap.Windows1252
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		f.bom = raw[:3]
	}
	back, err := f.encode(text)
	if err != nil || !bytes.Equal(back, raw) {
		return nil, f, fmt.Errorf("its %s content would not be kept as it is; convert it to UTF-8 first", name)
	}
	return text, f, nil
}

// pairNote is the comment column of a two-column row for e: the note,
// after the domain in brackets (the layout has no domain column).
func pairNote(e *Entry) string {
	if e.Domain == "" {
		return e.Note
	}
	return strings.TrimSpace("[" + e.Domain + "] " + e.Note)
}

// appendTable appends e to a TSV or CSV glossary (text decoded) in its
// layout, and returns the new text and the line of e's first row.
func appendTable(text []byte, name string, format Format, e *Entry, src, tgt string) ([]byte, int, error) {
	var t *tableReader
	if format == FormatCSV || format == FormatCSVMulti {
		format = FormatCSV
		var err error
		if t, err = scanCSV(text, name); err != nil {
			return nil, 0, err
		}
	} else {
		format = FormatTSV
		t = scanTSV(text, name)
	}
	eol := lineEnd(text)
	var rows [][]string
	if t.header == nil {
		note := pairNote(e)
		for _, s := range e.Terms.Get(src) {
			if format == FormatTSV && strings.HasPrefix(s, "#") {
				return nil, 0, fmt.Errorf("source term %q: a line starting with \"#\" is a comment in this layout", s)
			}
			for _, tg := range e.Terms.Get(tgt) {
				rows = append(rows, pairCells(nil, s, tg, note, !t.seen && len(rows) == 0))
			}
		}
	} else {
		var row []string
		text, row = multiRow(text, t, format, e, src, tgt)
		if row == nil {
			return nil, 0, fmt.Errorf("line %d: the header lacks a column for the term, and rows have more cells than it (fix them first)", t.headerLine)
		}
		if format == FormatTSV && strings.HasPrefix(row[0], "#") {
			return nil, 0, fmt.Errorf("term %q: a line starting with \"#\" is a comment in this layout", row[0])
		}
		rows = append(rows, row)
	}
	out := append([]byte(nil), text...)
	if n := len(out); n > 0 && out[n-1] != '\n' && out[n-1] != '\r' {
		out = append(out, eol...)
	}
	line := lineCount(out) + 1
	for _, r := range rows {
		out = append(out, rowBytes(r, format, eol)...)
	}
	return out, line, nil
}

// multiRow returns e's row under the multi-language header of t, and text
// with the columns the header lacks (e's languages, "domain", "note",
// "pos") added at the end of the header line; a nil row when columns are
// needed but rows already have cells past the header (t.wide).
func multiRow(text []byte, t *tableReader, format Format, e *Entry, src, tgt string) ([]byte, []string) {
	cols := append([]column(nil), t.header...)
	var added []string
	index := func(c column) int {
		for i, h := range cols {
			if h == c {
				return i
			}
		}
		cols = append(cols, c)
		if c.lang != "" {
			added = append(added, c.lang)
		} else {
			added = append(added, c.field)
		}
		return len(cols) - 1
	}
	cells := map[int]string{
		index(column{lang: src}): strings.Join(e.Terms.Get(src), SynonymSep),
		index(column{lang: tgt}): strings.Join(e.Terms.Get(tgt), SynonymSep),
	}
	if e.Domain != "" {
		cells[index(column{field: "domain"})] = e.Domain
	}
	if e.Note != "" {
		cells[index(column{field: "note"})] = e.Note
	}
	if e.POS != "" {
		cells[index(column{field: "pos"})] = e.POS
	}
	row := make([]string, len(cols))
	for i, c := range cells {
		row[i] = c
	}
	for len(row) > 0 && row[len(row)-1] == "" {
		row = row[:len(row)-1]
	}
	if len(added) > 0 {
		if t.wide {
			return text, nil
		}
		text = extendHeader(text, t.headerLine, added, format)
	}
	return text, row
}

// extendHeader returns text with cells added at the end of line (1-based).
func extendHeader(text []byte, line int, cells []string, format Format) []byte {
	start := 0
	for n := 1; n < line; n++ {
		i := bytes.IndexAny(text[start:], "\r\n")
		start += i
		if text[start] == '\r' && start+1 < len(text) && text[start+1] == '\n' {
			start++
		}
		start++
	}
	end := len(text)
	if i := bytes.IndexAny(text[start:], "\r\n"); i >= 0 {
		end = start + i
	}
	sep := "\t"
	if format == FormatCSV {
		sep = ","
	}
	var b bytes.Buffer
	b.Write(text[:end])
	for _, c := range cells {
		b.WriteString(sep + c)
	}
	b.Write(text[end:])
	return b.Bytes()
}

// appendTBX inserts e as a new entry before the closing </body> of a TBX
// file (decoded) that reads (a malformed one is an error: the entry would
// never be matched), indented as the file is, and returns the new text and
// the line of the entry's start tag. The reader gives the end tag's
// offset (xmlscan.EndTagHandler), so that comments, CDATA sections or a
// DOCTYPE holding "</body>" are never taken for it.
func appendTBX(text []byte, name string, e *Entry, src, tgt string) ([]byte, int, error) {
	t, err := scanTBX(&xmlscan.Reader{}, text, name)
	if err != nil {
		return nil, 0, err
	}
	// The offset is in text itself (the reader reads it as UTF-8 whatever
	// its declaration says); refusing beats an entry in the wrong place.
	at := int(t.bodyAt)
	if t.bodyEnd == 0 || at < 0 || at >= len(text) || !bytes.HasPrefix(text[at:], []byte("</")) ||
		1+bytes.Count(text[:at], []byte{'\n'}) > t.bodyEnd {
		return nil, 0, errors.New("no </body> element to add the entry to")
	}
	n := bytes.Count(text, []byte("<termEntry")) + bytes.Count(text, []byte("<conceptEntry")) + 1
	out, line := insertTBXEntry(text, at, e, src, tgt, freeEntryID(text, n))
	return out, line, nil
}

// freeEntryID returns "cN" for the first N from n that no id="cN" of text
// uses, collecting the ids in one pass.
func freeEntryID(text []byte, n int) string {
	used := map[int]bool{}
	for rest := text; ; {
		k := bytes.Index(rest, []byte(`id="c`))
		if k < 0 {
			break
		}
		rest = rest[k+len(`id="c`):]
		j := 0
		for j < len(rest) && j < 10 && '0' <= rest[j] && rest[j] <= '9' {
			j++
		}
		if j == 0 || j == 10 || j >= len(rest) || rest[j] != '"' || rest[0] == '0' && j > 1 {
			continue
		}
		if v, _ := strconv.Atoi(string(rest[:j])); v >= n {
			used[v] = true
		}
	}
	for used[n] {
		n++
	}
	return fmt.Sprintf("c%d", n)
}

// insertTBXEntry returns text with e written as an entry with id before
// the "</body>" at byte at, and the line of the entry's start tag.
func insertTBXEntry(text []byte, at int, e *Entry, src, tgt, id string) ([]byte, int) {
	v3 := bytes.Contains(text, []byte("<conceptEntry")) || bytes.Contains(text, []byte("urn:iso:std:iso:30042:ed-2"))
	eol := lineEnd(text)
	lineStart := bytes.LastIndexByte(text[:at], '\n') + 1
	indent := string(text[lineStart:at])
	unit := "  "
	if strings.Contains(indent, "\t") {
		unit = "\t"
	}
	var prefix string
	if strings.TrimLeft(indent, " \t") == "" {
		at = lineStart
		indent += unit
	} else {
		prefix, indent = eol, ""
	}
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	writeTBXEntry(w, e, v3, &WriteOptions{From: src, To: tgt, Langs: []string{src, tgt}}, id, indent, unit)
	w.Flush()
	entry := buf.Bytes()
	if eol != "\n" {
		entry = bytes.ReplaceAll(entry, []byte("\n"), []byte(eol))
	}
	var out bytes.Buffer
	out.Write(text[:at])
	out.WriteString(prefix)
	line := 1 + bytes.Count(out.Bytes(), []byte{'\n'})
	out.Write(entry)
	out.Write(text[at:])
	return out.Bytes(), line
}
