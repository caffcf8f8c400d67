package bitext

import (
	"fmt"
	"io"

	"github.com/trad-project/trad/segments"
)

// Write writes doc in format (one of Formats).
func Write(w io.Writer, doc *segments.Document, format string, opts Options) error {
	switch format {
	case FormatTMX:
		return WriteTMX(w, doc, opts)
	case FormatXLIFF:
		return WriteXLIFF(w, doc, opts)
	case FormatMD:
		return WriteMarkdown(w, doc, opts)
	case FormatTSV:
		return WriteTSV(w, doc, opts)
	case FormatTarget:
		return WriteTarget(w, doc, opts)
	case FormatTargetHTML:
		return WriteTargetHTML(w, doc, opts)
	}
	return fmt.Errorf("unknown export format %q (want tmx, xliff, md, tsv, target or target-html)", format)
}
