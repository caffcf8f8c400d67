// Package filelock serialises trad processes working on the same project:
// an exclusive OS lock (flock) held around a save's read-compare-write, and
// a liveness check for the process named in an editor's lock file.
package filelock

import (
	"errors"
	"fmt"
	"time"
)

// ErrTimeout is returned by Lock when another process held the lock for the
// whole wait.
var ErrTimeout = errors.New("another trad process holds the lock")

// Lock takes an exclusive lock on the folder dir, shared by every process
// that calls Lock on the same folder, waiting at most wait. It locks the
// folder rather than the file because a save replaces the file (a rename):
// a lock on the file would stay on the old one. The kernel releases the
// lock when the process dies, so a killed save never blocks the others.
// unlock must be called once.
func Lock(dir string, wait time.Duration) (unlock func(), err error) {
	deadline := time.Now().Add(wait)
	for delay := time.Millisecond; ; delay = min(2*delay, 50*time.Millisecond) {
		unlock, busy, err := tryLock(dir)
		switch {
		case err != nil:
			return nil, fmt.Errorf("lock %s: %w", dir, err)
		case !busy:
			return unlock, nil
		case time.Now().After(deadline):
			return nil, fmt.Errorf("lock %s: %w (waited %s)", dir, ErrTimeout, wait)
		}
		time.Sleep(delay)
	}
}
