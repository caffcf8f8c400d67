package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/trad-project/trad/segments"
)

// The question asked when another editor holds the project: a wrong answer
// asks again instead of quitting, and what is typed after the answer stays
// for the editor.
func TestLockEditorQuestion(t *testing.T) {
	tests := []struct {
		in       string
		open, ro bool
		rest     string
		asked    int
	}{
		{in: "o\n:11\n", open: true, rest: ":11\n", asked: 1},
		{in: "x\nopen\n", open: true, asked: 2},
		{in: "r\n", ro: true, asked: 1},
		{in: "\n", asked: 1},
		{in: "q\n", asked: 1},
		{in: "", asked: 1},
		{in: "x\ny\nz\n", asked: 3},
	}
	for _, tt := range tests {
		t.Run(strings.TrimSpace(tt.in), func(t *testing.T) {
			project := filepath.Join(t.TempDir(), "a.trad.json")
			// Another live editor: the parent process (go test) stands in.
			host, _ := os.Hostname()
			holder, _ := json.Marshal(segments.LockHolder{PID: os.Getppid(), Host: host, Started: time.Now().UTC(), Program: "trad edit"})
			if err := os.WriteFile(segments.EditorLockPath(project), holder, 0o600); err != nil {
				t.Fatal(err)
			}
			in := strings.NewReader(tt.in)
			var errOut bytes.Buffer
			lock, ro, err := lockEditor(&streams{In: in, Out: io.Discard, Err: &errOut}, project)
			if lock != nil {
				defer lock.Release()
			}
			if got := lock != nil; got != tt.open || ro != tt.ro || (err == nil) != (tt.open || tt.ro) {
				t.Errorf("open %v read-only %v err %v, want open %v read-only %v", got, ro, err, tt.open, tt.ro)
			}
			rest, _ := io.ReadAll(in)
			if string(rest) != tt.rest {
				t.Errorf("left unread %q, want %q", rest, tt.rest)
			}
			if n := strings.Count(errOut.String(), "[o/r/Q]"); n != tt.asked {
				t.Errorf("asked %d times, want %d:\n%s", n, tt.asked, errOut.String())
			}
		})
	}
}
