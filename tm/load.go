package tm

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"

	"github.com/trad-project/trad/bitext"
	"github.com/trad-project/trad/internal/diag"
	"github.com/trad-project/trad/internal/langtag"
	"github.com/trad-project/trad/internal/xdg"
	"github.com/trad-project/trad/segments"
)

// Options say which memories Open loads and for which language pair.
type Options struct {
	// SourceLang and TargetLang are BCP 47 tags; "fr" and "en" when empty.
	// A TMX variant matches when its tag is the same or has the same base
	// language ("fr-FR" for "fr").
	SourceLang, TargetLang string
	// Paths are TMX files or folders; a folder loads every .tmx file in it
	// (not its subfolders). A path that does not exist is an error.
	Paths []string
	// UserDir is the user's memory folder, UserDir() when empty. A missing
	// folder is an empty memory.
	UserDir string
	// NoUser skips the user's memory folder.
	NoUser bool
	// IndexDir is where indexes of large TMX files are kept (see
	// Memory.SetIndexDir): IndexDir() when empty, none when "-".
	IndexDir string
}

// Warning is a problem that did not stop loading: a malformed TMX file (the
// units read before the error are kept) or units without the pair's
// languages (trad's one warning type, internal/diag).
type Warning = diag.Warning

// UserDir returns the user's memory folder: $XDG_DATA_HOME/trad/tm, or
// ~/.local/share/trad/tm when XDG_DATA_HOME is unset. It is not created.
func UserDir() string { return filepath.Join(xdg.DataDir(), "tm") }

// New returns an empty memory for a language pair ("fr", "en" when empty),
// analysing source texts with the glossary's Analyzer for srcLang.
func New(srcLang, tgtLang string) *Memory {
	if srcLang == "" {
		srcLang = "fr"
	}
	if tgtLang == "" {
		tgtLang = "en"
	}
	return newMemory(srcLang, tgtLang, analyzerTokenizer(srcLang))
}

// Open loads the TMX files of opts.Paths and of the user's memory folder,
// with the journals of the latter (units confirmed since a file was last
// compacted). Files of IndexMin units or more are read from their index in
// opts.IndexDir when it is current, and indexed when it is not.
// Problems inside files are warnings; a path that cannot be read is an
// error.
func Open(opts Options) (*Memory, []Warning, error) {
	m := New(opts.SourceLang, opts.TargetLang)
	switch opts.IndexDir {
	case "":
		m.SetIndexDir(IndexDir())
	case "-":
	default:
		m.SetIndexDir(opts.IndexDir)
	}
	var warns []Warning
	for _, p := range opts.Paths {
		files, err := tmxFiles(p, true)
		if err != nil {
			return nil, warns, err
		}
		for _, f := range files {
			warns = append(warns, m.LoadFile(f)...)
		}
	}
	if !opts.NoUser {
		dir := opts.UserDir
		if dir == "" {
			dir = UserDir()
		}
		files, err := userFiles(dir)
		if err != nil {
			warns = append(warns, Warning{File: dir, Msg: err.Error()})
		}
		for _, f := range files {
			if _, err := os.Stat(f); err == nil {
				warns = append(warns, m.LoadFile(f)...)
			}
			warns = append(warns, m.loadJournal(JournalFile(f), f)...)
		}
	}
	return m, warns, nil
}

// tmxFiles returns path itself if it is a file, or the .tmx files of the
// folder, sorted. A missing path is an error only when must is set.
func tmxFiles(path string, must bool) ([]string, error) {
	fi, err := os.Stat(path)
	if err != nil {
		if !must && errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, fmt.Errorf("translation memory %s: %w", path, err)
	}
	if !fi.IsDir() {
		return []string{path}, nil
	}
	ents, err := os.ReadDir(path)
	if err != nil {
		return nil, fmt.Errorf("translation memory folder %s: %w", path, err)
	}
	var out []string
	for _, e := range ents {
		if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".tmx") {
			out = append(out, filepath.Join(path, e.Name()))
		}
	}
	slices.Sort(out)
	return out, nil
}

// LoadFile adds the units of a TMX file, with the file's path as their
// origin. Problems are returned as warnings; units read before a syntax
// error are kept. With an index folder (SetIndexDir), a file of IndexMin
// units or more is read from its index when it is current, and its index
// is written when it is not.
func (m *Memory) LoadFile(path string) []Warning {
	f, err := os.Open(path)
	if err != nil {
		return []Warning{{File: path, Msg: err.Error()}}
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || m.indexDir == "" {
		if err == nil && fi.Size() >= lowGCSize {
			defer lowerGC()()
		}
		return m.LoadTMX(f, path)
	}
	if warns, ok := m.loadIndex(path, fi); ok {
		return warns
	}
	if fi.Size() >= lowGCSize {
		defer lowerGC()()
	}
	warns, ranges, n := m.loadTMX(f, path)
	if n >= IndexMin {
		if err := m.writeIndex(path, fi, ranges, warns); err != nil {
			return append(warns, Warning{File: path, Msg: "memory index not written: " + err.Error()})
		}
	}
	return warns
}

// Reading a large TMX file makes garbage (the reader's units, their
// analysis) at several times the rate it adds to the memory, so at the
// collector's usual target the heap doubles between collections: a
// 1,000,000-unit file peaked at 1.8 GB for 0.9 GB of memory (issue 15 asks
// for 1.5 GB). While such a file is read the target is lowered, which costs
// more collections once per file (its index is read afterwards).
const (
	lowGCSize    = 64 << 20 // files from this size on
	lowGCPercent = 40
)

// lowGC counts the loads running with the lowered target and keeps the
// setting they replaced.
var lowGC struct {
	sync.Mutex
	n, prev int
}

// lowerGC lowers the collector's target until the function it returns is
// called, unless GOGC is set (the user's choice wins). Loads may overlap:
// the first sets it, the last puts the previous setting back.
func lowerGC() (restore func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	lowGC.Lock()
	defer lowGC.Unlock()
	if lowGC.n == 0 {
		lowGC.prev = debug.SetGCPercent(lowGCPercent)
	}
	lowGC.n++
	return func() {
		lowGC.Lock()
		defer lowGC.Unlock()
		if lowGC.n--; lowGC.n == 0 {
			debug.SetGCPercent(lowGC.prev)
		}
	}
}

// LoadTMX adds the units of a TMX stream, with origin as their origin (a
// file name). Reading is streamed; source texts are analysed on all CPUs
// while the file is read, and units are indexed in file order, in batches,
// so lookups can run while a large memory loads.
func (m *Memory) LoadTMX(r io.Reader, origin string) []Warning {
	warns, _, _ := m.loadTMX(r, origin)
	return warns
}

// loadTMX is LoadTMX; it also returns the IDs the units were given and
// how many there were.
func (m *Memory) loadTMX(r io.Reader, origin string) ([]Warning, []idRange, int) {
	type batch struct {
		units []Unit
		preps []prepared
		done  chan struct{}
	}
	const batchSize = 512
	work := make(chan *batch, 4)
	ordered := make(chan *batch, 16)
	var wg sync.WaitGroup
	for range max(1, runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range work {
				b.preps = make([]prepared, len(b.units))
				for i, u := range b.units {
					b.preps[i] = m.prepare(u)
				}
				close(b.done)
			}
		}()
	}
	inserted := make(chan struct{})
	var ranges []idRange
	n := 0
	go func() {
		defer close(inserted)
		for b := range ordered {
			<-b.done
			m.mu.Lock()
			lo := uint32(m.count)
			for _, p := range b.preps {
				m.insert(p, false)
			}
			ranges = appendRange(ranges, idRange{lo, uint32(m.count)})
			n += len(b.preps)
			m.mu.Unlock()
		}
	}()

	pick := langtag.NewPicker(m.src, m.tgt)
	skipped := 0
	cur := &batch{done: make(chan struct{})}
	flush := func() {
		if len(cur.units) == 0 {
			return
		}
		ordered <- cur
		work <- cur
		cur = &batch{done: make(chan struct{})}
	}
	err := bitext.ReadTMX(r, func(tu bitext.TU) error {
		u, ok := tmxUnit(tu, pick, origin)
		if !ok {
			skipped++
			return nil
		}
		cur.units = append(cur.units, u)
		if len(cur.units) == batchSize {
			flush()
		}
		return nil
	})
	flush()
	close(work)
	close(ordered)
	wg.Wait()
	<-inserted

	var warns []Warning
	if err != nil {
		warns = append(warns, diag.WarningOf(origin, err))
	}
	if skipped > 0 {
		warns = append(warns, Warning{File: origin, Msg: fmt.Sprintf("%d units without both a %s and a %s text skipped", skipped, m.src, m.tgt)})
	}
	return warns, ranges, n
}

// appendRange appends r to rs, merging it with the last range when they
// touch.
func appendRange(rs []idRange, r idRange) []idRange {
	if n := len(rs); n > 0 && rs[n-1].hi == r.lo {
		rs[n-1].hi = r.hi
		return rs
	}
	return append(rs, r)
}

// tmxUnit returns the unit of tu for the pair pick finds, and false when
// tu lacks a text in either language.
func tmxUnit(tu bitext.TU, pick *langtag.Picker, origin string) (Unit, bool) {
	sk, tk := pick.Keys(tu.Variants)
	src, tgt := tu.Variants[sk], tu.Variants[tk]
	if sk == "" || tk == "" || strings.TrimSpace(src) == "" || strings.TrimSpace(tgt) == "" {
		return Unit{}, false
	}
	u := Unit{
		Source: src, Target: tgt, SourceLang: sk, TargetLang: tk,
		Origin: origin, Created: tu.Created, Changed: tu.Changed,
	}
	prev, hasPrev := tu.Props["prev"]
	next, hasNext := tu.Props["next"]
	if hasPrev || hasNext {
		u.Prev, u.Next, u.HasContext = prev, next, true
	}
	u.SourceTags, u.TargetTags, u.Codes = unitTags(tu, sk, tk)
	return u, true
}

// unitTags returns the level-2 codes of tu's variants src and tgt as tags
// on shared codes (nil when it has none).
func unitTags(tu bitext.TU, src, tgt string) ([]segments.Tag, []segments.Tag, []segments.Code) {
	if len(tu.Tags[src]) == 0 && len(tu.Tags[tgt]) == 0 {
		return nil, nil, nil
	}
	return bitext.UnitTags(tu.Tags[src], tu.Tags[tgt])
}
