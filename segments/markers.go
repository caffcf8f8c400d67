package segments

import (
	"regexp"
	"time"
)

// Block markers ("# ", "- ", "1. ", "> ") are structure: the reader takes
// them out of the source and the exporters write them back from the
// block. A target that starts with its block's marker (typed by a
// translator who saw it in the source column, or brought in by an import)
// would come out doubled ("# # Chips"), so it is cleaned.

var (
	headingMarker = regexp.MustCompile(`^#{1,6}[ \t]+`)
	bulletMarker  = regexp.MustCompile(`^[-*+][ \t]+`)
	numberMarker  = regexp.MustCompile(`^[0-9]{1,9}[.)][ \t]+`)
	quoteMarker   = regexp.MustCompile(`^>[ \t]?`)
)

// markerPattern returns the pattern of the marker the exporters write
// before segment i's text, nil when they write none: i must open its
// block, and heading and quote markers exist only in Markdown.
func (d *Document) markerPattern(i int) *regexp.Regexp {
	s := &d.Segments[i]
	if s.Block < 0 || s.Block >= len(d.Blocks) {
		return nil
	}
	b := &d.Blocks[s.Block]
	if b.First != i {
		return nil
	}
	md := d.Format == "markdown"
	switch {
	case b.Kind == KindHeading && md:
		return headingMarker
	case b.Kind == KindQuote && md:
		return quoteMarker
	case b.Kind == KindListItem && b.Marker != "" && numberMarker.MatchString(b.Marker+" "):
		return numberMarker
	case b.Kind == KindListItem && b.Marker != "":
		return bulletMarker
	}
	return nil
}

// StripMarker returns text without a leading copy of segment i's block
// marker, and whether there was one.
func (d *Document) StripMarker(i int, text string) (string, bool) {
	re := d.markerPattern(i)
	if re == nil {
		return text, false
	}
	loc := re.FindStringIndex(text)
	if loc == nil || loc[1] == len(text) {
		// A target that is only a marker is left alone: nothing to keep.
		return text, false
	}
	return text[loc[1]:], true
}

// CleanMarkers strips a leading block marker from every target that has
// one (projects saved before the editor showed markers as structure). The
// text before goes into the segment's history. It returns the segments it
// changed.
func (d *Document) CleanMarkers(now time.Time) []int {
	var changed []int
	for i := range d.Segments {
		s := &d.Segments[i]
		if s.Target == "" {
			continue
		}
		if clean, ok := d.StripMarker(i, s.Target); ok {
			d.Update(i, clean, s.Status, s.Origin, now)
			changed = append(changed, i)
		}
	}
	return changed
}
