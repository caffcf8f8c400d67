//go:build unix

package segments

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/trad-project/trad/internal/safefile"
)

// TestReadFileRefusesSpecialFiles checks that devices, named pipes and
// sockets get a clear error naming the file, at once: before, /dev/zero
// was read until memory ran out and a FIFO blocked forever.
func TestReadFileRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.txt")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	sock := filepath.Join(dir, "s.sock")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Skipf("unix socket: %v", err)
	}
	defer l.Close()
	cases := map[string]string{fifo: "a named pipe", sock: "a socket"}
	if _, err := os.Stat("/dev/zero"); err == nil {
		cases["/dev/zero"] = "a device"
	}
	for path, what := range cases {
		done := make(chan error, 1)
		go func() { _, _, err := ReadFile(path, ReadOptions{}); done <- err }()
		select {
		case err := <-done:
			if !errors.Is(err, safefile.ErrNotRegular) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), what) {
				t.Errorf("%s: err = %v, want %s refused", path, err, what)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("ReadFile(%s) hangs", path)
		}
	}
}
