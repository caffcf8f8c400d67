package bitext

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/trad-project/trad/segments"
)

// WriteTMX writes doc's exported pairs as TMX 1.4b: one <tu> per segment
// (or per block with opts.TMX.Level LevelParagraph), each with the source and
// target <tuv> tagged with the document's BCP 47 languages, the segment
// status as <prop type="x-status">, a machine translation's origin as
// <prop type="x-origin">mt</prop> and <prop type="x-mt-engine">, its context as <prop type="prev"> and
// <prop type="next"> with opts.Context, and its note as <note>. Segments without
// an exported target are skipped. Characters XML 1.0 forbids are removed and
// reported through opts.Warn. Units are written as they are produced.
func WriteTMX(w io.Writer, doc *segments.Document, opts Options) error {
	src, tgt, err := langTags(doc)
	if err != nil {
		return fmt.Errorf("write TMX: %w", err)
	}
	paragraph := false
	switch opts.TMX.Level {
	case "", LevelSentence:
	case LevelParagraph:
		paragraph = true
	default:
		return fmt.Errorf("write TMX: unknown level %q (want sentence or paragraph)", opts.TMX.Level)
	}
	if paragraph && opts.TMX.Tags {
		return fmt.Errorf("write TMX: inline tags (--tmx-tags) are written at sentence level only")
	}
	now := opts.now()
	nowStamp := tmxDate(now)
	x := newXMLWriter(w)
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<!DOCTYPE tmx SYSTEM "tmx14.dtd">` + "\n" +
		`<tmx version="1.4">` + "\n" +
		`  <header creationtool="trad" creationtoolversion="`)
	x.attr(opts.toolVersion())
	segtype := "sentence"
	if paragraph {
		segtype = "paragraph"
	}
	x.raw(`" segtype="` + segtype + `" o-tmf="trad" adminlang="en" srclang="`)
	x.attr(src)
	x.raw(`" datatype="plaintext" creationdate="` + nowStamp + `"/>` + "\n  <body>\n")

	var (
		num         [20]byte
		lastChanged time.Time
		lastStamp   = nowStamp
	)
	// context returns unit i's neighbours: segments, or blocks that have
	// segments (code blocks are never units).
	context := func(i int) (prev, next string, ok bool) {
		if !opts.Context {
			return "", "", false
		}
		if opts.ContextOf != nil {
			return opts.ContextOf(i)
		}
		if !paragraph {
			if i > 0 {
				prev = doc.Segments[i-1].Source
			}
			if i+1 < len(doc.Segments) {
				next = doc.Segments[i+1].Source
			}
			return prev, next, true
		}
		for b := i - 1; b >= 0; b-- {
			if doc.Blocks[b].Count > 0 {
				prev = blockSource(doc, b)
				break
			}
		}
		for b := i + 1; b < len(doc.Blocks); b++ {
			if doc.Blocks[b].Count > 0 {
				next = blockSource(doc, b)
				break
			}
		}
		return prev, next, true
	}
	// segText writes the text of segment s's source (or target) with its
	// tags when the options ask for them (s is nil for a block).
	segText := func(s *segments.Segment, text string, target bool) {
		if !opts.TMX.Tags || s == nil {
			x.text(text)
			return
		}
		tags := s.SourceTags
		if target {
			tags = s.TargetTags
		}
		if s.Block < 0 || s.Block >= len(doc.Blocks) || len(tags) == 0 && len(s.Wrap) == 0 {
			x.text(text)
			return
		}
		x.tmxSeg(&doc.Blocks[s.Block], text, tags, s.Wrap)
	}
	unit := func(id int, source, target, status, note string, changed time.Time, kind string, seg *segments.Segment) {
		created := nowStamp
		if !changed.IsZero() {
			if !changed.Equal(lastChanged) { // dates repeat: format each once
				lastChanged, lastStamp = changed, tmxDate(changed)
			}
			created = lastStamp
		}
		x.raw(`    <tu tuid="`)
		if x.err == nil {
			x.w.Write(strconv.AppendInt(num[:0], int64(id), 10))
		}
		x.raw(`" creationdate="`)
		x.raw(created)
		x.raw(`" changedate="`)
		x.raw(created)
		x.raw("\">\n")
		x.raw(`      <prop type="x-status">`)
		x.raw(status)
		x.raw("</prop>\n")
		if seg != nil && seg.Origin == segments.OriginMT {
			// A machine translation says so, and which engine made it.
			x.raw(`      <prop type="x-origin">mt</prop>` + "\n")
			if seg.MTEngine != "" {
				x.raw(`      <prop type="x-mt-engine">`)
				x.text(seg.MTEngine)
				x.raw("</prop>\n")
			}
		}
		// The DTD allows props and notes in any order before the <tuv>s.
		if prev, next, ok := context(id - 1); ok {
			removed := x.takeRemoved()
			x.raw(`      <prop type="prev">`)
			x.text(prev)
			x.raw("</prop>\n" + `      <prop type="next">`)
			x.text(next)
			x.raw("</prop>\n")
			x.takeRemoved() // the neighbours' own units report their characters
			x.removed = removed
		}
		if note != "" {
			x.raw("      <note>")
			x.text(note)
			x.raw("</note>\n")
		}
		x.raw(`      <tuv xml:lang="`)
		x.attr(src)
		x.raw(`"><seg>`)
		segText(seg, source, false)
		x.raw("</seg></tuv>\n" + `      <tuv xml:lang="`)
		x.attr(tgt)
		x.raw(`"><seg>`)
		segText(seg, target, true)
		x.raw("</seg></tuv>\n    </tu>\n")
		if n := x.takeRemoved(); n > 0 {
			opts.warn("%s %d: removed %d character(s) not allowed in XML 1.0", kind, id, n)
		}
	}

	if paragraph {
		for b := range doc.Blocks {
			source, target, ok := blockTexts(doc, b, opts)
			if !ok {
				continue
			}
			segs := doc.BlockSegments(b)
			status, changed, note := segs[0].Status, segs[0].Changed, ""
			for i := range segs {
				s := &segs[i]
				if s.Status < status {
					status = s.Status // a block is only as far as its least advanced segment
				}
				if s.Changed.After(changed) {
					changed = s.Changed
				}
				if s.Note != "" {
					if note != "" {
						note += "\n"
					}
					note += s.Note
				}
			}
			unit(b+1, source, target, status.String(), note, changed, "block", nil)
		}
	} else {
		for i := range doc.Segments {
			s := &doc.Segments[i]
			if !Exported(s, opts) {
				continue
			}
			unit(i+1, s.Source, s.Target, s.Status.String(), s.Note, s.Changed, "segment", s)
		}
	}
	x.raw("  </body>\n</tmx>\n")
	if err := x.flush(); err != nil {
		return fmt.Errorf("write TMX: %w", err)
	}
	return nil
}
