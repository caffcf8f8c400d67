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
// opts.TSV.Safe prefixes cells that a spreadsheet would run as formulas.
func WriteTSV(w io.Writer, doc *segments.Document, opts Options) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	for i := range doc.Segments {
		s := &doc.Segments[i]
		bw.WriteString(tsvCell(s.Source, opts.TSV.Safe))
		bw.WriteByte('\t')
		if Exported(s, opts) {
			bw.WriteString(tsvCell(s.Target, opts.TSV.Safe))
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

// tsvCell escapes a text cell and, when safe is set, defuses a formula:
// spreadsheets run a cell starting with = + - @ (LibreOffice and Excel also
// the full-width forms) as one, which a hostile memory could use to run
// commands or leak data (CSV injection). The apostrophe is the
// spreadsheets' own "this is text" prefix; it is not removed on reading.
func tsvCell(s string, safe bool) string {
	s = tsvEscaper.Replace(s)
	if safe && formulaStart(s) {
		return "'" + s
	}
	return s
}

// formulaStart reports whether a spreadsheet would read s as a formula.
func formulaStart(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '=', '+', '-', '@':
		return true
	}
	for _, p := range []string{"＝", "＋", "－", "＠"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
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
