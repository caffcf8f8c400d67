// Package bitext reads and writes trad's bilingual formats: TMX 1.4b, XLIFF
// 2.x and 1.2, a bilingual Markdown table or parallel text, TSV, and the
// translated document itself. Writers stream: each unit is written as it is
// produced, so memory does not grow with the output.
package bitext

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/trad-project/trad/internal/xmlscan"
	"github.com/trad-project/trad/segments"
	"golang.org/x/text/language"
)

// Options tune the writers. The zero value writes confirmed segments only,
// sentence-level TMX, a Markdown table and XLIFF 2.1. What only one format
// uses is in that format's options (TMX, XLIFF, Markdown, TSV).
type Options struct {
	// All pairs draft segments too; by default only confirmed (translated or
	// reviewed) segments are exported as translations.
	All      bool
	TMX      TMXOptions
	XLIFF    XLIFFOptions
	Markdown MarkdownOptions
	TSV      TSVOptions
	// Context writes OmegaT's context properties on every TMX unit:
	// <prop type="prev"> and <prop type="next"> hold the source texts of
	// the segments before and after it in the document ("" at its ends;
	// the neighbouring blocks at paragraph level), so that a memory made
	// from the file can tell context (101 %) matches. Off by default. (It
	// stays here rather than in TMXOptions: trad's memory sets it.)
	Context bool
	// ContextOf, with Context, gives unit i's context (i is the segment
	// index, or the block index at paragraph level) instead of its
	// neighbours in the document; ok false writes none. It serves
	// documents assembled from several sources, such as a merged memory.
	ContextOf func(i int) (prev, next string, ok bool)
	// ToolVersion is written as TMX creationtoolversion and in XLIFF headers.
	ToolVersion string
	// Now stamps header creation dates and units that have never changed;
	// zero means time.Now().
	Now time.Time
	// Warn receives diagnostics (characters removed, untranslated segments);
	// nil discards them.
	Warn func(msg string)
}

// TMXLevel is the unit of a TMX export.
type TMXLevel string

// TMX unit levels; "" is LevelSentence.
const (
	LevelSentence  TMXLevel = "sentence"
	LevelParagraph TMXLevel = "paragraph" // one unit per block
)

// TMXOptions tune WriteTMX.
type TMXOptions struct {
	Level TMXLevel
	// Tags writes the segments' inline tags in sentence-level TMX as
	// level 2 codes (<bpt>, <ept>, <it>, <ph> holding the original markup);
	// by default <seg> holds the plain text only.
	Tags bool
}

// XLIFFVersion is the version WriteXLIFF writes.
type XLIFFVersion string

// XLIFF versions; "" is XLIFF21.
const (
	XLIFF21 XLIFFVersion = "2.1"
	XLIFF20 XLIFFVersion = "2.0"
	XLIFF12 XLIFFVersion = "1.2"
)

// XLIFFOptions tune WriteXLIFF.
type XLIFFOptions struct {
	Version XLIFFVersion
}

// MDLayout is the layout of the bilingual Markdown.
type MDLayout string

// Markdown layouts; "" is LayoutTable.
const (
	LayoutTable    MDLayout = "table"    // one table row per segment
	LayoutParallel MDLayout = "parallel" // each block, then its translation
)

// MarkdownOptions tune WriteMarkdown.
type MarkdownOptions struct {
	Layout MDLayout
}

// TSVOptions tune WriteTSV.
type TSVOptions struct {
	// Safe makes a TSV safe to open in a spreadsheet: a text cell that
	// starts with =, +, -, @ (or their full-width forms) gets a leading
	// apostrophe, so it is not run as a formula. Off by default, so that a
	// TSV reads back exactly.
	Safe bool
}

// Format names accepted by Write and the CLI.
const (
	FormatTMX    = "tmx"
	FormatMD     = "md"
	FormatTarget = "target"
	FormatXLIFF  = "xliff"
	FormatTSV    = "tsv"
)

// Formats lists the export formats, in the order the CLI shows them.
var Formats = []string{FormatTMX, FormatXLIFF, FormatMD, FormatTSV, FormatTarget, FormatTargetHTML}

// FormatForPath infers the export format from a file name's extension:
// .tmx, .xlf/.xliff, .md/.markdown, .tsv, .txt for the translated
// document, .html/.htm for it as a web page. It returns "" when the extension says nothing.
func FormatForPath(path string) string {
	i := strings.LastIndexByte(path, '.')
	if i < 0 || strings.ContainsRune(path[i:], '/') {
		return ""
	}
	switch strings.ToLower(path[i+1:]) {
	case "tmx":
		return FormatTMX
	case "xlf", "xliff":
		return FormatXLIFF
	case "md", "markdown":
		return FormatMD
	case "tsv":
		return FormatTSV
	case "txt":
		return FormatTarget
	case "html", "htm":
		return FormatTargetHTML
	}
	return ""
}

func (o *Options) warn(format string, args ...any) {
	if o.Warn != nil {
		o.Warn(fmt.Sprintf(format, args...))
	}
}

func (o *Options) now() time.Time {
	if o.Now.IsZero() {
		return time.Now().UTC()
	}
	return o.Now.UTC()
}

func (o *Options) toolVersion() string {
	if o.ToolVersion == "" {
		return "dev"
	}
	return o.ToolVersion
}

// Exported reports whether segment s's target is exported as a translation
// under opts: confirmed (or draft with All) and not empty.
func Exported(s *segments.Segment, opts Options) bool {
	if strings.TrimSpace(s.Target) == "" {
		return false
	}
	return s.Status.Confirmed() || (opts.All && s.Status == segments.StatusDraft)
}

// langTags returns the document's languages as BCP 47 tags ("fr", "fr-FR").
// A document without a source language is an error: trad never guesses one.
func langTags(doc *segments.Document) (src, tgt string, err error) {
	if doc.SourceLang == language.Und {
		return "", "", errors.New("document has no source language")
	}
	if doc.TargetLang == language.Und {
		return "", "", errors.New("document has no target language")
	}
	return doc.SourceLang.String(), doc.TargetLang.String(), nil
}

// tmxDate formats t in TMX's YYYYMMDDThhmmssZ form.
func tmxDate(t time.Time) string { return t.UTC().Format("20060102T150405Z") }

// CleanXML returns s without the characters XML 1.0 forbids (C0 controls
// other than tab and newlines, U+FFFE/U+FFFF, surrogates) and without
// invalid UTF-8, and how many it removed.
func CleanXML(s string) (string, int) {
	bad := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || !xmlscan.IsChar(r) {
			bad++
		}
		i += n
	}
	if bad == 0 {
		return s, 0
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !(r == utf8.RuneError && n == 1) && xmlscan.IsChar(r) {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String(), bad
}

// blockTexts returns block b's source text spanning its segments, and the
// target text built from the exported targets joined by the source's own
// separating whitespace. ok is false when some segment has no exported
// target (the block is then not a paragraph-level pair).
func blockTexts(doc *segments.Document, b int, opts Options) (src, tgt string, ok bool) {
	bl := &doc.Blocks[b]
	if bl.Count == 0 {
		return "", "", false
	}
	segs := doc.BlockSegments(b)
	var t strings.Builder
	for i := range segs {
		s := &segs[i]
		if !Exported(s, opts) {
			return "", "", false
		}
		if i > 0 {
			t.WriteString(separator(bl, &segs[i-1], s))
		}
		t.WriteString(s.Target)
	}
	return blockSource(doc, b), t.String(), true
}

// blockSource returns block b's source text spanning its segments.
func blockSource(doc *segments.Document, b int) string {
	bl := &doc.Blocks[b]
	segs := doc.BlockSegments(b)
	if len(segs) == 0 {
		return ""
	}
	first, last := &segs[0], &segs[len(segs)-1]
	if first.Start >= 0 && last.End <= len(bl.Text) && first.Start <= last.End {
		return bl.Text[first.Start:last.End]
	}
	return joinSources(bl, segs)
}

// separator is the source whitespace between two neighbouring segments of
// a block, or a single space when the offsets do not index the block text.
func separator(bl *segments.Block, prev, cur *segments.Segment) string {
	if prev.End >= 0 && prev.End <= cur.Start && cur.Start <= len(bl.Text) {
		return bl.Text[prev.End:cur.Start]
	}
	return " "
}

func joinSources(bl *segments.Block, segs []segments.Segment) string {
	var b strings.Builder
	for i := range segs {
		if i > 0 {
			b.WriteString(separator(bl, &segs[i-1], &segs[i]))
		}
		b.WriteString(segs[i].Source)
	}
	return b.String()
}
