package bitext

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/trad-project/trad/internal/diag"
	"github.com/trad-project/trad/internal/langtag"
	"github.com/trad-project/trad/internal/safetext"
	"github.com/trad-project/trad/segments"
	"golang.org/x/text/unicode/norm"
)

// ImportReport says what an import changed.
type ImportReport struct {
	// Units is how many TMX units or XLIFF segments were read.
	Units int
	// Filled is how many segments received a target (TMX: empty targets
	// filled; XLIFF: targets or statuses changed).
	Filled int
	// Unchanged counts XLIFF segments that matched and brought nothing new.
	Unchanged int
	// Skipped explains each unit that could not be used, by its line in the
	// file read ("segment s4: source differs from the project"); File is
	// left for the caller, who knows the file's name.
	Skipped []diag.Warning
}

// OriginTM and OriginImport are the Segment.Origin values set by imports
// (the segments package defines them).
const (
	OriginTM     = segments.OriginTM
	OriginImport = segments.OriginImport
)

// ImportTMX fills doc's empty targets from the exact source matches of a
// TMX file: for each segment with status new and no target, a unit whose
// source variant (in doc.SourceLang, matched by exact tag or else by base
// language) equals the segment's source after NFC gives its target
// variant. Filled segments get status draft and Origin "tm": a memory match
// is a proposal the translator still has to confirm; the unit's notes
// become the segment's note when it has none. The first unit whose source
// codes are the segment's (mapTMXTags) wins and gives the target its tags;
// failing that, the first unit with the same text gives the target without
// tags (the QA tags check then lists them). Segments with a target are
// never touched.
func ImportTMX(doc *segments.Document, r io.Reader, now time.Time) (*ImportReport, error) {
	want := map[string][]int{} // source → indexes of segments to fill
	for i := range doc.Segments {
		s := &doc.Segments[i]
		if s.Target == "" && s.Status == segments.StatusNew {
			k := norm.NFC.String(s.Source)
			want[k] = append(want[k], i)
		}
	}
	type proposal struct{ target, note string }
	untagged := map[string]proposal{} // source → the first unit whose codes fit no segment
	rep := &ImportReport{}
	fill := func(i int, tgt string, tags []segments.Tag, note string) {
		doc.UpdateTagged(i, tgt, tags, segments.StatusDraft, OriginTM, now)
		if note != "" && doc.Segments[i].Note == "" {
			doc.SetNote(i, note, now)
		}
		rep.Filled++
	}
	pick := langtag.NewPicker(doc.SourceLang.String(), doc.TargetLang.String())
	err := ReadTMX(r, func(tu TU) error {
		rep.Units++
		if len(want) == 0 {
			return nil
		}
		sk, tk := pick.Keys(tu.Variants)
		if sk == "" || tk == "" || sk == tk {
			return nil
		}
		src := norm.NFC.String(tu.Variants[sk])
		tgt := norm.NFC.String(tu.Variants[tk])
		idx, ok := want[src]
		if !ok || strings.TrimSpace(tgt) == "" {
			return nil
		}
		rest := idx[:0]
		for _, i := range idx {
			tags, ok := mapTMXTags(&doc.Segments[i], tu.Tags[sk], tu.Tags[tk], tgt)
			if !ok || tgt != tu.Variants[tk] {
				rest = append(rest, i) // not the segment's codes: a later unit may have them
				continue
			}
			fill(i, tgt, tags, tu.Note)
		}
		if _, seen := untagged[src]; !seen && len(rest) > 0 {
			untagged[src] = proposal{tgt, tu.Note}
		}
		if len(rest) == 0 {
			delete(want, src)
		} else {
			want[src] = rest
		}
		return nil
	})
	if err != nil {
		return rep, fmt.Errorf("read TMX: %w", err)
	}
	for src, p := range untagged {
		for _, i := range want[src] {
			fill(i, p.target, nil, p.note)
		}
	}
	return rep, nil
}

// ImportXLIFF brings the targets, states and notes of an XLIFF 1.2 or 2.x
// file back into doc. A segment is matched by its id ("s12" is segment 12)
// when its source equals the project's (after NFC), otherwise by its source
// text; an XLIFF segment matching neither is reported in Skipped. A target
// present in the file replaces the project's, with the state mapped back
// (see xliff2State) and Origin "import" when the text changed; a missing or
// empty target never erases one. Non-empty notes replace the project's.
func ImportXLIFF(doc *segments.Document, r io.Reader, now time.Time) (*ImportReport, error) {
	bySource := map[string][]int{}
	for i := range doc.Segments {
		k := norm.NFC.String(doc.Segments[i].Source)
		bySource[k] = append(bySource[k], i)
	}
	used := make([]bool, len(doc.Segments))
	rep := &ImportReport{}
	err := ReadXLIFF(r, func(xs XLIFFSegment) error {
		rep.Units++
		src := norm.NFC.String(xs.Source)
		i := -1
		if n, err := strconv.Atoi(strings.TrimPrefix(xs.ID, "s")); err == nil && strings.HasPrefix(xs.ID, "s") &&
			n >= 1 && n <= len(doc.Segments) && norm.NFC.String(doc.Segments[n-1].Source) == src {
			i = n - 1
		} else {
			for _, j := range bySource[src] {
				if !used[j] {
					i = j
					break
				}
			}
		}
		if i < 0 {
			rep.Skipped = append(rep.Skipped, diag.Warning{Line: xs.Line,
				Msg: fmt.Sprintf("segment %s: source not found in the project: %q", xs.ID, safetext.Clip(xs.Source, 60))})
			return nil
		}
		used[i] = true
		s := &doc.Segments[i]
		changed := xs.Note != "" && doc.SetNote(i, xs.Note, now)
		if tgt := norm.NFC.String(xs.Target); xs.HasTarget && strings.TrimSpace(tgt) != "" {
			tags, ok := mapXLIFFTags(s, &xs, tgt)
			switch {
			case !ok && tgt == s.Target:
				tags = s.TargetTags // a tool that dropped the codes: keep the project's
			case !ok || tgt != xs.Target:
				tags = nil // not the segment's codes: QA reports the tags to put back
			}
			origin := s.Origin
			if tgt != s.Target {
				origin = OriginImport
			}
			changed = doc.UpdateTagged(i, tgt, tags, xs.Status(), origin, now) || changed
		}
		if changed {
			rep.Filled++
		} else {
			rep.Unchanged++
		}
		return nil
	})
	if err != nil {
		return rep, fmt.Errorf("read XLIFF: %w", err)
	}
	return rep, nil
}
