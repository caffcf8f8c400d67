package diag

import (
	"errors"
	"fmt"
)

// LineError is an error at a line of a file being read. Readers return it
// (or wrap it), so that a command names the file and line ("FILE:N: msg")
// from the error itself rather than by parsing its text. xmlscan.Error is
// this type.
type LineError struct {
	Line int
	Msg  string
	Err  error // the cause, when there is one (Msg says it)
}

func (e *LineError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

func (e *LineError) Unwrap() error { return e.Err }

// AtLine returns a LineError for err at line, keeping err as its cause.
func AtLine(line int, err error) *LineError {
	return &LineError{Line: line, Msg: err.Error(), Err: err}
}

// WarningOf returns err, read from file, as a Warning: with the line and
// message of the LineError it is or wraps (dropping the wrappers'
// context, which the file name replaces), else its whole text.
func WarningOf(file string, err error) Warning {
	var le *LineError
	if errors.As(err, &le) {
		return Warning{File: file, Line: le.Line, Msg: le.Msg}
	}
	return Warning{File: file, Msg: err.Error()}
}
