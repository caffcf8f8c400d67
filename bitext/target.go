package bitext

import (
	"bufio"
	"fmt"
	"io"

	"github.com/trad-project/trad/segments"
)

// WriteTarget writes the translated document: the exported targets put
// back into the source's block structure — Markdown in, Markdown out
// (headings, list markers and nesting, quotes, table rows, code blocks
// verbatim), text in, text out. Segments without an exported target are
// left in the source language and counted in a warning.
func WriteTarget(w io.Writer, doc *segments.Document, opts Options) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	r := newBlockRenderer(doc.Format == "markdown" || doc.Format == "html") // html articles are written as Markdown
	missing := 0
	for b := range doc.Blocks {
		text, _, m := blockTarget(doc, b, opts)
		missing += m
		bw.WriteString(r.render(&doc.Blocks[b], text))
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write translated document: %w", err)
	}
	if missing > 0 {
		opts.warn("%d of %d segments not translated: left in the source language (%s)",
			missing, len(doc.Segments), doc.SourceLang)
	}
	return nil
}
