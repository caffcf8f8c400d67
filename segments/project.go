package segments

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/trad-project/trad/internal/safefile"
	"golang.org/x/text/language"
)

// ProjectSchema is the version of the project file format written by Save.
// Load reads every version up to it; see docs/project-format.md. Version 2
// added the revision and the segments' history: a trad that knows only
// version 1 refuses the file rather than dropping them. Version 3 stores a
// segment's source only in its block's text: a version 2 trad would find
// the sources missing and call the file corrupted, so it refuses it too.
const ProjectSchema = 3

// ProjectExt is the extension of project files.
const ProjectExt = ".trad.json"

// projectFile is the JSON layout of a project file; encodeProject and
// decodeProject write and read it item by item (docs/project-format.md). A
// field added to Block or Segment (or Version) with a JSON name is saved and
// loaded with no change to the project code (TestProjectRoundTripsEveryField
// proves it for every field); a field added to Document goes here, in
// toProject and in parseProject.
type projectFile struct {
	Schema     int           `json:"schema"`
	Generator  string        `json:"generator,omitempty"`
	Revision   int64         `json:"revision,omitempty"`
	Saved      time.Time     `json:"saved,omitzero"`
	Source     projectSource `json:"source"`
	SourceLang string        `json:"source_lang"`
	TargetLang string        `json:"target_lang"`
	Format     string        `json:"format"`
	Cursor     int           `json:"cursor"`
	NoMT       bool          `json:"no_mt,omitempty"`
	Blocks     []Block       `json:"blocks"`
	Segments   []Segment     `json:"segments"`
	Orphans    []Segment     `json:"orphans,omitempty"`
}

type projectSource struct {
	// Path is the article, relative to the project file's folder (slashes).
	Path string `json:"path,omitempty"`
	// SHA256 is the hex SHA-256 of the article's bytes when it was segmented.
	SHA256 string `json:"sha256,omitempty"`
}

// LoadReport says what Load did besides reading the file.
type LoadReport struct {
	// SourceChanged is set when the article changed since the project was
	// saved and was segmented again.
	SourceChanged bool
	// Reattached counts the translations put back on a segment of the new
	// segmentation (ByPosition of them matched by position only, their
	// source sentence having been edited: those are set back to draft).
	Reattached, ByPosition int
	// Orphaned counts the translations whose sentence is gone; they are in
	// Document.Orphans.
	Orphaned int
	// Changed lists the segments matched by position (ByPosition of them).
	Changed []int
	// New counts the segments with no counterpart in the old text.
	New int
	// Overrides counts the translator's splits and merges made again on
	// the new segmentation; DroppedOverrides those whose sentences are gone
	// (a warning says so too).
	Overrides, DroppedOverrides int
	// SourceMissing is set when the article could not be read; the text
	// stored in the project is used.
	SourceMissing bool
	// Warnings are problems met while re-reading the article.
	Warnings []Warning
}

// CorruptProjectError is returned by Load for a project file that cannot be
// parsed or is inconsistent. Backup is the previous version (Path+".bak")
// when it exists.
type CorruptProjectError struct {
	Path, Backup string
	Err          error
}

func (e *CorruptProjectError) Error() string {
	msg := fmt.Sprintf("project file %s is corrupted: %v", e.Path, e.Err)
	if e.Backup != "" {
		return msg + fmt.Sprintf("; the previous version is kept in %s (copy it over %s to go back to it)", e.Backup, e.Path)
	}
	return msg + "; no backup (.bak) found"
}

func (e *CorruptProjectError) Unwrap() error { return e.Err }

// ProjectPath returns the project file of an article: "dir/NAME.trad.json",
// NAME being the article's base name without its last extension.
func ProjectPath(sourcePath string) string {
	dir, base := filepath.Split(sourcePath)
	if name := strings.TrimSuffix(base, filepath.Ext(base)); name != "" {
		base = name
	}
	return filepath.Join(dir, base+ProjectExt)
}

// IsProjectPath reports whether path names a project file.
func IsProjectPath(path string) bool { return strings.HasSuffix(path, ProjectExt) }

// Save writes doc to the project file path atomically: the JSON goes to a
// temporary file in the same folder, is fsynced and renamed over path, then
// the folder is fsynced. The previous version is kept as path+".bak". If
// anything fails, path is left as it was. Save replaces what the file holds:
// when another process may have changed it since it was read, save through
// a Store, which merges instead.
func Save(path string, doc *Document) error {
	real, err := safefile.Resolve(path)
	if err != nil {
		return fmt.Errorf("save project %s: %w", path, err)
	}
	unlock, err := lockProject(real)
	if err != nil {
		return fmt.Errorf("save project %s: %w", path, err)
	}
	defer unlock()
	if _, err := writeProject(real, doc, peekRevision(real)+1, "trad"); err != nil {
		return fmt.Errorf("save project %s: %w", path, err)
	}
	return nil
}

// peekRevision returns the revision of the project file at path, reading
// only its header (Save writes "revision" before "blocks"); 0 when there is
// no file, no revision, or the file cannot be read.
func peekRevision(path string) int64 {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	dec := json.NewDecoder(f)
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return 0
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil || key == "blocks" || key == "segments" {
			return 0
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return 0
		}
		if key == "revision" {
			var rev int64
			if json.Unmarshal(v, &rev) != nil {
				return 0
			}
			return rev
		}
	}
	return 0
}

// writeProject writes doc to path (links already resolved) as revision rev,
// saved by the program by, and returns the new file's FileInfo.
func writeProject(path string, doc *Document, rev int64, by string) (os.FileInfo, error) {
	pf, err := toProject(path, doc)
	if err != nil {
		return nil, err
	}
	pf.Revision, pf.Generator = rev, by
	write := func(w io.Writer) error { return encodeProject(w, pf) }
	if err := safefile.Write(path, write, safefile.Options{Backup: true}); err != nil {
		return nil, err
	}
	return os.Stat(path)
}

func toProject(path string, doc *Document) (*projectFile, error) {
	pf := &projectFile{
		Schema:     ProjectSchema,
		Generator:  "trad",
		Saved:      time.Now().UTC().Truncate(time.Second),
		SourceLang: doc.SourceLang.String(),
		TargetLang: doc.TargetLang.String(),
		Format:     doc.Format,
		Cursor:     doc.Cursor,
		NoMT:       doc.NoMT,
		Blocks:     doc.Blocks,
		Segments:   doc.Segments,
		Orphans:    doc.Orphans,
	}
	if pf.Format == "" {
		pf.Format = FormatText
	}
	if pf.Blocks == nil {
		pf.Blocks = []Block{}
	}
	if pf.Segments == nil {
		pf.Segments = []Segment{}
	}
	if doc.SourcePath != "" {
		abs, err := filepath.Abs(doc.SourcePath)
		if err != nil {
			return nil, err
		}
		pdir, err := filepath.Abs(filepath.Dir(path))
		if err != nil {
			return nil, err
		}
		rel, err := filepath.Rel(pdir, abs)
		if err != nil {
			rel = abs // another volume: keep it absolute
		}
		pf.Source.Path = filepath.ToSlash(rel)
		if doc.SourceHash != "" {
			pf.Source.SHA256 = doc.SourceHash
		} else if data, err := readRegularFile(abs, DefaultMaxBytes); err == nil {
			pf.Source.SHA256 = SourceHash(data)
		}
	}
	return pf, nil
}

// Load reads the project file path. When its article changed since the
// project was saved, the article is segmented again and every translation
// whose source sentence still exists is re-attached (see Reattach); the
// others become orphans. Nothing is written: call Save to keep the result.
// A file that cannot be parsed gives a *CorruptProjectError.
func Load(path string) (*Document, *LoadReport, error) {
	st, err := readState(path)
	if err != nil {
		return nil, nil, err
	}
	if st.doc == nil {
		return nil, nil, fmt.Errorf("load project: %w", &fs.PathError{Op: "open", Path: path, Err: fs.ErrNotExist})
	}
	return loadState(path, st)
}

// loadState is Load after the file was read: it re-reads the article when
// it changed and re-attaches the translations. st.doc is left as it was.
func loadState(path string, st fileState) (*Document, *LoadReport, error) {
	doc := st.doc.Clone()
	srcHash := doc.SourceHash
	rep := &LoadReport{Warnings: repairProject(path, doc)}
	if doc.SourcePath == "" {
		return doc, rep, nil
	}
	src, hash, err := readProjectSource(path, doc.SourcePath, srcHash)
	if err != nil {
		rep.SourceMissing = true
		rep.Warnings = append(rep.Warnings, Warning{File: path,
			Msg: fmt.Sprintf("cannot read the article (%v); using the text stored in the project", err)})
		return doc, rep, nil
	}
	if hash == srcHash {
		return doc, rep, nil
	}
	nd, warns, err := readBytes(src, doc.SourcePath, ReadOptions{
		Lang: doc.SourceLang.String(), Target: doc.TargetLang.String(), Format: doc.Format, Tags: true,
	})
	rep.Warnings = append(rep.Warnings, warns...)
	if err != nil {
		return nil, rep, fmt.Errorf("load project %s: re-read its article: %w", path, err)
	}
	nd.SourcePath = doc.SourcePath
	nd.SourceHash = hash
	rep.SourceChanged = true
	r := Reattach(doc, nd)
	rep.Reattached, rep.ByPosition, rep.Orphaned = r.Reattached, r.ByPosition, r.Orphaned
	rep.Changed, rep.New = r.Changed, r.New
	rep.Overrides, rep.DroppedOverrides = r.Overrides, r.DroppedOverrides
	if n := r.DroppedOverrides; n > 0 {
		rep.Warnings = append(rep.Warnings, Warning{File: path, Msg: fmt.Sprintf(
			"%d split%s or merge%s of segments dropped: their sentences are no longer in the edited article, which keeps the usual segmentation there",
			n, plural(n), plural(n))})
	}
	return nd, rep, nil
}

// parseProject decodes and checks a project file read from r (size bytes,
// 0 when unknown); it returns the document (SourceHash set to the stored
// hash of its article) and the file's header. When r is also an io.Seeker,
// a decoding error names its line.
func parseProject(path string, r io.Reader, size int64) (*Document, *projectFile, error) {
	corrupt := func(err error) error {
		e := &CorruptProjectError{Path: path, Err: err}
		// The backup is beside the file a link points to (safefile).
		bak := path + ".bak"
		if real, err := safefile.Resolve(path); err == nil {
			bak = real + ".bak"
		}
		if _, serr := os.Stat(bak); serr == nil {
			e.Backup = bak
		}
		return e
	}
	pf, err := decodeProject(r, size)
	if err != nil {
		var de *decodeError
		errors.As(err, &de)
		switch {
		case de.Offset == 0 && errors.Is(err, io.EOF):
			return nil, nil, corrupt(errors.New("the file is empty"))
		case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
			return nil, nil, corrupt(fmt.Errorf("truncated: %w", io.ErrUnexpectedEOF))
		}
		if line := lineAt(r, de.Offset); line > 0 {
			return nil, nil, corrupt(fmt.Errorf("line %d: %w", line, de.Err))
		}
		return nil, nil, corrupt(de.Err)
	}
	switch {
	case pf.Schema == 0:
		return nil, nil, corrupt(errors.New(`no "schema" version: not a trad project file`))
	case pf.Schema > ProjectSchema:
		return nil, nil, fmt.Errorf("project file %s has schema %d, newer than this trad understands (%d): update trad", path, pf.Schema, ProjectSchema)
	}
	src, err := language.Parse(pf.SourceLang)
	if err != nil {
		return nil, nil, corrupt(fmt.Errorf("source_lang %q: %w", pf.SourceLang, err))
	}
	tgt, err := language.Parse(pf.TargetLang)
	if err != nil {
		return nil, nil, corrupt(fmt.Errorf("target_lang %q: %w", pf.TargetLang, err))
	}
	doc := &Document{
		SourceLang: src, TargetLang: tgt, Format: pf.Format,
		Blocks: pf.Blocks, Segments: pf.Segments, Orphans: pf.Orphans, Cursor: pf.Cursor,
		NoMT: pf.NoMT,
	}
	if !knownFormat(doc.Format) {
		return nil, nil, corrupt(fmt.Errorf("format %q (want text, markdown or html)", pf.Format))
	}
	if err := doc.Check(); err != nil {
		return nil, nil, corrupt(err)
	}
	// Check found each source in its block's text: share that text instead
	// of keeping the file's second copy (50 MB for a 50 MB article).
	for i := range doc.Segments {
		s := &doc.Segments[i]
		s.Source = doc.Blocks[s.Block].Text[s.Start:s.End]
	}
	if pf.Source.Path != "" {
		p := filepath.FromSlash(pf.Source.Path)
		if !filepath.IsAbs(p) {
			p = filepath.Join(filepath.Dir(path), p)
		}
		doc.SourcePath = p
	}
	doc.Cursor = min(max(doc.Cursor, 0), max(len(doc.Segments)-1, 0))
	doc.SourceHash = pf.Source.SHA256
	pf.Blocks, pf.Segments, pf.Orphans = nil, nil, nil
	return doc, pf, nil
}

// Check verifies that the document's blocks and segments are consistent:
// segments numbered in order, each inside its block's text, blocks covering
// the segments in order. Load runs it on every project file.
func (d *Document) Check() error {
	next := 0
	for bi, b := range d.Blocks {
		switch b.Kind {
		case KindParagraph, KindHeading, KindListItem, KindQuote, KindCode:
		default:
			return fmt.Errorf("block %d: unknown kind %q", bi, b.Kind)
		}
		if b.First != next || b.Count < 0 || b.First+b.Count > len(d.Segments) {
			return fmt.Errorf("block %d: segments %d..%d do not follow the previous block's (next is %d of %d)", bi, b.First, b.First+b.Count, next, len(d.Segments))
		}
		next += b.Count
	}
	if next != len(d.Segments) {
		return fmt.Errorf("%d segments but the blocks hold %d", len(d.Segments), next)
	}
	for i, s := range d.Segments {
		if s.Index != i {
			return fmt.Errorf("segment %d: index %d", i, s.Index)
		}
		if s.Block < 0 || s.Block >= len(d.Blocks) {
			return fmt.Errorf("segment %d: block %d out of range", i, s.Block)
		}
		b := d.Blocks[s.Block]
		if i < b.First || i >= b.First+b.Count {
			return fmt.Errorf("segment %d: not in block %d's range", i, s.Block)
		}
		if s.Start < 0 || s.Start > s.End || s.End > len(b.Text) || b.Text[s.Start:s.End] != s.Source {
			return fmt.Errorf("segment %d: bytes %d..%d of block %d are not its source text", i, s.Start, s.End, s.Block)
		}
		if err := checkSegmentTags(&b, &s); err != nil {
			return fmt.Errorf("segment %d: %w", i, err)
		}
	}
	return nil
}

// OpenOptions say how Open treats an article.
type OpenOptions struct {
	Lang, Target string // languages of a new project (default fr → en)
	Project      string // project file to use instead of ProjectPath(article)
	// By names the program in the files the Store saves ("trad edit",
	// "trad import"), so that another process can say who changed what.
	By       string
	MaxBytes int64 // largest article read (ReadOptions.MaxBytes)
}

// Open opens path: a project file (*.trad.json) is loaded; an article opens
// its project — resumed when the project file exists, created in memory
// otherwise (nothing is written until Save). It returns the project path to
// save to. OpenStore is Open with the Store to save through.
func Open(path string, opts OpenOptions) (doc *Document, projectPath string, rep *LoadReport, warns []Warning, err error) {
	st, doc, rep, warns, err := OpenStore(path, opts)
	return doc, st.Path(), rep, warns, err
}

// OpenStore is Open returning the Store that saves the document to its
// project, merging what other processes saved meanwhile. The Store is never
// nil, even with an error (its Path names the project).
func OpenStore(path string, opts OpenOptions) (st *Store, doc *Document, rep *LoadReport, warns []Warning, err error) {
	if IsProjectPath(path) && opts.Project == "" {
		st = NewStore(path, opts.By)
		doc, rep, err = st.Load()
		if rep != nil {
			warns = rep.Warnings
		}
		return st, doc, rep, warns, err
	}
	projectPath := opts.Project
	if projectPath == "" {
		projectPath = ProjectPath(path)
	}
	st = NewStore(projectPath, opts.By)
	if _, serr := os.Stat(projectPath); serr == nil {
		doc, rep, err = st.Load()
		if rep != nil {
			warns = rep.Warnings
		}
		if err != nil {
			return st, nil, rep, warns, err
		}
		if !safefile.SameFile(doc.SourcePath, path) {
			return st, nil, rep, warns, fmt.Errorf("project %s belongs to %s, not %s", projectPath, doc.SourcePath, path)
		}
		if opts.Lang != "" && !sameLang(opts.Lang, doc.SourceLang) || opts.Target != "" && !sameLang(opts.Target, doc.TargetLang) {
			warns = append(warns, Warning{File: projectPath, Msg: fmt.Sprintf(
				"resuming a %s → %s project: the languages asked for (%s → %s) are ignored",
				doc.SourceLang, doc.TargetLang, orDefault(opts.Lang, "fr"), orDefault(opts.Target, "en"))})
		}
		return st, doc, rep, warns, nil
	} else if !errors.Is(serr, fs.ErrNotExist) {
		return st, nil, nil, nil, fmt.Errorf("open project: %w", serr)
	}
	doc, warns, err = ReadFile(path, ReadOptions{Lang: opts.Lang, Target: opts.Target, MaxBytes: opts.MaxBytes, Tags: true})
	if err != nil {
		return st, nil, nil, warns, err
	}
	st.adopt(doc)
	return st, doc, &LoadReport{}, warns, nil
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func sameLang(tag string, t language.Tag) bool {
	p, err := language.Parse(tag)
	return err == nil && p == t
}
