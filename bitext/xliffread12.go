package bitext

import "github.com/trad-project/trad/internal/xmlscan"

// xliff12Reader reads XLIFF 1.2: a segment is a <trans-unit> (its unit the
// enclosing <group>), with its <source>, <target state> and <note>s.
type xliff12Reader struct {
	group string   // id of the open <group>
	notes []string // notes of the current segment, joined at its end
}

func (r *xliff12Reader) start(x *xliffText, name string, attrs []xmlscan.Attr, line int) error {
	switch {
	case name == "group":
		r.group = xattr(attrs, "id")
	case name == "file":
		x.ids.file++
	case name == "trans-unit":
		x.seg = &XLIFFSegment{Version: x.version, Unit: r.group, ID: xattr(attrs, "id"), Line: line}
		if err := x.ids.check(false, r.group, x.seg.ID, line); err != nil {
			return err
		}
		x.seg.Approved = xattr(attrs, "approved") == "yes"
	case x.seg != nil && (name == "source" || name == "target") && x.parent(1) == "trans-unit":
		x.beginText(name)
		if name == "target" {
			x.seg.HasTarget = true
			x.seg.State = xattr(attrs, "state")
		}
	case name == "note" && x.seg != nil && x.parent(1) == "trans-unit":
		x.beginText(name)
	}
	return nil
}

func (r *xliff12Reader) end(x *xliffText, name string) error {
	if note, isNote, ended := x.endText(name); ended {
		if isNote {
			r.notes = append(r.notes, note)
		}
		return nil
	}
	if x.seg != nil && name == "trans-unit" {
		err := x.emit(r.notes)
		r.notes = r.notes[:0]
		return err
	}
	return nil
}
