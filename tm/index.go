package tm

import (
	"bufio"
	"encoding/gob"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/trad-project/trad/internal/safefile"
	"github.com/trad-project/trad/internal/xdg"
	"github.com/trad-project/trad/segments"
)

// The index of a large TMX file is its units as the memory holds them,
// analysed (words folded and stemmed), kept in the cache folder so that the
// next Open reads them back in a second or two instead of analysing them
// again (tens of seconds for a million units: issue 15's 3 s to the first
// lookup). It is a cache: it is rebuilt whenever the TMX file's size or
// modification time, the language pair or the analysis changes, and a
// damaged one is ignored.
//
// Format: a stream of encoding/gob values (the standard library's
// self-describing encoding, rather than a format of our own): an
// indexHeader, the indexWords the units' tokens refer to, then indexChunk
// values of up to indexChunkUnits units each. Reading decodes chunks on one
// goroutine while another indexes them.
// Texts and token arrays are one block per chunk, so reading allocates a few
// large blocks, not millions of small ones.

// IndexMin is the fewest units a TMX file must give for LoadFile to keep
// an index of it: smaller files are read as fast as an index would be.
var IndexMin = 20_000

// IndexDir returns the default folder of memory indexes:
// $XDG_CACHE_HOME/trad/tm-index (~/.cache/trad/tm-index).
func IndexDir() string { return filepath.Join(xdg.CacheDir(), "tm-index") }

// SetIndexDir makes LoadFile keep indexes of large TMX files in dir, and
// read them back when they are current; "" turns indexes off (the default
// of New; Open uses Options.IndexDir).
func (m *Memory) SetIndexDir(dir string) { m.indexDir = dir }

// indexVersion changes whenever the index format or the memory's entries
// change meaning.
const indexVersion = 2 // 2: folds by internal/textfold (Greek, Vietnamese, Cherokee keys changed)

const indexChunkUnits = 1 << 14

type indexHeader struct {
	Version int
	// Probe fingerprints the analysis (tokeniser, folding, stemmer): an
	// index made by another analysis is stale.
	Probe            uint64
	Path             string
	Size, ModTime    int64
	SrcLang, TgtLang string
	Units            int
	Warnings         []Warning
}

// indexWords are the index's word tables: a token is a fold ID, FoldStem
// gives its stem's ID. Only the words of the file's units are listed.
// StemUnits counts the units holding each stem, so that reading sizes the
// postings once.
type indexWords struct {
	Folds     []string
	FoldStem  []uint32
	Stems     []string
	StemUnits []uint32
}

type indexChunk struct {
	// Text holds each unit's source then its target; Ends the end of each,
	// two per unit.
	Text    string
	Ends    []uint32
	Changed []int64 // Unix nanoseconds; noTime for none
	Ctx     []uint64
	HasCtx  []bool
	KeyHash []uint64
	NRunes  []int32
	NToks   []uint16
	Toks    []uint32 // fold IDs, NToks[i] for unit i
	Tags    []indexTags
}

type indexTags struct {
	Unit                   int
	SourceTags, TargetTags []segments.Tag
	Codes                  []segments.Code
}

const noTime = math.MinInt64

// probeText is analysed to fingerprint the analysis (indexHeader.Probe).
const probeText = "L'État a dépensé 3,5 millions d'euros en 2024 pour les écoles rurales, qu'il rénove."

func (m *Memory) probe() uint64 {
	h := fnv.New64a()
	for _, t := range analyze(probeText, m.src, m.tok).toks {
		h.Write([]byte(t.Fold + "\x00" + t.Stem + "\x00"))
	}
	return h.Sum64()
}

// indexFile returns the index of TMX file path for the memory's languages.
func (m *Memory) indexFile(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	h := fnv.New64a()
	h.Write([]byte(abs + "\x00" + m.src + "\x00" + m.tgt))
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	return filepath.Join(m.indexDir, fmt.Sprintf("%s-%016x.gob", name, h.Sum64()))
}

// idRange is a run of entry IDs, [lo, hi).
type idRange struct{ lo, hi uint32 }

// writeIndex writes the index of TMX file path (whose stat was fi before
// it was read), from the entries of ranges. The file is written
// atomically; lookups and Add go on meanwhile (each chunk is gathered
// under the read lock).
func (m *Memory) writeIndex(path string, fi os.FileInfo, ranges []idRange, warns []Warning) error {
	if err := os.MkdirAll(m.indexDir, 0o700); err != nil {
		return fmt.Errorf("index folder: %w", err)
	}
	abs, _ := filepath.Abs(path)
	h := indexHeader{
		Version: indexVersion, Probe: m.probe(), Path: abs, Size: fi.Size(), ModTime: fi.ModTime().UnixNano(),
		SrcLang: m.src, TgtLang: m.tgt, Warnings: warns,
	}
	for _, r := range ranges {
		h.Units += int(r.hi - r.lo)
	}
	words, foldID := m.indexWordsOf(ranges)
	// Loading the file left garbage up to the collector's goal (twice the
	// live heap); collect it before making more, or the peak RSS of the
	// first open grows by the index's chunks.
	runtime.GC()
	return safefile.Write(m.indexFile(path), func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 1<<20)
		enc := gob.NewEncoder(bw)
		if err := enc.Encode(&h); err != nil {
			return err
		}
		if err := enc.Encode(words); err != nil {
			return err
		}
		var ids []uint32
		flush := func() error {
			err := enc.Encode(m.indexChunkOf(ids, foldID))
			ids = ids[:0]
			return err
		}
		for _, r := range ranges {
			for id := r.lo; id < r.hi; id++ {
				if ids = append(ids, id); len(ids) == indexChunkUnits {
					if err := flush(); err != nil {
						return err
					}
				}
			}
		}
		if len(ids) > 0 {
			if err := flush(); err != nil {
				return err
			}
		}
		return bw.Flush()
	}, safefile.Options{Perm: 0o600}) // the memory's texts may be confidential
}

// indexWordsOf returns the word tables of the entries of ranges, and the
// index's ID of each memory fold they use.
func (m *Memory) indexWordsOf(ranges []idRange) (*indexWords, []uint32) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	const none = ^uint32(0)
	foldID := make([]uint32, len(m.foldNames))
	stemID := make([]uint32, len(m.postings))
	lastUnit := make([]uint32, len(m.postings)) // ID+1 of the last unit counted per stem
	for i := range foldID {
		foldID[i] = none
	}
	for i := range stemID {
		stemID[i] = none
	}
	w := &indexWords{}
	for _, r := range ranges {
		for id := r.lo; id < r.hi; id++ {
			for _, t := range m.entry(id).toks {
				if stemID[t.stem] == none {
					stemID[t.stem] = uint32(len(w.Stems))
					w.Stems = append(w.Stems, m.stemName(t.stem))
					w.StemUnits = append(w.StemUnits, 0)
				}
				if foldID[t.fold] == none {
					foldID[t.fold] = uint32(len(w.Folds))
					w.Folds = append(w.Folds, m.foldNames[t.fold])
					w.FoldStem = append(w.FoldStem, stemID[t.stem])
				}
				if lastUnit[t.stem] != id+1 {
					lastUnit[t.stem] = id + 1
					w.StemUnits[stemID[t.stem]]++
				}
			}
		}
	}
	return w, foldID
}

// indexChunkOf gathers the entries ids into a chunk, their tokens numbered
// by foldID.
func (m *Memory) indexChunkOf(ids []uint32, foldID []uint32) *indexChunk {
	m.mu.RLock()
	defer m.mu.RUnlock()
	// Sized up front: growing by doubling would leave as much garbage.
	size, ntoks := 0, 0
	for _, id := range ids {
		e := m.entry(id)
		size += len(e.src) + len(e.tgt)
		ntoks += len(e.toks)
	}
	n := len(ids)
	c := &indexChunk{
		Ends: make([]uint32, 0, 2*n), Changed: make([]int64, 0, n), Ctx: make([]uint64, 0, n),
		HasCtx: make([]bool, 0, n), KeyHash: make([]uint64, 0, n), NRunes: make([]int32, 0, n),
		NToks: make([]uint16, 0, n), Toks: make([]uint32, 0, ntoks),
	}
	var text strings.Builder
	text.Grow(size)
	for i, id := range ids {
		e := m.entry(id)
		text.WriteString(e.src)
		c.Ends = append(c.Ends, uint32(text.Len()))
		text.WriteString(e.tgt)
		c.Ends = append(c.Ends, uint32(text.Len()))
		at := int64(noTime)
		if !e.changed.IsZero() {
			at = e.changed.UnixNano()
		}
		c.Changed = append(c.Changed, at)
		c.Ctx = append(c.Ctx, e.ctx)
		c.HasCtx = append(c.HasCtx, e.hasCtx)
		c.KeyHash = append(c.KeyHash, e.keyHash)
		c.NRunes = append(c.NRunes, e.nRunes)
		c.NToks = append(c.NToks, uint16(len(e.toks)))
		for _, t := range e.toks {
			c.Toks = append(c.Toks, foldID[t.fold])
		}
		if e.tags != nil {
			c.Tags = append(c.Tags, indexTags{Unit: i, SourceTags: e.tags.src, TargetTags: e.tags.tgt, Codes: e.tags.codes})
		}
	}
	c.Text = text.String()
	return c
}

// errStaleIndex says an index is not the TMX file's as it is now.
var errStaleIndex = errors.New("stale index")

// loadIndex adds the units of TMX file path (stat fi) from its index and
// returns the warnings reading the file gave. It reports false, having
// added nothing, when there is no current index or it cannot be read.
func (m *Memory) loadIndex(path string, fi os.FileInfo) ([]Warning, bool) {
	f, err := os.Open(m.indexFile(path))
	if err != nil {
		return nil, false
	}
	defer f.Close()
	dec := gob.NewDecoder(f) // buffered by gob; large messages are read straight in
	var h indexHeader
	if err := dec.Decode(&h); err != nil {
		return nil, false
	}
	abs, _ := filepath.Abs(path)
	var words indexWords
	if h.Version != indexVersion || h.Path != abs || h.Size != fi.Size() || h.ModTime != fi.ModTime().UnixNano() ||
		h.SrcLang != m.src || h.TgtLang != m.tgt || h.Probe != m.probe() ||
		dec.Decode(&words) != nil || !words.valid() {
		return nil, false
	}
	// Chunks are decoded on another goroutine while this one indexes them,
	// under the write lock throughout, so that a chunk found damaged can be
	// taken out again (rollback) with nothing else added meanwhile.
	chunks := make(chan *indexChunk, 2)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		defer close(chunks)
		for units := 0; units < h.Units; {
			c := new(indexChunk)
			if dec.Decode(c) != nil {
				return
			}
			units += len(c.NToks)
			select {
			case chunks <- c:
			case <-stop:
				return
			}
		}
	}()
	m.mu.Lock()
	defer m.mu.Unlock()
	start := m.count
	remap := m.remapWords(&words, h.Units)
	units := 0
	for c := range chunks {
		if m.insertChunk(c, path, remap) != nil {
			break
		}
		units += len(c.NToks)
	}
	if units != h.Units {
		m.truncate(start)
		return nil, false
	}
	return h.Warnings, true
}

// valid reports whether the word tables are consistent.
func (w *indexWords) valid() bool {
	if len(w.FoldStem) != len(w.Folds) || len(w.StemUnits) != len(w.Stems) {
		return false
	}
	for _, s := range w.FoldStem {
		if int(s) >= len(w.Stems) {
			return false
		}
	}
	return true
}

// remapWords interns an index's words and returns the memory's IDs of each
// index fold; it makes room for n more units and for the index's postings.
// The caller holds m.mu for writing.
func (m *Memory) remapWords(w *indexWords, n int) []tid {
	remap := make([]tid, len(w.Folds))
	for i, name := range w.Folds {
		remap[i] = m.internToken(name, w.Stems[w.FoldStem[i]])
	}
	for i, name := range w.Stems {
		if s, ok := m.stems[name]; ok {
			m.postings[s] = slices.Grow(m.postings[s], int(min(w.StemUnits[i], uint32(n))))
		}
	}
	m.nToks = slices.Grow(m.nToks, n)
	m.nToks8 = slices.Grow(m.nToks8, n)
	m.nRunes = slices.Grow(m.nRunes, n)
	return remap
}

// truncate takes the entries from ID start on out of the memory: what
// loadIndex added from an index found damaged. The caller holds m.mu for
// writing and has added nothing else since.
func (m *Memory) truncate(start int) {
	m.dropStemBits()
	for s, pl := range m.postings {
		k := len(pl)
		for k > 0 && int(pl[k-1]) >= start {
			k--
		}
		m.postings[s] = pl[:k]
	}
	for m.count > start {
		m.count--
		last := len(m.chunks) - 1
		m.chunks[last][len(m.chunks[last])-1] = entry{}
		m.chunks[last] = m.chunks[last][:len(m.chunks[last])-1]
		if len(m.chunks[last]) == 0 {
			m.chunks = m.chunks[:last]
		}
	}
	m.nToks, m.nToks8, m.nRunes = m.nToks[:start], m.nToks8[:start], m.nRunes[:start]
}

// insertChunk checks c and indexes its units, their tokens mapped to the
// memory's by remap; it adds nothing when c is damaged. Entries are built
// straight from the chunk's arrays (their texts share its Text, their
// tokens one array), not through a copy. The caller holds m.mu for
// writing.
func (m *Memory) insertChunk(c *indexChunk, origin string, remap []tid) error {
	n := len(c.NToks)
	if len(c.Ends) != 2*n || len(c.Changed) != n || len(c.Ctx) != n || len(c.HasCtx) != n ||
		len(c.KeyHash) != n || len(c.NRunes) != n {
		return errStaleIndex
	}
	prev, nt := uint32(0), 0
	for i := range n {
		se, te := c.Ends[2*i], c.Ends[2*i+1]
		if se < prev || te < se || int(te) > len(c.Text) {
			return errStaleIndex
		}
		prev, nt = te, nt+int(c.NToks[i])
	}
	if nt != len(c.Toks) {
		return errStaleIndex
	}
	toks := make([]tid, len(c.Toks))
	for i, f := range c.Toks {
		if int(f) >= len(remap) {
			return errStaleIndex
		}
		toks[i] = remap[f]
	}
	tags := map[int]*indexTags{}
	for i := range c.Tags {
		if t := &c.Tags[i]; t.Unit >= 0 && t.Unit < n {
			tags[t.Unit] = t
		} else {
			return errStaleIndex
		}
	}
	start, tok := 0, 0
	for i := range n {
		se, te, k := int(c.Ends[2*i]), int(c.Ends[2*i+1]), int(c.NToks[i])
		e := entry{
			src: c.Text[start:se], tgt: c.Text[se:te], origin: origin,
			ctx: c.Ctx[i], hasCtx: c.HasCtx[i], keyHash: c.KeyHash[i], nRunes: c.NRunes[i],
			toks: toks[tok : tok+k : tok+k],
		}
		if c.Changed[i] != noTime {
			e.changed = time.Unix(0, c.Changed[i]).UTC()
		}
		if t := tags[i]; t != nil {
			e.tags = newEntryTags(Unit{Source: e.src, Target: e.tgt, SourceTags: t.SourceTags, TargetTags: t.TargetTags, Codes: t.Codes})
		}
		m.insertEntry(e)
		start, tok = te, tok+k
	}
	return nil
}

// stemName returns the text of stem ID s. The caller holds m.mu (for
// reading: the table is completed under its own lock).
func (m *Memory) stemName(s uint32) string {
	m.stemMu.Lock()
	defer m.stemMu.Unlock()
	if int(s) >= len(m.stemNames) {
		m.stemNames = make([]string, len(m.stems))
		for name, id := range m.stems {
			m.stemNames[id] = name
		}
	}
	return m.stemNames[s]
}
