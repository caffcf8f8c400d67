//go:build unix

package safefile

import (
	"os"
	"syscall"
)

// openNoBlock opens path for reading without blocking: opening a named pipe
// that no one writes to would otherwise hang before the file can be checked.
func openNoBlock(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
