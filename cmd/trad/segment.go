package main

import (
	"bufio"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/trad-project/trad/segments"
)

// segmentOptions are the flags and argument of `trad segment`.
type segmentOptions struct {
	File   string // article path, or "-" for stdin
	Lang   string
	Format string
	JSON   bool
	Max    sizeFlag

	langSet bool // --lang given: no language notice
}

func newSegmentCmd(s *streams) *cobra.Command {
	opts := &segmentOptions{}
	cmd := &cobra.Command{
		Use:   "segment FILE|-",
		Short: "Split an article into sentence segments",
		Long: `segment reads an article (a file, or - for standard input) and prints its
sentence segments, one per line, with one blank line between blocks
(paragraph, heading, list item, quote). A list item's first segment is
printed after its marker ("- ", "1. "). Code blocks, HTML blocks and
other verbatim Markdown are not segments and are not printed.

The format is Markdown for .md and .markdown files, plain text otherwise
and for standard input; --format overrides it. In plain text a blank line
ends a block and a single newline inside a paragraph is a soft wrap.

The encoding is detected: UTF-8 (with or without BOM), UTF-16 with BOM, or
Windows-1252. Warnings (such as invalid UTF-8 bytes) go to standard error.
Only regular files are read (or standard input with -), up to 64 MiB unless
--max-size says otherwise.

--json prints the document structure instead: the blocks with their kind,
level, marker and normalised text, and their segments with index, byte
offsets into the block text, and text.`,
		Example: `  trad segment article.fr.md
  trad segment --lang de --format text - < artikel.txt
  trad segment --json article.fr.txt | jq '.blocks[0]'`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			opts.langSet = cmd.Flags().Changed("lang")
			return segmentRun(s, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Lang, "lang", "fr", "source language (rules: "+strings.Join(segments.Languages(), ", ")+")")
	f.StringVar(&opts.Format, "format", "", "input format: text or markdown (default: by file extension)")
	f.BoolVar(&opts.JSON, "json", false, "print the document structure as JSON")
	f.Var(&opts.Max, "max-size", maxSizeUsage)
	_ = cmd.RegisterFlagCompletionFunc("lang", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return segments.Languages(), cobra.ShellCompDirectiveNoFileComp
	})
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "markdown", "html"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func segmentRun(s *streams, o *segmentOptions) error {
	doc, err := readArticle(s, o.File, segments.ReadOptions{Lang: o.Lang, Format: o.Format, MaxBytes: int64(o.Max)})
	if err != nil {
		return fmt.Errorf("segment: %w", err)
	}
	if !o.langSet {
		if msg := languageNotice(doc, "--lang"); msg != "" {
			fmt.Fprintln(s.Err, "trad: notice:", msg)
		}
	}
	out := bufio.NewWriterSize(s.Out, 256<<10)
	if o.JSON {
		err = writeSegmentJSON(out, doc, o.File)
	} else {
		err = writeSegmentText(out, doc)
	}
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return fmt.Errorf("segment: write output: %w", err)
	}
	return nil
}

// writeSegmentText prints one segment per line and a blank line between
// blocks; blocks without segments (code) are skipped.
func writeSegmentText(w *bufio.Writer, doc *segments.Document) error {
	first := true
	for bi, b := range doc.Blocks {
		if b.Count == 0 {
			continue
		}
		if !first {
			w.WriteByte('\n')
		}
		first = false
		for i, seg := range doc.BlockSegments(bi) {
			if i == 0 && b.Kind == segments.KindListItem && b.Marker != "" {
				w.WriteString(b.Marker)
				w.WriteByte(' ')
			}
			src := seg.Source
			if strings.IndexByte(src, '\n') >= 0 {
				src = strings.ReplaceAll(src, "\n", " ")
			}
			w.WriteString(src)
			if err := w.WriteByte('\n'); err != nil {
				return err
			}
		}
	}
	return nil
}

type jsonDoc struct {
	Source string      `json:"source"`
	Lang   string      `json:"lang"`
	Format string      `json:"format"`
	Blocks []jsonBlock `json:"blocks"`
}

type jsonBlock struct {
	Index    int           `json:"index"`
	Kind     string        `json:"kind"`
	Level    int           `json:"level,omitempty"`
	Marker   string        `json:"marker,omitempty"`
	Info     string        `json:"info,omitempty"`
	Text     string        `json:"text"`
	Segments []jsonSegment `json:"segments"`
}

type jsonSegment struct {
	Index int    `json:"index"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

func writeSegmentJSON(w *bufio.Writer, doc *segments.Document, name string) error {
	jd := jsonDoc{Source: name, Lang: doc.SourceLang.String(), Format: doc.Format, Blocks: make([]jsonBlock, len(doc.Blocks))}
	if name == "-" {
		jd.Source = "stdin"
	}
	for bi, b := range doc.Blocks {
		jb := jsonBlock{Index: bi, Kind: string(b.Kind), Level: b.Level, Marker: b.Marker, Info: b.Info, Text: b.Text,
			Segments: make([]jsonSegment, 0, b.Count)}
		for _, seg := range doc.BlockSegments(bi) {
			jb.Segments = append(jb.Segments, jsonSegment{Index: seg.Index, Start: seg.Start, End: seg.End, Text: seg.Source})
		}
		jd.Blocks[bi] = jb
	}
	enc := jsonEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(jd)
}

// maxSizeUsage documents --max-size, shared by the commands that read articles.
const maxSizeUsage = "largest article read, e.g. 200MiB, 1GiB, or unlimited (default 64MiB)"

// sizeFlag is a byte count given as N, NKiB, NMiB or NGiB (K, M, G and KB,
// MB, GB are read as the binary units too), or "unlimited"; 0 means the
// default limit (segments.DefaultMaxBytes) and -1 none.
type sizeFlag int64

func (f *sizeFlag) String() string {
	switch {
	case *f == 0:
		return ""
	case *f < 0:
		return "unlimited"
	}
	return segments.FormatSize(int64(*f))
}

func (f *sizeFlag) Type() string { return "size" }

func (f *sizeFlag) Set(v string) error {
	s := strings.ToLower(strings.TrimSpace(v))
	if s == "unlimited" || s == "none" {
		*f = -1
		return nil
	}
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"gib", 1 << 30}, {"gb", 1 << 30}, {"g", 1 << 30}, {"mib", 1 << 20}, {"mb", 1 << 20}, {"m", 1 << 20},
		{"kib", 1 << 10}, {"kb", 1 << 10}, {"k", 1 << 10}, {"b", 1}} {
		if strings.HasSuffix(s, u.suffix) {
			s, mult = strings.TrimSpace(strings.TrimSuffix(s, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 || n > math.MaxInt64/mult {
		return fmt.Errorf("%q is not a size (want e.g. 200MiB, 1GiB or unlimited)", v)
	}
	*f = sizeFlag(n * mult)
	return nil
}
