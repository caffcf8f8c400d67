package bitext

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

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
// document order, one at a time. Sources and targets inside <alt-trans> or
// match modules are ignored. An error from fn stops the reading and is
// returned as is; malformed XML is reported with its line.
func ReadXLIFF(r io.Reader, fn func(XLIFFSegment) error) error {
	d := newXMLDecoder(r)
	var (
		version string
		stack   []string
		unitID  string
		seg     *XLIFFSegment
		notes   unitNotes // XLIFF 2 unit notes
		ownNote []string  // notes of the current segment, joined at its end
		buf     strings.Builder
		inText  string // "source", "target" or "note" while collecting text
		skip    int
		tags    []XLIFFTag // inline codes of the text being collected
		pcs     []string   // ids of the open <pc>/<g>
		noteSeg string
		segN    int // segments seen in the current unit
		ids     dupIDs
	)
	parent := func() string {
		if len(stack) < 2 {
			return ""
		}
		return stack[len(stack)-2]
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			if version == "" {
				return errors.New("not an XLIFF file: no <xliff> element")
			}
			return nil
		}
		if err != nil {
			return xmlError(d, err, 0)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			stack = append(stack, name)
			if inText != "" {
				if inText != "note" && skip == 0 {
					if k, id, ok := xliffCodeStart(t, version); ok {
						buf.WriteRune(tagMark)
						tags = append(tags, XLIFFTag{ID: segments.Normalize(id), Kind: k})
						if name == "pc" || name == "g" {
							pcs = append(pcs, id)
						}
					}
				}
				switch name {
				case "bpt", "ept", "ph", "it", "sub":
					skip++
				case "cp":
					if skip == 0 {
						if v, err := strconv.ParseUint(attrValue(t.Attr, "hex"), 16, 32); err == nil {
							buf.WriteRune(rune(v))
						}
					}
				}
				continue
			}
			if version == "" {
				if name != "xliff" {
					return fmt.Errorf("not an XLIFF file: root element is <%s>", name)
				}
				version = attrValue(t.Attr, "version")
				if version == "" {
					if t.Name.Space == xliff12NS {
						version = "1.2"
					} else {
						version = "2.0"
					}
				}
				if !strings.HasPrefix(version, "1.") && !strings.HasPrefix(version, "2.") {
					return fmt.Errorf("unsupported XLIFF version %q", version)
				}
				continue
			}
			v2 := strings.HasPrefix(version, "2")
			segEl := "trans-unit"
			if v2 {
				segEl = "segment"
			}
			switch {
			case v2 && name == "unit":
				unitID = attrValue(t.Attr, "id")
				clear(notes)
				segN = 0
			case !v2 && name == "group":
				unitID = attrValue(t.Attr, "id")
			case name == "file":
				ids.file++
			case name == segEl:
				line, _ := d.InputPos()
				seg = &XLIFFSegment{Version: version, Unit: unitID, ID: attrValue(t.Attr, "id"), Line: line}
				if err := ids.check(v2, unitID, seg.ID, line); err != nil {
					return err
				}
				if v2 {
					seg.State = attrValue(t.Attr, "state")
					seg.SubState = attrValue(t.Attr, "subState")
				} else {
					seg.Approved = attrValue(t.Attr, "approved") == "yes"
				}
			case seg != nil && (name == "source" || name == "target") &&
				parent() == segEl:
				inText = name
				buf.Reset()
				skip = 0
				tags, pcs = nil, pcs[:0]
				if name == "target" {
					seg.HasTarget = true
					if !v2 {
						seg.State = attrValue(t.Attr, "state")
					}
				}
			case name == "note" && ((v2 && parent() == "notes" && len(stack) >= 3 && stack[len(stack)-3] == "unit") ||
				(!v2 && seg != nil && parent() == "trans-unit")):
				inText = "note"
				buf.Reset()
				skip = 0
				noteSeg = ""
				for _, a := range t.Attr {
					if a.Name.Local == "segment" && a.Name.Space == tradNS {
						noteSeg = a.Value
					}
				}
			}
		case xml.EndElement:
			name := t.Name.Local
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			if inText != "" {
				if name != inText {
					if skip > 0 && (name == "bpt" || name == "ept" || name == "ph" || name == "it" || name == "sub") {
						skip--
					}
					if (name == "pc" || name == "g") && skip == 0 && len(pcs) > 0 && inText != "note" {
						buf.WriteRune(tagMark)
						tags = append(tags, XLIFFTag{ID: segments.Normalize(pcs[len(pcs)-1]), Kind: segments.TagClose})
						pcs = pcs[:len(pcs)-1]
					}
					continue
				}
				text := buf.String()
				switch inText {
				case "source":
					seg.Source, seg.SourceTags = text, tags
				case "target":
					seg.Target, seg.TargetTags = text, tags
				case "note":
					if strings.HasPrefix(version, "2") {
						notes.add(noteSeg, text)
					} else {
						ownNote = append(ownNote, text)
					}
				}
				inText = ""
				continue
			}
			v2 := strings.HasPrefix(version, "2")
			if seg != nil && ((v2 && name == "segment") || (!v2 && name == "trans-unit")) {
				if v2 {
					ownNote = notes.of(seg.ID, segN == 0)
					segN++
				}
				seg.Note = strings.Join(ownNote, "\n")
				ownNote = ownNote[:0]
				s := *seg
				seg = nil
				s.Normalize()
				if err := fn(s); err != nil {
					return err
				}
			}
		case xml.CharData:
			if inText != "" && skip == 0 {
				buf.Write(t)
			}
		}
	}
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
		return fmt.Errorf("line %d: duplicate segment id %q (first used at line %d): the file is ambiguous", line, id, first)
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
