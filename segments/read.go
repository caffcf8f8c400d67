package segments

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/trad-project/trad/internal/diag"
	"github.com/trad-project/trad/internal/safefile"

	"golang.org/x/text/language"
)

// Input formats.
const (
	FormatText     = "text"
	FormatMarkdown = "markdown"
)

// ReadOptions say how to read an article.
type ReadOptions struct {
	Lang   string // source language, default "fr"
	Target string // target language, default "en"
	Format string // "text", "markdown", "html", or "" = by file extension (.md -> markdown, .html -> html)
	Name   string // name used in messages for a reader ("-" / "stdin")
	// MaxBytes is the largest article accepted: 0 means DefaultMaxBytes,
	// a negative value no limit. A larger input fails with *TooLargeError.
	MaxBytes int64
	// Tags reads inline Markdown formatting (emphasis, links, code spans,
	// images, inline HTML) as inline codes beside plain text (see tags.go).
	// Without it the markup stays in the text, as before schema 2. Open and
	// Load (every trad command on a project) set it.
	Tags bool
}

// Warning is a problem in the input that reading worked around (trad's
// one warning type, internal/diag).
type Warning = diag.Warning

// FormatForPath returns the format an article is read in by default:
// markdown for .md and .markdown files, text otherwise.
func FormatForPath(path string) string {
	ext := strings.ToLower(filepath.Ext(path))
	if f := externalFormatForExt(ext); f != "" {
		return f
	}
	switch ext {
	case ".md", ".markdown", ".mdown", ".mkd":
		return FormatMarkdown
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	}
	return FormatText
}

// Read reads an article from r: it decodes and normalises the text, finds
// its blocks (paragraphs, headings, list items…) and splits each block into
// sentence segments. The format defaults to text for a reader.
func Read(r io.Reader, opts ReadOptions) (*Document, []Warning, error) {
	name := opts.Name
	if name == "" || name == "-" {
		name = "stdin"
	}
	data, err := safefile.ReadAllLimited(r, name, articleLimit(limit(opts.MaxBytes)), 0)
	if err != nil {
		return nil, nil, err
	}
	return readBytes(data, name, opts)
}

// ReadFile reads the article at path (see Read); the format defaults to the
// file's extension. The document's SourcePath is path. Only regular files
// are read (named pipes, devices, sockets and folders are refused), up to
// opts.MaxBytes.
func ReadFile(path string, opts ReadOptions) (*Document, []Warning, error) {
	data, err := readRegularFile(path, limit(opts.MaxBytes))
	if err != nil {
		return nil, nil, fmt.Errorf("read article: %w", err)
	}
	if opts.Format == "" {
		opts.Format = FormatForPath(path)
	}
	if opts.Name == "" {
		opts.Name = path
	}
	doc, warns, err := readBytes(data, opts.Name, opts)
	if err != nil {
		return nil, warns, err
	}
	doc.SourcePath = path
	doc.SourceHash = SourceHash(data)
	return doc, warns, nil
}

// readBytes is Read on bytes already in memory.
func readBytes(data []byte, name string, opts ReadOptions) (*Document, []Warning, error) {
	if read := externalReader(opts.Format); read != nil {
		return readExternal(read, data, name, opts)
	}
	if _, _, err := newDocument(opts); err != nil {
		return nil, nil, err
	}
	raw, _, warns, err := decode(data, name)
	if err != nil {
		return nil, warns, err
	}
	text := Normalize(raw)
	if strings.TrimSpace(text) == "" {
		return nil, warns, fmt.Errorf("%s: %w", name, errEmpty)
	}
	var blocks []rawBlock
	if opts.Format == FormatHTML {
		var lang string
		if blocks, lang, err = htmlArticle([]byte(text), name); err != nil {
			return nil, warns, err
		}
		if opts.Lang == "" && lang != "" {
			if _, perr := language.Parse(lang); perr == nil {
				opts.Lang = lang // the page's <html lang> fills --from
			}
		}
	}
	doc, sp, err := newDocument(opts)
	if err != nil {
		return nil, warns, err
	}
	switch doc.Format {
	case FormatHTML: // htmlArticle read the blocks' inline formatting
	case FormatMarkdown:
		var nest nestingReport
		blocks, nest = markdownBlocks(text, opts.Tags)
		if msg := nest.warning(); msg != "" {
			warns = append(warns, Warning{File: name, Line: nest.First, Msg: msg})
		}
	default:
		blocks = textBlocks(text)
	}
	doc.build(blocks, sp)
	return doc, warns, nil
}

// newDocument checks opts and returns an empty document and the splitter
// for its source language.
func newDocument(opts ReadOptions) (*Document, *Splitter, error) {
	lang, target := opts.Lang, opts.Target
	if lang == "" {
		lang = "fr"
	}
	if target == "" {
		target = "en"
	}
	src, err := language.Parse(lang)
	if err != nil {
		return nil, nil, fmt.Errorf("source language %q: %w", lang, err)
	}
	tgt, err := language.Parse(target)
	if err != nil {
		return nil, nil, fmt.Errorf("target language %q: %w", target, err)
	}
	format := opts.Format
	switch format {
	case "", FormatText:
		format = FormatText
	case FormatMarkdown, "md":
		format = FormatMarkdown
	case FormatHTML, "htm":
		format = FormatHTML
	default:
		return nil, nil, fmt.Errorf("unknown format %q (want text, markdown or html)", opts.Format)
	}
	sp, err := splitterFor(lang)
	if err != nil {
		return nil, nil, err
	}
	return &Document{SourceLang: src, TargetLang: tgt, Format: format}, sp, nil
}

var splitters sync.Map // language string -> *Splitter

// splitterFor returns a cached splitter: a Splitter is immutable and safe
// for concurrent use, so one per language is enough.
func splitterFor(lang string) (*Splitter, error) {
	if v, ok := splitters.Load(lang); ok {
		return v.(*Splitter), nil
	}
	sp, err := NewSplitter(lang)
	if err != nil {
		return nil, err
	}
	v, _ := splitters.LoadOrStore(lang, sp)
	return v.(*Splitter), nil
}

// rawBlock is a block found by a format reader, before segmentation.
type rawBlock struct {
	kind   BlockKind
	level  int
	marker string
	info   string
	text   string
	table  bool // a Markdown table row: one segment per cell
	// cells are a table row's cells in text once its inline Markdown is
	// read (nil: cellSpans finds them).
	cells []Span
	// inline is the Markdown of a paragraph with hard line breaks, which
	// reading with tags uses instead of text (see mdWalker.join).
	inline string
	// codes and tags are the block's inline codes, the tags' offsets being
	// in text (which holds no markup then).
	codes []Code
	tags  []Tag
	plain bool // text is plain, not Markdown (Block.Plain)
}

// build sets d's blocks and segments from blocks. Large documents are
// split on all CPUs (a Splitter is safe for concurrent use); the result is
// the same as splitting in order.
func (d *Document) build(blocks []rawBlock, sp *Splitter) {
	spans := make([][]Span, len(blocks))
	split := func(lo, hi int) {
		for i := lo; i < hi; i++ {
			rb := &blocks[i]
			switch {
			case rb.kind == KindCode || strings.TrimSpace(rb.text) == "":
			case rb.table && rb.cells != nil:
				spans[i] = rb.cells
			case rb.table:
				spans[i] = cellSpans(rb.text)
			default:
				spans[i] = sp.Split(rb.text)
			}
		}
	}
	size := 0
	for i := range blocks {
		size += len(blocks[i].text)
	}
	if workers := min(runtime.GOMAXPROCS(0), len(blocks)/64); size >= parallelSplitBytes && workers > 1 {
		var wg sync.WaitGroup
		for w := range workers {
			wg.Add(1)
			go func(lo, hi int) {
				defer wg.Done()
				split(lo, hi)
			}(w*len(blocks)/workers, (w+1)*len(blocks)/workers)
		}
		wg.Wait()
	} else {
		split(0, len(blocks))
	}
	nseg := 0
	for _, s := range spans {
		nseg += len(s)
	}
	d.Blocks = make([]Block, 0, len(blocks))
	d.Segments = make([]Segment, 0, nseg)
	for i, rb := range blocks {
		if rb.kind != KindCode && strings.TrimSpace(rb.text) == "" {
			continue
		}
		bi := len(d.Blocks)
		b := Block{Kind: rb.kind, Level: rb.level, Marker: rb.marker, Info: rb.info, Text: rb.text, First: len(d.Segments), Codes: rb.codes, Plain: rb.plain}
		for _, s := range spans[i] {
			d.Segments = append(d.Segments, Segment{
				Index: len(d.Segments), Block: bi,
				Start: s.Start, End: s.End, Source: rb.text[s.Start:s.End],
			})
		}
		b.Count = len(d.Segments) - b.First
		segmentTags(d.Segments[b.First:], rb.tags, rb.text, rb.codes)
		d.Blocks = append(d.Blocks, b)
		d.placeStandIns(bi)
	}
}

// parallelSplitBytes is the document size from which build splits blocks
// concurrently; below it goroutines cost more than they save.
const parallelSplitBytes = 1 << 20

// SourceHash is the fingerprint of an article's bytes that a project
// records (Document.SourceHash): segments checks it on reopening, office
// before writing a translated document over its original.
func SourceHash(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}
