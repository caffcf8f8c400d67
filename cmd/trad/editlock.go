package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/trad-project/trad/segments"
)

// lockEditor takes the project's editor lock. When another editor holds
// it, it says who, on the terminal before the editor starts, and asks:
// open anyway (both save; the saves merge), read-only (this editor saves
// nothing) or quit. readOnly is true for the second answer; lock is nil
// then (Release accepts nil).
func lockEditor(s *streams, project string) (lock *segments.EditorLock, readOnly bool, err error) {
	lock, holder, err := segments.AcquireEditorLock(project, "trad edit")
	if err == nil {
		return lock, false, nil
	}
	if !errors.Is(err, segments.ErrOpenElsewhere) || holder == nil {
		// The lock is advisory: an unwritable lock file does not stop
		// the translator, the saves still merge.
		fmt.Fprintln(s.Err, "trad:", err)
		return nil, false, nil
	}
	fmt.Fprintf(s.Err, "trad: %s is already open in %s.\n", project, segments.Normalize(holder.String()))
	for range 3 {
		fmt.Fprint(s.Err, "Open it anyway (both editors save; their work is merged), read-only, or quit? [o/r/Q] ")
		line, eof := readAnswer(s.In)
		switch strings.ToLower(strings.TrimSpace(line)) {
		case "o", "open", "a", "anyway":
			lock, err := segments.ForceEditorLock(project, "trad edit")
			if err != nil {
				fmt.Fprintln(s.Err, "trad:", err)
			}
			return lock, false, nil
		case "r", "read-only", "readonly":
			return nil, true, nil
		case "", "q", "quit", "n", "no":
			return nil, false, &exitError{code: 1, err: errors.New("edit: not opened (the project is open in another editor)")}
		}
		if eof {
			break
		}
		fmt.Fprintln(s.Err, "trad: answer o (open anyway), r (read-only) or q (quit)")
	}
	return nil, false, &exitError{code: 1, err: errors.New("edit: not opened (the project is open in another editor)")}
}

// readAnswer reads one line from r a byte at a time, so that what the
// translator types after the answer stays unread for the editor (a
// buffered reader would swallow it). eof reports the end of the input.
func readAnswer(r io.Reader) (line string, eof bool) {
	var b strings.Builder
	buf := make([]byte, 1)
	for b.Len() < 256 {
		n, err := r.Read(buf)
		if n == 1 {
			if buf[0] == '\n' {
				return b.String(), false
			}
			b.WriteByte(buf[0])
		}
		if err != nil {
			return b.String(), true
		}
	}
	return b.String(), false
}
