package mt

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/internal/filelock"
	"github.com/trad-project/trad/internal/safefile"
	"github.com/trad-project/trad/segments"
)

// CacheExt is the extension of the cache file kept beside a project:
// "article.fr.trad.json" has "article.fr.mtcache.json".
const CacheExt = ".mtcache.json"

// CachePath returns the cache file of the project file projectPath.
func CachePath(projectPath string) string {
	return strings.TrimSuffix(projectPath, segments.ProjectExt) + CacheExt
}

// cacheLimit bounds the cache file read: far above what suggestions for a
// long project weigh (about 1 KiB each).
var cacheLimit = safefile.Limit{Max: 256 << 20, What: "an MT cache", Hint: "delete it: it is rebuilt"}

// cacheSchema is the version of the cache file's format.
const cacheSchema = 1

// cacheEntry is one cached answer.
type cacheEntry struct {
	Text    string    `json:"text"`
	Unknown []string  `json:"unknown,omitempty"`
	Engine  string    `json:"engine"`
	Time    time.Time `json:"time,omitzero"`
}

type cacheFile struct {
	Schema  int                   `json:"schema"`
	Entries map[string]cacheEntry `json:"entries"`
}

// cache holds the engines' answers by key (see cacheKey), in memory and in
// a file beside the project. It is a file of its own, not a part of the
// project: suggestions are not the translator's work, may be deleted at any
// time (they are asked again), and would otherwise need the project's
// segment-by-segment merging.
type cache struct {
	path string // "" keeps the cache in memory only

	mu      sync.Mutex
	entries map[string]cacheEntry
	dirty   map[string]bool
}

// openCache reads the cache file at path (missing: empty). A corrupt file
// is an error naming it; the cache then starts empty and the file is
// replaced at the next flush, which loses nothing of the translator's.
func openCache(path string) (*cache, error) {
	c := &cache{path: path, entries: map[string]cacheEntry{}, dirty: map[string]bool{}}
	if path == "" {
		return c, nil
	}
	f, err := readCache(path)
	if err != nil {
		return c, err
	}
	c.entries = f.Entries
	return c, nil
}

func readCache(path string) (cacheFile, error) {
	f := cacheFile{Entries: map[string]cacheEntry{}}
	data, err := safefile.ReadRegular(path, cacheLimit)
	if errors.Is(err, fs.ErrNotExist) {
		return f, nil
	}
	if err != nil {
		return f, fmt.Errorf("read MT cache: %w", err)
	}
	if err := json.Unmarshal(data, &f); err != nil || f.Schema != cacheSchema {
		if err == nil {
			err = fmt.Errorf("schema %d, want %d", f.Schema, cacheSchema)
		}
		return cacheFile{Entries: map[string]cacheEntry{}}, fmt.Errorf("MT cache %s is unreadable (%v); it will be rebuilt", path, err)
	}
	if f.Entries == nil {
		f.Entries = map[string]cacheEntry{}
	}
	return f, nil
}

func (c *cache) get(key string) (cacheEntry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	return e, ok
}

func (c *cache) put(key string, e cacheEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries[key] = e
	c.dirty[key] = true
}

// flush writes the entries added since the last flush into the cache file,
// merged with what another process wrote meanwhile, atomically.
func (c *cache) flush() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.path == "" || len(c.dirty) == 0 {
		return nil
	}
	unlock, err := filelock.Lock(filepath.Dir(c.path), 5*time.Second)
	if err != nil {
		return fmt.Errorf("save MT cache: %w", err)
	}
	defer unlock()
	disk, _ := readCache(c.path) // unreadable: replaced
	for k := range c.dirty {
		disk.Entries[k] = c.entries[k]
	}
	for k, e := range disk.Entries {
		if _, ok := c.entries[k]; !ok {
			c.entries[k] = e
		}
	}
	disk.Schema = cacheSchema
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", " ")
	if err := enc.Encode(disk); err != nil {
		return fmt.Errorf("save MT cache: %w", err)
	}
	if err := safefile.WriteFile(c.path, buf.Bytes(), safefile.Options{}); err != nil {
		return fmt.Errorf("save MT cache %s: %w", c.path, err)
	}
	clear(c.dirty)
	return nil
}

// cacheKey is the hex SHA-256 of what decides an engine's answer: the
// source text, the language pair, the engine and its options, and the
// required terms (neighbouring segments are left out, so that a sentence
// keeps its cached suggestion when the text around it is edited).
func cacheKey(e Engine, r Request) string {
	h := sha256.New()
	terms := requiredTerms(r.Hits)
	sort.Slice(terms, func(i, j int) bool { return terms[i][0] < terms[j][0] })
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%s", r.Source, glossary.BaseLang(r.From), strings.ToLower(r.To), e.Name(), e.Options())
	for _, t := range terms {
		fmt.Fprintf(h, "\x00%s\x01%s", t[0], t[1])
	}
	return hex.EncodeToString(h.Sum(nil))
}
