package bitext

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/trad-project/trad/segments"
)

// WriteTSV writes one line per segment: source, target and status separated
// by tabs. The target is empty when the segment is not exported (see
// Exported); the status is the segment's own. Backslashes, tabs, newlines
// and carriage returns in the text are written as \\, \t, \n and \r.
func WriteTSV(w io.Writer, doc *segments.Document, opts Options) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	for i := range doc.Segments {
		s := &doc.Segments[i]
		bw.WriteString(tsvEscaper.Replace(s.Source))
		bw.WriteByte('\t')
		if Exported(s, opts) {
			bw.WriteString(tsvEscaper.Replace(s.Target))
		}
		bw.WriteByte('\t')
		bw.WriteString(s.Status.String())
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write TSV: %w", err)
	}
	return nil
}

var tsvEscaper = strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`)

// UnescapeTSV reverses the escaping of a WriteTSV field; an unknown escape
// keeps its backslash.
func UnescapeTSV(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch s[i] {
		case '\\':
			b.WriteByte('\\')
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		default:
			b.WriteByte('\\')
			b.WriteByte(s[i])
		}
	}
	return b.String()
}
