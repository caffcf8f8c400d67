package bitext

import (
	"fmt"
	"io"
	"slices"
)

// TMXWriter writes TUs as TMX 1.4b: the counterpart of ReadTMX for callers
// that hold units rather than a segments.Document (the translation
// memory's compaction of the user memory). What ReadTMX reads back from its
// output is what was written: tuid, creation and change dates (to the
// second), props, note, and each variant's text with its level-2 codes
// (TU.Tags, see TMXTags) (characters XML 1.0
// forbids are dropped and reported through Options.Warn). Units are written
// as they come; Close ends the document.
type TMXWriter struct {
	x       *xmlWriter
	srcLang string
	opts    Options
	now     string
	n       int
	langs   []string
	props   []string
}

// NewTMXWriter starts a TMX document whose header names srcLang as the
// source language. Options used: ToolVersion, Now (the dates of units
// without one), Warn.
func NewTMXWriter(w io.Writer, srcLang string, opts Options) *TMXWriter {
	t := &TMXWriter{x: newXMLWriter(w), srcLang: srcLang, opts: opts, now: tmxDate(opts.now())}
	x := t.x
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<!DOCTYPE tmx SYSTEM "tmx14.dtd">` + "\n" +
		`<tmx version="1.4">` + "\n" +
		`  <header creationtool="trad" creationtoolversion="`)
	x.attr(opts.toolVersion())
	x.raw(`" segtype="sentence" o-tmf="trad" adminlang="en" srclang="`)
	x.attr(srcLang)
	x.raw(`" datatype="plaintext" creationdate="` + t.now + `"/>` + "\n  <body>\n")
	return t
}

// Write writes one unit. Variants are written source language first, then
// by tag; props by type, so the output does not depend on map order. A
// unit without a date gets the writer's Now; a unit without a change date
// gets its creation date.
func (t *TMXWriter) Write(tu TU) error {
	x := t.x
	t.n++
	created, changed := t.now, t.now
	if !tu.Created.IsZero() {
		created, changed = tmxDate(tu.Created), tmxDate(tu.Created)
	}
	if !tu.Changed.IsZero() {
		changed = tmxDate(tu.Changed)
	}
	x.raw(`    <tu`)
	if tu.ID != "" {
		x.raw(` tuid="`)
		x.attr(tu.ID)
		x.raw(`"`)
	}
	x.raw(` creationdate="` + created + `" changedate="` + changed + "\">\n")
	t.props = sortedKeys(t.props[:0], tu.Props, "")
	for _, k := range t.props {
		x.raw(`      <prop type="`)
		x.attr(k)
		x.raw(`">`)
		x.text(tu.Props[k])
		x.raw("</prop>\n")
	}
	if tu.Note != "" {
		x.raw("      <note>")
		x.text(tu.Note)
		x.raw("</note>\n")
	}
	t.langs = sortedKeys(t.langs[:0], tu.Variants, t.srcLang)
	for _, l := range t.langs {
		x.raw(`      <tuv xml:lang="`)
		x.attr(l)
		x.raw(`"><seg>`)
		x.tmxCodes(tu.Variants[l], tu.Tags[l])
		x.raw("</seg></tuv>\n")
	}
	x.raw("    </tu>\n")
	if n := x.takeRemoved(); n > 0 {
		t.opts.warn("unit %d: removed %d character(s) not allowed in XML 1.0", t.n, n)
	}
	return x.err
}

// Close ends the document and flushes it; it does not close the
// underlying writer.
func (t *TMXWriter) Close() error {
	t.x.raw("  </body>\n</tmx>\n")
	if err := t.x.flush(); err != nil {
		return fmt.Errorf("write TMX: %w", err)
	}
	return nil
}

// sortedKeys appends m's keys to dst sorted, first first when present.
func sortedKeys(dst []string, m map[string]string, first string) []string {
	for k := range m {
		if k != first {
			dst = append(dst, k)
		}
	}
	slices.Sort(dst)
	if _, ok := m[first]; ok && first != "" {
		dst = slices.Insert(dst, 0, first)
	}
	return dst
}
