package tm

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/trad-project/trad/bitext"
	"github.com/trad-project/trad/internal/filelock"
	"github.com/trad-project/trad/internal/langtag"
	"github.com/trad-project/trad/internal/safefile"
	"github.com/trad-project/trad/segments"
)

// UserWriter persists a project's confirmed segments to the user's memory
// folder: each Save appends the units that are new or changed since the
// previous Save to the project's journal (JournalFile(UserFile(…))), so
// its cost depends on the document, never on the memory's size. When the
// journal has grown past CompactAt bytes, Save starts a compaction in the
// background (Wait waits for it). A UserWriter is safe for concurrent
// use; several processes may write the same project at once.
type UserWriter struct {
	dir, tmx, journal string

	mu      sync.Mutex
	written map[string]string // normKey(source) + context -> target + changed last appended
	compact sync.WaitGroup
	running bool
	err     error // the last background compaction's error
}

// CompactAt is the journal size past which a Save compacts the journal
// into the TMX file in the background.
const CompactAt = 4 << 20

// NewUserWriter returns the writer of the project at projectPath's user
// memory in dir (UserDir() when empty).
func NewUserWriter(dir, projectPath string) *UserWriter {
	if dir == "" {
		dir = UserDir()
	}
	tmx := UserFile(dir, projectPath)
	return &UserWriter{dir: dir, tmx: tmx, journal: JournalFile(tmx), written: map[string]string{}}
}

// File returns the user memory's TMX file (which may not exist yet).
func (w *UserWriter) File() string { return w.tmx }

// Save appends doc's confirmed segments that this writer has not written
// yet, or whose target or date changed, to the journal. It does file I/O:
// the editor calls it from a command, with a clone of its document.
func (w *UserWriter) Save(doc *segments.Document) error {
	units := DocumentUnits(doc, w.tmx)
	w.mu.Lock()
	defer w.mu.Unlock()
	fresh := units[:0]
	keys := make([]string, 0, len(units))
	for _, u := range units {
		k, v := unitKey(u), u.Target+"\x00"+u.Changed.UTC().String()
		if w.written[k] != v {
			fresh = append(fresh, u)
			keys = append(keys, k, v)
		}
	}
	if len(fresh) == 0 {
		return nil
	}
	if err := w.Append(fresh...); err != nil {
		return err
	}
	for i := 0; i < len(keys); i += 2 {
		w.written[keys[i]] = keys[i+1]
	}
	w.maybeCompact()
	return nil
}

// Append writes units to the journal as one fsync'd write.
func (w *UserWriter) Append(units ...Unit) error {
	if err := os.MkdirAll(w.dir, 0o755); err != nil {
		return fmt.Errorf("user memory folder %s: %w", w.dir, err)
	}
	return appendJournal(w.journal, units)
}

// maybeCompact starts a background compaction when the journal is large
// and none is running. The caller holds w.mu.
func (w *UserWriter) maybeCompact() {
	fi, err := os.Stat(w.journal)
	if err != nil || fi.Size() < CompactAt || w.running {
		return
	}
	w.running = true
	w.compact.Add(1)
	go func() {
		defer w.compact.Done()
		err := Compact(w.tmx)
		w.mu.Lock()
		w.running, w.err = false, err
		w.mu.Unlock()
	}()
}

// Wait waits for a background compaction and returns its error.
func (w *UserWriter) Wait() error {
	w.compact.Wait()
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

// unitKey is the identity under which a later unit replaces an earlier one
// in the user memory: the same source (as exact matches compare it).
func unitKey(u Unit) string { return normKey(u.Source) }

// SaveUser appends the confirmed segments of doc to the user memory of
// the project at projectPath in dir (UserDir() when empty) and returns its
// TMX file, or "" when doc has nothing confirmed. It is NewUserWriter(dir,
// projectPath).Save(doc) followed by Compact: a one-off save for commands.
// The editor keeps a UserWriter, whose saves only append.
func SaveUser(dir, projectPath string, doc *segments.Document) (string, error) {
	w := NewUserWriter(dir, projectPath)
	if len(DocumentUnits(doc, w.tmx)) == 0 {
		return "", nil
	}
	if err := w.Save(doc); err != nil {
		return "", err
	}
	if err := w.Wait(); err != nil {
		return "", err
	}
	return w.tmx, Compact(w.tmx)
}

// Compact folds the journal of the user memory file tmxPath into it: the
// TMX file is rewritten (atomically) with the journal's units replacing
// units of the same source, in order, then the journal is emptied. Units
// the journal repeats are written once. A TMX file that cannot be read is
// not overwritten, and the journal is kept. Appends wait while it runs.
func Compact(tmxPath string) error {
	journal := JournalFile(tmxPath)
	f, err := os.OpenFile(journal, os.O_RDWR, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	} else if err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	defer f.Close()
	unlock, err := filelock.Lock(journal, lockWait)
	if err != nil {
		return fmt.Errorf("compact %s: %w", tmxPath, err)
	}
	defer unlock()

	// The journal first: its languages tell which variant is the source
	// in TMX files written before units carried their languages.
	var fresh []Unit
	if _, err := readJournal(f, journal, func(r journalRecord) error {
		fresh = append(fresh, r.unit(tmxPath))
		return nil
	}); err != nil {
		return err
	}
	if len(fresh) == 0 {
		return nil
	}
	units, err := readUserTMX(tmxPath, fresh[0].SourceLang, fresh[0].TargetLang)
	if err != nil {
		return err
	}
	at := map[string]int{}
	for i, u := range units {
		at[unitKey(u)] = i
	}
	for _, u := range fresh {
		if i, ok := at[unitKey(u)]; ok {
			units[i] = u
			continue
		}
		at[unitKey(u)] = len(units)
		units = append(units, u)
	}
	srcLang := units[0].SourceLang
	if err := safefile.Write(tmxPath, func(out io.Writer) error {
		return writeUserTMX(out, srcLang, units)
	}, safefile.Options{}); err != nil {
		return fmt.Errorf("write user memory %s: %w", tmxPath, err)
	}
	if err := f.Truncate(0); err != nil {
		return fmt.Errorf("empty journal %s: %w", journal, err)
	}
	return f.Sync()
}

// readUserTMX reads every unit of a user memory file, whatever its
// languages: those of its x-srclang and x-tgtlang props, or else the
// variants of the pair src, tgt, or else a unit's two variants in tag
// order.
func readUserTMX(path, src, tgt string) ([]Unit, error) {
	f, _, err := safefile.OpenRegular(path, "a translation memory")
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, fmt.Errorf("user memory %s: %w", path, err)
	}
	defer f.Close()
	var units []Unit
	pick := langtag.NewPicker(src, tgt)
	err = bitext.ReadTMX(f, func(tu bitext.TU) error {
		sk, tk := tu.Props["x-srclang"], tu.Props["x-tgtlang"]
		if tu.Variants[sk] == "" || tu.Variants[tk] == "" {
			sk, tk = pick.Keys(tu.Variants)
		}
		if sk == "" || tk == "" {
			sk, tk = twoLangs(tu.Variants)
		}
		if sk == "" || tk == "" {
			return nil
		}
		prev, hasPrev := tu.Props["prev"]
		next, hasNext := tu.Props["next"]
		u := Unit{
			Source: tu.Variants[sk], Target: tu.Variants[tk], SourceLang: sk, TargetLang: tk,
			Origin: path, Created: tu.Created, Changed: tu.Changed,
			Prev: prev, Next: next, HasContext: hasPrev && hasNext,
		}
		u.SourceTags, u.TargetTags, u.Codes = unitTags(tu, sk, tk)
		units = append(units, u)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("user memory %s is unreadable, not overwritten: %w", path, err)
	}
	return units, nil
}

// twoLangs returns the two tags of a two-variant unit, sorted.
func twoLangs(v map[string]string) (string, string) {
	if len(v) != 2 {
		return "", ""
	}
	var ks []string
	for k := range v {
		ks = append(ks, k)
	}
	if ks[0] > ks[1] {
		ks[0], ks[1] = ks[1], ks[0]
	}
	return ks[0], ks[1]
}

// writeUserTMX writes units with bitext's unit writer: each unit's
// languages as props (so compaction reads back which is the source), its
// neighbours as OmegaT's prev/next props, its tags as TMX level 2.
func writeUserTMX(w io.Writer, srcLang string, units []Unit) error {
	tw := bitext.NewTMXWriter(w, srcLang, bitext.Options{ToolVersion: "tm", Now: time.Now()})
	for _, u := range units {
		tu := bitext.TU{
			Variants: map[string]string{u.SourceLang: u.Source, u.TargetLang: u.Target},
			Props:    map[string]string{"x-srclang": u.SourceLang, "x-tgtlang": u.TargetLang},
			Created:  u.Created, Changed: u.Changed,
		}
		if u.HasContext {
			tu.Props["prev"], tu.Props["next"] = u.Prev, u.Next
		}
		if len(u.SourceTags)+len(u.TargetTags) > 0 {
			tu.Tags = map[string][]bitext.TMXTag{
				u.SourceLang: bitext.TMXTags(u.SourceTags, u.Codes),
				u.TargetLang: bitext.TMXTags(u.TargetTags, u.Codes),
			}
		}
		if err := tw.Write(tu); err != nil {
			return err
		}
	}
	return tw.Close()
}

// userFiles returns the user folder's memories: its .tmx files and the
// TMX files of journals that have none yet, sorted.
func userFiles(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, fmt.Errorf("translation memory folder %s: %w", dir, err)
	}
	seen := map[string]bool{}
	var out []string
	for _, e := range ents {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") {
			continue
		}
		var tmx string
		switch {
		case strings.EqualFold(filepath.Ext(name), ".tmx"):
			tmx = filepath.Join(dir, name)
		case strings.HasSuffix(name, journalExt):
			tmx = filepath.Join(dir, strings.TrimSuffix(name, journalExt)+".tmx")
		default:
			continue
		}
		if !seen[tmx] {
			seen[tmx] = true
			out = append(out, tmx)
		}
	}
	return out, nil
}

// CompactAll compacts every journal of the user memory folder dir
// (UserDir() when empty) and returns the TMX files it rewrote. It stops
// at the first error.
func CompactAll(dir string) ([]string, error) {
	if dir == "" {
		dir = UserDir()
	}
	files, err := userFiles(dir)
	if err != nil {
		return nil, err
	}
	var done []string
	for _, f := range files {
		fi, err := os.Stat(JournalFile(f))
		if err != nil || fi.Size() == 0 {
			continue
		}
		if err := Compact(f); err != nil {
			return done, err
		}
		done = append(done, f)
	}
	return done, nil
}
