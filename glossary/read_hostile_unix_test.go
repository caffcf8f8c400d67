//go:build unix

package glossary

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/trad-project/trad/internal/safefile"
)

// A named pipe given as a glossary fails at once instead of hanging.
func TestReadFileRefusesFIFO(t *testing.T) {
	p := filepath.Join(t.TempDir(), "g.tsv")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	_, _, err := ReadFile(p)
	if !errors.Is(err, safefile.ErrNotRegular) || !strings.Contains(err.Error(), p) {
		t.Errorf("err = %v", err)
	}
	if _, err := os.Stat(p); err != nil {
		t.Fatal(err)
	}
}
