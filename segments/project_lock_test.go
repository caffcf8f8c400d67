package segments

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestEditorLock(t *testing.T) {
	host, _ := os.Hostname()
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Skip("no `true` command:", err)
	}
	started := time.Date(2026, 5, 1, 9, 30, 0, 0, time.UTC)
	tests := []struct {
		name   string
		holder *LockHolder // written in the lock file first; nil: none
		raw    string      // or these bytes
		held   bool        // AcquireEditorLock must refuse
	}{
		{"free", nil, "", false},
		{"live editor on this host", &LockHolder{PID: 1, Host: host, Started: started, Program: "trad edit"}, "", true},
		{"editor on another host", &LockHolder{PID: 999999, Host: "elsewhere.example", Started: started}, "", true},
		{"stale: its process is gone", &LockHolder{PID: dead.Process.Pid, Host: host, Started: started}, "", false},
		{"unreadable lock file", nil, "{not json", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pp := filepath.Join(t.TempDir(), "a"+ProjectExt)
			lp := EditorLockPath(pp)
			if lp != pp+".lock" {
				t.Fatalf("lock path %q", lp)
			}
			switch {
			case tt.holder != nil:
				data, _ := json.Marshal(tt.holder)
				writeFile(t, lp, string(data))
			case tt.raw != "":
				writeFile(t, lp, tt.raw)
			}
			l, h, err := AcquireEditorLock(pp, "trad edit")
			if tt.held {
				var oe *OpenElsewhereError
				if l != nil || h == nil || *h != *tt.holder || !errors.As(err, &oe) || !errors.Is(err, ErrOpenElsewhere) {
					t.Fatalf("got lock %v holder %v err %v, want the holder and ErrOpenElsewhere", l, h, err)
				}
				if msg := err.Error(); !strings.Contains(msg, "pid ") || !strings.Contains(msg, tt.holder.Host) {
					t.Errorf("message %q does not name the pid and host", msg)
				}
				// Open anyway: the lock becomes ours.
				if l, err = ForceEditorLock(pp, "trad edit"); err != nil {
					t.Fatal(err)
				}
			} else if err != nil || l == nil || h != nil {
				t.Fatalf("got lock %v holder %v err %v, want the lock", l, h, err)
			}
			var mine LockHolder
			data, _ := os.ReadFile(lp)
			if json.Unmarshal(data, &mine) != nil || mine.PID != os.Getpid() || mine.Host != host || mine.Program != "trad edit" {
				t.Fatalf("lock file holds %s", data)
			}
			if err := l.Release(); err != nil {
				t.Fatal(err)
			}
			if _, err := os.Stat(lp); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("the lock file is still there after Release: %v", err)
			}
			if err := l.Release(); err != nil {
				t.Errorf("second Release: %v", err)
			}
		})
	}
}

// A forced lock is not removed by the editor it was taken from.
func TestEditorLockReleaseLeavesAForcedLock(t *testing.T) {
	pp := filepath.Join(t.TempDir(), "a"+ProjectExt)
	first, _, err := AcquireEditorLock(pp, "trad edit")
	if err != nil {
		t.Fatal(err)
	}
	other := LockHolder{PID: 1, Host: "elsewhere.example", Started: time.Now().UTC()}
	data, _ := json.Marshal(other)
	writeFile(t, EditorLockPath(pp), string(data))
	if err := first.Release(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(EditorLockPath(pp)); err != nil {
		t.Errorf("Release removed another editor's lock: %v", err)
	}
}
