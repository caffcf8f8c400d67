package bitext

import (
	"fmt"
	"io"
	"path/filepath"
	"strconv"

	"github.com/trad-project/trad/segments"
)

// XLIFF namespaces.
const (
	xliff2NS  = "urn:oasis:names:tc:xliff:document:2.0"
	xliff12NS = "urn:oasis:names:tc:xliff:document:1.2"
	// tradNS qualifies trad's own attributes (a note's segment) and values
	// (subState "trad:draft", unit type "trad:heading").
	tradNS = "urn:trad-project:trad"
)

// XLIFF segment states. trad's statuses map to XLIFF 2 as
//
//	new        → initial, no <target>
//	draft      → initial with subState="trad:draft" (the target is kept, but
//	             not yet approved: XLIFF 2 has no "draft" state)
//	translated → translated
//	reviewed   → reviewed
//
// and to XLIFF 1.2 <target state> as new → (no target), draft →
// needs-review-translation, translated → translated, reviewed → signed-off.
// Reading maps back the same way, with XLIFF 2 final → reviewed, XLIFF 1.2
// final → reviewed, needs-translation/new with a target → draft and any
// other needs-* state → draft.
func xliff2State(st segments.Status) (state, subState string) {
	switch st {
	case segments.StatusDraft:
		return "initial", "trad:draft"
	case segments.StatusTranslated:
		return "translated", ""
	case segments.StatusReviewed:
		return "reviewed", ""
	}
	return "initial", ""
}

func xliff12State(st segments.Status) string {
	switch st {
	case segments.StatusDraft:
		return "needs-review-translation"
	case segments.StatusTranslated:
		return "translated"
	case segments.StatusReviewed:
		return "signed-off"
	}
	return "new"
}

// WriteXLIFF writes doc as XLIFF: version 2.1 by default, "2.0" or "1.2"
// with opts.XLIFF.Version. Every segment's source is written so another CAT
// tool can translate the whole document; a <target> is written only for
// exported targets (confirmed, or drafts with opts.All). In XLIFF 2 each
// block is a <unit id="bN"> whose <segment id="sN">s are separated by
// <ignorable> source whitespace; in 1.2 each block is a <group id="bN"> of
// <trans-unit id="sN">. Code blocks are not written. Notes are kept.
func WriteXLIFF(w io.Writer, doc *segments.Document, opts Options) error {
	src, tgt, err := langTags(doc)
	if err != nil {
		return fmt.Errorf("write XLIFF: %w", err)
	}
	x := newXMLWriter(w)
	switch v := opts.XLIFF.Version; v {
	case "", XLIFF21, XLIFF20:
		if v == "" {
			v = XLIFF21
		}
		writeXLIFF2(x, doc, src, tgt, string(v), opts)
	case XLIFF12:
		writeXLIFF12(x, doc, src, tgt, opts)
	default:
		return fmt.Errorf("write XLIFF: unknown version %q (want 2.1, 2.0 or 1.2)", v)
	}
	if err := x.flush(); err != nil {
		return fmt.Errorf("write XLIFF: %w", err)
	}
	return nil
}

func originalName(doc *segments.Document) string {
	if doc.SourcePath == "" {
		return "stdin"
	}
	return filepath.Base(doc.SourcePath)
}

func segID(i int) string   { return "s" + strconv.Itoa(i+1) }
func blockID(b int) string { return "b" + strconv.Itoa(b+1) }

func writeXLIFF2(x *xmlWriter, doc *segments.Document, src, tgt, version string, opts Options) {
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<xliff xmlns="` + xliff2NS + `" xmlns:trad="` + tradNS + `" version="` + version + `" srcLang="`)
	x.attr(src)
	x.raw(`" trgLang="`)
	x.attr(tgt)
	x.raw(`">` + "\n" + `  <file id="f1" original="`)
	x.attr(originalName(doc))
	x.raw(`" xml:space="preserve">` + "\n")
	for b := range doc.Blocks {
		bl := &doc.Blocks[b]
		if bl.Count == 0 {
			continue
		}
		segs := doc.BlockSegments(b)
		x.raw(`    <unit id="` + blockID(b) + `" type="trad:`)
		x.attr(string(bl.Kind))
		x.raw(`">` + "\n")
		hasNotes := false
		for i := range segs {
			if segs[i].Note != "" {
				if !hasNotes {
					x.raw("      <notes>\n")
					hasNotes = true
				}
				id := segID(bl.First + i)
				x.raw(`        <note id="n` + id[1:] + `" trad:segment="` + id + `">`)
				x.text(segs[i].Note)
				x.raw("</note>\n")
			}
		}
		if hasNotes {
			x.raw("      </notes>\n")
		}
		tagged := unitHasTags(segs)
		var srcEnds, tgtEnds map[segments.Tag]bool
		if tagged {
			x.writeOriginalData(bl, segs)
			srcEnds, tgtEnds = unitEnds(segs, false, opts), unitEnds(segs, true, opts)
		}
		for i := range segs {
			s := &segs[i]
			if i > 0 {
				if sep := separator(bl, &segs[i-1], s); sep != "" {
					x.raw("      <ignorable><source>")
					x.text(sep)
					x.raw("</source></ignorable>\n")
				}
			}
			exported := Exported(s, opts)
			st := segments.StatusNew
			if exported {
				st = s.Status
			}
			state, sub := xliff2State(st)
			x.raw(`      <segment id="` + segID(bl.First+i) + `" state="` + state + `"`)
			if sub != "" {
				x.raw(` subState="` + sub + `"`)
			}
			x.raw(">\n        <source>")
			x.segContent(bl, s, false, tagged, true, srcEnds)
			x.raw("</source>\n")
			if exported {
				x.raw("        <target>")
				x.segContent(bl, s, true, tagged, true, tgtEnds)
				x.raw("</target>\n")
			}
			x.raw("      </segment>\n")
		}
		x.raw("    </unit>\n")
		if n := x.takeRemoved(); n > 0 {
			opts.warn("block %d: removed %d character(s) not allowed in XML 1.0", b+1, n)
		}
	}
	x.raw("  </file>\n</xliff>\n")
}

func writeXLIFF12(x *xmlWriter, doc *segments.Document, src, tgt string, opts Options) {
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<xliff xmlns="` + xliff12NS + `" version="1.2">` + "\n" + `  <file original="`)
	x.attr(originalName(doc))
	x.raw(`" source-language="`)
	x.attr(src)
	x.raw(`" target-language="`)
	x.attr(tgt)
	x.raw(`" datatype="plaintext">` + "\n    <header>\n      <tool tool-id=\"trad\" tool-name=\"trad\" tool-version=\"")
	x.attr(opts.toolVersion())
	x.raw("\"/>\n    </header>\n    <body>\n")
	for b := range doc.Blocks {
		bl := &doc.Blocks[b]
		if bl.Count == 0 {
			continue
		}
		segs := doc.BlockSegments(b)
		x.raw(`      <group id="` + blockID(b) + `" resname="`)
		x.attr(string(bl.Kind))
		x.raw(`">` + "\n")
		tagged := unitHasTags(segs)
		var srcEnds, tgtEnds map[segments.Tag]bool
		if tagged {
			srcEnds, tgtEnds = unitEnds(segs, false, opts), unitEnds(segs, true, opts)
		}
		for i := range segs {
			s := &segs[i]
			x.raw(`        <trans-unit id="` + segID(bl.First+i) + `" xml:space="preserve"`)
			exported := Exported(s, opts)
			if exported && s.Status == segments.StatusReviewed {
				x.raw(` approved="yes"`)
			}
			x.raw(">\n          <source>")
			x.segContent(bl, s, false, tagged, false, srcEnds)
			x.raw("</source>\n")
			if exported {
				x.raw(`          <target state="` + xliff12State(s.Status) + `"`)
				if s.Origin == segments.OriginMT {
					// XLIFF 1.2's own value for a machine translation.
					x.raw(` state-qualifier="mt-suggestion"`)
				}
				x.raw(">")
				x.segContent(bl, s, true, tagged, false, tgtEnds)
				x.raw("</target>\n")
			}
			if s.Note != "" {
				x.raw("          <note>")
				x.text(s.Note)
				x.raw("</note>\n")
			}
			x.raw("        </trans-unit>\n")
		}
		x.raw("      </group>\n")
		if n := x.takeRemoved(); n > 0 {
			opts.warn("block %d: removed %d character(s) not allowed in XML 1.0", b+1, n)
		}
	}
	x.raw("    </body>\n  </file>\n</xliff>\n")
}

// segContent writes segment s's source or target, with its tags when its
// unit has any (tagged).
func (x *xmlWriter) segContent(bl *segments.Block, s *segments.Segment, target, tagged, v2 bool, ends map[segments.Tag]bool) {
	text, tags := s.Source, s.SourceTags
	if target {
		text, tags = s.Target, s.TargetTags
	}
	if !tagged {
		x.text(text)
		return
	}
	x.xliffInline(bl, text, segments.FullTags(tags, s.Wrap, len(text)), v2, func(id int, k segments.TagKind) bool {
		return ends[segments.Tag{ID: id, Kind: k}]
	})
}
