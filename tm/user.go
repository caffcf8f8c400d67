package tm

import (
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/trad-project/trad/bitext"
	"github.com/trad-project/trad/internal/safefile"
	"github.com/trad-project/trad/segments"
)

// UserFile returns the file of the user's memory folder dir that holds the
// confirmed segments of the project at projectPath:
// NAME-XXXXXXXX.tmx, NAME being the project's base name without
// ".trad.json" and XXXXXXXX a hash of its absolute path, so two projects
// with the same name in different folders do not share a file.
func UserFile(dir, projectPath string) string {
	abs, err := filepath.Abs(projectPath)
	if err != nil {
		abs = projectPath
	}
	h := fnv.New32a()
	h.Write([]byte(abs))
	name := filepath.Base(projectPath)
	if strings.HasSuffix(name, segments.ProjectExt) {
		name = strings.TrimSuffix(name, segments.ProjectExt)
	} else {
		name = strings.TrimSuffix(name, filepath.Ext(name))
	}
	if name == "" || name == "." {
		name = "project"
	}
	return filepath.Join(dir, fmt.Sprintf("%s-%08x.tmx", name, h.Sum32()))
}

// SaveUser writes the confirmed segments of doc to the user's memory folder
// dir (UserDir() when empty), in the project's file UserFile(dir,
// projectPath), so that the next article benefits from them. It returns the
// file written, or "" when there was nothing to write.
//
// The file is a TMX 1.4b file written by bitext.WriteTMX. Units already in
// it are kept unless doc has a confirmed segment with the same source (the
// segment's current translation replaces them): un-confirming a segment or
// starting the project afresh never loses a translation. The file is
// replaced atomically (temporary file in the same folder, fsync, rename); a
// file that cannot be read is left untouched and reported as an error.
// SaveUser does file I/O: the editor calls it from a command, with a clone
// of its document.
func SaveUser(dir, projectPath string, doc *segments.Document) (string, error) {
	if dir == "" {
		dir = UserDir()
	}
	path := UserFile(dir, projectPath)
	out := &segments.Document{SourceLang: doc.SourceLang, TargetLang: doc.TargetLang}
	fresh := map[string]bool{}
	// ctxs[i] is unit i's neighbours in its own document, written as
	// OmegaT's prev/next props so the next article gets context matches.
	type unitContext struct {
		Context
		ok bool
	}
	var ctxs []unitContext
	for i, s := range doc.Segments {
		if s.Status.Confirmed() && strings.TrimSpace(s.Target) != "" {
			out.Segments = append(out.Segments, segments.Segment{
				Index: len(out.Segments), Source: s.Source, Target: s.Target,
				Status: segments.StatusTranslated, Changed: s.Changed,
			})
			ctxs = append(ctxs, unitContext{SegmentContext(doc, i), true})
			fresh[normKey(s.Source)] = true
		}
	}
	var kept []segments.Segment
	var keptCtx []unitContext
	if f, err := os.Open(path); err == nil {
		pick := newLangPicker(doc.SourceLang.String(), doc.TargetLang.String())
		err = bitext.ReadTMX(f, func(tu bitext.TU) error {
			sk, tk := pick.keys(tu.Variants)
			if sk == "" || tk == "" || fresh[normKey(tu.Variants[sk])] {
				return nil
			}
			changed := tu.Changed
			if changed.IsZero() {
				changed = tu.Created
			}
			kept = append(kept, segments.Segment{
				Source: tu.Variants[sk], Target: tu.Variants[tk],
				Status: segments.StatusTranslated, Changed: changed,
			})
			prev, hasPrev := tu.Props["prev"]
			next, hasNext := tu.Props["next"]
			keptCtx = append(keptCtx, unitContext{Context{Prev: prev, Next: next}, hasPrev && hasNext})
			return nil
		})
		f.Close()
		if err != nil {
			return "", fmt.Errorf("user memory %s is unreadable, not overwritten: %w", path, err)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("user memory %s: %w", path, err)
	} else if len(out.Segments) == 0 {
		return "", nil
	}
	for i, s := range kept {
		s.Index = len(out.Segments)
		out.Segments = append(out.Segments, s)
		ctxs = append(ctxs, keptCtx[i])
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("user memory folder %s: %w", dir, err)
	}
	if err := safefile.Write(path, func(f io.Writer) error {
		return bitext.WriteTMX(f, out, bitext.Options{
			ToolVersion: "tm", Now: time.Now(), Context: true,
			ContextOf: func(i int) (string, string, bool) {
				return ctxs[i].Prev, ctxs[i].Next, ctxs[i].ok
			},
		})
	}, safefile.Options{}); err != nil {
		return "", fmt.Errorf("write user memory %s: %w", path, err)
	}
	return path, nil
}

// DocumentUnits returns the confirmed segments of doc as memory units with
// their neighbours as context, origin being the project file. The editor
// adds them when it opens a project and adds one unit (SegmentUnit) each
// time a segment is confirmed.
func DocumentUnits(doc *segments.Document, origin string) []Unit {
	var out []Unit
	for i := range doc.Segments {
		if u, ok := SegmentUnit(doc, i, origin); ok {
			out = append(out, u)
		}
	}
	return out
}

// SegmentUnit returns segment i of doc as a memory unit, and false when the
// segment is not confirmed or has no target.
func SegmentUnit(doc *segments.Document, i int, origin string) (Unit, bool) {
	s := doc.Segments[i]
	if !s.Status.Confirmed() || strings.TrimSpace(s.Target) == "" {
		return Unit{}, false
	}
	ctx := SegmentContext(doc, i)
	return Unit{
		Source: s.Source, Target: s.Target,
		SourceLang: doc.SourceLang.String(), TargetLang: doc.TargetLang.String(),
		Origin: origin, Created: s.Changed, Changed: s.Changed,
		Prev: ctx.Prev, Next: ctx.Next, HasContext: true,
	}, true
}

// SegmentContext returns the sources of the segments around segment i, the
// Context to pass to Lookup for it.
func SegmentContext(doc *segments.Document, i int) Context {
	var c Context
	if i > 0 {
		c.Prev = doc.Segments[i-1].Source
	}
	if i+1 < len(doc.Segments) {
		c.Next = doc.Segments[i+1].Source
	}
	return c
}

// Repetitions returns the groups of segments of doc whose sources are the
// same (NFC, white space collapsed; case and punctuation count), each group
// in document order and the groups ordered by their first segment. Segments
// with an empty source are ignored.
func Repetitions(doc *segments.Document) [][]int {
	first := map[string]int{} // key -> group index
	var groups [][]int
	for i, s := range doc.Segments {
		k := normKey(s.Source)
		if k == "" {
			continue
		}
		if g, ok := first[k]; ok {
			groups[g] = append(groups[g], i)
			continue
		}
		first[k] = len(groups)
		groups = append(groups, []int{i})
	}
	out := groups[:0]
	for _, g := range groups {
		if len(g) > 1 {
			out = append(out, g)
		}
	}
	return out
}

// SameSource returns the other segments of doc whose source is the same as
// segment i's (as Repetitions compares them), in document order. The editor
// offers to fill those still empty when segment i is confirmed.
func SameSource(doc *segments.Document, i int) []int {
	out := doc.Repetitions(i)
	if out == nil {
		out = []int{}
	}
	return out
}
