package glossary

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/trad-project/trad/internal/safefile"
	"github.com/trad-project/trad/internal/xmlscan"
)

// WriteOptions says which languages a writer puts out.
type WriteOptions struct {
	// From and To are the languages of the two-language layouts (FormatTSV,
	// FormatCSV); they also name the unnamed columns of OmegaT-layout
	// entries in the other formats. Defaults: "fr" and "en".
	From, To string
	// Langs are the languages of the multi-language formats and TBX, in
	// column order. Default: From, To, then every other language found,
	// sorted.
	Langs []string
}

// ErrNothingToWrite is returned when no entry has terms in the languages a
// format needs.
var ErrNothingToWrite = errors.New("no entry has terms in the languages to write")

func (o *WriteOptions) defaults(g *Glossary) {
	if o.From == "" {
		o.From = "fr"
	}
	if o.To == "" {
		o.To = "en"
	}
	o.From, o.To = baseLang(o.From), baseLang(o.To)
	if len(o.Langs) == 0 {
		seen := map[string]bool{o.From: true, o.To: true}
		var rest []string
		for _, e := range g.Entries() {
			for l := range e.Terms.All() {
				if l != LangSource && l != LangTarget && !seen[l] {
					seen[l] = true
					rest = append(rest, l)
				}
			}
		}
		sort.Strings(rest)
		o.Langs = append([]string{o.From, o.To}, rest...)
	} else {
		for i, l := range o.Langs {
			o.Langs[i] = baseLang(l)
		}
	}
}

// terms returns e's terms in lang, unnamed columns counting as From and To.
func (o *WriteOptions) terms(e *Entry, lang string) []string {
	if t := e.Terms.Get(lang); len(t) > 0 {
		return t
	}
	switch lang {
	case o.From:
		return e.Terms.Get(LangSource)
	case o.To:
		return e.Terms.Get(LangTarget)
	}
	return nil
}

// Write writes g to w in format and returns how many entries it wrote.
// Entries without terms in the languages the format needs are left out
// (the two-language layouts need both From and To). FormatTSV writes one
// line per source and target term pair, as OmegaT reads them.
func Write(w io.Writer, g *Glossary, format Format, opts WriteOptions) (int, error) {
	opts.defaults(g)
	bw := bufio.NewWriterSize(w, 64<<10)
	var (
		n   int
		err error
	)
	switch format {
	case FormatTSV, FormatCSV:
		n, err = writePairs(bw, g, format, &opts)
	case FormatTSVMulti, FormatCSVMulti:
		n, err = writeMulti(bw, g, format, &opts)
	case FormatTBX:
		n, err = writeTBX(bw, g, false, &opts)
	case FormatTBX3:
		n, err = writeTBX(bw, g, true, &opts)
	default:
		return 0, fmt.Errorf("write glossary: unknown format %q", format)
	}
	if err != nil {
		return n, err
	}
	if n == 0 {
		return 0, ErrNothingToWrite
	}
	return n, bw.Flush()
}

// WriteFile writes g to path in format without ever leaving a partial file:
// it writes a temporary file in the same folder, syncs it, and renames it
// over path.
func WriteFile(path string, g *Glossary, format Format, opts WriteOptions) (int, error) {
	var n int
	err := safefile.Write(path, func(w io.Writer) (err error) {
		n, err = Write(w, g, format, opts)
		return err
	}, safefile.Options{})
	if err != nil {
		return 0, fmt.Errorf("write glossary %s: %w", path, err)
	}
	return n, nil
}

// flat makes s fit on one cell of a line: tabs and line breaks become spaces.
func flat(s string) string {
	if strings.ContainsAny(s, "\t\r\n") {
		return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\t' || r == '\r' || r == '\n' }), " ")
	}
	return s
}

// csvField quotes a CSV field when RFC 4180 needs it, and also when it
// starts with "#" (which readers, trad's included, take for a comment) or
// with or ends in a space.
func csvField(s string) string {
	if s == "" || !(strings.ContainsAny(s, ",\"\r\n") || s[0] == '#' || s[0] == ' ' || s[len(s)-1] == ' ') {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

func writeRow(w *bufio.Writer, cells []string, format Format) {
	for i, c := range cells {
		if i > 0 {
			if format == FormatCSV || format == FormatCSVMulti {
				w.WriteByte(',')
			} else {
				w.WriteByte('\t')
			}
		}
		if format == FormatCSV || format == FormatCSVMulti {
			w.WriteString(csvField(c))
		} else {
			w.WriteString(flat(c))
		}
	}
	w.WriteString("\n")
}

func writePairs(w *bufio.Writer, g *Glossary, format Format, o *WriteOptions) (int, error) {
	n := 0
	cells := make([]string, 3)
	for _, e := range g.Entries() {
		src, tgt := o.terms(e, o.From), o.terms(e, o.To)
		if len(src) == 0 || len(tgt) == 0 {
			continue
		}
		wrote := false
		for _, s := range src {
			s = strings.TrimSpace(flat(s))
			// OmegaT drops a line whose source is empty or starts with "#".
			if s == "" || (format == FormatTSV && s[0] == '#') {
				continue
			}
			for _, t := range tgt {
				if t = strings.TrimSpace(flat(t)); t == "" {
					continue
				}
				cells = pairCells(cells[:0], s, t, e.Note, n == 0 && !wrote)
				writeRow(w, cells, format)
				wrote = true
			}
		}
		if wrote {
			n++
		}
	}
	return n, nil
}

// pairCells returns the cells of a two-column row. The first row of a
// file gets an empty fourth cell when its cells would otherwise read back
// as a multi-language header ("fr", "en"; "AA", "AA", "AA "): readers
// drop trailing empty cells, as OmegaT does, and a header has none.
func pairCells(cells []string, src, tgt, note string, first bool) []string {
	cells = append(cells, src, tgt)
	if note != "" {
		cells = append(cells, note)
	}
	if first && parseHeader(cells) != nil {
		if note == "" {
			cells = append(cells, "")
		}
		cells = append(cells, "")
	}
	return cells
}

func writeMulti(w *bufio.Writer, g *Glossary, format Format, o *WriteOptions) (int, error) {
	header := append(append([]string(nil), o.Langs...), "domain", "pos", "note")
	// The "flags" column is written only when needed, so a glossary without
	// general vocabulary keeps the nine-column layout other tools expect.
	flags := slices.ContainsFunc(g.Entries(), func(e *Entry) bool { return e.General })
	if flags {
		header = append(header, "flags")
	}
	guards := slices.ContainsFunc(g.Entries(), func(e *Entry) bool { return e.Guard != "" })
	if guards {
		header = append(header, "guard")
	}
	writeRow(w, header, format)
	n := 0
	cells := make([]string, len(header))
	for _, e := range g.Entries() {
		has := false
		for i, l := range o.Langs {
			ts := o.terms(e, l)
			clean := make([]string, 0, len(ts))
			for _, t := range ts {
				if t = strings.TrimSpace(flat(t)); t != "" {
					clean = append(clean, t)
				}
			}
			cells[i] = strings.Join(clean, SynonymSep)
			has = has || len(clean) > 0
			if len(clean) == 0 && e.HasNone(l) {
				cells[i] = NoEquivalent
			}
		}
		if !has {
			continue
		}
		k := len(o.Langs)
		cells[k], cells[k+1], cells[k+2] = e.Domain, e.POS, e.Note
		if flags {
			cells[k+3] = ""
			if e.General {
				cells[k+3] = FlagGeneral
			}
		}
		if guards {
			cells[len(cells)-1] = e.Guard
		}
		if format == FormatTSVMulti && strings.HasPrefix(cells[0], "#") {
			continue // would read back as a comment
		}
		writeRow(w, cells, format)
		n++
	}
	return n, nil
}

// posToTBX maps trad's part-of-speech names to TBX-Basic's picklist.
var posToTBX = map[string]string{"noun": "noun", "verb": "verb", "adj": "adjective", "adv": "adverb", "propn": "properNoun", "other": "other"}

// xmlText escapes s for TBX character data (xmlscan.Escape: characters
// XML cannot hold are dropped, not written as U+FFFD).
func xmlText(s string) string { return xmlscan.EscapeString(s, false) }

// writeTBX writes TBX-Basic: the 2008 <martif> form that OmegaT and
// translate-toolkit read (valid against TBXBasiccoreStructV02.dtd), or TBX
// v3 (valid against TBXcoreStructV03.rng).
func writeTBX(w *bufio.Writer, g *Glossary, v3 bool, o *WriteOptions) (int, error) {
	w.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	if v3 {
		fmt.Fprintf(w, "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"%s\" xmlns=\"urn:iso:std:iso:30042:ed-2\">\n", o.From)
		w.WriteString("  <tbxHeader>\n    <fileDesc>\n      <sourceDesc>\n        <p>Written by trad</p>\n      </sourceDesc>\n    </fileDesc>\n  </tbxHeader>\n")
	} else {
		w.WriteString("<!DOCTYPE martif SYSTEM \"TBXBasiccoreStructV02.dtd\">\n")
		fmt.Fprintf(w, "<martif type=\"TBX-Basic\" xml:lang=\"%s\">\n", o.From)
		w.WriteString("  <martifHeader>\n    <fileDesc>\n      <sourceDesc>\n        <p>Written by trad</p>\n      </sourceDesc>\n    </fileDesc>\n" +
			"    <encodingDesc>\n      <p type=\"XCSURI\">TBXBasicXCSV02.xcs</p>\n    </encodingDesc>\n  </martifHeader>\n")
	}
	w.WriteString("  <text>\n    <body>\n")
	n := 0
	for _, e := range g.Entries() {
		if writeTBXEntry(w, e, v3, o, fmt.Sprintf("c%d", n+1), "      ", "  ") {
			n++
		}
	}
	w.WriteString("    </body>\n  </text>\n")
	if v3 {
		w.WriteString("</tbx>\n")
	} else {
		w.WriteString("</martif>\n")
	}
	return n, nil
}

// writeTBXEntry writes e as a TBX-Basic termEntry (conceptEntry in v3)
// with attribute id, its lines starting with indent and nested by unit,
// and reports whether it wrote it (an entry without terms in o.Langs is
// left out).
func writeTBXEntry(w *bufio.Writer, e *Entry, v3 bool, o *WriteOptions, id, indent, unit string) bool {
	entry, lang, term := "termEntry", "langSet", "tig"
	if v3 {
		entry, lang, term = "conceptEntry", "langSec", "termSec"
	}
	has := false
	for _, l := range o.Langs {
		for _, t := range o.terms(e, l) {
			if strings.TrimSpace(t) != "" {
				has = true
			}
		}
	}
	if !has {
		return false
	}
	in1, in2, in3 := indent+unit, indent+unit+unit, indent+unit+unit+unit
	fmt.Fprintf(w, "%s<%s id=\"%s\">\n", indent, entry, id)
	if e.Domain != "" {
		fmt.Fprintf(w, "%s<descrip type=\"subjectField\">%s</descrip>\n", in1, xmlText(e.Domain))
	}
	if e.Note != "" {
		fmt.Fprintf(w, "%s<note>%s</note>\n", in1, xmlText(e.Note))
	}
	if none := noneLangs(e, o); len(none) > 0 {
		fmt.Fprintf(w, "%s<note>%s %s</note>\n", in1, tbxNonePrefix, strings.Join(none, " "))
	}
	if e.Guard != "" {
		fmt.Fprintf(w, "%s<note>%s %s</note>\n", in1, tbxGuardPrefix, xmlText(e.Guard))
	}
	if e.General {
		// TBX-Basic's entry-level subset category: the entry belongs
		// to the "general" subset (general vocabulary).
		fmt.Fprintf(w, "%s<admin type=\"%s\">%s</admin>\n", in1, tbxSubset, FlagGeneral)
	}
	pos := posToTBX[e.POS]
	if pos == "" {
		pos = e.POS
	}
	for _, l := range o.Langs {
		var ts []string
		for _, t := range o.terms(e, l) {
			if t = strings.TrimSpace(t); t != "" {
				ts = append(ts, t)
			}
		}
		if len(ts) == 0 {
			continue
		}
		fmt.Fprintf(w, "%s<%s xml:lang=\"%s\">\n", in1, lang, l)
		for _, t := range ts {
			fmt.Fprintf(w, "%s<%s>\n%s<term>%s</term>\n", in2, term, in3, xmlText(t))
			if pos != "" {
				fmt.Fprintf(w, "%s<termNote type=\"partOfSpeech\">%s</termNote>\n", in3, xmlText(pos))
			}
			fmt.Fprintf(w, "%s</%s>\n", in2, term)
		}
		fmt.Fprintf(w, "%s</%s>\n", in1, lang)
	}
	fmt.Fprintf(w, "%s</%s>\n", indent, entry)
	return true
}

// noneLangs returns the languages written (o.Langs) in which e has the
// NoEquivalent marker and no term.
func noneLangs(e *Entry, o *WriteOptions) []string {
	var out []string
	for _, l := range o.Langs {
		if len(o.terms(e, l)) == 0 && e.HasNone(l) {
			out = append(out, l)
		}
	}
	return out
}
