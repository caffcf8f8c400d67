package main

import (
	"bufio"
	"errors"
	"fmt"
	"strings"

	"github.com/trad-project/trad/segments"
)

// takeEditorLock takes the project's editor lock (PROJECT.lock) before the
// editor starts. When another editor has the project open, it asks on the
// terminal: open anyway (saves merge with the other editor's), read-only
// (nothing is saved), or quit. It returns the editor's save function (nil
// when read-only) and the function releasing the lock on exit.
func (ses *editSession) takeEditorLock(s *streams) (save func(*segments.Document) error, release func(), err error) {
	save = func(d *segments.Document) error {
		_, err := ses.store.Save(d)
		return err
	}
	lock, holder, err := segments.AcquireEditorLock(ses.projectPath, "trad edit")
	if err != nil && holder == nil {
		// The lock is advice: saves merge without it. Say so and go on.
		fmt.Fprintln(s.Err, "trad: warning:", err)
		return save, func() {}, nil
	}
	if err != nil {
		fmt.Fprintf(s.Err, "trad: %v.\nOpen it anyway (saves merge with the other editor's) [a], read-only [r], or quit [Q]? ", err)
		line, _ := bufio.NewReader(s.In).ReadString('\n')
		switch strings.ToLower(strings.TrimSpace(line)) {
		case "a", "anyway":
			if lock, err = segments.ForceEditorLock(ses.projectPath, "trad edit"); err != nil {
				return nil, nil, fmt.Errorf("edit: %w", err)
			}
		case "r", "read-only":
			ses.notices = append(ses.notices, "read-only: "+ses.projectPath+" is open in another editor; nothing is saved")
			return nil, func() {}, nil
		default:
			return nil, nil, &exitError{code: 1, err: errors.New("edit: not opened: the project is open in another editor")}
		}
	}
	return save, func() {
		if err := lock.Release(); err != nil {
			fmt.Fprintln(s.Err, "trad: warning:", err)
		}
	}, nil
}
