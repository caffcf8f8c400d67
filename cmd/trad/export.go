package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/trad-project/trad/bitext"
	"github.com/trad-project/trad/internal/safefile"
	"github.com/trad-project/trad/office"
	"github.com/trad-project/trad/qa"
	"github.com/trad-project/trad/segments"
)

// exportOptions are the flags and argument of `trad export`.
type exportOptions struct {
	Path         string // project file or article
	Format       string
	Output       string
	All          bool
	TMXLevel     string
	TMXTags      bool
	MDLayout     string
	XLIFFVersion string
	Max          sizeFlag
	TSVSafe      bool
}

func newExportCmd(s *streams) *cobra.Command {
	opts := &exportOptions{}
	cmd := &cobra.Command{
		Use:   "export PROJECT|ARTICLE [-o OUT] [--format FORMAT]",
		Short: "Write the bilingual result as TMX, XLIFF, Markdown, TSV or the translated document",
		Long: `export writes a project (NAME.trad.json, or the project of an article) in
one of these formats (see docs/formats.md):

  tmx     TMX 1.4b translation memory (--tmx-level sentence|paragraph)
  xliff   XLIFF 2.1 (--xliff-version 2.1|2.0|1.2)
  md      bilingual Markdown table (--md-layout table|parallel)
  tsv     source, target and status, one segment per line (--tsv-safe
          for spreadsheets: cells starting with = + - @ get a leading ')
  target  the translated document, in the source's format (Markdown for
          a web page)
  target-html  the translated document as an HTML page (-o x.html)

The format is --format, or else inferred from OUT's extension (.tmx, .xlf,
.xliff, .md, .tsv, .txt for target). Without -o the result goes to standard
output; with -o the file is replaced atomically. Only confirmed segments
(translated, reviewed) are exported as translations; --all adds drafts.`,
		Example: `  trad export article.fr.md -o article.tmx
  trad export article.fr.trad.json --format xliff --xliff-version 1.2 -o article.xlf
  trad export article.fr.md --format target --all > article.en.md`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Path = args[0]
			return exportRun(s, opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Format, "format", "f", "", "export format: "+strings.Join(bitext.Formats, ", ")+" (default: from -o's extension)")
	f.StringVarP(&opts.Output, "output", "o", "", "file to write (default: standard output)")
	f.BoolVar(&opts.All, "all", false, "export draft segments too")
	f.StringVar(&opts.TMXLevel, "tmx-level", "sentence", "TMX unit: sentence or paragraph")
	f.BoolVar(&opts.TMXTags, "tmx-tags", false, "TMX: write inline tags as level 2 codes (<bpt>/<ept>/<it>/<ph> with the original markup); sentence level only")
	f.StringVar(&opts.MDLayout, "md-layout", "table", "Markdown layout: table or parallel")
	f.StringVar(&opts.XLIFFVersion, "xliff-version", "2.1", "XLIFF version: 2.1, 2.0 or 1.2")
	f.BoolVar(&opts.TSVSafe, "tsv-safe", false, "TSV for spreadsheets: prefix cells starting with = + - @ with ' so they are not run as formulas")
	f.Var(&opts.Max, "max-size", maxSizeUsage+" when an article is segmented")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(bitext.Formats, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("tmx-level", cobra.FixedCompletions([]string{"sentence", "paragraph"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("md-layout", cobra.FixedCompletions([]string{"table", "parallel"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("xliff-version", cobra.FixedCompletions([]string{"2.1", "2.0", "1.2"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func exportRun(s *streams, o *exportOptions) error {
	format := o.Format
	officeOut := false // format taken from a .docx/.odt output name
	if format == "" && o.Output != "" {
		format = bitext.FormatForPath(o.Output)
		officeOut = format == "" && office.IsFormat(segments.FormatForPath(o.Output)) // the extensions office registered
		if officeOut {
			format = bitext.FormatTarget // if the project is a .docx/.odt: checked below
		}
		if format == "" {
			return fmt.Errorf("export: cannot tell the format from %q: give --format (%s)", o.Output, strings.Join(bitext.Formats, ", "))
		}
	}
	if format == "" {
		return fmt.Errorf("export: give --format (%s) or -o with a known extension", strings.Join(bitext.Formats, ", "))
	}
	if format == "xlf" {
		format = bitext.FormatXLIFF
	}
	doc, projectPath, err := openProjectWith(s, o.Path, segments.OpenOptions{MaxBytes: int64(o.Max)})
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	bo := bitext.Options{
		All:         o.All,
		TMX:         bitext.TMXOptions{Level: bitext.TMXLevel(o.TMXLevel), Tags: o.TMXTags},
		XLIFF:       bitext.XLIFFOptions{Version: bitext.XLIFFVersion(o.XLIFFVersion)},
		Markdown:    bitext.MarkdownOptions{Layout: bitext.MDLayout(o.MDLayout)},
		TSV:         bitext.TSVOptions{Safe: o.TSVSafe},
		ToolVersion: versionString(),
		Warn:        func(msg string) { fmt.Fprintln(s.Err, "trad: warning:", msg) },
	}
	if format == bitext.FormatTarget || format == bitext.FormatTargetHTML {
		if err := checkTagErrors(doc, bo); err != nil {
			return err
		}
	}
	if officeOut && !office.IsFormat(doc.Format) {
		return fmt.Errorf("export: cannot tell the format from %q: give --format (%s); a .docx or .odt is written only from such a document", o.Output, strings.Join(bitext.Formats, ", "))
	}
	if format == bitext.FormatTarget && office.IsFormat(doc.Format) {
		return exportOffice(s, doc, projectPath, o, bo)
	}
	if o.Output == "" || o.Output == "-" {
		if err := bitext.Write(s.Out, doc, format, bo); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		return nil
	}
	for _, own := range []string{doc.SourcePath, projectPath} {
		if own != "" && safefile.SameFile(own, o.Output) {
			return fmt.Errorf("export: %s is the project's own file: choose another -o", o.Output)
		}
	}
	if err := safefile.Write(o.Output, func(w io.Writer) error { return bitext.Write(w, doc, format, bo) }, safefile.Options{}); err != nil {
		return fmt.Errorf("export %s: %w", o.Output, err)
	}
	fmt.Fprintf(s.Err, "trad: wrote %s (%s)\n", o.Output, format)
	return nil
}

// checkTagErrors refuses to write the translated document while an
// exported target has tag errors: it would lose links and formatting. TMX
// and XLIFF still export (another tool can fix the tags).
func checkTagErrors(doc *segments.Document, bo bitext.Options) error {
	var msgs []string
	n := 0
	for _, is := range qa.TagErrors(doc) {
		if !bitext.Exported(&doc.Segments[is.Segment], bo) {
			continue
		}
		n++
		if len(msgs) < 5 {
			msgs = append(msgs, "  "+is.String())
		}
	}
	if n == 0 {
		return nil
	}
	return fmt.Errorf("export: %d tag errors in the translation: the document would lose its formatting or links; put the tags back (trad qa lists them) and export again:\n%s", n, strings.Join(msgs, "\n"))
}

// openProject opens a project file or an article's project, printing the
// reader's warnings.
func openProject(s *streams, path string) (*segments.Document, string, error) {
	return openProjectWith(s, path, segments.OpenOptions{})
}

// openProjectWith is openProject with options (such as a reading limit).
func openProjectWith(s *streams, path string, opts segments.OpenOptions) (*segments.Document, string, error) {
	p, err := segments.OpenProject(path, opts)
	printWarnings(s, p.Warnings)
	return p.Doc, p.Path(), err
}
