package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/trad-project/trad/bitext"
	"github.com/trad-project/trad/internal/safefile"
	"github.com/trad-project/trad/office"
	"github.com/trad-project/trad/segments"
)

// officeFlags are the root's flags for reading .docx and .odt documents;
// every command that opens an article reads them.
type officeFlags struct {
	opts office.Options
}

// addOfficeFlags registers the .docx/.odt readers (segments then reads
// those files like any article) and their flags, which apply to every
// command.
func addOfficeFlags(root *cobra.Command) {
	f := &officeFlags{}
	office.Register(f.opts)
	pf := root.PersistentFlags()
	pf.BoolVar(&f.opts.Comments, "docx-comments", false, "Word and LibreOffice documents: translate the comments too")
	pf.BoolVar(&f.opts.AcceptChanges, "accept-changes", false, "Word and LibreOffice documents: read a document with tracked changes as if they were accepted")
	prev := root.PersistentPreRunE
	root.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		office.Register(f.opts)
		if prev != nil {
			return prev(cmd, args)
		}
		return nil
	}
}

// exportOffice writes the translated .docx or .odt of doc: the original
// package (doc.SourcePath) with the translated paragraphs replaced.
func exportOffice(s *streams, doc *segments.Document, projectPath string, o *exportOptions, bo bitext.Options) error {
	if doc.SourcePath == "" {
		return fmt.Errorf("export: the project does not name its %s document, which the translation is written into", doc.Format)
	}
	src, err := safefile.ReadRegular(doc.SourcePath, safefile.Limit{Max: segments.DefaultMaxBytes, What: "a document"})
	if err != nil {
		return fmt.Errorf("export: the original document is needed to write its translation: %w", err)
	}
	write := func(w io.Writer) error { return office.WriteTarget(w, doc, src, bo, office.Registered()) }
	if o.Output == "" || o.Output == "-" {
		out := rawOut(s.Out)
		if f, ok := out.(*os.File); ok && isTerminal(f) {
			return fmt.Errorf("export: a %s document is not written to a terminal: give -o FILE%s", doc.Format, filepath.Ext(doc.SourcePath))
		}
		return write(out)
	}
	for _, own := range []string{doc.SourcePath, projectPath} {
		if own != "" && safefile.SameFile(own, o.Output) {
			return fmt.Errorf("export: %s is the project's own file: choose another -o", o.Output)
		}
	}
	// The same extension as the source: a .docm holds macros, which Word
	// refuses in a file named .docx.
	want := strings.ToLower(filepath.Ext(doc.SourcePath))
	if ext := strings.ToLower(filepath.Ext(o.Output)); ext != want {
		return fmt.Errorf("export: the translation of %s is a %s file, not %s: name -o FILE%s", filepath.Base(doc.SourcePath), want, o.Output, want)
	}
	if err := safefile.Write(o.Output, write, safefile.Options{}); err != nil {
		return fmt.Errorf("export %s: %w", o.Output, err)
	}
	fmt.Fprintf(s.Err, "trad: wrote %s (translated %s)\n", o.Output, doc.Format)
	return nil
}
