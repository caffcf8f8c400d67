package glossary

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/trad-project/trad/internal/filelock"
	"github.com/trad-project/trad/internal/safefile"
)

// DefaultUserFile is the file UserGlossaryPath picks in an empty user
// folder: a multi-language TSV that AppendEntry creates on first use.
const DefaultUserFile = "user.tsv"

// UserGlossaryPath returns the glossary file that terms added from the
// editor go to. configured is the path set in the config file (empty:
// none); "~/" starts the home folder and a relative path is taken in the
// user folder (UserDir). Without one, it is the first glossary file of the
// user folder by name, or DefaultUserFile there when the folder has none.
// The file need not exist: AppendEntry creates it.
func UserGlossaryPath(configured string) (string, error) {
	if configured != "" {
		p := configured
		if rest, ok := strings.CutPrefix(p, "~/"); ok {
			home, err := os.UserHomeDir()
			if err != nil {
				return "", fmt.Errorf("user glossary %s: %w", configured, err)
			}
			p = filepath.Join(home, rest)
		} else if !filepath.IsAbs(p) {
			p = filepath.Join(UserDir(), p)
		}
		if FormatOf(p) == FormatAuto {
			return "", fmt.Errorf("user glossary %s: not a glossary extension (want .tsv, .txt, .csv or .tbx)", configured)
		}
		return p, nil
	}
	dir := UserDir()
	files, err := glossaryFiles(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", err
	}
	if len(files) > 0 {
		return files[0], nil
	}
	return filepath.Join(dir, DefaultUserFile), nil
}

// appendLockWait bounds the wait for another trad process adding a term.
const appendLockWait = 5 * time.Second

// AppendEntry adds e to the glossary file at path, in that file's own
// layout, and returns the entry as a reader will see it (terms cleaned,
// Origin naming path and line), for the caller to match at once. src and
// tgt are the languages of e's source and target terms (e.Source(src),
// e.Target(tgt) must each give at least one).
//
//   - OmegaT two-column files (.txt .utf8 .tab, or a .tsv/.csv without a
//     header) get one "source<TAB>target<TAB>comment" row per term pair;
//     the comment is e.Note, preceded by "[domain] " when e has a domain.
//   - Multi-language TSV/CSV get one row under their header; a language,
//     "domain" or "note" column the header lacks is added at its end.
//   - TBX gets a termEntry (conceptEntry in v3) inserted before the
//     closing </body>; the rest of the file is kept byte for byte.
//
// A missing or empty file is created in the layout its extension says
// (.tsv and .csv: multi-language with a header; .txt: OmegaT; .tbx: TBX
// 2008). The file keeps its encoding (UTF-8 with or without BOM, UTF-16,
// Windows-1252) and line ends. The file is replaced atomically, under a
// lock shared with other trad processes, and not at all if it changed
// while the entry was being added.
func AppendEntry(path string, e Entry, src, tgt string) (*Entry, error) {
	added, _, err := AppendEntryChecked(path, e, src, tgt, AppendOptions{})
	return added, err
}

// ErrClash is returned (wrapped) by AppendEntryChecked when the new entry
// clashes with an existing one and AppendOptions.Force is off.
var ErrClash = errors.New("the term clashes with existing entries")

// AppendOptions are AppendEntryChecked's options.
type AppendOptions struct {
	// Existing returns the glossaries the new entry is checked against
	// (Clashes). It is called under the lock that AppendEntry takes, after
	// the file has been read: a term another trad process is adding is
	// either already in what it returns or added after this one, so two
	// processes adding the same term give one row and one clash. nil: no
	// check.
	Existing func() (*Glossary, error)
	// Force adds the entry even when it clashes (the clashes are still
	// returned).
	Force bool
}

// AppendEntryChecked is AppendEntry with the clash check done under the
// same lock as the write: it returns the clashes of e with the glossary
// opt.Existing gives, and, when there are some and opt.Force is off,
// ErrClash without writing anything.
func AppendEntryChecked(path string, e Entry, src, tgt string, opt AppendOptions) (*Entry, []Clash, error) {
	src, tgt = baseLang(src), baseLang(tgt)
	if src == tgt || src == "" || tgt == "" {
		return nil, nil, fmt.Errorf("add to glossary %s: want two languages, got %q and %q", path, src, tgt)
	}
	ne, err := cleanNewEntry(e, src, tgt)
	if err != nil {
		return nil, nil, fmt.Errorf("add to glossary %s: %w", path, err)
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, nil, fmt.Errorf("add to glossary %s: %w", path, err)
	}
	unlock, err := filelock.Lock(dir, appendLockWait)
	if err != nil {
		return nil, nil, fmt.Errorf("add to glossary %s: %w", path, err)
	}
	defer unlock()
	raw, before, err := readForAppend(path)
	if err != nil {
		return nil, nil, fmt.Errorf("add to glossary %s: %w", path, err)
	}
	var clashes []Clash
	if opt.Existing != nil {
		g, err := opt.Existing()
		if err != nil {
			return nil, nil, fmt.Errorf("add to glossary %s: %w", path, err)
		}
		clashes = Clashes(g, *ne, src, tgt)
		if len(clashes) > 0 && !opt.Force {
			return nil, clashes, fmt.Errorf("add to glossary %s: %w", path, ErrClash)
		}
	}
	out, line, err := appendBytes(raw, path, ne, src, tgt)
	if err != nil {
		return nil, clashes, fmt.Errorf("add to glossary %s: %w", path, err)
	}
	err = safefile.Write(path, func(w io.Writer) error {
		if changed(path, before) {
			return errors.New("the file changed while the term was being added; try again")
		}
		_, err := w.Write(out)
		return err
	}, safefile.Options{})
	if err != nil {
		return nil, clashes, fmt.Errorf("add to glossary %s: %w", path, err)
	}
	ne.Origin = Origin{File: path, Line: line}
	return ne, clashes, nil
}

// cleanNewEntry returns a copy of e holding its src and tgt terms as a
// reader would store them, or an error when one side has none.
func cleanNewEntry(e Entry, src, tgt string) (*Entry, error) {
	terms := func(ts []string, lang string) ([]string, error) {
		var out []string
		for _, t := range ts {
			t = strings.TrimSpace(cleanTerm(t))
			if strings.Contains(t, "|") {
				return nil, fmt.Errorf("term %q: a term cannot hold \"|\" (it separates synonyms)", t)
			}
			if t != "" && t != NoEquivalent {
				out = append(out, t)
			}
		}
		if len(out) == 0 {
			return nil, fmt.Errorf("no %s term", lang)
		}
		return out, nil
	}
	s, err := terms(e.Source(src), "source")
	if err != nil {
		return nil, err
	}
	t, err := terms(e.Target(tgt), "target")
	if err != nil {
		return nil, err
	}
	ne := &Entry{
		Domain: strings.TrimSpace(cleanTerm(e.Domain)),
		POS:    strings.ToLower(strings.TrimSpace(e.POS)),
		Note:   strings.TrimSpace(cleanTerm(e.Note)),
	}
	ne.Terms.Set(src, s)
	ne.Terms.Set(tgt, t)
	return ne, nil
}

// readForAppend returns the content of path and its file info (nil, nil
// when it does not exist).
func readForAppend(path string) ([]byte, fs.FileInfo, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, unwrapPathError(err)
	}
	data, err := safefile.ReadRegular(path, fileLimit)
	if err != nil {
		return nil, nil, unwrapPathError(err)
	}
	return data, fi, nil
}

// changed reports whether path is no longer the file described by before
// (nil: it did not exist).
func changed(path string, before fs.FileInfo) bool {
	fi, err := os.Stat(path)
	if before == nil {
		return err == nil
	}
	return err != nil || fi.Size() != before.Size() || !fi.ModTime().Equal(before.ModTime())
}

// appendBytes returns the new content of the file (raw: its content, nil
// or blank for a new file) with e added, and the line e starts at.
func appendBytes(raw []byte, path string, e *Entry, src, tgt string) ([]byte, int, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return newGlossaryFile(path, e, src, tgt)
	}
	text, enc, err := decodeForAppend(raw)
	if err != nil {
		return nil, 0, err
	}
	format := FormatOf(path)
	if format == FormatAuto {
		format = sniff(text)
	}
	var line int
	switch format {
	case FormatTBX:
		text, line, err = appendTBX(text, path, e, src, tgt)
	default:
		text, line, err = appendTable(text, path, format, e, src, tgt)
	}
	if err != nil {
		return nil, 0, err
	}
	out, err := enc.encode(text)
	if err != nil {
		return nil, 0, err
	}
	// A last line that opens a CSV quote and never closes it would swallow
	// the row: make sure the entry reads back where it was put.
	if format != FormatTBX && !readsBack(out, path, format, e, src, line) {
		return nil, 0, fmt.Errorf("line %d: the term would not read back (an unclosed quote before it?)", line)
	}
	return out, line, nil
}

// readsBack reports whether data, read as a glossary, has at line an
// entry whose first source term is e's.
func readsBack(data []byte, path string, format Format, e *Entry, src string, line int) bool {
	g, _, err := readBytes(data, path, format)
	if err != nil {
		return false
	}
	for _, got := range g.Entries() {
		if got.Origin.Line == line {
			s := got.Source(src)
			return len(s) > 0 && s[0] == e.Terms.Get(src)[0]
		}
	}
	return false
}

// newGlossaryFile writes e as a whole new file in the layout path's
// extension says.
func newGlossaryFile(path string, e *Entry, src, tgt string) ([]byte, int, error) {
	format := FormatOf(path)
	ext := strings.ToLower(filepath.Ext(path))
	switch {
	case format == FormatTSV && ext == ".tsv":
		format = FormatTSVMulti
	case format == FormatCSV:
		format = FormatCSVMulti
	case format == FormatAuto:
		return nil, 0, fmt.Errorf("unknown glossary extension %q (want .tsv, .txt, .csv or .tbx)", ext)
	}
	if format == FormatTSV {
		c := *e
		c.Note = pairNote(e)
		e = &c
	}
	var buf bytes.Buffer
	if _, err := Write(&buf, New(e), format, WriteOptions{From: src, To: tgt, Langs: []string{src, tgt}}); err != nil {
		return nil, 0, err
	}
	out := buf.Bytes()
	line := 1
	switch format {
	case FormatTSVMulti, FormatCSVMulti:
		line = 2
	case FormatTBX:
		line = 1 + bytes.Count(out[:bytes.Index(out, []byte("<termEntry"))], []byte{'\n'})
	}
	return out, line, nil
}

// lineCount returns the number of lines of text as the table readers
// count them (CRLF, CR and LF each end one), a last unended line included.
func lineCount(text []byte) int {
	n := 0
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			n++
		case '\n':
			n++
		}
	}
	if len(text) > 0 && text[len(text)-1] != '\n' && text[len(text)-1] != '\r' {
		n++
	}
	return n
}

// lineEnd returns the line end text uses: CRLF when it has one, else LF.
func lineEnd(text []byte) string {
	if bytes.Contains(text, []byte("\r\n")) {
		return "\r\n"
	}
	return "\n"
}

// rowBytes renders cells as one row of format ending in eol.
func rowBytes(cells []string, format Format, eol string) []byte {
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	writeRow(w, cells, format)
	w.Flush()
	return append(bytes.TrimSuffix(buf.Bytes(), []byte("\n")), eol...)
}
