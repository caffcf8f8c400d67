package segments

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"github.com/trad-project/trad/internal/filelock"
	"github.com/trad-project/trad/internal/safefile"
)

// This file holds the editor's advisory lock: PROJECT.lock, a small JSON
// file saying which process has the project open in an editor, so that a
// second editor can say so at start-up. It is advice, not protection: saves
// are safe without it (Store merges); it spares the translator two windows
// fighting over one segment.

// LockHolder is what an editor lock file says about its editor.
type LockHolder struct {
	PID     int       `json:"pid"`
	Host    string    `json:"host"`
	Started time.Time `json:"started"`
	Program string    `json:"program,omitempty"`
}

func (h LockHolder) String() string {
	prog := h.Program
	if prog == "" {
		prog = "trad"
	}
	return fmt.Sprintf("%s (pid %d on %s) since %s", prog, h.PID, h.Host, h.Started.Local().Format("2006-01-02 15:04"))
}

// ErrOpenElsewhere is the error AcquireEditorLock returns (wrapped, with the
// holder) when another live editor has the project open.
var ErrOpenElsewhere = errors.New("the project is already open in another editor")

// OpenElsewhereError says who holds the editor lock of Path.
type OpenElsewhereError struct {
	Path   string
	Holder LockHolder
}

func (e *OpenElsewhereError) Error() string {
	return fmt.Sprintf("%s is already open in %s", e.Path, e.Holder)
}

func (e *OpenElsewhereError) Unwrap() error { return ErrOpenElsewhere }

// EditorLock is an editor lock this process holds. Release it on exit.
type EditorLock struct {
	path string
	me   LockHolder
}

// EditorLockPath returns the lock file of a project: the project file (its
// symbolic links followed) plus ".lock".
func EditorLockPath(project string) string {
	if real, err := safefile.Resolve(project); err == nil {
		project = real
	}
	return project + ".lock"
}

// AcquireEditorLock takes the editor lock of project for this process
// (program names it, "trad edit"). When another editor holds it, it returns
// the holder and an *OpenElsewhereError, taking nothing: the caller offers
// to open anyway (ForceEditorLock) or read-only. A lock left by a process
// that is gone (same host, pid not running) or that cannot be read is
// stale: it is taken over.
func AcquireEditorLock(project, program string) (*EditorLock, *LockHolder, error) {
	return acquireEditorLock(project, program, false)
}

// ForceEditorLock takes the editor lock of project even when another editor
// holds it ("open anyway"); that editor's Release then leaves it alone.
func ForceEditorLock(project, program string) (*EditorLock, error) {
	l, _, err := acquireEditorLock(project, program, true)
	return l, err
}

func acquireEditorLock(project, program string, force bool) (*EditorLock, *LockHolder, error) {
	path := EditorLockPath(project)
	unlock, err := lockProject(path)
	if err != nil {
		return nil, nil, fmt.Errorf("editor lock %s: %w", path, err)
	}
	defer unlock()
	host, _ := os.Hostname()
	me := LockHolder{PID: os.Getpid(), Host: host, Started: time.Now().UTC().Truncate(time.Second), Program: program}
	if h, ok := readLockFile(path); ok && !force && h.PID != me.PID && !h.stale(host) {
		return nil, &h, &OpenElsewhereError{Path: project, Holder: h}
	}
	data, err := json.Marshal(me)
	if err != nil {
		return nil, nil, err
	}
	if err := safefile.WriteFile(path, append(data, '\n'), safefile.Options{}); err != nil {
		return nil, nil, fmt.Errorf("editor lock %s: %w", path, err)
	}
	return &EditorLock{path: path, me: me}, nil, nil
}

// readLockFile reads a lock file; ok is false when there is none or it
// cannot be read (a stale lock, then).
func readLockFile(path string) (h LockHolder, ok bool) {
	data, err := os.ReadFile(path)
	if err != nil {
		return h, false
	}
	if json.Unmarshal(data, &h) != nil || h.PID <= 0 {
		return h, false
	}
	return h, true
}

// stale reports whether the holder is a process of this host that is gone.
// A holder on another host is never stale: trad cannot tell.
func (h LockHolder) stale(host string) bool {
	return h.Host == host && !filelock.Alive(h.PID)
}

// Release removes the lock file if it is still this process's (another
// editor may have forced it meanwhile). Releasing twice is harmless.
func (l *EditorLock) Release() error {
	if l == nil {
		return nil
	}
	unlock, err := lockProject(l.path)
	if err != nil {
		return fmt.Errorf("release editor lock %s: %w", l.path, err)
	}
	defer unlock()
	h, ok := readLockFile(l.path)
	if !ok || h.PID != l.me.PID || !h.Started.Equal(l.me.Started) || h.Host != l.me.Host {
		return nil
	}
	if err := os.Remove(l.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("release editor lock %s: %w", l.path, err)
	}
	return nil
}
