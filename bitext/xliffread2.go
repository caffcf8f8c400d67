package bitext

import "github.com/trad-project/trad/internal/xmlscan"

// xliff2Reader reads XLIFF 2.0 and 2.1: a segment is a <segment> of a
// <unit>, with its state and subState; the unit's <notes> go to the
// segment their trad:segment attribute names (a note naming none to the
// unit's first segment).
type xliff2Reader struct {
	unit   string    // id of the open <unit>
	notes  unitNotes // the unit's notes
	segN   int       // segments seen in the unit
	noteOf string    // the segment the note being read names
}

func (r *xliff2Reader) start(x *xliffText, name string, attrs []xmlscan.Attr, line int) error {
	switch {
	case name == "unit":
		r.unit = xattr(attrs, "id")
		clear(r.notes)
		r.segN = 0
	case name == "file":
		x.ids.file++
	case name == "segment":
		x.seg = &XLIFFSegment{Version: x.version, Unit: r.unit, ID: xattr(attrs, "id"), Line: line}
		if err := x.ids.check(true, r.unit, x.seg.ID, line); err != nil {
			return err
		}
		x.seg.State = xattr(attrs, "state")
		x.seg.SubState = xattr(attrs, "subState")
	case x.seg != nil && (name == "source" || name == "target") && x.parent(1) == "segment":
		x.beginText(name)
		if name == "target" {
			x.seg.HasTarget = true
		}
	case name == "note" && x.parent(1) == "notes" && x.parent(2) == "unit":
		x.beginText(name)
		r.noteOf = x.tradAttr(attrs, "segment")
	}
	return nil
}

func (r *xliff2Reader) end(x *xliffText, name string) error {
	if note, isNote, ended := x.endText(name); ended {
		if isNote {
			r.notes.add(r.noteOf, note)
		}
		return nil
	}
	if x.seg != nil && name == "segment" {
		notes := r.notes.of(x.seg.ID, r.segN == 0)
		r.segN++
		return x.emit(notes)
	}
	return nil
}
