package main

import (
	"bufio"
	"bytes"
	"fmt"
	"time"

	"github.com/trad-project/trad/internal/diag"

	"github.com/spf13/cobra"

	"github.com/trad-project/trad/bitext"
	"github.com/trad-project/trad/internal/safefile"
	"github.com/trad-project/trad/segments"
)

// importOptions are the flags and arguments of `trad import`.
type importOptions struct {
	File    string // the TMX or XLIFF file
	Article string // the article whose project receives the import
	Project string // or the project file itself
}

func newImportCmd(s *streams) *cobra.Command {
	opts := &importOptions{}
	cmd := &cobra.Command{
		Use:   "import FILE.tmx|FILE.xlf|FILE.md [--project P | ARTICLE]",
		Short: "Bring translations from a TMX or XLIFF file (or notes from bilingual Markdown) into a project",
		Long: `import reads a TMX or XLIFF file into a project, given as --project
NAME.trad.json or as the ARTICLE whose project it is.

A TMX file fills the project's empty segments whose source it holds
exactly (same text after Unicode normalisation); those targets come in as
drafts with origin "tm", to be confirmed. Segments that have a target are
never changed.

An XLIFF file (1.2, 2.0 or 2.1, such as one exported by trad and worked on
in another CAT tool) restores targets, states and notes, matching segments
by id and checking their source text. Segments that match nothing are
reported and skipped.

A bilingual Markdown file in the parallel layout (trad export --format md
--md-layout parallel) brings back the segments' notes (its [^trad-sN]:
lines); its targets are not read. The project is saved atomically, its previous
version kept as .bak; what another trad process (an open editor) saved
meanwhile is merged, not overwritten.`,
		Example: `  trad import memory.tmx article.fr.md
  trad import reviewed.xlf --project article.fr.trad.json`,
		Args: cobra.RangeArgs(1, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			if len(args) == 2 {
				opts.Article = args[1]
			}
			return importRun(s, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Project, "project", "p", "", "project file (NAME.trad.json) to import into")
	return cmd
}

func importRun(s *streams, o *importOptions) error {
	target := o.Article
	oo := segments.OpenOptions{By: "trad import"}
	switch {
	case o.Article == "" && o.Project == "":
		return fmt.Errorf("import: give the project: --project NAME.trad.json or the ARTICLE")
	case o.Article == "":
		target = o.Project
	case o.Project != "":
		oo.Project = o.Project
	}
	kind, err := importKind(o.File)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	p, err := segments.OpenProject(target, oo)
	store, doc, projectPath := p.Store, p.Doc, p.Path()
	printWarnings(s, p.Warnings)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	f, _, err := safefile.OpenRegular(o.File, "a TMX or XLIFF file")
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	defer f.Close()
	var rep *bitext.ImportReport
	now := time.Now()
	switch kind {
	case "tmx":
		rep, err = bitext.ImportTMX(doc, f, now)
	case "md":
		rep, err = bitext.ImportMarkdown(doc, f, now)
	default:
		rep, err = bitext.ImportXLIFF(doc, f, now)
	}
	if err != nil {
		// Errors name their line: make them "FILE:LINE: …".
		return fmt.Errorf("import: %s", diag.WarningOf(o.File, err))
	}
	for _, w := range rep.Skipped {
		w.File = o.File
		fmt.Fprintln(s.Err, "trad: skipped:", w)
	}
	if rep.Filled > 0 {
		if err := saveProject(s, store, doc); err != nil {
			return fmt.Errorf("import: %w", err)
		}
	}
	switch kind {
	case "tmx":
		fmt.Fprintf(s.Err, "trad: %s: %s read, %s filled (as drafts) in %s\n",
			o.File, count(rep.Units, "unit"), count(rep.Filled, "empty segment"), projectPath)
	case "md":
		fmt.Fprintf(s.Err, "trad: %s: %s read, %d updated, %d unchanged, %d skipped in %s\n",
			o.File, count(rep.Units, "note"), rep.Filled, rep.Unchanged, len(rep.Skipped), projectPath)
	default:
		fmt.Fprintf(s.Err, "trad: %s: %s read, %d updated, %d unchanged, %d skipped in %s\n",
			o.File, count(rep.Units, "segment"), rep.Filled, rep.Unchanged, len(rep.Skipped), projectPath)
	}
	return nil
}

// importKind tells TMX from XLIFF (and bilingual Markdown) by extension,
// or else by the root element.
func importKind(path string) (string, error) {
	switch bitext.FormatForPath(path) {
	case bitext.FormatTMX:
		return "tmx", nil
	case bitext.FormatXLIFF:
		return "xliff", nil
	case bitext.FormatMD:
		return "md", nil
	}
	f, _, err := safefile.OpenRegular(path, "a TMX or XLIFF file")
	if err != nil {
		return "", err
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, _ := bufio.NewReader(f).Read(head)
	switch {
	case bytes.Contains(head[:n], []byte("<tmx")):
		return "tmx", nil
	case bytes.Contains(head[:n], []byte("<xliff")):
		return "xliff", nil
	}
	return "", fmt.Errorf("%s: neither TMX nor XLIFF", path)
}
