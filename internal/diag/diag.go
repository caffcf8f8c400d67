// Package diag holds trad's one Warning type: a problem in an input file
// that reading worked around (a bad line of a glossary, a malformed TMX
// unit, an invalid UTF-8 byte in an article, a repaired project). The
// readers of segments, glossary and tm return it (as their own names,
// type aliases of this one) and cmd/trad and the editor print it.
package diag

import "fmt"

// Warning is a problem in the input that reading worked around.
type Warning struct {
	File string
	Line int // 1-based line; 0 when unknown
	// Byte is the 1-based position of the byte at fault in the file (as
	// an editor's "go to byte" counts), used when Line is 0; 0 when
	// unknown.
	Byte int
	Msg  string
}

// String formats w as "file:line: msg", "file: byte N: msg" or "file: msg".
func (w Warning) String() string {
	switch {
	case w.Line > 0:
		return fmt.Sprintf("%s:%d: %s", w.File, w.Line, w.Msg)
	case w.Byte > 0:
		return fmt.Sprintf("%s: byte %d: %s", w.File, w.Byte, w.Msg)
	}
	return w.File + ": " + w.Msg
}
