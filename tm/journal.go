package tm

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/trad-project/trad/internal/filelock"
	"github.com/trad-project/trad/internal/langtag"
	"github.com/trad-project/trad/internal/safefile"
	"github.com/trad-project/trad/segments"
)

// The user memory is a TMX file per project plus, beside it, a journal of
// the units confirmed since the TMX file was last written:
// NAME-XXXXXXXX.journal.jsonl, one JSON object a line. Confirming a
// segment appends one line (one write, fsync'd), so its cost does not
// depend on the memory's size; Compact folds the journal into the TMX file
// now and then. Readers load both. A crash mid-append leaves a torn last
// line, which readers skip with a warning and the next append fences off.

// journalRecord is one line of a journal.
type journalRecord struct {
	Source     string    `json:"source"`
	Target     string    `json:"target"`
	SourceLang string    `json:"srclang"`
	TargetLang string    `json:"tgtlang"`
	Changed    time.Time `json:"changed"`
	// Prev and Next are the neighbours' sources when Context is set.
	Prev    string `json:"prev,omitempty"`
	Next    string `json:"next,omitempty"`
	Context bool   `json:"context,omitempty"`
	// The unit's inline tags and codes (Unit.SourceTags…), as a project
	// file writes them.
	SourceTags []segments.Tag  `json:"source_tags,omitempty"`
	TargetTags []segments.Tag  `json:"target_tags,omitempty"`
	Codes      []segments.Code `json:"codes,omitempty"`
}

func recordOf(u Unit) journalRecord {
	return journalRecord{
		Source: u.Source, Target: u.Target, SourceLang: u.SourceLang, TargetLang: u.TargetLang,
		Changed: u.Changed.UTC(), Prev: u.Prev, Next: u.Next, Context: u.HasContext,
		SourceTags: u.SourceTags, TargetTags: u.TargetTags, Codes: u.Codes,
	}
}

func (r journalRecord) unit(origin string) Unit {
	return Unit{
		Source: r.Source, Target: r.Target, SourceLang: r.SourceLang, TargetLang: r.TargetLang,
		Origin: origin, Created: r.Changed, Changed: r.Changed,
		Prev: r.Prev, Next: r.Next, HasContext: r.Context,
		SourceTags: r.SourceTags, TargetTags: r.TargetTags, Codes: r.Codes,
	}
}

// JournalFile returns the journal beside a user memory TMX file.
func JournalFile(tmxPath string) string {
	return strings.TrimSuffix(tmxPath, ".tmx") + journalExt
}

const journalExt = ".journal.jsonl"

// lockWait is how long an append or a compaction waits for another
// process's: a compaction of a large memory takes seconds.
const lockWait = 2 * time.Minute

// appendJournal appends units to the journal at path as one write, under
// an exclusive lock on the file (compaction truncates it under the same
// lock), and syncs it to disk before returning.
func appendJournal(path string, units []Unit) error {
	if len(units) == 0 {
		return nil
	}
	var buf bytes.Buffer
	buf.WriteByte('\n') // fences off a torn last line; dropped when there is none
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, u := range units {
		if err := enc.Encode(recordOf(u)); err != nil {
			return fmt.Errorf("journal %s: %w", path, err)
		}
	}
	// Read-write so that the last byte can be checked; O_APPEND makes every
	// write land at the end, whatever other processes appended.
	f, err := os.OpenFile(path, os.O_RDWR|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	defer f.Close()
	unlock, err := filelock.Lock(path, lockWait)
	if err != nil {
		return fmt.Errorf("journal %s: %w", path, err)
	}
	defer unlock()
	data := buf.Bytes()
	if complete, err := endsWithNewline(f); err != nil {
		return fmt.Errorf("journal %s: %w", path, err)
	} else if complete {
		data = data[1:]
	}
	if _, err := f.Write(data); err != nil {
		return fmt.Errorf("journal %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("journal %s: %w", path, err)
	}
	return nil
}

// endsWithNewline reports whether f is empty or ends with a newline: false
// means an earlier append was cut short.
func endsWithNewline(f *os.File) (bool, error) {
	fi, err := f.Stat()
	if err != nil || fi.Size() == 0 {
		return err == nil, err
	}
	var last [1]byte
	if _, err := f.ReadAt(last[:], fi.Size()-1); err != nil {
		return false, err
	}
	return last[0] == '\n', nil
}

// maxJournalLine bounds one journal line (a unit of two 1 MB texts and
// their neighbours fits); a longer line is reported and skipped.
const maxJournalLine = 8 << 20

// readJournal calls fn for each record of a journal, in order. A line that
// is not a record (a torn last line after a crash, a corrupt one) becomes
// a warning naming the file and line, and is skipped. Only an I/O error or
// fn's error stops it.
func readJournal(r io.Reader, name string, fn func(journalRecord) error) ([]Warning, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	var warns []Warning
	var line []byte
	for n := 1; ; n++ {
		line = line[:0]
		var err error
		tooLong := false
		for {
			var chunk []byte
			chunk, err = br.ReadSlice('\n')
			if len(line)+len(chunk) <= maxJournalLine {
				line = append(line, chunk...)
			} else {
				tooLong = true
			}
			if err != bufio.ErrBufferFull {
				break
			}
		}
		if err != nil && err != io.EOF {
			return warns, fmt.Errorf("journal %s: line %d: %w", name, n, err)
		}
		if len(line) == 0 && err == io.EOF {
			return warns, nil
		}
		rec, msg, ok := parseRecord(line, tooLong, err == io.EOF)
		if msg != "" {
			warns = append(warns, Warning{File: name, Line: n, Msg: msg})
		}
		if ok {
			if ferr := fn(rec); ferr != nil {
				return warns, ferr
			}
		}
		if err == io.EOF {
			return warns, nil
		}
	}
}

// parseRecord decodes one journal line: ok when it is a record, msg
// saying why not when it is neither a record nor blank. last is set when
// the line has no final newline: a write cut short.
func parseRecord(line []byte, tooLong, last bool) (rec journalRecord, msg string, ok bool) {
	switch {
	case tooLong:
		return rec, fmt.Sprintf("record longer than %d bytes skipped", maxJournalLine), false
	case last:
		return rec, "torn last record ignored (a write was interrupted)", false
	}
	line = bytes.TrimSpace(line)
	if len(line) == 0 {
		return rec, "", false // the fence written after a torn record
	}
	if err := json.Unmarshal(line, &rec); err != nil {
		return rec, "corrupt record skipped: " + err.Error(), false
	}
	if strings.TrimSpace(rec.Source) == "" || strings.TrimSpace(rec.Target) == "" {
		return rec, "record without a source or a target skipped", false
	}
	return rec, "", true
}

// loadJournal adds the units of the journal at path, origin being its TMX
// file. A missing journal is no error.
func (m *Memory) loadJournal(path, origin string) []Warning {
	f, _, err := safefile.OpenRegular(path, "a memory journal")
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return []Warning{{File: path, Msg: err.Error()}}
	}
	defer f.Close()
	pick := langtag.NewPicker(m.src, m.tgt)
	var units []Unit
	warns, err := readJournal(f, path, func(r journalRecord) error {
		if pick.Side(r.SourceLang) > 0 && pick.Side(r.TargetLang) < 0 {
			units = append(units, r.unit(origin))
		}
		return nil
	})
	if err != nil {
		warns = append(warns, Warning{File: path, Msg: err.Error()})
	}
	m.Add(units...)
	return warns
}
