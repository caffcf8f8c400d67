package glossary

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/trad-project/trad/internal/langtag"
	"github.com/trad-project/trad/internal/safefile"
	"github.com/trad-project/trad/internal/safetext"
	"github.com/trad-project/trad/internal/script"

	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// Format is a glossary file format.
type Format string

// The formats trad reads and writes. Readers of the tab- and comma-separated
// formats tell the two-language layout from the multi-language one by the
// header line; writers need to be told.
const (
	// FormatAuto picks the format from the content (XML -> TBX, a tab in the
	// first data line -> TSV, else CSV).
	FormatAuto Format = ""
	// FormatTSV is OmegaT's tab-separated layout: source, target, optional
	// comment, no header, no quoting.
	FormatTSV Format = "tsv"
	// FormatTSVMulti is tab-separated with a header of language codes and
	// optional domain, pos and note columns (the built-in data's layout).
	FormatTSVMulti Format = "tsv-multi"
	// FormatCSV is RFC 4180 comma-separated source, target, optional comment.
	FormatCSV Format = "csv"
	// FormatCSVMulti is RFC 4180 with a header of language codes.
	FormatCSVMulti Format = "csv-multi"
	// FormatTBX is TBX 2008 (<martif type="TBX-Basic">), read by OmegaT and
	// translate-toolkit. Reading FormatTBX also accepts TBX v3.
	FormatTBX Format = "tbx"
	// FormatTBX3 is TBX v3 (ISO 30042:2019, <tbx xmlns="urn:iso:std:iso:30042:ed-2">).
	FormatTBX3 Format = "tbx3"
)

// Formats lists the formats by name, for flags and messages.
var Formats = []Format{FormatTSV, FormatTSVMulti, FormatCSV, FormatCSVMulti, FormatTBX, FormatTBX3}

// ParseFormat reads a format name as listed in Formats.
func ParseFormat(name string) (Format, error) {
	for _, f := range Formats {
		if strings.EqualFold(name, string(f)) {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown glossary format %q (want one of %v)", name, Formats)
}

// FormatOf returns the format a file's extension implies for reading, or
// FormatAuto when the extension is not a glossary one. Reading a tab- or
// comma-separated file detects a header, so ".tsv" and ".txt" both give
// FormatTSV.
func FormatOf(path string) Format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".utf8", ".tab", ".tsv":
		return FormatTSV
	case ".csv":
		return FormatCSV
	case ".tbx", ".tbx3", ".xml":
		return FormatTBX
	}
	return FormatAuto
}

// isGlossaryFile reports whether a folder entry is loaded by Open.
func isGlossaryFile(name string) bool {
	if strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") {
		return false
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".utf8", ".tab", ".tsv", ".csv", ".tbx":
		return true
	}
	return false
}

// Open reads glossary files and folders (a folder loads every glossary file
// directly in it, sorted by name) and merges them, earlier paths taking
// priority. The format of each file comes from its extension, or from its
// content when the extension says nothing. An unreadable or malformed file
// stops loading with an error naming it; problems in single lines are
// returned as warnings.
func Open(paths ...string) (*Glossary, []Warning, error) {
	var (
		gs    []*Glossary
		warns []Warning
	)
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, warns, fmt.Errorf("read glossary %s: %w", p, unwrapPathError(err))
		}
		files := []string{p}
		if fi.IsDir() {
			files, err = glossaryFiles(p)
			if err != nil {
				return nil, warns, err
			}
		}
		for _, f := range files {
			g, w, err := ReadFile(f)
			warns = append(warns, w...)
			if err != nil {
				return nil, warns, err
			}
			gs = append(gs, g)
		}
	}
	return Merge(gs...), warns, nil
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// glossaryFiles lists the glossary files directly in dir, sorted.
func glossaryFiles(dir string) ([]string, error) {
	des, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read glossary folder %s: %w", dir, unwrapPathError(err))
	}
	var files []string
	for _, de := range des {
		if de.Type().IsRegular() && isGlossaryFile(de.Name()) {
			files = append(files, filepath.Join(dir, de.Name()))
		}
	}
	sort.Strings(files)
	return files, nil
}

// fileLimit bounds what ReadFile reads: a public termbase export (IATE's
// French–English part is about a million terms) fits well below it, and a
// mistaken path such as /dev/zero fails at once.
var fileLimit = safefile.Limit{Max: 2 << 30, What: "a glossary"}

// ReadFile reads one glossary file, its format chosen by extension (or by
// content for other extensions). Entries' origins name path and line.
func ReadFile(path string) (*Glossary, []Warning, error) {
	if FormatOf(path) == FormatTBX {
		if g, warns, ok, err := readTBXFile(path); ok {
			return g, warns, err
		}
	}
	data, err := safefile.ReadRegular(path, fileLimit)
	if err != nil {
		return nil, nil, fmt.Errorf("read glossary %s: %w", path, unwrapPathError(err))
	}
	return readBytes(data, path, FormatOf(path))
}

// Read reads a glossary in format from r; name is used in origins, warnings
// and errors. FormatTSV and FormatTSVMulti read the same (the header decides),
// as do the two CSV formats and the two TBX formats.
func Read(r io.Reader, name string, format Format) (*Glossary, []Warning, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, fmt.Errorf("read glossary %s: %w", name, err)
	}
	return readBytes(data, name, format)
}

func readBytes(data []byte, name string, format Format) (*Glossary, []Warning, error) {
	text, _, err := decode(data)
	if err != nil {
		return nil, nil, fmt.Errorf("read glossary %s: %w", name, err)
	}
	if format == FormatAuto {
		format = sniff(text)
	}
	var (
		g     *Glossary
		warns []Warning
	)
	switch format {
	case FormatTSV, FormatTSVMulti:
		g, warns, err = readTSV(text, name)
	case FormatCSV, FormatCSVMulti:
		g, warns, err = readCSV(text, name)
	case FormatTBX, FormatTBX3:
		g, warns, err = readTBX(text, name)
	default:
		return nil, nil, fmt.Errorf("read glossary %s: unknown format %q", name, format)
	}
	if err != nil {
		return nil, warns, err
	}
	return finish(g, warns, name)
}

// finish returns what a reader read from name, or an error when it has no
// entry.
func finish(g *Glossary, warns []Warning, name string) (*Glossary, []Warning, error) {
	if g.Len() == 0 && len(warns) > 0 {
		return nil, warns, fmt.Errorf("read glossary %s: no valid entry (%d malformed lines, first: %s)", name, len(warns), warns[0])
	}
	if g.Len() == 0 {
		// An empty file is most often a failed export or a wrong path:
		// say so rather than load nothing silently.
		return nil, warns, fmt.Errorf("read glossary %s: no entry (empty glossary)", name)
	}
	return g, warns, nil
}

// sniff guesses the format of decoded text with an unhelpful extension.
func sniff(text []byte) Format {
	t := bytes.TrimLeft(text, " \t\r\n")
	if bytes.HasPrefix(t, []byte("<")) {
		return FormatTBX
	}
	for len(t) > 0 {
		line := t
		if i := bytes.IndexAny(t, "\r\n"); i >= 0 {
			line, t = t[:i], bytes.TrimLeft(t[i:], "\r\n")
		} else {
			t = nil
		}
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		if bytes.IndexByte(line, '\t') >= 0 {
			return FormatTSV
		}
		return FormatCSV
	}
	return FormatTSV
}

// baseLang is langtag.Base, the lower-case base language of a BCP 47 tag
// ("fr-FR" → "fr", "zh_Hans" → "zh", "iw" → "he"), as entries' Terms are
// keyed.
func baseLang(tag string) string { return langtag.Base(tag) }

// parseLangTag reports whether s is a language tag (such as "fr", "en-GB",
// "zh_Hans") and returns its base language.
func parseLangTag(s string) (string, bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), "_", "-")
	if s == "" {
		return "", false
	}
	first := s
	if i := strings.IndexByte(s, '-'); i >= 0 {
		first = s[:i]
	}
	// Primary language subtags are 2 or 3 letters in practice; this keeps
	// words such as "chat" or "embargo" from passing as tags.
	if len(first) < 2 || len(first) > 3 {
		return "", false
	}
	for _, r := range first {
		if (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') {
			return "", false
		}
	}
	t, err := language.Parse(s)
	if err != nil {
		return "", false
	}
	b, conf := t.Base()
	if conf == language.No {
		return "", false
	}
	return b.String(), true
}

// cleanTerm returns a term as stored: NFC, with tabs and line breaks made
// spaces. Other whitespace is kept as written, as OmegaT does.
func cleanTerm(s string) string {
	// A glossary from elsewhere may carry escape sequences that would reach
	// the terminal through the panes and `glossary list`.
	s = safetext.Text(s)
	if strings.ContainsAny(s, "\t\r\n") {
		s = strings.NewReplacer("\t", " ", "\r\n", " ", "\r", " ", "\n", " ").Replace(s)
	}
	if !isASCII(s) {
		s = norm.NFC.String(s)
	}
	return s
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// wordCounter splits terms into words as every language's analyzer does
// (elisions aside), to tell readers which terms are too long to match.
var wordCounter = NewAnalyzer("und")

// long reports whether term has more than MaxTermWords words: the matcher
// leaves such terms out, and readers warn about them.
func long(term string) bool {
	if len(term) <= MaxTermWords {
		return false
	}
	// Two words are apart by a rune that is not a word rune, and an
	// ideograph is a word of its own: a term with fewer of both than
	// MaxTermWords is short, which spares tokenizing (and folding) a
	// million ordinary terms.
	n := 0
	for _, r := range term {
		if !isWordRune(r) || script.IsIdeograph(r) {
			n++
		}
	}
	return n >= MaxTermWords && len(wordCounter.appendTokens(nil, term)) > MaxTermWords
}

// BaseLang returns the lower-case base language of a BCP 47 tag ("fr-FR"
// → "fr"), as entries' Terms are keyed.
func BaseLang(tag string) string { return baseLang(tag) }
