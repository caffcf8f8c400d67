package bitext

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/trad-project/trad/internal/xmlscan"
	"github.com/trad-project/trad/segments"
)

// XLIFFSegment is one segment read from an XLIFF file: a <segment> in
// XLIFF 2, a <trans-unit> in 1.2.
type XLIFFSegment struct {
	// Version is the file's XLIFF version ("1.2", "2.0", "2.1").
	Version string
	// Unit is the enclosing <unit> id (XLIFF 2) or <group> id (1.2, "" outside a group).
	Unit string
	// ID is the <segment> or <trans-unit> id.
	ID string
	// Source and Target are the plain texts (inline codes dropped, text of
	// <pc>, <g> and <mrk> kept, <cp> decoded).
	Source, Target string
	// SourceTags and TargetTags are the inline codes of Source and Target
	// (XLIFF 2 <pc>, <sc>, <ec>, <ph>; 1.2 <g>, <bx>, <ex>, <x>, <bpt>,
	// <ept>, <ph>, <it>) with their offsets in the plain texts.
	SourceTags, TargetTags []XLIFFTag
	// HasTarget is true when a <target> element was present.
	HasTarget bool
	// State is the XLIFF state (2.x segment state, 1.2 target state),
	// SubState the 2.x subState; "" when absent.
	State, SubState string
	// Approved is the 1.2 approved="yes" flag.
	Approved bool
	// Note holds the notes that apply to this segment, joined by newlines.
	Note string
	// Line is where the segment starts in the file.
	Line int
}

// Normalize cleans the segment's texts and names as every reader of
// outside text does (segments.Normalize): a <cp hex="1B"/> or a &#x9B; in
// the file never reaches the project or a terminal.
func (s *XLIFFSegment) Normalize() {
	for _, p := range []*string{&s.Unit, &s.ID, &s.State, &s.SubState, &s.Note} {
		*p = segments.Normalize(*p)
	}
	s.Source, s.SourceTags = normalizeMarked(s.Source, s.SourceTags)
	s.Target, s.TargetTags = normalizeMarked(s.Target, s.TargetTags)
}

// Status maps the segment's XLIFF state back to a trad status (see the
// table on xliff2State). A segment without a target is new.
func (s *XLIFFSegment) Status() segments.Status {
	if !s.HasTarget || strings.TrimSpace(s.Target) == "" {
		return segments.StatusNew
	}
	if strings.HasPrefix(s.Version, "2") {
		switch s.State {
		case "translated":
			return segments.StatusTranslated
		case "reviewed", "final":
			return segments.StatusReviewed
		}
		return segments.StatusDraft // "initial" (or absent) with a target
	}
	if s.Approved {
		return segments.StatusReviewed
	}
	switch s.State {
	case "translated":
		return segments.StatusTranslated
	case "signed-off", "final":
		return segments.StatusReviewed
	case "":
		return segments.StatusTranslated // a target with no state: a finished translation
	}
	return segments.StatusDraft
}

// ReadXLIFF reads an XLIFF 1.2 or 2.x file and calls fn for each segment in
// document order, one at a time: the root element's version (or, without
// one, its namespace) chooses the reader, xliff12Reader or xliff2Reader.
// Sources and targets inside <alt-trans> or match modules are ignored. An
// error from fn stops the reading and is returned as is; malformed XML is
// reported with its line (internal/xmlscan reads the XML).
func ReadXLIFF(r io.Reader, fn func(XLIFFSegment) error) error {
	return readXLIFFWith(&xmlscan.Reader{}, r, fn)
}

// readXLIFFWith is ReadXLIFF with a given XML reader (tests read with
// encoding/xml alone, or with a tiny buffer).
func readXLIFFWith(rd *xmlscan.Reader, r io.Reader, fn func(XLIFFSegment) error) error {
	h := &xliffHandler{}
	h.fn = fn
	if err := rd.Scan(r, h); err != nil {
		var xe *xmlscan.Error
		if h.v == nil && errors.As(err, &xe) {
			return fmt.Errorf("not an XLIFF file: %w", err)
		}
		return err
	}
	if h.v == nil {
		return errors.New("not an XLIFF file: no <xliff> element")
	}
	return nil
}

// xliffVersion is the part of reading that differs between XLIFF 1.2 and
// 2.x: which elements are segments, sources, targets and notes.
type xliffVersion interface {
	start(x *xliffText, name string, attrs []xmlscan.Attr, line int) error
	end(x *xliffText, name string) error
}

// xliffHandler is the xmlscan.Handler of ReadXLIFF: it checks the root
// element, then passes elements to the inline text being collected or to
// the version's reader.
type xliffHandler struct {
	xliffText
	v xliffVersion
}

func (h *xliffHandler) Start(name string, attrs []xmlscan.Attr, line int) error {
	h.stack = append(h.stack, name)
	if h.inText != "" {
		h.inlineStart(name, attrs)
		return nil
	}
	h.declare(attrs)
	if h.v == nil {
		return h.root(name, attrs)
	}
	return h.v.start(&h.xliffText, name, attrs, line)
}

func (h *xliffHandler) End(name string, _ int) error {
	h.stack = h.stack[:len(h.stack)-1]
	if h.inText != "" && name != h.inText {
		h.inlineEnd(name)
		return nil
	}
	if h.v == nil {
		return nil
	}
	return h.v.end(&h.xliffText, name)
}

func (h *xliffHandler) Text(b []byte) {
	if h.inText != "" && h.skip == 0 {
		h.buf = append(h.buf, b...)
	}
}

// root reads the <xliff> element and chooses the version's reader.
func (h *xliffHandler) root(name string, attrs []xmlscan.Attr) error {
	if name != "xliff" {
		return fmt.Errorf("not an XLIFF file: root element is <%s>", name)
	}
	version := xattr(attrs, "version")
	if version == "" {
		version = "2.0"
		for _, a := range attrs { // xmlns or xmlns:prefix
			if (a.Space == "" && a.Local == "xmlns" || a.Space == "xmlns") && string(a.Value) == xliff12NS {
				version = "1.2"
			}
		}
	}
	switch {
	case strings.HasPrefix(version, "1."):
		h.v = &xliff12Reader{}
	case strings.HasPrefix(version, "2."):
		h.v = &xliff2Reader{}
	default:
		return fmt.Errorf("unsupported XLIFF version %q", version)
	}
	h.version = version
	return nil
}

// xliffText is what both versions' readers share: the segment being read,
// the open elements, the text (with its inline codes) being collected and
// the ids seen.
type xliffText struct {
	fn      func(XLIFFSegment) error
	version string
	stack   []string // local names of the open elements
	seg     *XLIFFSegment
	inText  string // "source", "target" or "note" while collecting text
	buf     []byte
	skip    int        // depth inside codes whose content is not text
	tags    []XLIFFTag // inline codes of the text being collected
	pcs     []string   // ids of the open <pc>/<g>
	ids     dupIDs
	ns      []nsBind // prefixes declared by the open elements
}

// nsBind is a namespace prefix declared at a depth of the element stack.
type nsBind struct {
	prefix, uri string
	depth       int
}

// parent returns the nth enclosing element's local name (1: the parent of
// the open element), "" when there is none.
func (x *xliffText) parent(n int) string {
	if len(x.stack) <= n {
		return ""
	}
	return x.stack[len(x.stack)-1-n]
}

// declare records the namespace prefixes an element declares, and forgets
// those of the elements closed since.
func (x *xliffText) declare(attrs []xmlscan.Attr) {
	d := len(x.stack)
	for len(x.ns) > 0 && x.ns[len(x.ns)-1].depth >= d {
		x.ns = x.ns[:len(x.ns)-1]
	}
	for _, a := range attrs {
		if a.Space == "xmlns" {
			x.ns = append(x.ns, nsBind{a.Local, string(a.Value), d})
		}
	}
}

// tradAttr returns the value of the attribute named local in trad's
// namespace, whatever its prefix.
func (x *xliffText) tradAttr(attrs []xmlscan.Attr, local string) string {
	for _, a := range attrs {
		if a.Local != local || a.Space == "" {
			continue
		}
		for i := len(x.ns) - 1; i >= 0; i-- {
			if x.ns[i].prefix == a.Space {
				if x.ns[i].uri == tradNS {
					return string(a.Value)
				}
				break
			}
		}
	}
	return ""
}

// beginText starts collecting the text of a source, target or note.
func (x *xliffText) beginText(what string) {
	x.inText = what
	x.buf = x.buf[:0]
	x.skip = 0
	x.tags, x.pcs = nil, x.pcs[:0]
}

// inlineStart handles an element inside collected text: an inline code
// (not in notes), a code whose content is skipped, or a <cp>.
func (x *xliffText) inlineStart(name string, attrs []xmlscan.Attr) {
	if x.inText != "note" && x.skip == 0 {
		if k, id, ok := xliffCodeStart(name, attrs, x.version); ok {
			x.buf = utf8.AppendRune(x.buf, tagMark)
			x.tags = append(x.tags, XLIFFTag{ID: segments.Normalize(id), Kind: k})
			if name == "pc" || name == "g" {
				x.pcs = append(x.pcs, id)
			}
		}
	}
	switch name {
	case "bpt", "ept", "ph", "it", "sub":
		x.skip++
	case "cp":
		if x.skip == 0 {
			if v, err := strconv.ParseUint(xattr(attrs, "hex"), 16, 32); err == nil {
				x.buf = utf8.AppendRune(x.buf, rune(v))
			}
		}
	}
}

// inlineEnd handles an end tag inside collected text (not the end of the
// source, target or note itself: the version's reader ends those).
func (x *xliffText) inlineEnd(name string) {
	if x.skip > 0 && (name == "bpt" || name == "ept" || name == "ph" || name == "it" || name == "sub") {
		x.skip--
	}
	if (name == "pc" || name == "g") && x.skip == 0 && len(x.pcs) > 0 && x.inText != "note" {
		x.buf = utf8.AppendRune(x.buf, tagMark)
		x.tags = append(x.tags, XLIFFTag{ID: segments.Normalize(x.pcs[len(x.pcs)-1]), Kind: segments.TagClose})
		x.pcs = x.pcs[:len(x.pcs)-1]
	}
}

// endText ends the text being collected when name closes it: a source or
// target goes to the segment; a note's text is returned (note true).
func (x *xliffText) endText(name string) (note string, isNote, ended bool) {
	if x.inText == "" || name != x.inText {
		return "", false, false
	}
	text := string(x.buf)
	switch x.inText {
	case "source":
		x.seg.Source, x.seg.SourceTags = text, x.tags
	case "target":
		x.seg.Target, x.seg.TargetTags = text, x.tags
	case "note":
		note, isNote = text, true
	}
	x.inText = ""
	return note, isNote, true
}

// emit passes the finished segment on, cleaned.
func (x *xliffText) emit(note []string) error {
	s := *x.seg
	x.seg = nil
	s.Note = strings.Join(note, "\n")
	s.Normalize()
	return x.fn(s)
}

// xattr returns the value of the unprefixed attribute local.
func xattr(attrs []xmlscan.Attr, local string) string {
	for _, a := range attrs {
		if a.Local == local && a.Space == "" {
			return string(a.Value)
		}
	}
	return ""
}

// dupIDs finds a segment id used twice where XLIFF requires it to be
// unique (a <trans-unit> id in its <file>; a <segment> id in its <unit>,
// units being unique in their <file>): importing matches segments by id,
// so a duplicate would silently let the last one win.
type dupIDs struct {
	file int
	seen map[string]int // key → line of the first use
}

func (d *dupIDs) check(v2 bool, unit, id string, line int) error {
	if id == "" { // optional in XLIFF 2: matched by source text
		return nil
	}
	if !v2 {
		unit = ""
	}
	key := fmt.Sprintf("%d\x00%s\x00%s", d.file, unit, id)
	if first, ok := d.seen[key]; ok {
		return &xmlscan.Error{Line: line, Msg: fmt.Sprintf("duplicate segment id %q (first used at line %d): the file is ambiguous", id, first)}
	}
	if d.seen == nil {
		d.seen = make(map[string]int)
	}
	d.seen[key] = line
	return nil
}

// unitNotes holds an XLIFF 2 unit's notes by the segment id they name with
// trad:segment ("" for a note naming none), so that each segment finds its
// own in time proportional to them: looping over every note for every
// segment made a unit of 5,000 notes and 5,000 segments take minutes.
type unitNotes map[string][]string

func (u *unitNotes) add(seg, text string) {
	if *u == nil {
		*u = make(unitNotes)
	}
	(*u)[seg] = append((*u)[seg], text)
}

// of returns the notes of segment id: its own, after the notes naming no
// segment when it is the unit's first (a note from another tool belongs to
// the first segment). A segment without an id has only the latter.
func (u unitNotes) of(id string, first bool) []string {
	var out []string
	if first {
		out = append(out, u[""]...)
	}
	if id != "" {
		out = append(out, u[id]...)
	}
	return out
}
