package segments

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/trad-project/trad/internal/filelock"
	"github.com/trad-project/trad/internal/safefile"
)

// LockWait is how long a save waits for another trad process's save of the
// same folder to finish before giving up with an error (the work stays in
// memory; the caller retries).
var LockWait = 10 * time.Second

// lockProject takes the lock that serialises the saves of the projects of
// path's folder across processes (see filelock.Lock).
func lockProject(path string) (unlock func(), err error) {
	return filelock.Lock(filepath.Dir(path), LockWait)
}

// fileState is what a project file held when it was last read or written.
type fileState struct {
	info os.FileInfo // nil when there is no file
	// doc is the file as parsed, before any re-attachment; nil when no
	// file. Once compacted, its Segments are nil and base holds them.
	doc  *Document
	base *segBase
	rev  int64  // the file's revision
	by   string // the program that wrote it
}

// compacted returns st with its document's segments moved into a segBase
// (over a copy of its blocks) and its orphans copied, so that st.doc's
// slices may go on to be changed by whoever has it.
func compacted(st fileState) fileState {
	if st.doc == nil || st.base != nil {
		return st
	}
	blocks := slices.Clone(st.doc.Blocks)
	st.base = newSegBase(st.doc, blocks, false)
	st.doc = header(st.doc, blocks)
	return st
}

// header is doc without its segments, over blocks, for a fileState.
func header(doc *Document, blocks []Block) *Document {
	return &Document{
		SourceHash: doc.SourceHash,
		Blocks:     blocks,
		Orphans:    slices.Clone(doc.Orphans),
		Cursor:     doc.Cursor,
		NoMT:       doc.NoMT,
	}
}

// same reports whether the file at path is still the one st describes,
// with one stat: a save always renames a new file in (new inode), and the
// size and time catch a file rewritten in place by another program.
func (st fileState) same(fi os.FileInfo) bool {
	if st.info == nil || fi == nil {
		return st.info == nil && fi == nil
	}
	return os.SameFile(st.info, fi) && st.info.Size() == fi.Size() && st.info.ModTime().Equal(fi.ModTime())
}

// readState reads and parses the project file at path. A missing file is a
// zero fileState, not an error. The FileInfo is taken from the descriptor
// read, so it describes the content parsed even when the file is replaced
// meanwhile.
func readState(path string) (fileState, error) {
	// OpenRegular opens without blocking: a named pipe there must not hang.
	f, fi, err := safefile.OpenRegular(path, "a project")
	if errors.Is(err, fs.ErrNotExist) {
		return fileState{}, nil
	}
	if err != nil {
		return fileState{}, fmt.Errorf("load project: %w", err)
	}
	defer f.Close()
	// Streamed: the file is never held whole (178 MB for a 50 MB article's
	// schema 2 project).
	doc, pf, err := parseProject(path, f, fi.Size())
	if err != nil {
		return fileState{}, err
	}
	return fileState{info: fi, doc: doc, rev: pf.Revision, by: pf.Generator}, nil
}

// Store saves a document to its project file without losing what other
// processes (another editor, trad import, trad pretranslate) saved there
// since it was read: every save is a compare-and-swap under an OS lock, and
// when the file changed it is merged segment by segment (see Save). One
// Store serves one document; its methods are safe for concurrent use.
type Store struct {
	path string // as given, for messages
	by   string

	mu sync.Mutex
	// file is the file as last read or written (compacted).
	file fileState
	// mine is the caller's segments as last handed to Save (or loaded):
	// what the caller already knew, so that a segment equal to it (or to the
	// file's) is not a change of the caller's. nil: no work anywhere.
	mine *segBase
	// mineOv is the caller's blocks' overrides as last handed to Save (or
	// loaded), as mine is for segments: the base of its segmentation.
	mineOv [][]Override
}

// NewStore returns a Store for the project file path. by names the program
// in the files it writes ("trad edit"); "" is "trad". Call Load, or save a
// new document; a Store that never read the file merges with whatever a
// concurrent process may have created.
func NewStore(path, by string) *Store {
	if by == "" {
		by = "trad"
	}
	return &Store{path: path, by: by}
}

// Path returns the project file's path as given to NewStore.
func (s *Store) Path() string { return s.path }

// real is the file to read, lock and write: path with links followed.
func (s *Store) real() (string, error) {
	r, err := safefile.Resolve(s.path)
	if err != nil {
		return "", fmt.Errorf("project %s: %w", s.path, err)
	}
	return r, nil
}

// Load reads the project file as Load does and records it as the base of
// the next Save.
func (s *Store) Load() (*Document, *LoadReport, error) {
	real, err := s.real()
	if err != nil {
		return nil, nil, err
	}
	st, err := readState(real)
	if err != nil {
		return nil, nil, err
	}
	if st.doc == nil {
		return nil, nil, fmt.Errorf("load project: %w", &fs.PathError{Op: "open", Path: s.path, Err: fs.ErrNotExist})
	}
	// The base keeps its own compact copy, so the parsed document itself
	// is the caller's: no second copy of a large article's segments.
	parsed := st.doc
	st = compacted(st)
	doc, rep, err := loadState(s.path, fileState{doc: parsed})
	if err != nil {
		return nil, rep, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.file = st
	s.mineOv = blockOverrides(doc)
	if rep.SourceChanged || len(rep.Warnings) > 0 {
		s.mine = newSegBase(doc, slices.Clone(doc.Blocks), false)
	} else {
		// Nothing was re-attached nor repaired: doc's segments are the
		// file's, and the base shares them (a segBase never changes).
		s.mine = st.base
	}
	doc.trackLoaded(s.mine)
	return doc, rep, nil
}

// adopt records doc, not saved yet, as what the caller starts from. A
// freshly read article has no work yet: each of its segments is what segAt
// returns for a segment missing from mine, so mine stays empty rather than
// holding a copy of every segment (a 50 MB article has half a million).
func (s *Store) adopt(doc *Document) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.mine = nil
	s.mineOv = blockOverrides(doc)
	for i := range doc.Segments {
		if !doc.Segments[i].blank() {
			s.mine = newSegBase(doc, slices.Clone(doc.Blocks), false)
			return
		}
	}
}

// blank reports whether s holds nothing a merge reads from a base besides
// its source: no translation, note, history nor ignored issue.
func (s *Segment) blank() bool {
	return !s.hasWork() && s.Origin == "" && s.History == nil && s.QAIgnored == nil
}

// Changed reports, with one stat and without the folder lock, whether the
// project file changed since this Store last read or wrote it: the editor's
// short poll. Every save renames a new file in, so the stat (file identity,
// size, time) is enough; no revision needs reading. It may wait for a Save
// of this Store in progress: call it from a command, not from Update. When
// it says true, Save a snapshot (it writes only if the editor has something
// new) and ApplySaved what came in.
func (s *Store) Changed() (bool, error) {
	real, err := s.real()
	if err != nil {
		return false, err
	}
	fi, err := os.Stat(real)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return false, fmt.Errorf("project %s: %w", s.path, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return !s.file.same(fi), nil
}

// SaveResult says what a Save did.
type SaveResult struct {
	// Revision is the file's revision after the save.
	Revision int64
	// Wrote is false when the file already held everything (nothing was
	// written).
	Wrote bool
	// Updated lists, in order, the segments whose work came from another
	// process's save (their new state is in the document given to Save).
	Updated []int
	// Conflicts lists the segments both sides changed; the later change won
	// and the other is in the segment's History with Conflict set.
	Conflicts []int
	// Orphans counts the translations added to Document.Orphans because the
	// other process's segmentation has no place for them.
	Orphans int
	// By names the program that saved what came in ("trad import").
	By string
	// Resegmented is set when the merge changed the segmentation of the
	// document given to Save to take in splits or merges another process
	// saved since this Store last read or wrote the file. Updated and
	// Conflicts index the document's segmentation after the save.
	Resegmented bool
	// revs are the Rev of the Updated then Conflicts segments in the
	// document given to Save, for ApplySaved.
	revs []uint64
	// resegmented is Resegmented; blocks, when set, are the overrides and
	// segments of the document's blocks as handed in, for ApplySaved to
	// tell whether the live document still has them.
	resegmented bool
	blocks      [][]Override
	pre         *segBase
}

// Merged reports whether anything came from another process.
func (r SaveResult) Merged() bool {
	return len(r.Updated)+len(r.Conflicts)+r.Orphans > 0 || r.Resegmented
}

// Message says what came in, for a status line ("3 segments updated by trad
// import"); "" when nothing did.
func (r SaveResult) Message() string {
	if !r.Merged() {
		return ""
	}
	if len(r.Updated)+len(r.Conflicts)+r.Orphans == 0 {
		return fmt.Sprintf("segments split or merged by %s (kept in the project)", r.By)
	}
	msg := fmt.Sprintf("%d segment%s updated by %s", len(r.Updated), plural(len(r.Updated)), r.By)
	if r.Resegmented {
		msg += "; segments split or merged there too"
	}
	if n := len(r.Conflicts); n > 0 {
		msg += fmt.Sprintf("; %d conflict%s in segment%s %s (the other version is in the segment's history: undo brings it back)",
			n, plural(n), plural(n), segmentList(r.Conflicts))
	}
	if r.Orphans > 0 {
		msg += fmt.Sprintf("; %d translation%s kept as orphans", r.Orphans, plural(r.Orphans))
	}
	return msg
}

// segmentList names segments (0-based indexes) as the translator numbers
// them: "7", "3, 8 and 12", "3, 8, 12, 15, 20 and 4 more".
func segmentList(idx []int) string {
	const shown = 5
	var b strings.Builder
	for k, i := range idx[:min(len(idx), shown)] {
		switch {
		case k == 0:
		case k == len(idx)-1:
			b.WriteString(" and ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(i + 1))
	}
	if len(idx) > shown {
		fmt.Fprintf(&b, " and %d more", len(idx)-shown)
	}
	return b.String()
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// Save writes doc to the project file unless the file already holds it all.
// Under an exclusive lock shared by every trad process, it compares the file
// with the one this Store last read or wrote; when another process saved
// meanwhile, the two are merged segment by segment (see mergeInto) into doc
// itself, so doc is what was saved. The result lists what came in; an editor
// that saved a snapshot passes it to ApplySaved to show it. The write is
// atomic (safefile); on error nothing is written and doc may hold the merge.
func (s *Store) Save(doc *Document) (SaveResult, error) {
	var res SaveResult
	err := s.locked(func(real string, fi os.FileInfo) (err error) {
		res, err = s.saveLocked(real, fi, doc)
		return err
	})
	return res, err
}

// locked runs save with the folder's lock and the Store's mutex held,
// given the project file's real path and its FileInfo (nil: no file).
func (s *Store) locked(save func(real string, fi os.FileInfo) error) error {
	real, err := s.real()
	if err != nil {
		return err
	}
	unlock, err := lockProject(real)
	if err != nil {
		return fmt.Errorf("save project %s: %w", s.path, err)
	}
	defer unlock()
	s.mu.Lock()
	defer s.mu.Unlock()
	fi, err := os.Stat(real)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("save project %s: %w", s.path, err)
	}
	return save(real, fi)
}

// saveLocked is Save under the locks (see locked).
func (s *Store) saveLocked(real string, fi os.FileInfo, doc *Document) (SaveResult, error) {
	theirs := s.file
	var err error
	if !s.file.same(fi) {
		if theirs, err = readState(real); err != nil {
			return SaveResult{}, fmt.Errorf("save project %s: the file changed on disk and cannot be read: %w", s.path, err)
		}
		theirs = compacted(theirs)
	}
	// What the caller hands in, kept compact: a save costs the work held,
	// not a copy of every segment (a block's slices are never changed in
	// place, so the copy of the blocks shares them).
	pre := newSegBase(doc, slices.Clone(doc.Blocks), true)
	preOv := blockOverrides(doc)
	res := s.mergeInto(doc, theirs, pre)
	if res.resegmented {
		// News only when another process wrote since: an editor that keeps
		// its segmentation takes the file's again at each save.
		res.Resegmented = !s.file.same(fi)
		res.blocks, res.pre = preOv, pre
	}
	res.Revision = theirs.rev
	mine := pre.withoutRevs()
	if theirs.doc != nil && !differs(doc, theirs) {
		if !res.Merged() && !res.resegmented {
			// What the caller handed in is the file's work, as a merge
			// reads it: one base, so that the next SaveSnapshot is quiet.
			mine = theirs.base
		}
		s.remember(theirs, mine, preOv)
		return res, nil
	}
	res.Revision++
	info, err := writeProject(real, doc, nil, res.Revision, s.by)
	if err != nil {
		return SaveResult{}, fmt.Errorf("save project %s: %w", s.path, err)
	}
	res.Wrote = true
	file := fileState{info: info, rev: res.Revision, by: s.by}
	if res.Merged() || res.resegmented {
		file = compacted(fileState{info: info, doc: doc, rev: res.Revision, by: s.by})
	} else {
		// The merge brought nothing in: doc's segments are still pre.
		file.doc, file.base = header(doc, pre.blocks), mine
	}
	s.remember(file, mine, preOv)
	return res, nil
}

// remember records the file as st and the caller's segments as mine.
func (s *Store) remember(st fileState, mine *segBase, mineOv [][]Override) {
	s.file = st
	s.mine, s.mineOv = mine, mineOv
}

// ApplySaved brings into d, the live document, what a Save of its snapshot
// saved brought in from other processes: each updated segment that d has not
// changed since the snapshot was taken (found by its place in its block,
// not by index, and with the same Rev) gets saved's version, and its Rev is
// bumped so that views redraw it; d's orphans become saved's. It never
// changes d's segmentation (see ApplySegmentation). It returns the indexes
// changed. What d changed meanwhile is left alone: the next Save merges it.
func (d *Document) ApplySaved(saved *Document, res SaveResult) []int {
	var changed []int
	all := append(append([]int(nil), res.Updated...), res.Conflicts...)
	for k, i := range all {
		if i >= len(saved.Segments) || k >= len(res.revs) {
			continue
		}
		from := &saved.Segments[i]
		j := i // the usual case, checked first: a block may be large
		if j >= len(d.Segments) || !samePlace(&d.Segments[j], from) {
			j = d.findPlace(from)
		}
		if j < 0 || d.Segments[j].Rev != res.revs[k] {
			continue
		}
		s := &d.Segments[j]
		rev := s.Rev
		s.carryWork(from, nil)
		s.History = from.History
		s.QAIgnored = from.QAIgnored
		s.Rev = rev + 1
		d.touch(j)
		changed = append(changed, j)
	}
	if res.Orphans > 0 {
		d.Orphans = append([]Segment(nil), saved.Orphans...)
	}
	d.NoMT = saved.NoMT
	slices.Sort(changed)
	return slices.Compact(changed)
}

// findPlace returns the index of d's segment at s's place (block, span,
// source), or -1.
func (d *Document) findPlace(s *Segment) int {
	if s.Block < 0 || s.Block >= len(d.Blocks) {
		return -1
	}
	b := d.Blocks[s.Block]
	for j := b.First; j < b.First+b.Count && j < len(d.Segments); j++ {
		if samePlace(&d.Segments[j], s) {
			return j
		}
	}
	return -1
}

// samePlace reports whether a and b are the same sentence at the same
// place of the same block.
func samePlace(a, b *Segment) bool {
	return a.Block == b.Block && a.Start == b.Start && a.End == b.End && a.Source == b.Source
}

// ApplySegmentation brings into d, the live document, the segmentation
// changes (another process's splits and merges) that a Save of its snapshot
// saved took in (res.Resegmented): each block whose segmentation saved
// changed takes saved's segments, when d has not changed that block since
// the snapshot (same overrides, same segments with the same Revs). Call it
// before ApplySaved, and only when every view indexed by segment is rebuilt
// after (the number of segments changes). It returns the indexes of the
// segments it put in. Without it, the live document keeps its segmentation
// and each Save takes the file's again: nothing is lost either way.
func (d *Document) ApplySegmentation(saved *Document, res SaveResult) []int {
	if !res.resegmented || len(saved.Blocks) != len(d.Blocks) || len(res.blocks) != len(d.Blocks) {
		return nil
	}
	var changed []int
	pc := res.pre.cursor()
	for bi := range d.Blocks {
		b := d.Blocks[bi]
		if sameOverrides(b.Overrides, saved.Blocks[bi].Overrides) ||
			!sameOverrides(b.Overrides, res.blocks[bi]) || b.Text != saved.Blocks[bi].Text {
			continue
		}
		live := d.Segments[b.First : b.First+b.Count]
		if bi >= len(res.pre.blocks) || !pc.sameBlock(bi, live) || b.Count == 0 || saved.Blocks[bi].Count == 0 {
			continue
		}
		// Above every Rev the block had, so that views redraw the rows.
		top := uint64(0)
		for n := range live {
			top = max(top, live[n].Rev)
		}
		in := slices.Clone(saved.BlockSegments(bi))
		for n := range in {
			in[n].Rev = top + 1
		}
		d.replace(b.First, b.Count, in)
		d.Blocks[bi].Overrides = saved.Blocks[bi].Overrides
		for n := range in {
			changed = append(changed, d.Blocks[bi].First+n)
		}
	}
	return changed
}
