package tm

import (
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"strings"

	"github.com/trad-project/trad/segments"
)

// UserFile returns the file of the user's memory folder dir that holds the
// confirmed segments of the project at projectPath:
// NAME-XXXXXXXX.tmx, NAME being the project's base name without
// ".trad.json" and XXXXXXXX a hash of its absolute path with symbolic
// links resolved, so two projects with the same name in different folders
// do not share a file and one project opened through a linked folder does
// not get a second one. A file named, as before, from the path as given is
// kept when it exists and the resolved one does not: the translator's
// memory is not orphaned.
func UserFile(dir, projectPath string) string {
	abs, err := filepath.Abs(projectPath)
	if err != nil {
		abs = projectPath
	}
	resolved := abs
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		resolved = r
	} else if d, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		resolved = filepath.Join(d, filepath.Base(abs)) // a project not saved yet
	}
	name := filepath.Base(projectPath)
	if strings.HasSuffix(name, segments.ProjectExt) {
		name = strings.TrimSuffix(name, segments.ProjectExt)
	} else {
		name = strings.TrimSuffix(name, filepath.Ext(name))
	}
	if name == "" || name == "." {
		name = "project"
	}
	file := userFileName(dir, name, resolved)
	if resolved != abs {
		if old := userFileName(dir, name, abs); memoryExists(old) && !memoryExists(file) {
			return old
		}
	}
	return file
}

// memoryExists reports whether the user memory of file exists: its TMX or,
// before the first compaction writes one, its journal alone.
func memoryExists(file string) bool {
	return fileExists(file) || fileExists(JournalFile(file))
}

func userFileName(dir, name, path string) string {
	h := fnv.New32a()
	h.Write([]byte(path))
	return filepath.Join(dir, fmt.Sprintf("%s-%08x.tmx", name, h.Sum32()))
}

// UserFileProject returns the project name in the base name of a file
// UserFile names ("article.fr" for "article.fr-85279d6d.tmx"), and false
// for any other file: the editor shows a unit's origin by its project.
func UserFileProject(base string) (string, bool) {
	stem, ok := strings.CutSuffix(base, ".tmx")
	if !ok || len(stem) < 10 || stem[len(stem)-9] != '-' {
		return "", false
	}
	for _, c := range stem[len(stem)-8:] {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return "", false
		}
	}
	return stem[:len(stem)-9], true
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
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

// SegmentUnit returns segment i of doc as a memory unit, with its tags
// (wrapping pairs included) and the codes they name, and false when the
// segment is not confirmed or has no target.
func SegmentUnit(doc *segments.Document, i int, origin string) (Unit, bool) {
	s := doc.Segments[i]
	if !s.Status.Confirmed() || strings.TrimSpace(s.Target) == "" {
		return Unit{}, false
	}
	ctx := SegmentContext(doc, i)
	u := Unit{
		Source: s.Source, Target: s.Target,
		SourceLang: doc.SourceLang.String(), TargetLang: doc.TargetLang.String(),
		Origin: origin, Created: s.Changed, Changed: s.Changed,
		Prev: ctx.Prev, Next: ctx.Next, HasContext: true,
	}
	u.SourceTags, u.TargetTags, u.Codes = segmentTags(doc, &doc.Segments[i], true)
	return u, true
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
