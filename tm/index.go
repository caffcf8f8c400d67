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
// indexHeader, indexChunk values of up to indexChunkUnits units each, then
// the indexWords the chunks' tokens refer to.
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
const indexVersion = 1

const indexChunkUnits = 1 << 16

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
type indexWords struct {
	Folds    []string
	FoldStem []uint32
	Stems    []string
}

// wordTable numbers the memory's words as an index lists them.
type wordTable struct {
	fold, stem map[uint32]uint32 // memory ID -> index ID
	w          indexWords
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
	if err := os.MkdirAll(m.indexDir, 0o755); err != nil {
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
	words := &wordTable{fold: map[uint32]uint32{}, stem: map[uint32]uint32{}}
	return safefile.Write(m.indexFile(path), func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 1<<20)
		enc := gob.NewEncoder(bw)
		if err := enc.Encode(&h); err != nil {
			return err
		}
		var ids []uint32
		flush := func() error {
			err := enc.Encode(m.indexChunkOf(ids, words))
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
		if err := enc.Encode(&words.w); err != nil {
			return err
		}
		return bw.Flush()
	}, safefile.Options{})
}

// indexID returns the index's ID of memory fold f, numbering it (and its
// stem) on first use. The caller holds m.mu.
func (m *Memory) indexID(t *wordTable, f uint32) uint32 {
	if id, ok := t.fold[f]; ok {
		return id
	}
	s := m.foldStem[f]
	sid, ok := t.stem[s]
	if !ok {
		sid = uint32(len(t.w.Stems))
		t.stem[s] = sid
		t.w.Stems = append(t.w.Stems, m.stemName(s))
	}
	id := uint32(len(t.w.Folds))
	t.fold[f] = id
	t.w.Folds = append(t.w.Folds, m.foldNames[f])
	t.w.FoldStem = append(t.w.FoldStem, sid)
	return id
}

// indexChunkOf gathers the entries ids into a chunk.
func (m *Memory) indexChunkOf(ids []uint32, words *wordTable) *indexChunk {
	m.mu.RLock()
	defer m.mu.RUnlock()
	c := &indexChunk{}
	var text strings.Builder
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
			c.Toks = append(c.Toks, m.indexID(words, t.fold))
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
	dec := gob.NewDecoder(bufio.NewReaderSize(f, 1<<20))
	var h indexHeader
	if err := dec.Decode(&h); err != nil {
		return nil, false
	}
	abs, _ := filepath.Abs(path)
	if h.Version != indexVersion || h.Path != abs || h.Size != fi.Size() || h.ModTime != fi.ModTime().UnixNano() ||
		h.SrcLang != m.src || h.TgtLang != m.tgt || h.Probe != m.probe() {
		return nil, false
	}
	// Everything is read and checked before anything is added: a damaged
	// index must leave the memory as it was.
	var chunks []loadedChunk
	units := 0
	for units < h.Units {
		var c indexChunk
		if err := dec.Decode(&c); err != nil {
			return nil, false
		}
		lc, err := decodeChunk(&c, path)
		if err != nil {
			return nil, false
		}
		units += len(lc.entries)
		chunks = append(chunks, lc)
	}
	var words indexWords
	if units != h.Units || dec.Decode(&words) != nil || !words.valid(chunks) {
		return nil, false
	}
	m.mu.Lock()
	remap := make([]tid, len(words.Folds))
	for i, name := range words.Folds {
		remap[i] = m.internToken(name, words.Stems[words.FoldStem[i]])
	}
	m.mu.Unlock()
	for _, lc := range chunks {
		for i := range lc.toks {
			lc.toks[i] = remap[lc.toks[i].fold]
		}
		m.mu.Lock()
		for _, e := range lc.entries {
			m.insertEntry(e)
		}
		m.mu.Unlock()
	}
	return h.Warnings, true
}

// valid reports whether the tables hold every fold the chunks use.
func (w *indexWords) valid(chunks []loadedChunk) bool {
	if len(w.FoldStem) != len(w.Folds) {
		return false
	}
	for _, s := range w.FoldStem {
		if int(s) >= len(w.Stems) {
			return false
		}
	}
	for _, lc := range chunks {
		for _, t := range lc.toks {
			if int(t.fold) >= len(w.Folds) {
				return false
			}
		}
	}
	return true
}

// loadedChunk is a chunk turned into entries whose toks hold the index's
// fold IDs (in tid.fold) until they are remapped to the memory's.
type loadedChunk struct {
	entries []entry
	toks    []tid
}

// decodeChunk checks c and turns it into entries (their tokens' folds are
// checked against the word tables later).
func decodeChunk(c *indexChunk, origin string) (loadedChunk, error) {
	n := len(c.NToks)
	if len(c.Ends) != 2*n || len(c.Changed) != n || len(c.Ctx) != n || len(c.HasCtx) != n ||
		len(c.KeyHash) != n || len(c.NRunes) != n {
		return loadedChunk{}, errStaleIndex
	}
	lc := loadedChunk{entries: make([]entry, n), toks: make([]tid, len(c.Toks))}
	for i, f := range c.Toks {
		lc.toks[i].fold = f
	}
	prev, tok := uint32(0), 0
	for i := range n {
		se, te := c.Ends[2*i], c.Ends[2*i+1]
		nt := int(c.NToks[i])
		if se < prev || te < se || int(te) > len(c.Text) || tok+nt > len(lc.toks) {
			return loadedChunk{}, errStaleIndex
		}
		e := entry{
			src: c.Text[prev:se], tgt: c.Text[se:te], origin: origin,
			ctx: c.Ctx[i], hasCtx: c.HasCtx[i], keyHash: c.KeyHash[i], nRunes: c.NRunes[i],
			toks: lc.toks[tok : tok+nt : tok+nt],
		}
		if c.Changed[i] != noTime {
			e.changed = time.Unix(0, c.Changed[i]).UTC()
		}
		lc.entries[i] = e
		prev, tok = te, tok+nt
	}
	for _, t := range c.Tags {
		if t.Unit < 0 || t.Unit >= n {
			return loadedChunk{}, errStaleIndex
		}
		e := &lc.entries[t.Unit]
		e.tags = newEntryTags(Unit{Source: e.src, Target: e.tgt, SourceTags: t.SourceTags, TargetTags: t.TargetTags, Codes: t.Codes})
	}
	return lc, nil
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
