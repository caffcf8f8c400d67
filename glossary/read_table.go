package glossary

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// LangSource and LangTarget are the Terms keys of entries read from files
// that do not name their languages (OmegaT's two-column layout, whose columns
// are whatever the project's source and target are). Entry.Source and
// Entry.Target fall back on them.
const (
	LangSource = "source"
	LangTarget = "target"
)

// Source returns the terms of e in source language lang, or the terms of its
// unnamed source column.
func (e *Entry) Source(lang string) []string {
	if t := e.Terms.Get(baseLang(lang)); len(t) > 0 {
		return t
	}
	return e.Terms.Get(LangSource)
}

// Target returns the terms of e in target language lang, or the terms of its
// unnamed target column.
func (e *Entry) Target(lang string) []string {
	return e.targetIn(baseLang(lang))
}

// targetIn is Target for a base language (the matcher's, once per hit).
func (e *Entry) targetIn(base string) []string {
	if t := e.Terms.Get(base); len(t) > 0 {
		return t
	}
	return e.Terms.Get(LangTarget)
}

// SynonymSep separates several terms in one cell of the multi-language
// layouts ("réseau social | média social").
const SynonymSep = " | "

// column is what one column of a multi-language header holds.
type column struct {
	lang  string // base language, or "" for a field column
	field string // "domain", "pos", "note", "flags" or "guard"
}

// FlagGeneral is the value of the multi-language layouts' optional "flags"
// column that marks an entry as general vocabulary (Entry.General).
const FlagGeneral = "general"

// tableReader turns rows of cells into entries, in OmegaT's two-column
// layout or, when the first row is a header, the multi-language one.
type tableReader struct {
	name   string
	header []column // nil: two-column layout
	seen   bool     // a data row or header was seen
	// headerLine is the line of the header (0: none), and wide is set
	// when a row has more cells than it: AppendEntry must not add columns
	// to such a header (the extra cells would fill them).
	headerLine int
	wide       bool
	ents       []*Entry
	warns      []Warning
	entryBlocks
}

func (t *tableReader) warn(line int, format string, args ...any) {
	t.warns = append(t.warns, Warning{File: t.name, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// parseHeader returns the columns of row if every cell is a language tag or
// a known field name and at least one is a language.
func parseHeader(row []string) []column {
	cols := make([]column, len(row))
	langs := 0
	for i, c := range row {
		c = strings.TrimSpace(c)
		switch strings.ToLower(c) {
		case "domain", "subject":
			cols[i].field = "domain"
		case "pos":
			cols[i].field = "pos"
		case "note", "notes", "comment", "comments":
			cols[i].field = "note"
		case "flags", "flag":
			cols[i].field = "flags"
		case "guard":
			cols[i].field = "guard"
		default:
			b, ok := parseLangTag(c)
			if !ok {
				return nil
			}
			cols[i].lang = b
			langs++
		}
	}
	if langs == 0 {
		return nil
	}
	return cols
}

// row handles one non-comment row read at line.
func (t *tableReader) row(line int, cells []string) {
	if !t.seen {
		t.seen = true
		if h := parseHeader(cells); h != nil {
			t.header, t.headerLine = h, line
			return
		}
	}
	if t.header == nil {
		t.pair(line, cells)
	} else {
		t.multi(line, cells)
	}
}

// pair reads a row of OmegaT's layout. As OmegaT does (Java's split drops
// trailing empty columns), a row needs a non-empty source and target; a third
// column is the comment and further ones are ignored.
func (t *tableReader) pair(line int, cells []string) {
	for len(cells) > 0 && cells[len(cells)-1] == "" {
		cells = cells[:len(cells)-1]
	}
	switch {
	case len(cells) == 0:
		return // blank line
	case len(cells) == 1 && strings.TrimSpace(cells[0]) == "":
		return
	case cells[0] == "":
		t.warn(line, "empty source term")
		return
	case len(cells) < 2:
		t.warn(line, "want 2 or 3 columns (source, target, comment), got 1")
		return
	}
	if long(cells[0]) {
		t.warn(line, "term of more than %d words is not matched in texts: %.40q…", MaxTermWords, cells[0])
	}
	e := t.newEntry(t.name, line)
	t.addTerm(LangSource, cleanTerm(cells[0]))
	t.addTerm(LangTarget, cleanTerm(cells[1]))
	e.Terms = t.takeTerms()
	if len(cells) > 2 {
		e.Note = cleanTerm(cells[2])
	}
	t.ents = append(t.ents, e)
}

// multi reads a row of the multi-language layout.
func (t *tableReader) multi(line int, cells []string) {
	if len(cells) > len(t.header) {
		extra := cells[len(t.header):]
		for _, c := range extra {
			if strings.TrimSpace(c) != "" {
				t.warn(line, "want at most %d columns as in the header, got %d", len(t.header), len(cells))
				t.wide = true
				return
			}
		}
		cells = cells[:len(t.header)]
	}
	e := t.newEntry(t.name, line)
	for i, c := range cells {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		col := t.header[i]
		switch col.field {
		case "domain":
			e.Domain = cleanTerm(c)
		case "pos":
			e.POS = strings.ToLower(cleanTerm(c))
		case "note":
			e.Note = cleanTerm(c)
		case "flags":
			t.flags(line, e, c)
		case "guard":
			if _, err := ParseGuard(c); err != nil {
				t.warn(line, "%v", err)
			}
			e.Guard = cleanTerm(c)
		default:
			if c == NoEquivalent {
				e.None = append(e.None, col.lang)
				continue
			}
			// Cut rather than Split: a slice per cell was an allocation
			// per language of every entry.
			for rest, more := c, true; more; {
				var term string
				term, rest, more = strings.Cut(rest, "|")
				if term = strings.TrimSpace(term); term == NoEquivalent {
					t.warn(line, "%s among %s terms: the marker stands alone in its cell", NoEquivalent, col.lang)
				} else if term != "" {
					if long(term) {
						t.warn(line, "term of more than %d words is not matched in texts: %.40q…", MaxTermWords, term)
					}
					t.addTerm(col.lang, cleanTerm(term))
				}
			}
		}
	}
	if e.Terms = t.takeTerms(); e.Terms.Len() == 0 {
		if strings.TrimSpace(strings.Join(cells, "")) != "" {
			t.warn(line, "no term in any language column")
		}
		return
	}
	t.ents = append(t.ents, e)
}

// flags reads a "flags" cell: flag names separated by commas or spaces.
// An unknown flag is a warning, so a typo does not pass unnoticed.
func (t *tableReader) flags(line int, e *Entry, cell string) {
	for _, f := range strings.FieldsFunc(cell, func(r rune) bool { return r == ',' || r == ' ' }) {
		switch strings.ToLower(f) {
		case FlagGeneral:
			e.General = true
		default:
			t.warn(line, "unknown flag %q (known: %s)", f, FlagGeneral)
		}
	}
}

// readTSV reads OmegaT's tab-separated layout or the multi-language TSV:
// lines end in LF, CRLF or CR; a line starting with "#" is a comment; cells
// are split on tabs with no quoting.
func readTSV(text []byte, name string) (*Glossary, []Warning, error) {
	t := scanTSV(text, name)
	return New(t.ents...), t.warns, nil
}

func scanTSV(text []byte, name string) *tableReader {
	t := &tableReader{name: name}
	t.ents = make([]*Entry, 0, bytes.Count(text, []byte{'\n'})+1)
	var cells []string
	// One string for the whole text: cells are parts of it rather than
	// parts of one string a line (a million allocations).
	rest := string(text)
	for line := 1; len(rest) > 0; line++ {
		i := strings.IndexAny(rest, "\r\n")
		var s string
		if i < 0 {
			s, rest = rest, ""
		} else {
			s = rest[:i]
			if rest[i] == '\r' && i+1 < len(rest) && rest[i+1] == '\n' {
				i++
			}
			rest = rest[i+1:]
		}
		if len(s) == 0 || s[0] == '#' {
			continue
		}
		cells = cells[:0]
		for {
			j := strings.IndexByte(s, '\t')
			if j < 0 {
				cells = append(cells, s)
				break
			}
			cells = append(cells, s[:j])
			s = s[j+1:]
		}
		t.row(line, cells)
	}
	return t
}

// readCSV reads RFC 4180 CSV (quoted fields may hold commas, quotes and line
// breaks; lines starting with "#" are comments) in OmegaT's layout or the
// multi-language one. A malformed record is a warning with its line.
func readCSV(text []byte, name string) (*Glossary, []Warning, error) {
	t, err := scanCSV(text, name)
	if err != nil {
		return nil, t.warns, err
	}
	return New(t.ents...), t.warns, nil
}

func scanCSV(text []byte, name string) (*tableReader, error) {
	t := &tableReader{name: name}
	r := csv.NewReader(bytes.NewReader(text))
	r.Comment = '#'
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				t.warn(pe.StartLine, "%v", pe.Err)
				continue
			}
			return t, fmt.Errorf("read glossary %s: %w", name, err)
		}
		line, _ := r.FieldPos(0)
		t.row(line, rec)
	}
	return t, nil
}
